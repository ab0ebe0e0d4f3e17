// The kiosk on a real display: SDL2 window (X11, Wayland or the framebuffer through KMSDRM),
// an OpenGL context, the ImGui backends, and the frame loop that draws only when something
// changed or an animation runs.
#pragma once

#include "ui/platform/gl_window.h"

#include "firmware/kiosk.h"

#include <filesystem>
#include <optional>

namespace flytthit::ui {

struct WindowOptions {
    int width = 1280;
    int height = 800;
    bool fullscreen = true;
    GlApi gl_api = GlApi::automatic;
    std::optional<std::filesystem::path> screenshot;  // render a few frames, save PNG, exit
    std::filesystem::path content_dir;  // where the kiosk's pack was loaded from: its pictures are read there
    std::filesystem::path data_dir;     // the lead store's: the baked font atlases are kept there too
    // For bench/: print "first-frame" when the first frame is on screen; or draw this many
    // frames back to back and print their build and draw times, then exit.
    bool report_first_frame = false;
    int bench_frames = 0;
    // For screenshot_test: draw this many frames back to back, each from its damage and then
    // whole, compare the two, print "damage-check: ...", exit 0 only if every pixel matched.
    int check_damage_frames = 0;
};

// Runs until the window is closed. Returns the process exit code: 0 after a normal close or
// a saved screenshot, 3 when there is no display to open (with advice printed to stderr),
// 1 on any other failure to start.
int run_kiosk_window(Kiosk& kiosk, const WindowOptions& options);

}  // namespace flytthit::ui
