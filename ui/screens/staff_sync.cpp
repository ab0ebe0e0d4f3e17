// The sync screen: start (or cancel) the sync to the host register, a progress bar while it
// runs on its worker thread, then what happened: sent, new, already there, rejected and why.
#include "ui/widgets/staff_times.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

namespace flytthit::ui {

void draw_staff_sync(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_sync");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    const auto text = [&](const char* key) { return std::string(ui_text(language, key)); };
    float y = staff_header(frame, language, text("staff.sync"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const auto progress = staff.sync_progress();
    const bool running = staff.sync_running();

    const ImVec2 button{frame.px(320), frame.touch(80)};
    if (running) {
        if (touch_button(frame, "sync:cancel", text("staff.sync_cancel"), {margin, y}, button)) frame.emit(intent::CancelSync{});
    } else if (touch_button(frame, "sync:start", text("staff.sync_start"), {margin, y}, button, ButtonStyle::primary)) {
        frame.emit(intent::StartSync{});
    }
    y += button.y + frame.px(30);

    // The last sync stands at the bottom; what this one did fills the room above it.
    const float last_height = frame.fonts.body->FontSize * 2;
    const float last_top = frame.size.y - frame.px(16) - last_height;
    text_box(frame, text("staff.last_sync") + ": " + last_sync_text(language, staff.last_sync()),
             {{margin, last_top}, {width, last_height}}, [&] {
                 TextStyle style{frame.fonts.body, theme::text_muted};
                 style.bottom = true;
                 return style;
             }());
    const auto room = [&] { return Rect{{margin, y}, {width, last_top - frame.px(8) - y}}; };
    if (!progress) {
        text_box(frame, text("staff.sync_idle"), room(), {frame.fonts.large, theme::text_muted});
    } else {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float bar = frame.px(40);
        const float share = progress->share_done();
        draw->AddRectFilled({margin, y}, {margin + width, y + bar}, theme::panel, frame.px(8));
        draw->AddRectFilled({margin, y}, {margin + width * share, y + bar}, theme::gold, frame.px(8));
        draw->AddRect({margin, y}, {margin + width, y + bar}, theme::text_muted, frame.px(8));
        y += bar + frame.px(16);
        // Sent (the register holds them: the bar's first half) on a line of its own, and what
        // the register made of them below it as its results come (the second half).
        y += text_box(frame, std::to_string(progress->held_by_register()) + " / " + std::to_string(progress->total) + " " + text("staff.sent"),
                      {{margin, y}, {width, frame.fonts.large->FontSize * 1.5f}}, {frame.fonts.large, theme::text})
                 .size.y +
             frame.px(8);
        y += text_box(frame,
                      std::to_string(progress->stored) + " " + text("staff.stored") + ", " +
                          std::to_string(progress->duplicates) + " " + text("staff.duplicates") + ", " +
                          std::to_string(progress->rejected) + " " + text("staff.rejected") + ", " +
                          std::to_string(progress->conflicts) + " " + text("staff.conflicts"),
                      {{margin, y}, {width, frame.fonts.body->FontSize * 2.5f}}, {frame.fonts.body, theme::text})
                 .size.y +
             frame.px(16);
        if (progress->finished && progress->succeeded) {
            text_box(frame, text("staff.sync_done"), room(), {frame.fonts.large, theme::gold});
        } else if (!progress->last_error.empty()) {
            text_box(frame,
                     "! " + (progress->finished ? text("staff.sync_failed") + ": " : "") +
                         std::string(ui_text(language, staff_message_key(progress->last_error_kind))) + " " + progress->last_error,
                     room(),
                     {frame.fonts.body, theme::error});
        }
    }
}

}  // namespace flytthit::ui
