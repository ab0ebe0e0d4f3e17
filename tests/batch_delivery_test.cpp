// Delivered batches at a real flytthit-register on loopback (POST /v1/batches, GET
// /v1/batches/<sha256>, PROTOCOL.md): the register's signed word that it holds a batch at once,
// the results after, exactly as POST /v1/leads gives them, only to the device that delivered,
// and nothing lost when the register stops before it has read what it holds.
#include "common/base/byte_encoding.h"
#include "common/protocol/receipt.h"
#include "common/protocol/sync_protocol.h"
#include "register/batch_checker.h"
#include "register/http_listener.h"
#include "register/register_store.h"
#include "tests/paired_kiosk.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::RegisterProcess;
using flytthit::test::scaled;
using flytthit::test::TempDir;

namespace {

// A kiosk paired with reg, holding count leads, and the body of its first batch.
struct Delivering {
    test::PairedKiosk kiosk;
    std::string body;
    std::string sha;
    httplib::Headers auth;

    Delivering(RegisterProcess& reg, const std::string& device, int count) {
        kiosk.pair(reg.add_device(device));
        kiosk.add_leads(count);
        auto leads = kiosk.store.pending_leads(protocol::max_batch_leads);
        REQUIRE(leads.ok());
        std::vector<protocol::BatchItem> items;
        for (auto& lead : *leads) items.push_back({std::move(lead), {}});
        body = protocol::encode_batch(items);
        sha = sha256_hex(body);
        auth = {{"Authorization", "Bearer " + kiosk.pairing().token}};
    }
};

// Asks for a batch's results until they are more than "checking", or a generous limit passes.
// With ?wait, as a kiosk asks: the register answers once the batch is read (the checker waits
// for deliveries to pause first), and a device asking 50 times a second would meet its rate
// limit (429) instead.
httplib::Result results_of(httplib::Client& client, const httplib::Headers& auth, const std::string& sha) {
    const auto until = std::chrono::steady_clock::now() + scaled(60s);
    for (;;) {
        auto res = client.Get("/v1/batches/" + sha + "?wait=5", auth);
        if (!res || res->status != 202 || std::chrono::steady_clock::now() > until) return res;
    }
}

std::set<std::string> ids_of(const test::PairedKiosk& kiosk) { return {kiosk.ids.begin(), kiosk.ids.end()}; }

}  // namespace

TEST_CASE("a delivered batch: the register's signed word at once, the same results as POST /v1/leads after") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    Delivering stand(reg, "stand-1", 3);
    const std::string signing_public = stand.kiosk.pairing().signing_public_key;
    auto client = test::http_client(reg);

    auto delivered = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    REQUIRE(delivered);
    CAPTURE(delivered->body);
    REQUIRE(delivered->status == 202);
    CHECK(nlohmann::json::parse(delivered->body)["batch_sha256"] == stand.sha);
    CHECK(protocol::verify_received_reply(delivered->body, stand.sha, signing_public).ok());
    // The word of delivery is not results, and results are not a word of delivery.
    CHECK_FALSE(protocol::verify_reply_receipt_for(delivered->body, stand.sha, {}, signing_public).ok());

    auto results = results_of(client, stand.auth, stand.sha);
    REQUIRE(results);
    CAPTURE(results->body);
    REQUIRE(results->status == 200);
    auto acks = protocol::decode_reply(results->body, ids_of(stand.kiosk));
    REQUIRE(acks.ok());
    REQUIRE(acks->size() == 3);
    for (const auto& ack : *acks) CHECK(ack.status == protocol::AckStatus::stored);
    CHECK(protocol::verify_reply_receipt_for(results->body, stand.sha, *acks, signing_public).ok());
    CHECK_FALSE(protocol::verify_received_reply(results->body, stand.sha, signing_public).ok());
    CHECK(reg.lead_count() == 3);

    // The same body again is the same batch: acknowledged, stored once, its results unchanged.
    auto again = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    REQUIRE(again);
    CHECK(again->status == 202);
    auto results_again = results_of(client, stand.auth, stand.sha);
    REQUIRE(results_again);
    CHECK(results_again->body == results->body);
    CHECK(reg.lead_count() == 3);
    CHECK(reg.run("stats --dir '" + reg.dir().string() + "'").out.find("batches waiting to be read: 0\n") != std::string::npos);
}

TEST_CASE("a batch's results go only to the device that delivered it") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    Delivering stand(reg, "stand-1", 2);
    Delivering other(reg, "stand-2", 1);
    auto client = test::http_client(reg);
    auto delivered = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    REQUIRE(delivered);
    REQUIRE(delivered->status == 202);
    REQUIRE(results_of(client, stand.auth, stand.sha)->status == 200);

    auto as_other = client.Get("/v1/batches/" + stand.sha, other.auth);
    REQUIRE(as_other);
    CHECK(as_other->status == 404);
    CHECK(as_other->body.find("results") == std::string::npos);
    auto unknown = client.Get("/v1/batches/" + std::string(64, 'a'), stand.auth);
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto no_token = client.Get("/v1/batches/" + stand.sha);
    REQUIRE(no_token);
    CHECK(no_token->status == 401);
    std::string upper = stand.sha;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto not_a_sha = client.Get("/v1/batches/" + upper, stand.auth);
    REQUIRE(not_a_sha);
    CHECK(not_a_sha->status == 404);
}

