// Local time as staff read and set it: Oslo's winter and summer time, the days the clocks
// change, and UTC text that is not the kiosk's own shape.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "common/base/local_time.h"

using namespace flytthit;

namespace {

// The zone the kiosk's unit sets on the board; the test says it rather than trusting the machine's.
struct OsloZone {
    OsloZone() {
        setenv("TZ", "Europe/Oslo", 1);
        tzset();
    }
    ~OsloZone() {
        unsetenv("TZ");
        tzset();
    }
};

std::int64_t at(const char* iso) {
    auto seconds = unix_seconds_from_utc(iso);
    REQUIRE(seconds.has_value());
    return *seconds;
}

}  // namespace

TEST_CASE("a winter time reads as CET, one hour ahead of UTC") {
    OsloZone zone;
    CHECK(local_time_text(at("2026-12-02T13:39:20Z")) == "2026-12-02 14:39 CET");
    CHECK(local_short_time_text(at("2026-12-02T13:39:20Z")) == "12-02 14:39");
    CHECK(local_zone_name(at("2026-12-02T13:39:20Z")) == "CET");
}

TEST_CASE("a summer time reads as CEST, two hours ahead, and late evening UTC is already tomorrow") {
    OsloZone zone;
    CHECK(local_time_text(at("2026-07-01T12:00:00Z")) == "2026-07-01 14:00 CEST");
    CHECK(local_time_text(at("2026-06-30T23:30:00Z")) == "2026-07-01 01:30 CEST");
    CHECK(local_date_text(at("2026-06-30T23:30:00Z")) == "2026-07-01");
}

TEST_CASE("a local time set by staff goes back to the right UTC instant in winter and in summer") {
    OsloZone zone;
    std::tm winter{};
    winter.tm_year = 2026 - 1900;
    winter.tm_mon = 11;
    winter.tm_mday = 2;
    winter.tm_hour = 14;
    winter.tm_min = 39;
    CHECK(unix_seconds_from_local(winter) == at("2026-12-02T13:39:00Z"));
    std::tm summer = winter;
    summer.tm_mon = 6;
    summer.tm_mday = 1;
    summer.tm_isdst = 0;  // whatever the caller left there: the zone decides
    CHECK(unix_seconds_from_local(summer) == at("2026-07-01T12:39:00Z"));
    // And what local_calendar gives comes back unchanged.
    CHECK(unix_seconds_from_local(local_calendar(at("2026-10-25T00:30:00Z"))) == at("2026-10-25T00:30:00Z"));
}

TEST_CASE("a local day is 24 hours, and 23 and 25 on the days the clocks change") {
    OsloZone zone;
    const UtcSpan ordinary = local_day_in_utc(at("2026-12-02T23:30:00Z"));  // 00:30 on the 3rd in Oslo
    CHECK(ordinary.start == "2026-12-02T23:00:00Z");
    CHECK(ordinary.end == "2026-12-03T23:00:00Z");
    const UtcSpan spring = local_day_in_utc(at("2026-03-29T12:00:00Z"));
    CHECK(spring.start == "2026-03-28T23:00:00Z");
    CHECK(spring.end == "2026-03-29T22:00:00Z");
    const UtcSpan autumn = local_day_in_utc(at("2026-10-25T12:00:00Z"));
    CHECK(autumn.start == "2026-10-24T22:00:00Z");
    CHECK(autumn.end == "2026-10-25T23:00:00Z");
}

TEST_CASE("UTC text that is not the kiosk's own shape is refused, not guessed") {
    CHECK_FALSE(unix_seconds_from_utc("").has_value());
    CHECK_FALSE(unix_seconds_from_utc("2026-12-02 13:39:20").has_value());
    CHECK_FALSE(unix_seconds_from_utc("2026-12-02T13:39:20+01").has_value());
    CHECK_FALSE(unix_seconds_from_utc("2026-13-02T13:39:20Z").has_value());
    CHECK_FALSE(unix_seconds_from_utc("2026-12-02T25:39:20Z").has_value());
    CHECK_FALSE(unix_seconds_from_utc("20x6-12-02T13:39:20Z").has_value());
    CHECK(unix_seconds_from_utc("1970-01-01T00:00:00Z") == std::int64_t{0});
}
