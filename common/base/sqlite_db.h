// Owned SQLite handles (connection and prepared statement) and the few helpers every
// SQLite user in the core needs. Nothing here knows about leads.
#pragma once

#include "common/base/result.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit {

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A prepared statement with bound parameters. SQL only ever reaches the database through
// these bindings, never by pasting values into SQL text.
class Statement {
public:
    Statement(sqlite3* db, StatementHandle stmt) : db_(db), stmt_(std::move(stmt)) {}

    Statement& bind(int index, const std::string& text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_null(int index);
    Statement& bind_optional(int index, const std::optional<std::string>& text);
    // Binds bytes as a BLOB; empty binds NULL.
    Statement& bind_blob(int index, const std::vector<unsigned char>& bytes);
    // Binds bytes held in a string as a BLOB (a body as received, which need not be UTF-8);
    // empty binds an empty BLOB, never NULL.
    Statement& bind_bytes(int index, std::string_view bytes);

    // Runs one step. Returns true while a row is available, false when done; an error
    // carries SQLite's message.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status run();
    // Makes the statement ready to run again with new bindings.
    void reset() {
        sqlite3_reset(stmt_.get());
        sqlite3_clear_bindings(stmt_.get());
    }

    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    std::int64_t column_int(int column) const;
    std::vector<unsigned char> column_blob(int column) const;
    std::string column_bytes(int column) const;

private:
    sqlite3* db_;
    StatementHandle stmt_;
};

// An open database connection.
class Database {
public:
    // Opens (creating if needed) the file at path. Fails with the path in the message.
    static Result<Database> open(const std::filesystem::path& path, int extra_flags = 0);

    Result<Statement> prepare(const std::string& sql);
    // Runs SQL with no parameters and no rows (PRAGMAs, DDL, BEGIN/COMMIT).
    Status exec(const std::string& sql);
    // Runs a query that yields one text value ("PRAGMA journal_mode").
    Result<std::string> query_text(const std::string& sql);
    Result<std::int64_t> query_int(const std::string& sql);

    sqlite3* raw() const { return db_.get(); }
    const std::filesystem::path& path() const { return path_; }

private:
    // Prepares sql and steps to its first row; no row is an error.
    Result<Statement> first_row(const std::string& sql);

    Database(SqliteHandle db, std::filesystem::path path) : db_(std::move(db)), path_(std::move(path)) {}
    SqliteHandle db_;
    std::filesystem::path path_;
};

// SQLite's own message for the last error on db, with the extended code for the log.
std::string sqlite_message(sqlite3* db);

// The kind of an SQLite failure, from its extended result code and, for I/O and open
// failures, the errno behind it: BUSY/LOCKED are transient, CORRUPT/NOTADB a damaged store,
// FULL (or a write refused for room) unavailable, READONLY/PERM/AUTH not permitted.
ErrorKind sqlite_error_kind(int extended_code, int system_errno);
// The last error on db as an Error: "context: message (code N)", classified as above.
Error sqlite_error(sqlite3* db, const std::string& context);

// Rolls back an open transaction unless commit() was called: every early return from a
// write path leaves the database as it was.
class Transaction {
public:
    static Result<Transaction> begin_immediate(Database& db);
    Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status commit();

private:
    explicit Transaction(Database* db) : db_(db) {}
    Database* db_;
};

}  // namespace flytthit
