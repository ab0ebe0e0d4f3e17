// What the region's IT person does with a register that runs for years: list, revoke and
// rotate device tokens (a kiosk stolen at a fair must stop working at once), review and
// resolve conflicts, back up while serving, and the audit of exports and imports.
// Each function takes the open store; callers serialise use as for every other store call.
#pragma once

#include "common/base/result.h"
#include "register/register_store.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flytthit::reg {

struct DeviceRow {
    std::string name;
    std::string created_at;
    std::string last_seen_at;  // empty: never synced
    std::string revoked_at;    // empty: active
    std::int64_t leads = 0;
};
Result<std::vector<DeviceRow>> list_devices(RegisterStore& store);
// The device's token stops working at once; its leads stay. Errors name the device.
Status revoke_device(RegisterStore& store, const std::string& name);
// A new token for the device (the old one stops working at once); un-revokes it.
Status rotate_device(RegisterStore& store, const std::string& name, const std::string& new_token_hash);

struct ConflictRow {
    std::int64_t id = 0;
    std::string lead_id;
    std::string device;       // who sent the second version
    std::string received_at;
    std::string first;        // the stored version's canonical JSON
    std::string second;       // the version kept aside
};
Result<std::vector<ConflictRow>> list_conflicts(RegisterStore& store);
// keep_second replaces the stored lead (and the municipalities it names) with the version
// kept aside; either way the conflict is closed. In one transaction.
Status resolve_conflict(RegisterStore& store, std::int64_t id, bool keep_second);

// A consistent copy of the live database in file (SQLite's online backup API: the register
// may keep serving). Refuses to overwrite an existing file.
Status backup_database(RegisterStore& store, const std::filesystem::path& file);

// One line of the audit log (the web app's audit_log table): who, what, how many.
Status audit(RegisterStore& store, const std::string& who, const std::string& action, std::int64_t leads,
             const std::string& detail);

}  // namespace flytthit::reg
