// Owned SQLite handles; see sqlite_db.h.
#include "common/base/sqlite_db.h"

#include "common/base/file_io.h"

namespace flytthit {

std::string sqlite_message(sqlite3* db) {
    if (db == nullptr) return "out of memory";
    return std::string(sqlite3_errmsg(db)) + " (code " + std::to_string(sqlite3_extended_errcode(db)) + ")";
}

ErrorKind sqlite_error_kind(int extended_code, int system_errno) {
    switch (extended_code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return ErrorKind::transient;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return ErrorKind::damaged_store;
        case SQLITE_FULL: return ErrorKind::unavailable;
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH: return ErrorKind::not_permitted;
        // The file system said why (EACCES, ENOSPC, ...): classify that.
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
            if (system_errno != 0) return errno_kind(system_errno);
            // SQLite reads errno only after its own clean-up, so a write refused for room
            // (ENOSPC, EFBIG past a file size limit) often arrives as IOERR_WRITE with errno 0.
            // A failed write is far likelier a full disk than a damaged one: unavailable.
            return extended_code == SQLITE_IOERR_WRITE ? ErrorKind::unavailable : ErrorKind::failed;
        default: return ErrorKind::failed;
    }
}

Error sqlite_error(sqlite3* db, const std::string& context) {
    const std::string prefix = context.empty() ? "" : context + ": ";
    if (db == nullptr) return make_error(prefix + sqlite_message(db));
    return make_error(prefix + sqlite_message(db), sqlite_error_kind(sqlite3_extended_errcode(db), sqlite3_system_errno(db)));
}

Statement& Statement::bind(int index, const std::string& text) {
    sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    sqlite3_bind_int64(stmt_.get(), index, number);
    return *this;
}

Statement& Statement::bind_blob(int index, const std::vector<unsigned char>& bytes) {
    if (bytes.empty()) return bind_null(index);
    sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_bytes(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_.get(), index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, *text) : bind_null(index);
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlite_error(db_, "");
}

Status Statement::run() {
    for (;;) {
        auto more = step();
        if (!more) return more.error();
        if (!*more) return ok_status();
    }
}

std::string Statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
    if (text == nullptr) return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL) return std::nullopt;
    return column_text(column);
}

std::vector<unsigned char> Statement::column_blob(int column) const {
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_.get(), column));
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr || size <= 0) return {};
    return std::vector<unsigned char>(data, data + size);
}

std::string Statement::column_bytes(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_.get(), column));
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr || size <= 0) return {};
    return std::string(data, static_cast<std::size_t>(size));
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

Result<Database> Database::open(const std::filesystem::path& path, int extra_flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | extra_flags, nullptr);
    SqliteHandle handle(raw);  // owned even on failure: sqlite3_open_v2 may allocate anyway
    if (rc != SQLITE_OK) return sqlite_error(raw, "opening " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    // Another connection (kioskctl while the kiosk runs) may hold the write lock briefly.
    sqlite3_busy_timeout(raw, 5000);
    return Database(std::move(handle), path);
}

Result<Statement> Database::prepare(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        return sqlite_error(db_.get(), path_.string() + ": preparing \"" + sql.substr(0, 60) + "\"");
    }
    return Statement(db_.get(), StatementHandle(raw));
}

Status Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error = sqlite_error(db_.get(), path_.string());
        if (message != nullptr) error.message = path_.string() + ": " + message + " (code " + std::to_string(sqlite3_extended_errcode(db_.get())) + ")";
        sqlite3_free(message);
        return error;
    }
    return ok_status();
}

Result<Statement> Database::first_row(const std::string& sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return with_context(path_.string(), row.error());
    if (!*row) return make_error(path_.string() + ": \"" + sql + "\" returned no row");
    return std::move(*stmt);
}

Result<std::string> Database::query_text(const std::string& sql) {
    auto row = first_row(sql);
    if (!row) return row.error();
    return row->column_text(0);
}

Result<std::int64_t> Database::query_int(const std::string& sql) {
    auto row = first_row(sql);
    if (!row) return row.error();
    return row->column_int(0);
}

Result<Transaction> Transaction::begin_immediate(Database& db) {
    if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun) return begun.error();
    return Transaction(&db);
}

Transaction::~Transaction() {
    if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
    auto committed = db_->exec("COMMIT");
    if (committed) db_ = nullptr;  // only a failed COMMIT still needs the rollback
    return committed;
}

}  // namespace flytthit
