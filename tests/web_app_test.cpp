// The hosts' web app (register/web/) through HTTP against a real flytthit-register process on
// loopback: login and its cookie, lock-out, session expiry, CSRF, which leads a host sees
// (404 outside their municipalities, whatever the URL), roles, follow-up and the activity log,
// results, exports, the audit log, erasure then resend, and retention.
#include "common/base/device_clock.h"
#include "common/content/content_pack.h"
#include "common/content/content_results.h"
#include "common/content/content_signature.h"
#include "register/web/export_rows.h"
#include "register/web/oslo_time.h"
#include "register/web/web_text.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <map>
#include <regex>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using nlohmann::json;

namespace {

// A browser in miniature: one cookie jar, forms posted as application/x-www-form-urlencoded.
class Browser {
public:
    explicit Browser(const RegisterProcess& reg) : client_(reg.host(), reg.port()) {
        client_.set_read_timeout(60, 0);
    }

    httplib::Result get(const std::string& path) {
        auto res = client_.Get(path.c_str(), headers());
        keep_cookies(res);
        return res;
    }

    httplib::Result post(const std::string& path, httplib::Params form) {
        auto res = client_.Post(path.c_str(), headers(), form);
        keep_cookies(res);
        return res;
    }

    // The hidden csrf field of the page at path.
    std::string csrf_of(const std::string& path) {
        auto res = get(path);
        if (!res) return "";
        std::smatch found;
        static const std::regex field(R"re(name="csrf" value="([0-9a-f]+)")re");
        return std::regex_search(res->body, found, field) ? found[1].str() : "";
    }

    // Logs in through the form; returns the status of the reply to the POST.
    int login(const std::string& name, const std::string& password) {
        const std::string csrf = csrf_of("/login");
        auto res = post("/login", {{"csrf", csrf}, {"username", name}, {"password", password}});
        return res ? res->status : 0;
    }

    std::string csrf() { return csrf_of("/account/password"); }
    std::map<std::string, std::string> cookies;
    std::vector<std::string> set_cookie_lines;

private:
    httplib::Headers headers() const {
        std::string line;
        for (const auto& [name, value] : cookies) line += (line.empty() ? "" : "; ") + name + "=" + value;
        return line.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", line}};
    }

    void keep_cookies(const httplib::Result& res) {
        if (!res) return;
        for (auto [at, end] = res->headers.equal_range("Set-Cookie"); at != end; ++at) {
            set_cookie_lines.push_back(at->second);
            const std::string& line = at->second;
            const auto equals = line.find('=');
            const auto semicolon = line.find(';');
            const std::string name = line.substr(0, equals);
            const std::string value = line.substr(equals + 1, semicolon - equals - 1);
            if (value.empty() || line.find("Max-Age=0") != std::string::npos) cookies.erase(name);
            else cookies[name] = value;
        }
    }

    httplib::Client client_;
};

// A lead in protocol v1, from register/examples/batch.json with the given id, name and places.
json wire_lead(const std::string& id, const std::string& name, const std::vector<std::string>& municipalities,
               const std::string& campaign = "") {
    json batch = json::parse(test::read_file(FLYTTHIT_SOURCE_DIR "/register/examples/batch.json"));
    json item = batch["leads"][0];
    item["lead"]["id"] = id;
    item["lead"]["contact"]["name"] = name;
    item["lead"]["municipalities"] = municipalities;
    if (!campaign.empty()) item["lead"]["campaign_id"] = campaign;
    return item;
}

std::string send(const RegisterProcess& reg, const std::string& token, const std::vector<json>& items) {
    httplib::Client client(reg.host(), reg.port());
    const json batch{{"protocol", 1}, {"leads", items}};
    auto res = client.Post("/v1/leads", {{"Authorization", "Bearer " + token}}, batch.dump(), "application/json");
    return res ? std::to_string(res->status) + " " + res->body : "no response";
}

std::string token_of(const std::filesystem::path& pairing) {
    return json::parse(test::read_file(pairing))["token"];
}

// Runs the register with line on its stdin (how passwords go in).
test::CommandResult piped(const RegisterProcess& reg, const std::string& line, const std::string& arguments) {
    return test::run_command("echo '" + line + "' | " + test::register_binary + " " + arguments, reg.dir().parent_path());
}

void add_user(const RegisterProcess& reg, const std::string& arguments, const std::string& password = "pass-1234") {
    const auto added = piped(reg, password, "add-user --dir '" + reg.dir().string() + "' " + arguments);
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
}

constexpr const char* both = "11111111-1111-4111-8111-111111111111";    // Tynset and Røros
constexpr const char* roros = "22222222-2222-4222-8222-222222222222";   // Røros only
constexpr const char* tolga = "33333333-3333-4333-8333-333333333333";   // Røros, but staff gave it to Tolga

// A register with three leads and a coordinator, a Tynset host, a Røros host, a Tolga host and a viewer.
struct Region {
    TempDir dir;
    RegisterProcess reg;
    std::string token;

