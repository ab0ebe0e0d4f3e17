// Pairing from a USB stick: the pairing files flytthit-register add-device --pairing-file
// wrote, found on the mounted sticks, and one of them read, checked and saved as this
// kiosk's pairing. Both touch removable media: call them from a worker, never the frame.
#pragma once

#include "common/base/result.h"
#include "common/protocol/pairing.h"

#include <filesystem>
#include <vector>

namespace flytthit {

// The pairing files at the top of each mount: regular files whose name ends in ".json" and
// contains "pairing" ("pairing.json", "stand-1.pairing.json"), sorted. A mount that cannot be
// listed is skipped: the stick may have been pulled meanwhile.
std::vector<std::filesystem::path> find_pairing_files(const std::vector<std::filesystem::path>& mounts);

// Reads file (at most 256 KiB), checks it as a pairing and saves it in data_dir. Errors say
// which file and what was wrong; nothing is saved unless the whole file is a valid pairing.
Result<Pairing> pair_from_file(const std::filesystem::path& file, const std::filesystem::path& data_dir);

}  // namespace flytthit
