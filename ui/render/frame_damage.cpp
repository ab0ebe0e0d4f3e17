// See frame_damage.h.
#include "ui/render/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace flytthit::ui {

namespace {

// A moving part's box grows by this much: anti-aliased edges and rasterisation's rounding
// reach about a pixel past the vertices.
constexpr int padding_px = 2;
// Frames of change kept: a back buffer older than this is redrawn whole.
constexpr std::size_t history_frames = 4;
// Above this share of the screen one full pass costs less than scissored ones.
constexpr double full_pass_share = 0.5;
// Two rectangles are merged when they overlap (the window draws them in one pass, which must
// not blend a pixel twice), or when their union wastes at most this many pixels over the two:
// each costs a scissored clear and a draw call per command.
constexpr long long merge_waste_px = 24 * 24;
// A frame is drawn with at most this many rectangles; more merge into their bounds.
constexpr std::size_t max_rects = 24;

PixelRect bounding(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

bool overlaps(const PixelRect& a, const PixelRect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

template <typename T>
void append(std::vector<unsigned char>& out, const T& value) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
    out.insert(out.end(), bytes, bytes + sizeof value);
}

// The vertices [first, end) of list, as bytes: ImDrawVert has no padding to compare.
static_assert(sizeof(ImDrawVert) == 2 * sizeof(ImVec2) + sizeof(ImU32));
void append_vertices(std::vector<unsigned char>& out, const ImDrawList& list, int first, int end) {
    end = std::min(end, list.VtxBuffer.Size);
    if (first >= end) return;
    const auto* bytes = reinterpret_cast<const unsigned char*>(list.VtxBuffer.Data + first);
    out.insert(out.end(), bytes, bytes + sizeof(ImDrawVert) * static_cast<std::size_t>(end - first));
}

// The framebuffer pixels the vertices [first, end) of list can touch.
PixelRect pixels_of(const ImDrawList& list, int first, int end, const ImDrawData& draw_data, int width, int height) {
    float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (int i = first; i < end && i < list.VtxBuffer.Size; ++i) {
        const ImVec2 pos = list.VtxBuffer[i].pos;
        min_x = std::min(min_x, pos.x);
        min_y = std::min(min_y, pos.y);
        max_x = std::max(max_x, pos.x);
        max_y = std::max(max_y, pos.y);
    }
    if (min_x > max_x) return {};
    const ImVec2 origin = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
    auto to_pixel = [](float value) { return static_cast<int>(std::clamp(value, -1.0e6f, 1.0e6f)); };
    PixelRect rect{to_pixel(std::floor((min_x - origin.x) * scale.x)) - padding_px,
                   to_pixel(std::floor((min_y - origin.y) * scale.y)) - padding_px,
                   to_pixel(std::ceil((max_x - origin.x) * scale.x)) + padding_px,
                   to_pixel(std::ceil((max_y - origin.y) * scale.y)) + padding_px};
    rect = {std::max(rect.x0, 0), std::max(rect.y0, 0), std::min(rect.x1, width), std::min(rect.y1, height)};
    return rect.empty() ? PixelRect{} : rect;
}

}  // namespace

long long Damage::pixels() const {
    long long total = 0;
    for (const PixelRect& rect : rects) total += rect.area();
    return total;
}

std::vector<PixelRect> merge_rects(std::vector<PixelRect> rects) {
    std::erase_if(rects, [](const PixelRect& rect) { return rect.empty(); });
    bool merged = true;
    while (merged) {
        merged = false;
        for (std::size_t i = 0; i < rects.size() && !merged; ++i) {
            for (std::size_t j = i + 1; j < rects.size() && !merged; ++j) {
                const PixelRect both = bounding(rects[i], rects[j]);
                if (overlaps(rects[i], rects[j]) || both.area() <= rects[i].area() + rects[j].area() + merge_waste_px) {
                    rects[i] = both;
                    rects.erase(rects.begin() + static_cast<long>(j));
                    merged = true;
                }
            }
        }
    }
    if (rects.size() > max_rects) {
        PixelRect all = rects.front();
        for (const PixelRect& rect : rects) all = bounding(all, rect);
        rects = {all};
    }
    return rects;
}

Damage FrameDamage::next(const ImDrawData& draw_data, const MovingParts& moving, int buffer_age, bool force_full) {
    const int width = static_cast<int>(std::lround(draw_data.DisplaySize.x * draw_data.FramebufferScale.x));
    const int height = static_cast<int>(std::lround(draw_data.DisplaySize.y * draw_data.FramebufferScale.y));

    std::vector<unsigned char> signature;
    signature.reserve(signature_.size());
    append(signature, draw_data.DisplayPos);
    append(signature, draw_data.DisplaySize);
    append(signature, draw_data.FramebufferScale);
    append(signature, draw_data.CmdListsCount);
    std::vector<PixelRect> moving_rects;
    std::vector<MovingPart> in_list;
    std::vector<int> unmoved_number;  // per vertex of a list: its number among the unmoved, or -1
    bool has_callback = false;
    for (int l = 0; l < draw_data.CmdListsCount; ++l) {
        const ImDrawList& list = *draw_data.CmdLists[l];
        in_list.clear();
        for (const MovingPart& part : moving.parts()) {
            if (part.list == &list) in_list.push_back(part);
        }
        std::sort(in_list.begin(), in_list.end(), [](const MovingPart& a, const MovingPart& b) { return a.first_vertex < b.first_vertex; });
        int vertex = 0;
        for (const MovingPart& part : in_list) {
            append_vertices(signature, list, vertex, part.first_vertex);
            const PixelRect rect = pixels_of(list, part.first_vertex, part.end_vertex, draw_data, width, height);
            if (!rect.empty()) moving_rects.push_back(rect);
            vertex = std::max(vertex, part.end_vertex);
        }
        append(signature, -1);  // the list's moving parts end here
        append_vertices(signature, list, vertex, list.VtxBuffer.Size);

        unmoved_number.assign(static_cast<std::size_t>(list.VtxBuffer.Size), 0);
        for (const MovingPart& part : in_list) {
            for (int v = part.first_vertex; v < part.end_vertex && v < list.VtxBuffer.Size; ++v) unmoved_number[static_cast<std::size_t>(v)] = -1;
        }
        int unmoved = 0;
        for (int& number : unmoved_number) number = number < 0 ? -1 : unmoved++;
        append(signature, list.CmdBuffer.Size);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            append(signature, command.ClipRect);
            append(signature, command.TextureId);
            has_callback = has_callback || command.UserCallback != nullptr;
            // Which unmoved vertices each command's triangles join, by their numbers among the
            // unmoved: the same bytes drawn under another clip, texture or as other triangles
            // are a change. Not the counts and offsets: those shift when a moving part draws
            // more or fewer vertices (a glint comes and goes).
            for (unsigned i = 0; i < command.ElemCount; ++i) {
                const std::size_t at = command.VtxOffset + list.IdxBuffer[static_cast<int>(command.IdxOffset + i)];
                if (at < unmoved_number.size() && unmoved_number[at] >= 0) append(signature, unmoved_number[at]);
            }
            append(signature, -1);
        }
    }

