// The post-event sync; see sync_client.h and common/protocol/PROTOCOL.md.
#include "firmware/sync/sync_client.h"

#include "common/base/byte_encoding.h"
#include "common/base/device_clock.h"
#include "common/protocol/receipt.h"
#include "common/protocol/sync_protocol.h"

#include <algorithm>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <variant>

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

// Why a sync ends before its work is done: staff cancelled it, or an error.
struct Ending {
    bool cancelled = false;
    Error error;
};
// A step's outcome: nullopt to go on.
using StepEnd = std::optional<Ending>;

StepEnd ending(Error error) { return Ending{false, std::move(error)}; }

// Records deliveries (the register's signed word, and which leads it covers) on a connection
// of its own, one at a time, while the sync sends the next batch: the kiosk's fsync is then
// off the path from one batch to the next.
class DeliveryRecorder {
public:
    explicit DeliveryRecorder(LeadStore store) : store_(std::move(store)) {}
    ~DeliveryRecorder() {
        if (done_.valid()) done_.wait();
    }
    DeliveryRecorder(const DeliveryRecorder&) = delete;
    DeliveryRecorder& operator=(const DeliveryRecorder&) = delete;

    // Starts recording a delivery. The one before must have been waited for (wait()).
    void start(std::vector<SentLead> leads, SyncReceipt receipt) {
        done_ = std::async(std::launch::async, [this, leads = std::move(leads), receipt = std::move(receipt)]() -> Result<std::int64_t> {
            if (auto recorded = store_.record_delivery(leads, receipt); !recorded) return recorded.error();
            return static_cast<std::int64_t>(leads.size());
        });
    }
    // Waits for the recording under way: how many leads it covered, 0 when none was.
    Result<std::int64_t> wait() { return done_.valid() ? done_.get() : Result<std::int64_t>{0}; }

private:
    LeadStore store_;
    std::future<Result<std::int64_t>> done_;  // after store_: waited for before the store closes
};

// One sync from start to end: learn the register's clock, collect the results of batches an
// earlier sync delivered, deliver every pending batch, collect their results.
class SyncRun {
public:
    SyncRun(LeadStore& store, const Pairing& pairing, const SyncSettings& settings, HttpClient& http,
            const std::function<void(const SyncProgress&)>& report, std::stop_token stop)
        : store_(store), pairing_(pairing), settings_(settings), http_(http), report_(report), stop_(std::move(stop)),
          headers_{"Authorization: Bearer " + pairing.token, "Content-Type: application/json", "Accept: application/json"} {}

    SyncProgress run() {
        auto pending = store_.count_pending();
        if (!pending) return finish(ending(pending.error()));
        progress_.total = *pending;
        report_(progress_);
        if (auto end = learn_clock()) return finish(end);
        if (auto end = collect_results(false)) return finish(end);
        if (auto end = deliver_pending()) return finish(end);
        return finish(collect_results(true));
    }

private:
    // Every end of a sync goes through here, so the message and its kind always belong together.
    SyncProgress finish(const StepEnd& end) {
        std::optional<Error> error;
        if (end) error = end->error;
        else if (set_aside_error_) error = set_aside_error_;
        if (end && end->cancelled) {
            progress_.cancelled = true;
            error = make_error("cancelled");
        }
        if (error) progress_.set_error(*error);
        else progress_.clear_error();
        progress_.finished = true;
        auto pending = store_.count_pending();
        progress_.succeeded = !error && pending && *pending == 0;
        report_(progress_);
        return progress_;
    }

    // Sends one request, retrying transient failures with exponential backoff and full jitter.
    // A reply whose status is in answers is the caller's to read; any other is judged here.
    std::variant<HttpResponse, Ending> send(const std::string& path, const std::string* body,
                                            std::initializer_list<long> answers = {200, 304}) {
        Error error;
        std::chrono::milliseconds asked_wait{0};  // the register's Retry-After on the last attempt
        for (progress_.attempt = 1; progress_.attempt <= settings_.max_attempts; ++progress_.attempt) {
            if (progress_.attempt > 1) {
                const auto ceiling = std::min(settings_.backoff_max, settings_.backoff_base * (1 << (progress_.attempt - 2)));
                std::uniform_int_distribution<std::int64_t> jitter(0, ceiling.count());
                // A busy register says how long to stay away; asking sooner only spends an attempt.
                const auto wait = std::max(std::chrono::milliseconds(jitter(random_)), std::min(asked_wait, settings_.retry_after_max));
                report_(progress_);
                if (!sleep_unless_stopped(wait, stop_)) return Ending{true, {}};
            }
            asked_wait = std::chrono::milliseconds{0};
            auto outcome = http_.request(pairing_.register_url + path, headers_, body, stop_);
            if (auto* failure = std::get_if<HttpFailure>(&outcome)) {
                if (failure->cancelled) return Ending{true, {}};
                error = make_error(failure->message, failure->transient ? ErrorKind::transient : ErrorKind::failed);
                progress_.set_error(error);
                if (!failure->transient) return Ending{false, error};
                continue;
            }
            auto& response = std::get<HttpResponse>(outcome);
            if (std::find(answers.begin(), answers.end(), response.status) != answers.end()) return std::move(response);
            asked_wait = response.retry_after;
            const Verdict verdict = judge(response);
            error = verdict.error;
            progress_.set_error(error);
            if (!verdict.retry) return Ending{false, error};
        }
        return Ending{false, with_context("gave up after " + std::to_string(settings_.max_attempts) + " attempts", error)};
    }

