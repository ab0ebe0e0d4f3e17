// The content pack a kiosk starts on, chosen the same way by every face of the kiosk core
// (flytthit-kiosk, the headless kiosk the tests kill, the bench): a pack given on the command
// line; else a signed pack installed with kioskctl install-content, checked again at every
// start (one changed on the card since is refused); else the built-in pack. A pack that does
// not load falls back to the last good one (choose_content).
#pragma once

#include "common/content/content_pack.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

struct BootContent {
    ContentChoice choice;
    std::vector<std::string> notes;  // what a person should know: a refused installed pack, a fallback
};

Result<BootContent> boot_content(const std::optional<std::filesystem::path>& requested, const std::filesystem::path& data_dir);

}  // namespace flytthit
