// Time as the kiosk can know it; see device_clock.h.
#include "common/base/device_clock.h"

#include <ctime>
#include <fstream>

namespace flytthit {

namespace {

std::string read_boot_id() {
    std::ifstream file("/proc/sys/kernel/random/boot_id");
    std::string id;
    if (!std::getline(file, id) || id.empty()) return "unknown";
    return id;
}

}  // namespace

std::string current_boot_id() {
    // Read once a process: no process outlives its boot, so the id cannot change while it
    // runs, and every sign-up used to open and read the file on its commit path.
    static const std::string id = read_boot_id();
    return id;
}

std::int64_t unix_ms_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::tm utc_calendar(std::int64_t unix_seconds) {
    const std::time_t seconds = static_cast<std::time_t>(unix_seconds);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return utc;
}

std::string utc_from_unix_ms(std::int64_t unix_ms) {
    const std::tm utc = utc_calendar(unix_ms / 1000);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string utc_timestamp_now() { return utc_from_unix_ms(unix_ms_now()); }

int current_year() { return utc_calendar(unix_ms_now() / 1000).tm_year + 1900; }

CreatedAt created_now() {
    CreatedAt created;
    created.wall_clock_utc = utc_timestamp_now();
    created.boot_id = current_boot_id();
    created.monotonic_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(MonotonicClock::now().time_since_epoch()).count();
    return created;
}

}  // namespace flytthit
