// Time as the kiosk can know it. The board has no real-time clock: offline, wall time is only
// roughly right, so every timeout uses the monotonic clock and every lead also records the
// boot it was made in and the monotonic time within it.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

namespace flytthit {

using MonotonicClock = std::chrono::steady_clock;

// When something was made, as well as the kiosk can know it offline.
struct CreatedAt {
    std::string wall_clock_utc;   // ISO 8601, e.g. "2026-11-23T10:15:02Z"
    std::string boot_id;          // /proc/sys/kernel/random/boot_id
    std::int64_t monotonic_ns = 0;
};

// The current boot's id from /proc/sys/kernel/random/boot_id, or "unknown" where there is none.
std::string current_boot_id();

// Wall clock, boot id and monotonic time, read now.
CreatedAt created_now();

// The wall clock now, in milliseconds since the Unix epoch.
std::int64_t unix_ms_now();
// A Unix time in seconds as a UTC calendar time.
std::tm utc_calendar(std::int64_t unix_seconds);
// The one UTC formatter: ISO 8601 with seconds ("2026-11-23T10:15:02Z") for a Unix time in ms.
std::string utc_from_unix_ms(std::int64_t unix_ms);
// UTC wall clock now, as utc_from_unix_ms formats it.
std::string utc_timestamp_now();

// The current year by the wall clock, for birth-year checks.
int current_year();

}  // namespace flytthit
