// A long run: sign-ups through the kiosk, idle frames of the real UI, and syncs to a real
// register in between. Memory stays flat, open files stay the same, and the WAL stays bounded
// (checkpoints happen). CI runs it at a small size; FLYTTHIT_SOAK_SIGNUPS=100000 and
// FLYTTHIT_SOAK_IDLE=10000 give the long run in docs/RELIABILITY.md.
#include "common/content/builtin_content.h"
#include "common/base/file_io.h"
#include "ui/headless_driver.h"
#include "firmware/kiosk.h"
#include "firmware/visitor_script.h"
#include "common/protocol/pairing.h"
#include "tests/paired_kiosk.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;

namespace {

int setting(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value ? std::max(1, std::atoi(value)) : fallback;
}

long resident_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return 0;
}

long open_files() {
    long count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
    return count;
}

}  // namespace

TEST_CASE("soak: sign-ups, idle frames and syncs, with flat memory, stable open files and a bounded WAL") {
    const int sign_ups = setting("FLYTTHIT_SOAK_SIGNUPS", 4000);
    const int idle_frames = setting("FLYTTHIT_SOAK_IDLE", 2000);
    const int rounds = 8;
    TempDir reg_dir, kiosk_dir;
    RegisterProcess reg(reg_dir / "register");
    auto pairing = pairing_from_json(test::read_file(reg.add_device("stand-1")));
    REQUIRE(pairing.ok());
    REQUIRE(save_pairing(kiosk_dir.path(), *pairing).ok());

    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    const ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    KioskSettings settings;
    settings.data_dir = kiosk_dir.path();
    Kiosk kiosk(*store, content, settings, MonotonicClock::now());
    ui::HeadlessDriver driver(kiosk, {1280, 800}, MonotonicClock::now());

    long rss_after_first_round = 0, files_after_first_round = 0, files_after_last_round = 0, rss_max = 0;
    std::uintmax_t wal_max = 0;
    int confirmed = 0;
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < sign_ups / rounds; ++i) {
            const auto now = driver.now();
            const std::string name = "Soak " + std::to_string(round) + "-" + std::to_string(i);
            for (const Intent& intent : default_sign_up_intents(name, VisitorField::phone, "91234567", "os")) {
                kiosk.apply(intent, now);
            }
            if (kiosk.screen() == ScreenId::thank_you) ++confirmed;
            kiosk.apply(intent::Finish{}, now);
            wal_max = std::max(wal_max, std::filesystem::file_size(kiosk_dir / "leads.db-wal"));
        }
        for (int i = 0; i < idle_frames / rounds; ++i) driver.advance(std::chrono::milliseconds(50));
        SyncClient client(*store, *pairing, test::scaled_sync_settings());
        const SyncProgress synced = client.run([](const SyncProgress&) {}, {});
        CAPTURE(synced.last_error);
        REQUIRE(synced.succeeded);
        if (round == 0) {
            rss_after_first_round = resident_kib();
            files_after_first_round = open_files();
        }
        rss_max = std::max(rss_max, resident_kib());
        files_after_last_round = open_files();  // measured at the same point of every round
    }
    const long rss_growth_kib = rss_max - rss_after_first_round;
    const long files_end = files_after_last_round;
    std::cout << "reliability: soak: sign_ups=" << confirmed << " idle_frames=" << idle_frames << " syncs=" << rounds
              << " rss_growth_kib=" << rss_growth_kib << " open_files_first=" << files_after_first_round
              << " open_files_end=" << files_end << " wal_max_bytes=" << wal_max
              << " register_leads=" << reg.lead_count() << " acknowledged_lost=" << (confirmed - reg.lead_count()) << std::endl;
    CHECK(confirmed == sign_ups / rounds * rounds);
    CHECK(reg.lead_count() == confirmed);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer quarantines freed memory (up to 256 MiB), so resident size says nothing
    // about leaks there; LeakSanitizer covers them in that tier, and this check in the normal one.
    MESSAGE("resident-size check skipped under AddressSanitizer");
#else
    CHECK(rss_growth_kib < 16 * 1024);
#endif
    // A leak of one handle per sync or per sign-up would show as rounds - 1 or thousands more;
    // one more is allowed for a handle a library opens lazily once (seen once in the long run).
    CHECK(files_end <= files_after_first_round + 1);
    CHECK(wal_max < 8u * 1024 * 1024);  // SQLite's checkpoints keep it near 1000 pages
}
