// flytthit-register's tools and its protocol edges: CSV that spreadsheets open safely,
// stats, devices, and batches that are too large or not a batch at all.
#include "register/csv_export.h"
#include "common/base/sqlite_db.h"
#include "common/lead/lead_json.h"
#include "tests/register_process.h"
#include "common/protocol/sync_protocol.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <algorithm>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::http_client;
using flytthit::test::read_file;

TEST_CASE("CSV cells are quoted and formula triggers are neutralised") {
    CHECK(reg::csv_cell("Kari") == "\"Kari\"");
    CHECK(reg::csv_cell("Kari \"K\" Nordmann") == "\"Kari \"\"K\"\" Nordmann\"");
    CHECK(reg::csv_cell("a;b\nc") == "\"a;b\nc\"");
    for (const char* trigger : {"=1+1", "+47 912 34 567", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"}) {
        CAPTURE(trigger);
        const std::string cell = reg::csv_cell(trigger);
        CHECK(cell.substr(0, 2) == "\"'");
    }
    CHECK(reg::csv_cell("=HYPERLINK(\"http://x\";\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
    CHECK(reg::csv_cell("") == "\"\"");
}

namespace {

std::string post(const RegisterProcess& reg, const std::string& token, const std::string& body) {
    auto client = http_client(reg);
    auto res = client.Post("/v1/leads", {{"Authorization", "Bearer " + token}}, body, "application/json");
    if (!res) return "no response";
    return std::to_string(res->status) + " " + res->body;
}

std::string token_of(const std::filesystem::path& pairing) {
    return nlohmann::json::parse(read_file(pairing))["token"];
}

}  // namespace

TEST_CASE("the register refuses bad batches as a whole with a reason, and bad leads one by one") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));

    CHECK(post(reg, "wrong", "{}").rfind("401 ", 0) == 0);
    CHECK(post(reg, token, "not json").find("400 ") == 0);
    CHECK(post(reg, token, R"({"protocol": 9, "leads": []})").find("protocol version 9") != std::string::npos);
    nlohmann::json too_many = {{"protocol", 1}, {"leads", nlohmann::json::array()}};
    for (int i = 0; i < 501; ++i) too_many["leads"].push_back(nlohmann::json::object());
    CHECK(post(reg, token, too_many.dump()).find("at most 500 per batch") != std::string::npos);
    CHECK(post(reg, token, std::string(5 * 1024 * 1024, ' ')).rfind("413 ", 0) == 0);

    nlohmann::json bad_lead = nlohmann::json::parse(read_file(FLYTTHIT_SOURCE_DIR "/register/examples/batch.json"));
    bad_lead["leads"][0]["lead"]["contact"]["phone"] = "12";
    const std::string answer = post(reg, token, bad_lead.dump());
    CHECK(answer.rfind("200 ", 0) == 0);
    CHECK(answer.find("\"rejected\"") != std::string::npos);
    CHECK(answer.find("contact.phone") != std::string::npos);
    CHECK(reg.lead_count() == 0);
}

