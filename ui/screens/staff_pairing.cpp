// Pairing from a USB stick: the pairing files found on the mounted sticks as buttons, what
// the last one did, and a search again. Also the last step of the first start, where it has
// no way back to staff home and ends with "open for visitors" (paired or not).
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

namespace flytthit::ui {

void draw_staff_pairing(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_pairing");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    const bool setup = kiosk.setup_step() != SetupStep::none;
    float y = staff_header(frame, language, ui_text(language, "staff.pair_title"), setup);
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const float gap = frame.px(12);
    const float button = frame.touch(70);
    const float bottom = frame.size.y - button - frame.px(20) - gap;

    y += text_box(frame, ui_text(language, "staff.pair_hint"), {{margin, y}, {width, frame.fonts.body->FontSize * 2.6f}},
                  {frame.fonts.body, theme::text_muted}).size.y + gap;
    const auto& files = staff.pairing_files();
    for (std::size_t i = 0; i < files.size() && y + button <= bottom - frame.fonts.body->FontSize * 2.6f; ++i) {
        if (touch_button(frame, "pair:" + std::to_string(i), files[i].string(), {margin, y}, {width, button})) {
            frame.emit(intent::PairFrom{files[i].string()});
        }
        y += button + gap;
    }
    std::string message;
    ImU32 colour = theme::text_muted;
    if (staff.pairing_scan_running()) message = ui_text(language, "staff.pair_searching");
    else if (staff.pairing_running()) message = ui_text(language, "staff.pair_running");
    else if (const auto& result = staff.pairing_result()) {
        if (*result) {
            message = std::string(ui_text(language, "staff.pair_done")) + " " + (*result)->register_url + " (" + (*result)->device + ")";
            colour = theme::gold;
        } else {
            message = "! " + std::string(ui_text(language, "staff.pair_failed")) + " " + result->error().message;
            colour = theme::error;
        }
    } else if (files.empty()) {
        message = ui_text(language, "staff.pair_none");
    }
    if (!message.empty()) {
        text_box(frame, message, {{margin, y}, {width, bottom - y}}, {frame.fonts.body, colour});
    }

    const float search_width = std::max(frame.px(300), frame.touch(70));
    if (touch_button(frame, "pair:search", ui_text(language, "staff.pair_search"), {margin, frame.size.y - button - frame.px(20)},
                     {search_width, button})) {
        frame.emit(intent::StaffGo{ScreenId::staff_pairing});
    }
    if (setup) {
        const bool paired = staff.pairing_result() && *staff.pairing_result();
        const float finish_width = std::max(frame.px(420), frame.touch(70));
        if (touch_button(frame, "setup:finish", ui_text(language, paired ? "staff.setup_finish" : "staff.setup_skip"),
                         {frame.size.x - finish_width - margin, frame.size.y - button - frame.px(20)}, {finish_width, button},
                         ButtonStyle::primary)) {
            frame.emit(intent::FinishSetup{});
        }
    }
}

}  // namespace flytthit::ui
