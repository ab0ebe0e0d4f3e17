// The lead store: every sign-up in one SQLite database in the data directory. A lead is
// committed in its own transaction with the WAL synced (synchronous=FULL), so when add()
// returns, the lead survives a power cut. Single-threaded: one LeadStore per thread.
#pragma once

#include "common/lead/lead.h"
#include "common/lead/lead_validation.h"
#include "common/base/local_time.h"
#include "common/base/result.h"
#include "common/protocol/sealing.h"
#include "common/base/sqlite_db.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace flytthit {

// The durability settings actually in force on the connection, read back from SQLite.
struct DurabilitySettings {
    std::string journal_mode;  // "wal"
    int synchronous = 0;       // 2 = FULL
    int secure_delete = 0;     // 1 = on
};

// A lead as a batch carried it: its id and the staff's annotation then. Recording the batch
// (delivered, or its results) changes a lead only while its annotation still reads so: one
// staff saved after the batch was read goes in a later batch instead of being taken as sent.
struct SentLead {
    std::string id;
    std::string rating;
    std::string follow_up;
    std::vector<unsigned char> sealed_note;  // sealed anew on every save, so a new note always differs

    static SentLead of(const Lead& lead) { return {lead.id, lead.staff.rating, lead.staff.follow_up, lead.sealed.note}; }
};

// The register's answer for one lead.
struct SyncOutcome {
    std::string lead_id;
    SyncState state = SyncState::synced;  // synced, rejected or conflict
    std::string reason;                   // for rejected and conflict
    std::optional<SentLead> as_sent;      // when set, applied only if the lead's annotation still reads so
};

// The register's signed receipt for one batch, verified by the sync client before it is
// recorded (common/protocol/receipt.h): the batch's SHA-256, the signature, and the text signed.
struct SyncReceipt {
    std::string batch_sha256;
    std::string signature;
    std::string signed_text;
};

// A batch the register holds as delivered and has not yet answered for (POST /v1/batches).
struct Delivery {
    std::string batch_sha256;
    std::vector<std::string> lead_ids;  // every id the batch held, in its order
};

// The end-of-fair reconciliation of one event: what the stand took, what the register has
// acknowledged holding under a verified receipt, what it refused or set aside, what is missing.
struct Reconciliation {
    std::int64_t taken = 0;
    std::int64_t acknowledged = 0;  // held by the register, under a signed receipt (of results or of delivery)
    std::int64_t set_aside = 0;     // rejected or in conflict: held at the kiosk, with the reason
    std::int64_t missing = 0;       // not yet acknowledged (pending, or synced before receipts)
};

// A fair or event the kiosk stands at. Every lead is tagged with the current event's id.
struct Event {
    std::string id;        // "oslo-plaza-2026-11-23"
    std::string name;      // "Oslo Plaza"
    std::string place;
    std::string date;      // YYYY-MM-DD
    std::string campaign_id;
    std::vector<std::string> municipalities;  // present at the stand
};

struct LeadCounters {
    std::int64_t today = 0;       // the staff's local day, every event (like total and pending)
    std::int64_t this_event = 0;
    std::int64_t pending = 0;
    std::int64_t total = 0;
    std::vector<std::pair<std::string, std::int64_t>> per_municipality;  // this event
    std::vector<std::pair<std::string, std::int64_t>> per_campaign;      // this event
};

class LeadStore {
public:
    // Opens or creates <data_dir>/leads.db, creating data_dir if needed, and migrates it.
    static Result<LeadStore> open(const std::filesystem::path& data_dir);

    static constexpr const char* database_file_name = "leads.db";
    // Where this store lives: open() it again for a connection of its own (another thread's).
    const std::filesystem::path& data_dir() const { return data_dir_; }

    // Validates draft with rules, then stores it in one transaction: the id is made inside
    // that transaction and the lead is on disk when this returns. On any error nothing is
    // stored; an invalid draft is refused with its problems listed by field.
    Result<Lead> add(const LeadDraft& draft, const ValidationRules& rules);
    // Makes the next lead's sealing key pair now, between sign-ups (the kiosk's tick calls
    // it), so add() seals without the X25519 operations. Does nothing while one is ready;
    // add() makes its own when none is, or when the one ready is for a key paired away.
    Status prepare_next_seal();

    // SQLite's default: a checkpoint is due once the WAL holds this many pages.
    static constexpr int default_checkpoint_pages = 1000;
    // Sign-ups on this connection commit without checkpointing. SQLite's automatic checkpoint
    // runs inside the commit that crosses its threshold: one sign-up in about 250 would wait
    // for megabytes written to the database and its fsync before the visitor sees
    // "registered". After this, the owner asks checkpoint_due() between sign-ups and runs
    // checkpoint_wal() (wal_checkpoints.h) off the commit's path; until one runs the WAL only
    // grows, and no commit is less durable for it.
    void defer_checkpoints(int checkpoint_pages = default_checkpoint_pages);
    // The WAL held at least the threshold's pages after this connection's last commit, and no
    // checkpoint was taken since (checkpoint_taken()). Always false unless deferred.
    bool checkpoint_due() const;
    // A checkpoint of this database finished (on any connection): due again only after more
    // commits fill the WAL.
    void checkpoint_taken();
    // The threshold defer_checkpoints() set, in pages; 0 while SQLite checkpoints by itself.
    int checkpoint_pages() const { return wal_pages_->checkpoint_at; }