TEST_CASE("the example batch is stored, then acknowledged as a duplicate - stats and export show it") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    const std::string batch = read_file(FLYTTHIT_SOURCE_DIR "/register/examples/batch.json");
    CHECK(post(reg, token, batch).find("\"stored\"") != std::string::npos);
    CHECK(post(reg, token, batch).find("\"duplicate\"") != std::string::npos);

    const auto stats = reg.run("stats --dir '" + reg.dir().string() + "'");
    CHECK(stats.out.find("leads: 1\n") != std::string::npos);
    CHECK(stats.out.find("municipality tynset: 1\n") != std::string::npos);
    CHECK(stats.out.find("municipality roros: 1\n") != std::string::npos);

    // The CLI's export is the web app's: the person's name first, the phone as text that
    // shows no formula guard, names not ids, Oslo times, the follow-up state and last activity.
    const auto csv = reg.run("export --dir '" + reg.dir().string() + "' --municipality roros");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("\xEF\xBB\xBF\"Navn\";\"Telefon\";\"E-post\";\"Kommuner\";", 0) == 0);
    CHECK(csv.out.find("\"Status\";\"Siste aktivitet\"") != std::string::npos);
    CHECK(csv.out.find("\"Kari Nordmann\";\"912 34 567\";\"kari@example.no\";\"Tynset, Røros\"") != std::string::npos);
    CHECK(csv.out.find("'") == std::string::npos);         // no apostrophe shows as data
    CHECK(csv.out.find("+4791234567") == std::string::npos);  // a phone with + is text, not a formula
    CHECK(csv.out.find("Tynset: Ny, Røros: Ny") != std::string::npos);
    CHECK(csv.out.find("\"2026-11-23 11:15\"") != std::string::npos);  // 10:15 UTC is 11:15 in Oslo in November
    CHECK(csv.out.find("Arbeid, Oppvekst, Bolig") != std::string::npos);
    CHECK(csv.out.find("\"oslo-plaza-2026\"") == std::string::npos);  // the event by its name
    // Stored once although sent twice: one row.
    std::size_t rows = 0;
    for (auto at = csv.out.find("Kari Nordmann"); at != std::string::npos; at = csv.out.find("Kari Nordmann", at + 1)) ++rows;
    CHECK(rows == 1);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 2);  // the header and Kari
    // The name of the municipality in any case gives the same export.
    CHECK(reg.run("export --dir '" + reg.dir().string() + "' --municipality 'RØROS'").out == csv.out);
    CHECK(reg.run("export --dir '" + reg.dir().string() + "' --municipality os").out.find("Kari") == std::string::npos);
    CHECK(reg.run("export --dir '" + reg.dir().string() + "' --municipality roros --since 2999-01-01").out.find("Kari") ==
          std::string::npos);
}

TEST_CASE("the CLI export guards formulas, keeps a foreign number's leading zeros, and routes a lead staff gave to a host") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    nlohmann::json batch = nlohmann::json::parse(read_file(FLYTTHIT_SOURCE_DIR "/register/examples/batch.json"));
    nlohmann::json& entry = batch["leads"][0];
    entry["lead"]["id"] = "5a1c2b4a-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    entry["lead"]["contact"]["name"] = "=HYPERLINK(\"http://x\";\"y\")";
    entry["lead"]["contact"]["phone"] = "+46701234567";
    entry["lead"]["free_text"] = "@SUM(A1)";
    entry["lead"]["municipalities"] = {"roros"};
    entry["staff"] = {{"rating", "hot"}, {"follow_up", "tolga"}, {"note", "-ring etter jul"}};
    REQUIRE(post(reg, token, batch.dump()).find("\"stored\"") != std::string::npos);

    const auto tolga = reg.run("export --dir '" + reg.dir().string() + "' --municipality Tolga");
    REQUIRE(tolga.exit_code == 0);
    CHECK(tolga.out.find("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"") != std::string::npos);
    CHECK(tolga.out.find("\"'@SUM(A1)\"") != std::string::npos);
    CHECK(tolga.out.find("\"'-ring etter jul\"") != std::string::npos);
    CHECK(tolga.out.find("\"0046 701234567\"") != std::string::npos);  // text with its zeros, never +46 (a formula)
    CHECK(tolga.out.find("\"Røros, Tolga\"") != std::string::npos);
    CHECK(std::count(tolga.out.begin(), tolga.out.end(), '\n') == 2);
    const auto roros = reg.run("export --dir '" + reg.dir().string() + "' --municipality roros");
    CHECK(roros.out.find("HYPERLINK") != std::string::npos);
    CHECK(reg.run("export --dir '" + reg.dir().string() + "' --municipality tynset").out.find("HYPERLINK") == std::string::npos);
}

TEST_CASE("device names are unique, and a missing register directory is explained") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    reg.add_device("stand-1");
    CHECK_THROWS(reg.add_device("stand-1"));
    const auto missing = reg.run("stats --dir '" + (dir / "nowhere").string() + "'");
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("flytthit-register init") != std::string::npos);
}

