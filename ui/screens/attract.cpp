// The attract loop: the region's jewels turning in a ring around the slogan, "touch to
// start", and the language choice. A touch anywhere else starts.
#include "ui/render/flat_shapes.h"
#include "ui/render/moving_parts.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"
#include "ui/widgets/text_box.h"

#include <cmath>

namespace flytthit::ui {

namespace {

// How far the centre texts reach above and below the centre they stand round.
struct Reach {
    float above = 0;
    float below = 0;
};

// The region's name, slogan and welcome, stacked round the slogan centred at centre, each at
// most width wide and within half_height above and below. Each drawn once, from its middle
// out: the slogan in the middle, the name on it, the welcome under it.
Reach centre_texts(const Kiosk& kiosk, UiFrame& frame, ImVec2 centre, float width, float half_height) {
    const ContentPack& content = kiosk.content();
    const Language language = kiosk.language();
    const float gap = frame.px(8);
    const float left = centre.x - width / 2;
    const float slogan_room = std::min(half_height * 2, frame.fonts.large->FontSize * 3);
    const float slogan = text_box(frame, content.text(language, "region.slogan"), {{left, centre.y - slogan_room / 2}, {width, slogan_room}},
                                  {frame.fonts.large, theme::text, Align::centre, true}).size.y;
    Reach reach{slogan / 2, slogan / 2};
    TextStyle name_style{frame.fonts.title, theme::gold, Align::centre};
    name_style.bottom = true;
    const float name_room = half_height - reach.above - gap;
    if (name_room >= 1.0f) {
        reach.above += gap + text_box(frame, content.text(language, "region.name"), {{left, centre.y - half_height}, {width, name_room}},
                                      name_style).size.y;
    }
    const float welcome_room = half_height - reach.below - gap;
    if (welcome_room >= 1.0f) {
        reach.below += gap + text_box(frame, content.text(language, "region.welcome"), {{left, centre.y + reach.below + gap}, {width, welcome_room}},
                                      {frame.fonts.body, theme::text_muted, Align::centre}).size.y;
    }
    return reach;
}

}  // namespace

void draw_attract(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "attract");
    const ContentPack& content = kiosk.content();
    const Language language = kiosk.language();
    const float t = static_cast<float>(frame.time_seconds);
    const float margin = frame.px(40);

    // From the bottom up: "touch to start", the campaign of the day, then the ring of jewels
    // between them and the language bar, so nothing lies on anything else.
    const float start_height = frame.fonts.title->FontSize;
    const float start_y = frame.size.y - frame.px(24) - start_height;
    float ring_bottom = start_y - frame.px(12);
    std::string pitch;
    if (const Campaign* campaign = kiosk.campaign()) {
        pitch = std::string(ui_text(language, "campaign.today")) + ": " + campaign->name + " – " +
                content.text(language, "campaign." + campaign->id + ".pitch");
        TextStyle style{frame.fonts.body, theme::text, Align::centre};
        style.bottom = true;  // on the ring's lower edge: the ring takes what is above
        const ImVec2 room{frame.size.x - margin * 2, frame.fonts.body->FontSize * 3};
        ring_bottom -= text_box(frame, pitch, {{margin, ring_bottom - room.y}, room}, style).size.y + frame.px(12);
    }
    const float pulse = 0.75f + 0.25f * std::sin(t * 2.5f);
    const ImU32 prompt = theme::rgb(0xe0, 0xb6, 0x52, static_cast<unsigned>(255 * pulse));
    {
        // The pulse and the ring's turn are all that change on this screen: each frame redraws
        // only round them (ui/render/frame_damage.h).
        const MovingScope pulsing(frame.moving, ImGui::GetWindowDrawList());
        text_box(frame, ui_text(language, "attract.touch_to_start"), {{margin, start_y}, {frame.size.x - margin * 2, start_height}},
                 {frame.fonts.title, prompt, Align::centre, false, true});
    }

    const float ring_top = frame.px(16) + frame.touch(56) + frame.px(12);
    const ImVec2 centre{frame.size.x / 2, (ring_top + ring_bottom) / 2};
    const float half_height = std::max(0.0f, (ring_bottom - ring_top) / 2);
    // The texts in the middle, and the ring around them: the jewels' path (an ellipse through
    // the jewels' centres) must clear the texts' box by a jewel's radius at every angle.
    const float text_width = std::min(frame.size.x * 0.5f, frame.px(700));
    const Reach reach = centre_texts(kiosk, frame, centre, text_width, half_height);
    const float text_height = std::max(reach.above, reach.below) * 2;
    float radius = std::min(frame.size.x, frame.size.y) * 0.36f * 0.24f;
    float rx = 0, ry = 0;
    for (int attempt = 0; attempt < 12; ++attempt, radius *= 0.9f) {
        rx = frame.size.x / 2 - radius * 1.1f - frame.px(16);
        ry = half_height - radius * 1.1f;
        const float w = text_width / 2 + radius * 1.1f;
        const float h = text_height / 2 + radius * 1.1f;
        if (rx > 0 && ry > 0 && (w / rx) * (w / rx) + (h / ry) * (h / ry) <= 1.0f) break;
    }
    const auto count = static_cast<float>(content.municipalities.size());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    {
        const FlatShapesScope flat(frame.flat_shapes, draw);  // the jewels only: no text in it
        for (std::size_t i = 0; i < content.municipalities.size() && rx > 0 && ry > 0; ++i) {
            // The ring turns slowly (one turn a minute): calm enough to read, alive enough to notice.
            const float angle = 2 * 3.14159265f * (static_cast<float>(i) / count + t / 60.0f) - 1.5708f;
            const ImVec2 at{centre.x + rx * std::cos(angle), centre.y + ry * std::sin(angle)};
            JewelLook look;
            look.spin_deg = t * 12.0f;
            look.sparkle = std::max(0.0f, std::sin(t * 1.7f + static_cast<float>(i) * 0.8f));
            {
                const MovingScope turning(frame.moving, draw);
                draw_jewel(draw, at, radius, content.municipalities[i], look);
            }
            if (frame.audit) frame.audit->solid("jewel", {at.x - radius * 0.8f, at.y - radius * 0.8f}, {at.x + radius * 0.8f, at.y + radius * 0.8f});
        }
    }

    const float bar_left = language_bar(kiosk, frame);
    if (!content.map.empty()) {  // the map, straight from the stand: where is this?
        const ImVec2 size{frame.px(150), frame.touch(56)};
        if (touch_button(frame, "map", ui_text(language, "nav.map"), {bar_left - frame.px(16) - size.x, frame.px(16)}, size)) {
            frame.emit(intent::OpenMap{});
        }
    }
    staff_corner(frame);
    // The whole screen is the start button. It is submitted after the language buttons, so
    // ImGui gives a touch on those to them and every other touch to this one.
    if (frame.size.x < 1.0f || frame.size.y < 1.0f) return;  // minimised: nothing to touch
    frame.targets.add("start", {0, frame.px(100)}, frame.size);
    ImGui::SetCursorScreenPos({0, 0});
    if (ImGui::InvisibleButton("start", frame.size)) frame.emit(intent::Start{});
}

}  // namespace flytthit::ui
