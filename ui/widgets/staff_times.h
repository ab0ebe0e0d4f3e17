// Times and the last sync as staff read them: in the board's local zone, in their language.
// Leads and settings keep UTC; these turn it into what the staff screens show.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "firmware/staff/last_sync.h"
#include "ui/text/ui_text.h"

namespace flytthit::ui {

// "2026-12-02 14:39 CET" for a stored UTC time; the stored text itself if it is not one, so
// nothing is hidden.
std::string local_time_from_utc(std::string_view iso_utc);
// "12-02 14:39" for a row in a list, likewise.
std::string local_short_time_from_utc(std::string_view iso_utc);
// "2026-12-02 14:39 CET: ok, 5 sendt", "… feilet etter 2 sendt: …", or "aldri".
std::string last_sync_text(Language language, const std::optional<LastSync>& last);

}  // namespace flytthit::ui
