// The lead list: this event's or every event's sign-ups, newest first, a page at a time
// (big paging buttons instead of scrolling, which ImGui does not do by touch).
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "common/base/utf8.h"
#include "ui/widgets/controls.h"

namespace flytthit::ui {

namespace {

std::string lead_line(const Kiosk& kiosk, const Lead& lead, Language language) {
    const auto text = [&](const char* key) { return std::string(ui_text(language, key)); };
    std::string line = lead.created.wall_clock_utc.substr(5, 11) + "  " + lead.sealed.initials + "  " +
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
    const ImVec2 scope{frame.px(360), frame.px(56)};
    if (toggle_chip(frame, "leads:event", ui_text(language, "staff.this_event_only"), !staff.leads_all_events(), {margin, y},
                    scope)) {
        frame.emit(intent::LeadsScope{false});
    }
    if (toggle_chip(frame, "leads:all", ui_text(language, "staff.all_events"), staff.leads_all_events(),
                    {margin + scope.x + frame.px(12), y}, scope)) {
        frame.emit(intent::LeadsScope{true});
    }
    y += scope.y + frame.px(16);

    const float row_height = frame.px(76);
    const float width = frame.size.x - margin * 2;
    if (staff.leads_rows().empty()) draw_text(frame.fonts.large, ui_text(language, "staff.no_leads"), {margin, y}, theme::text_muted);
    for (std::size_t i = 0; i < staff.leads_rows().size(); ++i) {
        const Lead& lead = staff.leads_rows()[i];
        const ImVec2 at{margin, y + static_cast<float>(i) * (row_height + frame.px(8))};
        std::string rating = lead.staff.rating.empty() ? "" : std::string(ui_text(language, "staff." + lead.staff.rating));
        if (lead.draft.staff_assisted) rating += (rating.empty() ? "" : ", ") + std::string(ui_text(language, "staff.assisted"));
        if (touch_button(frame, "lead:" + std::to_string(i), "", at, {width, row_height})) {
            frame.emit(intent::OpenLead{lead.id});
        }
        draw_text(frame.fonts.body, lead_line(kiosk, lead, language), {at.x + frame.px(16), at.y + frame.px(10)}, theme::text);
        draw_text(frame.fonts.body, rating, {at.x + frame.px(16), at.y + frame.px(40)}, theme::gold);
    }

    const std::size_t pages = std::max<std::size_t>(
        1, (static_cast<std::size_t>(staff.leads_total()) + StaffMode::leads_per_page - 1) / StaffMode::leads_per_page);
    const ImVec2 button{frame.px(240), frame.px(72)};
    const float bottom = frame.size.y - button.y - frame.px(20);
    if (staff.leads_page() > 0 &&
        touch_button(frame, "leads:previous", ui_text(language, "staff.previous"), {margin, bottom}, button)) {
        frame.emit(intent::LeadsPage{-1});
    }
    const std::string page = std::string(ui_text(language, "staff.page")) + " " + std::to_string(staff.leads_page() + 1) +
                             " / " + std::to_string(pages) + "  (" + std::to_string(staff.leads_total()) + ")";
    draw_text(frame.fonts.large, page, {frame.size.x / 2, bottom + frame.px(20)}, theme::text, true);
    if (staff.leads_page() + 1 < pages &&
        touch_button(frame, "leads:next", ui_text(language, "staff.next"), {frame.size.x - margin - button.x, bottom}, button)) {
        frame.emit(intent::LeadsPage{+1});
    }
}

}  // namespace flytthit::ui
