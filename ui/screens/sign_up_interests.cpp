// Sign-up step "interests": the municipalities the visitor is curious about (those tapped
// on the jewel box are already ticked) and what matters to them.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "firmware/choice_list.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>

namespace flytthit::ui {

void draw_sign_up_interests(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_interests");
    const Language language = kiosk.language();
    const LeadDraft& lead = kiosk.draft().lead;
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.interests_title"));
    const float margin = frame.px(32);
    const float gap = frame.px(10);
    const float chip_height = frame.touch(56);
    const int columns = 4;
    const float chip_width = (frame.size.x - margin * 2 - gap * (columns - 1)) / columns;

    const float full = frame.size.x - margin * 2;
    y += text_box(frame, ui_text(language, "sign_up.chosen_places"), {{margin, y}, {full, frame.fonts.body->FontSize}},
                  {frame.fonts.body, theme::text, Align::left, false, true}).size.y + frame.px(6);
    const auto& municipalities = kiosk.content().municipalities;
    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        const auto& municipality = municipalities[i];
        const ImVec2 at{margin + static_cast<float>(i % columns) * (chip_width + gap),
                        y + static_cast<float>(i / columns) * (chip_height + gap)};
        if (toggle_chip(frame, "place:" + municipality.id, municipality.name, contains(lead.municipalities, municipality.id), at,
                        {chip_width, chip_height})) {
            frame.emit(intent::ToggleMunicipality{municipality.id});
        }
    }
    y += static_cast<float>((municipalities.size() + columns - 1) / columns) * (chip_height + gap) + frame.px(6);

    y += text_box(frame, ui_text(language, "sign_up.topics"), {{margin, y}, {full, frame.fonts.body->FontSize}},
                  {frame.fonts.body, theme::text, Align::left, false, true}).size.y + frame.px(6);
    const float topic_width = (frame.size.x - margin * 2 - gap * 2) / 3;
    int index = 0;
    for (std::string_view topic : topic_ids) {
        const std::string id(topic);
        const ImVec2 at{margin + static_cast<float>(index % 3) * (topic_width + gap),
                        y + static_cast<float>(index / 3) * (chip_height + gap)};
        if (toggle_chip(frame, "topic:" + id, ui_text(language, "topic." + id), contains(lead.topics, id), at,
                        {topic_width, chip_height})) {
            frame.emit(intent::ToggleTopic{id});
        }
        ++index;
    }
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