    explicit Region(std::vector<std::string> environment = {})
        : reg(dir / "register", std::nullopt, std::move(environment)) {
        token = token_of(reg.add_device("stand-1"));
        add_user(reg, "koordinator --role coordinator");
        add_user(reg, "tynset-vert --role host --municipality tynset");
        add_user(reg, "roros-vert --role host --municipality roros");
        add_user(reg, "tolga-vert --role host --municipality tolga");
        add_user(reg, "leser --role viewer");
        json given_to_tolga = wire_lead(tolga, "Per Tolgasen", {"roros"});
        given_to_tolga["staff"] = {{"rating", "warm"}, {"note", "Ring etter jul"}, {"follow_up", "tolga"}};
        const std::string answer = send(reg, token,
                                        {wire_lead(both, "Kari Nordmann", {"tynset", "roros"}, "forste-klasse"),
                                         wire_lead(roros, "Ola Bergstad", {"roros"}), given_to_tolga});
        REQUIRE_MESSAGE(answer.rfind("200 ", 0) == 0, answer);
        REQUIRE(answer.find("rejected") == std::string::npos);
    }
};

// One raw request on a fresh connection, and everything the register sent until it closed:
// for requests no well-behaved client would make (a body it never sends, a GET with a body).
std::string exchange(int port, const std::string& request) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    const timeval timeout{static_cast<time_t>(test::scaled(std::chrono::seconds(30)).count() / 1000), 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::string reply;
    if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) {
        std::string_view data = request;
        while (!data.empty()) {
            const ssize_t sent = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
            if (sent <= 0) break;
            data.remove_prefix(static_cast<std::size_t>(sent));
        }
        char buffer[4096];
        for (ssize_t got = 0; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) reply.append(buffer, static_cast<std::size_t>(got));
    }
    close(fd);
    return reply;
}

std::string status_line(const std::string& response) { return response.substr(0, response.find("\r\n")); }

int status_of(const httplib::Result& res) { return res ? res->status : 0; }
std::string body_of(const httplib::Result& res) { return res ? res->body : ""; }

}  // namespace

TEST_CASE("Oslo time: winter is UTC+1, summer UTC+2, switching on the last Sundays of March and October") {
    using namespace reg::web;
    CHECK(oslo_display("2026-01-15T12:00:00Z") == "15.01.2026 13:00");
    CHECK(oslo_display("2026-07-01T12:00:00Z") == "01.07.2026 14:00");
    CHECK(oslo_display("2026-03-29T00:59:59Z") == "29.03.2026 01:59");  // the last Sunday of March 2026
    CHECK(oslo_display("2026-03-29T01:00:00Z") == "29.03.2026 03:00");
    CHECK(oslo_display("2026-10-25T00:59:59Z") == "25.10.2026 02:59");
    CHECK(oslo_display("2026-10-25T01:00:00Z") == "25.10.2026 02:00");
    CHECK(oslo_date("2026-12-31T23:30:00Z") == "2027-01-01");
    CHECK(oslo_display("not a time").empty());
    CHECK(utc_months_before("2026-03-31T10:00:00Z", 1) == "2026-02-28T10:00:00Z");
    CHECK(utc_months_before("2026-03-31T10:00:00Z", 12) == "2025-03-31T10:00:00Z");
}

TEST_CASE("phone numbers are text with their leading zeros, and never a formula in CSV") {
    using namespace reg::web;
    CHECK(phone_display("+4791234567") == "+47 912 34 567");
    CHECK(phone_display("04123456") == "041 23 456");
    CHECK(phone_for_csv("+4791234567") == "912 34 567");
    CHECK(phone_for_csv("04123456") == "041 23 456");
    CHECK(phone_for_csv("+46701234567") == "0046 701234567");
}

TEST_CASE("every web text has Norwegian and English") {
    for (const auto& key : reg::web::text_keys()) {
        CAPTURE(key);
        CHECK(reg::web::text(reg::web::WebLanguage::nb, key) != key);
        CHECK(reg::web::text(reg::web::WebLanguage::en, key) != key);
    }
}

