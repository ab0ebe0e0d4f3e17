// Sign-up step "consent": what is about to be sent, the region's privacy notice (from the
// content pack: who holds the data, what is stored, sealed on the kiosk, who will call, how
// long it is kept, how to withdraw, with the withdrawal link as a QR code), the consent box
// (unticked until the visitor ticks it) and Send. "Registered" is shown only by the
// thank-you screen, which the kiosk reaches after the store committed.
#include "ui/screens/screen_window.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ui/screens/screens.h"
#include "firmware/choice_list.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

namespace {

// Who is signing up and how to reach them, on the first line.
std::string summary_contact(const Kiosk& kiosk) {
    const Contact& contact = kiosk.draft().lead.contact;
    std::string text = contact.name;
    for (const std::string* part : {&contact.phone, &contact.email}) {
        if (!part->empty()) text += (text.empty() ? "" : " · ") + *part;
    }
    return text;
}

// Everything else the lead carries, so nothing is sent that the visitor did not see here:
// places, household, topics and the campaign's answers.
std::string summary_details(const Kiosk& kiosk) {
    const Language language = kiosk.language();
    const LeadDraft& lead = kiosk.draft().lead;
    auto text = [&](const std::string& key) { return std::string(ui_text(language, key)); };
    std::vector<std::string> parts;
    std::string places;
    for (const auto& id : lead.municipalities) places += (places.empty() ? "" : ", ") + kiosk.content().place_name(id);
    parts.push_back(places.empty() ? text("sign_up.no_places") : places);
    if (contains(kiosk.sign_up_steps(), ScreenId::sign_up_household)) {  // only what was asked
        std::string household = text("sign_up.adults") + ": " + std::to_string(lead.household.adults);
        std::string years;
        for (int year : lead.household.children_birth_years) years += (years.empty() ? "" : ", ") + std::to_string(year);
        if (!years.empty()) household += "; " + text("sign_up.children") + ": " + years;
        parts.push_back(household);
    }
    std::string topics;
    for (const auto& id : lead.topics) topics += (topics.empty() ? "" : ", ") + text("topic." + id);
    if (!topics.empty()) parts.push_back(text("sign_up.summary_topics") + ": " + topics);
    const SignUpAnswers& answers = lead.answers;
    if (!answers.profile.empty()) parts.push_back(text("profile." + answers.profile));
    if (answers.school_start_year != 0) {
        parts.push_back(text("sign_up.summary_school_start") + " " + std::to_string(answers.school_start_year));
    }
    if (!answers.business_idea.empty()) parts.push_back(text("sign_up.business_idea") + ": " + answers.business_idea);
    if (!answers.tipper_name.empty()) parts.push_back(text("sign_up.tipper_name") + ": " + answers.tipper_name);
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : " · ") + part;
    return joined;
}

// The consent box's height for its text: the consent text is never cut, the box grows.
float consent_box_height(UiFrame& frame, std::string_view consent_text, float width) {
    const float box = frame.touch(48);
    const float text_width = width - box - frame.px(16) * 3;
    const ImVec2 text_extent = frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, text_width,
                                                               consent_text.data(), consent_text.data() + consent_text.size());
    return std::max(box, text_extent.y) + frame.px(14) * 2;
}

void consent_box(const Kiosk& kiosk, UiFrame& frame, std::string_view consent_text, ImVec2 pos, float width) {
    const bool given = kiosk.draft().lead.consent.given;
    const float box = frame.touch(48);
    const float text_width = width - box - frame.px(16) * 3;
    const ImVec2 size{width, consent_box_height(frame, consent_text, width)};
    frame.targets.add("consent", pos, {pos.x + size.x, pos.y + size.y});
    ImGui::SetCursorScreenPos(pos);
    if (ImGui::InvisibleButton("consent", size)) frame.emit(intent::ToggleConsent{});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool problem = kiosk.has_problem("consent");
    draw->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, ImGui::IsItemActive() ? theme::panel_pressed : theme::panel, frame.px(12));
    draw->AddRect(pos, {pos.x + size.x, pos.y + size.y}, problem ? theme::error : theme::gold, frame.px(12), 0,
                  frame.px(problem ? 4 : 2));
    const ImVec2 box_min{pos.x + frame.px(16), pos.y + (size.y - box) / 2};
    draw->AddRect(box_min, {box_min.x + box, box_min.y + box}, theme::text, frame.px(6), 0, frame.px(3));
    if (given) {
        draw->AddRectFilled(box_min, {box_min.x + box, box_min.y + box}, theme::gold, frame.px(6));
        draw->AddLine({box_min.x + box * 0.2f, box_min.y + box * 0.55f}, {box_min.x + box * 0.42f, box_min.y + box * 0.78f},
                      theme::on_gold, frame.px(5));
        draw->AddLine({box_min.x + box * 0.42f, box_min.y + box * 0.78f}, {box_min.x + box * 0.82f, box_min.y + box * 0.22f},
                      theme::on_gold, frame.px(5));
    }
    const float text_left = box_min.x + box + frame.px(16);
    text_box(frame, consent_text, {{text_left, pos.y + frame.px(10)}, {text_width, size.y - frame.px(20)}},
             {frame.fonts.body, theme::text, Align::left, true, false});
}

