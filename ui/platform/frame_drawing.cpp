// See frame_drawing.h.
#include "ui/platform/frame_drawing.h"

#include "ui/theme.h"

#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

std::vector<unsigned char> read_frame(const GlFunctions& gl, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    gl.pixel_store_i(gl_pack_alignment, 1);
    gl.read_pixels(0, 0, width, height, gl_rgba, gl_unsigned_byte, pixels.data());
    return pixels;
}

namespace {

// The pixels ImGui's OpenGL3 backend scissors a command to, top-down, as it rounds them: it
// truncates the left edge, the width, the flipped bottom edge and the height each on its own,
// so a fractional clip rectangle (a text field's) covers other rows than its bounds suggest.
// (The frame damage makes every frame with a framebuffer scale other than 1 whole.)
PixelRect scissored_pixels(const ImVec4& clip, ImVec2 origin, int framebuffer_height) {
    const float x0 = clip.x - origin.x, y0 = clip.y - origin.y, x1 = clip.z - origin.x, y1 = clip.w - origin.y;
    if (x1 <= x0 || y1 <= y0) return {};
    const int left = static_cast<int>(x0);
    const int bottom = framebuffer_height - static_cast<int>(static_cast<float>(framebuffer_height) - y1);
    return {left, bottom - static_cast<int>(y1 - y0), left + static_cast<int>(x1 - x0), bottom};
}

// Appends to out the commands of source scissored to rect (framebuffer pixels), with only the
// triangles that reach into it: a triangle wholly outside would be scissored away, but
// software GL would still set it up. Each clip rectangle becomes whole pixels, which the
// backend scissors to exactly.
void append_clipped(const ImDrawList& source, const PixelRect& rect, ImVec2 origin, int framebuffer_height, ImDrawList& out) {
    for (const ImDrawCmd& command : source.CmdBuffer) {
        if (command.UserCallback != nullptr) continue;  // never here: FrameDamage makes such frames whole
        const PixelRect drawn = scissored_pixels(command.ClipRect, origin, framebuffer_height);
        const PixelRect within{std::max(drawn.x0, rect.x0), std::max(drawn.y0, rect.y0), std::min(drawn.x1, rect.x1),
                               std::min(drawn.y1, rect.y1)};
        if (within.empty()) continue;
        const ImVec4 clip{origin.x + static_cast<float>(within.x0), origin.y + static_cast<float>(within.y0),
                          origin.x + static_cast<float>(within.x1), origin.y + static_cast<float>(within.y1)};
        ImDrawCmd clipped = command;
        clipped.ClipRect = clip;
        clipped.IdxOffset = static_cast<unsigned>(out.IdxBuffer.Size);
        clipped.ElemCount = 0;
        const ImDrawIdx* indices = source.IdxBuffer.Data + command.IdxOffset;
        const ImDrawVert* vertices = source.VtxBuffer.Data + command.VtxOffset;
        for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
            const ImVec2 a = vertices[indices[i]].pos, b = vertices[indices[i + 1]].pos, c = vertices[indices[i + 2]].pos;
            if (std::max({a.x, b.x, c.x}) < clip.x || std::min({a.x, b.x, c.x}) > clip.z || std::max({a.y, b.y, c.y}) < clip.y ||
                std::min({a.y, b.y, c.y}) > clip.w) {
                continue;
            }
            out.IdxBuffer.push_back(indices[i]);
            out.IdxBuffer.push_back(indices[i + 1]);
            out.IdxBuffer.push_back(indices[i + 2]);
            clipped.ElemCount += 3;
        }
        if (clipped.ElemCount > 0) out.CmdBuffer.push_back(clipped);
    }
}

}  // namespace

DamageDrawing::DamageDrawing() = default;
DamageDrawing::~DamageDrawing() = default;

void DamageDrawing::draw(const GlFunctions& gl, ImDrawData& draw_data, const Damage& damage, int width, int height) {
    gl.viewport(0, 0, width, height);
    if (damage.full) {
        // The background's gradient covers every pixel; the clear (an unscissored one, which
        // software GL does without shading a pixel) only keeps a frame with no draw data
        // (a minimised window) from showing what the buffer held.
        const ImVec4 bottom = ImGui::ColorConvertU32ToFloat4(theme::background_bottom);
        gl.clear_color(bottom.x, bottom.y, bottom.z, 1.0f);
        gl.clear(gl_color_buffer_bit);
        ImGui_ImplOpenGL3_RenderDrawData(&draw_data);
        return;
    }
    if (damage.rects.empty()) return;
    // One pass for all the rectangles: merge_rects leaves them apart, so no pixel is blended
    // twice; in each, every command clipped to it, in order, the background's gradient first.
    const ImVec2 origin = draw_data.DisplayPos;
    while (static_cast<int>(lists_.size()) < draw_data.CmdListsCount) {
        lists_.push_back(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData()));
    }
    pointers_.clear();
    ImDrawData clipped = draw_data;
    clipped.TotalIdxCount = 0;
    for (int l = 0; l < draw_data.CmdListsCount; ++l) {
        const ImDrawList& source = *draw_data.CmdLists[l];
        ImDrawList& out = *lists_[static_cast<std::size_t>(l)];
        out.VtxBuffer = source.VtxBuffer;
        out.IdxBuffer.resize(0);
        out.CmdBuffer.resize(0);
        for (const PixelRect& rect : damage.rects) append_clipped(source, rect, origin, height, out);
        clipped.TotalIdxCount += out.IdxBuffer.Size;
        pointers_.push_back(&out);
    }
    clipped.CmdLists = pointers_.data();
    ImGui_ImplOpenGL3_RenderDrawData(&clipped);
}

}  // namespace flytthit::ui