    StepEnd learn_clock() {
        auto reply = send("/v1/time", nullptr);
        if (auto* end = std::get_if<Ending>(&reply)) return *end;
        auto server_ms = protocol::decode_time(std::get<HttpResponse>(reply).body);
        if (!server_ms) return ending(with_context("the register's time reply was not understood", server_ms.error()));
        clock_ = ServerClock{*server_ms, monotonic_ms()};
        return std::nullopt;
    }

    // The next batch's items, each with how sure the kiosk is of its creation time.
    std::vector<protocol::BatchItem> with_clock_notes(std::vector<Lead> leads) const {
        std::vector<protocol::BatchItem> items;
        const std::int64_t now_ns =
            std::chrono::duration_cast<std::chrono::nanoseconds>(MonotonicClock::now().time_since_epoch()).count();
        const std::int64_t server_now_ms = clock_.server_ms + (monotonic_ms() - clock_.at_monotonic_ms);
        for (auto& lead : leads) {
            protocol::ClockNote note;
            // Made in this boot: its age on the monotonic clock is exact, so the register's
            // time minus that age is its true creation time. From an earlier boot the wall
            // clock is all there is, and it is marked approximate.
            if (lead.created.boot_id == this_boot_ && lead.created.monotonic_ns <= now_ns) {
                note.status = "corrected";
                note.corrected_utc = protocol::utc_from_unix_ms(server_now_ms - (now_ns - lead.created.monotonic_ns) / 1'000'000);
            }
            items.push_back({std::move(lead), note});
        }
        return items;
    }

    // A batch ready to go: its ids in order, its leads' annotations as sent, its body as sent,
    // and the body's SHA-256.
    struct PreparedBatch {
        std::vector<std::string> ids;
        std::vector<SentLead> sent;
        std::string body;
        std::string sha;
    };

    // Pure work on leads already read: safe on another thread while this one talks to the
    // register (it reads only what learn_clock set before).
    PreparedBatch prepare(std::vector<Lead> leads) const {
        PreparedBatch batch;
        for (const auto& lead : leads) {
            batch.ids.push_back(lead.id);
            batch.sent.push_back(SentLead::of(lead));
        }
        batch.body = protocol::encode_batch(with_clock_notes(std::move(leads)));
        batch.sha = sha256_hex(batch.body);
        return batch;
    }

    // Delivers every pending batch, keeping the connection to the register busy: while batch
    // k travels, batch k+1 is read and encoded on a second thread and batch k-1's delivery is
    // recorded on a third, each on a connection of its own. Batch k+1 is read after batch k's
    // last lead (batch k is not marked delivered yet), so no lead is in two batches; every
    // delivery is recorded before the last read from the start, so none is read there again.
    StepEnd deliver_pending() {
        progress_.batch = 1;
        auto first = store_.pending_leads(settings_.batch_size);
        if (!first) return ending(first.error());
        if (first->empty()) return std::nullopt;
        auto reader = LeadStore::open(store_.data_dir());
        if (!reader) return ending(with_context("opening the lead store to read the next batch", reader.error()));
        auto recorder_store = LeadStore::open(store_.data_dir());
        if (!recorder_store) return ending(with_context("opening the lead store to record deliveries", recorder_store.error()));
        DeliveryRecorder recorder(std::move(*recorder_store));
        recorder_ = &recorder;
        const StepEnd end = deliver_batches(prepare(std::move(*first)), *reader);
        // A delivery under way is recorded whatever ended the sync, cancelling included.
        const StepEnd recorded = finish_recording();
        recorder_ = nullptr;
        return end ? end : recorded;
    }

