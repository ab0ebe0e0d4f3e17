// Staff home: the counters and the device's health at a glance, and the way to every staff
// task. Shows what was read when the page opened; nothing here reads files per frame.
#include "ui/widgets/staff_times.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "common/base/version.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

#include <cstdio>
#include <iterator>

namespace flytthit::ui {

namespace {

// "label: value" rows in a column from x to right, each wrapped in its own box, stopping at
// bottom; returns the y after the last row. An indent moves the labels only, so the values of
// every group stay in one column.
float rows(UiFrame& frame, float x, float y, float right, float bottom, const std::vector<std::pair<std::string, std::string>>& lines,
           float indent = 0.0f) {
    const float label_width = std::min(frame.px(300), (right - x) * 0.4f);
    const float gap = frame.px(12);
    for (const auto& [label, value] : lines) {
        const float room = bottom - y;  // none left: text_box reports the row as not fitting
        const float label_height =
            text_box(frame, label, {{x + indent, y}, {label_width - gap - indent, room}}, {frame.fonts.body, theme::text_muted}).size.y;
        const float value_height =
            text_box(frame, value, {{x + label_width, y}, {right - x - label_width, room}}, {frame.fonts.body, theme::text}).size.y;
        y += std::max(label_height, value_height) + frame.px(4);
    }
    return y;
}

std::string uptime_text(double seconds) {
    char text[32];
    const int total = static_cast<int>(seconds);
    std::snprintf(text, sizeof text, "%d h %02d min", total / 3600, total / 60 % 60);
    return text;
}

// "Leave the kiosk?" in place of staff home, so no other button is under a finger: what leaving
// means, a clearly labelled confirm and a Cancel of the same size.
void draw_exit_question(UiFrame& frame, Language language) {
    const float top = staff_header(frame, language, ui_text(language, "staff.exit"), true);
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const ImVec2 button{std::min(frame.px(520), (width - frame.px(24)) / 2), frame.touch(88)};
    const float buttons_y = frame.size.y - button.y - frame.px(40);
    text_box(frame, ui_text(language, "staff.exit_question"), {{margin, top + frame.px(12)}, {width, buttons_y - frame.px(24) - top}},
             {frame.fonts.large, theme::text});
    if (touch_button(frame, "staff:exit_cancel", ui_text(language, "staff.exit_cancel"), {margin, buttons_y}, button)) {
        frame.emit(intent::CancelExitKiosk{});
    }
    if (touch_button(frame, "staff:exit_confirm", ui_text(language, "staff.exit_confirm"),
                     {frame.size.x - margin - button.x, buttons_y}, button, ButtonStyle::primary)) {
        frame.emit(intent::ExitKiosk{});
    }
}

}  // namespace

void draw_staff_home(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_home");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    if (staff.exit_asked()) {
        draw_exit_question(frame, language);
        return;
    }
    auto text = [&](const char* key) { return std::string(ui_text(language, key)); };
    float y = staff_header(frame, language, text("staff.home_title") + " · " + staff.current_event().name, true);

    const float x = frame.px(32);
    // The tasks, as a column of large buttons on the right; the counters and health to its left.
    const ImVec2 size{frame.px(staff_home_button_width), frame.touch(66)};
    const float bx = frame.size.x - size.x - frame.px(24);
    const float right = bx - frame.px(24);
    const std::pair<const char*, ScreenId> tasks[] = {
        {"staff.event", ScreenId::staff_event},   {"staff.leads", ScreenId::staff_leads},
        {"staff.sync", ScreenId::staff_sync},     {"staff.pair_usb", ScreenId::staff_pairing},
        {"staff.export", ScreenId::staff_export}, {"staff.clock", ScreenId::staff_clock},
    };
    const float buttons = static_cast<float>(std::size(tasks) + 3);  // the tasks, assist, lock and exit
    const float gap = std::min(frame.px(10), (frame.size.y - frame.px(24) - size.y * buttons) / buttons);
    float by = frame.px(24);
    for (const auto& [key, screen] : tasks) {
        if (touch_button(frame, std::string("staff:") + key, text(key), {bx, by}, size)) frame.emit(intent::StaffGo{screen});
        by += size.y + gap;
    }
    if (touch_button(frame, "staff:assist", text("staff.assist"), {bx, by}, size, ButtonStyle::primary)) {
        frame.emit(intent::StartAssistedSignUp{});
    }
    by += size.y + gap;
    if (touch_button(frame, "staff:lock", text("staff.lock"), {bx, by}, size, ButtonStyle::primary)) {
        frame.emit(intent::LeaveStaff{});
    }
    by += size.y + gap;
    if (touch_button(frame, "staff:exit", text("staff.exit"), {bx, by}, size)) frame.emit(intent::AskExitKiosk{});

