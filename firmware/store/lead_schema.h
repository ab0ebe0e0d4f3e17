// The kiosk's lead store schema, as steps for migrate() (common/base/schema_migrations.h).
#pragma once

#include "common/base/schema_migrations.h"

#include <span>

namespace flytthit {

std::span<const Migration> schema_migrations();
int latest_schema_version();
inline Status migrate_to_latest(Database& db) { return migrate(db, schema_migrations()); }

}  // namespace flytthit