// Who will contact the visitor: the host office of each municipality chosen.
std::string contacts(const Kiosk& kiosk) {
    std::string offices;
    for (const auto& id : kiosk.draft().lead.municipalities) {
        if (const Municipality* municipality = kiosk.content().find_municipality(id)) {
            offices += (offices.empty() ? "" : "; ") + municipality->host.office;
        }
    }
    return offices;
}

void draw_qr(ImDrawList* draw, const QrCode& qr, ImVec2 pos, float side) {
    const float module = side / static_cast<float>(qr.size + 4);
    draw->AddRectFilled(pos, {pos.x + side, pos.y + side}, IM_COL32_WHITE, module);
    for (int row = 0; row < qr.size; ++row) {
        for (int column = 0; column < qr.size; ++column) {
            if (!qr.at(column, row)) continue;
            const ImVec2 min{pos.x + module * static_cast<float>(column + 2), pos.y + module * static_cast<float>(row + 2)};
            draw->AddRectFilled(min, {min.x + module, min.y + module}, IM_COL32_BLACK);
        }
    }
}

// The privacy notice in its panel; the QR code of the withdrawal link on the right.
void privacy_notice(const Kiosk& kiosk, UiFrame& frame, Rect box) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    if (!content.privacy.present() || box.size.y < frame.fonts.body->FontSize * 3) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.pos, box.max(), theme::panel, frame.px(14));
    const float inner = frame.px(16);
    const QrCode& qr = kiosk.privacy_qr();
    const float qr_side = qr.size > 0 ? std::min(frame.px(150), box.size.y - inner * 2 - frame.fonts.body->FontSize * 2.6f) : 0.0f;
    const bool show_qr = qr_side >= frame.px(90);
    const float qr_column = show_qr ? std::max(qr_side, frame.px(170)) + inner : 0.0f;
    const float width = box.size.x - inner * 2 - qr_column;
    float y = box.pos.y + inner * 0.8f;
    const float title_height = frame.fonts.large->FontSize * 1.25f;
    text_box(frame, content.text(language, "privacy.title"), {{box.pos.x + inner, y}, {width, title_height}},
             {frame.fonts.large, theme::gold, Align::left, false, true});
    y += title_height + frame.px(4);
    const std::string offices = contacts(kiosk);
    const float contacts_height = offices.empty() ? 0.0f : frame.fonts.body->FontSize * 1.25f * 2;
    const float body_bottom = box.max().y - inner * 0.8f - contacts_height;
    text_box(frame, content.text(language, "privacy.body"), {{box.pos.x + inner, y}, {width, body_bottom - y}},
             {frame.fonts.body, theme::text, Align::left, false, false});
    if (!offices.empty()) {
        text_box(frame, content.text(language, "privacy.contacts") + " " + offices, {{box.pos.x + inner, body_bottom}, {width, contacts_height}},
                 {frame.fonts.body, theme::gold, Align::left, false, false});
    }
    if (show_qr) {
        const float x = box.max().x - inner - qr_column + inner;
        const float label_height = frame.fonts.body->FontSize * 1.25f * 2;
        text_box(frame, content.text(language, "privacy.withdraw"), {{x, box.pos.y + inner * 0.8f}, {qr_column - inner, label_height}},
                 {frame.fonts.body, theme::text_muted, Align::centre, false, false});
        draw_qr(draw, qr, {x + (qr_column - inner - qr_side) / 2, box.pos.y + inner * 0.8f + label_height}, qr_side);
    }
}

}  // namespace

void draw_sign_up_consent(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_consent");
    const Language language = kiosk.language();
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.consent_title"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const float gap = frame.px(10);

    const float label = frame.fonts.body->FontSize * 1.25f;
    text_box(frame, ui_text(language, "sign_up.summary"), {{margin, y}, {width, label}}, {frame.fonts.body, theme::text_muted, Align::left, false, true});
    y += label;
    const float contact_room = frame.fonts.large->FontSize * 1.25f;
    y += text_box(frame, summary_contact(kiosk), {{margin, y}, {width, contact_room}},
                  {frame.fonts.large, theme::text, Align::left, false, true}).size.y + frame.px(4);
    const float details_room = frame.fonts.body->FontSize * 1.25f * 2.2f;
    y += text_box(frame, summary_details(kiosk), {{margin, y}, {width, details_room}},
                  {frame.fonts.body, theme::text, Align::left, false, false}).size.y + gap;

    // The notice takes what is left between the summary and the consent box.
    const std::string consent_text(ui_text(language, kiosk.consent_text_key()));
    const float consent_height = consent_box_height(frame, consent_text, width);
    const float consent_y = frame.size.y - bottom_bar_height(frame) - consent_height - gap * 0.5f;
    privacy_notice(kiosk, frame, {{margin, y}, {width, consent_y - gap - y}});
    consent_box(kiosk, frame, consent_text, {margin, consent_y}, width);

    const SignUpDraft& draft = kiosk.draft();
    if (draft.store_failed) bottom_message(frame, ui_text(language, "sign_up.store_failed"));
    else bottom_message(frame, problem_text(kiosk, "consent"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "sign_up.submit"), "submit")) {
        frame.emit(intent::Submit{});
    }
}

}  // namespace flytthit::ui
