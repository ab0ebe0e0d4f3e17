// Event setup: the fair's name, place and date, its campaign, and the municipalities at the
// stand. Every lead from now on is tagged with this event.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"
#include "ui/widgets/text_field.h"

#include <algorithm>

namespace flytthit::ui {

void draw_staff_event(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "staff_event");
    const Language language = kiosk.language();
    const StaffMode& staff = kiosk.staff();
    const Event& draft = staff.event_draft();
    float y = staff_header(frame, language, ui_text(language, "staff.event"));

    const float margin = frame.px(32);
    const float gap = frame.px(20);
    const float width = frame.size.x - margin * 2;
    const auto error_for = [&](StaffField field) {
        return field == StaffField::event_name && staff.error() == "staff.event_name_missing" ? ui_text(language, "staff.event_name_missing")
                                                                                               : std::string_view{};
    };
    const struct {
        StaffField field;
        const char* name;
        const char* label;
        float share;
    } fields[] = {{StaffField::event_name, "field:event_name", "staff.event_name", 0.4f},
                  {StaffField::event_place, "field:event_place", "staff.event_place", 0.3f},
                  {StaffField::event_date, "field:event_date", "staff.event_date", 0.3f}};
    // While a field is edited the form gives way to it and a keyboard with keys of full size.
    if (const auto editing = staff.editing()) {
        for (const auto& spec : fields) {
            if (spec.field != *editing) continue;
            TextFieldView view{spec.name, ui_text(language, spec.label), staff.field_text(spec.field), true, error_for(spec.field)};
            if (staff_field_editor(frame, staff.shift(), language, view, y)) frame.emit(intent::StaffDoneEditing{});
        }
        return;
    }
    float x = margin;
    for (const auto& spec : fields) {
        const float field_width = (width - gap * 2) * spec.share;
        TextFieldView view{spec.name, ui_text(language, spec.label), staff.field_text(spec.field), false, error_for(spec.field)};
        if (draw_text_field(frame, view, {x, y}, field_width)) frame.emit(intent::StaffFocus{spec.field});
        x += field_width + gap;
    }
    y += text_field_height(frame) + frame.px(10);

    const float chip_height = frame.touch(56);
    const float label_height = frame.fonts.body->FontSize * 1.2f;
    const TextStyle label{frame.fonts.body, theme::text_muted, Align::left, false, true};
    text_box(frame, ui_text(language, "staff.event_campaign"), {{margin, y}, {width, label_height}}, label);
    y += label_height + frame.px(4);
    const auto& campaigns = kiosk.content().campaigns;
    const float campaign_width = (width - gap * static_cast<float>(std::max<std::size_t>(campaigns.size(), 1) - 1)) /
                                 static_cast<float>(std::max<std::size_t>(campaigns.size(), 1));
    for (std::size_t i = 0; i < campaigns.size(); ++i) {
        const auto& campaign = campaigns[i];
        if (toggle_chip(frame, "campaign:" + campaign.id, campaign.name, draft.campaign_id == campaign.id,
                        {margin + static_cast<float>(i) * (campaign_width + gap), y}, {campaign_width, chip_height})) {
            frame.emit(intent::ChooseCampaign{campaign.id});
        }
    }
    y += chip_height + frame.px(10);

    text_box(frame, ui_text(language, "staff.event_present"), {{margin, y}, {width, label_height}}, label);
    y += label_height + frame.px(4);
    const auto present = municipality_chip_rows(
        frame, kiosk.content(), "present:",
        [&](const std::string& id) {
            return std::find(draft.municipalities.begin(), draft.municipalities.end(), id) != draft.municipalities.end();
        },
        {margin, y}, width);
    if (present.tapped) frame.emit(intent::ToggleEventMunicipality{*present.tapped});

    if (staff_save_button(frame, language, "staff:save_event")) frame.emit(intent::SaveEvent{});
}

}  // namespace flytthit::ui
