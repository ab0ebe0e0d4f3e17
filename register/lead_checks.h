// What the register checks of each received lead beyond the protocol's own checks: that every
// municipality it names is one of the register's content pack (an id such as "oslo",
// "../../etc" or "" would be stored and reach no host's export). A lead that fails is
// rejected on its own, with a reason the kiosk shows to staff.
#pragma once

#include "common/base/result.h"
#include "common/protocol/sync_protocol.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flytthit::reg {

struct KnownMunicipality {
    std::string id;    // "roros"
    std::string name;  // "Røros"
};

// The municipalities of the register's published pack (DIR/content), else of the built-in pack.
Result<std::vector<KnownMunicipality>> known_municipalities(const std::filesystem::path& dir);

// Turns each item naming an unknown municipality (or an unknown follow-up) into a rejection.
void reject_unknown_municipalities(std::vector<protocol::ReceivedItem>& items, const std::vector<KnownMunicipality>& known);

// The id for what a person typed: the id or the name, in any case ("ROROS", "røros", "Røros").
// Errors list the known ids.
Result<std::string> resolve_municipality(const std::string& typed, const std::vector<KnownMunicipality>& known);

}  // namespace flytthit::reg
