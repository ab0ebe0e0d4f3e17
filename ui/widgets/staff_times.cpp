// Staff-facing times; see staff_times.h.
#include "ui/widgets/staff_times.h"

#include "common/base/local_time.h"
#include "firmware/staff/staff_mode.h"

namespace flytthit::ui {

std::string local_time_from_utc(std::string_view iso_utc) {
    const auto seconds = unix_seconds_from_utc(iso_utc);
    return seconds ? local_time_text(*seconds) : std::string(iso_utc);
}

std::string local_short_time_from_utc(std::string_view iso_utc) {
    const auto seconds = unix_seconds_from_utc(iso_utc);
    return seconds ? local_short_time_text(*seconds) : std::string(iso_utc);
}

std::string last_sync_text(Language language, const std::optional<LastSync>& last) {
    const auto text = [&](const char* key) { return std::string(ui_text(language, key)); };
    if (!last) return text("staff.never");
    std::string line = local_time_from_utc(last->at_utc) + ": ";
    if (last->succeeded) return line + text("staff.last_sync_ok") + ", " + std::to_string(last->sent) + " " + text("staff.last_sync_sent");
    line += text("staff.last_sync_failed_after") + " " + std::to_string(last->sent) + " " + text("staff.last_sync_sent");
    // What it means in the staff's words first; the client's own words after, for support.
    line += ". " + std::string(ui_text(language, staff_message_key(last->error_kind)));
    return last->error.empty() ? line : line + " " + last->error;
}

}  // namespace flytthit::ui
