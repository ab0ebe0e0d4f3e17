// The lead store: create, reopen, migrate, refuse invalid input, and the durability
// settings that make "you are registered" true.
#include "common/base/device_clock.h"
#include "firmware/store/lead_store.h"
#include "common/base/file_io.h"
#include "common/base/random_id.h"
#include "firmware/store/lead_schema.h"
#include "common/protocol/sync_protocol.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>
#include <sodium.h>

#include <set>

#include <signal.h>
#include <unistd.h>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::test::valid_draft;

namespace {

std::vector<Lead> all_leads(LeadStore& store) {
    std::vector<Lead> leads;
    REQUIRE(store.for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
    return leads;
}

}  // namespace

TEST_CASE("a stored lead is there, whole, after the store is closed and reopened") {
    TempDir dir;
    std::string id;
    {
        auto store = LeadStore::open(dir.path());
        REQUIRE(store.ok());
        auto lead = store->add(valid_draft(), test::current_rules());
        REQUIRE(lead.ok());
        id = lead->id;
        CHECK(is_uuid(id));
    }
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    CHECK(*store->count() == 1);
    CHECK(*store->count_pending() == 1);
    const auto leads = all_leads(*store);
    REQUIRE(leads.size() == 1);
    const Lead& lead = leads[0];
    CHECK(lead.id == id);
    CHECK(lead.draft.contact.name.empty());  // the kiosk itself cannot read it back
    CHECK(lead.sealed.initials == "KN");
    CHECK(lead.sealed.children_count == 2);
    CHECK(lead.sealed.sealed_to == demo::sealing_public_key);  // not paired: the demo key
    const PersonalData personal = test::open_personal(lead);
    CHECK(personal.contact.name == "Kari Nordmann");
    CHECK(personal.contact.phone == "91234567");  // spaces normalised away
    CHECK(personal.contact.email == "kari@example.no");
    CHECK(personal.free_text == "Vi ser etter jobb for to.");
    CHECK(lead.draft.household.adults == 2);
    CHECK(personal.children_birth_years == std::vector<int>{2019, 2022});
    CHECK(lead.draft.municipalities == std::vector<std::string>{"tynset", "roros"});
    CHECK(lead.draft.topics == std::vector<std::string>{"work", "childhood"});
    CHECK(lead.draft.consent.text_version == "contact-v1");
    CHECK(lead.draft.event_id == "oslo-plaza-2026");
    CHECK(lead.created.boot_id == current_boot_id());
    CHECK(lead.created.monotonic_ns > 0);
    CHECK(lead.created.wall_clock_utc.size() == 20);
    CHECK(lead.sync_state == SyncState::pending);
}

TEST_CASE("a seal prepared ahead makes a box the register opens, once, with a key pair of its own") {
    const SealingKey key = demo_sealing_key();
    auto prepared = PreparedSeal::make(key);
    REQUIRE(prepared.ok());
    CHECK(prepared->recipient_hex() == demo::sealing_public_key);
    auto other = PreparedSeal::make(key);
    REQUIRE(other.ok());
    const SealedBox box = prepared->seal("Kari Nordmann");
    CHECK(box.size() == std::string_view("Kari Nordmann").size() + crypto_box_SEALBYTES);
    auto opened = open_sealed(box, demo::sealing_public_key, demo::sealing_secret_key);
    REQUIRE(opened.ok());
    CHECK(*opened == "Kari Nordmann");
    CHECK(prepared->seal("again").empty());  // spent: a nonce seals one message
    // Each preparation has its own ephemeral key: the same text seals differently.
    const SealedBox second = other->seal("Kari Nordmann");
    CHECK_FALSE(std::equal(box.begin(), box.begin() + 32, second.begin()));
    CHECK(open_sealed(second, demo::sealing_public_key, demo::sealing_secret_key).ok());
    // A tampered box does not open.
    SealedBox tampered = box;
    tampered.back() ^= 1;
    CHECK_FALSE(open_sealed(tampered, demo::sealing_public_key, demo::sealing_secret_key).ok());
}

TEST_CASE("leads sealed with a key pair prepared between sign-ups open, and none shares a key pair") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    REQUIRE(store->prepare_next_seal().ok());
    REQUIRE(store->prepare_next_seal().ok());  // again: still the one ready
    auto first = store->add(valid_draft(), test::current_rules());
    REQUIRE(first.ok());
    auto second = store->add(valid_draft(), test::current_rules());  // none prepared: add makes one
    REQUIRE(second.ok());
    REQUIRE(store->prepare_next_seal().ok());
    auto third = store->add(valid_draft(), test::current_rules());
    REQUIRE(third.ok());
    std::set<std::string> ephemeral_keys;
    for (const Lead& lead : all_leads(*store)) {
        CHECK(test::open_personal(lead).contact.name == "Kari Nordmann");
        ephemeral_keys.insert(std::string(lead.sealed.personal.begin(), lead.sealed.personal.begin() + 32));
    }
    CHECK(ephemeral_keys.size() == 3);
}

