// Sign-up step "school_start" (Første Klasse): the autumn the eldest child starts school,
// chosen with − and +, from this year up to seven years ahead.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

void draw_sign_up_school_start(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_school_start");
    const Language language = kiosk.language();
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.school_start_title"));
    y += draw_text(frame.fonts.body, ui_text(language, "sign_up.school_start_hint"), {frame.px(32), y}, theme::text_muted,
                   false, frame.size.x - frame.px(64)) + frame.px(40);

    const float button = frame.touch(96);
    const int year = kiosk.draft().lead.answers.school_start_year;
    const std::string value = std::to_string(year);
    const float width = button * 2 + stepper_value_width(frame);
    const float x = (frame.size.x - width) / 2;
    draw_text(frame.fonts.large, ui_text(language, "sign_up.autumn"), {frame.size.x / 2, y}, theme::text_muted, true);
    y += frame.fonts.large->FontSize + frame.px(10);
    stepper(frame, "school_start", value, {x, y}, button, intent::ChangeSchoolStart{-1}, intent::ChangeSchoolStart{+1});
    bottom_message(frame, problem_text(kiosk, "answers.school_start_year"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
