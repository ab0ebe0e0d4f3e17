// The on-screen keyboard: the kiosk owns the text (in the core's draft) and the keyboard only
// emits TypeText, Backspace and ToggleShift intents, so no ImGui text field ever needs focus.
#pragma once

#include "common/lead/language.h"
#include "ui/ui_frame.h"

namespace flytthit::ui {

enum class KeyboardLayout {
    letters,  // Norwegian: æ ø å, digits, and @ . - _ for e-mail
    phone,    // a keypad: digits, +, space
};

// Draws the keyboard in the rect (pos, size). Key targets are named "key:<text>",
// "key:shift", "key:backspace" and "key:space".
void draw_keyboard(UiFrame& frame, KeyboardLayout layout, bool shift, Language language, ImVec2 pos, ImVec2 size);

}  // namespace flytthit::ui
