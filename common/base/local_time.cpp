// Local time for people to read and set; see local_time.h.
#include "common/base/local_time.h"

#include <cstdio>

#include "common/base/device_clock.h"

namespace flytthit {

std::tm local_calendar(std::int64_t unix_seconds) {
    const std::time_t seconds = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local;
}

std::int64_t unix_seconds_from_local(std::tm local) {
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local));
}

namespace {

std::string formatted(std::int64_t unix_seconds, const char* format) {
    const std::tm local = local_calendar(unix_seconds);
    char text[48];
    if (std::strftime(text, sizeof text, format, &local) == 0) return {};
    return text;
}

}  // namespace

std::string local_time_text(std::int64_t unix_seconds) { return formatted(unix_seconds, "%Y-%m-%d %H:%M %Z"); }

std::string local_date_text(std::int64_t unix_seconds) { return formatted(unix_seconds, "%Y-%m-%d"); }

std::string local_short_time_text(std::int64_t unix_seconds) { return formatted(unix_seconds, "%m-%d %H:%M"); }

std::string local_zone_name(std::int64_t unix_seconds) { return formatted(unix_seconds, "%Z"); }

std::optional<std::int64_t> unix_seconds_from_utc(std::string_view iso_utc) {
    // Exactly the shape utc_from_unix_ms writes: 20 characters ending in Z.
    if (iso_utc.size() != 20 || iso_utc[19] != 'Z') return std::nullopt;
    const std::string text(iso_utc);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &year, &month, &day, &hour, &minute, &second, &used) != 6 ||
        used != 20) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    return static_cast<std::int64_t>(timegm(&utc));
}

UtcSpan local_day_in_utc(std::int64_t unix_seconds) {
    std::tm midnight = local_calendar(unix_seconds);
    midnight.tm_hour = midnight.tm_min = midnight.tm_sec = 0;
    std::tm next_midnight = midnight;
    next_midnight.tm_mday += 1;  // mktime carries it into the next month or year
    return {utc_from_unix_ms(unix_seconds_from_local(midnight) * 1000), utc_from_unix_ms(unix_seconds_from_local(next_midnight) * 1000)};
}

}  // namespace flytthit
