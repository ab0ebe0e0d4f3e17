// The catalogue of every text the kiosk shows that is not region content: buttons, prompts,
// validation messages. Screens look texts up by key; none is written inline in screen code.
#pragma once

#include "common/lead/consent.h"
#include "common/lead/language.h"

#include <span>
#include <string_view>

namespace flytthit {

struct UiTextEntry {
    std::string_view key;
    std::string_view nb;
    std::string_view en;
    std::string_view nl;
};

// The text for key in language. A key missing from the catalogue returns the key itself, so
// a slip is visible on screen and caught by the catalogue test rather than showing nothing.
std::string_view ui_text(Language language, std::string_view key);

// Every entry, for the tests that check completeness.
std::span<const UiTextEntry> ui_text_entries();


}  // namespace flytthit
