// The region page: the story in the region's words, a bar chart of the known population
// figures with the vision beside them, and what the campaigns achieved.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

// 25000 -> "25 000", as Norwegian and Dutch write it (a thin gap reads in English too).
std::string grouped(int value) {
    const std::string digits = std::to_string(value);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ' ';
        text += digits[i];
    }
    return text;
}

std::string qualified(Language language, int value, const std::string& qualifier) {
    if (qualifier == "about") return std::string(ui_text(language, "region.about")) + " " + grouped(value);
    if (qualifier == "at_least") return std::string(ui_text(language, "region.at_least")) + " " + grouped(value);
    return grouped(value);
}

void population_chart(const Kiosk& kiosk, UiFrame& frame, ImVec2 min, ImVec2 max) {
    const Language language = kiosk.language();
    const RegionFacts& facts = kiosk.content().region;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_text(frame.fonts.large, ui_text(language, "region.population"), min, theme::gold);
    struct Bar {
        PopulationFigure figure;
        bool goal;
    };
    std::vector<Bar> bars;
    for (const auto& figure : facts.population) bars.push_back({figure, false});
    if (facts.goal) bars.push_back({*facts.goal, true});
    if (bars.empty()) return;
    int highest = 1;
    for (const auto& bar : bars) highest = std::max(highest, bar.figure.inhabitants);

    // Bars start at zero: a chart that starts at 20 000 would make a 7 % fall look like a collapse.
    const float label_room = frame.fonts.body->FontSize * 2 + frame.px(8);
    const float base_y = max.y - frame.fonts.body->FontSize - frame.px(6);
    const float top_y = min.y + frame.fonts.large->FontSize + label_room + frame.px(8);
    const float slot = (max.x - min.x) / static_cast<float>(bars.size());
    const float width = slot * 0.5f;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const float centre = min.x + slot * (static_cast<float>(i) + 0.5f);
        const float height = (base_y - top_y) * static_cast<float>(bar.figure.inhabitants) / static_cast<float>(highest);
        const ImVec2 bar_min{centre - width / 2, base_y - height};
        const ImVec2 bar_max{centre + width / 2, base_y};
        // The goal is hollow and labelled "goal": never told apart by colour alone.
        if (bar.goal) draw->AddRect(bar_min, bar_max, theme::gold, frame.px(4), 0, frame.px(3));
        else draw->AddRectFilled(bar_min, bar_max, theme::gold, frame.px(4));
        std::string value = qualified(language, bar.figure.inhabitants, bar.figure.approximate ? "about" : "");
        if (bar.goal) value = std::string(ui_text(language, "region.goal")) + "\n" + value;
        const float value_height = frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, 0, value.c_str()).y;
        draw_text_centred_wrapped(frame.fonts.body, value, centre, bar_min.y - value_height - frame.px(4), theme::text, slot);
        draw_text(frame.fonts.body, std::to_string(bar.figure.year), {centre, base_y + frame.px(4)}, theme::text_muted, true);
    }
    draw->AddLine({min.x, base_y}, {max.x, base_y}, theme::text_muted, frame.px(2));
}

void campaign_results(const Kiosk& kiosk, UiFrame& frame, ImVec2 min, float width) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    float y = min.y;
    y += draw_text(frame.fonts.large, ui_text(language, "region.results"), {min.x, y}, theme::gold) + frame.px(10);
    for (const auto& result : content.region.results) {
        const Campaign* campaign = content.find_campaign(result.campaign_id);
        const std::string heading = (campaign ? campaign->name : result.campaign_id) + " " + std::to_string(result.year);
        y += draw_text(frame.fonts.large, heading, {min.x, y}, theme::text) + frame.px(4);
        for (const auto& figure : result.figures) {
            const std::string line = qualified(language, figure.value, figure.qualifier) + " " +
                                     content.text(language, "region.figure." + figure.id);
            y += draw_text(frame.fonts.body, line, {min.x + frame.px(16), y}, theme::text, false, width - frame.px(16)) + frame.px(4);
        }
        y += frame.px(12);
    }
}

}  // namespace

void draw_region(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "region");
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const float margin = frame.px(32);
    const float y = page_header(kiosk, frame, content.text(language, "region.name"), content.text(language, "region.story"));

    const float bottom = frame.size.y - bottom_bar_height(frame);
    const float split = frame.size.x * 0.45f;
    population_chart(kiosk, frame, {margin, y}, {split - frame.px(24), bottom - frame.px(8)});
    campaign_results(kiosk, frame, {split + frame.px(16), y}, frame.size.x - split - frame.px(16) - margin);

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
