// A typing step above its bottom bar: the step's header with its title, one to three text
// fields in a row, each with its problem from the last check, and the on-screen keyboard under
// them (the phone keypad while the phone field has focus). Shared by the contact, business
// idea and tipper steps.
#pragma once

#include "firmware/kiosk.h"
#include "ui/ui_frame.h"

#include <span>
#include <string>
#include <string_view>

namespace flytthit::ui {

struct FieldSpec {
    VisitorField field;
    std::string name;           // touch target, "field:name"
    std::string_view label;
    std::string problem_field;  // the validation field whose problem shows under it, "contact.name"
};

// The first problem the core found for field, as text for the visitor; empty when none.
std::string_view problem_text(const Kiosk& kiosk, const std::string& field);

// Draws the header with title, then the fields, then the keyboard down to the bottom bar. The
// header gives way (step_header's lowest) so the keyboard's keys never go under 48 px.
void draw_typing_step(const Kiosk& kiosk, UiFrame& frame, std::string_view title, std::span<const FieldSpec> fields);

}  // namespace flytthit::ui
