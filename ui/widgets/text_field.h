// A text field drawn by the kiosk: a label, the text (from the core's draft), a caret when
// focused, and a "!" before the label and a red frame when the last check found a problem.
#pragma once

#include "ui/ui_frame.h"

#include <string>
#include <string_view>

namespace flytthit::ui {

struct TextFieldView {
    std::string name;          // touch target, e.g. "field:name"
    std::string_view label;
    std::string_view text;
    bool focused = false;
    std::string_view error;    // empty when none
    std::size_t cursor = std::string_view::npos;  // the caret's byte offset in text; npos: at the end
};

// Returns true when tapped (the caller emits FocusField). Height used is field_height(frame).
bool draw_text_field(UiFrame& frame, const TextFieldView& view, ImVec2 pos, float width);
float text_field_height(const UiFrame& frame);

}  // namespace flytthit::ui
