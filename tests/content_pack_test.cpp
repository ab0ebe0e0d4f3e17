// The content pack loader: the built-in pack is valid; each kind of broken pack is refused
// with the file and field named; the kiosk falls back to the last good pack.
#include "builtin_content.h"
#include "content_pack.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::test::write_file;

namespace {

const char* good_manifest = R"({
  "format": 1, "pack_version": "test-1",
  "region": {"id": "fjellregionen", "web": "https://www.fjellregionen.no"},
  "languages": ["nb", "en", "nl"],
  "municipalities": [
    {"id": "roros", "name": "Røros", "county": "Trøndelag", "colour": "#b22a3a", "jewel": {"facets": 8}},
    {"id": "tynset", "name": "Tynset", "county": "Innlandet", "colour": "#1f6fb2"}
  ]
})";

std::string texts(const std::string& extra = "") {
    return R"({"region.name": "Fjellregionen", "region.slogan": "S", "region.welcome": "W",
               "municipality.roros.tagline": "R", "municipality.tynset.tagline": "T")" +
           extra + "}";
}

void write_pack(const std::filesystem::path& dir, const std::string& manifest) {
    write_file(dir / "manifest.json", manifest);
    for (const char* language : {"nb", "en", "nl"}) write_file(dir / "texts" / (std::string(language) + ".json"), texts());
}

std::string report(const ContentLoad& load) {
    std::string text;
    for (const auto& problem : load.problems) text += problem.to_string() + "\n";
    return text;
}

// Loads a pack whose manifest has one substitution applied, and returns the report.
std::string report_for_manifest(const std::string& from, const std::string& to) {
    TempDir dir;
    std::string manifest = good_manifest;
    const auto at = manifest.find(from);
    REQUIRE(at != std::string::npos);
    manifest.replace(at, from.size(), to);
    write_pack(dir.path(), manifest);
    const ContentLoad load = load_content_pack(dir.path());
    CHECK(load.has_errors());
    CHECK_FALSE(load.pack.has_value());
    return report(load);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the built-in Fjellregionen pack loads without a problem") {
    const ContentLoad load = load_content_pack(builtin_content_dir());
    CHECK(report(load).empty());
    REQUIRE(load.pack.has_value());
    CHECK(load.pack->municipalities.size() == 8);
    CHECK(load.pack->find_municipality("holtalen")->name == "Holtålen");
    CHECK(load.pack->text(Language::en, "region.name") == "Fjellregionen");
}

TEST_CASE("a small valid pack loads, and a missing translation falls back to Norwegian with a warning") {
    TempDir dir;
    write_pack(dir.path(), good_manifest);
    write_file(dir / "texts/nl.json", R"({"region.name": "Fjellregionen"})");
    const ContentLoad load = load_content_pack(dir.path());
    REQUIRE(load.pack.has_value());
    CHECK_FALSE(load.has_errors());
    CHECK(contains(report(load), "warning: texts/nl.json: region.slogan: missing; Norwegian is shown instead"));
    CHECK(load.pack->text(Language::nl, "region.slogan") == "S");
    CHECK(load.pack->municipalities[1].jewel.facets == 6);  // default cut
}

TEST_CASE("broken packs are refused with file and field") {
    CHECK(contains(report_for_manifest(R"("format": 1)", R"("format": 7)"), "error: manifest.json: format: version 7"));
    CHECK(contains(report_for_manifest(R"("pack_version": "test-1",)", ""), "manifest.json: pack_version: missing"));
    CHECK(contains(report_for_manifest(R"("name": "Tynset", )", ""), "manifest.json: municipalities[1].name: missing"));
    CHECK(contains(report_for_manifest("#1f6fb2", "blue"), "manifest.json: municipalities[1].colour: \"blue\""));
    CHECK(contains(report_for_manifest(R"("id": "tynset")", R"("id": "roros")"),
                   "manifest.json: municipalities[1].id: \"roros\" appears twice"));
    CHECK(contains(report_for_manifest(R"("id": "tynset")", R"("id": "Tyn set")"), "municipalities[1].id"));
    CHECK(contains(report_for_manifest(R"("facets": 8)", R"("facets": 40)"), "municipalities[0].jewel.facets"));
    CHECK(contains(report_for_manifest(R"(["nb", "en", "nl"])", R"(["en", "sv"])"), "manifest.json: languages[1]"));
    CHECK(contains(report_for_manifest(R"("web": "https://www.fjellregionen.no")", R"("web": 5)"),
                   "manifest.json: region.web: must be non-empty text"));
    CHECK(contains(report_for_manifest(R"("municipalities": [)", R"("municipalities": [], "x": [)"),
                   "manifest.json: municipalities: missing or empty"));
}

TEST_CASE("unreadable files are refused with the file named") {
    TempDir dir;
    CHECK(contains(report(load_content_pack(dir / "nowhere")), "is not a directory"));

    write_pack(dir.path(), R"({"format": 1e999})");
    CHECK(contains(report(load_content_pack(dir.path())), "error: manifest.json: not valid JSON"));

    write_pack(dir.path(), "{ not json");
    CHECK(contains(report(load_content_pack(dir.path())), "error: manifest.json: not valid JSON"));

    write_pack(dir.path(), std::string("{\"format\": 1, \"pack_version\": \"R\xF8ros\"}"));
    CHECK(contains(report(load_content_pack(dir.path())), "error: manifest.json: not valid UTF-8"));

    write_pack(dir.path(), good_manifest);
    write_file(dir / "texts/nb.json", R"({"region.name": "Fjellregionen", "region.slogan": 5})");
    const std::string problems = report(load_content_pack(dir.path()));
    CHECK(contains(problems, "error: texts/nb.json: region.slogan: must be text"));
    CHECK(contains(problems, "error: texts/nb.json: municipality.roros.tagline: missing"));

    std::filesystem::remove(dir / "texts/nb.json");
    CHECK(contains(report(load_content_pack(dir.path())), "error: texts/nb.json: cannot read"));
}

TEST_CASE("the kiosk falls back to the last good pack when the new one is broken") {
    TempDir dir;
    const auto pack = dir / "pack";
    const auto state = dir / "state";
    write_pack(pack, good_manifest);
    auto first = choose_content(pack, state);
    REQUIRE(first.ok());
    CHECK_FALSE(first->fell_back);
    CHECK(std::filesystem::exists(state / "content-last-good/manifest.json"));

    write_file(pack / "manifest.json", "{ broken");
    auto second = choose_content(pack, state);
    REQUIRE(second.ok());
    CHECK(second->fell_back);
    CHECK(second->pack.pack_version == "test-1");
    REQUIRE_FALSE(second->problems.empty());
    CHECK(contains(second->problems[0].to_string(), "manifest.json: not valid JSON"));

    TempDir empty_state;
    auto none = choose_content(pack, empty_state.path());
    REQUIRE_FALSE(none.ok());
    CHECK(contains(none.error().message, "no last good pack"));
}
