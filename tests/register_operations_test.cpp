// Running a register for years: devices listed, revoked and rotated (the old token stops at
// once), conflicts reviewed and resolved, a backup taken while it serves, exports and imports
// in the audit log, and the systemd unit it ships with. A real register process throughout.
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "common/base/random_id.h"
#include "common/base/sqlite_db.h"
#include "common/protocol/pairing.h"
#include "common/protocol/sync_protocol.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>
#include <httplib.h>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::read_file;
using flytthit::test::run_command;
using flytthit::test::valid_draft;
using flytthit::test::write_file;

namespace {

std::string token_of(const std::filesystem::path& pairing) { return pairing_from_json(read_file(pairing))->token; }

int keys_status(const RegisterProcess& reg, const std::string& token) {
    httplib::Client client(reg.host(), reg.port());
    auto res = client.Get("/v1/keys", {{"Authorization", "Bearer " + token}});
    return res ? res->status : -1;
}

Lead clear_lead() {
    Lead lead;
    lead.id = *new_uuid_v4();
    lead.created = created_now();
    lead.draft = valid_draft();
    lead.draft.municipalities = {"roros"};
    lead.consent_given_at = lead.created.wall_clock_utc;
    return lead;
}

nlohmann::json post(const RegisterProcess& reg, const std::string& token, const std::vector<protocol::BatchItem>& items) {
    httplib::Client client(reg.host(), reg.port());
    auto res = client.Post("/v1/leads", {{"Authorization", "Bearer " + token}}, protocol::encode_batch(items), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return nlohmann::json::parse(res->body)["results"];
}

std::string dir_arg(const RegisterProcess& reg) { return "--dir '" + reg.dir().string() + "'"; }

}  // namespace

TEST_CASE("devices are listed - a revoked token stops at once - a rotated device has a new token and the old one stops") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string first = token_of(reg.add_device("stand-1"));
    const std::string second = token_of(reg.add_device("stand-2"));
    post(reg, first, {{clear_lead(), {}}});
    const auto listed = reg.run("devices " + dir_arg(reg));
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("stand-1\tleads 1\tlast sync 20") != std::string::npos);
    CHECK(listed.out.find("stand-2\tleads 0\tlast sync never\tactive") != std::string::npos);

    CHECK(reg.run("revoke " + dir_arg(reg) + " stand-2").exit_code == 0);
    CHECK(keys_status(reg, second) == 401);
    CHECK(keys_status(reg, first) == 200);
    CHECK(reg.run("devices " + dir_arg(reg)).out.find("stand-2\tleads 0\tlast sync never\trevoked 20") != std::string::npos);
    const auto unknown = reg.run("revoke " + dir_arg(reg) + " stand-9");
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("no device \"stand-9\"") != std::string::npos);

    const auto pairing = dir / "stand-1-new.json";
    const auto rotated = reg.run("rotate " + dir_arg(reg) + " stand-1 --url " + reg.url() + " --pairing-file '" + pairing.string() + "'");
    CAPTURE(rotated.err);
    CHECK(rotated.exit_code == 0);
    CHECK(keys_status(reg, first) == 401);
    CHECK(keys_status(reg, token_of(pairing)) == 200);
    CHECK(reg.lead_count() == 1);

    const auto no_url = reg.run("add-device " + dir_arg(reg) + " stand-3 --pairing-file '" + (dir / "x.json").string() + "'");
    CHECK(no_url.exit_code == 2);
    CHECK(no_url.err.find("--pairing-file needs --url") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.json"));
}

