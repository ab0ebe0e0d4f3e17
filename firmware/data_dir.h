// Where the kiosk keeps its state when no --data-dir is given.
#pragma once

#include <filesystem>

namespace flytthit {

// $FLYTTHIT_DATA_DIR if set; else $XDG_DATA_HOME/flytthit-kiosk, else
// ~/.local/share/flytthit-kiosk: a per-user place for development. The board's systemd unit
// passes --data-dir /var/lib/flytthit-kiosk explicitly.
std::filesystem::path default_data_dir();

inline constexpr const char* board_data_dir = "/var/lib/flytthit-kiosk";

}  // namespace flytthit
