// The clock: the board has no real-time clock, so staff can set date and time by hand.
#include "common/base/local_time.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cstdio>

namespace flytthit::ui {

void draw_staff_clock(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_clock");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.clock"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const TextStyle muted{frame.fonts.large, theme::text_muted};
    // The zone the figures below are in, for the time they show (CET or CEST in Oslo).
    const std::string zone = local_zone_name(unix_seconds_from_local(staff.clock_setting()));
    y += text_box(frame, std::string(ui_text(language, "staff.clock_now")) + " (" + zone + ")", {{margin, y}, {width, frame.fonts.large->FontSize * 2}}, muted).size.y +
         frame.px(20);

    const std::tm& when = staff.clock_setting();
    const int values[] = {when.tm_year + 1900, when.tm_mon + 1, when.tm_mday, when.tm_hour, when.tm_min};
    const char* separators[] = {"-", "-", "  ", ":", ""};
    const float gap = frame.px(20);
    const float column = std::min(frame.px(200), (width - gap * 4) / 5);
    const float step = frame.touch(72);
    const float value_height = frame.fonts.title->FontSize * 1.2f;
    for (int field = 0; field < 5; ++field) {
        const float x = margin + static_cast<float>(field) * (column + gap);
        if (touch_button(frame, "clock:" + std::to_string(field) + ":+", "+", {x, y}, {column, step})) {
            frame.emit(intent::AdjustClock{field, +1});
        }
        char text[16];
        std::snprintf(text, sizeof text, field == 0 ? "%04d%s" : "%02d%s", values[field], separators[field]);
        text_box(frame, text, {{x, y + step + frame.px(8)}, {column, value_height}},
                 {frame.fonts.title, theme::text, Align::centre, true, true});
        if (touch_button(frame, "clock:" + std::to_string(field) + ":-", "−", {x, y + step + value_height + frame.px(16)},
                         {column, step})) {
            frame.emit(intent::AdjustClock{field, -1});
        }
    }
    y += step * 2 + value_height + frame.px(16) + frame.px(30);
    const ImVec2 apply{frame.px(340), frame.touch(80)};
    if (touch_button(frame, "clock:set", ui_text(language, "staff.clock_apply"), {margin, y}, apply, ButtonStyle::primary)) {
        frame.emit(intent::SetClock{});
    }
    const Rect message_box{{margin + apply.x + frame.px(30), y}, {width - apply.x - frame.px(30), frame.size.y - frame.px(12) - y}};
    if (staff.clock_running()) {
        text_box(frame, ui_text(language, "staff.clock_setting"), message_box, {frame.fonts.body, theme::text_muted});
    } else if (const auto& result = staff.clock_result()) {
        const std::string message = *result ? std::string(ui_text(language, "staff.clock_was_set"))
                                            : "! " + std::string(ui_text(language, staff_message_key(result->error().kind))) +
                                                  " " + result->error().message;
        text_box(frame, message, message_box, {frame.fonts.body, *result ? theme::gold : theme::error});
    }
}

}  // namespace flytthit::ui
