// Times as Norway shows them: Europe/Oslo is UTC+1, and UTC+2 from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule, fixed since 1996).
// Computed here rather than through TZ and localtime, which are process-wide and not safe to
// switch in a threaded server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace flytthit::reg::web {

struct OsloTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// Reads "YYYY-MM-DDTHH:MM:SS[.fff]Z" as Unix seconds; nullopt when it is not that shape.
std::optional<std::int64_t> unix_from_utc(const std::string& utc);
std::string utc_from_unix(std::int64_t unix_seconds);
OsloTime oslo_from_unix(std::int64_t unix_seconds);
// "01.12.2026 kl. 22.15" style text is the template's business; these give plain pieces:
std::string oslo_display(const std::string& utc);  // "01.12.2026 22:15", "" for unreadable input
std::string oslo_date(const std::string& utc);     // "2026-12-01", "" for unreadable input
std::string oslo_date_display(const std::string& iso_date);  // "2026-12-01" -> "01.12.2026"
// UTC n months before utc (day clamped to the month's length).
std::string utc_months_before(const std::string& utc, int months);

}  // namespace flytthit::reg::web
