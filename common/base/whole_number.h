// Reading a whole number from text that came from a person or a file ("30", "-2"), strictly:
// the whole text, base 10, within int. One parser for the kiosk's settings and kioskctl.
#pragma once

#include "common/base/result.h"

#include <string_view>

namespace flytthit {

// The number text spells, or a bad_input error saying why not: empty, not a number, trailing
// characters ("12 days", "1e3"), or out of int's range. Leading '+' and spaces are refused.
Result<int> parse_whole_number(std::string_view text);

}  // namespace flytthit
