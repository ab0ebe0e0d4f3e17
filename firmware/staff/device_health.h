// What staff see on the health panel: storage, clock, versions, uptime, last sync. Read when
// the panel opens, not every frame.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace flytthit {

enum class ClockStatus { synchronised, approximate, unknown };

struct DeviceHealth {
    std::uint64_t free_bytes = 0;      // on the data directory's file system
    std::uint64_t total_bytes = 0;
    std::uint64_t database_bytes = 0;  // leads.db with its WAL
    ClockStatus clock = ClockStatus::unknown;
    std::string wall_clock_utc;
    double uptime_seconds = 0;
};

DeviceHealth read_device_health(const std::filesystem::path& data_dir, const std::filesystem::path& database);

// Sets the system clock (needs CAP_SYS_TIME; the board's unit grants it). Returns an error
// a person can act on when it is not allowed.
std::string set_system_clock_utc(std::int64_t unix_seconds);  // empty on success

std::string format_bytes(std::uint64_t bytes);  // "1.2 GB"

}  // namespace flytthit