TEST_CASE("login sets an HttpOnly SameSite=Strict session cookie, logout ends the session") {
    Region region;
    Browser browser(region.reg);
    CHECK(status_of(browser.get("/inbox")) == 303);  // not logged in: to /login
    CHECK(browser.login("tynset-vert", "wrong") == 401);
    CHECK(browser.cookies.count("flytthit_session") == 0);
    CHECK(browser.login("tynset-vert", "pass-1234") == 303);
    REQUIRE(browser.cookies.count("flytthit_session") == 1);
    bool flags = false;
    for (const auto& line : browser.set_cookie_lines) {
        if (line.rfind("flytthit_session=", 0) == 0 && line.size() > 30) {
            flags = line.find("HttpOnly") != std::string::npos && line.find("SameSite=Strict") != std::string::npos &&
                    line.find("Secure") == std::string::npos;  // plain HTTP on loopback: no Secure
        }
    }
    CHECK(flags);
    const std::string session = browser.cookies["flytthit_session"];
    CHECK(session.size() == 64);  // 256 random bits
    auto inbox = browser.get("/inbox");
    CHECK(status_of(inbox) == 200);
    CHECK(body_of(inbox).find("Kari Nordmann") != std::string::npos);
    CHECK(status_of(browser.post("/logout", {{"csrf", browser.csrf()}})) == 303);
    browser.cookies["flytthit_session"] = session;  // the old token is worth nothing now
    CHECK(status_of(browser.get("/inbox")) == 303);

    // A login form without its own token is refused, even with the right password.
    Browser forged(region.reg);
    CHECK(status_of(forged.post("/login", {{"username", "tynset-vert"}, {"password", "pass-1234"}})) == 403);
    CHECK(forged.cookies.count("flytthit_session") == 0);
}

TEST_CASE("five wrong passwords lock the account, even against the right one") {
    Region region;
    Browser browser(region.reg);
    for (int i = 0; i < 5; ++i) CHECK(browser.login("roros-vert", "guess-" + std::to_string(i)) == 401);
    CHECK(browser.login("roros-vert", "pass-1234") == 429);
    CHECK(browser.cookies.count("flytthit_session") == 0);
    // The lock is kept in the database: a restart does not lift it.
    region.reg.stop();
    region.reg.start();
    Browser after(region.reg);
    CHECK(after.login("roros-vert", "pass-1234") == 429);
    CHECK(after.login("tynset-vert", "pass-1234") == 303);  // others are not affected
}

TEST_CASE("a session ends after the idle time") {
    Region region({"FLYTTHIT_WEB_IDLE_SECONDS=1"});
    Browser browser(region.reg);
    REQUIRE(browser.login("koordinator", "pass-1234") == 303);
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    auto res = browser.get("/inbox");
    CHECK(status_of(res) == 303);
    CHECK(res->get_header_value("Location") == "/login?expired=1");
}

TEST_CASE("a form without the session's CSRF token is refused and changes nothing") {
    Region region;
    Browser browser(region.reg);
    REQUIRE(browser.login("tynset-vert", "pass-1234") == 303);
    const std::string path = std::string("/leads/") + both;
    CHECK(status_of(browser.post(path + "/follow-up", {{"municipality", "tynset"}, {"state", "contacted"}})) == 403);
    CHECK(status_of(browser.post(path + "/follow-up", {{"csrf", std::string(64, 'a')}, {"municipality", "tynset"},
                                                       {"state", "contacted"}})) == 403);
    CHECK(status_of(browser.post(path + "/erase", {{"confirm", "yes"}})) == 403);
    const std::string page = body_of(browser.get(path));
    CHECK(page.find("Kari Nordmann") != std::string::npos);
    CHECK(page.find("Ingen aktivitet ennå.") != std::string::npos);
    // With the token it works (the check can pass).
    CHECK(status_of(browser.post(path + "/follow-up", {{"csrf", browser.csrf()}, {"municipality", "tynset"},
                                                       {"state", "contacted"}})) == 303);
    CHECK(body_of(browser.get(path)).find("Ingen aktivitet ennå.") == std::string::npos);
}

