// The jewel box: every municipality a jewel on the velvet of an open box, in two rows.
// Tapping a jewel opens its municipality's page; jewels the visitor marked as curious
// sparkle and carry a tick. From here: the region, work for two, and the sign-up.
#include "firmware/choice_list.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

void draw_jewel_box(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "jewel_box");
    draw_background(frame);
    const ContentPack& content = kiosk.content();
    const Language language = kiosk.language();

    const float bar_left = language_bar(kiosk, frame);
    draw_text(frame.fonts.title, ui_text(language, "jewel_box.title"), {frame.px(40), frame.px(20)}, theme::gold);
    float hint_y = frame.px(16) + frame.touch(56) + frame.px(8);
    if (const Campaign* campaign = kiosk.campaign()) {
        const std::string line = std::string(ui_text(language, "campaign.today")) + ": " + campaign->name;
        draw_text(frame.fonts.large, line, {bar_left, hint_y}, theme::gold);
    }
    hint_y += draw_text(frame.fonts.body, ui_text(language, "jewel_box.hint"), {frame.px(40), hint_y}, theme::text_muted, false,
                        kiosk.campaign() ? bar_left - frame.px(56) : frame.size.x - frame.px(80));
    staff_corner(frame);

    // The open box: gold rim, dark velvet inside.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 box_min{frame.px(40), hint_y + frame.px(10)};
    const ImVec2 box_max{frame.size.x - frame.px(40), frame.size.y - bottom_bar_height(frame)};
    draw->AddRectFilled(box_min, box_max, theme::rgb(0x3a, 0x10, 0x1c), frame.px(22));
    draw->AddRect(box_min, box_max, theme::gold, frame.px(22), 0, frame.px(6));

    const auto& municipalities = content.municipalities;
    const int columns = static_cast<int>(std::ceil(static_cast<float>(municipalities.size()) / 2.0f));
    const int rows = municipalities.size() > 1 ? 2 : 1;
    const float slot_w = (box_max.x - box_min.x) / static_cast<float>(std::max(columns, 1));
    const float slot_h = (box_max.y - box_min.y) / static_cast<float>(rows);
    const float radius = std::min(slot_w, slot_h) * 0.19f;
    const auto& chosen = kiosk.draft().lead.municipalities;
    const float t = static_cast<float>(frame.time_seconds);

    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        const Municipality& municipality = municipalities[i];
        const int column = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const ImVec2 slot_min{box_min.x + slot_w * static_cast<float>(column), box_min.y + slot_h * static_cast<float>(row)};
        const ImVec2 centre{slot_min.x + slot_w / 2, slot_min.y + slot_h * 0.31f};

        // The velvet hollow each jewel rests in.
        draw->AddCircleFilled(centre, radius * 1.25f, theme::rgb(0x2a, 0x08, 0x12), 40);
        const std::string name = "jewel:" + municipality.id;
        frame.targets.add(name, slot_min, {slot_min.x + slot_w, slot_min.y + slot_h});
        ImGui::SetCursorScreenPos(slot_min);
        if (ImGui::InvisibleButton(name.c_str(), {slot_w, slot_h})) frame.emit(intent::OpenMunicipality{municipality.id});
        const bool pressed = ImGui::IsItemActive();

        JewelLook look;
        look.selected = contains(chosen, municipality.id);
        look.sparkle = look.selected ? 0.6f + 0.4f * std::sin(t * 3.0f) : 0.0f;
        draw_jewel(draw, centre, pressed ? radius * 0.92f : radius, municipality, look);

        float y = centre.y + radius * 1.3f;
        // Chosen reads from the tick and the word as well as the sparkle: not colour alone.
        const std::string label = look.selected ? "✓ " + municipality.name : municipality.name;
        draw_text(frame.fonts.large, label, {centre.x, y}, look.selected ? theme::gold : theme::text, true);
        y += frame.fonts.large->FontSize + frame.px(4);
        if (!municipality.member) {
            draw_text(frame.fonts.body, ui_text(language, "jewel_box.neighbour"), {centre.x, y}, theme::text_muted, true);
            y += frame.fonts.body->FontSize;
        }
        const std::string tagline = content.text(language, "municipality." + municipality.id + ".tagline");
        // In large text at 800x480 the tagline may not fit its slot: it is cut at the slot's
        // edge, never drawn over the jewel below (the page itself has it whole).
        ImGui::GetWindowDrawList()->PushClipRect(slot_min, {slot_min.x + slot_w, slot_min.y + slot_h - frame.px(4)}, true);
        draw_text_centred_wrapped(frame.fonts.body, tagline, centre.x, y, theme::text_muted, slot_w - frame.px(24));
        ImGui::GetWindowDrawList()->PopClipRect();
    }

    // Between Back and the sign-up: the region's own pages.
    const Rect middle = bottom_bar_middle(frame);
    const bool work = !content.commuting.empty();
    const ImVec2 button{work ? (middle.size.x - frame.px(16)) / 2 : middle.size.x, middle.size.y};
    if (touch_button(frame, "region", ui_text(language, "jewel_box.region"), middle.pos, button)) {
        frame.emit(intent::OpenRegion{});
    }
    if (work && touch_button(frame, "work_for_two", ui_text(language, "jewel_box.work_for_two"),
                             {middle.pos.x + button.x + frame.px(16), middle.pos.y}, button)) {
        frame.emit(intent::OpenWorkForTwo{});
    }
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
