// The lead store; see lead_store.h.
#include "firmware/store/lead_store.h"

#include "common/base/device_clock.h"
#include "common/lead/lead_json.h"
#include "firmware/store/lead_rows.h"
#include "common/base/random_id.h"
#include "common/protocol/pairing.h"
#include "firmware/store/lead_schema.h"
#include "common/protocol/sealing.h"
#include "common/base/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

namespace flytthit {

namespace {

// Settings applied on every connection: SQLite keeps none of these in the file except
// journal_mode, and builds may default WAL to synchronous=NORMAL, which can roll back the
// last commits after a power loss. FULL syncs the WAL on every commit.
constexpr const char* connection_setup = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA secure_delete = ON;
PRAGMA foreign_keys = ON;
PRAGMA trusted_schema = OFF;
)sql";

std::string json_list(const auto& values) { return nlohmann::json(values).dump(); }

std::string describe_problems(const std::vector<ValidationProblem>& problems) {
    std::string text = "invalid lead:";
    for (const auto& problem : problems) text += " " + problem.field + " (" + problem.message_key + ")";
    return text;
}

}  // namespace

Result<LeadStore> LeadStore::open(const std::filesystem::path& data_dir) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error) return make_error("creating data directory " + data_dir.string() + ": " + error.message());

    auto db = Database::open(data_dir / database_file_name);
    if (!db) return db.error();
    // Defensive mode: no writes to the schema or shadow tables through SQL, whatever a
    // later bug or hostile input might try.
    sqlite3_db_config(db->raw(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (auto set = db->exec(connection_setup); !set) return set.error();
    auto mode = db->query_text("PRAGMA journal_mode");
    if (!mode) return mode.error();
    if (*mode != "wal") {
        return make_error(db->path().string() + ": could not switch to WAL journal (got \"" + *mode +
                          "\"); is the data directory on a file system that supports it?");
    }
    auto version_before = db->query_int("PRAGMA user_version");
    if (!version_before) return version_before.error();
    if (auto migrated = migrate_to_latest(*db); !migrated) return migrated.error();
    LeadStore store(std::move(*db), data_dir);
    // Only a store from before sealing (schema 4) can hold clear rows; a newer one is not
    // scanned, so start time does not grow with the leads stored.
    if (*version_before < 4) {
        if (auto sealed = store.seal_clear_rows(); !sealed) return sealed.error();
    }
    return store;
}

Status LeadStore::seal_clear_rows() {
    auto select = db_.prepare(R"sql(
SELECT id, contact_name, contact_phone, contact_email, children_birth_years, free_text, staff_note FROM leads
WHERE contact_name != '' OR contact_phone != '' OR contact_email != '' OR free_text != ''
   OR children_birth_years != '[]' OR staff_note != '')sql");
    if (!select) return select.error();
    struct ClearRow {
        std::string id;
        PersonalData personal;
        std::string note;
    };
    std::vector<ClearRow> rows;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) break;
        ClearRow clear{select->column_text(0),
                       {{select->column_text(1), select->column_text(2), select->column_text(3)}, {}, select->column_text(5), {}},
                       select->column_text(6)};
        const auto years = nlohmann::json::parse(select->column_text(4), nullptr, false);
        if (years.is_array()) {
            for (const auto& year : years) {
                if (year.is_number_integer()) clear.personal.children_birth_years.push_back(year.get<int>());
            }
        }
        rows.push_back(std::move(clear));
    }
    if (rows.empty()) return ok_status();
    auto key = current_sealing_key(data_dir_);
    if (!key) return with_context("sealing leads an older kiosk stored in clear", key.error());
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return transaction.error();
    auto update = db_.prepare(R"sql(
UPDATE leads SET sealed_personal = ?2, sealed_note = ?3, sealed_to = ?4, initials = ?5, children_count = ?6,
    contact_name = '', contact_phone = '', contact_email = '', children_birth_years = '[]', free_text = '', staff_note = ''
WHERE id = ?1)sql");
    if (!update) return update.error();
    for (const auto& row : rows) {
        update->reset();
        update->bind(1, row.id)
            .bind_blob(2, seal(personal_to_json(row.personal), *key))
            .bind_blob(3, row.note.empty() ? SealedBox{} : seal(row.note, *key))
            .bind(4, key->public_hex)
            .bind(5, initials_of(row.personal.contact.name))
            .bind(6, static_cast<std::int64_t>(row.personal.children_birth_years.size()));
        if (auto ran = update->run(); !ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    // secure_delete zeroed the old pages in the database; the WAL still holds them until a
    // checkpoint, so take one and truncate it.
    return db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<Lead> LeadStore::add(const LeadDraft& given, const ValidationRules& rules) {
    const LeadDraft draft = normalised(given);
    if (auto problems = validate_lead(draft, rules); !problems.empty()) return make_error(describe_problems(problems));

    // Seal before anything touches SQLite: plaintext must never reach a page, the WAL or a
    // free page.
    auto key = sealing_key();
    if (!key) return with_context("storing lead", key.error());
    if (auto ready = seal_ready_for(*key); !ready) return with_context("storing lead", ready.error());
    const SealedBox sealed = next_seal_->seal(personal_to_json(personal_part(draft)));
    next_seal_.reset();  // spent: one key pair, one box
    if (sealed.empty()) return make_error("storing lead: sealing failed");

    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return with_context("storing lead", transaction.error());

    auto id = new_uuid_v4();
    if (!id) return with_context("storing lead", id.error());
    Lead lead;
    lead.id = *id;
    lead.created = created_now();
    lead.consent_given_at = lead.created.wall_clock_utc;
    lead.draft = draft;
    clear_personal(lead.draft);
    lead.sealed = {sealed, {}, key->public_hex, initials_of(draft.contact.name),
                   static_cast<int>(draft.household.children_birth_years.size())};

    if (!insert_) {
        auto prepared = db_.prepare(R"sql(
INSERT INTO leads (id, created_wall_utc, boot_id, created_monotonic_ns, event_id, language,
                   consent_text_version, consent_given_at, adults, children_birth_years,
                   municipalities, topics, contact_name, contact_phone, contact_email, free_text,
                   campaign_id, staff_assisted, sealed_personal, sealed_to, initials, children_count,
                   privacy_notice_version)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '[]', ?11, ?12, '', '', '', '', ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql");
        if (!prepared) return prepared.error();
        insert_.emplace(std::move(*prepared));
    }
    Statement& insert = *insert_;
    insert.reset();
    insert.bind(1, lead.id)
        .bind(2, lead.created.wall_clock_utc)
        .bind(3, lead.created.boot_id)
        .bind(4, lead.created.monotonic_ns)
        .bind(5, draft.event_id)
        .bind(6, std::string(language_code(draft.language)))
        .bind(7, draft.consent.text_version)
        .bind(8, lead.consent_given_at)
        .bind(9, std::int64_t{draft.household.adults})
        .bind(11, json_list(draft.municipalities))
        .bind(12, json_list(draft.topics))
        .bind(17, draft.campaign_id)
        .bind(18, std::int64_t{draft.staff_assisted ? 1 : 0})
        .bind_blob(19, lead.sealed.personal)
        .bind(20, lead.sealed.sealed_to)
        .bind(21, lead.sealed.initials)
        .bind(22, std::int64_t{lead.sealed.children_count})
        .bind(23, draft.privacy_notice_version);
    if (auto inserted = insert.run(); !inserted) return with_context("storing lead " + lead.id, inserted.error());
    if (auto committed = transaction->commit(); !committed) return with_context("committing lead " + lead.id, committed.error());
    return lead;
}

Status LeadStore::prepare_next_seal() {
    // One ready is enough, whatever the key: add() checks it against the key of the moment.
    // So a tick with one ready costs nothing, not even the stat of pairing.json.
    if (next_seal_) return ok_status();
    auto key = sealing_key();
    if (!key) return with_context("preparing the next lead's sealing", key.error());
    if (auto ready = seal_ready_for(*key); !ready) return with_context("preparing the next lead's sealing", ready.error());
    return ok_status();
}

void LeadStore::defer_checkpoints(int checkpoint_pages) {
    wal_pages_->checkpoint_at = std::max(1, checkpoint_pages);
    // A WAL hook of our own replaces SQLite's automatic checkpoint, which is one too.
    sqlite3_wal_hook(
        db_.raw(),
        [](void* pages, sqlite3*, const char*, int pages_in_wal) {
            static_cast<WalPages*>(pages)->after_last_commit = pages_in_wal;
            return SQLITE_OK;
        },
        wal_pages_.get());
}

bool LeadStore::checkpoint_due() const {
    return wal_pages_->checkpoint_at > 0 && wal_pages_->after_last_commit >= wal_pages_->checkpoint_at;
}

void LeadStore::checkpoint_taken() { wal_pages_->after_last_commit = 0; }

Status LeadStore::seal_ready_for(const SealingKey& key) {
    if (next_seal_ && next_seal_->recipient_hex() == key.public_hex) return ok_status();  // else none, or paired since
    auto prepared = PreparedSeal::make(key);
    if (!prepared) return prepared.error();
    next_seal_.emplace(std::move(*prepared));
    return ok_status();
}

Result<SealingKey> LeadStore::sealing_key() {
    std::error_code error;
    const auto stamp = std::filesystem::last_write_time(data_dir_ / pairing_file_name, error);
    const auto current = error ? std::filesystem::file_time_type{} : stamp;
    if (!cached_key_ || current != cached_key_stamp_) {
        auto key = current_sealing_key(data_dir_);
        if (!key) {
            cached_key_.reset();
            return key.error();
        }
        cached_key_ = *key;
        cached_key_stamp_ = current;
    }
    return *cached_key_;
}

Result<std::int64_t> LeadStore::count() { return db_.query_int("SELECT count(*) FROM leads"); }

Result<std::int64_t> LeadStore::count_pending() {
    return db_.query_int("SELECT count(*) FROM leads WHERE sync_state = 'pending'");
}

Status LeadStore::for_each_lead(const std::function<void(const Lead&)>& visit) {
    auto select = db_.prepare(std::string("SELECT ") + detail::lead_columns + " FROM leads ORDER BY rowid");
    if (!select) return select.error();
    for (;;) {
        auto row = select->step();
        if (!row) return with_context("reading leads", row.error());
        if (!*row) return ok_status();
        visit(detail::read_lead(*select));
    }
}

Result<std::vector<Lead>> LeadStore::pending_leads(std::size_t limit, const std::string& after_id) {
    auto select = db_.prepare(std::string("SELECT ") + detail::lead_columns +
                              " FROM leads WHERE sync_state = 'pending'"
                              " AND (?2 = '' OR rowid > (SELECT rowid FROM leads WHERE id = ?2))"
                              " AND NOT EXISTS (SELECT 1 FROM delivered_leads WHERE lead_id = leads.id) ORDER BY rowid LIMIT ?1");
    if (!select) return select.error();
    select->bind(1, static_cast<std::int64_t>(limit)).bind(2, after_id);
    std::vector<Lead> leads;
    for (;;) {
        auto row = select->step();
        if (!row) return with_context("reading pending leads", row.error());
        if (!*row) return leads;
        leads.push_back(detail::read_lead(*select));
    }
}

Status LeadStore::record_sync_outcomes(const std::vector<SyncOutcome>& outcomes, const SyncReceipt& receipt,
                                       const std::optional<std::string>& from_delivery) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return with_context("recording sync results", transaction.error());
    const std::string now = utc_timestamp_now();
    auto keep = db_.prepare("INSERT OR IGNORE INTO receipts (batch_sha256, signature, signed_text, received_at) VALUES (?1, ?2, ?3, ?4)");
    if (!keep) return keep.error();
    keep->bind(1, receipt.batch_sha256).bind(2, receipt.signature).bind(3, receipt.signed_text).bind(4, now);
    if (auto ran = keep->run(); !ran) return with_context("keeping the register's receipt", ran.error());
    // A lead acknowledged again (resent with a new annotation) keeps the receipt it has. A
    // delivered batch's results change only the leads still in it: one annotated since waits
    // for the results of the batch that carries its annotation.
    auto update = db_.prepare(R"sql(
UPDATE leads SET sync_state = ?2, synced_at = ?3, sync_error = ?4,
    receipt_sha256 = CASE WHEN ?2 = 'synced' THEN coalesce(receipt_sha256, ?5) ELSE receipt_sha256 END
WHERE id = ?1 AND sync_state = 'pending'
  AND (?6 IS NULL OR EXISTS (SELECT 1 FROM delivered_leads WHERE lead_id = ?1 AND batch_sha256 = ?6))
  AND (?7 IS NULL OR (rating = ?7 AND follow_up = ?8 AND coalesce(sealed_note, X'') = coalesce(?9, X''))))sql");
    if (!update) return update.error();
    for (const SyncOutcome& outcome : outcomes) {
        update->bind(1, outcome.lead_id)
            .bind(2, std::string(sync_state_name(outcome.state)))
            .bind(3, now)
            .bind_optional(4, outcome.reason.empty() ? std::nullopt : std::optional(outcome.reason))
            .bind(5, receipt.batch_sha256)
            .bind_optional(6, from_delivery);
        if (outcome.as_sent) {
            update->bind(7, outcome.as_sent->rating).bind(8, outcome.as_sent->follow_up).bind_blob(9, outcome.as_sent->sealed_note);
        } else {
            update->bind_null(7).bind_null(8).bind_null(9);
        }
        if (auto ran = update->run(); !ran) return with_context("recording sync result for " + outcome.lead_id, ran.error());
        update->reset();
    }
    if (from_delivery) {
        if (auto done = forget_delivery(*from_delivery); !done) return done;
    }
    return transaction->commit();
}

Status LeadStore::record_delivery(const std::vector<SentLead>& leads, const SyncReceipt& receipt) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return with_context("recording a delivery", transaction.error());
    std::string joined;
    for (const auto& lead : leads) joined += lead.id + "\n";
    auto keep = db_.prepare(
        "INSERT OR IGNORE INTO deliveries (batch_sha256, signature, signed_text, lead_ids, delivered_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!keep) return keep.error();
    keep->bind(1, receipt.batch_sha256).bind(2, receipt.signature).bind(3, receipt.signed_text).bind(4, joined);
    keep->bind(5, utc_timestamp_now());
    if (auto ran = keep->run(); !ran) return with_context("keeping the register's word of delivery", ran.error());
    auto mark = db_.prepare(
        "INSERT OR IGNORE INTO delivered_leads (lead_id, batch_sha256) "
        "SELECT id, ?2 FROM leads WHERE id = ?1 AND sync_state = 'pending' "
        "AND rating = ?3 AND follow_up = ?4 AND coalesce(sealed_note, X'') = coalesce(?5, X'')");
    if (!mark) return mark.error();
    for (const auto& lead : leads) {
        mark->bind(1, lead.id).bind(2, receipt.batch_sha256).bind(3, lead.rating).bind(4, lead.follow_up).bind_blob(5, lead.sealed_note);
        if (auto ran = mark->run(); !ran) return with_context("marking " + lead.id + " delivered", ran.error());
        mark->reset();
    }
    return transaction->commit();
}

Result<std::vector<Delivery>> LeadStore::deliveries() {
    auto select = db_.prepare("SELECT batch_sha256, lead_ids FROM deliveries ORDER BY rowid");
    if (!select) return select.error();
    std::vector<Delivery> found;
    for (;;) {
        auto row = select->step();
        if (!row) return with_context("reading deliveries", row.error());
        if (!*row) return found;
        Delivery delivery{select->column_text(0), {}};
        const std::string ids = select->column_text(1);
        for (std::size_t start = 0; start < ids.size();) {
            const std::size_t end = ids.find('\n', start);
            delivery.lead_ids.push_back(ids.substr(start, end - start));
            start = end == std::string::npos ? ids.size() : end + 1;
        }
        found.push_back(std::move(delivery));
    }
}

Status LeadStore::take_back_delivery(const std::string& batch_sha256) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return with_context("taking back a delivery", transaction.error());
    if (auto done = forget_delivery(batch_sha256); !done) return done;
    return transaction->commit();
}

Status LeadStore::forget_delivery(const std::string& batch_sha256) {
    for (const char* sql : {"DELETE FROM delivered_leads WHERE batch_sha256 = ?1", "DELETE FROM deliveries WHERE batch_sha256 = ?1"}) {
        auto forget = db_.prepare(sql);
        if (!forget) return forget.error();
        forget->bind(1, batch_sha256);
        if (auto ran = forget->run(); !ran) return with_context("forgetting a delivery", ran.error());
    }
    return ok_status();
}

Result<std::int64_t> LeadStore::count_in_state(SyncState state) {
    auto count = db_.prepare("SELECT count(*) FROM leads WHERE sync_state = ?1");
    if (!count) return count.error();
    count->bind(1, std::string(sync_state_name(state)));
    auto row = count->step();
    if (!row) return row.error();
    return count->column_int(0);
}

Result<DurabilitySettings> LeadStore::durability_settings() {
    DurabilitySettings settings;
    auto mode = db_.query_text("PRAGMA journal_mode");
    if (!mode) return mode.error();
    auto synchronous = db_.query_int("PRAGMA synchronous");
    if (!synchronous) return synchronous.error();
    auto secure_delete = db_.query_int("PRAGMA secure_delete");
    if (!secure_delete) return secure_delete.error();
    settings.journal_mode = *mode;
    settings.synchronous = static_cast<int>(*synchronous);
    settings.secure_delete = static_cast<int>(*secure_delete);
    return settings;
}

}  // namespace flytthit
