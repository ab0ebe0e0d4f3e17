// USB export: every mounted stick as a button; the file is written atomically and read back.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

namespace flytthit::ui {

void draw_staff_export(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_export");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.export"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    if (staff.usb_mounts().empty()) {
        y += text_box(frame, ui_text(language, "staff.no_usb"), {{margin, y}, {width, frame.fonts.large->FontSize * 3}},
                      {frame.fonts.large, theme::text_muted})
                 .size.y +
             frame.px(20);
    }
    const float button = frame.touch(76);
    for (std::size_t i = 0; i < staff.usb_mounts().size(); ++i) {
        const std::string path = staff.usb_mounts()[i].string();
        if (touch_button(frame, "export:" + std::to_string(i), std::string(ui_text(language, "staff.export_to")) + " " + path,
                         {margin, y}, {width, button})) {
            frame.emit(intent::ExportTo{path});
        }
        y += button + frame.px(12);
    }
    const Rect message_box{{margin, y + frame.px(10)}, {width, frame.size.y - frame.px(12) - y - frame.px(10)}};
    if (staff.export_running()) {
        text_box(frame, ui_text(language, "staff.export_running"), message_box, {frame.fonts.body, theme::text_muted});
    } else if (const auto& result = staff.export_result()) {
        if (*result) {
            const std::string done = std::string(ui_text(language, "staff.export_done")) + " " + std::to_string((*result)->leads) +
                                     " → " + (*result)->file.string();
            text_box(frame, done, message_box, {frame.fonts.body, theme::gold});
        } else {
            const std::string failed = "! " + std::string(ui_text(language, staff_message_key(result->error().kind))) + " " +
                                       result->error().message;
            text_box(frame, failed, message_box, {frame.fonts.body, theme::error});
        }
    }
}

}  // namespace flytthit::ui