TEST_CASE("a Tynset host sees Tynset's leads only, and gets 404 for a Røros-only lead whatever the URL") {
    Region region;
    Browser tynset(region.reg);
    REQUIRE(tynset.login("tynset-vert", "pass-1234") == 303);
    const std::string inbox = body_of(tynset.get("/inbox"));
    CHECK(inbox.find("Kari Nordmann") != std::string::npos);
    CHECK(inbox.find("Ola Bergstad") == std::string::npos);
    CHECK(inbox.find("Per Tolgasen") == std::string::npos);
    CHECK(inbox.find("Tynset, Røros") != std::string::npos);  // names, not ids
    CHECK(status_of(tynset.get(std::string("/leads/") + both)) == 200);
    for (const std::string& path : {std::string("/leads/") + roros, std::string("/leads/") + roros + "?x=1",
                                   std::string("/leads/") + tolga, std::string("/leads/ffffffff-ffff-4fff-8fff-ffffffffffff")}) {
        CAPTURE(path);
        auto res = tynset.get(path);
        CHECK(status_of(res) == 404);
        CHECK(body_of(res).find("Ola Bergstad") == std::string::npos);
    }
    CHECK(status_of(tynset.post(std::string("/leads/") + roros + "/follow-up",
                                {{"csrf", tynset.csrf()}, {"municipality", "roros"}, {"state", "contacted"}})) == 404);
    CHECK(status_of(tynset.post(std::string("/leads/") + both + "/follow-up",
                                {{"csrf", tynset.csrf()}, {"municipality", "roros"}, {"state", "moved"}})) == 403);
    // The export has the same leads as the inbox.
    const std::string csv = body_of(tynset.get("/export.csv"));
    CHECK(csv.find("Kari Nordmann") != std::string::npos);
    CHECK(csv.find("Ola Bergstad") == std::string::npos);

    // The staff's followed-up-by routes a lead: Tolga's host sees the lead that names only Røros.
    Browser tolga_host(region.reg);
    REQUIRE(tolga_host.login("tolga-vert", "pass-1234") == 303);
    const std::string tolga_inbox = body_of(tolga_host.get("/inbox"));
    CHECK(tolga_inbox.find("Per Tolgasen") != std::string::npos);
    CHECK(tolga_inbox.find("Kari Nordmann") == std::string::npos);
    const std::string page = body_of(tolga_host.get(std::string("/leads/") + tolga));
    CHECK(page.find("Ring etter jul") != std::string::npos);
    CHECK(page.find("tel:+4791234567") != std::string::npos);
    CHECK(page.find("mailto:kari@example.no") != std::string::npos);
}

TEST_CASE("roles: a viewer sees results and no personal data - only the coordinator manages users and reads the audit") {
    Region region;
    Browser viewer(region.reg);
    REQUIRE(viewer.login("leser", "pass-1234") == 303);
    CHECK(status_of(viewer.get("/inbox")) == 303);  // to results
    CHECK(status_of(viewer.get(std::string("/leads/") + both)) == 404);
    CHECK(status_of(viewer.get("/export.csv")) == 403);
    CHECK(status_of(viewer.get("/users")) == 403);
    const std::string results = body_of(viewer.get("/results"));
    CHECK(results.find("<svg") != std::string::npos);
    CHECK(results.find("Kari") == std::string::npos);

    Browser host(region.reg);
    REQUIRE(host.login("roros-vert", "pass-1234") == 303);
    CHECK(status_of(host.get("/results")) == 403);
    CHECK(status_of(host.get("/audit")) == 403);
    CHECK(status_of(host.post("/users/add", {{"csrf", host.csrf()}, {"username", "x"}, {"role", "coordinator"},
                                             {"password", "p"}})) == 403);

    Browser coordinator(region.reg);
    REQUIRE(coordinator.login("koordinator", "pass-1234") == 303);
    const std::string inbox = body_of(coordinator.get("/inbox"));
    for (const char* name : {"Kari Nordmann", "Ola Bergstad", "Per Tolgasen"}) CHECK(inbox.find(name) != std::string::npos);
    CHECK(status_of(coordinator.post("/users/add", {{"csrf", coordinator.csrf()}, {"username", "os-vert"},
                                                    {"role", "host"}, {"municipalities", "os"},
                                                    {"password", "first-pass"}})) == 303);
    Browser os_host(region.reg);
    CHECK(os_host.login("os-vert", "first-pass") == 303);
    // The coordinator resets a password; the host changes their own.
    CHECK(status_of(coordinator.post("/users/reset", {{"csrf", coordinator.csrf()}, {"username", "os-vert"},
                                                      {"password", "second-pass"}})) == 303);
    CHECK(status_of(os_host.get("/inbox")) == 303);  // a reset ends the old sessions
    CHECK(os_host.login("os-vert", "first-pass") == 401);
    CHECK(os_host.login("os-vert", "second-pass") == 303);
    CHECK(status_of(os_host.post("/account/password", {{"csrf", os_host.csrf()}, {"current", "second-pass"},
                                                       {"password", "third-pass"}})) == 303);
    Browser again(region.reg);
    CHECK(again.login("os-vert", "third-pass") == 303);
}

