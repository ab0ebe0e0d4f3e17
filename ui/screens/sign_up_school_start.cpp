// Sign-up step "school_start" (Første Klasse): the autumn the eldest child starts school,
// chosen with − and +, from this year up to seven years ahead. Next autumn is suggested; a tap
// on −, + or "this year" is what answers (see Kiosk::suggested_school_start).
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <iterator>
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

void draw_sign_up_school_start(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_school_start");
    const Language language = kiosk.language();
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.school_start_title"));
    const float button = frame.touch(96);
    const float bottom = frame.size.y - bottom_bar_height(frame);
    // The hint takes what the stepper and its label leave.
    const float choose_height = frame.touch(60);
    const float hint_room = bottom - y - button - choose_height - frame.fonts.large->FontSize - frame.px(40);
    y += text_box(frame, ui_text(language, "sign_up.school_start_hint"), {{frame.px(32), y}, {frame.size.x - frame.px(64), hint_room}},
                  {frame.fonts.body, theme::text_muted}).size.y;
    y += std::clamp((bottom - y - button - choose_height - frame.fonts.large->FontSize) / 3, frame.px(8), frame.px(40));
    // Until the visitor taps, the year shown is only a suggestion and nothing is stored.
    const int chosen = kiosk.draft().lead.answers.school_start_year;
    const int year = chosen != 0 ? chosen : kiosk.suggested_school_start();
    const std::string value = std::to_string(year);
    const float width = button * 2 + stepper_value_width(frame);
    const float x = (frame.size.x - width) / 2;
    text_box(frame, ui_text(language, "sign_up.autumn"), {{frame.px(32), y}, {frame.size.x - frame.px(64), frame.fonts.large->FontSize}},
             {frame.fonts.large, theme::text_muted, Align::centre, false, true});
    y += frame.fonts.large->FontSize + frame.px(10);
    stepper(frame, "school_start", value, {x, y}, button, intent::ChangeSchoolStart{-1}, intent::ChangeSchoolStart{+1});
    y += button + frame.px(10);
    if (toggle_chip(frame, "school_start:choose", ui_text(language, "sign_up.school_start_choose"), chosen != 0, {x, y},
                    {width, choose_height})) {
        frame.emit(intent::ChangeSchoolStart{0});
    }
    bottom_message(frame, problem_text(kiosk, "answers.school_start_year"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