    // What went wrong with the store, where staff cannot miss it: a damaged database moved
    // aside, or the last sign-up that could not be saved (a full disk, an I/O error). Stacked
    // from the bottom up, left of the buttons; the rows above stop where they begin.
    const std::string staff_problem =
        staff.error().empty() ? std::string() : text(staff.error().c_str()) + " " + staff.error_detail();
    // A picture the content pack could not give (missing, broken, too large): the page shows a
    // neutral frame, and staff see which picture and why.
    std::vector<std::string> problems{staff_problem, kiosk.last_store_error(), staff.store_alert()};
    for (const ContentProblem& picture : kiosk.content().picture_problems) {
        problems.push_back(text("staff.picture_problem") + " " + picture.where + ": " + picture.message);
    }
    // And the pictures that passed the load's check but could not be decoded or uploaded.
    if (frame.pictures != nullptr) {
        for (const PictureProblem& picture : frame.pictures->problems()) problems.push_back(text("staff.picture_problem") + " " + picture.message);
    }
    float alert_bottom = frame.size.y - frame.px(16);
    TextStyle alert_style{frame.fonts.body, theme::error};
    alert_style.bottom = true;
    for (const std::string& problem : problems) {
        if (problem.empty()) continue;
        const float room = std::min(frame.fonts.body->FontSize * 3, alert_bottom - y);
        const float used = text_box(frame, "! " + problem, {{x, alert_bottom - room}, {right - x, room}}, alert_style).size.y;
        alert_bottom -= used + frame.px(8);
    }

    const LeadCounters& counters = staff.counters();
    const TextStyle heading{frame.fonts.large, theme::gold, Align::left, false, true};
    const float heading_height = frame.fonts.large->FontSize * 1.2f;
    text_box(frame, text("staff.counters"), {{x, y}, {right - x, heading_height}}, heading);
    y = rows(frame, x, y + heading_height + frame.px(4), right, alert_bottom,
             {{text("staff.today"), std::to_string(counters.today)},
              {text("staff.pending"), std::to_string(counters.pending)},
              {text("staff.total"), std::to_string(counters.total)}});
    std::string places;
    for (const auto& [id, count] : counters.per_municipality) {
        const Municipality* municipality = kiosk.content().find_municipality(id);
        places += (places.empty() ? "" : ", ") + (municipality ? municipality->name : id) + " " + std::to_string(count);
    }
    std::string campaigns;
    for (const auto& [id, count] : counters.per_campaign) {
        const Campaign* campaign = kiosk.content().find_campaign(id);
        campaigns += (campaigns.empty() ? "" : ", ") + (campaign ? campaign->name : id.empty() ? text("staff.no_campaign") : id) +
                     " " + std::to_string(count);
    }
    // The end-of-fair check in one line: what this event took (the count "this event" had a row
    // of its own for), and where each lead stands. It opens with "This event:", and the counts
    // per municipality and per campaign stand indented under it, so their scope is said once
    // and cannot be mistaken for the kiosk's totals above.
    const Reconciliation& reconciliation = staff.reconciliation();
    const std::string reconciled = text("staff.reconciliation") + " " + std::to_string(reconciliation.taken) + " " +
                                   text("staff.reconciliation_taken") + ", " + std::to_string(reconciliation.acknowledged) + " " +
                                   text("staff.reconciliation_acknowledged") + ", " + std::to_string(reconciliation.set_aside) + " " +
                                   text("staff.reconciliation_set_aside") + ", " + std::to_string(reconciliation.missing) + " " +
                                   text("staff.reconciliation_missing");
    y += text_box(frame, reconciled, {{x, y}, {right - x, alert_bottom - y}}, {frame.fonts.body, theme::text}).size.y + frame.px(4);

    y = rows(frame, x, y, right, alert_bottom,
             {{text("staff.per_municipality"), places.empty() ? "–" : places},
              {text("staff.per_campaign"), campaigns.empty() ? "–" : campaigns}},
             frame.px(20));
    const DeviceHealth& health = staff.health();
    text_box(frame, text("staff.health"), {{x, y}, {right - x, heading_height}}, heading);
    const std::string clock = local_time_from_utc(health.wall_clock_utc) + ", " +
                              text(health.clock == ClockStatus::synchronised ? "staff.clock_set" : "staff.clock_approximate");
    y += heading_height + frame.px(4);
    // Unpaired: what that means and what to do at the stand, first in the health list.
    if (const std::string_view advice = staff.pairing_advice_key(); !advice.empty()) {
        y += text_box(frame, ui_text(language, advice), {{x, y}, {right - x, alert_bottom - y}}, {frame.fonts.body, theme::gold}).size.y +
             frame.px(4);
    }
    rows(frame, x, y, right, alert_bottom,
         {{text("staff.free_space"), format_bytes(health.free_bytes) + " / " + format_bytes(health.total_bytes)},
          {text("staff.database"), format_bytes(health.database_bytes)},
          {text("staff.last_sync"), last_sync_text(language, staff.last_sync())},
          {text("staff.clock_status"), clock},
          {text("staff.sealing"), text(staff.sealing_is_demo() ? "staff.sealing_demo" : "staff.sealing_register")},
          {text("staff.versions"), text("staff.version_app") + " " + app_version + ", " + text("staff.version_content") + " " +
                                              kiosk.content().pack_version},
          {text("staff.uptime"), uptime_text(health.uptime_seconds)}});
}

}  // namespace flytthit::ui
