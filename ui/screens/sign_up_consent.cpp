// Sign-up step "consent": what is about to be sent, a button with the privacy notice's title
// that opens the whole notice over the step (from the content pack: who holds the data, what
// is stored, sealed on the kiosk, who will call, how long it is kept, how to withdraw, with
// the withdrawal link as a QR code; each text with the full screen's room, so none is cut),
// the consent box (unticked until the visitor ticks it) and Send. "Registered" is shown only by the
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

// The whole privacy notice, over the step, with its own Back: the title, the body, who will
// call and the withdrawal link's QR code, each with the room of the full screen.
void draw_privacy_notice(const Kiosk& kiosk, UiFrame& frame) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const float top = step_header(kiosk, frame, content.text(language, "privacy.title"));
    const float margin = frame.px(32);
    const Rect bar = bottom_bar_middle(frame);
    const float back_left = frame.px(24);
    if (touch_button(frame, "privacy_back", ui_text(language, "nav.back"), {back_left, bar.pos.y},
                     {bar.pos.x - frame.px(16) - back_left, bar.size.y})) {
        frame.emit(intent::ClosePrivacyNotice{});
    }
    const Rect box{{margin, top}, {frame.size.x - margin * 2, bar.pos.y - frame.px(12) - top}};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.pos, box.max(), theme::panel, frame.px(14));
    const float inner = frame.px(16);
    const TextStyle body_style{frame.fonts.body, theme::text, Align::left, false, false};
    const float full_width = box.size.x - inner * 2;
    const float bottom = box.max().y - inner;
    const float y = box.pos.y + inner;
    // The body across the panel; under it, side by side, who will call and how to withdraw
    // (the link's QR code), in at most half the panel. The body has the rest and steps down in it.
    const QrCode& qr = kiosk.privacy_qr();
    const std::string body = content.text(language, "privacy.body");
    const std::string withdraw = content.text(language, "privacy.withdraw");
    const TextStyle withdraw_style{frame.fonts.body, theme::text_muted, Align::right, true, false};
    const std::string offices = contacts(kiosk);
    const std::string who = offices.empty() ? std::string() : content.text(language, "privacy.contacts") + " " + offices;
    const float row_room = (bottom - y) / 2;
    const float gap = frame.px(10);
    const float label_width = measure_text(withdraw, {full_width / 4, row_room}, withdraw_style).size.x;
    // The largest QR code (down to the touch floor, still scannable) that leaves the body
    // room to be read whole; with no such size the notice goes without the code.
    struct Layout { float qr_side, who_width, who_height, row_y; };
    auto layout_for = [&](float qr_side) {
        const float who_width = full_width - (qr_side > 0 ? label_width + qr_side + gap * 2 : 0.0f);
        const float who_height = who.empty() ? 0.0f : measure_text(who, {who_width, row_room}, body_style).size.y;
        return Layout{qr_side, who_width, who_height, bottom - std::max(who_height, qr_side)};
    };
    auto body_fits = [&](const Layout& layout) {
        return !measure_text(body, {full_width, layout.row_y - gap - y}, body_style).cut;
    };
    Layout layout = layout_for(0);
    if (qr.size > 0) {
        for (float side = std::min(frame.px(200), row_room); side >= ui::min_touch_px; side -= std::max(frame.px(20), 8.0f)) {
            const Layout with_qr = layout_for(side);
            if (body_fits(with_qr)) {
                layout = with_qr;
                break;
            }
        }
    }
    text_box(frame, body, {{box.pos.x + inner, y}, {full_width, layout.row_y - gap - y}}, body_style);
    if (!who.empty()) {
        text_box(frame, who, {{box.pos.x + inner, layout.row_y}, {layout.who_width, layout.who_height}},
                 {frame.fonts.body, theme::gold, Align::left, false, false});
    }
    if (layout.qr_side > 0) {
        const float qr_x = box.max().x - inner - layout.qr_side;
        text_box(frame, withdraw, {{qr_x - gap - label_width, layout.row_y}, {label_width, layout.qr_side}}, withdraw_style);
        draw_qr(draw, qr, {qr_x, layout.row_y}, layout.qr_side);
    }
}

}  // namespace

void draw_sign_up_consent(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_consent");
    if (kiosk.draft().privacy_notice_open) {
        draw_privacy_notice(kiosk, frame);
        return;
    }
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.consent_title"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;
    const float gap = frame.px(10);

    // From the bottom up: the consent box, the way to the whole privacy notice, then the
    // summary in what is left.
    const std::string consent_text(ui_text(language, kiosk.consent_text_key()));
    const float consent_height = consent_box_height(frame, consent_text, width);
    const float consent_y = frame.size.y - bottom_bar_height(frame) - consent_height - gap * 0.5f;
    consent_box(kiosk, frame, consent_text, {margin, consent_y}, width);
    float summary_bottom = consent_y - gap;
    if (content.privacy.present()) {
        const float button = frame.touch(56);
        summary_bottom -= button + gap;
        if (touch_button(frame, "privacy_notice", content.text(language, "privacy.title"), {margin, summary_bottom + gap},
                         {width, button}, ButtonStyle::secondary, frame.fonts.body)) {
            frame.emit(intent::OpenPrivacyNotice{});
        }
    }

    const float label = frame.fonts.body->FontSize * 1.25f;
    text_box(frame, ui_text(language, "sign_up.summary"), {{margin, y}, {width, label}}, {frame.fonts.body, theme::text_muted, Align::left, false, true});
    y += label;
    // The details take what they need (up to half); the name and how to reach them the rest,
    // in the large font when it fits whole, else in the body font.
    const TextStyle details_style{frame.fonts.body, theme::text, Align::left, false, false};
    const std::string details = summary_details(kiosk);
    const float details_height = measure_text(details, {width, (summary_bottom - y) / 2}, details_style).size.y;
    const float contact_room = summary_bottom - y - details_height - frame.px(4);
    const std::string contact = summary_contact(kiosk);
    TextStyle contact_style{frame.fonts.large, theme::text, Align::left, false, false};
    if (measure_text(contact, {width, contact_room}, contact_style).cut) contact_style.font = frame.fonts.body;
    y += text_box(frame, contact, {{margin, y}, {width, contact_room}}, contact_style).size.y + frame.px(4);
    text_box(frame, details, {{margin, y}, {width, summary_bottom - y}}, details_style);

    const SignUpDraft& draft = kiosk.draft();
    if (draft.store_failed) bottom_message(frame, ui_text(language, "sign_up.store_failed"));
    else bottom_message(frame, problem_text(kiosk, "consent"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "sign_up.submit"), "submit")) {
        frame.emit(intent::Submit{});
    }
}

}  // namespace flytthit::ui
