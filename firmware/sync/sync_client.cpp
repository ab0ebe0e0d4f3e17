// The post-event sync; see sync_client.h and common/protocol/PROTOCOL.md.
#include "firmware/sync/sync_client.h"

#include "common/base/device_clock.h"
#include "common/protocol/receipt.h"
#include "common/protocol/sync_protocol.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

namespace flytthit {

namespace {

std::int64_t monotonic_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(MonotonicClock::now().time_since_epoch()).count();
}

// The register's clock, learnt once per sync: its time at a moment of our monotonic clock.
struct ServerClock {
    std::int64_t server_ms = 0;
    std::int64_t at_monotonic_ms = 0;
};

// Sleeps for duration unless stop is requested first. Returns false when stopped.
bool sleep_unless_stopped(std::chrono::milliseconds duration, std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, stop, duration, [] { return false; });
}

// What the sync should do about one failed attempt.
struct Verdict {
    bool retry = false;
    Error error;
};

Verdict judge(const HttpResponse& response) {
    const std::string text = response.body.substr(0, 200);
    if (response.status >= 300 && response.status < 400) {
        return {false, make_error("the register answered with a redirect to " +
                                      (response.location.empty() ? std::string("an unnamed place") : response.location) +
                                      "; not followed (check the register URL)",
                                  ErrorKind::bad_input)};
    }
    if (response.status == 401) {
        return {false, make_error("the register does not know this kiosk's token: pair the kiosk again", ErrorKind::not_permitted)};
    }
    if (response.status == 429 || response.status >= 500) {
        return {true, make_error("the register is busy or failing (HTTP " + std::to_string(response.status) + ")",
                                 ErrorKind::transient)};
    }
    // Any other 4xx: the register refused what was sent; sending it again fails the same way.
    const ErrorKind kind = response.status >= 400 && response.status < 500 ? ErrorKind::bad_input : ErrorKind::failed;
    return {false, make_error("the register refused the request (HTTP " + std::to_string(response.status) + "): " + text, kind)};
}

// How one request ended when it gave no response: cancelled by staff, or this error.
struct RequestFailure {
    bool cancelled = false;
    Error error;
};

}  // namespace

SyncClient::SyncClient(LeadStore& store, Pairing pairing, SyncSettings settings)
    : store_(store), pairing_(std::move(pairing)), settings_(std::move(settings)), http_([&] {
          HttpSettings http = settings_.http;
          http.ca_certificate_pem = pairing_.ca_certificate_pem;
          http.pinned_public_key = pairing_.pinned_public_key;
          return http;
      }()) {}

