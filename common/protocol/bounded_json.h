// The one JSON reader for text that comes from outside (a kiosk's batch, a register's reply,
// a content bundle, a pairing file, a USB export, a sealed box's plaintext): limits on
// nesting depth, element count and string length are enforced while parsing, so no input can
// make a later copy, dump or destructor recurse into a stack overflow, or balloon memory far
// beyond its own size. Errors name the limit that was hit.
#pragma once

#include "common/base/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace flytthit::protocol {

struct JsonLimits {
    // A lead is 4 levels deep at most, a batch 6; 32 leaves room without ever nearing the
    // stack (a recursive copy of a 150 000-deep array is what crashed the register).
    std::size_t max_depth = 32;
    // Values, keys included. A batch of 500 leads has about 40 000.
    std::size_t max_elements = 200'000;
    // One string's bytes (keys included); the body's own size bounds it further.
    std::size_t max_string_bytes = 1024 * 1024;
};

// Parses text under limits. Errors (ErrorKind::bad_input) say "not valid JSON (at byte N)",
// "nested deeper than 32 levels", "more than 200000 values" or "a text longer than N bytes".
// Never throws.
Result<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits = {});

}  // namespace flytthit::protocol
