// Drawing a frame's damage (ui/render/frame_damage.h) with ImGui's OpenGL3 backend: the
// draw data, all of it or only inside each damaged rectangle.
#pragma once

#include "ui/platform/gl_functions.h"
#include "ui/render/frame_damage.h"

#include <imgui.h>

#include <array>
#include <memory>
#include <vector>

namespace flytthit::ui {

// The bound framebuffer's pixels, RGBA, bottom row first as GL reads them.
std::vector<unsigned char> read_frame(const GlFunctions& gl, int width, int height);

// Draws the frame in draw_data where damage says: everything, or only inside the damaged
// rectangles (every draw command clipped to them, with only the triangles that reach into
// them, the background's gradient first: KioskUi draws it on ImGui's background list), which
// gives the same pixels there as a whole frame. Nothing when the
// damage is empty. Keeps its clipped draw lists between frames.
class DamageDrawing {
public:
    DamageDrawing();
    ~DamageDrawing();
    DamageDrawing(const DamageDrawing&) = delete;
    DamageDrawing& operator=(const DamageDrawing&) = delete;

    void draw(const GlFunctions& gl, ImDrawData& draw_data, const Damage& damage, int width, int height);

private:
    std::vector<std::unique_ptr<ImDrawList>> lists_;
    std::vector<ImDrawList*> pointers_;
};

}  // namespace flytthit::ui
