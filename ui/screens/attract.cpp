// The attract loop: the region's jewels turning in a ring around the slogan, "touch to
// start", and the language choice. A touch anywhere else starts.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"

#include <cmath>

namespace flytthit::ui {

void draw_attract(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "attract");
    draw_background(frame);
    const ContentPack& content = kiosk.content();
    const Language language = kiosk.language();
    const float t = static_cast<float>(frame.time_seconds);

    const ImVec2 centre{frame.size.x / 2, frame.size.y * 0.45f};
    const float ring = std::min(frame.size.x, frame.size.y) * 0.36f;
    const float radius = ring * 0.24f;
    const auto count = static_cast<float>(content.municipalities.size());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < content.municipalities.size(); ++i) {
        // The ring turns slowly (one turn a minute): calm enough to read, alive enough to notice.
        const float angle = 2 * 3.14159265f * (static_cast<float>(i) / count + t / 60.0f) - 1.5708f;
        const ImVec2 at{centre.x + ring * 1.35f * std::cos(angle), centre.y + ring * 0.85f * std::sin(angle)};
        JewelLook look;
        look.spin_deg = t * 12.0f;
        look.sparkle = std::max(0.0f, std::sin(t * 1.7f + static_cast<float>(i) * 0.8f));
        draw_jewel(draw, at, radius, content.municipalities[i], look);
    }

    draw_text(frame.fonts.title, content.text(language, "region.name"), {centre.x, centre.y - frame.px(70)}, theme::gold,
              true);
    draw_text(frame.fonts.large, content.text(language, "region.slogan"), {centre.x, centre.y + frame.px(4)},
              theme::text, true);
    draw_text(frame.fonts.body, content.text(language, "region.welcome"), {centre.x, centre.y + frame.px(56)},
              theme::text_muted, true);

    // The campaign of the day, when staff chose one for the event: its name and its pitch.
    if (const Campaign* campaign = kiosk.campaign()) {
        const std::string line = std::string(ui_text(language, "campaign.today")) + ": " + campaign->name + " – " +
                                 content.text(language, "campaign." + campaign->id + ".pitch");
        const float width = frame.size.x - frame.px(120);
        const float y = frame.size.y - frame.px(84) - frame.fonts.body->FontSize * 2 - frame.px(24);
        draw_text_centred_wrapped(frame.fonts.body, line, centre.x, y, theme::text, width);
    }

    const float pulse = 0.75f + 0.25f * std::sin(t * 2.5f);
    const ImU32 prompt = theme::rgb(0xe0, 0xb6, 0x52, static_cast<unsigned>(255 * pulse));
    draw_text(frame.fonts.title, ui_text(language, "attract.touch_to_start"), {centre.x, frame.size.y - frame.px(84)},
              prompt, true);

    language_bar(kiosk, frame);
    staff_corner(frame);
    // The whole screen is the start button. It is submitted after the language buttons, so
    // ImGui gives a touch on those to them and every other touch to this one.
    frame.targets.add("start", {0, frame.px(100)}, frame.size);
    ImGui::SetCursorScreenPos({0, 0});
    if (ImGui::InvisibleButton("start", frame.size)) frame.emit(intent::Start{});
}

}  // namespace flytthit::ui
