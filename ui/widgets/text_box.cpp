// Text in a box: wrap, step down, ellipsis, and the audit of it; see text_box.h.
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace flytthit::ui {

namespace {

constexpr std::string_view ellipsis = "…";
// The sizes tried, largest first, as shares of the font's size.
constexpr float size_steps[] = {1.0f, 0.92f, 0.84f, smallest_text_share};

struct Line {
    const char* begin;
    const char* end;
    float width;
};

struct Layout {
    std::vector<Line> lines;
    float size = 0;
    bool broke_word = false;     // a word wider than the box was broken between letters (not at "/" or ".")
    bool broke_address = false;  // a word wider than the box was broken where it reads well (is_break_after, before ".")
    float widest = 0;
};

float width_of(ImFont* font, float size, const char* begin, const char* end) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x;
}

// The start of the UTF-8 character after the one at at.
const char* next_char(const char* at, const char* end) {
    ++at;
    while (at < end && (static_cast<unsigned char>(*at) & 0xC0) == 0x80) ++at;
    return at;
}

// Where an address may break after the character: "fjellregionen.no/" + "tynset".
bool is_break_after(char c) { return c == '/' || c == '-' || c == '_' || c == '@'; }

// Greedy wrapping at spaces and at '\n'; a word wider than the line is broken between letters
// (and noted, so a smaller size is tried first).
Layout wrap(ImFont* font, float size, std::string_view text, float width, bool single_line) {
    Layout layout;
    layout.size = size;
    const char* p = text.data();
    const char* const end = text.data() + text.size();
    const float space = width_of(font, size, " ", " " + 1);
    Line line{p, p, 0};
    bool line_empty = true;
    auto finish_line = [&]() {
        layout.widest = std::max(layout.widest, line.width);
        layout.lines.push_back(line);
    };
    while (p < end) {
        if (*p == '\n') {
            if (single_line) { ++p; continue; }
            finish_line();
            ++p;
            line = {p, p, 0};
            line_empty = true;
            continue;
        }
        if (*p == ' ') {
            ++p;
            continue;
        }
        const char* word_end = p;
        while (word_end < end && *word_end != ' ' && *word_end != '\n') ++word_end;
        float word = width_of(font, size, p, word_end);
        const float needed = line_empty ? word : line.width + space + word;
        if (needed <= width || single_line) {
            if (line_empty) line = {p, word_end, word};
            else line = {line.begin, word_end, needed};
            line_empty = false;
            p = word_end;
            continue;
        }
        if (!line_empty) {  // the word goes on the next line
            finish_line();
            line = {p, p, 0};
            line_empty = true;
            continue;
        }
        // A word alone wider than the line: as much of it as fits, the rest on the next line;
        // a web or e-mail address breaks where it reads well (after "/", "-", "_" or "@",
        // before "."), and only a word with no such place is broken between letters.
        const char* cut = p;
        const char* readable = p;
        for (const char* q = next_char(p, word_end); q <= word_end; q = next_char(q, word_end)) {
            if (width_of(font, size, p, q) > width) break;
            cut = q;
            if (q == word_end) break;
            if (is_break_after(q[-1]) || *q == '.') readable = q;
        }
        if (readable != p) {
            cut = readable;
            layout.broke_address = true;
        } else {
            layout.broke_word = true;
        }
        if (cut == p) cut = next_char(p, word_end);  // not even one letter fits: it goes anyway
        word = width_of(font, size, p, cut);
        line = {p, cut, word};
        finish_line();
        p = cut;
        line = {p, p, 0};
        line_empty = true;
    }
    if (!line_empty || layout.lines.empty()) finish_line();
    return layout;
}

float height_of(const Layout& layout) { return layout.size * static_cast<float>(layout.lines.size()); }

struct Chosen {
    Layout layout;
    bool fits = false;
};

// The largest size at which the text fits whole with every word on one line; else the largest
// at which it fits with an address broken where it reads well ("www.holtalen.kommune.no" a
// step smaller beats "www.holtalen.kommune" over ".no" at full size); else the smallest size
// (to be cut).
Chosen choose(std::string_view text, ImVec2 box, const TextStyle& style) {
    ImFont* font = style.font;
    Chosen chosen{};
    std::optional<Layout> broken_address;
    for (float share : size_steps) {
        Layout layout = wrap(font, font->FontSize * share, text, box.x, style.single_line);
        const bool tall = height_of(layout) > box.y + 0.5f;
        const bool wide = layout.widest > box.x + 0.5f;
        // A word broken between letters never fits: it reads as two words, so it is reported
        // (an address broken at "/" or "." is fine, see wrap()).
        if (!tall && !wide && !layout.broke_word) {
            if (!layout.broke_address) return {std::move(layout), true};
            if (!broken_address) broken_address = layout;
        }
        chosen.layout = std::move(layout);
    }
    if (broken_address) return {std::move(*broken_address), true};
    return chosen;
}

// Cuts the layout to the lines that fit the box's height, the last one ending in "…".
// The "…" goes after whole characters, and the line keeps within the width.
std::vector<std::string> cut_lines(const Layout& layout, ImFont* font, ImVec2 box) {
    std::vector<std::string> lines;
    const auto keep = static_cast<std::size_t>(std::max(0.0f, (box.y + 0.5f) / layout.size));
    for (std::size_t i = 0; i < layout.lines.size() && i < keep; ++i) {
        lines.emplace_back(layout.lines[i].begin, layout.lines[i].end);
    }
    if (lines.empty()) return lines;
    // The last kept line: everything after it is missing, so it ends in "…".
    const Line& last = layout.lines[lines.size() - 1];
    std::string tail(last.begin, last.end);
    while (!tail.empty()) {
        const std::string candidate = tail + std::string(ellipsis);
        if (width_of(font, layout.size, candidate.data(), candidate.data() + candidate.size()) <= box.x) {
            tail = candidate;
            break;
        }
        do tail.pop_back();
        while (!tail.empty() && (static_cast<unsigned char>(tail.back()) & 0xC0) == 0x80);
        if (!tail.empty() && (static_cast<unsigned char>(tail.back()) & 0xC0) == 0xC0) tail.pop_back();
        while (!tail.empty() && tail.back() == ' ') tail.pop_back();
    }
    if (tail.empty()) tail = std::string(ellipsis);
    lines.back() = tail;
    return lines;
}

}  // namespace

