// The register's store; see register_store.h.
#include "register/register_store.h"

#include "common/base/device_clock.h"
#include "common/lead/lead_json.h"
#include "common/base/schema_migrations.h"
#include "register/web/web_schema.h"

#include <sodium.h>

#include <array>

namespace flytthit::reg {

namespace {

constexpr std::array register_migrations{
    Migration{1, R"sql(
CREATE TABLE devices (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT
) STRICT;
CREATE TABLE leads (
    id           TEXT PRIMARY KEY NOT NULL,
    device_id    INTEGER NOT NULL REFERENCES devices (id),
    received_at  TEXT NOT NULL,
    created_utc  TEXT NOT NULL,
    time_status  TEXT NOT NULL CHECK (time_status IN ('corrected', 'approximate')),
    canonical    TEXT NOT NULL
) STRICT;
CREATE TABLE lead_municipalities (
    lead_id      TEXT NOT NULL REFERENCES leads (id),
    municipality TEXT NOT NULL,
    PRIMARY KEY (lead_id, municipality)
) STRICT, WITHOUT ROWID;
CREATE INDEX lead_municipalities_by_municipality ON lead_municipalities (municipality, lead_id);
CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY,
    lead_id      TEXT NOT NULL,
    device_id    INTEGER NOT NULL REFERENCES devices (id),
    received_at  TEXT NOT NULL,
    canonical    TEXT NOT NULL,
    UNIQUE (lead_id, canonical)
) STRICT;
)sql"},
    // 2: the stand staff's rating, note and follow-up municipality, updated whenever a kiosk
    // sends a newer annotation for a lead the register already holds.
    Migration{2, R"sql(
ALTER TABLE leads ADD COLUMN rating TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN staff_note TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';
)sql"},
    // 3: a device can be revoked (a kiosk stolen at a fair): its token stops working, its
    // leads stay (register_operations.h).
    Migration{3, R"sql(
ALTER TABLE devices ADD COLUMN revoked_at TEXT;
)sql"},
    // 10: the hosts' web app (register/web/): users, sessions, the follow-up log, owners,
    // the audit log, tombstones of erased leads and the coordinator's settings.
    Migration{10, web::schema_step_10},
    // 11: what became of each batch delivered (POST /v1/batches) once read: the reply (the
    // per-lead results with their signed receipt, as POST /v1/leads gives them), or the reason
    // it was refused whole. The bodies wait in inbox.db (register/batch_inbox.h) until read.
    Migration{11, R"sql(
CREATE TABLE checked_batches (
    device_id    INTEGER NOT NULL REFERENCES devices (id),
    batch_sha256 TEXT NOT NULL,
    checked_at   TEXT NOT NULL,
    reply        TEXT,
    refusal      TEXT,
    PRIMARY KEY (device_id, batch_sha256)
) STRICT;
)sql"},
};

}  // namespace

Result<RegisterStore> RegisterStore::open(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) {
        return make_error(dir.string() + ": not a register directory (create one with: flytthit-register init " +
                          dir.string() + ")");
    }
    auto db = Database::open(dir / database_file_name);
    if (!db) return db.error();
    sqlite3_db_config(db->raw(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    // As on the kiosk: an acknowledged lead must survive a power cut at the register too.
    if (auto set = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                            "PRAGMA trusted_schema = OFF;");
        !set) {
        return set.error();
    }
    if (auto migrated = migrate(*db, register_migrations); !migrated) return migrated.error();
    auto inbox = BatchInbox::open(dir);
    if (!inbox) return inbox.error();
    return RegisterStore(std::move(*db), std::move(*inbox));
}

Result<Device> RegisterStore::add_device(const std::string& name, const std::string& token_hash) {
    auto insert = db_.prepare("INSERT INTO devices (name, token_hash, created_at) VALUES (?1, ?2, ?3)");
    if (!insert) return insert.error();
    insert->bind(1, name).bind(2, token_hash).bind(3, utc_timestamp_now());
    if (auto ran = insert->run(); !ran) return with_context("adding device \"" + name + "\"", ran.error());
    return Device{sqlite3_last_insert_rowid(db_.raw()), name};
}

std::optional<Device> RegisterStore::device_by_name(const std::string& name) {
    auto select = db_.prepare("SELECT id, name FROM devices WHERE name = ?1");
    if (!select) return std::nullopt;
    select->bind(1, name);
    auto row = select->step();
    if (!row || !*row) return std::nullopt;
    return Device{select->column_int(0), select->column_text(1)};
}