TEST_CASE("follow-up: states and comments are log entries, each host sees the others', the funnel counts them") {
    Region region;
    Browser tynset(region.reg), roros_host(region.reg), coordinator(region.reg);
    REQUIRE(tynset.login("tynset-vert", "pass-1234") == 303);
    REQUIRE(roros_host.login("roros-vert", "pass-1234") == 303);
    REQUIRE(coordinator.login("koordinator", "pass-1234") == 303);
    const std::string lead = std::string("/leads/") + both;
    CHECK(body_of(coordinator.get("/results")).find("<strong>3</strong> interesserte, <strong>0</strong> har flyttet") !=
          std::string::npos);

    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "contacted"}, {"note", "Ringte, de vil komme i mars"}})) == 303);
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", ""}, {"note", "Sendte boligliste"}})) == 303);
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "bogus"}})) == 400);
    CHECK(status_of(roros_host.post(lead + "/follow-up", {{"csrf", roros_host.csrf()}, {"municipality", "roros"},
                                                          {"state", "not_moving"}})) == 303);
    // Røros's host sees what Tynset did, and the log keeps every entry, newest first.
    const std::string page = body_of(roros_host.get(lead));
    CHECK(page.find("Tynset</strong>: <span class=\"state state-contacted\">Kontaktet") != std::string::npos);
    CHECK(page.find("Røros</strong>: <span class=\"state state-not_moving\">Flytter ikke") != std::string::npos);
    const auto comment = page.find("Sendte boligliste");
    const auto first = page.find("Ringte, de vil komme i mars");
    REQUIRE(comment != std::string::npos);
    REQUIRE(first != std::string::npos);
    CHECK(comment < first);
    CHECK(page.find("tynset-vert") != std::string::npos);

    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "visit"}})) == 303);
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "moved"}, {"moved_on", "2027-03-01"}})) == 303);
    CHECK(body_of(tynset.get(lead)).find("01.03.2027") != std::string::npos);
    const std::string results = body_of(coordinator.get("/results"));
    CHECK(results.find("<strong>3</strong> interesserte, <strong>1</strong> har flyttet, <strong>0</strong> på vei") !=
          std::string::npos);
    CHECK(results.find("Første Klasse: 1 interesserte, 1 har flyttet") != std::string::npos);
    CHECK(results.find("Tynset: 1 interesserte, 1 har flyttet") != std::string::npos);
    CHECK(results.find("Røros: 3 interesserte, 0 har flyttet") != std::string::npos);
    // The state filter finds it; the coordinator can make another municipality the owner.
    CHECK(body_of(tynset.get("/inbox?state=moved")).find("Kari Nordmann") != std::string::npos);
    CHECK(body_of(tynset.get("/inbox?state=new")).find("Kari Nordmann") == std::string::npos);
    CHECK(status_of(coordinator.post(lead + "/owner", {{"csrf", coordinator.csrf()}, {"municipality", "tynset"}})) == 303);
    CHECK(body_of(roros_host.get(lead)).find("Tynset</strong> <span class=\"badge\">Eier") != std::string::npos);
}

TEST_CASE("exports: names not ids, phone as text, follow-up state, Oslo times - and the audit log shows every view") {
    Region region;
    Browser coordinator(region.reg);
    REQUIRE(coordinator.login("koordinator", "pass-1234") == 303);
    const std::string csv = body_of(coordinator.get("/export.csv?q=kari"));
    CHECK(csv.rfind("\xEF\xBB\xBF\"Navn\";\"Telefon\";", 0) == 0);
    CHECK(csv.find("\"Kari Nordmann\";\"912 34 567\";\"kari@example.no\";\"Tynset, Røros\"") != std::string::npos);
    CHECK(csv.find("Tynset: Ny, Røros: Ny") != std::string::npos);
    CHECK(csv.find("\"2026-11-23 11:15\"") != std::string::npos);  // 10:15 UTC is 11:15 in Oslo in November
    CHECK(csv.find("Første Klasse") != std::string::npos);
    CHECK(csv.find("Arbeid, Oppvekst, Bolig") != std::string::npos);
    CHECK(csv.find("Ola Bergstad") == std::string::npos);  // the filter holds
    CHECK(csv.find("'") == std::string::npos);

    auto xlsx = coordinator.get("/export.xlsx");
    REQUIRE(status_of(xlsx) == 200);
    CHECK(xlsx->body.rfind("PK", 0) == 0);
    test::write_file(region.dir / "leads.xlsx", xlsx->body);
    const auto strings = test::run_command("unzip -p '" + (region.dir / "leads.xlsx").string() + "' xl/sharedStrings.xml", region.dir.path());
    REQUIRE(strings.exit_code == 0);
    CHECK(strings.out.find("+47 912 34 567") != std::string::npos);
    CHECK(strings.out.find("Kari Nordmann") != std::string::npos);
    CHECK(strings.out.find("Tynset, Røros") != std::string::npos);
    const auto sheet = test::run_command("unzip -p '" + (region.dir / "leads.xlsx").string() + "' xl/worksheets/sheet1.xml", region.dir.path());
    CHECK(sheet.out.find("<c r=\"H2\" s=\"") != std::string::npos);  // the sign-up time is a number with a date format
    CHECK(sheet.out.find("<c r=\"H2\" s=\"2\" t=\"s\"") == std::string::npos);

    REQUIRE(status_of(coordinator.get(std::string("/leads/") + roros)) == 200);
    const std::string audit = body_of(coordinator.get("/audit"));
    CHECK(audit.find("export-csv") != std::string::npos);
    CHECK(audit.find("export-xlsx") != std::string::npos);
    CHECK(audit.find(std::string("view")) != std::string::npos);
    CHECK(audit.find(roros) != std::string::npos);
}

