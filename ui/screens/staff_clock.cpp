// The clock: the board has no real-time clock, so staff can set date and time by hand.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

#include <cstdio>

namespace flytthit::ui {

void draw_staff_clock(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_clock");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.clock"));
    const float margin = frame.px(32);
    draw_text(frame.fonts.large, ui_text(language, "staff.clock_now"), {margin, y}, theme::text_muted);
    y += frame.fonts.large->FontSize + frame.px(20);

    const std::tm& when = staff.clock_setting();
    const int values[] = {when.tm_year + 1900, when.tm_mon + 1, when.tm_mday, when.tm_hour, when.tm_min};
    const char* separators[] = {"-", "-", "  ", ":", ""};
    const float column = frame.px(200);
    const ImVec2 step{frame.px(90), frame.px(72)};
    for (int field = 0; field < 5; ++field) {
        const float x = margin + static_cast<float>(field) * (column + frame.px(20));
        if (touch_button(frame, "clock:" + std::to_string(field) + ":+", "+", {x, y}, {column, step.y})) {
            frame.emit(intent::AdjustClock{field, +1});
        }
        char text[16];
        std::snprintf(text, sizeof text, field == 0 ? "%04d%s" : "%02d%s", values[field], separators[field]);
        draw_text(frame.fonts.title, text, {x + column / 2, y + step.y + frame.px(16)}, theme::text, true);
        if (touch_button(frame, "clock:" + std::to_string(field) + ":-", "−", {x, y + step.y + frame.px(96)}, {column, step.y})) {
            frame.emit(intent::AdjustClock{field, -1});
        }
    }
    y += step.y * 2 + frame.px(130);
    if (touch_button(frame, "clock:set", ui_text(language, "staff.clock_apply"), {margin, y}, {frame.px(340), frame.px(80)},
                     ButtonStyle::primary)) {
        frame.emit(intent::SetClock{});
    }
    const ImVec2 message_at{margin + frame.px(370), y + frame.px(24)};
    const float message_width = frame.size.x - margin * 2 - frame.px(370);
    if (staff.clock_running()) {
        draw_text(frame.fonts.body, ui_text(language, "staff.clock_setting"), message_at, theme::text_muted, false, message_width);
    } else if (const auto& result = staff.clock_result()) {
        const std::string message = *result ? std::string(ui_text(language, "staff.clock_was_set"))
                                            : "! " + std::string(ui_text(language, staff_message_key(result->error().kind))) +
                                                  " " + result->error().message;
        draw_text(frame.fonts.body, message, message_at, *result ? theme::gold : theme::error, false, message_width);
    }
}

}  // namespace flytthit::ui
