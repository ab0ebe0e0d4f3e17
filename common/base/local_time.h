// Time as the stand staff read it: the board's own time zone (TZ, else /etc/localtime; the
// kiosk's unit sets Europe/Oslo), with its summer time. Leads and the wire keep UTC
// (device_clock.h); only what a person reads or sets goes through here.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace flytthit {

// A Unix time in seconds as a calendar time in the local zone.
std::tm local_calendar(std::int64_t unix_seconds);
// A local calendar time back to Unix seconds. The zone decides whether summer time applies
// (tm_isdst is ignored), so 03:30 on the last Sunday of October is read as it comes first.
std::int64_t unix_seconds_from_local(std::tm local);

// "2026-12-02 14:39 CET": date, minutes and the zone's abbreviation, so a reader knows which.
std::string local_time_text(std::int64_t unix_seconds);
// "2026-12-02": the local date, as an event's date is written.
std::string local_date_text(std::int64_t unix_seconds);
// "12-02 14:39": for a row in a list, where the zone is said once above it.
std::string local_short_time_text(std::int64_t unix_seconds);
// The local zone's abbreviation at a time: "CET" in winter, "CEST" in summer in Oslo.
std::string local_zone_name(std::int64_t unix_seconds);

// An ISO 8601 UTC time as the kiosk writes it ("2026-11-23T10:15:02Z") to Unix seconds, or
// nothing when the text is not that shape.
std::optional<std::int64_t> unix_seconds_from_utc(std::string_view iso_utc);

// The local calendar day a time falls in, as the UTC instants where it starts and where the
// next begins (ISO 8601, comparable as text with what leads store). A day is 23 or 25 hours
// long when the clocks change.
struct UtcSpan {
    std::string start;
    std::string end;
};
UtcSpan local_day_in_utc(std::int64_t unix_seconds);

}  // namespace flytthit