TextFit measure_text(std::string_view text, ImVec2 box_size, const TextStyle& style) {
    TextFit fit;
    if (style.font == nullptr || box_size.x <= 0 || box_size.y <= 0) return fit;
    const Chosen chosen = choose(text, box_size, style);
    fit.font_size = chosen.layout.size;
    fit.cut = !chosen.fits;
    fit.size = {std::min(chosen.layout.widest, box_size.x), std::min(height_of(chosen.layout), box_size.y)};
    return fit;
}

TextFit text_box(UiFrame& frame, std::string_view text, Rect box, const TextStyle& style) {
    TextFit fit;
    if (text.empty()) return fit;
    TextAudit* const audit = frame.audit;
    if (style.font == nullptr || box.size.x < 1.0f || box.size.y < 1.0f) {
        if (audit) audit->report(TextProblem::overflow, text, box);
        return fit;
    }
    ImFont* font = style.font;
    const Chosen chosen = choose(text, box.size, style);
    const Layout& layout = chosen.layout;
    // The lines point into text; only a cut line (ending in "…") is a string of its own.
    std::vector<std::string> cut;
    std::vector<std::string_view> lines;
    std::vector<float> widths;
    if (chosen.fits) {
        for (const Line& line : layout.lines) {
            lines.emplace_back(line.begin, static_cast<std::size_t>(line.end - line.begin));
            widths.push_back(line.width);
        }
    } else {
        cut = cut_lines(layout, font, box.size);
        for (const auto& line : cut) {
            lines.emplace_back(line);
            widths.push_back(width_of(font, layout.size, line.data(), line.data() + line.size()));
        }
        if (audit) audit->report(lines.empty() ? TextProblem::overflow : TextProblem::cut, text, box);
        fit.cut = true;
    }
    const float height = layout.size * static_cast<float>(lines.size());
    float y = box.pos.y;
    if (style.middle) y += std::max(0.0f, (box.size.y - height) / 2);
    else if (style.bottom) y += std::max(0.0f, box.size.y - height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin();
    const ImVec2 clip_max = draw->GetClipRectMax();
    const int id = audit ? audit->new_id() : 0;
    bool outside = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        float x = box.pos.x;
        if (style.align == Align::centre) x += (box.size.x - widths[i]) / 2;
        if (style.align == Align::right) x += box.size.x - widths[i];
        const std::string_view line = lines[i];
        draw->AddText(font, layout.size, {x, y}, style.colour, line.data(), line.data() + line.size());
        const ImVec2 min{x, y};
        const ImVec2 max{x + widths[i], y + layout.size};
        if (audit) audit->drawn(line, min, max, id);
        outside = outside || min.x < clip_min.x - 0.5f || min.y < clip_min.y - 0.5f || max.x > clip_max.x + 0.5f ||
                  max.y > clip_max.y + 0.5f;
        y += layout.size;
        fit.size.x = std::max(fit.size.x, widths[i]);
    }
    if (outside && audit) audit->report(TextProblem::overflow, text, box);
    fit.size.y = height;
    fit.font_size = layout.size;
    return fit;
}

}  // namespace flytthit::ui
