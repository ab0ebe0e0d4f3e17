// The lead store's schema steps; see lead_schema.h. Never edit a step once it has
// shipped: add a new one.
#include "firmware/store/lead_schema.h"

#include <array>

namespace flytthit {

namespace {

constexpr std::array migrations{
    // 1: the first store. Lists are JSON arrays in TEXT columns: they are read whole, never
    // queried inside, and this keeps one row per sign-up (one write per commit).
    Migration{1, R"sql(
CREATE TABLE leads (
    id                     TEXT PRIMARY KEY NOT NULL,
    created_wall_utc       TEXT NOT NULL,
    boot_id                TEXT NOT NULL,
    created_monotonic_ns   INTEGER NOT NULL,
    event_id               TEXT NOT NULL,
    language               TEXT NOT NULL,
    consent_text_version   TEXT NOT NULL,
    consent_given_at       TEXT NOT NULL,
    adults                 INTEGER NOT NULL,
    children_birth_years   TEXT NOT NULL,
    municipalities         TEXT NOT NULL,
    topics                 TEXT NOT NULL,
    contact_name           TEXT NOT NULL,
    contact_phone          TEXT NOT NULL,
    contact_email          TEXT NOT NULL,
    free_text              TEXT NOT NULL,
    synced                 INTEGER NOT NULL DEFAULT 0
) STRICT;
)sql"},
    // 2: a named sync state with the moment the register acknowledged the lead, the reason
    // it gave when it refused one, and an index for "what is pending".
    Migration{2, R"sql(
ALTER TABLE leads ADD COLUMN sync_state TEXT NOT NULL DEFAULT 'pending'
    CHECK (sync_state IN ('pending', 'synced', 'rejected', 'conflict'));
ALTER TABLE leads ADD COLUMN synced_at TEXT;
ALTER TABLE leads ADD COLUMN sync_error TEXT;
UPDATE leads SET sync_state = 'synced' WHERE synced = 1;
ALTER TABLE leads DROP COLUMN synced;
CREATE INDEX leads_by_sync_state ON leads (sync_state);
)sql"},
    // 3: staff mode. Leads carry the campaign they came in under, whether staff helped, and
    // the staff's rating, note and follow-up municipality; events and small settings (the
    // PIN's hash, the current event, the last sync) get tables of their own.
    Migration{3, R"sql(
ALTER TABLE leads ADD COLUMN campaign_id TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN staff_assisted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN rating TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', 'hot', 'warm', 'cold'));
ALTER TABLE leads ADD COLUMN staff_note TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';
CREATE INDEX leads_by_event ON leads (event_id);
CREATE TABLE events (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    place          TEXT NOT NULL,
    date           TEXT NOT NULL,
    campaign_id    TEXT NOT NULL,
    municipalities TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
)sql"},
    // 4: personal data sealed at rest. The clear columns stay in the table but are left empty;
    // LeadStore::open seals any row an older kiosk left in clear (see seal_clear_rows).
    Migration{4, R"sql(
ALTER TABLE leads ADD COLUMN sealed_personal BLOB;
ALTER TABLE leads ADD COLUMN sealed_note BLOB;
ALTER TABLE leads ADD COLUMN sealed_to TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE leads ADD COLUMN children_count INTEGER NOT NULL DEFAULT 0;
)sql"},
    // 5: the privacy notice's version, stored with the consent beside consent_text_version.
    Migration{5, R"sql(
ALTER TABLE leads ADD COLUMN privacy_notice_version TEXT NOT NULL DEFAULT '';
)sql"},
    // 6: the register's signed receipts (common/protocol/receipt.h), kept for the end-of-fair
    // reconciliation, and for each lead the receipt under which the register acknowledged it.
    // Leads synced before receipts existed keep an empty receipt_sha256.
    Migration{6, R"sql(
CREATE TABLE receipts (
    batch_sha256 TEXT PRIMARY KEY NOT NULL,
    signature    TEXT NOT NULL,
    signed_text  TEXT NOT NULL,
    received_at  TEXT NOT NULL
) STRICT;
ALTER TABLE leads ADD COLUMN receipt_sha256 TEXT;
)sql"},
    // 7: batches delivered to the register (POST /v1/batches) whose results have not come yet:
    // the register's signed word that it holds the bytes, and the ids the batch held; and, in
    // a narrow table of its own (marking a delivery would otherwise rewrite every wide lead
    // row of the batch), each lead still in a delivered batch, so it is not sent again while
    // its result comes. An annotation since takes the lead out, and the batch's results then
    // leave it alone.
    Migration{7, R"sql(
CREATE TABLE deliveries (
    batch_sha256 TEXT PRIMARY KEY NOT NULL,
    signature    TEXT NOT NULL,
    signed_text  TEXT NOT NULL,
    lead_ids     TEXT NOT NULL,
    delivered_at TEXT NOT NULL
) STRICT;
CREATE TABLE delivered_leads (
    lead_id      TEXT PRIMARY KEY NOT NULL,
    batch_sha256 TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX delivered_leads_by_batch ON delivered_leads (batch_sha256);
)sql"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return migrations; }

int latest_schema_version() { return migrations.back().version; }

}  // namespace flytthit
