// The register's inbox of delivered batches; see batch_inbox.h.
#include "register/batch_inbox.h"

#include "common/base/device_clock.h"
#include "common/base/schema_migrations.h"
#include "common/protocol/sync_protocol.h"

#include <array>

namespace flytthit::reg {

namespace {

constexpr std::array inbox_migrations{
    Migration{1, R"sql(
CREATE TABLE batches (
    device_id    INTEGER NOT NULL,
    device_name  TEXT NOT NULL,
    batch_sha256 TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    body         BLOB NOT NULL,
    PRIMARY KEY (device_id, batch_sha256)
) STRICT;
)sql"},
};

}  // namespace

Result<std::unique_ptr<BatchInbox>> BatchInbox::open(const std::filesystem::path& dir) {
    auto db = Database::open(dir / database_file_name);
    if (!db) return with_context("the inbox of delivered batches", db.error());
    sqlite3_db_config(db->raw(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    // A delivery is acknowledged as held: it must survive a power cut like a stored lead.
    if (auto set = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;"); !set) {
        return with_context("the inbox of delivered batches", set.error());
    }
    if (auto migrated = migrate(*db, inbox_migrations); !migrated) return with_context("the inbox of delivered batches", migrated.error());
    return std::make_unique<BatchInbox>(std::move(*db));
}

Result<Delivery> BatchInbox::receive(const Device& device, const std::string& batch_sha256, std::string_view body) {
    std::lock_guard lock(mutex_);
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return transaction.error();
    auto sizes = db_.prepare("SELECT coalesce(sum(length(body)), 0), count(*) FILTER (WHERE batch_sha256 = ?2) FROM batches WHERE device_id = ?1");
    if (!sizes) return sizes.error();
    sizes->bind(1, device.id).bind(2, batch_sha256);
    if (auto row = sizes->step(); !row) return row.error();
    if (sizes->column_int(1) > 0) return Delivery{false, true, false};
    if (static_cast<std::uint64_t>(sizes->column_int(0)) + body.size() > protocol::max_unchecked_bytes) return Delivery{false, false, true};
    auto insert = db_.prepare(
        "INSERT INTO batches (device_id, device_name, batch_sha256, received_at, body) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, device.id).bind(2, device.name).bind(3, batch_sha256).bind(4, utc_timestamp_now()).bind_bytes(5, body);
    if (auto ran = insert->run(); !ran) return with_context("storing a delivered batch", ran.error());
    if (auto committed = transaction->commit(); !committed) return with_context("storing a delivered batch", committed.error());
    return Delivery{true, false, false};
}

Result<std::optional<UncheckedBatch>> BatchInbox::next() {
    std::lock_guard lock(mutex_);
    auto select = db_.prepare("SELECT device_id, device_name, batch_sha256, body FROM batches ORDER BY rowid LIMIT 1");
    if (!select) return select.error();
    auto row = select->step();
    if (!row) return with_context("reading the inbox of delivered batches", row.error());
    if (!*row) return std::optional<UncheckedBatch>{};
    return std::optional<UncheckedBatch>{
        UncheckedBatch{Device{select->column_int(0), select->column_text(1)}, select->column_text(2), select->column_bytes(3)}};
}

Result<bool> BatchInbox::holds(const Device& device, const std::string& batch_sha256) {
    std::lock_guard lock(mutex_);
    auto select = db_.prepare("SELECT 1 FROM batches WHERE device_id = ?1 AND batch_sha256 = ?2");
    if (!select) return select.error();
    select->bind(1, device.id).bind(2, batch_sha256);
    return select->step();
}

Status BatchInbox::forget(const Device& device, const std::string& batch_sha256) {
    std::lock_guard lock(mutex_);
    auto forget = db_.prepare("DELETE FROM batches WHERE device_id = ?1 AND batch_sha256 = ?2");
    if (!forget) return forget.error();
    forget->bind(1, device.id).bind(2, batch_sha256);
    return forget->run();
}

Result<std::int64_t> BatchInbox::waiting() {
    std::lock_guard lock(mutex_);
    return db_.query_int("SELECT count(*) FROM batches");
}

}  // namespace flytthit::reg