TEST_CASE("a delivered body that is not a batch is refused whole with 422 and the reason") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    Delivering stand(reg, "stand-1", 1);
    auto client = test::http_client(reg);
    // Stored raw, so a hostile body reaches the checker's reading: nested 150 000 deep, it is
    // refused by the bounded decoder as POST /v1/leads refuses it, and the register lives on.
    const std::string deep = std::string(150'000, '[') + std::string(150'000, ']');
    const std::vector<std::pair<std::string, std::string>> bodies{
        {"<html>not a batch</html>", "batch refused"},
        {R"({"protocol": 2, "leads": []})", "batch refused"},
        {R"({"protocol": 1, "leads": [{"lead": )" + deep + "}]}", "nested deeper than 32 levels"},
    };
    for (const auto& [body, reason] : bodies) {
        CAPTURE(body.substr(0, 60));
        auto delivered = client.Post("/v1/batches", stand.auth, body, "application/json");
        REQUIRE(delivered);
        REQUIRE(delivered->status == 202);  // stored as received: read after
        auto results = results_of(client, stand.auth, sha256_hex(body));
        REQUIRE(results);
        CHECK(results->status == 422);
        CHECK(results->body.find(reason) != std::string::npos);
    }
    CHECK(reg.alive());
    CHECK(reg.lead_count() == 0);
    CHECK(reg.run("stats --dir '" + reg.dir().string() + "'").out.find("batches refused: 3\n") != std::string::npos);
    // And a real batch after them is read as any other.
    auto delivered = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    REQUIRE(delivered);
    REQUIRE(delivered->status == 202);
    auto results = results_of(client, stand.auth, stand.sha);
    REQUIRE(results);
    CHECK(results->status == 200);
    CHECK(reg.lead_count() == 1);
}

TEST_CASE("batches a register held but had not read when it stopped are read when it starts again") {
    TempDir dir;
    // The register dies right after committing the delivered bytes, before its reply and
    // before its checker could read them.
    RegisterProcess reg(dir / "register", std::nullopt, {"FLYTTHIT_REGISTER_EXIT_AFTER_COMMITS=1"});
    Delivering stand(reg, "stand-1", 4);
    auto client = test::http_client(reg);
    auto cut = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    CHECK((!cut || cut->status != 202));
    REQUIRE(reg.wait_for_exit(scaled(30s)));
    CHECK(reg.run("stats --dir '" + reg.dir().string() + "'").out.find("batches waiting to be read: 1\n") != std::string::npos);
    CHECK(reg.lead_count() == 0);

    reg.set_environment({});
    reg.start();
    auto restarted = test::http_client(reg);
    auto results = results_of(restarted, stand.auth, stand.sha);
    REQUIRE(results);
    CAPTURE(results->body);
    CHECK(results->status == 200);
    CHECK(reg.lead_count() == 4);
}

TEST_CASE("a device may hold at most 64 MiB delivered and not yet read") {
    TempDir dir;
    auto store = reg::RegisterStore::open(dir.path());
    REQUIRE(store.ok());
    auto device = store->add_device("stand-1", std::string(64, '0'));
    REQUIRE(device.ok());
    auto other = store->add_device("stand-2", std::string(64, '1'));
    REQUIRE(other.ok());
    reg::BatchInbox& inbox = store->inbox();
    const std::string body(protocol::max_batch_bytes, 'x');
    const std::size_t fits = protocol::max_unchecked_bytes / body.size();
    auto sha_of = [](std::size_t i) { return sha256_hex(std::to_string(i)); };
    for (std::size_t i = 0; i < fits; ++i) {
        auto delivery = inbox.receive(*device, sha_of(i), body);
        REQUIRE(delivery.ok());
        CHECK(delivery->stored);
    }
    CHECK(*inbox.waiting() == static_cast<std::int64_t>(fits));
    auto over = inbox.receive(*device, sha_of(fits), body);
    REQUIRE(over.ok());
    CHECK(over->over_limit);
    CHECK_FALSE(over->stored);
    // The same batch again is not more bytes; another device has a limit of its own.
    auto again = inbox.receive(*device, sha_of(0), body);
    REQUIRE(again.ok());
    CHECK(again->stored_before);
    auto theirs = inbox.receive(*other, sha_of(fits), body);
    REQUIRE(theirs.ok());
    CHECK(theirs->stored);
    // Once read, a batch no longer counts.
    REQUIRE(inbox.forget(*device, sha_of(0)).ok());
    auto after = inbox.receive(*device, sha_of(fits), body);
    REQUIRE(after.ok());
    CHECK(after->stored);
}

