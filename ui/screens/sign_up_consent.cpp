// Sign-up step "consent": what is about to be sent, the consent box (unticked until the
// visitor ticks it) and Send. "Registered" is shown only by the thank-you screen, which the
// kiosk reaches after the store committed.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

namespace {

std::string summary(const Kiosk& kiosk) {
    const Language language = kiosk.language();
    const LeadDraft& lead = kiosk.draft().lead;
    std::string text = lead.contact.name;
    for (const std::string* part : {&lead.contact.phone, &lead.contact.email}) {
        if (!part->empty()) text += (text.empty() ? "" : " · ") + *part;
    }
    text += "\n";
    std::string places;
    for (const auto& id : lead.municipalities) places += (places.empty() ? "" : ", ") + kiosk.content().place_name(id);
    text += places.empty() ? std::string(ui_text(language, "sign_up.no_places")) : places;
    if (!lead.answers.tipper_name.empty()) {
        text += "\n" + std::string(ui_text(language, "sign_up.tipper_name")) + ": " + lead.answers.tipper_name;
    }
    return text;
}

void consent_box(const Kiosk& kiosk, UiFrame& frame, std::string_view consent_text, ImVec2 pos, float width) {
    const bool given = kiosk.draft().lead.consent.given;
    const float box = frame.touch(48);
    const float text_width = width - box - frame.px(16) * 3;
    const ImVec2 text_extent = frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, text_width,
                                                               consent_text.data(), consent_text.data() + consent_text.size());
    // The consent text is never cut: the box grows to hold it.
    const ImVec2 size{width, std::max(box, text_extent.y) + frame.px(16) * 2};
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
    draw_text(frame.fonts.body, consent_text, {box_min.x + box + frame.px(16), pos.y + (size.y - text_extent.y) / 2}, theme::text,
              false, text_width);
}

}  // namespace

void draw_sign_up_consent(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_consent");
    const Language language = kiosk.language();
    const bool tip = kiosk.campaign() != nullptr && kiosk.campaign()->lead_is_tip;
    float y = step_header(kiosk, frame, ui_text(language, "sign_up.consent_title"));
    const float margin = frame.px(32);
    const float width = frame.size.x - margin * 2;

    y += draw_text(frame.fonts.body, ui_text(language, "sign_up.summary"), {margin, y}, theme::text_muted) + frame.px(6);
    y += draw_text(frame.fonts.large, summary(kiosk), {margin, y}, theme::text, false, width) + frame.px(20);
    consent_box(kiosk, frame, ui_text(language, tip ? "sign_up.consent_tip" : "sign_up.consent"), {margin, y}, width);

    const SignUpDraft& draft = kiosk.draft();
    if (draft.store_failed) bottom_message(frame, ui_text(language, "sign_up.store_failed"));
    else bottom_message(frame, problem_text(kiosk, "consent"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "sign_up.submit"), "submit")) {
        frame.emit(intent::Submit{});
    }
}

}  // namespace flytthit::ui
