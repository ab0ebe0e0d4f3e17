// Sign-up step "household": how many adults, and the children's years of birth. Everything
// is a tap; nothing needs typing.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"
#include "ui/widgets/typing_area.h"

#include <algorithm>

namespace flytthit::ui {

void draw_sign_up_household(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_household");
    const Language language = kiosk.language();
    const Household& household = kiosk.draft().lead.household;
    const float top = step_header(kiosk, frame, ui_text(language, "sign_up.household_title"));
    const float margin = frame.px(32);
    const float button = frame.touch(64);
    const float label_gap = frame.px(8);

    // Adults on the left, children on the right: both fit at 800x480 without scrolling.
    float y = top;
    const float children_x = margin + button * 2 + stepper_value_width(frame) + frame.px(56);
    y += text_box(frame, ui_text(language, "sign_up.adults"), {{margin, y}, {children_x - margin - frame.px(16), frame.fonts.large->FontSize * 2}},
                  {frame.fonts.large, theme::text}).size.y + label_gap;
    stepper(frame, "adults", std::to_string(household.adults), {margin, y}, button, intent::ChangeAdults{-1},
            intent::ChangeAdults{+1});

    y = top;
    y += text_box(frame, ui_text(language, "sign_up.children"), {{children_x, y}, {frame.size.x - margin - children_x, frame.fonts.large->FontSize}},
                  {frame.fonts.large, theme::text, Align::left, false, true}).size.y + label_gap;
    const auto& years = household.children_birth_years;
    const float small = frame.touch(56);
    const float row_height = small + frame.px(10);
    const float bottom = frame.size.y - bottom_bar_height(frame);
    const int per_column = std::max(1, static_cast<int>((bottom - y - row_height) / row_height));
    const float column_width = small * 3 + stepper_value_width(frame) + frame.px(36);
    for (std::size_t i = 0; i < years.size(); ++i) {
        const int index = static_cast<int>(i);
        const ImVec2 at{children_x + column_width * static_cast<float>(index / per_column),
                        y + row_height * static_cast<float>(index % per_column)};
        if (at.x + column_width > frame.size.x) break;  // more than fit: the count still shows below
        const std::string name = "child" + std::to_string(index);
        stepper(frame, name, std::to_string(years[i]), at, small, intent::ChangeChildYear{index, -1},
                intent::ChangeChildYear{index, +1});
        if (touch_button(frame, name + ":remove", "×", {at.x + small * 2 + stepper_value_width(frame) + frame.px(10), at.y},
                         {small, small})) {
            frame.emit(intent::RemoveChild{index});
        }
    }
    const int shown_rows = std::min(static_cast<int>(years.size()), per_column);
    const float add_y = y + row_height * static_cast<float>(shown_rows);
    if (years.empty()) {
        text_box(frame, ui_text(language, "sign_up.no_children"), {{children_x, add_y}, {frame.size.x - margin - children_x, frame.fonts.body->FontSize}},
                 {frame.fonts.body, theme::text_muted, Align::left, false, true});
    }
    if (years.size() < static_cast<std::size_t>(max_children)) {
        const float add_at = years.empty() ? add_y + frame.fonts.body->FontSize + frame.px(12) : add_y;
        if (touch_button(frame, "child:add", ui_text(language, "sign_up.add_child"), {children_x, add_at},
                         {frame.px(220), small})) {
            frame.emit(intent::AddChild{});
        }
    }
    bottom_message(frame, problem_text(kiosk, "household.adults"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
