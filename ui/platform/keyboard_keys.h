// A physical keyboard at the kiosk (staff at the stand plug one in; a visitor may find one on
// a laptop stand): the editing keys as the intents the on-screen keyboard emits. Letters come
// as SDL_TEXTINPUT, not here.
#pragma once

#include <SDL.h>

#include <optional>

#include "firmware/kiosk_intent.h"

namespace flytthit::ui {

// Backspace, Delete, ←, →, Home and End; nothing for any other key.
std::optional<Intent> intent_for_key(SDL_Keycode key);

}  // namespace flytthit::ui
