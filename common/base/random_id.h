// Random identifiers for leads: UUID version 4 from the kernel's random source.
#pragma once

#include "common/base/result.h"

#include <string>

namespace flytthit {

// A new random UUID in canonical form ("3f2b...-4...-[89ab]..."). Fails only when the kernel
// cannot give random bytes, which a caller must not paper over with a weaker source.
Result<std::string> new_uuid_v4();

// True for a canonical lower-case UUID string.
bool is_uuid(std::string_view text);

}  // namespace flytthit
