// One lead, for staff to qualify: hot, warm or cold, who follows up, and a note.
#include "ui/widgets/staff_times.h"
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "common/base/utf8.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"
#include "ui/widgets/text_field.h"

#include <algorithm>

namespace flytthit::ui {

void draw_staff_lead(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_lead");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    float y = staff_header(frame, language, ui_text(language, "staff.leads"));
    if (!staff.open_lead()) return;
    const Lead& lead = *staff.open_lead();
    const StaffAnnotation& annotation = staff.annotation();
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;

    // Notes are sealed like the rest: staff can add a new one but not read the old one back.
    const std::string note_label = std::string(ui_text(language, "staff.note")) +
                                   (lead.sealed.note.empty() ? "" : " (" + std::string(ui_text(language, "staff.note_sealed")) + ")");
    // While the note is edited the form gives way to it and a keyboard with keys of full size.
    if (staff.editing() == StaffField::lead_note) {
        TextFieldView note{"field:note", note_label, annotation.note, true, {}};
        if (staff_field_editor(frame, staff.shift(), language, note, y)) frame.emit(intent::StaffDoneEditing{});
        return;
    }
    const float info_height = frame.fonts.large->FontSize * 1.2f;
    text_box(frame,
             lead.sealed.initials + "  ·  " + local_time_from_utc(lead.created.wall_clock_utc) + "  ·  " + std::to_string(lead.draft.household.adults) + " " +
                 std::string(ui_text(language, "staff.adults")) + ", " + std::to_string(lead.sealed.children_count) + " " +
                 std::string(ui_text(language, "staff.children")),
             {{margin, y}, {width, info_height}}, {frame.fonts.large, theme::text, Align::left, false, true});
    y += info_height + frame.px(10);

    const float chip_height = frame.touch(56);
    const float label_width = frame.px(220);
    text_box(frame, ui_text(language, "staff.rating"), {{margin, y}, {label_width - frame.px(12), chip_height}},
             {frame.fonts.body, theme::text_muted, Align::left, true, true});
    float x = margin + label_width;
    const float rating_gap = frame.px(12);
    const float rating_width = std::min(frame.px(200), (width - label_width - rating_gap * 2) / 3);
    for (const char* rating : {"hot", "warm", "cold"}) {
        if (toggle_chip(frame, std::string("rating:") + rating, ui_text(language, std::string("staff.") + rating),
                        annotation.rating == rating, {x, y}, {rating_width, chip_height})) {
            frame.emit(intent::SetRating{rating});
        }
        x += rating_width + rating_gap;
    }
    y += chip_height + frame.px(12);

    const float label_height = frame.fonts.body->FontSize * 1.2f;
    text_box(frame, ui_text(language, "staff.follow_up"), {{margin, y}, {width, label_height}},
             {frame.fonts.body, theme::text_muted, Align::left, false, true});
    y += label_height + frame.px(4);
    const auto follow_up = municipality_chip_rows(
        frame, kiosk.content(), "follow_up:", [&](const std::string& id) { return annotation.follow_up == id; }, {margin, y}, width);
    if (follow_up.tapped) frame.emit(intent::SetFollowUp{*follow_up.tapped});
    y += follow_up.height + frame.px(16);

    TextFieldView note{"field:note", note_label, annotation.note, false, {}};
    if (draw_text_field(frame, note, {margin, y}, width)) frame.emit(intent::StaffFocus{StaffField::lead_note});
    if (staff_save_button(frame, language, "staff:save_lead")) frame.emit(intent::SaveLead{});
    const ImVec2 back{frame.px(300), frame.touch(76)};
    if (touch_button(frame, "staff:back_to_leads", ui_text(language, "nav.back"), {frame.px(24), frame.size.y - back.y - frame.px(20)},
                     back)) {
        frame.emit(intent::StaffGo{ScreenId::staff_leads});
    }
}

}  // namespace flytthit::ui
