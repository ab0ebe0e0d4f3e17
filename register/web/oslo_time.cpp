// Europe/Oslo times; see oslo_time.h.
#include "register/web/oslo_time.h"

#include <cstdio>
#include <ctime>

namespace flytthit::reg::web {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's formula).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

OsloTime civil_from_unix(std::int64_t t) {
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    std::int64_t rest = t - days * 86400;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    OsloTime out;
    out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
    out.hour = static_cast<int>(rest / 3600);
    out.minute = static_cast<int>(rest % 3600 / 60);
    out.second = static_cast<int>(rest % 60);
    return out;
}

// 01:00 UTC on the last Sunday of month in year.
std::int64_t last_sunday_0100_utc(int year, int month) {
    const int last_day = 31;  // March and October both have 31 days
    const std::int64_t days = days_from_civil(year, month, last_day);
    const std::int64_t weekday = ((days % 7) + 11) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    return (days - weekday) * 86400 + 3600;
}

}  // namespace

std::optional<std::int64_t> unix_from_utc(const std::string& utc) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (utc.size() < 19 || std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) {
        return std::nullopt;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

std::string utc_from_unix(std::int64_t unix_seconds) {
    const OsloTime t = civil_from_unix(unix_seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                  t.second);
    return text;
}

OsloTime oslo_from_unix(std::int64_t unix_seconds) {
    const int year = civil_from_unix(unix_seconds).year;
    const bool summer = unix_seconds >= last_sunday_0100_utc(year, 3) && unix_seconds < last_sunday_0100_utc(year, 10);
    return civil_from_unix(unix_seconds + (summer ? 7200 : 3600));
}

std::string oslo_display(const std::string& utc) {
    const auto t = unix_from_utc(utc);
    if (!t) return "";
    const OsloTime o = oslo_from_unix(*t);
    char text[32];
    std::snprintf(text, sizeof text, "%02d.%02d.%04d %02d:%02d", o.day, o.month, o.year, o.hour, o.minute);
    return text;
}

std::string oslo_date(const std::string& utc) {
    const auto t = unix_from_utc(utc);
    if (!t) return "";
    const OsloTime o = oslo_from_unix(*t);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", o.year, o.month, o.day);
    return text;
}

std::string oslo_date_display(const std::string& iso_date) {
    if (iso_date.size() != 10) return iso_date;
    return iso_date.substr(8, 2) + "." + iso_date.substr(5, 2) + "." + iso_date.substr(0, 4);
}

std::string utc_months_before(const std::string& utc, int months) {
    const auto t = unix_from_utc(utc);
    if (!t) return utc;
    OsloTime c = civil_from_unix(*t);
    int total = c.year * 12 + (c.month - 1) - months;
    c.year = total / 12;
    c.month = total % 12 + 1;
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int length = lengths[c.month - 1];
    if (c.month == 2 && (c.year % 4 == 0 && (c.year % 100 != 0 || c.year % 400 == 0))) length = 29;
    if (c.day > length) c.day = length;
    return utc_from_unix(days_from_civil(c.year, c.month, c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second);
}

}  // namespace flytthit::reg::web