TEST_CASE("erasure deletes the person and keeps the counts - a resend is acknowledged and never brings them back") {
    Region region;
    Browser roros_host(region.reg), coordinator(region.reg);
    REQUIRE(roros_host.login("roros-vert", "pass-1234") == 303);
    REQUIRE(coordinator.login("koordinator", "pass-1234") == 303);
    const std::string lead = std::string("/leads/") + roros;
    CHECK(status_of(roros_host.post(lead + "/follow-up", {{"csrf", roros_host.csrf()}, {"municipality", "roros"},
                                                          {"state", "contacted"}, {"note", "Ola vil ha hytte"}})) == 303);
    CHECK(status_of(roros_host.post(lead + "/erase", {{"csrf", roros_host.csrf()}})) == 400);  // not confirmed
    CHECK(status_of(roros_host.post(lead + "/erase", {{"csrf", roros_host.csrf()}, {"confirm", "yes"}})) == 303);
    CHECK(body_of(roros_host.get("/inbox")).find("Ola Bergstad") == std::string::npos);
    CHECK(body_of(coordinator.get("/export.csv")).find("Ola Bergstad") == std::string::npos);
    const std::string erased_page = body_of(coordinator.get(lead));
    CHECK(erased_page.find("Ola") == std::string::npos);
    CHECK(erased_page.find("Ola vil ha hytte") == std::string::npos);
    const std::string counted = body_of(coordinator.get("/results"));
    CHECK(counted.find("<strong>3</strong> interesserte") != std::string::npos);
    CHECK(counted.find("<strong>1</strong> på vei") != std::string::npos);

    // The kiosk sends it again (it never heard the first reply): acknowledged, not stored.
    const std::string again = send(region.reg, region.token, {wire_lead(roros, "Ola Bergstad", {"roros"})});
    CHECK(again.find("\"duplicate\"") != std::string::npos);
    CHECK(region.reg.conflict_count() == 0);
    CHECK(body_of(coordinator.get("/inbox")).find("Ola Bergstad") == std::string::npos);
    CHECK(body_of(coordinator.get(lead)).find("Ola") == std::string::npos);
    const auto db = region.reg.run("export --dir '" + region.reg.dir().string() + "' --municipality roros");
    CHECK(db.out.find("Ola Bergstad") == std::string::npos);
    CHECK(body_of(coordinator.get("/audit")).find("erase") != std::string::npos);
}

TEST_CASE("retention erases leads whose follow-up ended longer ago than the coordinator's setting, counts kept") {
    Region region;
    Browser tynset(region.reg), roros_host(region.reg), coordinator(region.reg);
    REQUIRE(tynset.login("tynset-vert", "pass-1234") == 303);
    REQUIRE(roros_host.login("roros-vert", "pass-1234") == 303);
    REQUIRE(coordinator.login("koordinator", "pass-1234") == 303);
    // Kari: Tynset says moved, Røros not moving: ended everywhere. Ola: only contacted.
    CHECK(status_of(tynset.post(std::string("/leads/") + both + "/follow-up",
                                {{"csrf", tynset.csrf()}, {"municipality", "tynset"}, {"state", "moved"}})) == 303);
    CHECK(status_of(roros_host.post(std::string("/leads/") + both + "/follow-up",
                                    {{"csrf", roros_host.csrf()}, {"municipality", "roros"}, {"state", "not_moving"}})) == 303);
    CHECK(status_of(roros_host.post(std::string("/leads/") + roros + "/follow-up",
                                    {{"csrf", roros_host.csrf()}, {"municipality", "roros"}, {"state", "contacted"}})) == 303);
    // With the default of 12 months nothing is due yet.
    const auto kept = region.reg.run("retention --dir '" + region.reg.dir().string() + "'");
    CHECK(kept.out == "erased: 0\n");
    CHECK(body_of(coordinator.get("/inbox")).find("Kari Nordmann") != std::string::npos);
    // The coordinator sets 0 months: what ended is erased at once; the rest stays.
    CHECK(status_of(coordinator.post("/settings/retention", {{"csrf", coordinator.csrf()}, {"months", "0"}})) == 303);
    const std::string inbox = body_of(coordinator.get("/inbox"));
    CHECK(inbox.find("Kari Nordmann") == std::string::npos);
    CHECK(inbox.find("Ola Bergstad") != std::string::npos);
    CHECK(body_of(coordinator.get("/results")).find("<strong>3</strong> interesserte, <strong>1</strong> har flyttet") !=
          std::string::npos);
    CHECK(status_of(coordinator.post("/settings/retention", {{"csrf", coordinator.csrf()}, {"months", "-3"}})) == 400);
}

