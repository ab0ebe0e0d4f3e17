// The part of a typing step below its title: one to three text fields in a row, each with
// its problem from the last check, and the on-screen keyboard under them (the phone keypad
// while the phone field has focus). Shared by the contact, business idea and tipper steps.
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

// The lowest a typing step's header may reach so that its fields and a keyboard of 48 px keys
// fit above bottom: what the step passes to step_header as lowest.
float typing_header_lowest(const UiFrame& frame, float bottom);

// Draws the fields from top down and the keyboard down to bottom.
void draw_typing_area(const Kiosk& kiosk, UiFrame& frame, std::span<const FieldSpec> fields, float top, float bottom);

}  // namespace flytthit::ui
