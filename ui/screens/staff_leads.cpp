// The lead list: this event's or every event's sign-ups, newest first, a page at a time
// (big paging buttons instead of scrolling, which ImGui does not do by touch).
#include "ui/widgets/staff_times.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "common/base/utf8.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

namespace flytthit::ui {

namespace {

std::string lead_line(const Kiosk& kiosk, const Lead& lead, Language language) {
    const auto text = [&](const char* key) { return std::string(ui_text(language, key)); };
    std::string line = local_short_time_from_utc(lead.created.wall_clock_utc) + "  " + lead.sealed.initials + "  " +
                       std::to_string(lead.draft.household.adults) + " " + text("staff.adults");
    if (lead.sealed.children_count > 0) {
        line += ", " + std::to_string(lead.sealed.children_count) + " " + text("staff.children");
    }
    std::string places;
    for (const auto& id : lead.draft.municipalities) {
        const Municipality* municipality = kiosk.content().find_municipality(id);
        places += (places.empty() ? "" : ", ") + (municipality ? municipality->name : id);
    }
    if (!places.empty()) line += "  ·  " + places;
    if (const Campaign* campaign = kiosk.content().find_campaign(lead.draft.campaign_id)) line += "  ·  " + campaign->name;
    return line;
}

}  // namespace

void draw_staff_leads(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_leads");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.leads"));
    const float margin = frame.px(32);
    const ImVec2 scope{frame.px(360), frame.touch(56)};
    if (toggle_chip(frame, "leads:event", ui_text(language, "staff.this_event_only"), !staff.leads_all_events(), {margin, y},
                    scope)) {
        frame.emit(intent::LeadsScope{false});
    }
    if (toggle_chip(frame, "leads:all", ui_text(language, "staff.all_events"), staff.leads_all_events(),
                    {margin + scope.x + frame.px(12), y}, scope)) {
        frame.emit(intent::LeadsScope{true});
    }
    y += scope.y + frame.px(12);

    // The paging row at the bottom; a page of rows shares what is between, each row a
    // touch target of at least 48 px.
    const std::size_t pages = std::max<std::size_t>(
        1, (static_cast<std::size_t>(staff.leads_total()) + StaffMode::leads_per_page - 1) / StaffMode::leads_per_page);
    const ImVec2 button{frame.px(240), frame.touch(72)};
    const float bottom = frame.size.y - button.y - frame.px(12);
    const float row_gap = frame.px(6);
    const auto per_page = static_cast<float>(StaffMode::leads_per_page);
    const float row_height = std::max(min_touch_px, std::min(frame.px(76), (bottom - frame.px(8) - y) / per_page - row_gap));
    const float width = frame.size.x - margin * 2;
    if (staff.leads_rows().empty()) {
        text_box(frame, ui_text(language, "staff.no_leads"), {{margin, y}, {width, bottom - frame.px(8) - y}},
                 {frame.fonts.large, theme::text_muted});
    }
    for (std::size_t i = 0; i < staff.leads_rows().size(); ++i) {
        const Lead& lead = staff.leads_rows()[i];
        const ImVec2 at{margin, y + static_cast<float>(i) * (row_height + row_gap)};
        std::string rating = lead.staff.rating.empty() ? "" : std::string(ui_text(language, "staff." + lead.staff.rating));
        if (lead.draft.staff_assisted) rating += (rating.empty() ? "" : ", ") + std::string(ui_text(language, "staff.assisted"));
        if (touch_button(frame, "lead:" + std::to_string(i), "", at, {width, row_height})) {
            frame.emit(intent::OpenLead{lead.id});
        }
        // The lead on the first line, its rating on the second, within the row's frame.
        const float inset = frame.px(16);
        const float line = (row_height - frame.px(8)) / 2;
        const TextStyle row_text{frame.fonts.body, theme::text, Align::left, true, true};
        text_box(frame, lead_line(kiosk, lead, language), {{at.x + inset, at.y + frame.px(4)}, {width - inset * 2, line}}, row_text);
        text_box(frame, rating, {{at.x + inset, at.y + frame.px(4) + line}, {width - inset * 2, line}},
                 {frame.fonts.body, theme::gold, Align::left, true, true});
    }

    const float page_left = margin + button.x + frame.px(16);
    const float page_right = frame.size.x - margin - button.x - frame.px(16);
    if (staff.leads_page() > 0 &&
        touch_button(frame, "leads:previous", ui_text(language, "staff.previous"), {margin, bottom}, button)) {
        frame.emit(intent::LeadsPage{-1});
    }
    const std::string page = std::string(ui_text(language, "staff.page")) + " " + std::to_string(staff.leads_page() + 1) +
                             " / " + std::to_string(pages) + "  (" + std::to_string(staff.leads_total()) + ")";
    text_box(frame, page, {{page_left, bottom}, {page_right - page_left, button.y}},
             {frame.fonts.large, theme::text, Align::centre, true, true});
    if (staff.leads_page() + 1 < pages &&
        touch_button(frame, "leads:next", ui_text(language, "staff.next"), {frame.size.x - margin - button.x, bottom}, button)) {
        frame.emit(intent::LeadsPage{+1});
    }
}

}  // namespace flytthit::ui
