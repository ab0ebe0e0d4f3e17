// UTF-8 checks for everything a visitor or a file can type into the kiosk.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flytthit {

// True when text is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text: what a length limit counts.
std::size_t utf8_length(std::string_view text);

// Removes the last code point (the keyboard's backspace); no-op on an empty string.
void utf8_pop_back(std::string& text);

// The first letter of each word, upper-cased where it is ASCII or æ ø å: "Åse Ødegård" -> "ÅØ".
std::string initials_of(std::string_view name);

// Trims ASCII white space at both ends.
std::string trim(std::string_view text);

}  // namespace flytthit
