// The sign-up connection's WAL: with checkpoints deferred no commit checkpoints, the
// preallocated WAL is only overwritten, and the kiosk takes both jobs on a worker between
// sign-ups; every lead stays, whatever order they run in.
#include "common/base/sqlite_db.h"
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "firmware/store/lead_store.h"
#include "firmware/store/wal_checkpoints.h"
#include "firmware/visitor_script.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;

namespace {

// A threshold small enough that a few sign-ups reach it (a sign-up writes about four pages).
constexpr int test_checkpoint_pages = 40;

std::filesystem::path database_of(const TempDir& dir) { return dir.path() / LeadStore::database_file_name; }
std::filesystem::path wal_of(const TempDir& dir) { return dir.path() / (std::string(LeadStore::database_file_name) + "-wal"); }

// Adds leads until the store says a checkpoint is due; at most `limit`. Returns how many.
int add_until_due(LeadStore& store, int limit) {
    int added = 0;
    while (!store.checkpoint_due() && added < limit) {
        REQUIRE(store.add(test::valid_draft("Lead " + std::to_string(added)), test::current_rules()).ok());
        ++added;
    }
    return added;
}

std::int64_t leads_seen_by_a_new_connection(const TempDir& dir) {
    auto db = Database::open(database_of(dir));
    REQUIRE(db.ok());
    auto count = db->query_int("SELECT count(*) FROM leads");
    REQUIRE(count.ok());
    return *count;
}

// Polls until the worker's task has finished and been taken; false if it never does.
bool run_to_completion(BackgroundCheckpoints& work, LeadStore& store, MonotonicClock::time_point now) {
    return test::wait_until([&] {
        REQUIRE(work.poll(store, now).ok());
        return !work.running();
    });
}

}  // namespace

TEST_CASE("with checkpoints deferred no sign-up writes the database file, and a checkpoint between sign-ups moves them in") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    REQUIRE(checkpoint_wal(dir.path()).ok());  // the schema in the database file, the WAL empty
    const std::string database_before = test::read_file(database_of(dir));
    store->defer_checkpoints(test_checkpoint_pages);
    CHECK(store->checkpoint_pages() == test_checkpoint_pages);
    // More than SQLite's own threshold of pages would make it checkpoint inside a commit.
    const int added = add_until_due(*store, 400);
    CHECK(store->checkpoint_due());
    for (int i = 0; i < 300; ++i) REQUIRE(store->add(test::valid_draft("Past the threshold"), test::current_rules()).ok());
    CHECK(test::read_file(database_of(dir)) == database_before);
    CHECK(std::filesystem::file_size(wal_of(dir)) > 32 + 1000 * (4096 + 24));

    REQUIRE(checkpoint_wal(dir.path()).ok());
    CHECK(test::read_file(database_of(dir)) != database_before);
    CHECK(store->checkpoint_due());  // until told: the WAL hook only hears of commits
    store->checkpoint_taken();
    CHECK_FALSE(store->checkpoint_due());
    CHECK(leads_seen_by_a_new_connection(dir) == added + 300);
}

TEST_CASE("without deferring, SQLite checkpoints inside the commit that crosses its threshold (the case above can fail)") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    REQUIRE(checkpoint_wal(dir.path()).ok());
    const std::string database_before = test::read_file(database_of(dir));
    CHECK(store->checkpoint_pages() == 0);
    for (int i = 0; i < 400; ++i) REQUIRE(store->add(test::valid_draft("Lead"), test::current_rules()).ok());
    CHECK_FALSE(store->checkpoint_due());
    CHECK(test::read_file(database_of(dir)) != database_before);
}

TEST_CASE("a preallocated WAL is only overwritten up to the threshold, and every lead reads back after a reopen") {
    TempDir dir;
    int added = 0;
    std::uintmax_t preallocated = 0;
    {
        auto store = LeadStore::open(dir.path());
        REQUIRE(store.ok());
        store->defer_checkpoints(test_checkpoint_pages);
        REQUIRE(preallocate_wal(dir.path(), test_checkpoint_pages).ok());
        preallocated = std::filesystem::file_size(wal_of(dir));
        CHECK(preallocated >= 32 + static_cast<std::uintmax_t>(test_checkpoint_pages) * (4096 + 24));
        // A WAL as long already is left as it is.
        REQUIRE(preallocate_wal(dir.path(), test_checkpoint_pages).ok());
        CHECK(std::filesystem::file_size(wal_of(dir)) == preallocated);

        added = add_until_due(*store, 100);
        CHECK(store->checkpoint_due());
        CHECK(std::filesystem::file_size(wal_of(dir)) == preallocated);
        // Checkpointed, the WAL starts again from its beginning, over the same blocks.
        REQUIRE(checkpoint_wal(dir.path()).ok());
        store->checkpoint_taken();
        for (int i = 0; i < 3; ++i, ++added) REQUIRE(store->add(test::valid_draft("After the checkpoint"), test::current_rules()).ok());
        CHECK(std::filesystem::file_size(wal_of(dir)) == preallocated);
    }
    auto reopened = LeadStore::open(dir.path());
    REQUIRE(reopened.ok());
    CHECK(*reopened->count() == added);
    CHECK(*Database::open(database_of(dir))->query_text("PRAGMA integrity_check") == "ok");
}