    Result<std::int64_t> count();
    Result<std::int64_t> count_pending();

    // Calls visit for each lead in the order they were stored. Stops at the first error.
    Status for_each_lead(const std::function<void(const Lead&)>& visit);

    // Up to limit pending leads not in a delivered batch, oldest first: the next batch to send.
    // With after_id, only leads stored after that one: the batch after one not yet recorded.
    Result<std::vector<Lead>> pending_leads(std::size_t limit, const std::string& after_id = {});

    // Records what the register answered for leads, with the signed receipt it came under, in
    // one transaction. Only pending leads change, so recording the same answer twice changes
    // nothing; the receipt is kept (once) for the reconciliation. With from_delivery, only
    // leads still in that delivered batch change, and the delivery is done.
    Status record_sync_outcomes(const std::vector<SyncOutcome>& outcomes, const SyncReceipt& receipt,
                                const std::optional<std::string>& from_delivery = std::nullopt);
    // Records that the register holds the batch of leads as delivered, under its signed word
    // (receipt): those still pending, in no other batch and annotated as sent are not sent
    // again, in one transaction.
    Status record_delivery(const std::vector<SentLead>& leads, const SyncReceipt& receipt);
    // The batches delivered whose results have not come, oldest first.
    Result<std::vector<Delivery>> deliveries();
    // The register refused or lost a delivered batch: its leads are pending to send again.
    Status take_back_delivery(const std::string& batch_sha256);
    // The reconciliation of the event event_id (lead_store_staff.cpp).
    Result<Reconciliation> reconciliation(const std::string& event_id);

    Result<std::int64_t> count_in_state(SyncState state);

    Result<DurabilitySettings> durability_settings();

    // --- Staff mode (lead_store_staff.cpp) ---

    // Small persistent settings: the PIN's hash, the current event, the last sync's result.
    Result<std::optional<std::string>> setting(const std::string& key);
    Status set_setting(const std::string& key, const std::string& value);

    Status save_event(const Event& event);  // insert or replace by id
    Result<std::vector<Event>> events();
    Result<std::optional<Event>> event(const std::string& id);

    Result<std::optional<Lead>> lead(const std::string& id);
    // Newest first; event_id empty: every event.
    Result<std::vector<Lead>> leads_page(const std::string& event_id, std::size_t offset, std::size_t limit);
    Result<std::int64_t> count_leads(const std::string& event_id);
    // Saves the staff's rating, note (sealed; an empty note keeps the one sealed before unless
    // annotation.note_cleared, which deletes it, and the register's copy on the next sync) and
    // follow-up. A lead already synced becomes pending again, so the register gets the
    // annotation too (as a duplicate with news). A lead whose personal data was purged after
    // sync cannot be annotated any more.
    Status annotate(const std::string& lead_id, const StaffAnnotation& annotation);
    Result<LeadCounters> counters(const std::string& event_id, const UtcSpan& today);

    const std::filesystem::path& database_path() const { return db_.path(); }

    // Deletes the sealed personal data of leads the register acknowledged more than
    // retention_days ago; the leads (and so the counters) stay. Returns how many were purged.
    Result<std::int64_t> purge_personal_data(int retention_days);

private:
    LeadStore(Database db, std::filesystem::path data_dir) : db_(std::move(db)), data_dir_(std::move(data_dir)) {}
    // Deletes a delivery's row, inside the caller's transaction.
    Status forget_delivery(const std::string& batch_sha256);
    // Seals rows an older kiosk stored in clear, and flushes the clear pages out of the WAL.
    Status seal_clear_rows();
    // The key to seal to, read again only when pairing.json changes (a stat per sign-up, not
    // a file read and a JSON parse).
    Result<SealingKey> sealing_key();
    // Makes next_seal_ a preparation for key, unless it is one already.
    Status seal_ready_for(const SealingKey& key);

    // Pages in the WAL after this connection's last commit, as SQLite's WAL hook reports them:
    // on the heap, so the address SQLite holds survives the store being moved, and declared
    // before db_ so it outlives the connection.
    struct WalPages {
        int after_last_commit = 0;
        int checkpoint_at = 0;  // 0: not deferred, SQLite checkpoints by itself
    };
    std::unique_ptr<WalPages> wal_pages_ = std::make_unique<WalPages>();
    Database db_;
    std::filesystem::path data_dir_;
    std::optional<Statement> insert_;  // prepared once: a sign-up should cost one fsync, not a parse
    std::optional<SealingKey> cached_key_;
    std::filesystem::file_time_type cached_key_stamp_{};
    std::optional<PreparedSeal> next_seal_;  // for the next add(), made by prepare_next_seal()
};

}  // namespace flytthit