TEST_CASE("add-user explains bad input: role, municipality, empty password, taken name") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string d = "--dir '" + reg.dir().string() + "' ";
    auto r = piped(reg, "pw", "add-user " + d + "a --role boss");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("expected coordinator, host or viewer") != std::string::npos);
    r = piped(reg, "pw", "add-user " + d + "a --role host --municipality atlantis");
    CHECK(r.err.find("atlantis") != std::string::npos);
    r = piped(reg, "pw", "add-user " + d + "a --role host");
    CHECK(r.err.find("at least one --municipality") != std::string::npos);
    r = piped(reg, "", "add-user " + d + "a --role viewer");
    CHECK(r.err.find("password is empty") != std::string::npos);
    CHECK(piped(reg, "pw", "add-user " + d + "a --role host --municipality os --municipality tolga").exit_code == 0);
    r = piped(reg, "pw", "add-user " + d + "a --role viewer");
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("taken") != std::string::npos);
}

TEST_CASE("web requests pass the request gate: no body on GET, forms only, 8 KiB at most, refused with an HTML page") {
    Region region;
    const std::string form = "Content-Type: application/x-www-form-urlencoded\r\n";
    struct Case {
        std::string request;
        std::string status;
    };
    const std::vector<Case> cases{
        // Content-Length says 5 MiB and nothing follows: the reply comes without the body being read.
        {"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5242880\r\n\r\n", "HTTP/1.1 413"},
        {"POST /login HTTP/1.1\r\nHost: x\r\n" + form + "Content-Length: 9000\r\n\r\n", "HTTP/1.1 413"},
        {"POST /login HTTP/1.1\r\nHost: x\r\n" + form + "Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\n0123456789",
         "HTTP/1.1 415"},
        {"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\na=b", "HTTP/1.1 415"},
        {"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 3\r\n\r\na=b",
         "HTTP/1.1 415"},
        {"POST /login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: chunked\r\n\r\n3\r\na=b\r\n0\r\n\r\n",
         "HTTP/1.1 411"},
        {"GET /login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde", "HTTP/1.1 413"},
        {"PUT /inbox HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde", "HTTP/1.1 405"},
        {"GET /no-such-page HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"},
    };
    for (const auto& entry : cases) {
        CAPTURE(entry.request.substr(0, 120));
        const std::string response = exchange(region.reg.port(), entry.request);
        CHECK(status_line(response).rfind(entry.status, 0) == 0);
        CHECK(response.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
        CHECK(response.find("<html") != std::string::npos);
        CHECK(response.find("\"error\"") == std::string::npos);  // not the protocol's JSON
        CHECK(region.reg.alive());
    }

    // The note's limit: what the page lets a host type always fits the form limit; more is refused.
    Browser tynset(region.reg);
    REQUIRE(tynset.login("tynset-vert", "pass-1234") == 303);
    const std::string lead = std::string("/leads/") + both;
    CHECK(body_of(tynset.get(lead)).find("maxlength=\"1200\"") != std::string::npos);
    auto huge = tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"}, {"state", ""},
                                                  {"note", std::string(9 * 1024, 'x')}});
    CHECK(status_of(huge) == 413);
    CHECK(body_of(huge).find("<html") != std::string::npos);
    CHECK(body_of(tynset.get(lead)).find("Ingen aktivitet ennå.") != std::string::npos);
    std::string longest;
    for (int i = 0; i < 1200; ++i) longest += "ø";
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"}, {"state", ""},
                                                      {"note", longest}})) == 303);
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"}, {"state", ""},
                                                      {"note", longest + "å"}})) == 400);
    // The register still takes a kiosk's batch.
    const std::string answer = send(region.reg, region.token, {wire_lead("44444444-4444-4444-8444-444444444444", "Siri Fjell", {"tynset"})});
    CHECK(answer.rfind("200 ", 0) == 0);
    CHECK(region.reg.lead_count() == 4);
}

