// RFC 3339 parsing; see rfc3339.h. Written out by hand: strptime accepts too much (it skips
// spaces and takes one-digit fields), and a timestamp that reaches the store must be exact.
#include "common/protocol/rfc3339.h"

#include <string>

namespace flytthit::protocol {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<std::int64_t>(era) * 146097 + day_of_era - 719468;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

Error bad(std::string_view text, const std::string& why) {
    return make_error("\"" + std::string(text.substr(0, 40)) + "\" is not an RFC 3339 time (" + why + ")",
                      ErrorKind::bad_input);
}

Result<std::int64_t> parse_date(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) || text[7] != '-' ||
        !digits(text, 8, 2, day)) {
        return bad(text, "expected YYYY-MM-DD");
    }
    static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return bad(text, "no month " + std::to_string(month));
    const int last = month_days[month - 1] + (month == 2 && leap(year) ? 1 : 0);
    if (day < 1 || day > last) return bad(text, "no day " + std::to_string(day) + " in that month");
    return days_from_civil(year, month, day) * 86'400'000;
}

}  // namespace

Result<std::int64_t> parse_rfc3339(std::string_view text) {
    auto date = parse_date(text);
    if (!date) return date.error();
    int hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !digits(text, 11, 2, hour) ||
        text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second)) {
        return bad(text, "expected YYYY-MM-DDTHH:MM:SS and a zone");
    }
    if (hour > 23 || minute > 59 || second > 60) return bad(text, "time of day out of range");
    std::size_t at = 19;
    int millis = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        const std::size_t start = at;
        int scale = 100;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            millis += (text[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start || at - start > 9) return bad(text, "a fraction of a second needs 1 to 9 digits");
    }
    if (at >= text.size()) return bad(text, "no zone: end with Z or an offset such as +01:00");
    std::int64_t offset_minutes = 0;
    if (text[at] == 'Z' || text[at] == 'z') {
        ++at;
    } else if (text[at] == '+' || text[at] == '-') {
        int offset_hours = 0, offset_mins = 0;
        if (!digits(text, at + 1, 2, offset_hours) || at + 3 >= text.size() || text[at + 3] != ':' ||
            !digits(text, at + 4, 2, offset_mins) || offset_hours > 23 || offset_mins > 59) {
            return bad(text, "the offset is not +HH:MM");
        }
        offset_minutes = (offset_hours * 60 + offset_mins) * (text[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return bad(text, "the zone is not Z or an offset");
    }
    if (at != text.size()) return bad(text, "text after the time");
    const std::int64_t seconds = ((hour * 60 + minute) * 60 + std::min(second, 59)) - offset_minutes * 60;
    return *date + seconds * 1000 + millis;
}

Result<std::int64_t> parse_rfc3339_or_date(std::string_view text) {
    if (text.size() == 10) return parse_date(text);
    return parse_rfc3339(text);
}

}  // namespace flytthit::protocol
