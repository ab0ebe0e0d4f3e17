// The register against hostile clients: deep JSON, bodies without end, slow and silent
// connections, garbage on the wire. Every case runs the real flytthit-register on loopback
// with raw sockets, and ends with the register alive and every good lead kept.
#include "common/protocol/bounded_json.h"
#include "common/protocol/pairing.h"
#include "common/protocol/sealing.h"
#include "common/protocol/sync_protocol.h"
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "common/base/random_id.h"
#include "common/base/sqlite_db.h"
#include "firmware/store/lead_store.h"
#include "firmware/sync/sync_client.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::RegisterProcess;
using flytthit::test::scaled;
using flytthit::test::TempDir;
using flytthit::test::valid_draft;

namespace {

// A TCP connection to the register from a chosen loopback source address (127.0.0.0/8 is
// all this machine, so "another host" is 127.0.0.2).
class RawConnection {
public:
    RawConnection(int port, const char* source = "127.0.0.1") {
        fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in from{};
        from.sin_family = AF_INET;
        inet_pton(AF_INET, source, &from.sin_addr);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
        const timeval timeout{static_cast<time_t>(scaled(30s).count() / 1000), 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
    ~RawConnection() {
        if (fd_ >= 0) close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }
    bool send_all(std::string_view data) {
        while (!data.empty()) {
            const ssize_t sent = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
            if (sent <= 0) return false;
            data.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }
    // Everything the register sends until it closes (or the timeout).
    std::string receive_all() {
        std::string text;
        char buffer[4096];
        for (;;) {
            const ssize_t got = recv(fd_, buffer, sizeof buffer, 0);
            if (got <= 0) return text;
            text.append(buffer, static_cast<std::size_t>(got));
        }
    }

private:
    int fd_ = -1;
    bool connected_ = false;
};

// One request on a fresh connection, and what came back.
std::string exchange(int port, const std::string& request) {
    RawConnection connection(port);
    REQUIRE(connection.connected());
    connection.send_all(request);
    return connection.receive_all();
}

std::string status_line(const std::string& response) { return response.substr(0, response.find("\r\n")); }

std::string token_of(const std::filesystem::path& pairing) {
    auto text = read_file_limited(pairing, 1 << 20);
    REQUIRE(text.ok());
    return pairing_from_json(*text)->token;
}

long resident_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A kiosk with leads, paired with the register, synced by the real sync client.
struct Kiosk {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));

    void add_leads(int count) {
        for (int i = 0; i < count; ++i) REQUIRE(store.add(valid_draft("Lead " + std::to_string(i)), test::current_rules()).ok());
    }
    void pair(const std::filesystem::path& pairing_file) {
        auto pairing = pairing_from_json(*read_file_limited(pairing_file, 1 << 20));
        REQUIRE(pairing.ok());
        REQUIRE(save_pairing(dir.path(), *pairing).ok());
    }
    SyncProgress sync() {
        SyncSettings settings;
        settings.batch_size = 50;
        settings.backoff_base = 50ms;
        settings.backoff_max = 500ms;
        settings.max_attempts = 8;
        settings.http.connect_timeout = scaled(20s);
        settings.http.total_timeout = scaled(120s);
        SyncClient client(store, *load_pairing(dir.path()), settings);
        return client.run([](const SyncProgress&) {}, {});
    }
};

// The register still answers, and still holds what it held.
void check_alive(RegisterProcess& reg, long leads) {
    CHECK(reg.alive());
    CHECK(status_line(exchange(reg.port(), "GET /v1/time HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) ==
          "HTTP/1.1 200 OK");
    CHECK(reg.lead_count() == leads);
}

}  // namespace

TEST_CASE("bounded JSON: deep, wide and long inputs are refused naming the limit - normal ones parse") {
    using protocol::parse_bounded_json;
    auto deep = parse_bounded_json(nested(150'000));
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().message == "nested deeper than 32 levels");
    CHECK(deep.error().kind == ErrorKind::bad_input);
    CHECK(parse_bounded_json(nested(32)).ok());
    CHECK_FALSE(parse_bounded_json(nested(33)).ok());

    std::string wide = "[";
    for (int i = 0; i < 300'000; ++i) wide += "0,";
    wide += "0]";
    auto too_wide = parse_bounded_json(wide);
    REQUIRE_FALSE(too_wide.ok());
    CHECK(too_wide.error().message == "more than 200000 values");

    auto too_long = parse_bounded_json("[\"" + std::string(2 * 1024 * 1024, 'a') + "\"]");
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error().message == "a text longer than 1048576 bytes");
    auto long_key = parse_bounded_json("{\"" + std::string(2000, 'k') + "\": 1}", {8, 100, 1000});
    REQUIRE_FALSE(long_key.ok());
    CHECK(long_key.error().message == "a text longer than 1000 bytes");

    CHECK(parse_bounded_json("not json").error().message.rfind("not valid JSON", 0) == 0);
    CHECK(parse_bounded_json("[1e999]").error().message == "not valid JSON (a number out of range)");
    auto fine = parse_bounded_json(R"({"a": [1, 2, {"b": "c"}]})");
    REQUIRE(fine.ok());
    CHECK((*fine)["a"][2]["b"] == "c");
}

TEST_CASE("sealed personal data takes whole birth years only (1e300 is refused, not converted)") {
    for (const char* years : {"[1e300]", "[2019.5]", "[-1]", "\"2019\"", "[[2019]]"}) {
        CAPTURE(years);
        const std::string text = std::string(R"({"contact": {"name": "K", "phone": "", "email": ""}, "free_text": "",)") +
                                 R"( "children_birth_years": )" + years + "}";
        auto personal = personal_from_json(text);
        REQUIRE_FALSE(personal.ok());
        CHECK(personal.error().message.find("children_birth_years") != std::string::npos);
    }
    auto good = personal_from_json(R"({"contact": {"name": "K", "phone": "", "email": ""}, "free_text": "", "children_birth_years": [2019, 2021]})");
    REQUIRE(good.ok());
    CHECK(good->children_birth_years == std::vector<int>{2019, 2021});
    CHECK(personal_from_json(nested(150'000)).error().message == "sealed personal data: nested deeper than 8 levels");
}

TEST_CASE("a batch nested 150 000 deep gets 400 naming the limit - the register lives and syncs after") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const auto pairing = reg.add_device("stand-1");
    const std::string token = token_of(pairing);
    for (const std::string& lead : {nested(150'000), "{\"a\":" + nested(700'000) + "}"}) {
        const std::string body = R"({"protocol": 1, "leads": [{"lead": )" + lead + "}]}";
        const std::string response = exchange(reg.port(), "POST /v1/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                                                              "\r\nContent-Type: application/json\r\nContent-Length: " +
                                                              std::to_string(body.size()) + "\r\n\r\n" + body);
        CHECK(status_line(response) == "HTTP/1.1 400 Bad Request");
        CHECK(response.find("nested deeper than 32 levels") != std::string::npos);
        CHECK(reg.alive());
    }
    Kiosk kiosk;
    kiosk.pair(pairing);  // first: leads are sealed to the key the kiosk is paired with
    kiosk.add_leads(3);
    const SyncProgress done = kiosk.sync();
    CAPTURE(done.last_error);
    CHECK(done.succeeded);
    check_alive(reg, 3);
}

TEST_CASE("flytthit-register import refuses an export file nested 150 000 deep, naming the limit") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const auto file = dir / "hostile.json";
    test::write_file(file, R"({"protocol": 1, "kind": "flytthit-leads-export", "device": "x", "leads": [{"lead": )" +
                               nested(150'000) + "}]}");
    const auto imported = reg.run("import --dir '" + reg.dir().string() + "' '" + file.string() + "'");
    CHECK(imported.exit_code == 1);
    CHECK(imported.err.find("nested deeper than 32 levels") != std::string::npos);
    check_alive(reg, 0);
}

TEST_CASE("400 MB chunked without a token is refused before the body: resident memory stays under 64 MiB") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    long peak_kib = 0;
    for (const std::string& authorization : {std::string(), "Authorization: Bearer " + token + "\r\n"}) {
        CAPTURE(authorization);
        RawConnection connection(reg.port());
        REQUIRE(connection.connected());
        connection.send_all("POST /v1/leads HTTP/1.1\r\nHost: x\r\n" + authorization +
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        const std::string chunk_data(1024 * 1024, '[');
        char size_line[32];
        std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk_data.size());
        const std::string chunk = size_line + chunk_data + "\r\n";
        int sent = 0;
        for (; sent < 400; ++sent) {
            if (!connection.send_all(chunk)) break;  // the register stopped reading: that is the point
            if (sent % 20 == 0) peak_kib = std::max(peak_kib, resident_kib(reg.pid()));
        }
        peak_kib = std::max(peak_kib, resident_kib(reg.pid()));
        const std::string response = connection.receive_all();
        MESSAGE("sent " << sent << " MiB before the register stopped reading; " << status_line(response));
        if (!response.empty()) CHECK(status_line(response) == (authorization.empty() ? "HTTP/1.1 401 Unauthorized" : "HTTP/1.1 413 Payload Too Large"));
        CHECK(sent < 400);
        CHECK(reg.alive());
    }
    MESSAGE("peak resident size: " << peak_kib << " KiB");
    CHECK(peak_kib > 0);
#if defined(__SANITIZE_ADDRESS__)
    // The register of this tier carries AddressSanitizer's shadow memory and quarantine (about
    // 150 MiB resident at rest), so its size says nothing here; that the body was refused
    // unread is checked above, and the 64 MiB bound in the normal tier.
    MESSAGE("resident-size bound skipped under AddressSanitizer");
#else
    if (std::string_view(FLYTTHIT_RUN_PREFIX).empty()) {
        CHECK(peak_kib < 64 * 1024);
    } else {
        // Under qemu-user the resident size is the emulator's too (its translated code).
        MESSAGE("resident-size bound skipped under emulation: " << FLYTTHIT_RUN_PREFIX);
    }
#endif
    check_alive(reg, 0);
}

TEST_CASE("200 slow and silent connections from one host do not stop a kiosk's sync") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const auto pairing = reg.add_device("stand-1");
    std::vector<std::unique_ptr<RawConnection>> attackers;
    for (int i = 0; i < 200; ++i) {
        attackers.push_back(std::make_unique<RawConnection>(reg.port(), "127.0.0.2"));
        // Half say nothing at all; half start a request and never finish it.
        if (i % 2 == 1) attackers.back()->send_all("POST /v1/leads HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }
    std::atomic<bool> done{false};
    // The slow half keep trickling a byte now and then, as a slowloris client does.
    std::thread trickle([&] {
        while (!done) {
            for (std::size_t i = 1; i < attackers.size() && !done; i += 2) attackers[i]->send_all("a");
            std::this_thread::sleep_for(200ms);
        }
    });
    Kiosk kiosk;
    kiosk.pair(pairing);
    kiosk.add_leads(120);
    const SyncProgress synced = kiosk.sync();
    done = true;
    trickle.join();
    CAPTURE(synced.last_error);
    CAPTURE(synced.total);
    CAPTURE(synced.rejected);
    CHECK(synced.succeeded);
    CHECK(synced.stored == 120);
    attackers.clear();
    check_alive(reg, 120);
}

TEST_CASE("garbage, huge headers, long URIs and encoded bodies get honest statuses and reasons") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    struct Case {
        std::string request;
        std::string status;
        std::string reason;
    };
    const std::vector<Case> cases{
        {"\x01\x02 garbage garbage\r\n\r\n", "HTTP/1.1 400 Bad Request", "malformed request line"},
        {"GET /v1/time HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n",
         "HTTP/1.1 431 Request Header Fields Too Large", "header"},
        {"GET /v1/time HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10 * 1024, 'a') + "\r\n\r\n",
         "HTTP/1.1 431 Request Header Fields Too Large", "header line is longer than 8192 bytes"},
        {"GET /" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414 URI Too Long",
         "longer than 8192 bytes"},
        {"POST /v1/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Encoding: gzip\r\nContent-Length: 10\r\n\r\n0123456789",
         "HTTP/1.1 415 Unsupported Media Type", "Content-Encoding \\\"gzip\\\" is not accepted"},
        {"POST /v1/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Length: 100000000\r\n\r\n",
         "HTTP/1.1 413 Payload Too Large", "a batch is at most"},
        {"GET /v1/time HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde", "HTTP/1.1 413 Payload Too Large",
         "takes no body"},
        {"GET /v1/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404 Not Found", "no such endpoint"},
        // A path that is not UTF-8 is quoted in the reason with the bytes replaced, never a 500
        // (the request fuzzer's first find).
        {"GET /v1/ke\xAD/ys HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404 Not Found", "no such endpoint: GET /v1/ke"},
        // Outside /v1/ the hosts' web app answers, with its own page.
        {"GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404 Not Found", "Finnes ikke"},
        {"POST /v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", "HTTP/1.1 401 Unauthorized",
         "unknown or missing device token"},
        // Delivery has the same limits as a batch sent, judged before the body is read.
        {"POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", "HTTP/1.1 401 Unauthorized",
         "unknown or missing device token"},
        {"POST /v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Length: 100000000\r\n\r\n",
         "HTTP/1.1 413 Payload Too Large", "a batch is at most"},
        {"POST /v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\n{}",
         "HTTP/1.1 415 Unsupported Media Type", "a batch is application/json"},
        {"POST /v1/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n",
         "HTTP/1.1 411 Length Required", "needs Content-Length"},
        {"GET /v1/batches/" + std::string(64, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 401 Unauthorized",
         "unknown or missing device token"},
        {"GET /v1/batches/" + std::string(64, 'a') + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Length: 5\r\n\r\nabcde",
         "HTTP/1.1 413 Payload Too Large", "takes no body"},
        {"GET /v1/batches/../../etc/passwd HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n",
         "HTTP/1.1 404 Not Found", "no such endpoint"},
        {"GET /v1/batches/" + std::string(65, 'a') + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n",
         "HTTP/1.1 404 Not Found", "no such endpoint"},
        {"GET /v1/batches/" + std::string(64, 'a') + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n",
         "HTTP/1.1 404 Not Found", "from this device"},
        // A wait that is not a number, or far too long, is no wait, or ten seconds: never a 500.
        {"GET /v1/batches/" + std::string(64, 'a') + "?wait=abc HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n",
         "HTTP/1.1 404 Not Found", "from this device"},
        {"GET /v1/batches/" + std::string(64, 'a') + "?wait=99999999999 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\n\r\n",
         "HTTP/1.1 404 Not Found", "from this device"},
    };
    for (const auto& entry : cases) {
        CAPTURE(entry.request.substr(0, 80));
        const std::string response = exchange(reg.port(), entry.request);
        CHECK(status_line(response) == entry.status);
        CHECK(response.find(entry.reason) != std::string::npos);
        CHECK(reg.alive());
    }
    check_alive(reg, 0);
}

namespace {

Lead clear_lead(const std::vector<std::string>& municipalities) {
    Lead lead;
    lead.id = *new_uuid_v4();
    lead.created = created_now();
    lead.draft = valid_draft();
    lead.draft.municipalities = municipalities;
    lead.consent_given_at = lead.created.wall_clock_utc;
    return lead;
}

std::string post_batch(const RegisterProcess& reg, const std::string& token, const std::vector<protocol::BatchItem>& items) {
    const std::string body = protocol::encode_batch(items);
    return exchange(reg.port(), "POST /v1/leads HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token +
                                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                                    "\r\n\r\n" + body);
}

nlohmann::json reply_of(const std::string& response) {
    return nlohmann::json::parse(response.substr(response.find("\r\n\r\n") + 4));
}

std::string rating_of(const RegisterProcess& reg, const std::string& id) {
    auto db = Database::open(reg.dir() / "register.db");
    REQUIRE(db.ok());
    auto rating = db->query_text("SELECT rating FROM leads WHERE id = '" + id + "'");
    REQUIRE(rating.ok());
    return *rating;
}

}  // namespace

TEST_CASE("unknown municipalities and times that are not RFC 3339 are rejected per lead - good leads beside them stored") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    std::vector<protocol::BatchItem> items;
    items.push_back({clear_lead({"roros"}), {}});
    items.push_back({clear_lead({"oslo"}), {}});
    items.push_back({clear_lead({"../../etc"}), {}});
    items.push_back({clear_lead({""}), {}});
    items.push_back({clear_lead({"tynset"}), {}});
    items.back().lead.created.wall_clock_utc = "not a date; =1+1";
    items.push_back({clear_lead({"tynset"}), {}});
    items.back().lead.consent_given_at = "2026-13-01T00:00:00Z";
    items.push_back({clear_lead({"tynset"}), {"corrected", "yesterday"}});
    items.push_back({clear_lead({"alvdal", "tolga"}), {}});
    const auto reply = reply_of(post_batch(reg, token, items));
    const auto& results = reply["results"];
    REQUIRE(results.size() == items.size());
    CHECK(results[0]["status"] == "stored");
    for (std::size_t i : {1u, 2u, 3u}) {
        CAPTURE(i);
        CHECK(results[i]["status"] == "rejected");
        CHECK(results[i]["reason"].get<std::string>().find("is not a municipality of this register") != std::string::npos);
    }
    CHECK(results[4]["reason"].get<std::string>().rfind("created.wall_clock_utc: \"not a date; =1+1\" is not an RFC 3339 time", 0) == 0);
    CHECK(results[5]["reason"].get<std::string>().rfind("consent.given_at:", 0) == 0);
    CHECK(results[6]["reason"].get<std::string>().rfind("clock.corrected_utc:", 0) == 0);
    CHECK(results[7]["status"] == "stored");
    check_alive(reg, 2);
    const auto stats = reg.run("stats --dir '" + reg.dir().string() + "'");
    CHECK(stats.out.find("oslo") == std::string::npos);
    CHECK(stats.out.find("etc") == std::string::npos);
}

TEST_CASE("export --municipality takes the id or the name in any case, and --since is parsed or refused") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    CHECK(reply_of(post_batch(reg, token, {{clear_lead({"roros"}), {}}}))["results"][0]["status"] == "stored");
    const std::string base = "export --dir '" + reg.dir().string() + "' --municipality ";
    for (const char* typed : {"roros", "ROROS", "Røros", "RØROS", "røros"}) {
        CAPTURE(typed);
        const auto exported = reg.run(base + "'" + typed + "'");
        CHECK(exported.exit_code == 0);
        CHECK(std::count(exported.out.begin(), exported.out.end(), '\n') >= 2);  // header and the lead
    }
    const auto unknown = reg.run(base + "atlantis");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("known ids: ") != std::string::npos);
    CHECK(unknown.err.find("roros") != std::string::npos);
    const auto yesterday = reg.run(base + "roros --since yesterday");
    CHECK(yesterday.exit_code == 2);
    CHECK(yesterday.err.find("--since: \"yesterday\" is not an RFC 3339 time") != std::string::npos);
    const auto future = reg.run(base + "roros --since 2999-01-01");
    CHECK(future.exit_code == 0);
    CHECK(std::count(future.out.begin(), future.out.end(), '\n') == 1);  // the header only
    CHECK(reg.run(base + "roros --since 2020-01-01T00:00:00Z").exit_code == 0);
}

TEST_CASE("only the device that sent a lead changes its annotation, and clearing travels like setting") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string first = token_of(reg.add_device("stand-1"));
    const std::string second = token_of(reg.add_device("stand-2"));
    protocol::BatchItem item{clear_lead({"roros"}), {}};
    item.lead.staff.rating = "hot";
    CHECK(reply_of(post_batch(reg, first, {item}))["results"][0]["status"] == "stored");
    CHECK(rating_of(reg, item.lead.id) == "hot");

    item.lead.staff.rating = "cold";
    const auto other = reply_of(post_batch(reg, second, {item}))["results"][0];
    CHECK(other["status"] == "duplicate");
    CHECK(other["reason"] == "the annotation was not applied: another device sent this lead");
    CHECK(rating_of(reg, item.lead.id) == "hot");

    item.lead.staff.rating = "";
    CHECK(reply_of(post_batch(reg, first, {item}))["results"][0]["status"] == "duplicate");
    CHECK(rating_of(reg, item.lead.id) == "");
    check_alive(reg, 1);
}