namespace {

// The content pack the register serves, as a paired kiosk receives it (update-content):
// fetched over HTTP with the device's token, unpacked, its signature checked against the
// register's key, then loaded.
ContentPack served_pack(const Region& region, const std::filesystem::path& into) {
    httplib::Client client(region.reg.host(), region.reg.port());
    auto res = client.Get("/v1/content", {{"Authorization", "Bearer " + region.token}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(unpack_bundle(json::parse(res->body), into).ok());
    const std::string public_key = test::read_file(region.reg.dir() / "keys" / "signing.public");
    const auto verified = verify_pack(into, public_key.substr(0, public_key.find('\n')));
    const std::string why = verified.ok() ? "" : verified.error().message;
    REQUIRE_MESSAGE(verified.ok(), why);
    ContentLoad load = load_content_pack(into);
    REQUIRE(load.pack);
    return *load.pack;
}

std::vector<CampaignResult> counted_by_register(const ContentPack& pack) {
    std::vector<CampaignResult> out;
    for (const auto& result : pack.region.results) {
        if (result.source == register_results_source) out.push_back(result);
    }
    return out;
}

int figure(const CampaignResult& result, const std::string& id) {
    for (const auto& f : result.figures) {
        if (f.id == id) return f.value;
    }
    return -1;
}

}  // namespace

TEST_CASE("publish-content --results yes carries the register's counts into the signed pack the kiosks get") {
    Region region;
    Browser tynset(region.reg);
    REQUIRE(tynset.login("tynset-vert", "pass-1234") == 303);
    const std::string lead = std::string("/leads/") + both;  // Kari, Første Klasse
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "contacted"}})) == 303);
    CHECK(status_of(tynset.post(lead + "/follow-up", {{"csrf", tynset.csrf()}, {"municipality", "tynset"},
                                                      {"state", "moved"}, {"moved_on", "2027-03-01"}})) == 303);
    const std::string dir_arg = "--dir '" + region.reg.dir().string() + "'";
    const std::string pack_dir = FLYTTHIT_SOURCE_DIR "/content/fjellregionen";

    const auto printed = region.reg.run("results " + dir_arg);
    REQUIRE_MESSAGE(printed.exit_code == 0, printed.err);
    const json entries = json::parse(printed.out);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0]["campaign"] == "forste-klasse");
    CHECK(entries[0]["source"] == "register");
    CHECK(printed.err.find("2 leads without a campaign") != std::string::npos);

    const auto published = region.reg.run("publish-content " + dir_arg + " '" + pack_dir + "' --results yes");
    REQUIRE_MESSAGE(published.exit_code == 0, published.err);
    CHECK(published.out.find("results carried: 1 campaigns") != std::string::npos);
    CHECK(published.err.find("not carried into the pack: 2 leads without a campaign") != std::string::npos);
    const ContentPack pack = served_pack(region, region.dir / "received-1");
    const auto counted = counted_by_register(pack);
    REQUIRE(counted.size() == 1);
    CHECK(counted[0].campaign_id == "forste-klasse");
    const std::string today = reg::web::oslo_date(utc_timestamp_now());
    CHECK(counted[0].as_of == today);
    CHECK(counted[0].year == std::stoi(today.substr(0, 4)));
    CHECK(figure(counted[0], "interested") == 1);
    CHECK(figure(counted[0], "contacted") == 1);
    CHECK(figure(counted[0], "visited") == 1);  // moving here passes the visit stage
    CHECK(figure(counted[0], "moved") == 1);
    CHECK(figure(counted[0], "on-the-way-now") == 0);
    CHECK(pack.text(Language::nb, "region.figure.contacted") == "familier ble kontaktet av verten");
    CHECK(pack.text(Language::nb, "region.figure.on-the-way-now") == "familier er på vei nå");  // now, not "var på vei"
    // The figures from the region's documents stay beside the counted ones.
    CHECK(pack.region.results.size() == counted.size() + 2);
    CHECK(pack.region.results[0].source.empty());
    CHECK(pack.region.results[0].year == 2005);

    // Publishing again replaces the register's entries with the new counts, never adds them twice.
    const std::string other = "44444444-4444-4444-8444-444444444444";
    REQUIRE(send(region.reg, region.token, {wire_lead(other, "Siri Solberg", {"roros"}, "forste-klasse")}).find("stored") !=
            std::string::npos);
    REQUIRE(region.reg.run("publish-content " + dir_arg + " '" + pack_dir + "' --results yes").exit_code == 0);
    const auto again = counted_by_register(served_pack(region, region.dir / "received-2"));
    REQUIRE(again.size() == 1);
    CHECK(figure(again[0], "interested") == 2);
    CHECK(figure(again[0], "moved") == 1);

    // A pack without the labels for the counted figures is refused; the served pack stays.
    const auto unlabelled = region.dir / "unlabelled";
    std::filesystem::copy(pack_dir, unlabelled, std::filesystem::copy_options::recursive);
    json nb = json::parse(test::read_file(unlabelled / "texts" / "nb.json"));
    nb.erase("region.figure.contacted");
    test::write_file(unlabelled / "texts" / "nb.json", nb.dump(2));
    const auto refused = region.reg.run("publish-content " + dir_arg + " '" + unlabelled.string() + "' --results yes");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("region.figure.contacted") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(region.reg.dir() / "content.publishing"));
    CHECK(figure(counted_by_register(served_pack(region, region.dir / "received-3"))[0], "interested") == 2);
    // Without --results the pack is published as written, with no counts.
    REQUIRE(region.reg.run("publish-content " + dir_arg + " '" + pack_dir + "'").exit_code == 0);
    CHECK(counted_by_register(served_pack(region, region.dir / "received-4")).empty());
    CHECK(region.reg.run("publish-content " + dir_arg + " '" + pack_dir + "' --results maybe").exit_code == 2);
}
