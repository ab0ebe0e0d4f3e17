// A municipality's page: its jewel and name; the five sections (work, growing up, housing,
// culture and outdoors, the host) chosen with tabs, and the map; the picture above the open
// section's text; the host's contact card and where people from here work (the "work for
// two" table, as a small chart) beside it; "I'm curious" and the sign-up below. One layout in
// design units, so 800x480 and 1920x1080 show the same page.
#include "firmware/choice_list.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"
#include "ui/widgets/picture_frame.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cfloat>

namespace flytthit::ui {

namespace {

float header(const Kiosk& kiosk, UiFrame& frame, const Municipality& municipality) {
    const Language language = kiosk.language();
    const float bar_left = language_bar(kiosk, frame);
    const float radius = frame.px(36);
    const ImVec2 centre{frame.px(32) + radius, frame.px(16) + radius + frame.px(6)};
    draw_jewel(ImGui::GetWindowDrawList(), centre, radius, municipality, JewelLook{});
    const float x = centre.x + radius + frame.px(20);
    const float width = bar_left - x - frame.px(16);
    const float title_height = frame.fonts.title->FontSize * 1.15f;
    text_box(frame, municipality.name, {{x, frame.px(10)}, {width, title_height}}, {frame.fonts.title, theme::gold, Align::left, false, true});
    const std::string line = municipality.county + " · " + kiosk.content().text(language, "municipality." + municipality.id + ".tagline");
    const float line_top = frame.px(10) + title_height;
    const float used = text_box(frame, line, {{x, line_top}, {width, frame.fonts.body->FontSize * 2.6f}},
                                {frame.fonts.body, theme::text_muted, Align::left, false, false})
                           .size.y;
    return std::max(line_top + used, frame.px(16) + frame.touch(56)) + frame.px(14);
}

// One line of the contact card or the chart: text in a box of one line's height.
float card_line(UiFrame& frame, std::string_view text, ImFont* font, ImU32 colour, ImVec2 pos, float width, int lines = 1) {
    const float height = font->FontSize * 1.25f * static_cast<float>(lines);
    text_box(frame, text, {pos, {width, height}}, {font, colour, Align::left, false, lines == 1});
    return height;
}

// The host's contact card: who answers, when the office is open (if the pack says), the web.
float contact_card(const Kiosk& kiosk, UiFrame& frame, const Municipality& municipality, Rect box) {
    const Language language = kiosk.language();
    const MunicipalityHost& host = municipality.host;
    const float inner = frame.px(16);
    const float width = box.size.x - inner * 2;
    float y = box.pos.y + inner;
    std::vector<std::pair<std::string, std::string>> rows{{std::string(ui_text(language, "municipality.host_office")), host.office}};
    if (!host.opening_hours.empty()) rows.emplace_back(ui_text(language, "municipality.opening_hours"), host.opening_hours);
    if (!host.web.empty()) {
        // Without "https://": the address as people type it. (One without a scheme is shown whole.)
        const auto scheme = host.web.find("://");
        rows.emplace_back(ui_text(language, "municipality.web"), scheme == std::string::npos ? host.web : host.web.substr(scheme + 3));
    }
    if (!host.email.empty()) rows.emplace_back("", host.email);
    // The contents first, in the draw list's front channel; then the card behind them, as tall
    // as they came out: each text laid out once.
    const TextStyle label_style{frame.fonts.body, theme::text_muted, Align::left, false, false};
    const float line = frame.fonts.body->FontSize * 1.25f;
    const float bottom = box.max().y - inner;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    y += card_line(frame, ui_text(language, "municipality.contact"), frame.fonts.large, theme::gold, {box.pos.x + inner, y}, width) +
         frame.px(4);
    for (const auto& [label, value] : rows) {
        if (!label.empty()) {
            const float room = std::min(line * 2, bottom - y);
            if (room < 1.0f) break;
            y += std::max(line, text_box(frame, label, {{box.pos.x + inner, y}, {width, room}}, label_style).size.y);
        }
        const float room = std::min(line * 2, bottom - y);
        if (room < 1.0f) break;
        y += text_box(frame, value, {{box.pos.x + inner, y}, {width, room}}, {frame.fonts.body, theme::text, Align::left, false, false})
                 .size.y +
             frame.px(4);
    }
    const float height = std::min(y + inner - box.pos.y, box.size.y);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(box.pos, {box.max().x, box.pos.y + height}, theme::panel, frame.px(14));
    draw->AddRect(box.pos, {box.max().x, box.pos.y + height}, theme::gold, frame.px(14), 0, frame.px(2));
    draw->ChannelsMerge();
    return height;
}

// Where people who live here work, largest first: the "work for two" figure in small.
void work_chart(const Kiosk& kiosk, UiFrame& frame, const Municipality& municipality, Rect box) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    auto flows = content.commuting.from(municipality.id);
    if (flows.empty() || box.size.y < frame.fonts.body->FontSize * 5) return;
    const float inner = frame.px(16);
    const float width = box.size.x - inner * 2;
    const int title_lines = 2;
    const float title_height = frame.fonts.body->FontSize * 1.25f * title_lines;  // as card_line draws it
    const float first_row = box.pos.y + inner + title_height + frame.px(6);
    const float row = frame.fonts.body->FontSize * 1.25f * 2 + frame.px(6);
    const std::size_t rows =
        std::min<std::size_t>(flows.size(), static_cast<std::size_t>(std::max(0.0f, (box.max().y - inner - first_row) / row)));
    // No room for a single bar (large text under the contact card): no panel at all, rather
    // than a heading over nothing.
    if (rows == 0) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.pos, box.max(), theme::panel, frame.px(14));
    const std::string title = std::string(ui_text(language, "municipality.work_for_two")) + " (" + std::to_string(content.commuting.year) + ")";
    card_line(frame, title, frame.fonts.body, theme::gold, {box.pos.x + inner, box.pos.y + inner}, width, title_lines);
    float y = first_row;
    int largest = 1;
    for (const auto& flow : flows) largest = std::max(largest, flow.persons);
    for (std::size_t i = 0; i < rows; ++i) {
        const CommutingFlow& flow = flows[i];
        const std::string place = flow.works_in == municipality.id ? std::string(ui_text(language, "municipality.at_home"))
                                                                   : content.place_name(flow.works_in);
        const std::string value = (flow.certain ? "" : "≈ ") + std::to_string(flow.persons);
        const float line = frame.fonts.body->FontSize * 1.25f;
        // The place's name has the whole line (a column at 800x480 is narrow); the figure
        // stands at the end of its bar, on the line below.
        const float value_width =
            std::min(width * 0.4f, frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, 0, value.data(), value.data() + value.size()).x +
                                       frame.px(4));
        text_box(frame, place, {{box.pos.x + inner, y}, {width, line}}, {frame.fonts.body, theme::text, Align::left, false, true});
        const float bar_y = y + line + frame.px(2);
        const float bar_room = width - value_width - frame.px(6);
        const float bar = std::max(frame.px(3), bar_room * static_cast<float>(flow.persons) / static_cast<float>(largest));
        // An uncertain reading is hollow, so it never reads as fact by colour alone.
        if (flow.certain) draw->AddRectFilled({box.pos.x + inner, bar_y}, {box.pos.x + inner + bar, bar_y + line * 0.6f}, theme::gold, frame.px(3));
        else draw->AddRect({box.pos.x + inner, bar_y}, {box.pos.x + inner + bar, bar_y + line * 0.6f}, theme::gold, frame.px(3), 0, frame.px(2));
        text_box(frame, value, {{box.pos.x + inner + bar + frame.px(6), bar_y - frame.px(2)}, {value_width, line}},
                 {frame.fonts.body, theme::text, Align::left, false, true});
        y += row;
    }
}

}  // namespace