TEST_CASE("durability settings are in force on the store's connection") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    auto settings = store->durability_settings();
    REQUIRE(settings.ok());
    CHECK(settings->journal_mode == "wal");
    CHECK(settings->synchronous == 2);  // FULL: the WAL is synced on every commit
    CHECK(settings->secure_delete == 1);
}

TEST_CASE("a lead whose add() returned survives the process being killed at once") {
    // No close, no checkpoint: the child stores one lead and is SIGKILLed right after the
    // commit returns, as a power cut would stop it. The lead must be in the WAL on disk.
    TempDir dir;
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto store = LeadStore::open(dir.path());
        auto lead = store ? store->add(valid_draft("Ola Killed"), test::current_rules()) : Result<Lead>(make_error("open"));
        const std::string id = lead ? lead->id : "";
        (void)!write(pipe_ends[1], id.data(), id.size());
        kill(getpid(), SIGKILL);
    }
    close(pipe_ends[1]);
    char buffer[64] = {};
    const auto got = read(pipe_ends[0], buffer, sizeof buffer);
    close(pipe_ends[0]);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(got == 36);
    const std::string id(buffer, 36);

    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    const auto leads = all_leads(*store);
    REQUIRE(leads.size() == 1);
    CHECK(leads[0].id == id);
    CHECK(test::open_personal(leads[0]).contact.name == "Ola Killed");
}

TEST_CASE("invalid leads are refused and nothing is stored") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());

    LeadDraft no_consent = valid_draft();
    no_consent.consent.given = false;
    auto refused = store->add(no_consent, test::current_rules());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("consent") != std::string::npos);

    LeadDraft bad_utf8 = valid_draft();
    bad_utf8.contact.name = "Kari \xC3\x28";
    refused = store->add(bad_utf8, test::current_rules());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("contact.name") != std::string::npos);

    LeadDraft hostile = valid_draft();
    hostile.contact.name = "Robert'); DROP TABLE leads;--";
    CHECK(store->add(hostile, test::current_rules()).ok());  // stored as text through a bound parameter
    CHECK(*store->count() == 1);
    CHECK(test::open_personal(all_leads(*store)[0]).contact.name == "Robert'); DROP TABLE leads;--");
}

TEST_CASE("a database of the previous schema version is migrated with its leads intact") {
    TempDir dir;
    {
        // Build a version 1 database by hand, exactly as the first kiosk wrote it.
        auto db = Database::open(dir / LeadStore::database_file_name);
        REQUIRE(db.ok());
        REQUIRE(db->exec(std::string(schema_migrations()[0].sql)).ok());
        REQUIRE(db->exec("PRAGMA user_version = 1").ok());
        const char* insert = R"sql(
INSERT INTO leads VALUES ('%s', '2026-01-01T10:00:00Z', 'boot', 5, 'ev', 'en', 'contact-v1',
  '2026-01-01T10:00:00Z', 1, '[]', '["os"]', '["work"]', 'Name %s', '12345678', '', '', %d))sql";
        char sql[600];
        std::snprintf(sql, sizeof sql, insert, "11111111-1111-4111-8111-111111111111", "One", 1);
        REQUIRE(db->exec(sql).ok());
        std::snprintf(sql, sizeof sql, insert, "22222222-2222-4222-8222-222222222222", "Two", 0);
        REQUIRE(db->exec(sql).ok());
    }
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    auto db = Database::open(dir / LeadStore::database_file_name);
    REQUIRE(db.ok());
    CHECK(*db->query_int("PRAGMA user_version") == latest_schema_version());
    CHECK(*store->count() == 2);
    CHECK(*store->count_pending() == 1);
    const auto leads = all_leads(*store);
    REQUIRE(leads.size() == 2);
    CHECK(leads[0].sync_state == SyncState::synced);
    CHECK(test::open_personal(leads[0]).contact.name == "Name One");  // sealed on the way
    CHECK(leads[0].draft.contact.name.empty());
    CHECK(leads[1].sync_state == SyncState::pending);
    CHECK(leads[1].draft.municipalities == std::vector<std::string>{"os"});
    // And the store keeps working on the migrated file.
    CHECK(store->add(valid_draft(), test::current_rules()).ok());
    CHECK(*store->count() == 3);
}

TEST_CASE("a database from a newer kiosk is refused, not guessed at") {
    TempDir dir;
    {
        auto db = Database::open(dir / LeadStore::database_file_name);
        REQUIRE(db.ok());
        REQUIRE(db->exec("PRAGMA user_version = 99").ok());
    }
    auto store = LeadStore::open(dir.path());
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.find("newer") != std::string::npos);
}