    StepEnd deliver_batches(PreparedBatch current, LeadStore& reader) {
        for (;;) {
            if (stop_.stop_requested()) return Ending{true, {}};
            auto next = std::async(std::launch::async, [this, &reader, after = current.ids.back()] {
                return read_and_prepare(reader, after);
            });
            const StepEnd end = deliver(current);
            auto following = next.get();  // on every path: it uses reader
            if (end) return end;
            if (!following) return ending(following.error());
            ++progress_.batch;
            if (*following) {
                current = std::move(**following);
                continue;
            }
            // The last read: leads that became pending behind the batches read (annotated,
            // taken back) go too. The very batch just sent read again means none of it was
            // taken as sent (staff annotating all of it meanwhile): it waits for the next sync
            // rather than going round again.
            if (auto recorded = finish_recording()) return recorded;
            auto rest = store_.pending_leads(settings_.batch_size);
            if (!rest) return ending(rest.error());
            if (rest->empty()) return std::nullopt;
            PreparedBatch again = prepare(std::move(*rest));
            if (again.ids == current.ids) return std::nullopt;
            current = std::move(again);
        }
    }

    // The batch after the lead after_id, ready to go; nullopt when no lead follows it.
    Result<std::optional<PreparedBatch>> read_and_prepare(LeadStore& reader, const std::string& after_id) const {
        auto leads = reader.pending_leads(settings_.batch_size, after_id);
        if (!leads) return leads.error();
        if (leads->empty()) return std::optional<PreparedBatch>{};
        return std::optional<PreparedBatch>{prepare(std::move(*leads))};
    }

    // Waits for the delivery being recorded, and counts it.
    StepEnd finish_recording() {
        auto recorded = recorder_->wait();
        if (!recorded) return ending(recorded.error());
        if (*recorded == 0) return std::nullopt;
        progress_.delivered += *recorded;
        progress_.clear_error();
        report_(progress_);
        return std::nullopt;
    }

    // One batch to the register: delivered, or (a register that reads it at once, or one older
    // than delivery) sent with its results in the reply.
    StepEnd deliver(const PreparedBatch& batch) {
        const std::set<std::string> sent_ids(batch.ids.begin(), batch.ids.end());
        if (!older_register_) {
            auto reply = send("/v1/batches", &batch.body, {200, 202, 404});
            if (auto* end = std::get_if<Ending>(&reply)) return *end;
            const auto& response = std::get<HttpResponse>(reply);
            if (response.status == 202) return take_delivery(response.body, batch.sha, batch.sent);
            // Results are recorded on this connection, after the deliveries recorded before.
            if (auto recorded = finish_recording()) return recorded;
            // 200: the register read the batch at once, and answers as POST /v1/leads does.
            if (response.status == 200) return take_results(response.body, batch.sha, sent_ids, std::nullopt, &batch.sent);
            older_register_ = true;  // 404: a register from before delivery
        }
        if (auto recorded = finish_recording()) return recorded;
        auto reply = send("/v1/leads", &batch.body);
        if (auto* end = std::get_if<Ending>(&reply)) return *end;
        return take_results(std::get<HttpResponse>(reply).body, batch.sha, sent_ids, std::nullopt, &batch.sent);
    }

    // The register holds a batch's bytes: recorded under its signed word (after the delivery
    // before it, while the next batch travels), so the batch's leads are not sent again while
    // their results come.
    StepEnd take_delivery(const std::string& reply, const std::string& sha, const std::vector<SentLead>& leads) {
        auto received = protocol::verify_received_reply(reply, sha, pairing_.signing_public_key);
        if (!received) return ending(with_context("the register's word of delivery; nothing was marked delivered", received.error()));
        if (auto recorded = finish_recording()) return recorded;
        recorder_->start(leads, SyncReceipt{received->batch_sha256, received->signature, protocol::received_text(sha)});
        return std::nullopt;
    }