Result<std::optional<Device>> RegisterStore::device_by_token_hash(const std::string& token_hash) {
    // Every device's hash is compared, in constant time, whether or not one matched already:
    // how long this takes says nothing about any token.
    auto select = db_.prepare("SELECT id, name, token_hash FROM devices WHERE revoked_at IS NULL");
    if (!select) return with_context("looking up a device token", select.error());
    std::optional<Device> found;
    for (;;) {
        auto row = select->step();
        // A store that cannot answer must not be taken for "no such token": that would tell a
        // kiosk to re-pair when the register is what is broken.
        if (!row) return Error{"looking up a device token: " + row.error().message, ErrorKind::unavailable};
        if (!*row) break;
        const std::string stored = select->column_text(2);
        if (stored.size() == token_hash.size() && sodium_memcmp(stored.data(), token_hash.data(), stored.size()) == 0) {
            found = Device{select->column_int(0), select->column_text(1)};
        }
    }
    return found;
}

Result<std::vector<protocol::LeadAck>> RegisterStore::store_batch(const Device& device,
                                                                  const std::vector<protocol::ReceivedItem>& items) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return transaction.error();
    auto acks = store_items(device, items);
    if (!acks) return acks.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return acks;
}

Result<std::vector<protocol::LeadAck>> RegisterStore::store_items(const Device& device,
                                                                  const std::vector<protocol::ReceivedItem>& items) {
    using protocol::AckStatus;
    auto existing = db_.prepare("SELECT canonical, device_id FROM leads WHERE id = ?1");
    auto insert_lead = db_.prepare(
        "INSERT INTO leads (id, device_id, received_at, created_utc, time_status, canonical, rating, staff_note, follow_up) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    auto insert_place = db_.prepare("INSERT OR IGNORE INTO lead_municipalities (lead_id, municipality) VALUES (?1, ?2)");
    auto annotate = db_.prepare("UPDATE leads SET rating = ?2, staff_note = ?3, follow_up = ?4 WHERE id = ?1");
    auto insert_conflict = db_.prepare(
        "INSERT OR IGNORE INTO conflicts (lead_id, device_id, received_at, canonical) VALUES (?1, ?2, ?3, ?4)");
    auto tombstone = db_.prepare("SELECT 1 FROM tombstones WHERE lead_id = ?1");
    for (auto* statement : {&existing, &insert_lead, &insert_place, &annotate, &insert_conflict, &tombstone}) {
        if (!*statement) return statement->error();
    }
    const std::string now = utc_timestamp_now();
    std::vector<protocol::LeadAck> acks;
    for (const auto& item : items) {
        // An annotation the register could not read is not applied (nothing stored is
        // overwritten with empty fields); the kiosk learns why from the reason.
        protocol::LeadAck ack{item.id, AckStatus::stored, item.staff_problem};
        if (!item.lead) {
            ack.status = AckStatus::rejected;
            ack.reason = item.problem;
            acks.push_back(std::move(ack));
            continue;
        }
        // A lead whose person was erased (register/web) is acknowledged and never stored again.
        tombstone->reset();
        tombstone->bind(1, item.id);
        auto erased = tombstone->step();
        if (!erased) return erased.error();
        if (*erased) {
            ack.status = AckStatus::duplicate;
            acks.push_back(std::move(ack));
            continue;
        }
        existing->reset();
        existing->bind(1, item.id);
        auto found = existing->step();
        if (!found) return found.error();
        if (*found) {
            if (existing->column_text(0) == item.canonical_lead) {
                ack.status = AckStatus::duplicate;
                const StaffAnnotation& staff = item.lead->staff;
                // Only the device that sent the lead may change its annotation, and what it
                // sends is its whole annotation: an empty field clears, as on the kiosk.
                if (item.has_staff && existing->column_int(1) != device.id) {
                    ack.reason = "the annotation was not applied: another device sent this lead";
                } else if (item.has_staff) {
                    annotate->reset();
                    annotate->bind(1, item.id).bind(2, staff.rating).bind(3, staff.note).bind(4, staff.follow_up);
                    if (auto ran = annotate->run(); !ran) return ran.error();
                }
            } else {
                ack.status = AckStatus::conflict;
                ack.reason = "another lead with this id is already stored; this one is kept aside for review";
                insert_conflict->reset();
                insert_conflict->bind(1, item.id).bind(2, device.id).bind(3, now).bind(4, item.canonical_lead);
                if (auto ran = insert_conflict->run(); !ran) return ran.error();
            }
            acks.push_back(std::move(ack));
            continue;
        }
        const bool corrected = item.clock.status == "corrected" && !item.clock.corrected_utc.empty();
        const StaffAnnotation& staff = item.lead->staff;
        insert_lead->reset();
        insert_lead->bind(1, item.id)
            .bind(2, device.id)
            .bind(3, now)
            .bind(4, corrected ? item.clock.corrected_utc : item.lead->created.wall_clock_utc)
            .bind(5, std::string(corrected ? "corrected" : "approximate"))
            .bind(6, item.canonical_lead)
            .bind(7, staff.rating)
            .bind(8, staff.note)
            .bind(9, staff.follow_up);
        if (auto ran = insert_lead->run(); !ran) return with_context("storing lead " + item.id, ran.error());
        for (const auto& municipality : item.lead->draft.municipalities) {
            insert_place->reset();
            insert_place->bind(1, item.id).bind(2, municipality);
            if (auto ran = insert_place->run(); !ran) return ran.error();
        }
        acks.push_back(std::move(ack));
    }
    auto seen = db_.prepare("UPDATE devices SET last_seen_at = ?2 WHERE id = ?1");
    if (!seen) return seen.error();
    seen->bind(1, device.id).bind(2, now);
    if (auto ran = seen->run(); !ran) return ran.error();
    return acks;
}

namespace {

// Records what became of a delivered batch, once.
Status record_checked(Database& db, const Device& device, const std::string& batch_sha256, const std::optional<std::string>& reply,
                      const std::optional<std::string>& refusal) {
    auto insert = db.prepare(
        "INSERT OR IGNORE INTO checked_batches (device_id, batch_sha256, checked_at, reply, refusal) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, device.id).bind(2, batch_sha256).bind(3, utc_timestamp_now()).bind_optional(4, reply).bind_optional(5, refusal);
    return insert->run();
}

}  // namespace

Status RegisterStore::store_checked_batch(const Device& device, const std::string& batch_sha256,
                                          const std::vector<protocol::ReceivedItem>& items, const ReplyFor& reply_for) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return transaction.error();
    auto known = checked_state(device, batch_sha256);
    if (!known) return known.error();
    if (known->kind != BatchState::Kind::unknown) return ok_status();
    auto acks = store_items(device, items);
    if (!acks) return acks.error();
    auto reply = reply_for(*acks);
    if (!reply) return reply.error();
    if (auto recorded = record_checked(db_, device, batch_sha256, *reply, std::nullopt); !recorded) return recorded;
    return transaction->commit();
}

Status RegisterStore::refuse_batch(const Device& device, const std::string& batch_sha256, const std::string& reason) {
    return record_checked(db_, device, batch_sha256, std::nullopt, reason);
}

Result<BatchState> RegisterStore::checked_state(const Device& device, const std::string& batch_sha256) {
    auto select = db_.prepare("SELECT reply, refusal FROM checked_batches WHERE device_id = ?1 AND batch_sha256 = ?2");
    if (!select) return select.error();
    select->bind(1, device.id).bind(2, batch_sha256);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return BatchState{BatchState::Kind::unknown, {}};
    if (auto reply = select->column_optional_text(0)) return BatchState{BatchState::Kind::checked, *reply};
    return BatchState{BatchState::Kind::refused, select->column_optional_text(1).value_or("refused")};
}

Result<RegisterStats> RegisterStore::stats() {
    RegisterStats stats;
    auto leads = db_.query_int("SELECT count(*) FROM leads");
    auto conflicts = db_.query_int("SELECT count(*) FROM conflicts");
    auto devices = db_.query_int("SELECT count(*) FROM devices");
    auto waiting = inbox_->waiting();
    auto refused = db_.query_int("SELECT count(*) FROM checked_batches WHERE refusal IS NOT NULL");
    for (auto* count : {&leads, &conflicts, &devices, &waiting, &refused}) {
        if (!*count) return count->error();
    }
    stats.batches_waiting = *waiting;
    stats.batches_refused = *refused;
    stats.leads = *leads;
    stats.conflicts = *conflicts;
    stats.devices = *devices;
    auto per = db_.prepare(
        "SELECT municipality, count(*) FROM lead_municipalities GROUP BY municipality ORDER BY municipality");
    if (!per) return per.error();
    for (;;) {
        auto row = per->step();
        if (!row) return row.error();
        if (!*row) break;
        stats.per_municipality.emplace_back(per->column_text(0), per->column_int(1));
    }
    return stats;
}

}  // namespace flytthit::reg