TEST_CASE("conflicts are listed, shown with both versions, and resolved keeping either") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    Lead lead = clear_lead();
    post(reg, token, {{lead, {}}});
    Lead changed = lead;
    changed.draft.contact.name = "Kari Changed";
    changed.draft.municipalities = {"tynset"};
    CHECK(post(reg, token, {{changed, {}}})[0]["status"] == "conflict");
    const auto listed = reg.run("conflicts " + dir_arg(reg));
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.rfind("1\tlead " + lead.id + "\tsecond version from stand-1", 0) == 0);
    const auto shown = reg.run("conflicts " + dir_arg(reg) + " show 1");
    CHECK(shown.out.find("first (stored):") != std::string::npos);
    CHECK(shown.out.find("Kari Changed") != std::string::npos);
    CHECK(reg.run("conflicts " + dir_arg(reg) + " resolve 1 keep-sideways").exit_code == 2);
    CHECK(reg.run("conflicts " + dir_arg(reg) + " resolve 1 keep-second").exit_code == 0);
    CHECK(reg.conflict_count() == 0);
    CHECK(reg.lead_count() == 1);
    CHECK(reg.run("stats " + dir_arg(reg)).out.find("municipality tynset: 1") != std::string::npos);
    CHECK(reg.run("conflicts " + dir_arg(reg) + " resolve 1 keep-first").exit_code == 1);  // closed already
}

TEST_CASE("a backup taken while the register serves is a consistent copy - exports and imports are in the audit log") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const std::string token = token_of(reg.add_device("stand-1"));
    for (int i = 0; i < 5; ++i) post(reg, token, {{clear_lead(), {}}, {clear_lead(), {}}});
    const auto file = dir / "backup.db";
    const auto backed = reg.run("backup " + dir_arg(reg) + " '" + file.string() + "'");
    CAPTURE(backed.err);
    CHECK(backed.exit_code == 0);
    {
        auto copy = Database::open(file);
        REQUIRE(copy.ok());
        CHECK(*copy->query_int("SELECT count(*) FROM leads") == 10);
        CHECK(*copy->query_text("PRAGMA integrity_check") == "ok");
    }
    CHECK(reg.run("backup " + dir_arg(reg) + " '" + file.string() + "'").exit_code == 1);  // never overwritten

    CHECK(reg.run("export " + dir_arg(reg) + " --municipality roros").exit_code == 0);
    auto db = Database::open(reg.dir() / "register.db");
    REQUIRE(db.ok());
    CHECK(*db->query_text("SELECT action || ' ' || leads || ' ' || detail FROM audit_log WHERE action = 'export'") ==
          "export 10 municipality roros");
    CHECK(db->query_text("SELECT user_name FROM audit_log WHERE action = 'export'")->rfind("cli:", 0) == 0);
}

TEST_CASE("the register's systemd unit passes systemd-analyze verify and keeps the register confined") {
    std::string unit = read_file(FLYTTHIT_SOURCE_DIR "/board/systemd/flytthit-register.service");
    for (const char* line : {"Type=notify", "WatchdogSec=", "Restart=always", "User=flytthit-register", "ProtectSystem=strict",
                             "NoNewPrivileges=yes", "PrivateTmp=yes", "ReadWritePaths=/var/lib/flytthit-register"}) {
        CAPTURE(line);
        CHECK(unit.find(line) != std::string::npos);
    }
    // As installed, but starting the register built here (verify checks that ExecStart exists).
    const std::string installed = "/usr/bin/flytthit-register";
    unit.replace(unit.find(installed), installed.size(), std::string(FLYTTHIT_REGISTER_PATH).substr(std::string(FLYTTHIT_RUN_PREFIX).size()));
    TempDir dir;
    write_file(dir / "flytthit-register.service", unit);
    const auto good = run_command("systemd-analyze verify '" + (dir / "flytthit-register.service").string() + "'", dir.path());
    CAPTURE(good.err);
    CHECK(good.exit_code == 0);
    CHECK(good.err.empty());
    // The control: verify exits 0 even then, so the test reads what it says.
    std::string misspelled = unit;
    misspelled.replace(misspelled.find("NoNewPrivileges="), 16, "NoNewPrivilege=");
    TempDir bad;
    write_file(bad / "flytthit-register.service", misspelled);
    const auto caught = run_command("systemd-analyze verify '" + (bad / "flytthit-register.service").string() + "'", bad.path());
    CHECK(caught.err.find("Unknown key 'NoNewPrivilege'") != std::string::npos);
}