    // A batch's per-lead results, checked against the ids it held and the register's signature.
    // Results of a delivered batch (from_delivery) apply to the leads still in it; of a batch
    // sent with its results in the reply, to the leads still annotated as sent (as_sent).
    StepEnd take_results(const std::string& reply, const std::string& sha, const std::set<std::string>& sent_ids,
                         const std::optional<std::string>& from_delivery, const std::vector<SentLead>* as_sent = nullptr) {
        auto acks = protocol::decode_reply(reply, sent_ids);
        if (!acks) return ending(with_context("the register's reply was not understood", acks.error()));
        if (acks->empty()) return ending(make_error("the register acknowledged none of the batch", ErrorKind::bad_input));
        // Nothing counts as synced, and no sealed data may ever be purged for it, without the
        // paired register's signature over exactly these acknowledgements of exactly this batch.
        auto receipt = protocol::verify_reply_receipt_for(reply, sha, *acks, pairing_.signing_public_key);
        if (!receipt) return ending(with_context("the register's receipt; nothing was marked synced", receipt.error()));
        std::map<std::string_view, const SentLead*> sent_by_id;
        if (as_sent != nullptr) {
            for (const auto& lead : *as_sent) sent_by_id.emplace(lead.id, &lead);
        }
        std::vector<SyncOutcome> outcomes;
        for (const auto& ack : *acks) {
            SyncOutcome outcome{ack.id, SyncState::synced, {}, std::nullopt};
            switch (ack.status) {
                case protocol::AckStatus::stored: ++progress_.stored; break;
                case protocol::AckStatus::duplicate: ++progress_.duplicates; break;
                case protocol::AckStatus::rejected: ++progress_.rejected; outcome.state = SyncState::rejected; break;
                case protocol::AckStatus::conflict: ++progress_.conflicts; outcome.state = SyncState::conflict; break;
            }
            if (outcome.state != SyncState::synced) outcome.reason = ack.reason;
            if (const auto sent = sent_by_id.find(outcome.lead_id); sent != sent_by_id.end()) outcome.as_sent = *sent->second;
            outcomes.push_back(std::move(outcome));
        }
        // Only now, with the acknowledgements committed, do these leads stop being pending
        // (those annotated since the batch was read stay pending, for the next batch).
        const SyncReceipt kept{receipt->batch_sha256, receipt->signature, protocol::receipt_text(receipt->batch_sha256, *acks)};
        if (auto recorded = store_.record_sync_outcomes(outcomes, kept, from_delivery); !recorded) return ending(recorded.error());
        progress_.sent += static_cast<std::int64_t>(outcomes.size());
        progress_.clear_error();
        report_(progress_);
        return std::nullopt;
    }

    // Collects the results of delivered batches, oldest first (the register reads them in the
    // order they came). With wait, asks again while the oldest is still being read, until no
    // result came for results_wait; without, stops at the first still being read.
    StepEnd collect_results(bool wait) {
        auto deliveries = store_.deliveries();
        if (!deliveries) return ending(deliveries.error());
        auto last_news = std::chrono::steady_clock::now();
        for (std::size_t next = 0; next < deliveries->size();) {
            if (stop_.stop_requested()) return Ending{true, {}};
            const Delivery& delivery = (*deliveries)[next];
            // With wait, the register answers once the batch is read, or after a few seconds.
            auto reply = send("/v1/batches/" + delivery.batch_sha256 + (wait ? "?wait=5" : ""), nullptr, {200, 202, 404, 422});
            if (auto* end = std::get_if<Ending>(&reply)) return *end;
            const auto& response = std::get<HttpResponse>(reply);
            if (response.status == 202) {
                if (!wait) return std::nullopt;
                if (std::chrono::steady_clock::now() - last_news > settings_.results_wait) {
                    return ending(make_error("the register is still reading " + std::to_string(deliveries->size() - next) +
                                                 " delivered batches; their results come with the next sync",
                                             ErrorKind::transient));
                }
                // A register that honours ?wait answers 202 only after waiting itself, so this
                // pause matters for one that does not (it answers at once) and spaces its polls.
                if (!sleep_unless_stopped(poll_wait_, stop_)) return Ending{true, {}};
                poll_wait_ = std::min(poll_wait_ * 2, settings_.results_poll_longest);
                continue;
            }
            ++next;
            if (response.status == 200) {
                const std::set<std::string> ids(delivery.lead_ids.begin(), delivery.lead_ids.end());
                if (auto end = take_results(response.body, delivery.batch_sha256, ids, delivery.batch_sha256)) return end;
                last_news = std::chrono::steady_clock::now();
                continue;
            }
            // Refused whole (422) or unknown to the register (404): its leads are pending to be
            // sent again, and the sync says why it did not succeed.
            if (auto taken = store_.take_back_delivery(delivery.batch_sha256); !taken) return ending(taken.error());
            set_aside_error_ = response.status == 422
                                   ? make_error("the register refused a delivered batch: " + response.body.substr(0, 200),
                                                ErrorKind::bad_input)
                                   : make_error("the register does not know a batch it acknowledged; its leads are sent again",
                                                ErrorKind::transient);
        }
        return std::nullopt;
    }

    LeadStore& store_;
    const Pairing& pairing_;
    const SyncSettings& settings_;
    HttpClient& http_;
    const std::function<void(const SyncProgress&)>& report_;
    std::stop_token stop_;
    const std::vector<std::string> headers_;
    SyncProgress progress_;
    std::mt19937_64 random_{std::random_device{}()};
    ServerClock clock_;
    const std::string this_boot_ = current_boot_id();
    DeliveryRecorder* recorder_ = nullptr;  // while deliver_pending runs
    bool older_register_ = false;  // answered 404 to POST /v1/batches
    std::chrono::milliseconds poll_wait_ = settings_.results_poll_first;
    std::optional<Error> set_aside_error_;  // a batch taken back: the sync does not succeed
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
    return SyncRun(store_, pairing_, settings_, http_, report, std::move(stop)).run();
}

}  // namespace flytthit
