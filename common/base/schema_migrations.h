// Schemas as ordered lists of steps. A database records how many steps it has had in
// PRAGMA user_version; opening it runs the rest, each step in its own transaction, so an old
// database is carried forward and never rebuilt. The kiosk's lead store and the register
// each have their own list.
#pragma once

#include "common/base/sqlite_db.h"

#include <span>
#include <string_view>

namespace flytthit {

struct Migration {
    int version;           // user_version after this step
    std::string_view sql;  // runs inside the step's transaction
};

// Brings db up to the last of steps. Refuses a database from newer software (its version is
// above ours) rather than guess at what it holds.
Status migrate(Database& db, std::span<const Migration> steps);

}  // namespace flytthit
