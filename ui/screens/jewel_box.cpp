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
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

void draw_jewel_box(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "jewel_box");
    const ContentPack& content = kiosk.content();
    const Language language = kiosk.language();

    const float bar_left = language_bar(kiosk, frame);
    const float margin = frame.px(40);
    const float band = frame.px(16) + frame.touch(56);
    text_box(frame, ui_text(language, "jewel_box.title"), {{margin, frame.px(12)}, {bar_left - margin - frame.px(16), band - frame.px(12)}},
             {frame.fonts.title, theme::gold, Align::left, true, true});
    const float hint_top = band + frame.px(8);
    float hint_y = hint_top;
    // Beside the campaign's name the hint has half the width: it may take three lines.
    const float two_lines = frame.fonts.body->FontSize * (kiosk.campaign() ? 3.0f : 2.0f);
    float hint_right = frame.size.x - margin;
    if (const Campaign* campaign = kiosk.campaign()) {
        const std::string line = std::string(ui_text(language, "campaign.today")) + ": " + campaign->name;
        hint_right = bar_left - frame.px(16);
        hint_y = std::max(hint_y, hint_top + text_box(frame, line, {{bar_left, hint_top}, {frame.size.x - margin - bar_left, two_lines}},
                                                       {frame.fonts.body, theme::gold}).size.y);
    }
    hint_y = std::max(hint_y, hint_top + text_box(frame, ui_text(language, "jewel_box.hint"),
                                                  {{margin, hint_top}, {hint_right - margin, two_lines}}, {frame.fonts.body, theme::text_muted})
                                             .size.y);
    staff_corner(frame);

    // The open box: gold rim, dark velvet inside.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 box_min{frame.px(40), hint_y + frame.px(10)};
    const ImVec2 box_max{frame.size.x - frame.px(40), frame.size.y - bottom_bar_height(frame)};
    draw->AddRectFilled(box_min, box_max, theme::rgb(0x3a, 0x10, 0x1c), frame.px(22));
    draw->AddRect(box_min, box_max, theme::gold, frame.px(22), 0, frame.px(6));

    // The jewels' slots lie inside the rim, so no name or tagline touches it.
    const float rim = frame.px(14);
    const ImVec2 slots_min{box_min.x + rim, box_min.y + rim};
    const ImVec2 slots_max{box_max.x - rim, box_max.y - rim};
    const auto& municipalities = content.municipalities;
    const int columns = static_cast<int>(std::ceil(static_cast<float>(municipalities.size()) / 2.0f));
    const int rows = municipalities.size() > 1 ? 2 : 1;
    const float slot_w = (slots_max.x - slots_min.x) / static_cast<float>(std::max(columns, 1));
    const float slot_h = (slots_max.y - slots_min.y) / static_cast<float>(rows);
    const float slot_pad = frame.px(8);
    // Room under each jewel for its name, "neighbour" and a tagline of up to three lines (a
    // longer one steps down in it): the jewels take what is left, and each text is laid out once.
    const bool any_neighbour = std::any_of(municipalities.begin(), municipalities.end(), [](const Municipality& m) { return !m.member; });
    const float text_room = frame.fonts.large->FontSize + frame.px(4) + frame.fonts.body->FontSize * (any_neighbour ? 4.0f : 3.0f);
    const float radius = std::max(4.0f, std::min(std::min(slot_w, slot_h) * 0.19f, (slot_h - text_room - slot_pad * 2) / 2.7f));
    const auto& chosen = kiosk.draft().lead.municipalities;
    const float t = static_cast<float>(frame.time_seconds);

    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        const Municipality& municipality = municipalities[i];
        const int column = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const ImVec2 slot_min{slots_min.x + slot_w * static_cast<float>(column), slots_min.y + slot_h * static_cast<float>(row)};
        const ImVec2 centre{slot_min.x + slot_w / 2, slot_min.y + slot_pad + radius * 1.3f};

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
        if (frame.audit) frame.audit->solid("jewel", {centre.x - radius * 0.8f, centre.y - radius * 0.8f}, {centre.x + radius * 0.8f, centre.y + radius * 0.8f});

        float y = centre.y + radius * 1.3f;
        const float text_left = slot_min.x + slot_pad;
        const float text_width = slot_w - slot_pad * 2;
        const float slot_bottom = slot_min.y + slot_h - slot_pad;
        // Chosen reads from the tick and the word as well as the sparkle: not colour alone.
        const std::string label = look.selected ? "✓ " + municipality.name : municipality.name;
        y += text_box(frame, label, {{text_left, y}, {text_width, frame.fonts.large->FontSize}},
                      {frame.fonts.large, look.selected ? theme::gold : theme::text, Align::centre, false, true}).size.y + frame.px(4);
        if (!municipality.member) {
            y += text_box(frame, ui_text(language, "jewel_box.neighbour"), {{text_left, y}, {text_width, frame.fonts.body->FontSize}},
                          {frame.fonts.body, theme::text_muted, Align::centre, false, true}).size.y;
        }
        const std::string tagline = content.text(language, "municipality." + municipality.id + ".tagline");
        text_box(frame, tagline, {{text_left, y}, {text_width, slot_bottom - y}}, {frame.fonts.body, theme::text_muted, Align::centre});
    }

    // Between Back and the sign-up: the region's own pages.
    const Rect middle = bottom_bar_middle(frame);
    const bool work = !content.commuting.empty();
    const bool map = !content.map.empty();
    const float count = 1.0f + (work ? 1.0f : 0.0f) + (map ? 1.0f : 0.0f);
    const ImVec2 button{(middle.size.x - frame.px(16) * (count - 1)) / count, middle.size.y};
    float button_x = middle.pos.x;
    if (touch_button(frame, "region", ui_text(language, "jewel_box.region"), {button_x, middle.pos.y}, button)) {
        frame.emit(intent::OpenRegion{});
    }
    button_x += button.x + frame.px(16);
    if (map && touch_button(frame, "map", ui_text(language, "nav.map"), {button_x, middle.pos.y}, button)) {
        frame.emit(intent::OpenMap{});
    }
    if (map) button_x += button.x + frame.px(16);
    if (work && touch_button(frame, "work_for_two", ui_text(language, "jewel_box.work_for_two"), {button_x, middle.pos.y}, button)) {
        frame.emit(intent::OpenWorkForTwo{});
    }
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
