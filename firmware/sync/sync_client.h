// The post-event sync: delivers every pending lead to the host register in batches (the
// register acknowledges a batch once it holds its bytes, and reads it after), then collects
// each batch's per-lead results, and marks a lead synced only after its result is committed
// locally, so a sync can stop anywhere (power, network, cancel) and resume without losing or
// doubling a lead. A register older than delivery gets each batch as POST /v1/leads.
#pragma once

#include "firmware/sync/http_client.h"
#include "firmware/store/lead_store.h"
#include "common/protocol/pairing.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <stop_token>
#include <string>

namespace flytthit {

struct SyncSettings {
    // The protocol's most: fewer round trips, and the register reads batches beside delivery.
    std::size_t batch_size = 500;
    int max_attempts = 6;                            // per request, for transient failures
    std::chrono::milliseconds backoff_base{500};     // doubled per attempt, with full jitter
    std::chrono::milliseconds backoff_max{30'000};
    // A busy register's Retry-After is waited out before the next attempt, up to this.
    std::chrono::milliseconds retry_after_max{60'000};
    // How a sync waits for the results of the batches it delivered: asks again after
    // results_poll_first, twice as long each time up to results_poll_longest, and leaves them
    // to the next sync when no result came for results_wait.
    std::chrono::milliseconds results_poll_first{20};
    std::chrono::milliseconds results_poll_longest{1000};
    std::chrono::milliseconds results_wait{120'000};
    HttpSettings http;
};

// What a sync has done so far, and how it ended. Safe to copy to another thread.
struct SyncProgress {
    std::int64_t total = 0;       // pending when the sync started
    std::int64_t delivered = 0;   // held by the register, results to come
    std::int64_t sent = 0;        // acknowledged in any way (results in)
    std::int64_t stored = 0;
    std::int64_t duplicates = 0;  // the register had them already: fine, now synced
    std::int64_t rejected = 0;
    std::int64_t conflicts = 0;
    int batch = 0;                // the batch being delivered, from 1
    int attempt = 0;              // of the current request, from 1
    std::string last_error;       // in plain words; empty when none
    // What kind of failure the last error was (transient: the network or a busy register, worth
    // another sync later; not_permitted: pair again; bad_input: the register refused what was
    // sent), so callers never read the words. Set with last_error, from one Error.
    ErrorKind last_error_kind = ErrorKind::failed;
    bool cancelled = false;       // staff cancelled it: its own outcome, not a failure to retry
    bool finished = false;
    bool succeeded = false;       // finished with nothing left pending and no error

    void set_error(const Error& error) {
        last_error = error.message;
        last_error_kind = error.kind;
    }
    void clear_error() { set_error(Error{}); }

    // How much of the sync is done, 0 to 1, for a progress bar: the first half fills as the
    // register takes the batches, the second as their results come. An older register gives
    // both at once (delivered stays 0 while sent grows), which fills both halves together.
    float share_done() const {
        if (total <= 0) return succeeded ? 1.0f : 0.0f;
        return std::min(1.0f, static_cast<float>(held_by_register() + sent) / static_cast<float>(2 * total));
    }
    // The leads the register holds, results in or not: what staff call sent. A lead sent twice
    // (annotated while its first batch travelled) counts twice, so it is capped at the total.
    std::int64_t held_by_register() const { return std::min(total, std::max(delivered, sent)); }
};

class SyncClient {
public:
    SyncClient(LeadStore& store, Pairing pairing, SyncSettings settings);

    // Runs one full sync on the calling thread (a worker, never the render thread). report
    // is called as progress is made. Returns the final progress.
    SyncProgress run(const std::function<void(const SyncProgress&)>& report, std::stop_token stop);

private:
    LeadStore& store_;
    Pairing pairing_;
    SyncSettings settings_;
    HttpClient http_;
};

}  // namespace flytthit
