// The sync screen: start (or cancel) the sync to the host register, a progress bar while it
// runs on its worker thread, then what happened: sent, new, already there, rejected and why.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

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

    const ImVec2 button{frame.px(320), frame.px(80)};
    if (running) {
        if (touch_button(frame, "sync:cancel", text("staff.sync_cancel"), {margin, y}, button)) frame.emit(intent::CancelSync{});
    } else if (touch_button(frame, "sync:start", text("staff.sync_start"), {margin, y}, button, ButtonStyle::primary)) {
        frame.emit(intent::StartSync{});
    }
    y += button.y + frame.px(30);

    if (!progress) {
        draw_text(frame.fonts.large, text("staff.sync_idle"), {margin, y}, theme::text_muted);
    } else {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float bar = frame.px(40);
        const float share = progress->total > 0 ? static_cast<float>(progress->sent) / static_cast<float>(progress->total)
                                                 : (progress->succeeded ? 1.0f : 0.0f);
        draw->AddRectFilled({margin, y}, {margin + width, y + bar}, theme::panel, frame.px(8));
        draw->AddRectFilled({margin, y}, {margin + width * share, y + bar}, theme::gold, frame.px(8));
        draw->AddRect({margin, y}, {margin + width, y + bar}, theme::text_muted, frame.px(8));
        y += bar + frame.px(16);
        draw_text(frame.fonts.large,
                  std::to_string(progress->sent) + " / " + std::to_string(progress->total) + " " + text("staff.sent") + "  ·  " +
                      std::to_string(progress->stored) + " " + text("staff.stored") + ", " +
                      std::to_string(progress->duplicates) + " " + text("staff.duplicates") + ", " +
                      std::to_string(progress->rejected) + " " + text("staff.rejected") + ", " +
                      std::to_string(progress->conflicts) + " " + text("staff.conflicts"),
                  {margin, y}, theme::text);
        y += frame.fonts.large->FontSize + frame.px(16);
        if (progress->finished && progress->succeeded) {
            draw_text(frame.fonts.large, text("staff.sync_done"), {margin, y}, theme::gold);
        } else if (!progress->last_error.empty()) {
            draw_text(frame.fonts.body, "! " + (progress->finished ? text("staff.sync_failed") + ": " : "") + progress->last_error,
                      {margin, y}, theme::error, false, width);
        }
    }
    draw_text(frame.fonts.body, text("staff.last_sync") + ": " + (staff.last_sync().empty() ? text("staff.never") : staff.last_sync()),
              {margin, frame.size.y - frame.px(60)}, theme::text_muted, false, width);
}

}  // namespace flytthit::ui
