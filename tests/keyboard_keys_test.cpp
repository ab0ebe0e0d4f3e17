// A physical keyboard's editing keys become the on-screen keyboard's intents; other keys none.
#include <doctest/doctest.h>

#include "ui/platform/keyboard_keys.h"

using namespace flytthit;

namespace {

int cursor_delta(SDL_Keycode key) {
    const auto intent = ui::intent_for_key(key);
    REQUIRE(intent.has_value());
    REQUIRE(std::holds_alternative<intent::MoveCursor>(*intent));
    return std::get<intent::MoveCursor>(*intent).delta;
}

}  // namespace

TEST_CASE("the arrows move one letter, Home and End to either end") {
    CHECK(cursor_delta(SDLK_LEFT) == -1);
    CHECK(cursor_delta(SDLK_RIGHT) == +1);
    CHECK(cursor_delta(SDLK_HOME) < -1000);
    CHECK(cursor_delta(SDLK_END) > 1000);
}

TEST_CASE("Backspace and Delete delete before and after the cursor, and other keys give nothing") {
    const auto backspace = ui::intent_for_key(SDLK_BACKSPACE);
    REQUIRE(backspace.has_value());
    CHECK(std::holds_alternative<intent::Backspace>(*backspace));
    const auto del = ui::intent_for_key(SDLK_DELETE);
    REQUIRE(del.has_value());
    CHECK(std::holds_alternative<intent::DeleteForward>(*del));
    for (const SDL_Keycode other : {SDLK_a, SDLK_RETURN, SDLK_ESCAPE, SDLK_F4, SDLK_TAB, SDLK_UP}) {
        CHECK_FALSE(ui::intent_for_key(other).has_value());
    }
}
