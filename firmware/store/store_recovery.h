// Opening the lead store when the database may be damaged (a card that lied about a write, a
// failing card): the damaged file is moved aside, never deleted, a fresh store opens so the
// stand keeps working, and staff are told. What can still be read from the moved file can be
// salvaged into an export the register imports.
#pragma once

#include "firmware/store/lead_store.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

inline constexpr const char* store_alert_key = "store_alert";

struct RecoveredStore {
    LeadStore store;
    std::optional<std::string> alert;  // set when a damaged database was moved aside now
};

// Opens <data_dir>/leads.db; if SQLite finds it damaged (not a database, malformed), moves it
// and its WAL and shared-memory files to leads.db.damaged-<time>, opens a fresh store and
// records the alert in it for staff. Other errors (permissions, a full disk) are returned as
// they are: moving a healthy file aside would hide leads from the register.
Result<RecoveredStore> open_store_recovering(const std::filesystem::path& data_dir);

// Reads every lead still readable from a (damaged) database file, without writing to it.
// Stops at the first unreadable part and says so in warning.
Result<std::vector<Lead>> salvage_leads(const std::filesystem::path& database, std::string& warning);

}  // namespace flytthit
