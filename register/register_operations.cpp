// The register's operations; see register_operations.h.
#include "register/register_operations.h"

#include "common/base/device_clock.h"
#include "common/lead/lead_json.h"

#include <sqlite3.h>

namespace flytthit::reg {

Result<std::vector<DeviceRow>> list_devices(RegisterStore& store) {
    auto select = store.database().prepare(R"sql(
SELECT d.name, d.created_at, coalesce(d.last_seen_at, ''), coalesce(d.revoked_at, ''),
       (SELECT count(*) FROM leads l WHERE l.device_id = d.id)
FROM devices d ORDER BY d.name)sql");
    if (!select) return select.error();
    std::vector<DeviceRow> rows;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return rows;
        rows.push_back({select->column_text(0), select->column_text(1), select->column_text(2), select->column_text(3),
                        select->column_int(4)});
    }
}

namespace {

Status update_device(RegisterStore& store, const std::string& sql, const std::string& name, const std::string& value) {
    auto update = store.database().prepare(sql);
    if (!update) return update.error();
    update->bind(1, name).bind(2, value);
    if (auto ran = update->run(); !ran) return with_context("device \"" + name + "\"", ran.error());
    if (sqlite3_changes(store.database().raw()) != 1) {
        return make_error("no device \"" + name + "\" (flytthit-register devices lists them)", ErrorKind::bad_input);
    }
    return ok_status();
}

}  // namespace

Status revoke_device(RegisterStore& store, const std::string& name) {
    return update_device(store, "UPDATE devices SET revoked_at = ?2 WHERE name = ?1", name, utc_timestamp_now());
}

Status rotate_device(RegisterStore& store, const std::string& name, const std::string& new_token_hash) {
    return update_device(store, "UPDATE devices SET token_hash = ?2, revoked_at = NULL WHERE name = ?1", name, new_token_hash);
}

Result<std::vector<ConflictRow>> list_conflicts(RegisterStore& store) {
    auto select = store.database().prepare(R"sql(
SELECT c.id, c.lead_id, d.name, c.received_at, coalesce(l.canonical, ''), c.canonical
FROM conflicts c JOIN devices d ON d.id = c.device_id LEFT JOIN leads l ON l.id = c.lead_id ORDER BY c.id)sql");
    if (!select) return select.error();
    std::vector<ConflictRow> rows;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return rows;
        rows.push_back({select->column_int(0), select->column_text(1), select->column_text(2), select->column_text(3),
                        select->column_text(4), select->column_text(5)});
    }
}

Status resolve_conflict(RegisterStore& store, std::int64_t id, bool keep_second) {
    Database& db = store.database();
    auto transaction = Transaction::begin_immediate(db);
    if (!transaction) return transaction.error();
    auto select = db.prepare("SELECT lead_id, canonical FROM conflicts WHERE id = ?1");
    if (!select) return select.error();
    select->bind(1, id);
    auto found = select->step();
    if (!found) return found.error();
    if (!*found) return make_error("no conflict " + std::to_string(id) + " (flytthit-register conflicts lists them)", ErrorKind::bad_input);
    const std::string lead_id = select->column_text(0);
    const std::string second = select->column_text(1);
    if (keep_second) {
        auto lead = lead_from_wire(nlohmann::json::parse(second, nullptr, false));
        if (!lead) return with_context("conflict " + std::to_string(id) + ": the kept-aside version", lead.error());
        auto replace = db.prepare("UPDATE leads SET canonical = ?2, created_utc = ?3 WHERE id = ?1");
        auto forget = db.prepare("DELETE FROM lead_municipalities WHERE lead_id = ?1");
        auto place = db.prepare("INSERT OR IGNORE INTO lead_municipalities (lead_id, municipality) VALUES (?1, ?2)");
        for (auto* statement : {&replace, &forget, &place}) {
            if (!*statement) return statement->error();
        }
        replace->bind(1, lead_id).bind(2, second).bind(3, lead->created.wall_clock_utc);
        if (auto ran = replace->run(); !ran) return ran.error();
        forget->bind(1, lead_id);
        if (auto ran = forget->run(); !ran) return ran.error();
        for (const auto& municipality : lead->draft.municipalities) {
            place->reset();
            place->bind(1, lead_id).bind(2, municipality);
            if (auto ran = place->run(); !ran) return ran.error();
        }
    }
    auto close = db.prepare("DELETE FROM conflicts WHERE id = ?1");
    if (!close) return close.error();
    close->bind(1, id);
    if (auto ran = close->run(); !ran) return ran.error();
    return transaction->commit();
}

Status backup_database(RegisterStore& store, const std::filesystem::path& file) {
    if (std::filesystem::exists(file)) return make_error(file.string() + ": exists already; give a new file", ErrorKind::bad_input);
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> target(raw, sqlite3_close);
    if (opened != SQLITE_OK) return make_error("creating " + file.string() + ": " + sqlite3_errstr(opened));
    sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", store.database().raw(), "main");
    if (backup == nullptr) return make_error("backing up to " + file.string() + ": " + sqlite3_errmsg(target.get()));
    // Copy in steps so a serving register's writers wait only briefly; a change made during
    // the copy restarts it (SQLite does that itself), so the copy is one consistent moment.
    int step = SQLITE_OK;
    do {
        step = sqlite3_backup_step(backup, 256);
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    const int finished = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || finished != SQLITE_OK) {
        return make_error("backing up to " + file.string() + ": " + sqlite3_errstr(step != SQLITE_DONE ? step : finished));
    }
    char* message = nullptr;
    std::string check;
    sqlite3_exec(
        target.get(), "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) += values[0] ? values[0] : "";
            return 0;
        },
        &check, &message);
    sqlite3_free(message);
    if (check != "ok") return make_error(file.string() + ": the copy fails its integrity check: " + check, ErrorKind::damaged_store);
    return ok_status();
}

Status audit(RegisterStore& store, const std::string& who, const std::string& action, std::int64_t leads,
             const std::string& detail) {
    auto insert = store.database().prepare(
        "INSERT INTO audit_log (at, user_name, action, leads, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, utc_timestamp_now()).bind(2, who).bind(3, action).bind(4, std::to_string(leads)).bind(5, detail);
    return insert->run();
}

}  // namespace flytthit::reg
