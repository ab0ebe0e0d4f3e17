// The region page: the story in the region's words, a bar chart of the known population
// figures with the vision beside them, and what the campaigns achieved.
#include "common/content/content_results.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

// 25000 -> "25 000", as Norwegian and Dutch write it (a gap reads in English too), the
// same format as the pack's own texts. The gap is a no-break space: "25" and "000" never
// land on two lines.
std::string grouped(int value) {
    const std::string digits = std::to_string(value);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += "\u00a0";
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
    const float heading = text_box(frame, ui_text(language, "region.population"), {min, {max.x - min.x, frame.fonts.large->FontSize}},
                                   {frame.fonts.large, theme::gold, Align::left, false, true}).size.y;
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
    const float top_y = min.y + heading + label_room + frame.px(8);
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
        // The value above its bar, in up to two lines of the bar's slot.
        TextStyle value_style{frame.fonts.body, theme::text, Align::centre};
        value_style.bottom = true;
        const ImVec2 value_room{slot - frame.px(4), label_room - frame.px(4)};
        text_box(frame, value, {{centre - value_room.x / 2, bar_min.y - value_room.y - frame.px(4)}, value_room}, value_style);
        text_box(frame, std::to_string(bar.figure.year), {{centre - slot / 2, base_y + frame.px(4)}, {slot, frame.fonts.body->FontSize}},
                 {frame.fonts.body, theme::text_muted, Align::centre, false, true});
    }
    draw->AddLine({min.x, base_y}, {max.x, base_y}, theme::text_muted, frame.px(2));
}

// The campaigns' results as one list of texts; drawn whole at the largest size that fits
// the column (the list, not each line, steps down, so the sizes stay alike).
void campaign_results(const Kiosk& kiosk, UiFrame& frame, ImVec2 min, ImVec2 max) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    struct Entry {
        std::string text;
        ImFont* font;
        ImU32 colour;
        float indent;
        float after;
    };
    std::vector<Entry> entries{{std::string(ui_text(language, "region.results")), frame.fonts.large, theme::gold, 0, frame.px(8)}};
    for (const auto& result : content.region.results) {
        const Campaign* campaign = content.find_campaign(result.campaign_id);
        std::string heading = (campaign ? campaign->name : result.campaign_id) + " " + std::to_string(result.year);
        // Figures counted from the follow-up say so and when, beside the documents' own.
        if (result.source == register_results_source && !result.as_of.empty()) {
            heading += " · " + std::string(ui_text(language, "region.counted_by_register")) + " " + result.as_of;
        }
        entries.push_back({std::move(heading), frame.fonts.body, theme::text, 0, frame.px(2)});
        for (const auto& figure : result.figures) {
            entries.push_back({qualified(language, figure.value, figure.qualifier) + " " +
                                   content.text(language, "region.figure." + figure.id),
                               frame.fonts.body, theme::text_muted, frame.px(16), frame.px(2)});
        }
        entries.back().after = frame.px(10);
    }
    // Each entry gets its share of the column: its height at full size (measured once), scaled
    // to what is there.
    const float width = max.x - min.x;
    std::vector<float> natural;
    float wanted = 0;
    for (const auto& entry : entries) {
        natural.push_back(measure_text(entry.text, {width - entry.indent, max.y - min.y}, {entry.font}).size.y);
        wanted += natural.back() + entry.after;
    }
    const float squeeze = std::min(1.0f, (max.y - min.y) / std::max(wanted, 1.0f));
    float y = min.y;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& entry = entries[i];
        const ImVec2 room{width - entry.indent, max.y - y};
        const float share = std::max(entry.font->FontSize, natural[i] * squeeze);
        y += text_box(frame, entry.text, {{min.x + entry.indent, y}, {room.x, std::min(share, room.y)}}, {entry.font, entry.colour}).size.y +
             entry.after * squeeze;
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
    campaign_results(kiosk, frame, {split + frame.px(16), y}, {frame.size.x - margin, bottom - frame.px(8)});

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
