// Device health; see device_health.h.
#include "firmware/staff/device_health.h"

#include "common/base/device_clock.h"

#include <sys/statvfs.h>
#include <sys/timex.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

namespace flytthit {

DeviceHealth read_device_health(const std::filesystem::path& data_dir, const std::filesystem::path& database) {
    DeviceHealth health;
    struct statvfs fs {};
    if (statvfs(data_dir.c_str(), &fs) == 0) {
        health.free_bytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
        health.total_bytes = static_cast<std::uint64_t>(fs.f_blocks) * fs.f_frsize;
    }
    for (const char* suffix : {"", "-wal"}) {
        std::error_code error;
        const auto size = std::filesystem::file_size(database.string() + suffix, error);
        if (!error) health.database_bytes += size;
    }
    // The kernel knows whether NTP (or a person) has set the clock since boot.
    struct timex query {};
    const int state = adjtimex(&query);
    if (state >= 0) health.clock = (state == TIME_ERROR || (query.status & STA_UNSYNC)) ? ClockStatus::approximate
                                                                                        : ClockStatus::synchronised;
    health.wall_clock_utc = utc_timestamp_now();
    std::ifstream uptime("/proc/uptime");
    uptime >> health.uptime_seconds;
    return health;
}

Status set_system_clock_utc(std::int64_t unix_seconds) {
    const timespec when{static_cast<time_t>(unix_seconds), 0};
    if (clock_settime(CLOCK_REALTIME, &when) != 0) {
        if (errno == EPERM) {
            return make_error("not permitted: the kiosk needs the CAP_SYS_TIME capability to set the clock",
                              ErrorKind::not_permitted);
        }
        return make_error(std::string("setting the clock failed: ") + std::strerror(errno));
    }
    return ok_status();
}

std::string format_bytes(std::uint64_t bytes) {
    char text[32];
    if (bytes >= 1'000'000'000ULL) std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    else if (bytes >= 1'000'000ULL) std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else std::snprintf(text, sizeof text, "%.0f kB", static_cast<double>(bytes) / 1e3);
    return text;
}

}  // namespace flytthit
