// Sign-up, step 1: who the household is (adults, children's birth years), the places they
// are curious about and what matters to them. Everything is a tap; nothing needs typing.
#include "screens/screen_window.h"
#include "screens/screens.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets/controls.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

// "−  value  +" with the value between two square buttons. Names: <name>:- and <name>:+.
void stepper(UiFrame& frame, const std::string& name, const std::string& value, ImVec2 pos, float button,
             const Intent& minus, const Intent& plus) {
    if (touch_button(frame, name + ":-", "−", pos, {button, button})) frame.emit(minus);
    const float value_width = frame.px(110);
    draw_text(frame.fonts.large, value, {pos.x + button + value_width / 2, pos.y + (button - frame.fonts.large->FontSize) / 2},
              theme::text, true);
    if (touch_button(frame, name + ":+", "+", {pos.x + button + value_width, pos.y}, {button, button})) frame.emit(plus);
}

void household_column(const Kiosk& kiosk, UiFrame& frame, float x, float width) {
    const Language language = kiosk.language();
    const Household& household = kiosk.draft().lead.household;
    const float button = frame.px(64);
    float y = frame.px(120);

    draw_text(frame.fonts.large, ui_text(language, "sign_up.adults"), {x, y}, theme::text);
    y += frame.fonts.large->FontSize + frame.px(10);
    stepper(frame, "adults", std::to_string(household.adults), {x, y}, button, intent::ChangeAdults{-1},
            intent::ChangeAdults{+1});
    y += button + frame.px(28);

    draw_text(frame.fonts.large, ui_text(language, "sign_up.children"), {x, y}, theme::text);
    y += frame.fonts.large->FontSize + frame.px(10);
    const auto& years = household.children_birth_years;
    if (years.empty()) draw_text(frame.fonts.body, ui_text(language, "sign_up.no_children"), {x, y + frame.px(4)}, theme::text_muted);
    // Two columns of children, so even a large family fits without scrolling.
    const float row_height = button + frame.px(10);
    const float column_width = width / 2;
    const int per_column = 4;
    for (std::size_t i = 0; i < years.size(); ++i) {
        const int index = static_cast<int>(i);
        const ImVec2 at{x + column_width * static_cast<float>(index / per_column),
                        y + row_height * static_cast<float>(index % per_column)};
        const std::string name = "child" + std::to_string(index);
        stepper(frame, name, std::to_string(years[i]), at, button * 0.8f, intent::ChangeChildYear{index, -1},
                intent::ChangeChildYear{index, +1});
        if (touch_button(frame, name + ":remove", "×", {at.x + button * 1.6f + frame.px(118), at.y},
                         {button * 0.8f, button * 0.8f})) {
            frame.emit(intent::RemoveChild{index});
        }
    }
    const float list_rows = static_cast<float>(std::min<std::size_t>(std::max<std::size_t>(years.size(), 1), per_column));
    const float add_y = years.empty() ? y + frame.px(44) : y + row_height * list_rows;
    if (years.size() < static_cast<std::size_t>(max_children)) {
        if (touch_button(frame, "child:add", ui_text(language, "sign_up.add_child"), {x, add_y}, {frame.px(200), button})) {
            frame.emit(intent::AddChild{});
        }
    }
}

void interests_column(const Kiosk& kiosk, UiFrame& frame, float x, float width) {
    const Language language = kiosk.language();
    const LeadDraft& lead = kiosk.draft().lead;
    const float chip_height = frame.px(56);
    const float gap = frame.px(10);
    const float chip_width = (width - gap) / 2;
    float y = frame.px(120);

    draw_text(frame.fonts.large, ui_text(language, "sign_up.chosen_places"), {x, y}, theme::text);
    y += frame.fonts.large->FontSize + frame.px(10);
    const auto& municipalities = kiosk.content().municipalities;
    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        const auto& municipality = municipalities[i];
        const bool on = std::find(lead.municipalities.begin(), lead.municipalities.end(), municipality.id) !=
                        lead.municipalities.end();
        const ImVec2 at{x + static_cast<float>(i % 2) * (chip_width + gap), y + static_cast<float>(i / 2) * (chip_height + gap)};
        if (toggle_chip(frame, "place:" + municipality.id, municipality.name, on, at, {chip_width, chip_height})) {
            frame.emit(intent::ToggleMunicipality{municipality.id});
        }
    }
    y += static_cast<float>((municipalities.size() + 1) / 2) * (chip_height + gap) + frame.px(14);

    draw_text(frame.fonts.large, ui_text(language, "sign_up.topics"), {x, y}, theme::text);
    y += frame.fonts.large->FontSize + frame.px(10);
    int index = 0;
    for (std::string_view topic : topic_ids) {
        const std::string id(topic);
        const bool on = std::find(lead.topics.begin(), lead.topics.end(), id) != lead.topics.end();
        const ImVec2 at{x + static_cast<float>(index % 2) * (chip_width + gap),
                        y + static_cast<float>(index / 2) * (chip_height + gap)};
        if (toggle_chip(frame, "topic:" + id, ui_text(language, "topic." + id), on, at, {chip_width, chip_height})) {
            frame.emit(intent::ToggleTopic{id});
        }
        ++index;
    }
}

}  // namespace

void draw_sign_up_household(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_household");
    draw_background(frame);
    const Language language = kiosk.language();
    draw_text(frame.fonts.title, ui_text(language, "sign_up.household_title"), {frame.px(40), frame.px(24)}, theme::gold);
    language_bar(kiosk, frame);

    const float margin = frame.px(40);
    const float split = frame.size.x * 0.44f;
    household_column(kiosk, frame, margin, split - margin * 1.5f);
    interests_column(kiosk, frame, split + margin / 2, frame.size.x - split - margin * 1.5f);

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
