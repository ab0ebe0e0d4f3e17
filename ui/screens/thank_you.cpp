// The thank-you: reached only after the lead was committed, so "you are registered" is true
// when it is shown. Returns to attract on Done or by the kiosk's timeout.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

void draw_thank_you(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "thank_you");
    draw_background(frame);
    const Language language = kiosk.language();
    const ImVec2 centre{frame.size.x / 2, frame.size.y * 0.3f};
    const float r = frame.px(80);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(centre, r, theme::gold, 48);
    const ImVec2 tick[] = {{centre.x - r * 0.45f, centre.y + r * 0.02f},
                           {centre.x - r * 0.1f, centre.y + r * 0.38f},
                           {centre.x + r * 0.5f, centre.y - r * 0.36f}};
    draw->AddPolyline(tick, 3, theme::on_gold, ImDrawFlags_None, r * 0.14f);

    float y = centre.y + r + frame.px(36);
    draw_text(frame.fonts.title, ui_text(language, "thank_you.title"), {frame.size.x / 2, y}, theme::text, true);
    y += frame.fonts.title->FontSize + frame.px(20);
    draw_text(frame.fonts.large, ui_text(language, "thank_you.body"), {frame.size.x / 2, y}, theme::text_muted, true);
    y += frame.fonts.large->FontSize + frame.px(24);

    // The region's web page as a QR code, dark modules on a white quiet zone.
    const QrCode& qr = kiosk.region_qr();
    if (qr.size > 0) {
        const float module = std::max(2.0f, std::floor(frame.px(150) / static_cast<float>(qr.size + 8)));
        const float side = module * static_cast<float>(qr.size + 8);
        const ImVec2 origin{frame.size.x / 2 - side - frame.px(20), y};
        draw->AddRectFilled(origin, {origin.x + side, origin.y + side}, theme::rgb(255, 255, 255));
        for (int row = 0; row < qr.size; ++row) {
            for (int column = 0; column < qr.size; ++column) {
                if (!qr.at(column, row)) continue;
                const ImVec2 a{origin.x + module * static_cast<float>(column + 4), origin.y + module * static_cast<float>(row + 4)};
                draw->AddRectFilled(a, {a.x + module, a.y + module}, theme::rgb(0, 0, 0));
            }
        }
        const float text_x = frame.size.x / 2 + frame.px(10);
        draw_text(frame.fonts.body, ui_text(language, "thank_you.read_more"), {text_x, y + side / 2 - frame.px(30)}, theme::text_muted);
        draw_text(frame.fonts.large, kiosk.content().web_url, {text_x, y + side / 2}, theme::gold);
    } else {
        draw_text(frame.fonts.body, kiosk.content().web_url, {frame.size.x / 2, y}, theme::gold, true);
    }

    const ImVec2 size{frame.px(300), frame.px(84)};
    if (touch_button(frame, "done", ui_text(language, "thank_you.done"),
                     {(frame.size.x - size.x) / 2, frame.size.y - size.y - frame.px(60)}, size, ButtonStyle::primary)) {
        frame.emit(intent::Finish{});
    }
}

}  // namespace flytthit::ui
