// A stolen kiosk reveals no personal data: a thousand leads with marker strings, then every
// byte of the data directory is searched for them. The register, after sync, has them in clear.
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "firmware/kiosk.h"
#include "common/content/builtin_content.h"
#include "firmware/store/lead_store.h"
#include "common/protocol/pairing.h"
#include "firmware/store/lead_schema.h"
#include "tests/register_process.h"
#include "firmware/staff/staff_mode.h"
#include "firmware/sync/sync_client.h"

#include <doctest/doctest.h>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::read_file;

namespace {

// Every file below dir, read whole: database, WAL, shared memory, journals, temporary files.
std::string every_byte(const std::filesystem::path& dir) {
    std::string bytes;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) bytes += read_file(entry.path());
    }
    return bytes;
}

LeadDraft marked_draft(int i) {
    LeadDraft draft = test::valid_draft("Markername" + std::to_string(i) + " Nordmann");
    draft.contact.email = "markermail" + std::to_string(i) + "@example.no";
    draft.contact.phone = "+47 4" + std::to_string(1000000 + i);
    draft.free_text = "Markerfree" + std::to_string(i) + " vil flytte til Tolga";
    draft.household.children_birth_years = {2011, 2013, 2017};
    return draft;
}

}  // namespace

TEST_CASE("a thousand leads with markers: no marker in any byte of the data directory, and in clear at the register") {
    TempDir kiosk_dir, reg_dir;
    RegisterProcess reg(reg_dir / "register");
    auto pairing = pairing_from_json(read_file(reg.add_device("stand-1")));
    REQUIRE(pairing.ok());
    REQUIRE(save_pairing(kiosk_dir.path(), *pairing).ok());
    {
        auto store = LeadStore::open(kiosk_dir.path());
        REQUIRE(store.ok());
        for (int i = 0; i < 1000; ++i) REQUIRE(store->add(marked_draft(i), test::current_rules()).ok());
        // Staff notes too, on some of them.
        auto page = store->leads_page("", 0, 20);
        REQUIRE(page.ok());
        for (const auto& lead : *page) REQUIRE(store->annotate(lead.id, {"hot", "Markernote ring i mars", "os"}).ok());

        // Looked at while the store is open (WAL and -shm present) ...
        const std::string bytes = every_byte(kiosk_dir.path());
        CHECK(std::filesystem::exists(kiosk_dir / "leads.db-wal"));
        for (const char* marker : {"Markername", "markermail", "Markerfree", "Markernote", "+474100", "41000"}) {
            CAPTURE(marker);
            CHECK(bytes.find(marker) == std::string::npos);
        }
        CHECK(bytes.find("Nordmann") == std::string::npos);
        // (A control: a clear field the kiosk keeps on purpose is found, so the scan works.)
        CHECK(bytes.find("oslo-plaza-2026") != std::string::npos);
    }
    // ... and after it was closed.
    const std::string closed = every_byte(kiosk_dir.path());
    CHECK(closed.find("Markername") == std::string::npos);
    CHECK(closed.find("oslo-plaza-2026") != std::string::npos);

    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    SyncClient client(*store, *pairing, SyncSettings{});
    const SyncProgress done = client.run([](const SyncProgress&) {}, {});
    CAPTURE(done.last_error);
    REQUIRE(done.succeeded);
    CHECK(reg.lead_count() == 1000);
    const auto csv = reg.run("export --dir '" + reg.dir().string() + "' --municipality tynset");
    CHECK(csv.out.find("Markername999 Nordmann") != std::string::npos);
    CHECK(csv.out.find("markermail42@example.no") != std::string::npos);
    CHECK(csv.out.find("Markerfree7 vil flytte") != std::string::npos);
    CHECK(csv.out.find("Markernote ring i mars") != std::string::npos);
    CHECK(csv.out.find("\"2011, 2013, 2017\"") != std::string::npos);
}