    // What this frame changes from the last one.
    Damage changed;
    // A callback may draw anything (and must run once, not once a rectangle); a framebuffer
    // scale other than 1, or an origin off the pixel grid, rounds clip rectangles in ways the
    // clipped pass cannot reproduce.
    const bool scaled = draw_data.FramebufferScale.x != 1.0f || draw_data.FramebufferScale.y != 1.0f ||
                        draw_data.DisplayPos.x != std::floor(draw_data.DisplayPos.x) ||
                        draw_data.DisplayPos.y != std::floor(draw_data.DisplayPos.y);
    changed.full = force_full || !have_previous_ || has_callback || scaled || signature != signature_;
    if (!changed.full) {
        changed.rects = moving_rects_;
        changed.rects.insert(changed.rects.end(), moving_rects.begin(), moving_rects.end());
    }
    history_.push_front(changed);
    if (history_.size() > history_frames) history_.pop_back();
    signature_ = std::move(signature);
    moving_rects_ = std::move(moving_rects);
    have_previous_ = true;

    // What to draw: every change since the frame the back buffer holds.
    Damage repaint;
    if (buffer_age <= 0 || static_cast<std::size_t>(buffer_age) > history_.size()) return repaint;
    repaint.full = false;
    for (std::size_t i = 0; i < static_cast<std::size_t>(buffer_age); ++i) {
        if (history_[i].full) return Damage{};
        repaint.rects.insert(repaint.rects.end(), history_[i].rects.begin(), history_[i].rects.end());
    }
    repaint.rects = merge_rects(std::move(repaint.rects));
    // Nothing to draw: the window neither draws nor swaps, so no buffer ages, and the history
    // counts only the frames that were shown (a buffer's age counts swaps, not frames).
    if (repaint.rects.empty()) history_.pop_front();
    if (static_cast<double>(repaint.pixels()) > full_pass_share * static_cast<double>(width) * height) return Damage{};
    return repaint;
}

}  // namespace flytthit::ui