void draw_municipality(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "municipality");
    const Municipality* municipality = kiosk.open_municipality();
    if (municipality == nullptr) return;  // the core only opens a municipality the pack has
    const Language language = kiosk.language();
    const float top = header(kiosk, frame, *municipality);
    const float bottom = frame.size.y - bottom_bar_height(frame);
    const float margin = frame.px(32);
    // The five sections as tabs down the left, and the map below them; the open one is filled.
    // In large text at 800x480 the header takes more room: the gaps give way first, then the
    // tabs down to 48 px, never below.
    const float tab_width = frame.px(230);
    const int buttons = static_cast<int>(std::size(municipality_sections)) + 1;
    const float room = bottom - frame.px(8) - top;
    const float gap = std::clamp((room - min_touch_px * static_cast<float>(buttons)) / static_cast<float>(buttons), 0.0f, frame.px(8));
    const float tab_height = std::max(min_touch_px, std::min(frame.px(76), (room - gap * static_cast<float>(buttons)) / static_cast<float>(buttons)));
    float y = top;
    for (std::string_view section : municipality_sections) {
        const std::string id(section);
        const bool open = kiosk.open_section() == id;
        const std::string label = (open ? "▸ " : "") + std::string(ui_text(language, "section." + id));
        if (touch_button(frame, "section:" + id, label, {margin, y}, {tab_width, tab_height},
                         open ? ButtonStyle::primary : ButtonStyle::secondary, frame.fonts.body)) {
            frame.emit(intent::OpenSection{id});
        }
        y += tab_height + gap;
    }
    if (touch_button(frame, "map", ui_text(language, "nav.map"), {margin, y + gap}, {tab_width, tab_height}, ButtonStyle::secondary,
                     frame.fonts.body)) {
        frame.emit(intent::OpenMap{});
    }

    // The side column: the host's card, then the chart in what is left.
    const float side_width = frame.px(300);
    const Rect side{{frame.size.x - margin - side_width, top}, {side_width, bottom - frame.px(8) - top}};
    const float card = contact_card(kiosk, frame, *municipality, side);
    work_chart(kiosk, frame, *municipality, {{side.pos.x, side.pos.y + card + frame.px(12)}, {side.size.x, side.size.y - card - frame.px(12)}});

    // The middle: the picture over the open section's text. The text is laid out first, from
    // the panel's foot up (the neighbour note, the section, its heading); the picture takes
    // what is left above it, cropped to fill, so a long text or large text is never cut for a
    // picture. The panel is drawn behind the text once its height is known.
    const ImVec2 panel_min{margin + tab_width + frame.px(20), top};
    const ImVec2 panel_max{side.pos.x - frame.px(20), bottom - frame.px(8)};
    const float panel_width = panel_max.x - panel_min.x;
    const float least_picture = (panel_max.y - panel_min.y) * 0.2f;
    const float inner = frame.px(20);
    const float text_left = panel_min.x + inner;
    const float text_width = panel_width - inner * 2;
    const float heading = frame.fonts.large->FontSize * 1.25f;
    float text_bottom = panel_max.y - inner * 0.7f;
    const float text_top = panel_min.y + least_picture + frame.px(12) + inner * 0.7f + heading + frame.px(6);
    TextStyle from_bottom{frame.fonts.body, theme::text_muted};
    from_bottom.bottom = true;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    if (!municipality->member) {
        const float note = frame.fonts.body->FontSize * 2.6f;
        text_bottom -= text_box(frame, ui_text(language, "municipality.neighbour_note"), {{text_left, text_bottom - note}, {text_width, note}},
                                from_bottom).size.y + frame.px(8);
    }
    from_bottom.colour = theme::text;
    const float body = text_box(frame, kiosk.content().text(language, "municipality." + municipality->id + "." + kiosk.open_section()),
                                {{text_left, text_top}, {text_width, text_bottom - text_top}}, from_bottom)
                           .size.y;
    const float heading_top = text_bottom - body - frame.px(6) - heading;
    text_box(frame, ui_text(language, "section." + kiosk.open_section()), {{text_left, heading_top}, {text_width, heading}},
             {frame.fonts.large, theme::gold, Align::left, false, true});
    const float panel_top = heading_top - inner * 0.7f;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled({panel_min.x, panel_top}, panel_max, theme::panel, frame.px(16));
    draw->ChannelsMerge();
    const float picture_height = std::min(panel_top - frame.px(12) - panel_min.y, panel_width * 0.75f);
    picture_frame(frame, municipality->images.hero, {panel_min, {panel_width, picture_height}}, frame.px(16));

    // "I'm curious" between Back and the sign-up: a chip with a tick, so its state reads without colour.
    const auto& chosen = kiosk.draft().lead.municipalities;
    const Rect middle = bottom_bar_middle(frame);
    if (toggle_chip(frame, "curious", ui_text(language, "municipality.curious"), contains(chosen, municipality->id), middle.pos,
                    middle.size)) {
        frame.emit(intent::ToggleMunicipality{municipality->id});
    }
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "municipality.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
