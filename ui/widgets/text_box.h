// The one way the kiosk draws text: inside a box. The text is wrapped at the box's width; if
// it is still too tall (or a word is wider than the box) the font steps down, to at most
// three quarters of its size; only as the last resort is it cut with "…". A word wider than
// the box at every step breaks only where an address reads well (after "/", "-", "_", "@",
// before "."), at the largest size that lets it; one that must break between letters is
// reported as a cut. Every cut, and every text with no room at all, is reported to the
// frame's TextAudit, and every line drawn is recorded there, so the fit test can fail on cuts
// and on texts lying over each other.
#pragma once

#include "ui/ui_frame.h"

#include <string_view>

namespace flytthit::ui {

enum class Align { left, centre, right };

struct TextStyle {
    TextStyle(ImFont* font, ImU32 colour = 0xffffffff, Align align = Align::left, bool middle = false, bool single_line = false)
        : font(font), colour(colour), align(align), middle(middle), single_line(single_line) {}
    ImFont* font;
    ImU32 colour;
    Align align;
    bool middle;       // centred vertically in the box (button labels); else from the top
    bool single_line;  // never wrapped (a name in a table row): steps down, then "…"
    bool bottom = false;  // set to stand on the box's bottom (texts stacked from the bottom up)
};

// What a text took: its size (widest line, height of all lines), the font size it was drawn
// at, and whether it had to be cut.
struct TextFit {
    ImVec2 size{0, 0};
    float font_size = 0;
    bool cut = false;
};

// Draws text inside box (see the top of this file) and returns what it took, so a layout
// can stack the next thing after it without measuring first. A box of no
// width or height draws nothing and reports an overflow. Text leaving the display or the
// current clip rectangle is reported as an overflow too.
TextFit text_box(UiFrame& frame, std::string_view text, Rect box, const TextStyle& style);

// What text_box would take in a box of this size, without drawing or reporting.
TextFit measure_text(std::string_view text, ImVec2 box_size, const TextStyle& style);

// The smallest a font may step down to, as a share of its size.
inline constexpr float smallest_text_share = 0.75f;

}  // namespace flytthit::ui
