// The on-screen keyboard; see on_screen_keyboard.h.
#include "ui/widgets/on_screen_keyboard.h"

#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit::ui {

namespace {

// Special keys are spelled with a leading '\t', which no real key types.
constexpr std::string_view shift_key = "\tshift";
constexpr std::string_view backspace_key = "\tbackspace";
constexpr std::string_view space_key = "\tspace";
constexpr std::string_view left_key = "\tleft";
constexpr std::string_view right_key = "\tright";

using Row = std::vector<std::string_view>;

// The layout's rows; with cursor_keys the last row gets the cursor's left and right keys.
std::vector<Row> rows_for(KeyboardLayout layout, bool cursor_keys) {
    static const std::vector<Row> letters{
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "+", backspace_key},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ø", "æ"},
        {shift_key, "z", "x", "c", "v", "b", "n", "m", ",", ".", "-"},
        {"@", "_", space_key, "'"},
    };
    static const std::vector<Row> email{
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "+", backspace_key},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ø", "æ"},
        {shift_key, "z", "x", "c", "v", "b", "n", "m", ".", "-", "_"},
        {"@", ".no", ".com", ".nl", space_key},
    };
    static const std::vector<Row> phone{
        {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"+", "0", backspace_key}, {space_key},
    };
    std::vector<Row> rows = layout == KeyboardLayout::phone ? phone : layout == KeyboardLayout::email ? email : letters;
    if (cursor_keys) {
        rows.back().insert(rows.back().begin(), left_key);
        rows.back().push_back(right_key);
    }
    return rows;
}

// The accented forms of a letter, shown on a long press: those Dutch, German, French and
// Spanish names need (André, Zoë, Müller, Peña).
std::vector<std::string_view> accents_of(std::string_view key) {
    if (key == "e") return {"é", "è", "ë", "ê"};
    if (key == "a") return {"ä", "á", "à", "â"};
    if (key == "u") return {"ü", "ú", "ù"};
    if (key == "o") return {"ö", "ó", "ò", "ô"};
    if (key == "i") return {"ï", "í"};
    if (key == "n") return {"ñ"};
    if (key == "c") return {"ç"};
    return {};
}

constexpr float long_press_seconds = 0.45f;

float key_gap(const UiFrame& frame) { return frame.px(8); }

