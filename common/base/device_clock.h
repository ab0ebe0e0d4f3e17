// Time as the kiosk can know it. The board has no real-time clock: offline, wall time is only
// roughly right, so every timeout uses the monotonic clock and every lead also records the
// boot it was made in and the monotonic time within it.
#pragma once

#include <chrono>
#include <cstdint>
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

// UTC wall clock as ISO 8601 with seconds ("2026-11-23T10:15:02Z").
std::string utc_timestamp_now();

// The current year by the wall clock, for birth-year checks.
int current_year();

}  // namespace flytthit
