// Opening a possibly damaged store; see store_recovery.h.
#include "firmware/store/store_recovery.h"

#include "common/base/device_clock.h"
#include "firmware/store/lead_rows.h"

namespace flytthit {

namespace {

namespace fs = std::filesystem;

// Asks SQLite itself, reading only: is this file a healthy database?
bool looks_damaged(const fs::path& database) {
    sqlite3* raw = nullptr;
    const std::string uri = "file:" + database.string() + "?mode=ro";
    const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK) return false;  // cannot even open it read-only: not a damage we can judge
    sqlite3_stmt* check = nullptr;
    const int prepared = sqlite3_prepare_v2(raw, "PRAGMA quick_check", -1, &check, nullptr);
    StatementHandle statement(check);
    if (prepared != SQLITE_OK) {
        const int code = sqlite3_errcode(raw);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }
    const int stepped = sqlite3_step(check);
    if (stepped != SQLITE_ROW) {
        const int code = sqlite3_errcode(raw);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    return text == nullptr || std::string(text) != "ok";
}

}  // namespace

Result<RecoveredStore> open_store_recovering(const fs::path& data_dir) {
    auto store = LeadStore::open(data_dir);
    if (store) return RecoveredStore{std::move(*store), std::nullopt};
    const fs::path database = data_dir / LeadStore::database_file_name;
    if (!fs::exists(database) || !looks_damaged(database)) return store.error();

    std::string stamp = utc_timestamp_now();
    std::erase_if(stamp, [](char c) { return c == ':' || c == '-'; });
    const fs::path moved = data_dir / (std::string(LeadStore::database_file_name) + ".damaged-" + stamp);
    std::error_code error;
    fs::rename(database, moved, error);
    if (error) return make_error("the lead database is damaged and could not be moved aside: " + error.message());
    for (const char* suffix : {"-wal", "-shm"}) {
        if (fs::exists(database.string() + suffix)) fs::rename(database.string() + suffix, moved.string() + suffix, error);
    }
    auto fresh = LeadStore::open(data_dir);
    if (!fresh) return with_context("opening a fresh store after moving the damaged one aside", fresh.error());
    const std::string alert = "The lead database was damaged (" + store.error().message + ") and was moved to " +
                              moved.string() + ". A fresh store is in use. Salvage it with: flytthit-kioskctl salvage " +
                              moved.string() + " DIR";
    (void)fresh->set_setting(store_alert_key, alert);
    return RecoveredStore{std::move(*fresh), alert};
}

Result<std::vector<Lead>> salvage_leads(const fs::path& database, std::string& warning) {
    sqlite3* raw = nullptr;
    // Read-only and immutable: nothing is written to the evidence, not even a WAL recovery.
    const std::string uri = "file:" + database.string() + "?mode=ro&immutable=1";
    const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    SqliteHandle handle(raw);
    if (rc != SQLITE_OK) return sqlite_error(raw, database.string());
    sqlite3_stmt* select = nullptr;
    const std::string sql = std::string("SELECT ") + detail::lead_columns + " FROM leads ORDER BY rowid";
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &select, nullptr) != SQLITE_OK) {
        return sqlite_error(raw, database.string() + ": no readable leads table");
    }
    Statement statement(raw, StatementHandle(select));
    std::vector<Lead> leads;
    for (;;) {
        auto row = statement.step();
        if (!row) {
            warning = "stopped at a damaged part after " + std::to_string(leads.size()) + " leads: " + row.error().message;
            break;
        }
        if (!*row) break;
        leads.push_back(detail::read_lead(statement));
    }
    return leads;
}

}  // namespace flytthit