SyncProgress SyncClient::run(const std::function<void(const SyncProgress&)>& report, std::stop_token stop) {
    SyncProgress progress;
    // Every end of a sync goes through here, so the message and its kind always belong together.
    auto finish = [&](const std::optional<Error>& error) {
        if (error) progress.set_error(*error);
        else progress.clear_error();
        progress.finished = true;
        auto pending = store_.count_pending();
        progress.succeeded = !error && pending && *pending == 0;
        report(progress);
        return progress;
    };
    auto finish_cancelled = [&] {
        progress.cancelled = true;
        return finish(make_error("cancelled"));
    };
    auto pending = store_.count_pending();
    if (!pending) return finish(pending.error());
    progress.total = *pending;
    report(progress);

    std::mt19937_64 random(std::random_device{}());
    const std::vector<std::string> headers{"Authorization: Bearer " + pairing_.token, "Content-Type: application/json",
                                           "Accept: application/json"};

    // Sends one request, retrying transient failures with exponential backoff and full
    // jitter. Returns the response, or sets failure.
    auto send = [&](const std::string& path, const std::string* body, RequestFailure& failure) -> std::optional<HttpResponse> {
        for (progress.attempt = 1; progress.attempt <= settings_.max_attempts; ++progress.attempt) {
            if (progress.attempt > 1) {
                const auto ceiling = std::min(settings_.backoff_max, settings_.backoff_base * (1 << (progress.attempt - 2)));
                std::uniform_int_distribution<std::int64_t> jitter(0, ceiling.count());
                report(progress);
                if (!sleep_unless_stopped(std::chrono::milliseconds(jitter(random)), stop)) {
                    failure.cancelled = true;
                    return std::nullopt;
                }
            }
            auto outcome = http_.request(pairing_.register_url + path, headers, body, stop);
            if (auto* http_failure = std::get_if<HttpFailure>(&outcome)) {
                if (http_failure->cancelled) {
                    failure.cancelled = true;
                    return std::nullopt;
                }
                failure.error = make_error(http_failure->message, http_failure->transient ? ErrorKind::transient : ErrorKind::failed);
                progress.set_error(failure.error);
                if (!http_failure->transient) return std::nullopt;
                continue;
            }
            auto& response = std::get<HttpResponse>(outcome);
            if (response.status == 200 || response.status == 304) return std::move(response);
            const Verdict verdict = judge(response);
            failure.error = verdict.error;
            progress.set_error(failure.error);
            if (!verdict.retry) return std::nullopt;
        }
        failure.error = with_context("gave up after " + std::to_string(settings_.max_attempts) + " attempts", failure.error);
        return std::nullopt;
    };
    auto finish_failed_request = [&](const RequestFailure& failure) {
        return failure.cancelled ? finish_cancelled() : finish(failure.error);
    };

    RequestFailure failure;
    const auto time_reply = send("/v1/time", nullptr, failure);
    if (!time_reply) return finish_failed_request(failure);
    auto server_ms = protocol::decode_time(time_reply->body);
    if (!server_ms) return finish(with_context("the register's time reply was not understood", server_ms.error()));
    const ServerClock clock{*server_ms, monotonic_ms()};
    const std::string this_boot = current_boot_id();

    for (progress.batch = 1;; ++progress.batch) {
        if (stop.stop_requested()) return finish_cancelled();
        auto batch = store_.pending_leads(settings_.batch_size);
        if (!batch) return finish(batch.error());
        if (batch->empty()) return finish(std::nullopt);

        std::vector<protocol::BatchItem> items;
        std::set<std::string> sent_ids;
        const std::int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        MonotonicClock::now().time_since_epoch()).count();
        const std::int64_t server_now_ms = clock.server_ms + (monotonic_ms() - clock.at_monotonic_ms);
        for (auto& lead : *batch) {
            protocol::ClockNote note;
            // Made in this boot: its age on the monotonic clock is exact, so the register's
            // time minus that age is its true creation time. From an earlier boot the wall
            // clock is all there is, and it is marked approximate.
            if (lead.created.boot_id == this_boot && lead.created.monotonic_ns <= now_ns) {
                note.status = "corrected";
                note.corrected_utc = protocol::utc_from_unix_ms(server_now_ms - (now_ns - lead.created.monotonic_ns) / 1'000'000);
            }
            sent_ids.insert(lead.id);
            items.push_back({std::move(lead), note});
        }
        const std::string body = protocol::encode_batch(items);
        const auto reply = send("/v1/leads", &body, failure);
        if (!reply) return finish_failed_request(failure);
        auto acks = protocol::decode_reply(reply->body, sent_ids);
        if (!acks) return finish(with_context("the register's reply was not understood", acks.error()));
        if (acks->empty()) return finish(make_error("the register acknowledged none of the batch", ErrorKind::bad_input));
        // Nothing counts as synced, and no sealed data may ever be purged for it, without the
        // paired register's signature over exactly these acknowledgements of exactly this batch.
        auto receipt = protocol::verify_reply_receipt(reply->body, body, *acks, pairing_.signing_public_key);
        if (!receipt) return finish(with_context("the register's receipt; nothing was marked synced", receipt.error()));

        std::vector<SyncOutcome> outcomes;
        for (const auto& ack : *acks) {
            switch (ack.status) {
                case protocol::AckStatus::stored: ++progress.stored; outcomes.push_back({ack.id, SyncState::synced, {}}); break;
                case protocol::AckStatus::duplicate: ++progress.duplicates; outcomes.push_back({ack.id, SyncState::synced, {}}); break;
                case protocol::AckStatus::rejected: ++progress.rejected; outcomes.push_back({ack.id, SyncState::rejected, ack.reason}); break;
                case protocol::AckStatus::conflict: ++progress.conflicts; outcomes.push_back({ack.id, SyncState::conflict, ack.reason}); break;
            }
        }
        // Only now, with the acknowledgements committed, do these leads stop being pending.
        const SyncReceipt kept{receipt->batch_sha256, receipt->signature, protocol::receipt_text(receipt->batch_sha256, *acks)};
        if (auto recorded = store_.record_sync_outcomes(outcomes, kept); !recorded) return finish(recorded.error());
        progress.sent += static_cast<std::int64_t>(outcomes.size());
        progress.clear_error();
        report(progress);
    }
}

}  // namespace flytthit
