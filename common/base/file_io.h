// Files written so that a power cut leaves either the old file or the new one, never half.
#pragma once

#include "common/base/result.h"

#include <filesystem>
#include <string>

namespace flytthit {

// Writes text to path atomically: a temporary file beside it, fsync, rename over path, fsync
// of the directory. mode applies to the new file (0600 for secrets).
Status write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode);

// Reads a whole file, refusing one larger than limit bytes.
Result<std::string> read_file_limited(const std::filesystem::path& path, std::size_t limit);

}  // namespace flytthit
