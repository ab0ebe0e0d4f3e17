// flytthit-kioskctl as a person or a script uses it: the real binary, a real data directory.
#include "tests/test_support.h"

#include <doctest/doctest.h>

using flytthit::test::CommandResult;
using flytthit::test::TempDir;
using flytthit::test::read_file;
using flytthit::test::run_command;
using flytthit::test::write_file;

namespace {

const std::string kioskctl = FLYTTHIT_KIOSKCTL_PATH;
const std::string example_lead = FLYTTHIT_SOURCE_DIR "/register/examples/lead.json";
const std::string builtin_pack = FLYTTHIT_SOURCE_DIR "/content/fjellregionen";

CommandResult ctl(const TempDir& dir, const std::string& arguments) {
    return run_command(kioskctl + " --data-dir '" + (dir / "data").string() + "' " + arguments, dir.path());
}

std::string one_line(std::string json) {
    std::string line;
    for (char c : json) {
        if (c != '\n') line += c;
    }
    return line;
}

int count_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("add-lead then list: every printed id is listed, and status counts them") {
    TempDir dir;
    const std::string lead = one_line(read_file(example_lead));
    write_file(dir / "leads.jsonl", lead + "\n" + lead + "\n\n" + lead + "\n");
    const auto added = ctl(dir, "add-lead '" + (dir / "leads.jsonl").string() + "'");
    CHECK(added.exit_code == 0);
    CHECK(added.err.empty());
    REQUIRE(count_lines(added.out) == 3);

    const auto listed = ctl(dir, "list");
    CHECK(listed.exit_code == 0);
    std::istringstream ids(added.out);
    for (std::string id; std::getline(ids, id);) {
        CHECK(id.size() == 36);
        CHECK(listed.out.find(id + " ") != std::string::npos);
    }
    CHECK(count_lines(listed.out) == 3);
    CHECK(listed.out.find("event=oslo-plaza-2026") != std::string::npos);
    CHECK(listed.out.find("municipalities=tynset,roros") != std::string::npos);

    const auto status = ctl(dir, "status");
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("leads: 3\n") != std::string::npos);
    CHECK(status.out.find("pending: 3\n") != std::string::npos);
}

TEST_CASE("add-lead from stdin reports an invalid line by number and stores the rest") {
    TempDir dir;
    const std::string lead = one_line(read_file(example_lead));
    write_file(dir / "mixed.jsonl", lead + "\n{\"contact\": {\"name\": \"X\", \"phone\": \"12\"}}\nnot json\n" + lead + "\n");
    const auto added = ctl(dir, "add-lead - < '" + (dir / "mixed.jsonl").string() + "'");
    CHECK(added.exit_code == 1);
    CHECK(count_lines(added.out) == 2);
    CHECK(added.err.find("stdin:2: contact.phone: Use 8 digits, or + and a country code.") != std::string::npos);
    CHECK(added.err.find("stdin:2: consent:") != std::string::npos);
    CHECK(added.err.find("stdin:3: not valid JSON") != std::string::npos);
    CHECK(added.err.find("2 line(s) rejected") != std::string::npos);
    CHECK(ctl(dir, "status").out.find("leads: 2\n") != std::string::npos);
}

TEST_CASE("check-content: 0 for a valid pack, 1 with every problem for a broken one") {
    TempDir dir;
    const auto good = ctl(dir, "check-content '" + builtin_pack + "'");
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("ok: ") != std::string::npos);

    write_file(dir / "bad/manifest.json", R"({"format": 1, "languages": ["nb"], "municipalities": [{"id": "x"}]})");
    const auto bad = ctl(dir, "check-content '" + (dir / "bad").string() + "'");
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("error: manifest.json: pack_version: missing") != std::string::npos);
    CHECK(bad.out.find("error: manifest.json: municipalities[0].name: missing") != std::string::npos);
    CHECK(bad.out.find("error: texts/nb.json: cannot read") != std::string::npos);
}

TEST_CASE("bad usage and an unusable data directory are errors that say what and where") {
    TempDir dir;
    const auto unknown = ctl(dir, "frobnicate");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("unknown command") != std::string::npos);

    write_file(dir / "blocker", "a file where the data directory should be");
    const auto blocked = run_command(kioskctl + " --data-dir '" + (dir / "blocker/data").string() + "' status", dir.path());
    CHECK(blocked.exit_code == 2);
    CHECK(blocked.err.find((dir / "blocker").string()) != std::string::npos);

    const auto missing = ctl(dir, "add-lead /nonexistent/leads.jsonl");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("cannot open /nonexistent/leads.jsonl") != std::string::npos);
}

TEST_CASE("set-retention takes whole days only, and status shows them") {
    TempDir dir;
    for (const char* bad : {"7days", "1e2", "", "-1", "366", "99999999999999999999"}) {
        CAPTURE(bad);
        const auto refused = ctl(dir, std::string("set-retention '") + bad + "'");
        CHECK(refused.exit_code == 1);
        CHECK(refused.err.find("expected 0 to 365 days") != std::string::npos);
    }
    REQUIRE(ctl(dir, "set-retention 14").exit_code == 0);
    const auto status = ctl(dir, "status");
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("retention: 14 days after sync\n") != std::string::npos);
}
