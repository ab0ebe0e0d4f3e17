// USB export: every mounted stick as a button; the file is written atomically and read back.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

namespace flytthit::ui {

void draw_staff_export(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_export");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.export"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    if (staff.usb_mounts().empty()) {
        draw_text(frame.fonts.large, ui_text(language, "staff.no_usb"), {margin, y}, theme::text_muted, false, width);
        y += frame.px(80);
    }
    for (std::size_t i = 0; i < staff.usb_mounts().size(); ++i) {
        const std::string path = staff.usb_mounts()[i].string();
        if (touch_button(frame, "export:" + std::to_string(i), std::string(ui_text(language, "staff.export_to")) + " " + path,
                         {margin, y}, {width, frame.px(76)})) {
            frame.emit(intent::ExportTo{path});
        }
        y += frame.px(88);
    }
    if (staff.export_running()) {
        draw_text(frame.fonts.body, ui_text(language, "staff.export_running"), {margin, y + frame.px(10)}, theme::text_muted,
                  false, width);
    } else if (const auto& result = staff.export_result()) {
        if (*result) {
            const std::string done = std::string(ui_text(language, "staff.export_done")) + " " + std::to_string((*result)->leads) +
                                     " → " + (*result)->file.string();
            draw_text(frame.fonts.body, done, {margin, y + frame.px(10)}, theme::gold, false, width);
        } else {
            const std::string failed = "! " + std::string(ui_text(language, staff_message_key(result->error().kind))) + " " +
                                       result->error().message;
            draw_text(frame.fonts.body, failed, {margin, y + frame.px(10)}, theme::error, false, width);
        }
    }
}

}  // namespace flytthit::ui
