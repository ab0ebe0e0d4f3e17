// Which pixels of a frame differ from what the back buffer already holds, from ImGui's draw
// data and the frame's moving parts: either the whole frame, or a few rectangles round the
// moving parts where they are now and where they were, when every other vertex, clip rectangle
// and texture is the same as in the frames the back buffer has seen. Pure: no GL, testable
// headless; the window (ui/platform/kiosk_window.cpp) draws and presents what it says.
#pragma once

#include "ui/render/moving_parts.h"

#include <imgui.h>

#include <deque>
#include <vector>

namespace flytthit::ui {

// Framebuffer pixels, top-left origin, [x0, x1) x [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    long long area() const { return static_cast<long long>(width()) * height(); }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool operator==(const PixelRect&) const = default;
};

struct Damage {
    bool full = true;              // redraw and present everything
    std::vector<PixelRect> rects;  // else only these (none: the frame equals the back buffer's)
    long long pixels() const;
};

class FrameDamage {
public:
    // The damage of the frame in draw_data, with moving the parts it drew, for a back buffer
    // that holds the frame drawn buffer_age frames ago (1: the last one; 0: unknown contents).
    // force_full: a window event (exposed, resized) may have lost what the screen shows.
    Damage next(const ImDrawData& draw_data, const MovingParts& moving, int buffer_age, bool force_full);

private:
    // Every unmoved vertex, clip rectangle and texture of a frame, in draw order: two frames
    // with the same signature differ only inside their moving parts.
    std::vector<unsigned char> signature_;
    std::vector<PixelRect> moving_rects_;      // the last frame's moving parts, padded
    std::deque<Damage> history_;               // what each recent frame changed, newest first
    bool have_previous_ = false;
};

// Merges rectangles that overlap or lie close: the result's rectangles are pairwise apart.
std::vector<PixelRect> merge_rects(std::vector<PixelRect> rects);

}  // namespace flytthit::ui
