// Sign-up step "who": who the visitor is, by one tap (a family, a couple, roots in the
// region ...); for a tip, who the missed person is. Optional: Next works without a choice.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <iterator>

namespace flytthit::ui {

void draw_sign_up_who(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_who");
    const Language language = kiosk.language();
    const bool tip = kiosk.campaign() != nullptr && kiosk.campaign()->lead_is_tip;
    float y = step_header(kiosk, frame, ui_text(language, tip ? "sign_up.who_title_tip" : "sign_up.who_title"));
    const float margin = frame.px(32);
    const float gap = frame.px(14);
    const float width = (frame.size.x - margin * 2 - gap) / 2;
    const float bottom = frame.size.y - bottom_bar_height(frame);
    y += text_box(frame, ui_text(language, "sign_up.who_hint"), {{margin, y}, {frame.size.x - margin * 2, frame.fonts.body->FontSize * 2}},
                  {frame.fonts.body, theme::text_muted}).size.y + frame.px(12);
    // Three rows of choices share what is left above the bottom bar.
    const auto rows = static_cast<float>((std::size(profile_ids) + 1) / 2);
    const float height = std::max(min_touch_px, std::min(frame.touch(80), (bottom - y - gap * rows) / rows));
    int index = 0;
    for (std::string_view profile : profile_ids) {
        const std::string id(profile);
        const ImVec2 at{margin + static_cast<float>(index % 2) * (width + gap), y + static_cast<float>(index / 2) * (height + gap)};
        if (toggle_chip(frame, "profile:" + id, ui_text(language, "profile." + id), kiosk.draft().lead.answers.profile == id, at,
                        {width, height})) {
            frame.emit(intent::ChooseProfile{id});
        }
        ++index;
    }
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