TEST_CASE("a data directory that cannot be created is reported with its path") {
    TempDir dir;
    flytthit::test::write_file(dir / "file", "not a directory");
    auto store = LeadStore::open(dir / "file" / "data");
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.find((dir / "file").string()) != std::string::npos);
}

TEST_CASE("every lead gets its own random UUID") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    std::set<std::string> ids;
    for (int i = 0; i < 50; ++i) {
        auto lead = store->add(valid_draft(), test::current_rules());
        REQUIRE(lead.ok());
        ids.insert(lead->id);
        CHECK(lead->id[14] == '4');  // version 4
    }
    CHECK(ids.size() == 50);
}

TEST_CASE("a note staff clear is deleted on the kiosk and travels to the register as an empty note") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    auto added = store->add(valid_draft(), test::current_rules());
    REQUIRE(added.ok());
    const std::string id = added->id;
    auto sealed_note_of = [&]() {
        auto lead = store->lead(id);
        REQUIRE(lead.ok());
        REQUIRE(lead->has_value());
        return (*lead)->sealed.note;
    };
    REQUIRE(store->annotate(id, {"hot", "Ring i mai", "roros"}).ok());
    REQUIRE_FALSE(sealed_note_of().empty());

    // Staff cannot read the note back, so an empty note (a rating changed) keeps it.
    REQUIRE(store->annotate(id, {"warm", "", "roros"}).ok());
    REQUIRE_FALSE(sealed_note_of().empty());
    auto kept = open_sealed(sealed_note_of(), demo::sealing_public_key, demo::sealing_secret_key);
    REQUIRE(kept.ok());
    CHECK(*kept == "Ring i mai");

    StaffAnnotation cleared{"warm", "", "roros"};
    cleared.note_cleared = true;
    REQUIRE(store->annotate(id, cleared).ok());
    CHECK(sealed_note_of().empty());
    auto lead = store->lead(id);
    REQUIRE(lead.ok());
    const auto sent = protocol::encode_items({{**lead, {}}});
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]["staff"]["note"] == "");
    CHECK_FALSE(sent[0]["staff"].contains("sealed_note"));
    CHECK(sent[0]["staff"]["rating"] == "warm");
}

TEST_CASE("errors carry their kind from where they are made: a read-only database, a missing directory") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    auto db = Database::open(store->database_path());
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA query_only = 1").ok());  // SQLite itself refuses every write: SQLITE_READONLY
    const auto refused = db->exec("INSERT INTO settings (key, value) VALUES ('k', 'v')");
    REQUIRE_FALSE(refused.ok());
    CAPTURE(refused.error().message);
    CHECK(refused.error().kind == ErrorKind::not_permitted);

    const auto nowhere = write_file_atomically(dir / "no-such-directory" / "file", "text", 0600);
    REQUIRE_FALSE(nowhere.ok());
    CHECK(nowhere.error().kind == ErrorKind::unavailable);
    CHECK(nowhere.error().message.find("no-such-directory") != std::string::npos);
}

TEST_CASE("counters: today is the staff's local day, and per municipality and per campaign count this event only") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    // Four leads: two at this fair (one campaign each way), one at an earlier fair, one made
    // a minute before midnight the evening before.
    const struct {
        const char* event;
        const char* campaign;
        const char* created;
    } made[] = {{"fair-2", "hesteriket", "2026-12-02T23:30:00Z"},   // 00:30 on the 3rd in Oslo
                {"fair-2", "", "2026-12-03T10:00:00Z"},
                {"fair-1", "hesteriket", "2026-12-03T11:00:00Z"},
                {"fair-2", "hesteriket", "2026-12-02T22:59:00Z"}};  // 23:59 on the 2nd
    for (const auto& lead : made) {
        LeadDraft draft = valid_draft();
        draft.event_id = lead.event;
        draft.campaign_id = lead.campaign;
        auto added = store->add(draft, test::current_rules());
        REQUIRE(added.ok());
        auto db = Database::open(store->database_path());
        REQUIRE(db.ok());
        REQUIRE(db->exec("UPDATE leads SET created_wall_utc = '" + std::string(lead.created) + "' WHERE id = '" + added->id + "'").ok());
    }
    // Oslo's 3 December, as local_day_in_utc gives it in winter.
    auto counters = store->counters("fair-2", {"2026-12-02T23:00:00Z", "2026-12-03T23:00:00Z"});
    REQUIRE(counters.ok());
    CHECK(counters->today == 3);  // every event, from local midnight: not the 23:59 one
    CHECK(counters->this_event == 3);
    CHECK(counters->total == 4);
    REQUIRE(counters->per_municipality.size() == 2);  // valid_draft names two
    CHECK(counters->per_municipality[0].second == 3);
    using Count = std::pair<std::string, std::int64_t>;
    CHECK(counters->per_campaign == std::vector<Count>{{"hesteriket", 2}, {"", 1}});
}
