// The lead store's schema, as the ordered list of steps that build it. A database records
// how many steps it has had in PRAGMA user_version; opening it runs the rest, each step in
// its own transaction, so an old kiosk's database is carried forward and never rebuilt.
#pragma once

#include "sqlite_db.h"

#include <span>
#include <string_view>

namespace flytthit {

struct Migration {
    int version;           // user_version after this step
    std::string_view sql;  // runs inside the step's transaction
};

std::span<const Migration> schema_migrations();
int latest_schema_version();

// Brings db up to the latest version. Refuses a database from a newer kiosk (its version is
// above ours) rather than guess at what it holds.
Status migrate_to_latest(Database& db);

}  // namespace flytthit
