// A damaged database at start, and a disk that fills up: the stand keeps working, staff learn
// why, and nothing stored is lost.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "firmware/visitor_script.h"
#include "firmware/staff/usb_export.h"
#include "firmware/store/store_recovery.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::test::run_command;

TEST_CASE("a damaged database is moved aside, never deleted, a fresh store opens and staff are told, and it can be salvaged") {
    TempDir dir;
    std::vector<std::string> ids;
    {
        auto store = LeadStore::open(dir.path());
        REQUIRE(store.ok());
        for (int i = 0; i < 30; ++i) ids.push_back(store->add(test::valid_draft("Lead " + std::to_string(i)), test::current_rules())->id);
        REQUIRE(Database::open(store->database_path())->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    // Damage the file header, as a card that lied about a write can.
    {
        std::fstream file(dir / "leads.db", std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(0);
        file.write("this is not sqlite!", 19);
    }
    // SQLite's verdict travels as the error's kind, so callers decide by kind.
    const auto damaged = LeadStore::open(dir.path());
    REQUIRE_FALSE(damaged.ok());
    CAPTURE(damaged.error().message);
    CHECK(damaged.error().kind == ErrorKind::damaged_store);
    auto opened = open_store_recovering(dir.path());
    REQUIRE(opened.ok());
    REQUIRE(opened->alert.has_value());
    CHECK(opened->alert->find("moved to") != std::string::npos);
    CHECK(*opened->store.count() == 0);  // a fresh store: the stand keeps taking sign-ups
    CHECK(opened->store.add(test::valid_draft(), test::current_rules()).ok());
    std::filesystem::path moved;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().rfind("leads.db.damaged-", 0) == 0 &&
            entry.path().extension() != ".db-wal" && entry.path().string().find("-wal") == std::string::npos &&
            entry.path().string().find("-shm") == std::string::npos) {
            moved = entry.path();
        }
    }
    REQUIRE_FALSE(moved.empty());
    CHECK(std::filesystem::file_size(moved) > 4096);  // all of it kept
    // Staff see it on their home page, from the store itself.
    CHECK(opened->store.setting(store_alert_key)->has_value());

    // A healthy database is never moved: a permission problem is reported as it is.
    TempDir healthy;
    REQUIRE(LeadStore::open(healthy.path()).ok());
    std::filesystem::permissions(healthy / "leads.db", std::filesystem::perms::none);
    if (geteuid() != 0) {  // root reads anything: the check means nothing there
        auto refused = open_store_recovering(healthy.path());
        CHECK_FALSE(refused.ok());
        if (!refused.ok()) CHECK(refused.error().kind == ErrorKind::not_permitted);
        CHECK(std::filesystem::exists(healthy / "leads.db"));
    }
    std::filesystem::permissions(healthy / "leads.db", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    // Salvage: a file with its header intact but a damaged page further in.
    TempDir damaged_later;
    {
        auto store = LeadStore::open(damaged_later.path());
        for (int i = 0; i < 200; ++i) REQUIRE(store->add(test::valid_draft("Lead " + std::to_string(i)), test::current_rules()).ok());
        REQUIRE(Database::open(store->database_path())->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    TempDir usb;
    const auto salvaged = run_command(std::string(FLYTTHIT_KIOSKCTL_PATH) + " --data-dir '" + damaged_later.path().string() +
                                          "' salvage '" + (damaged_later / "leads.db").string() + "' '" + usb.path().string() + "'",
                                      damaged_later.path());
    CAPTURE(salvaged.err);
    CHECK(salvaged.exit_code == 0);
    CHECK(salvaged.out.find("salvaged 200 leads") != std::string::npos);
}

TEST_CASE("a full disk: the sign-up is refused kindly, staff see why, everything stored stays, and it recovers by itself") {
    TempDir dir;
    const ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    // The file-size limit stands in for a full card: writes past it fail with EFBIG. Run in a
    // child so the limit does not reach the test runner.
    const pid_t child = fork();
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        auto store = LeadStore::open(dir.path());
        KioskSettings settings;
        settings.data_dir = dir.path();
        Kiosk kiosk(*store, content, settings, MonotonicClock::now());
        auto sign_up = [&](const std::string& name) {
            const auto now = MonotonicClock::now();
            for (const Intent& intent : default_sign_up_intents(name, VisitorField::phone, "91234567")) kiosk.apply(intent, now);
            const bool registered = kiosk.screen() == ScreenId::thank_you;
            if (registered) kiosk.apply(intent::Finish{}, now);
            return registered;
        };
        int stored = 0;
        while (stored < 5 && sign_up("Before " + std::to_string(stored))) ++stored;
        rlimit limit{};
        getrlimit(RLIMIT_FSIZE, &limit);
        const rlimit tight{static_cast<rlim_t>(std::filesystem::file_size(dir / "leads.db-wal")), limit.rlim_max};
        setrlimit(RLIMIT_FSIZE, &tight);
        int refused = 0;
        for (int i = 0; i < 50; ++i) {
            if (!sign_up("During " + std::to_string(i))) {
                ++refused;
                break;
            }
        }
        const bool kind = kiosk.draft().store_failed && kiosk.screen() == ScreenId::sign_up_consent;
        const bool staff_told = !kiosk.last_store_error().empty();
        // The store says what it is: no room (unavailable), not a damaged store.
        const auto full = store->add(test::valid_draft("Direct"), test::current_rules());
        const bool full_is_unavailable = !full.ok() && full.error().kind == ErrorKind::unavailable;
        if (!full.ok()) std::fprintf(stderr, "full disk: %s (%s)\n", full.error().message.c_str(), error_kind_name(full.error().kind));
        setrlimit(RLIMIT_FSIZE, &limit);  // space returns: the visitor, still on the form, presses Send again
        kiosk.apply(intent::Submit{}, MonotonicClock::now());
        bool recovered = kiosk.screen() == ScreenId::thank_you;
        kiosk.apply(intent::Finish{}, MonotonicClock::now());
        recovered = recovered && kiosk.screen() == ScreenId::attract && sign_up("After");
        const auto count = store->count();
        _exit(stored == 5 && refused == 1 && kind && staff_told && full_is_unavailable && recovered && count && *count >= 7
                  ? 0
                  : 20 + (stored == 5) + 2 * (refused == 1) + 4 * kind + 8 * staff_told + 16 * recovered +
                        32 * full_is_unavailable);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    // And after all that, the database is whole.
    auto store = LeadStore::open(dir.path());
    REQUIRE(store.ok());
    CHECK(*Database::open(store->database_path())->query_text("PRAGMA integrity_check") == "ok");
    std::vector<std::string> names;
    REQUIRE(store->for_each_lead([&](const Lead& lead) { names.push_back(test::open_personal(lead).contact.name); }).ok());
    CHECK(std::count(names.begin(), names.end(), "After") == 1);
    CHECK(std::count(names.begin(), names.end(), "During 0") == 1);  // kept on the form, stored once on retry
    for (int i = 0; i < 5; ++i) CHECK(std::count(names.begin(), names.end(), "Before " + std::to_string(i)) == 1);
}
