// The USB round trip: the kiosk writes one file (atomically, read back), the register imports
// it, and importing the same file again changes nothing.
#include "common/content/builtin_content.h"
#include "common/base/device_clock.h"
#include "firmware/kiosk.h"
#include "firmware/staff/usb_export.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::run_command;
using flytthit::test::valid_draft;

namespace {

const std::string kioskctl = FLYTTHIT_KIOSKCTL_PATH;

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
    return files;
}

}  // namespace

TEST_CASE("kioskctl export, then register import twice: stored once, the second import changes nothing") {
    TempDir kiosk_dir, usb, reg_dir;
    RegisterProcess reg(reg_dir / "register");
    // Paired first, so the leads are sealed to this register's key.
    REQUIRE(run_command(kioskctl + " --data-dir '" + kiosk_dir.path().string() + "' pair '" + reg.add_device("stand-1").string() + "'",
                        reg_dir.path()).exit_code == 0);
    {
        auto store = LeadStore::open(kiosk_dir.path());
        REQUIRE(store.ok());
        for (int i = 0; i < 25; ++i) REQUIRE(store->add(valid_draft("Lead " + std::to_string(i)), test::current_rules()).ok());
        std::string id;
        REQUIRE(store->for_each_lead([&](const Lead& lead) { id = lead.id; }).ok());
        REQUIRE(store->annotate(id, {"warm", "Ring etter jul", "os"}).ok());
    }
    const auto exported = run_command(kioskctl + " --data-dir '" + kiosk_dir.path().string() + "' export '" +
                                          usb.path().string() + "'", kiosk_dir.path());
    REQUIRE(exported.exit_code == 0);
    CHECK(exported.out.find("exported 25 leads") != std::string::npos);
    const auto files = files_in(usb.path());
    REQUIRE(files.size() == 1);  // one file, no temporary left behind
    CHECK(files[0].filename().string().rfind("flytthit-leads-", 0) == 0);
    CHECK((std::filesystem::status(files[0]).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    const std::string import = "import --dir '" + reg.dir().string() + "' '" + files[0].string() + "'";
    const auto first = reg.run(import);
    CAPTURE(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("stored: 25\n") != std::string::npos);
    CHECK(reg.lead_count() == 25);
    const auto second = reg.run(import);
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.find("stored: 0\n") != std::string::npos);
    CHECK(second.out.find("already there: 25\n") != std::string::npos);
    CHECK(reg.lead_count() == 25);
    CHECK(reg.conflict_count() == 0);
    // The staff's annotation came along: rating and note in their columns, and the lead given
    // to Os for follow-up is in Os' export with Os as its owner (the hosts' CSV, names not ids).
    const auto csv = reg.run("export --dir '" + reg.dir().string() + "' --municipality tynset");
    CHECK(csv.out.find("\"Lead 3\"") != std::string::npos);  // opened at the register, in clear
    const auto given = reg.run("export --dir '" + reg.dir().string() + "' --municipality os");
    CAPTURE(given.out.substr(0, 600));
    CHECK(given.out.find("\"warm\";\"Ring etter jul\"") != std::string::npos);
    CHECK(given.out.find("\"Os\"") != std::string::npos);
    CHECK(test::read_file(files[0]).find("Lead 3") == std::string::npos);  // but sealed on the stick
}

TEST_CASE("staff export from the kiosk screen writes the same file - a missing stick is a clear error") {
    TempDir kiosk_dir, usb, reg_dir;
    auto store = LeadStore::open(kiosk_dir.path());
    REQUIRE(store.ok());
    const ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    for (int i = 0; i < 3; ++i) REQUIRE(store->add(valid_draft(), test::current_rules()).ok());

    auto missing = export_leads(*store, usb / "not-mounted", "stand-1");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("not a directory") != std::string::npos);
    // A path the system cannot even look at is an error value too, never an exception.
    std::optional<Result<ExportSummary>> unreadable;
    CHECK_NOTHROW(unreadable.emplace(export_leads(*store, usb / std::string(300, 'x') / "stick", "stand-1")));
    REQUIRE(unreadable.has_value());
    REQUIRE_FALSE(unreadable->ok());
    CHECK(unreadable->error().kind == ErrorKind::unavailable);
    CHECK(unreadable->error().message.find("cannot be checked") != std::string::npos);

    auto exported = export_leads(*store, usb.path(), "stand 1/ø");
    REQUIRE(exported.ok());
    CHECK(exported->leads == 3);
    CHECK(exported->file.filename().string().find("stand_1__") != std::string::npos);  // a safe file name

    // An unpaired kiosk seals to the published demo key: only a demo register reads it.
    RegisterProcess strange(reg_dir / "real-register");
    const auto refused_sealed = strange.run("import --dir '" + strange.dir().string() + "' '" + exported->file.string() + "'");
    CHECK(refused_sealed.out.find("rejected: 3") != std::string::npos);
    CHECK(refused_sealed.err.find("sealed to another key") != std::string::npos);
    CHECK(strange.lead_count() == 0);

    RegisterProcess reg(reg_dir / "register", std::nullopt, {}, true);
    for (int round = 0; round < 2; ++round) {
        CHECK(reg.run("import --dir '" + reg.dir().string() + "' '" + exported->file.string() + "'").exit_code == 0);
        CHECK(reg.lead_count() == 3);
    }
    test::write_file(usb / "other.json", R"({"protocol": 1, "kind": "something else"})");
    const auto refused = reg.run("import --dir '" + reg.dir().string() + "' '" + (usb / "other.json").string() + "'");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("not a Flytthit leads export") != std::string::npos);
}
