// Editing keys to intents; see keyboard_keys.h.
#include "ui/platform/keyboard_keys.h"

#include <limits>

namespace flytthit::ui {

std::optional<Intent> intent_for_key(SDL_Keycode key) {
    // Home and End: further than any field is long; the cursor stops at the end it reaches.
    constexpr int to_the_end = std::numeric_limits<int>::max();
    switch (key) {
        case SDLK_BACKSPACE: return intent::Backspace{};
        case SDLK_DELETE: return intent::DeleteForward{};
        case SDLK_LEFT: return intent::MoveCursor{-1};
        case SDLK_RIGHT: return intent::MoveCursor{+1};
        case SDLK_HOME: return intent::MoveCursor{-to_the_end};
        case SDLK_END: return intent::MoveCursor{to_the_end};
        default: return std::nullopt;
    }
}

}  // namespace flytthit::ui
