// A kiosk for the tests that sync: a real lead store in a temporary directory, paired from
// the file `flytthit-register add-device` wrote, synced by the real sync client; and the sync
// settings those tests share, every network timeout stretched by the time scale.
#pragma once

#include "common/base/file_io.h"
#include "common/protocol/pairing.h"
#include "firmware/store/lead_store.h"
#include "firmware/sync/sync_client.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace flytthit::test {

// The product's sync settings with each HTTP timeout stretched by the time scale: a real
// sync's behaviour, on a machine that may be loaded or emulated.
inline SyncSettings scaled_sync_settings() {
    SyncSettings settings;
    settings.http.connect_timeout = scaled(settings.http.connect_timeout);
    settings.http.total_timeout = scaled(settings.http.total_timeout);
    settings.http.low_speed_time = std::chrono::duration_cast<std::chrono::seconds>(scaled(settings.http.low_speed_time));
    return settings;
}

// For tests that provoke failures: batches of 50, three attempts and a short backoff, so a
// failing case ends quickly; the HTTP timeouts stay the product's, scaled, because a loaded
// machine may take seconds over a batch. A case about a timeout sets its own.
inline SyncSettings fast_sync_settings() {
    SyncSettings settings = scaled_sync_settings();
    settings.batch_size = 50;
    settings.max_attempts = 3;
    settings.backoff_base = std::chrono::milliseconds(20);
    settings.backoff_max = std::chrono::milliseconds(100);
    return settings;
}

struct PairedKiosk {
    TempDir dir;
    LeadStore store = open_store(dir.path());
    std::vector<std::string> ids;  // of the leads add_leads made, oldest first

    // Adds count valid leads ("Lead 0", "Lead 1", ...); pair first, so they are sealed to the
    // register's key.
    void add_leads(int count) {
        for (int i = 0; i < count; ++i) {
            auto lead = store.add(valid_draft("Lead " + std::to_string(ids.size())), current_rules());
            REQUIRE(lead.ok());
            ids.push_back(lead->id);
        }
    }
    // Reads a pairing file as the kiosk does and saves the pairing; returns it.
    Pairing pair(const std::filesystem::path& pairing_file) {
        auto text = read_file_limited(pairing_file, 1 << 20);
        REQUIRE(text.ok());
        auto pairing = pairing_from_json(*text);
        REQUIRE(pairing.ok());
        REQUIRE(save_pairing(dir.path(), *pairing).ok());
        return *pairing;
    }
    // The pairing as saved in the kiosk's data directory.
    Pairing pairing() {
        auto saved = load_pairing(dir.path());
        REQUIRE(saved.ok());
        return *saved;
    }
    SyncProgress sync(SyncSettings settings = fast_sync_settings()) {
        SyncClient client(store, pairing(), settings);
        return client.run([](const SyncProgress&) {}, {});
    }
    std::int64_t pending() {
        auto count = store.count_pending();
        REQUIRE(count.ok());
        return *count;
    }

private:
    static LeadStore open_store(const std::filesystem::path& data_dir) {
        auto opened = LeadStore::open(data_dir);
        if (!opened) throw std::runtime_error("cannot open the kiosk's lead store: " + opened.error().message);
        return std::move(*opened);
    }
};

}  // namespace flytthit::test