TEST_CASE("WAL work on a store that is not there says which, and makes none") {
    TempDir dir;
    const auto checkpoint = checkpoint_wal(dir.path() / "nowhere");
    REQUIRE_FALSE(checkpoint.ok());
    CHECK(checkpoint.error().kind == ErrorKind::unavailable);
    CHECK(checkpoint.error().message.find("nowhere/leads.db") != std::string::npos);
    CHECK_FALSE(preallocate_wal(dir.path(), test_checkpoint_pages).ok());
    CHECK_FALSE(std::filesystem::exists(database_of(dir)));
}

TEST_CASE("the kiosk's WAL work: preallocated after its delay, checkpointed on a worker when due, a failure said once and retried later") {
    TempDir dir;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    const auto start = MonotonicClock::now();
    SUBCASE("nothing while SQLite checkpoints by itself") {
        BackgroundCheckpoints work(dir.path(), start);
        CHECK(work.poll(*store, start + std::chrono::hours(1)).ok());
        CHECK_FALSE(work.running());
    }
    SUBCASE("preallocation, then a checkpoint") {
        store->defer_checkpoints(test_checkpoint_pages);
        BackgroundCheckpoints work(dir.path(), start);
        REQUIRE(work.poll(*store, start).ok());
        CHECK_FALSE(work.running());  // the first frames come first
        const auto later = start + BackgroundCheckpoints::preallocate_after;
        REQUIRE(work.poll(*store, later).ok());
        CHECK(work.running());
        REQUIRE(run_to_completion(work, *store, later));
        CHECK(work.wal_preallocated());
        const auto preallocated = std::filesystem::file_size(wal_of(dir));
        CHECK(preallocated >= 32 + static_cast<std::uintmax_t>(test_checkpoint_pages) * (4096 + 24));

        const std::string database_before = test::read_file(database_of(dir));
        const int added = add_until_due(*store, 100);
        REQUIRE(work.poll(*store, later).ok());
        CHECK(work.running());
        REQUIRE(run_to_completion(work, *store, later));
        CHECK(work.finished() == 1);
        CHECK_FALSE(store->checkpoint_due());
        CHECK(test::read_file(database_of(dir)) != database_before);
        CHECK(std::filesystem::file_size(wal_of(dir)) == preallocated);
        CHECK(leads_seen_by_a_new_connection(dir) == added);
    }
    SUBCASE("a failed checkpoint") {
        store->defer_checkpoints(test_checkpoint_pages);
        BackgroundCheckpoints work(dir.path() / "moved-away", start);
        add_until_due(*store, 100);
        REQUIRE(work.poll(*store, start).ok());
        REQUIRE(work.running());
        Status failure = ok_status();
        REQUIRE(test::wait_until([&] {
            failure = work.poll(*store, start);
            return !work.running();
        }));
        REQUIRE_FALSE(failure.ok());
        CHECK(failure.error().message.find("moved-away") != std::string::npos);
        CHECK(work.poll(*store, start).ok());  // said once
        CHECK_FALSE(work.running());           // and not tried again at once
        const auto retry = start + BackgroundCheckpoints::retry_after;
        REQUIRE(work.poll(*store, retry).ok());
        CHECK(work.running());
        REQUIRE(test::wait_until([&] {
            failure = work.poll(*store, retry);
            return !work.running();
        }));
        CHECK_FALSE(failure.ok());
    }
}

TEST_CASE("a kiosk whose store defers checkpoints takes them between sign-ups, and every sign-up is stored") {
    TempDir dir;
    const ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    store->defer_checkpoints(test_checkpoint_pages);
    KioskSettings settings;
    settings.data_dir = dir.path();
    const auto start = MonotonicClock::now();
    Kiosk kiosk(*store, content, settings, start);
    const auto later = start + BackgroundCheckpoints::preallocate_after;
    // Ticks as the frame loop does; the worker's file work takes real time.
    auto tick_until = [&](auto done) {
        return test::wait_until([&] {
            kiosk.tick(later);
            return done();
        });
    };
    const auto wal_long = [&] {
        return std::filesystem::file_size(wal_of(dir)) >= 32 + static_cast<std::uintmax_t>(test_checkpoint_pages) * (4096 + 24);
    };
    REQUIRE(tick_until(wal_long));
    int signed_up = 0;
    while (!store->checkpoint_due() && signed_up < 100) {
        for (const Intent& intent : default_sign_up_intents("Visitor " + std::to_string(signed_up), VisitorField::phone, "91234567")) {
            kiosk.apply(intent, later);
        }
        REQUIRE(kiosk.screen() == ScreenId::thank_you);
        kiosk.apply(intent::Finish{}, later);
        ++signed_up;
    }
    REQUIRE(store->checkpoint_due());
    CHECK(tick_until([&] { return !store->checkpoint_due(); }));
    CHECK(leads_seen_by_a_new_connection(dir) == signed_up);
}
