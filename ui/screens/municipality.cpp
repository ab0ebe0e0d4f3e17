// A municipality's page: its jewel and name, five sections (work, growing up, housing,
// culture and outdoors, the host) chosen with tabs, "I'm curious" and the sign-up.
#include "firmware/choice_list.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

float header(const Kiosk& kiosk, UiFrame& frame, const Municipality& municipality) {
    const Language language = kiosk.language();
    const float bar_left = language_bar(kiosk, frame);
    const float radius = frame.px(36);
    const ImVec2 centre{frame.px(32) + radius, frame.px(16) + radius + frame.px(6)};
    draw_jewel(ImGui::GetWindowDrawList(), centre, radius, municipality, JewelLook{});
    const float x = centre.x + radius + frame.px(20);
    draw_text(frame.fonts.title, municipality.name, {x, frame.px(12)}, theme::gold);
    const std::string line = municipality.county + " · " + kiosk.content().text(language, "municipality." + municipality.id + ".tagline");
    const float used = draw_text(frame.fonts.body, line, {x, frame.px(12) + frame.fonts.title->FontSize + frame.px(4)},
                                 theme::text_muted, false, bar_left - x - frame.px(16));
    return std::max(frame.px(12) + frame.fonts.title->FontSize + frame.px(4) + used, frame.px(16) + frame.touch(56)) + frame.px(18);
}

void host_details(const Kiosk& kiosk, UiFrame& frame, const Municipality& municipality, ImVec2 pos, float width) {
    const Language language = kiosk.language();
    std::string details = std::string(ui_text(language, "municipality.host_office")) + ": " + municipality.host.office;
    if (!municipality.host.email.empty()) details += "\n" + municipality.host.email;
    if (!municipality.host.web.empty()) details += "\n" + std::string(ui_text(language, "municipality.web")) + ": " + municipality.host.web;
    draw_text(frame.fonts.large, details, pos, theme::gold, false, width);
}

}  // namespace

void draw_municipality(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "municipality");
    draw_background(frame);
    const Municipality* municipality = kiosk.open_municipality();
    if (municipality == nullptr) return;  // the core only opens a municipality the pack has
    const Language language = kiosk.language();
    const float top = header(kiosk, frame, *municipality);
    const float bottom = frame.size.y - bottom_bar_height(frame);
    const float margin = frame.px(32);

    // The five sections as tabs down the left; the open one is filled and marked with a bar.
    const float tab_width = frame.px(300);
    const float gap = frame.px(8);
    const float tab_height = std::max(min_touch_px, std::min(frame.px(80), (bottom - top - gap * 4) / 5));
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

    const ImVec2 panel_min{margin + tab_width + frame.px(20), top};
    const ImVec2 panel_max{frame.size.x - margin, bottom - frame.px(8)};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(panel_min, panel_max, theme::panel, frame.px(16));
    draw->AddRect(panel_min, panel_max, theme::gold, frame.px(16), 0, frame.px(2));
    const float inner = frame.px(24);
    const float text_width = panel_max.x - panel_min.x - inner * 2;
    float text_y = panel_min.y + inner;
    draw_text(frame.fonts.large, ui_text(language, "section." + kiosk.open_section()), {panel_min.x + inner, text_y}, theme::gold);
    text_y += frame.fonts.large->FontSize + frame.px(12);
    draw->PushClipRect(panel_min, panel_max, true);
    text_y += draw_text(frame.fonts.body, kiosk.content().text(language, "municipality." + municipality->id + "." + kiosk.open_section()),
                        {panel_min.x + inner, text_y}, theme::text, false, text_width) + frame.px(14);
    if (kiosk.open_section() == "host") host_details(kiosk, frame, *municipality, {panel_min.x + inner, text_y}, text_width);
    if (!municipality->member) {
        draw_text(frame.fonts.body, ui_text(language, "municipality.neighbour_note"),
                  {panel_min.x + inner, panel_max.y - inner - frame.fonts.body->FontSize * 2}, theme::text_muted, false, text_width);
    }
    draw->PopClipRect();

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
