// The thank-you: reached only after the lead was committed, so "you are registered" is true
// when it is shown. A tip (Savner du noen) is thanked as a tip: nobody registered themselves.
// Returns to attract on Done or by the kiosk's timeout.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

void draw_thank_you(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "thank_you");
    const Language language = kiosk.language();
    const bool tip = kiosk.campaign() != nullptr && kiosk.campaign()->lead_is_tip;
    const float margin = frame.px(40);
    const float width = frame.size.x - margin * 2;
    const float gap = frame.px(16);

    // From the bottom up: Done, the QR code with the region's address, the texts, the tick.
    const ImVec2 done{std::max(frame.px(300), frame.touch(84)), frame.touch(84)};
    const float done_y = frame.size.y - done.y - frame.px(24);
    const QrCode& qr = kiosk.region_qr();
    const float module = qr.size > 0 ? std::max(2.0f, std::floor(frame.px(150) / static_cast<float>(qr.size + 8))) : 0.0f;
    const float side = module * static_cast<float>(qr.size + 8);
    const float qr_y = done_y - gap - side;

    const std::string title(ui_text(language, tip ? "thank_you.title_tip" : "thank_you.title"));
    const std::string body(ui_text(language, tip ? "thank_you.body_tip" : "thank_you.body"));
    // Stacked from the bottom up, each drawn once: the body on the QR code, the title on the body.
    TextStyle title_style{frame.fonts.title, theme::text, Align::centre};
    TextStyle body_style{frame.fonts.large, theme::text_muted, Align::centre};
    title_style.bottom = body_style.bottom = true;
    const float texts_bottom = (qr.size > 0 ? qr_y : done_y - frame.fonts.body->FontSize - gap) - gap;
    const float body_room = frame.fonts.large->FontSize * 3;
    const float body_height = text_box(frame, body, {{margin, texts_bottom - body_room}, {width, body_room}}, body_style).size.y;
    const float title_bottom = texts_bottom - body_height - frame.px(8);
    const float title_room = frame.fonts.title->FontSize * 2;
    const float title_height = text_box(frame, title, {{margin, title_bottom - title_room}, {width, title_room}}, title_style).size.y;
    const float texts_top = title_bottom - title_height;
    // The tick takes the room above, up to its full size.
    const float r = std::clamp((texts_top - frame.px(16) - gap) / 2, 0.0f, frame.px(80));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (r >= frame.px(12)) {
        const ImVec2 centre{frame.size.x / 2, texts_top - gap - r};
        draw->AddCircleFilled(centre, r, theme::gold, 48);
        const ImVec2 tick[] = {{centre.x - r * 0.45f, centre.y + r * 0.02f},
                               {centre.x - r * 0.1f, centre.y + r * 0.38f},
                               {centre.x + r * 0.5f, centre.y - r * 0.36f}};
        draw->AddPolyline(tick, 3, theme::on_gold, ImDrawFlags_None, r * 0.14f);
    }

    // The region's web page as a QR code, dark modules on a white quiet zone, its address beside it.
    if (qr.size > 0) {
        const ImVec2 origin{frame.size.x / 2 - side - frame.px(10), qr_y};
        draw->AddRectFilled(origin, {origin.x + side, origin.y + side}, theme::rgb(255, 255, 255));
        for (int row = 0; row < qr.size; ++row) {
            for (int column = 0; column < qr.size; ++column) {
                if (!qr.at(column, row)) continue;
                const ImVec2 a{origin.x + module * static_cast<float>(column + 4), origin.y + module * static_cast<float>(row + 4)};
                draw->AddRectFilled(a, {a.x + module, a.y + module}, theme::rgb(0, 0, 0));
            }
        }
        const float text_x = frame.size.x / 2 + frame.px(10);
        const float text_width = frame.size.x - margin - text_x;
        const float read_more = text_box(frame, ui_text(language, "thank_you.read_more"), {{text_x, qr_y}, {text_width, side / 2}},
                                         {frame.fonts.body, theme::text_muted}).size.y;
        text_box(frame, kiosk.content().web_url, {{text_x, qr_y + read_more + frame.px(6)}, {text_width, side - read_more - frame.px(6)}},
                 {frame.fonts.large, theme::gold});
    } else {
        text_box(frame, kiosk.content().web_url, {{margin, done_y - gap - frame.fonts.body->FontSize}, {width, frame.fonts.body->FontSize}},
                 {frame.fonts.body, theme::gold, Align::centre, false, true});
    }

    if (touch_button(frame, "done", ui_text(language, "thank_you.done"), {(frame.size.x - done.x) / 2, done_y}, done,
                     ButtonStyle::primary)) {
        frame.emit(intent::Finish{});
    }
}

}  // namespace flytthit::ui
