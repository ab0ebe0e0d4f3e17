// The fields-and-keyboard area of a typing step; see typing_area.h.
#include "ui/widgets/typing_area.h"

#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/on_screen_keyboard.h"
#include "ui/widgets/text_field.h"

namespace flytthit::ui {

std::string_view problem_text(const Kiosk& kiosk, const std::string& field) {
    for (const auto& problem : kiosk.draft().problems) {
        if (problem.field == field) return ui_text(kiosk.language(), problem.message_key);
    }
    return {};
}

void draw_typing_step(const Kiosk& kiosk, UiFrame& frame, std::string_view title, std::span<const FieldSpec> fields) {
    const SignUpDraft& draft = kiosk.draft();
    const float margin = frame.px(32);
    const float bottom = frame.size.y - bottom_bar_height(frame);
    // The keyboard's keys never go under the 48 px a finger needs: the header ends where the
    // fields and a keyboard at its smallest still fit.
    const float lowest = bottom - keyboard_min_height(frame) - frame.px(8) - text_field_height(frame);
    const float top = step_header(kiosk, frame, title, lowest);
    const float keyboard_top = top + text_field_height(frame) + frame.px(8);
    const float keyboard_height = bottom - keyboard_top;
    const float gap = frame.px(16);
    const auto count = static_cast<float>(fields.size());
    const float width = (frame.size.x - margin * 2 - gap * (count - 1)) / count;
    float x = margin;
    for (const auto& spec : fields) {
        const bool focused = draft.focused == spec.field;
        TextFieldView view{spec.name, spec.label, kiosk.field_text(spec.field), focused, problem_text(kiosk, spec.problem_field),
                           focused ? kiosk.cursor() : std::string_view::npos};
        // "Give a phone or an e-mail" belongs to both fields.
        if (view.error.empty() && (spec.field == VisitorField::phone || spec.field == VisitorField::email)) {
            view.error = problem_text(kiosk, "contact");
        }
        if (draw_text_field(frame, view, {x, top}, width)) frame.emit(intent::FocusField{spec.field});
        x += width + gap;
    }
    const auto layout = draft.focused == VisitorField::phone   ? KeyboardLayout::phone
                        : draft.focused == VisitorField::email ? KeyboardLayout::email
                                                               : KeyboardLayout::letters;
    draw_keyboard(frame, layout, draft.shift, kiosk.language(), {margin, keyboard_top},
                  {frame.size.x - margin * 2, keyboard_height}, true);
}

}  // namespace flytthit::ui
