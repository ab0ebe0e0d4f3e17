// Default data directory; see data_dir.h.
#include "firmware/data_dir.h"

#include <cstdlib>

namespace flytthit {

std::filesystem::path default_data_dir() {
    if (const char* explicit_dir = std::getenv("FLYTTHIT_DATA_DIR"); explicit_dir && *explicit_dir) {
        return explicit_dir;
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "flytthit-kiosk";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".local/share/flytthit-kiosk";
    }
    return board_data_dir;
}

}  // namespace flytthit
