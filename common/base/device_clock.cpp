// Time as the kiosk can know it; see device_clock.h.
#include "common/base/device_clock.h"

#include <ctime>
#include <fstream>

namespace flytthit {

std::string current_boot_id() {
    std::ifstream file("/proc/sys/kernel/random/boot_id");
    std::string id;
    if (!std::getline(file, id) || id.empty()) return "unknown";
    return id;
}

std::string utc_timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return utc.tm_year + 1900;
}

CreatedAt created_now() {
    CreatedAt created;
    created.wall_clock_utc = utc_timestamp_now();
    created.boot_id = current_boot_id();
    created.monotonic_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(MonotonicClock::now().time_since_epoch()).count();
    return created;
}

}  // namespace flytthit
