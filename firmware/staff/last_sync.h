// What the last sync did, kept in the store's settings across restarts so staff see it at the
// next fair too. Kept as facts (when, whether it went through, how many), not as sentences, so
// staff read it in their own language and their own time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/base/result.h"

namespace flytthit {

struct LastSync {
    std::string at_utc;      // ISO 8601, as the kiosk writes UTC
    bool succeeded = false;
    std::int64_t sent = 0;   // acknowledged by the register
    std::string error;       // the sync client's plain words when it failed
    ErrorKind error_kind = ErrorKind::failed;  // what staff read first, from the catalogue
};

std::string encode_last_sync(const LastSync& last);
// Nothing for a setting that is not one (a store from before this shape): staff then see
// "never" rather than a half-read line, and the next sync writes the new shape.
std::optional<LastSync> decode_last_sync(std::string_view text);

}  // namespace flytthit
