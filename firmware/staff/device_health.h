// What staff see on the health panel: storage, clock, versions, uptime, last sync. Read on a
// worker when staff home opens (statvfs and file sizes may stall on a busy SD card), never
// every frame.
#pragma once

#include "common/base/result.h"

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

// Sets the system clock (needs CAP_SYS_TIME; the board's unit grants it). Fails with
// ErrorKind::not_permitted when it is not allowed. Blocks briefly: call it from a worker.
Status set_system_clock_utc(std::int64_t unix_seconds);

std::string format_bytes(std::uint64_t bytes);  // "1.2 GB"

}  // namespace flytthit