TEST_CASE("a results request with ?wait is answered once the batch is read, not with \"checking\"") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    // Enough leads that reading them takes the register far longer than a request's round trip.
    Delivering stand(reg, "stand-1", 300);
    auto client = test::http_client(reg);
    client.set_read_timeout(scaled(60s));
    auto delivered = client.Post("/v1/batches", stand.auth, stand.body, "application/json");
    REQUIRE(delivered);
    REQUIRE(delivered->status == 202);
    // Asked again while "checking" (a loaded or emulated machine may read 300 leads for longer
    // than one wait), but a "checking" may only come after the register waited the whole wait:
    // without ?wait it comes at once, sooner than the batch is read.
    const auto give_up = std::chrono::steady_clock::now() + scaled(120s);
    int status = 0;
    std::string body;
    for (;;) {
        const auto asked = std::chrono::steady_clock::now();
        auto results = client.Get("/v1/batches/" + stand.sha + "?wait=2", stand.auth);
        REQUIRE(results);
        status = results->status;
        body = results->body;
        if (status != 202) break;
        CHECK(std::chrono::steady_clock::now() - asked >= 2s);
        REQUIRE(std::chrono::steady_clock::now() < give_up);
    }
    CHECK(status == 200);
    auto acks = protocol::decode_reply(body, ids_of(stand.kiosk));
    REQUIRE(acks.ok());
    CHECK(acks->size() == 300);
}

TEST_CASE("SIGTERM stops the register cleanly, its batch checker's thread included") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    // The checker's thread starts before the server's signal handling: a SIGTERM handed to it
    // once ended the register by the signal (exit 143), and hung it under qemu.
    for (int run = 0; run < 3; ++run) {
        CAPTURE(run);
        CHECK(reg.stop(SIGTERM) == 0);
        reg.start();
    }
}

TEST_CASE("a stop asked before the listener runs still stops it (a SIGTERM just after \"listening on\")") {
    reg::Listener listener;
    REQUIRE(listener.bind("127.0.0.1", 0).ok());
    listener.stop();
    auto ran = std::async(std::launch::async, [&listener] { listener.run(); });
    const bool returned = ran.wait_for(scaled(30s)) == std::future_status::ready;
    CHECK(returned);  // the old flag, set by run() itself, undid the stop: it ran on for ever
    if (!returned) {
        listener.stop();  // so the test ends either way
        ran.wait();
    }
}

namespace {

// A BatchChecker whose checks only note when they ran: each finds work once after a wake
// (as a delivered batch would be), then nothing.
struct CheckLog {
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> checks;
    bool work = false;

    reg::BatchChecker::Step check() {
        std::lock_guard lock(mutex);
        checks.push_back(std::chrono::steady_clock::now());
        return std::exchange(work, false) ? reg::BatchChecker::Step::checked : reg::BatchChecker::Step::idle;
    }
    std::size_t count() {
        std::lock_guard lock(mutex);
        return checks.size();
    }
    std::chrono::steady_clock::time_point last() {
        std::lock_guard lock(mutex);
        return checks.back();
    }
    void deliver(reg::BatchChecker& checker) {
        {
            std::lock_guard lock(mutex);
            work = true;
        }
        checker.wake();
    }
};

}  // namespace

TEST_CASE("the batch checker reads only once deliveries pause, so reading does not slow a sync's deliveries") {
    CheckLog log;
    const auto quiet = scaled(5s);
    reg::BatchChecker checker([&log] { return log.check(); }, reg::CheckPacing{quiet, scaled(600s)});
    REQUIRE(test::wait_until([&] { return log.count() == 1; }));  // what an earlier run left: at once
    // A kiosk delivering back to back, for a second: nothing is read meanwhile.
    std::chrono::steady_clock::time_point last_delivery;
    for (int delivery = 0; delivery < 50; ++delivery) {
        last_delivery = std::chrono::steady_clock::now();  // before the wake: a lower bound of its time
        log.deliver(checker);
        std::this_thread::sleep_for(20ms);
    }
    CHECK(log.count() == 1);  // without the pacing: read after the first delivery
    REQUIRE(test::wait_until([&] { return log.count() >= 2; }, quiet + scaled(60s)));
    // Read once the deliveries had paused for the whole quiet time (a lower bound: load only
    // makes the wait longer).
    CHECK(log.last() - last_delivery >= quiet);
}

TEST_CASE("the batch checker reads within its longest wait even while deliveries never pause") {
    CheckLog log;
    const auto longest = scaled(1s);
    reg::BatchChecker checker([&log] { return log.check(); }, reg::CheckPacing{scaled(600s), longest});
    REQUIRE(test::wait_until([&] { return log.count() == 1; }));
    const auto first_delivery = std::chrono::steady_clock::now();
    const bool read_while_delivering = test::wait_until([&] {
        log.deliver(checker);
        return log.count() >= 2;
    }, scaled(60s));
    CHECK(read_while_delivering);  // without the longest wait: only after 600 s of quiet
    if (read_while_delivering) CHECK(log.last() - first_delivery >= longest);
}
