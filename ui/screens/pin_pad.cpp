// The PIN pad between the hidden gesture and staff mode: digits shown as dots, a keypad,
// what went wrong, and the lock-out's countdown after too many wrong tries. On a first start
// (Kiosk::setup_step) it is the setup's first step: it says why, and has no Cancel.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

namespace flytthit::ui {

void draw_pin_pad(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "pin_pad");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    const char* title = staff.pin_stage() == PinStage::choose    ? "staff.pin_title_choose"
                        : staff.pin_stage() == PinStage::confirm ? "staff.pin_title_confirm"
                                                                 : "staff.pin_title_enter";
    const float centre = frame.size.x / 2;
    const float margin = frame.px(24);
    const float width = frame.size.x - margin * 2;
    // One dot per digit typed: the PIN itself is never drawn.
    const float dot = frame.px(14);
    const float dots_y = frame.px(110);
    text_box(frame, ui_text(language, title), {{margin, margin}, {width, dots_y - dot - frame.px(8) - margin}},
             {frame.fonts.title, theme::gold, Align::centre, true});
    const auto typed = static_cast<float>(staff.pin_digits().size());
    for (float i = 0; i < typed; ++i) {
        ImGui::GetWindowDrawList()->AddCircleFilled({centre + (i - (typed - 1) / 2) * dot * 3, dots_y}, dot, theme::text);
    }
    const float key = frame.touch(96);
    const float gap = frame.px(12);
    const float left = centre - (key * 3 + gap * 2) / 2;
    const float top = frame.px(190);
    if (!staff.pin_message_key().empty()) {
        std::string message = "! " + std::string(ui_text(language, staff.pin_message_key()));
        if (const auto locked = staff.pin_locked_for(MonotonicClock::now())) {
            message += "  " + std::to_string(locked->count()) + " " + std::string(ui_text(language, "staff.seconds_left"));
        }
        const float message_y = dots_y + dot + frame.px(8);
        text_box(frame, message, {{margin, message_y}, {width, top - gap - message_y}}, {frame.fonts.body, theme::error, Align::centre, true});
    }
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        const ImVec2 at{left + static_cast<float>(i % 3) * (key + gap), top + static_cast<float>(i / 3) * (key + gap)};
        const std::string label = keys[i];
        const bool ok = label == "OK";
        const std::string name = ok ? "pin:ok" : label == "←" ? "pin:backspace" : "pin:" + label;
        if (touch_button(frame, name, ok ? ui_text(language, "staff.ok") : label, at, {key, key},
                         ok ? ButtonStyle::primary : ButtonStyle::secondary, frame.fonts.title)) {
            if (ok) frame.emit(intent::PinSubmit{});
            else if (label == "←") frame.emit(intent::PinBackspace{});
            else frame.emit(intent::PinDigit{label[0]});
        }
    }
    const ImVec2 cancel{frame.touch(260), frame.touch(76)};
    const float cancel_y = frame.size.y - cancel.y - frame.px(24);
    if (kiosk.setup_step() != SetupStep::none) {
        // Beside the keypad: why the kiosk asks, and that visitors come after.
        const float x = frame.px(24);
        text_box(frame, ui_text(language, "staff.setup_intro"), {{x, top}, {left - x - frame.px(24), frame.size.y - top - frame.px(24)}},
                 {frame.fonts.body, theme::text_muted});
        return;
    }
    if (touch_button(frame, "pin:cancel", ui_text(language, "nav.cancel"), {frame.px(24), cancel_y}, cancel)) {
        frame.emit(intent::LeaveStaff{});
    }
}

}  // namespace flytthit::ui