TEST_CASE("a lead that cannot be sealed is not stored, and nothing personal lands on disk") {
    TempDir kiosk_dir;
    test::write_file(kiosk_dir / "pairing.json", "{ broken");
    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    auto refused = store->add(marked_draft(1), test::current_rules());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("pairing.json") != std::string::npos);
    CHECK(*store->count() == 0);
    CHECK(every_byte(kiosk_dir.path()).find("Markername") == std::string::npos);
}

TEST_CASE("an older kiosk's clear rows are sealed on open, and the clear pages are gone from disk") {
    TempDir kiosk_dir;
    {
        auto db = Database::open(kiosk_dir / LeadStore::database_file_name);
        REQUIRE(db.ok());
        REQUIRE(db->exec("PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON").ok());
        // Schema 3, as the kiosk before sealing made it.
        for (const auto& step : schema_migrations()) {
            if (step.version > 3) break;
            REQUIRE(db->exec(std::string(step.sql)).ok());
        }
        REQUIRE(db->exec("PRAGMA user_version = 3").ok());
        REQUIRE(db->exec(R"sql(INSERT INTO leads (id, created_wall_utc, boot_id, created_monotonic_ns, event_id, language,
            consent_text_version, consent_given_at, adults, children_birth_years, municipalities, topics,
            contact_name, contact_phone, contact_email, free_text, staff_note)
            VALUES ('11111111-1111-4111-8111-111111111111', '2026-01-01T10:00:00Z', 'b', 1, 'ev', 'nb', 'contact-v1',
            '2026-01-01T10:00:00Z', 2, '[2015]', '["os"]', '[]', 'Markerold Person', '91234567', 'old@example.no',
            'Markeroldfree', 'Markeroldnote'))sql").ok());
    }
    REQUIRE(every_byte(kiosk_dir.path()).find("Markerold") != std::string::npos);  // the control: it was there
    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    CHECK(every_byte(kiosk_dir.path()).find("Markerold") == std::string::npos);
    auto lead = store->lead("11111111-1111-4111-8111-111111111111");
    REQUIRE(lead.ok());
    REQUIRE(lead->has_value());
    CHECK((*lead)->sealed.initials == "MP");
    CHECK((*lead)->sealed.children_count == 1);
    CHECK(test::open_personal(**lead).contact.name == "Markerold Person");
}

TEST_CASE("after the register acknowledged a lead, its sealed personal data goes after the retention, the counts stay") {
    TempDir kiosk_dir;
    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(store->add(marked_draft(i), test::current_rules())->id);
    REQUIRE(store->record_sync_outcomes({{ids[0], SyncState::synced, {}, {}}, {ids[1], SyncState::synced, {}, {}}}, {"batch-1", "signature", "signed text"}).ok());
    auto db = Database::open(store->database_path());
    REQUIRE(db.ok());
    // One acknowledged eight days ago, one just now; the third is still pending.
    REQUIRE(db->exec("UPDATE leads SET synced_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days') WHERE id = '" + ids[0] + "'").ok());

    CHECK(*store->purge_personal_data(default_retention_days) == 1);
    CHECK((*store->lead(ids[0]))->sealed.personal.empty());
    CHECK_FALSE((*store->lead(ids[1]))->sealed.personal.empty());
    CHECK_FALSE((*store->lead(ids[2]))->sealed.personal.empty());
    CHECK(*store->count() == 3);
    CHECK((*store->lead(ids[0]))->sealed.initials == "MN");  // what staff recognise a lead by stays

    CHECK(*store->purge_personal_data(0) == 1);  // retention 0: the moment it is acknowledged
    CHECK(*store->purge_personal_data(0) == 0);
    CHECK_FALSE((*store->lead(ids[2]))->sealed.personal.empty());  // never before the register has it
    CHECK_FALSE(store->annotate(ids[0], {"warm", "x", ""}).ok());  // nothing left to annotate
}
