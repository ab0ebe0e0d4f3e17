// "Arbeid for to" (work for two): choose where you would live and see where the people who
// lived there worked, from the region's 2003 commuting table. Only the cells the table has
// are drawn; the places it has no figure for are named, never shown as zero.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

void flows_panel(const Kiosk& kiosk, UiFrame& frame, ImVec2 min, ImVec2 max) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const std::string& home = kiosk.chosen_home();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, theme::panel, frame.px(16));
    const float inner = frame.px(20);
    const float width = max.x - min.x - inner * 2;
    float y = min.y + inner;
    y += draw_text(frame.fonts.large, std::string(ui_text(language, "work_for_two.lives_in")) + " " + content.place_name(home),
                   {min.x + inner, y}, theme::gold) + frame.px(8);

    const auto flows = content.commuting.from(home);
    if (flows.empty()) {
        draw_text(frame.fonts.body, ui_text(language, "work_for_two.no_row"), {min.x + inner, y}, theme::text, false, width);
        return;
    }
    // The bars compare the commutes with each other; those who work at home are a number of
    // their own, or their long bar would flatten every other.
    int largest_commute = 1;
    for (const auto& flow : flows) {
        if (flow.works_in != home) largest_commute = std::max(largest_commute, flow.persons);
    }
    float name_width = 0;
    for (const auto& flow : flows) {
        const std::string name = content.place_name(flow.works_in);
        name_width = std::max(name_width, frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, 0, name.c_str()).x);
    }
    name_width += frame.px(12);
    const float number_width = frame.px(90);
    const float bar_width = std::max(frame.px(40), width - name_width - number_width);
    // Rows share what height is left, so a long list still fits the panel.
    const float left = max.y - inner - y - frame.fonts.body->FontSize * 2;
    const float row = std::min(frame.fonts.body->FontSize + frame.px(6), left / static_cast<float>(flows.size()));
    for (const auto& flow : flows) {
        const std::string number = (flow.certain ? "" : "≈") + std::to_string(flow.persons);
        if (flow.works_in == home) {
            const std::string line = number + " " + std::string(ui_text(language, "work_for_two.works_at_home"));
            y += draw_text(frame.fonts.large, line, {min.x + inner, y}, theme::text, false, width) + frame.px(8);
            continue;
        }
        draw_text(frame.fonts.body, content.place_name(flow.works_in), {min.x + inner, y}, theme::text);
        const float bar = std::max(frame.px(3), bar_width * static_cast<float>(flow.persons) / static_cast<float>(largest_commute));
        const ImVec2 bar_min{min.x + inner + name_width, y + frame.px(3)};
        const ImVec2 bar_max{bar_min.x + bar, y + row - frame.px(5)};
        // A likely reading is drawn hollow as well as marked with "≈".
        if (flow.certain) draw->AddRectFilled(bar_min, bar_max, theme::gold, frame.px(3));
        else draw->AddRect(bar_min, bar_max, theme::gold, frame.px(3), 0, frame.px(2));
        draw_text(frame.fonts.body, number, {bar_min.x + bar + frame.px(8), y}, theme::text);
        y += row;
    }
    const auto unknown = content.unknown_workplaces(home);
    if (!unknown.empty()) {
        std::string names;
        for (const auto& id : unknown) names += (names.empty() ? "" : ", ") + content.place_name(id);
        y += frame.px(8);
        draw_text(frame.fonts.body, std::string(ui_text(language, "work_for_two.unknown")) + " " + names, {min.x + inner, y},
                  theme::text_muted, false, width);
    }
}

}  // namespace

void draw_work_for_two(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "work_for_two");
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const float margin = frame.px(32);
    const float y = page_header(kiosk, frame, ui_text(language, "work_for_two.title"), content.text(language, "work_for_two.intro"));

    // Left: where you would live, one chip per municipality, two columns.
    const float bottom = frame.size.y - bottom_bar_height(frame);
    const float left_width = frame.size.x * 0.38f;
    const float gap = frame.px(8);
    const float chip_width = (left_width - gap) / 2;
    const auto rows = static_cast<float>((content.municipalities.size() + 1) / 2);
    const float chip_height = std::max(min_touch_px, std::min(frame.px(64), (bottom - y - gap * rows) / rows));
    for (std::size_t i = 0; i < content.municipalities.size(); ++i) {
        const auto& municipality = content.municipalities[i];
        const ImVec2 at{margin + static_cast<float>(i % 2) * (chip_width + gap), y + static_cast<float>(i / 2) * (chip_height + gap)};
        if (toggle_chip(frame, "home:" + municipality.id, municipality.name, kiosk.chosen_home() == municipality.id, at,
                        {chip_width, chip_height})) {
            frame.emit(intent::ChooseHome{municipality.id});
        }
    }

    // Right: the known cells for that home, and the fine print.
    const float legend_height = frame.fonts.body->FontSize * 2 + frame.px(10);
    flows_panel(kiosk, frame, {margin + left_width + frame.px(20), y}, {frame.size.x - margin, bottom - legend_height});
    const std::string legend = std::string(ui_text(language, "work_for_two.likely")) + "\n" +
                               std::string(ui_text(language, "work_for_two.source")) + " " +
                               std::to_string(content.commuting.year);
    draw_text(frame.fonts.body, legend, {margin + left_width + frame.px(20), bottom - legend_height + frame.px(4)}, theme::text_muted);

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
