// Running schema steps; see schema_migrations.h.
#include "common/base/schema_migrations.h"

#include <string>

namespace flytthit {

Status migrate(Database& db, std::span<const Migration> steps) {
    auto current = db.query_int("PRAGMA user_version");
    if (!current) return current.error();
    const int latest = steps.back().version;
    if (*current > latest) {
        return make_error(db.path().string() + ": schema version " + std::to_string(*current) +
                          " is newer than this software understands (" + std::to_string(latest) +
                          "); update it");
    }
    for (const Migration& step : steps) {
        if (step.version <= *current) continue;
        auto transaction = Transaction::begin_immediate(db);
        if (!transaction) return with_context("migrating to schema " + std::to_string(step.version), transaction.error());
        if (auto ran = db.exec(std::string(step.sql)); !ran) {
            return with_context("migrating to schema " + std::to_string(step.version), ran.error());
        }
        if (auto set = db.exec("PRAGMA user_version = " + std::to_string(step.version)); !set) return set.error();
        if (auto committed = transaction->commit(); !committed) return committed.error();
    }
    return ok_status();
}

}  // namespace flytthit