TEST_CASE("protocol: a reply is checked against the batch it answers") {
    const std::set<std::string> sent{"11111111-1111-4111-8111-111111111111"};
    auto ok = protocol::decode_reply(
        R"({"protocol":1,"results":[{"id":"11111111-1111-4111-8111-111111111111","status":"duplicate","extra":1}],"future":true})",
        sent);
    REQUIRE(ok.ok());  // unknown fields are ignored
    CHECK((*ok)[0].status == protocol::AckStatus::duplicate);
    CHECK_FALSE(protocol::decode_reply(R"({"protocol":1,"results":[{"id":"x","status":"stored"}]})", sent).ok());
    CHECK_FALSE(protocol::decode_reply(R"({"results":[]})", sent).ok());
    CHECK_FALSE(protocol::decode_reply("\xFF", sent).ok());
    // Found by the sync reply fuzzer: a number no double can hold threw out_of_range, which
    // nothing caught, and a hostile reply could end the kiosk.
    CHECK_FALSE(protocol::decode_reply("333E333", sent).ok());
    CHECK_FALSE(protocol::decode_reply(R"({"protocol":1,"results":[],"x":1e999})", sent).ok());
    CHECK_FALSE(protocol::decode_batch(R"({"protocol":1,"leads":[1e999]})", 2026, nullptr).ok());
    CHECK_FALSE(lead_draft_from_json(R"({"household":{"adults":1e999}})").ok());
}

TEST_CASE("the register serves its content pack with an ETag, and 304 when the kiosk has it") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    auto client = http_client(reg);
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    auto none = client.Get("/v1/content", auth);
    REQUIRE(none);
    CHECK(none->status == 404);

    std::filesystem::copy(FLYTTHIT_SOURCE_DIR "/content/fjellregionen", reg.dir() / "content",
                          std::filesystem::copy_options::recursive);
    auto pack = client.Get("/v1/content", auth);
    REQUIRE(pack);
    CHECK(pack->status == 200);
    const std::string etag = pack->get_header_value("ETag");
    CHECK(etag.size() > 10);
    const auto bundle = nlohmann::json::parse(pack->body);
    CHECK(bundle["files"].contains("manifest.json"));
    CHECK(bundle["files"].contains("texts/nl.json"));

    httplib::Headers again = auth;
    again.emplace("If-None-Match", etag);
    auto unchanged = client.Get("/v1/content", again);
    REQUIRE(unchanged);
    CHECK(unchanged->status == 304);
    auto anonymous = client.Get("/v1/content");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
}

TEST_CASE("a device that floods the register is slowed down with 429 and Retry-After") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    auto client = http_client(reg);
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    int ok = 0, limited = 0;
    std::string retry_after;
    for (int i = 0; i < 80; ++i) {
        auto res = client.Get("/v1/keys", auth);
        REQUIRE(res);
        if (res->status == 200) ++ok;
        if (res->status == 429) {
            ++limited;
            retry_after = res->get_header_value("Retry-After");
        }
    }
    CHECK(ok >= 30);       // the burst goes through
    CHECK(limited > 0);    // the flood does not
    CHECK(retry_after == "1");
    // Another device is not affected by this one.
    const std::string other = token_of(reg.add_device("stand-2"));
    auto other_device = client.Get("/v1/keys", {{"Authorization", "Bearer " + other}});
    REQUIRE(other_device);
    CHECK(other_device->status == 200);
}

TEST_CASE("a store that cannot check tokens answers 503, never 401 (which would tell staff to re-pair)") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    auto client = http_client(reg);
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    auto before = client.Get("/v1/keys", auth);
    REQUIRE(before);
    REQUIRE(before->status == 200);
    const auto database = dir / "register" / "register.db";
    {
        auto other = Database::open(database);
        REQUIRE(other.ok());
        REQUIRE(other->exec("ALTER TABLE devices RENAME TO devices_away").ok());
    }
    auto broken = client.Get("/v1/keys", auth);
    REQUIRE(broken);
    CHECK(broken->status == 503);
    {
        auto other = Database::open(database);
        REQUIRE(other.ok());
        REQUIRE(other->exec("ALTER TABLE devices_away RENAME TO devices").ok());
    }
    auto repaired = client.Get("/v1/keys", auth);
    REQUIRE(repaired);
    CHECK(repaired->status == 200);
    auto unknown = client.Get("/v1/keys", {{"Authorization", "Bearer " + std::string(64, '0')}});
    REQUIRE(unknown);
    CHECK(unknown->status == 401);
}
