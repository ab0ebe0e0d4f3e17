// RFC 3339 timestamps, the one form every time field of the protocol takes
// ("2026-11-23T10:15:02Z", "2026-11-23T11:15:02.250+01:00"). Text that is not one is refused
// where it enters, never stored.
#pragma once

#include "common/base/result.h"

#include <cstdint>
#include <string_view>

namespace flytthit::protocol {

// Milliseconds since the Unix epoch for an RFC 3339 date-time (a "T" or " " between date and
// time, optional fraction, "Z" or a numeric offset). Errors (bad_input) say what is wrong.
Result<std::int64_t> parse_rfc3339(std::string_view text);

// For a date given alone ("2026-11-23") too: midnight UTC. What --since takes.
Result<std::int64_t> parse_rfc3339_or_date(std::string_view text);

}  // namespace flytthit::protocol
