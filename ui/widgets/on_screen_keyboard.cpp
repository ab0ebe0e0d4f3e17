// The on-screen keyboard; see on_screen_keyboard.h.
#include "ui/widgets/on_screen_keyboard.h"

#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

#include <string>
#include <string_view>
#include <vector>

namespace flytthit::ui {

namespace {

// Special keys are spelled with a leading '\t', which no real key types.
constexpr std::string_view shift_key = "\tshift";
constexpr std::string_view backspace_key = "\tbackspace";
constexpr std::string_view space_key = "\tspace";

using Row = std::vector<std::string_view>;

const std::vector<Row>& rows_for(KeyboardLayout layout) {
    static const std::vector<Row> letters{
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "+", backspace_key},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ø", "æ"},
        {shift_key, "z", "x", "c", "v", "b", "n", "m", ",", ".", "-"},
        {"@", "_", space_key, "'"},
    };
    static const std::vector<Row> phone{
        {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"+", "0", backspace_key}, {space_key},
    };
    return layout == KeyboardLayout::phone ? phone : letters;
}

// Upper case of the letters on our keyboard (ASCII and æ ø å); others unchanged.
std::string upper(std::string_view key) {
    if (key == "æ") return "Æ";
    if (key == "ø") return "Ø";
    if (key == "å") return "Å";
    std::string text(key);
    if (text.size() == 1 && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

float key_width_units(std::string_view key) {
    if (key == space_key) return 5.0f;
    if (key == shift_key || key == backspace_key) return 1.5f;
    return 1.0f;
}

}  // namespace

void draw_keyboard(UiFrame& frame, KeyboardLayout layout, bool shift, Language language, ImVec2 pos, ImVec2 size) {
    const auto& rows = rows_for(layout);
    const float gap = frame.px(8);
    const float key_height = (size.y - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size());
    float widest_units = 0;
    for (const auto& row : rows) {
        float units = 0;
        for (auto key : row) units += key_width_units(key);
        widest_units = std::max(widest_units, units);
    }
    const float unit = std::min((size.x - gap * 12) / widest_units, key_height * (layout == KeyboardLayout::phone ? 2.4f : 1.25f));

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
            } else {
                name = "key:" + std::string(key);
                label = shift ? upper(key) : std::string(key);
            }
            const bool active_shift = key == shift_key && shift;
            if (touch_button(frame, name, label, {x, y}, key_size,
                             active_shift ? ButtonStyle::primary : ButtonStyle::secondary)) {
                if (key == shift_key) frame.emit(intent::ToggleShift{});
                else if (key == backspace_key) frame.emit(intent::Backspace{});
                else if (key == space_key) frame.emit(intent::TypeText{" "});
                else frame.emit(intent::TypeText{label});
            }
            x += key_size.x + gap;
        }
        y += key_height + gap;
    }
}

}  // namespace flytthit::ui