// Upper case of the letters on our keyboard (ASCII, æ ø å and the accented ones); others unchanged.
std::string upper(std::string_view key) {
    static const std::pair<std::string_view, std::string_view> pairs[] = {
        {"æ", "Æ"}, {"ø", "Ø"}, {"å", "Å"}, {"é", "É"}, {"è", "È"}, {"ë", "Ë"}, {"ê", "Ê"}, {"ä", "Ä"}, {"á", "Á"},
        {"à", "À"}, {"â", "Â"}, {"ü", "Ü"}, {"ú", "Ú"}, {"ù", "Ù"}, {"ö", "Ö"}, {"ó", "Ó"}, {"ò", "Ò"}, {"ô", "Ô"},
        {"ï", "Ï"}, {"í", "Í"}, {"ñ", "Ñ"}, {"ç", "Ç"}};
    for (const auto& [lower, capital] : pairs) {
        if (key == lower) return std::string(capital);
    }
    std::string text(key);
    if (text.size() == 1 && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

float key_width_units(std::string_view key) {
    if (key == space_key) return 5.0f;
    if (key == shift_key || key == backspace_key || key == ".com") return 1.5f;
    return 1.0f;
}

}  // namespace

namespace {

struct HeldKey {
    std::string key;
    ImVec2 pos;
    ImVec2 size;
    bool released = false;
};

// The held key's accented forms in a row above it, as keys of its size. Lifting the finger on
// one types it. Returns true when one was typed.
bool accent_row(UiFrame& frame, const HeldKey& held, bool shift) {
    const auto accents = accents_of(held.key);
    const float gap = frame.px(6);
    const float width = static_cast<float>(accents.size()) * (held.size.x + gap) - gap;
    const float x0 = std::clamp(held.pos.x + held.size.x / 2 - width / 2, 0.0f, std::max(0.0f, frame.size.x - width));
    const float y = std::max(0.0f, held.pos.y - held.size.y - gap);
    if (frame.audit) frame.audit->begin_layer();  // over the keys above, on purpose
    const ImVec2 finger = ImGui::GetIO().MousePos;
    bool typed = false;
    for (std::size_t i = 0; i < accents.size(); ++i) {
        const ImVec2 min{x0 + static_cast<float>(i) * (held.size.x + gap), y};
        const ImVec2 max{min.x + held.size.x, min.y + held.size.y};
        const std::string label = shift ? upper(accents[i]) : std::string(accents[i]);
        const bool under = finger.x >= min.x && finger.x < max.x && finger.y >= min.y && finger.y < max.y;
        frame.targets.add("key:" + held.key + ":" + std::string(accents[i]), min, max);
        ImDrawList* draw = ImGui::GetWindowDrawList();  // drawn after every key: on top of them
        draw->AddRectFilled(min, max, under ? theme::gold : theme::panel_pressed, frame.px(10));
        draw->AddRect(min, max, theme::gold, frame.px(10), 0, frame.px(2));
        text_box(frame, label, {min, held.size}, {frame.fonts.large, under ? theme::on_gold : theme::text, Align::centre, true, true});
        if (held.released && under) {
            frame.emit(intent::TypeText{label});
            typed = true;
        }
    }
    return typed;
}

}  // namespace

// Every layout has five rows.
float keyboard_min_height(const UiFrame& frame) { return min_touch_px * 5 + key_gap(frame) * 4; }

void draw_keyboard(UiFrame& frame, KeyboardLayout layout, bool shift, Language language, ImVec2 pos, ImVec2 size,
                   bool cursor_keys) {
    if (size.x < 1.0f || size.y < 1.0f) return;
    const auto rows = rows_for(layout, cursor_keys);
    const float gap = key_gap(frame);
    const float key_height = (size.y - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size());
    float widest_units = 0;
    for (const auto& row : rows) {
        float units = 0;
        for (auto key : row) units += key_width_units(key);
        widest_units = std::max(widest_units, units);
    }
    const float unit = std::min((size.x - gap * 12) / widest_units, key_height * (layout == KeyboardLayout::phone ? 2.4f : 1.25f));

    std::optional<HeldKey> held;
    std::optional<std::string> plain_tap;  // held back until the accents had their say
    const ImGuiIO& io = ImGui::GetIO();
    float y = pos.y;
    for (const auto& row : rows) {
        float row_width = 0;
        for (auto key : row) row_width += key_width_units(key) * unit + gap;
        float x = pos.x + (size.x - (row_width - gap)) / 2;
        for (auto key : row) {
            const ImVec2 key_size{key_width_units(key) * unit, key_height};
            std::string name;
            std::string label;
            if (key == shift_key) {
                name = "key:shift";
                label = "⇧";
            } else if (key == backspace_key) {
                name = "key:backspace";
                label = "←";
            } else if (key == space_key) {
                name = "key:space";
                label = std::string(ui_text(language, "keyboard.space"));
            } else if (key == left_key || key == right_key) {
                name = key == left_key ? "key:left" : "key:right";  // drawn as a triangle: no font needed
            } else {
                name = "key:" + std::string(key);
                label = shift ? upper(key) : std::string(key);
            }
            const bool active_shift = key == shift_key && shift;
            const bool tapped = touch_button(frame, name, label, {x, y}, key_size,
                                             active_shift ? ButtonStyle::primary : ButtonStyle::secondary);
            if (key == left_key || key == right_key) {
                const float side = std::min(key_size.x, key_size.y) * 0.22f;
                const ImVec2 centre{x + key_size.x / 2, y + key_size.y / 2};
                const float point = key == left_key ? -side : side;
                ImGui::GetWindowDrawList()->AddTriangleFilled({centre.x + point, centre.y}, {centre.x - point, centre.y - side},
                                                              {centre.x - point, centre.y + side}, theme::text);
            }
            const bool active = ImGui::IsItemActive();
            const bool released = ImGui::IsItemDeactivated();
            const float held_for = active ? io.MouseDownDuration[0] : io.MouseDownDurationPrev[0];
            if (!accents_of(key).empty() && (active || released) && held_for >= long_press_seconds) {
                held = HeldKey{std::string(key), {x, y}, key_size, released};
            }
            if (tapped) {
                if (key == shift_key) frame.emit(intent::ToggleShift{});
                else if (key == backspace_key) frame.emit(intent::Backspace{});
                else if (key == space_key) frame.emit(intent::TypeText{" "});
                else if (key == left_key) frame.emit(intent::MoveCursor{-1});
                else if (key == right_key) frame.emit(intent::MoveCursor{+1});
                else plain_tap = label;
            }
            x += key_size.x + gap;
        }
        y += key_height + gap;
    }
    const bool accent_typed = held && accent_row(frame, *held, shift);
    if (plain_tap && !accent_typed) frame.emit(intent::TypeText{*plain_tap});
}

}  // namespace flytthit::ui
