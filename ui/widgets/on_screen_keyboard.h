// The on-screen keyboard: the kiosk owns the text (in the core's draft) and the keyboard only
// emits TypeText, Backspace and ToggleShift intents, so no ImGui text field ever needs focus.
#pragma once

#include "common/lead/language.h"
#include "ui/ui_frame.h"

namespace flytthit::ui {

enum class KeyboardLayout {
    letters,  // Norwegian: æ ø å, digits, and @ . - _
    email,    // the letters with "@", ".no", ".com" and ".nl" keys for an e-mail address
    phone,    // a keypad: digits, +, space
};

// The least height the keyboard needs for keys of min_touch_px: a layout gives it at least this.
float keyboard_min_height(const UiFrame& frame);

// Draws the keyboard in the rect (pos, size). Key targets are named "key:<text>",
// "key:shift", "key:backspace" and "key:space". A letter with accented forms (a e u o n)
// shows them in a row above itself while it is held (long-press); lifting the finger on one
// types it, and lifting it on the key types the plain letter. The accented keys' targets
// exist only while shown: "key:e:é". With cursor_keys, "key:left" and "key:right" move the
// cursor one letter (MoveCursor); the staff forms, which type at the end, go without.
void draw_keyboard(UiFrame& frame, KeyboardLayout layout, bool shift, Language language, ImVec2 pos, ImVec2 size,
                   bool cursor_keys = false);

}  // namespace flytthit::ui
