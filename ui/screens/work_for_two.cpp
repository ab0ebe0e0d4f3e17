// "Arbeid for to" (work for two): choose where you would live and see where the people who
// lived there worked, from the region's 2003 commuting table. Only the cells the table has
// are drawn; the places it has no figure for are named, never shown as zero.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

// A place's name in the visitor's language: the pack may translate places outside the region
// ("place.<id>"), and names the municipalities itself.
std::string place_label(const ContentPack& content, Language language, const std::string& id) {
    const std::string key = "place." + id;
    std::string text = content.text(language, key);
    return text == key ? content.place_name(id) : text;
}

void flows_panel(const Kiosk& kiosk, UiFrame& frame, ImVec2 min, ImVec2 max) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const std::string& home = kiosk.chosen_home();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, theme::panel, frame.px(16));
    const float inner = frame.px(10);
    const float width = max.x - min.x - inner * 2;
    const float left = min.x + inner;
    const float bottom = max.y - inner;
    float y = min.y + inner;
    const auto flows = content.commuting.from(home);
    // The home's own figure shares the heading: those who work where they live.
    std::string heading = std::string(ui_text(language, "work_for_two.lives_in")) + " " + place_label(content, language, home);
    for (const auto& flow : flows) {
        if (flow.works_in != home) continue;
        heading += ": " + std::string(flow.certain ? "" : "≈") + std::to_string(flow.persons) + " " +
                   std::string(ui_text(language, "work_for_two.works_at_home"));
    }
    y += text_box(frame, heading, {{left, y}, {width, frame.fonts.large->FontSize * 1.5f}}, {frame.fonts.large, theme::gold}).size.y +
         frame.px(4);
    if (flows.empty()) {
        text_box(frame, ui_text(language, "work_for_two.no_row"), {{left, y}, {width, bottom - y}}, {frame.fonts.body, theme::text});
        return;
    }
    std::string unknown_line;
    if (const auto unknown = content.unknown_workplaces(home); !unknown.empty()) {
        std::string names;
        for (const auto& id : unknown) names += (names.empty() ? "" : ", ") + place_label(content, language, id);
        unknown_line = std::string(ui_text(language, "work_for_two.unknown")) + " " + names;
    }
    // The places with no figure stand at the panel's foot, drawn first: the rows share what is above.
    TextStyle unknown_style{frame.fonts.body, theme::text_muted};
    unknown_style.bottom = true;
    const float unknown_room = frame.fonts.body->FontSize * 3;
    const float unknown_height =
        unknown_line.empty() ? 0 : text_box(frame, unknown_line, {{left, bottom - unknown_room}, {width, unknown_room}}, unknown_style).size.y + frame.px(6);
    // The bars compare the commutes with each other; those who work at home are a number of
    // their own (in the heading), or their long bar would flatten every other.
    int largest_commute = 1;
    std::size_t commutes = 0;
    for (const auto& flow : flows) {
        if (flow.works_in == home) continue;
        largest_commute = std::max(largest_commute, flow.persons);
        ++commutes;
    }
    // Rows share the height left; their text steps down with them, never below a readable size.
    ImFont* font = frame.fonts.body;
    const float room = bottom - y - unknown_height;
    const float row = std::max(font->FontSize * smallest_text_share,
                               std::min(font->FontSize + frame.px(6), room / static_cast<float>(std::max<std::size_t>(commutes, 1))));
    const float text_size = std::min(font->FontSize, row);
    float name_width = 0;
    for (const auto& flow : flows) {
        const std::string name = place_label(content, language, flow.works_in);
        name_width = std::max(name_width, font->CalcTextSizeA(text_size, FLT_MAX, 0, name.c_str()).x);
    }
    name_width = std::min(name_width + frame.px(10), width * 0.45f);
    const float number_width = font->CalcTextSizeA(text_size, FLT_MAX, 0, "≈0000").x + frame.px(8);
    const float bar_width = std::max(frame.px(20), width - name_width - number_width);
    for (const auto& flow : flows) {
        if (flow.works_in == home) continue;
        const std::string number = (flow.certain ? "" : "≈") + std::to_string(flow.persons);
        text_box(frame, place_label(content, language, flow.works_in), {{left, y}, {name_width - frame.px(6), row}},
                 {font, theme::text, Align::left, true, true});
        const float bar = std::max(frame.px(3), bar_width * static_cast<float>(flow.persons) / static_cast<float>(largest_commute));
        const ImVec2 bar_min{left + name_width, y + row * 0.15f};
        const ImVec2 bar_max{bar_min.x + bar, y + row * 0.85f};
        // A likely reading is drawn hollow as well as marked with "≈".
        if (flow.certain) draw->AddRectFilled(bar_min, bar_max, theme::gold, frame.px(3));
        else draw->AddRect(bar_min, bar_max, theme::gold, frame.px(3), 0, frame.px(2));
        text_box(frame, number, {{bar_max.x + frame.px(6), y}, {number_width, row}}, {font, theme::text, Align::left, true, true});
        y += row;
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
    const float panel_left = margin + left_width + frame.px(20);
    const std::string legend = std::string(ui_text(language, "work_for_two.likely")) + " · " +
                               std::string(ui_text(language, "work_for_two.source")) + " " +
                               std::to_string(content.commuting.year);
    TextStyle legend_style{frame.fonts.body, theme::text_muted};
    legend_style.bottom = true;  // the fine print on the bottom bar: the panel takes what is above
    const ImVec2 legend_room{frame.size.x - margin - panel_left, frame.fonts.body->FontSize * 2};
    const float legend_height = text_box(frame, legend, {{panel_left, bottom - frame.px(1) - legend_room.y}, legend_room}, legend_style).size.y;
    flows_panel(kiosk, frame, {panel_left, y}, {frame.size.x - margin, bottom - legend_height - frame.px(4)});

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
