// See frame_drawing.h.
#include "ui/platform/frame_drawing.h"

#include "ui/theme.h"

#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

BackgroundBands::BackgroundBands(int height) {
    auto channel = [](ImU32 colour, int shift) { return static_cast<float>((colour >> shift) & 0xFF); };
    auto rounded = [&](int row, int shift) {
        const float t = (static_cast<float>(row) + 0.5f) / static_cast<float>(std::max(height, 1));
        const float top = channel(theme::background_top, shift), bottom = channel(theme::background_bottom, shift);
        return static_cast<int>(std::lround(top + (bottom - top) * t));
    };
    for (int row = 0; row < height; ++row) {
        const std::array<int, 3> colour{rounded(row, 0), rounded(row, 8), rounded(row, 16)};
        if (bands_.empty() || bands_.back().colour != colour) bands_.push_back({row, 0, colour});
        ++bands_.back().rows;
    }
}

void BackgroundBands::paint(const GlFunctions& gl, int width, int height, const PixelRect& within) const {
    const int left = std::max(within.x0, 0), right = std::min(within.x1, width);
    if (right <= left) return;
    gl.enable(gl_scissor_test);
    for (const Band& band : bands_) {
        const int top = std::max(band.top, within.y0), bottom = std::min(band.top + band.rows, within.y1);
        if (bottom <= top) continue;
        gl.scissor(left, height - bottom, right - left, bottom - top);  // GL counts rows from the bottom
        gl.clear_color(static_cast<float>(band.colour[0]) / 255.0f, static_cast<float>(band.colour[1]) / 255.0f,
                       static_cast<float>(band.colour[2]) / 255.0f, 1.0f);
        gl.clear(gl_color_buffer_bit);
    }
    gl.disable(gl_scissor_test);
}

std::vector<unsigned char> read_frame(const GlFunctions& gl, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    gl.pixel_store_i(gl_pack_alignment, 1);
    gl.read_pixels(0, 0, width, height, gl_rgba, gl_unsigned_byte, pixels.data());
    return pixels;
}

namespace {

struct ClipBox {
    float x0, y0, x1, y1;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

ClipBox intersect(const ImVec4& clip, const ClipBox& box) {
    return {std::max(clip.x, box.x0), std::max(clip.y, box.y0), std::min(clip.z, box.x1), std::min(clip.w, box.y1)};
}

// Appends to out the commands of source clipped to box, with only the triangles that reach into
// it: a triangle wholly outside would be scissored away, but software GL would still set it up.
void append_clipped(const ImDrawList& source, const ClipBox& box, ImDrawList& out) {
    for (const ImDrawCmd& command : source.CmdBuffer) {
        const ClipBox clip = intersect(command.ClipRect, box);
        if (clip.empty()) continue;
        ImDrawCmd clipped = command;
        clipped.ClipRect = {clip.x0, clip.y0, clip.x1, clip.y1};
        clipped.IdxOffset = static_cast<unsigned>(out.IdxBuffer.Size);
        clipped.ElemCount = 0;
        if (command.UserCallback == nullptr) {
            const ImDrawIdx* indices = source.IdxBuffer.Data + command.IdxOffset;
            const ImDrawVert* vertices = source.VtxBuffer.Data + command.VtxOffset;
            for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
                const ImVec2 a = vertices[indices[i]].pos, b = vertices[indices[i + 1]].pos, c = vertices[indices[i + 2]].pos;
                if (std::max({a.x, b.x, c.x}) < clip.x0 || std::min({a.x, b.x, c.x}) > clip.x1 ||
                    std::max({a.y, b.y, c.y}) < clip.y0 || std::min({a.y, b.y, c.y}) > clip.y1) {
                    continue;
                }
                out.IdxBuffer.push_back(indices[i]);
                out.IdxBuffer.push_back(indices[i + 1]);
                out.IdxBuffer.push_back(indices[i + 2]);
                clipped.ElemCount += 3;
            }
            if (clipped.ElemCount == 0) continue;
        }
        out.CmdBuffer.push_back(clipped);
    }
}

}  // namespace

DamageDrawing::DamageDrawing() = default;
DamageDrawing::~DamageDrawing() = default;

void DamageDrawing::draw(const GlFunctions& gl, const BackgroundBands& background, ImDrawData& draw_data, const Damage& damage,
                         int width, int height) {
    gl.viewport(0, 0, width, height);
    if (damage.full) {
        background.paint(gl, width, height, {0, 0, width, height});
        ImGui_ImplOpenGL3_RenderDrawData(&draw_data);
        return;
    }
    if (damage.rects.empty()) return;
    // One pass for all the rectangles: merge_rects leaves them apart, so no pixel is blended
    // twice; in each, the background first, then every command clipped to it, in order.
    for (const PixelRect& rect : damage.rects) background.paint(gl, width, height, rect);
    const ImVec2 origin = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
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
        for (const PixelRect& rect : damage.rects) {
            append_clipped(source,
                           {origin.x + static_cast<float>(rect.x0) / scale.x, origin.y + static_cast<float>(rect.y0) / scale.y,
                            origin.x + static_cast<float>(rect.x1) / scale.x, origin.y + static_cast<float>(rect.y1) / scale.y},
                           out);
        }
        clipped.TotalIdxCount += out.IdxBuffer.Size;
        pointers_.push_back(&out);
    }
    clipped.CmdLists = pointers_.data();
    ImGui_ImplOpenGL3_RenderDrawData(&clipped);
}

}  // namespace flytthit::ui
