// Sign-up, step 2: name, phone and e-mail typed on the on-screen keyboard, the consent box
// (unticked until the visitor ticks it), and Send. "Registered" is shown only by the
// thank-you screen, which the kiosk reaches after the store committed.
#include "screens/screen_window.h"
#include "screens/screens.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets/controls.h"
#include "widgets/on_screen_keyboard.h"
#include "widgets/text_field.h"

#include <algorithm>
#include <string>

namespace flytthit::ui {

namespace {

// The first problem the core found for field, as text for the visitor; empty when none.
std::string_view problem_text(const Kiosk& kiosk, const std::string& field) {
    for (const auto& problem : kiosk.draft().problems) {
        if (problem.field == field) return ui_text(kiosk.language(), problem.message_key);
    }
    return {};
}

void consent_box(const Kiosk& kiosk, UiFrame& frame, ImVec2 pos, ImVec2 size) {
    const bool given = kiosk.draft().lead.consent.given;
    // The consent text is never cut: the box grows to hold it on small displays.
    const auto consent_text = ui_text(kiosk.language(), "sign_up.consent");
    const float text_width = size.x - frame.px(16 + 44 + 16 + 12);
    const ImVec2 text_extent = frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, text_width,
                                                               consent_text.data(), consent_text.data() + consent_text.size());
    size.y = std::max(size.y, text_extent.y + frame.px(28));
    frame.targets.add("consent", pos, {pos.x + size.x, pos.y + size.y});
    ImGui::SetCursorScreenPos(pos);
    if (ImGui::InvisibleButton("consent", size)) frame.emit(intent::ToggleConsent{});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool problem = kiosk.has_problem("consent");
    draw->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, theme::panel, frame.px(12));
    draw->AddRect(pos, {pos.x + size.x, pos.y + size.y}, problem ? theme::error : theme::text_muted, frame.px(12), 0,
                  frame.px(problem ? 3 : 1.5f));
    const float box = frame.px(44);
    const ImVec2 box_min{pos.x + frame.px(16), pos.y + frame.px(16)};
    draw->AddRect(box_min, {box_min.x + box, box_min.y + box}, theme::text, frame.px(6), 0, frame.px(3));
    if (given) {
        draw->AddRectFilled(box_min, {box_min.x + box, box_min.y + box}, theme::gold, frame.px(6));
        draw->AddLine({box_min.x + box * 0.2f, box_min.y + box * 0.55f}, {box_min.x + box * 0.42f, box_min.y + box * 0.78f},
                      theme::on_gold, frame.px(4));
        draw->AddLine({box_min.x + box * 0.42f, box_min.y + box * 0.78f}, {box_min.x + box * 0.82f, box_min.y + box * 0.22f},
                      theme::on_gold, frame.px(4));
    }
    const float text_x = box_min.x + box + frame.px(16);
    draw_text(frame.fonts.body, consent_text, {text_x, pos.y + frame.px(14)}, theme::text, false, text_width);
    if (problem) {
        std::string line = "! ";
        line += problem_text(kiosk, "consent");
        draw_text(frame.fonts.body, line, {pos.x, pos.y + size.y + frame.px(4)}, theme::error);
    }
}

}  // namespace

void draw_sign_up_contact(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_contact");
    draw_background(frame);
    const Language language = kiosk.language();
    const SignUpDraft& draft = kiosk.draft();
    draw_text(frame.fonts.title, ui_text(language, "sign_up.contact_title"), {frame.px(40), frame.px(24)}, theme::gold);
    language_bar(kiosk, frame);

    const float margin = frame.px(40);
    const float column = (frame.size.x - margin * 3) / 2;
    const float top = frame.px(104);
    const float row = text_field_height(frame) + frame.px(6);
    struct FieldSpec {
        ContactField field;
        const char* name;
        const char* label;
        const char* problem;
        ImVec2 pos;
    };
    const FieldSpec fields[] = {
        {ContactField::name, "field:name", "sign_up.name", "contact.name", {margin, top}},
        {ContactField::phone, "field:phone", "sign_up.phone", "contact.phone", {margin, top + row}},
        {ContactField::email, "field:email", "sign_up.email", "contact.email", {margin * 2 + column, top}},
    };
    for (const auto& spec : fields) {
        TextFieldView view{spec.name, ui_text(language, spec.label), kiosk.field_text(spec.field),
                           draft.focused == spec.field, problem_text(kiosk, spec.problem)};
        if (view.error.empty() && spec.field != ContactField::name) view.error = problem_text(kiosk, "contact");
        if (draw_text_field(frame, view, spec.pos, column)) frame.emit(intent::FocusField{spec.field});
    }
    consent_box(kiosk, frame, {margin * 2 + column, top + row + frame.px(8)}, {column, frame.px(96)});

    const float keyboard_top = top + row * 2 + frame.px(18);
    const float keyboard_bottom = frame.size.y - frame.px(118);
    if (draft.store_failed) {
        std::string line = "! ";
        line += ui_text(language, "sign_up.store_failed");
        draw_text(frame.fonts.large, line, {frame.size.x / 2, keyboard_top - frame.px(6)}, theme::error, true);
    }
    const auto layout = draft.focused == ContactField::phone ? KeyboardLayout::phone : KeyboardLayout::letters;
    draw_keyboard(frame, layout, draft.shift, language, {margin, keyboard_top + frame.px(24)},
                  {frame.size.x - margin * 2, keyboard_bottom - keyboard_top - frame.px(24)});

    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "sign_up.submit"), "submit")) {
        frame.emit(intent::Submit{});
    }
}

}  // namespace flytthit::ui
