// How a lead row is read from the store; shared by lead_store.cpp and lead_store_staff.cpp.
#pragma once

#include "common/lead/lead.h"
#include "common/base/sqlite_db.h"

namespace flytthit::detail {

// The columns read_lead() expects, in its order.
extern const char* const lead_columns;

// Reads the lead at the statement's current row, selected with lead_columns.
Lead read_lead(const Statement& row);

}  // namespace flytthit::detail
