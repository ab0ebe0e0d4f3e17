// Drawing a frame's damage (ui/render/frame_damage.h) with ImGui's OpenGL3 backend: the
// theme's background and then the draw data, all of it or only inside each damaged rectangle.
#pragma once

#include "ui/platform/gl_functions.h"
#include "ui/render/frame_damage.h"

#include <imgui.h>

#include <array>
#include <memory>
#include <vector>

namespace flytthit::ui {

// The theme's background gradient, top to bottom, painted as the frame's clear: one scissored
// glClear per band of rows that share a colour once rounded to 8 bits a channel (about 50 bands
// at 1080 rows), the same pixels as a gradient: no screen draws a background of its own. A
// screen's own gradient was a blended pass over every pixel on top of the clear: under software
// GL (llvmpipe) the clear and that pass cost 25 ms of CPU a frame at 1920x1080, the bands alone
// 16 ms; drawing only the damage (frame_presenter.h) is what made the attract loop cheap.
class BackgroundBands {
public:
    explicit BackgroundBands(int height);
    // Paints the rows and columns of within. Needs the viewport set; leaves the scissor test
    // off, as ImGui's backend expects it.
    void paint(const GlFunctions& gl, int width, int height, const PixelRect& within) const;

private:
    struct Band {
        int top;
        int rows;
        std::array<int, 3> colour;
    };
    std::vector<Band> bands_;
};

// The bound framebuffer's pixels, RGBA, bottom row first as GL reads them.
std::vector<unsigned char> read_frame(const GlFunctions& gl, int width, int height);

// Draws the frame in draw_data where damage says: everything, or only inside the damaged
// rectangles (the background and every draw command clipped to them, with only the triangles
// that reach into them), which gives the same pixels there as a whole frame. Nothing when the
// damage is empty. Keeps its clipped draw lists between frames.
class DamageDrawing {
public:
    DamageDrawing();
    ~DamageDrawing();
    DamageDrawing(const DamageDrawing&) = delete;
    DamageDrawing& operator=(const DamageDrawing&) = delete;

    void draw(const GlFunctions& gl, const BackgroundBands& background, ImDrawData& draw_data, const Damage& damage, int width,
              int height);

private:
    std::vector<std::unique_ptr<ImDrawList>> lists_;
    std::vector<ImDrawList*> pointers_;
};

}  // namespace flytthit::ui
