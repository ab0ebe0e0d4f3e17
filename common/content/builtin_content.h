// Finds the built-in content pack: the installed copy on the board, the source tree's copy
// while developing.
#pragma once

#include <filesystem>

namespace flytthit {

// The first of the installed and source-tree pack directories that exists; the installed
// path (which then fails to load with a clear report) when neither does.
std::filesystem::path builtin_content_dir();

}  // namespace flytthit
