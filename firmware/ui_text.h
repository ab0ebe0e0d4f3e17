// The catalogue of every text the kiosk shows that is not region content: buttons, prompts,
// validation messages. Screens look texts up by key; none is written inline in screen code.
#pragma once

#include "language.h"

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

// The version of the consent text the visitor is shown; stored with each lead.
inline constexpr std::string_view consent_text_version = "contact-v1";
// The version of the consent text a tipper is shown (Savner du noen).
inline constexpr std::string_view tip_consent_text_version = "tip-v1";

}  // namespace flytthit
