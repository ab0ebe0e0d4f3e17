// The content pack loader: the built-in pack is valid; each kind of broken pack is refused
// with the file and field named; the kiosk falls back to the last good pack.
#include "common/content/builtin_content.h"
#include "common/content/content_pack.h"
#include "common/content/content_results.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::test::write_file;

namespace {

const char* good_manifest = R"({
  "format": 1, "pack_version": "test-1",
  "region": {"id": "fjellregionen", "web": "https://www.fjellregionen.no",
             "population": [{"year": 1983, "inhabitants": 25000, "approximate": true}, {"year": 2005, "inhabitants": 23188}],
             "goal": {"year": 2020, "inhabitants": 25000},
             "results": [{"campaign": "savner-du-noen", "year": 2008, "figures": [{"id": "called", "value": 600, "qualifier": "at_least"}]}]},
  "languages": ["nb", "en", "nl"],
  "municipalities": [
    {"id": "roros", "name": "Røros", "county": "Trøndelag", "colour": "#b22a3a", "jewel": {"facets": 8},
     "host": {"office": "Servicetorget, Røros kommune", "email": "postmottak@roros.example", "web": "https://roros.example"}},
    {"id": "tynset", "name": "Tynset", "county": "Innlandet", "colour": "#1f6fb2", "host": {"office": "Servicetorget"}}
  ],
  "campaigns": [
    {"id": "forste-klasse", "name": "Første Klasse", "steps": ["household", "school_start", "contact", "consent"]},
    {"id": "savner-du-noen", "name": "Savner du noen", "lead_is_tip": true, "steps": ["tipper", "contact", "consent"]}
  ],
  "privacy": {"version": "privacy-test-1", "controller": "Regionrådet for Fjellregionen"}
})";

const char* good_commuting = R"({"year": 2003, "source": "test",
  "places_outside": [{"id": "trondheim-region", "name": "Trondheimsregionen"}],
  "flows": [{"lives_in": "tynset", "works_in": "tynset", "persons": 2296, "confidence": "certain"},
            {"lives_in": "roros", "works_in": "trondheim-region", "persons": 118, "confidence": "likely"}]})";

std::string texts(const std::string& extra = "") {
    std::string all = R"({"region.name": "Fjellregionen", "region.slogan": "S", "region.welcome": "W", "region.story": "St",
               "region.figure.called": "called", "work_for_two.intro": "I",
               "campaign.forste-klasse.pitch": "P", "campaign.savner-du-noen.pitch": "P",
               "privacy.title": "T", "privacy.body": "B")";
    for (const char* id : {"roros", "tynset"}) {
        for (const char* key : {"tagline", "work", "childhood", "housing", "culture", "host"}) {
            all += std::string(", \"municipality.") + id + "." + key + "\": \"" + id + " " + key + "\"";
        }
    }
    return all + extra + "}";
}

void write_pack(const std::filesystem::path& dir, const std::string& manifest, const std::string& commuting = good_commuting) {
    write_file(dir / "manifest.json", manifest);
    write_file(dir / "commuting.json", commuting);
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

// Loads a pack whose commuting.json has one substitution applied, and returns the report.
std::string report_for_commuting(const std::string& from, const std::string& to) {
    TempDir dir;
    std::string commuting = good_commuting;
    const auto at = commuting.find(from);
    REQUIRE(at != std::string::npos);
    commuting.replace(at, from.size(), to);
    write_pack(dir.path(), good_manifest, commuting);
    const ContentLoad load = load_content_pack(dir.path());
    CHECK(load.has_errors());
    return report(load);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the built-in Fjellregionen pack loads without a problem, with every part the visitor sees") {
    const ContentLoad load = load_content_pack(builtin_content_dir());
    CHECK(report(load).empty());
    REQUIRE(load.pack.has_value());
    const ContentPack& pack = *load.pack;
    CHECK(pack.municipalities.size() == 8);
    CHECK(pack.find_municipality("holtalen")->name == "Holtålen");
    CHECK(pack.text(Language::en, "region.name") == "Fjellregionen");
    for (const auto& municipality : pack.municipalities) {
        CAPTURE(municipality.id);
        CHECK_FALSE(municipality.host.office.empty());
        for (Language language : all_languages) {
            for (std::string_view section : municipality_sections) {
                const std::string key = "municipality." + municipality.id + "." + std::string(section);
                CHECK(pack.texts.at(language).contains(key));  // translated, not fallen back
            }
        }
    }
    // The region's own figures, from its documents.
    REQUIRE(pack.region.population.size() == 2);
    CHECK(pack.region.population[1].inhabitants == 23188);
    CHECK(pack.region.goal->year == 2020);
    CHECK(pack.find_campaign("savner-du-noen")->lead_is_tip);
    CHECK(pack.find_campaign("forste-klasse")->steps ==
          std::vector<std::string>{"who", "household", "school_start", "interests", "contact", "consent"});
    // The 2003 commuting table as carried over from the source: only the known cells.
    CHECK(pack.commuting.year == 2003);
    CHECK(pack.commuting.flows.size() == 39);
    const auto tynset = pack.commuting.from("tynset");
    REQUIRE(tynset.size() == 10);
    CHECK(tynset.front().works_in == "tynset");
    CHECK(tynset.front().persons == 2296);
    CHECK(pack.commuting.from("folldal").size() == 1);  // the flattened row kept only its own cell
    CHECK(pack.commuting.unknown_from("folldal", {"tynset", "alvdal"}) == std::vector<std::string>{"tynset", "alvdal"});
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

TEST_CASE("hosts, campaigns and the region's figures are checked, each problem with file and field") {
    CHECK(contains(report_for_manifest(R"(, "host": {"office": "Servicetorget"})", ""),
                   "error: manifest.json: municipalities[1].host: missing"));
    CHECK(contains(report_for_manifest("postmottak@roros.example", "kari.nordmann@roros.example"),
                   "municipalities[0].host.email: \"kari.nordmann@roros.example\" looks like a person's address"));
    CHECK(contains(report_for_manifest("postmottak@roros.example", "postmottak"), "municipalities[0].host.email"));
    CHECK(contains(report_for_manifest("https://roros.example", "http://roros.example"),
                   "municipalities[0].host.web: must start with https://"));
    CHECK(contains(report_for_manifest(R"("school_start", "contact")", R"("school_start", "hobbies", "contact")"),
                   "error: manifest.json: campaigns[0].steps[2]: \"hobbies\" is not a sign-up step"));
    CHECK(contains(report_for_manifest(R"("school_start", "contact", "consent"])", R"("school_start", "consent", "contact"])"),
                   "campaigns[0].steps: must end with \"consent\""));
    CHECK(contains(report_for_manifest(R"(["tipper", "contact", "consent"])", R"(["contact", "consent"])"),
                   "campaigns[1].steps: a campaign with lead_is_tip must ask the \"tipper\" step"));
    CHECK(contains(report_for_manifest(R"("lead_is_tip": true)", R"("lead_is_tip": "yes")"), "campaigns[1].lead_is_tip"));
    CHECK(contains(report_for_manifest(R"("campaign": "savner-du-noen")", R"("campaign": "hesteriket")"),
                   "region.results[0].campaign: \"hesteriket\" is not one of the pack's campaigns"));
    CHECK(contains(report_for_manifest(R"("inhabitants": 23188)", R"("inhabitants": -5)"),
                   "region.population[1].inhabitants: must be a whole number"));
    CHECK(contains(report_for_manifest(R"("qualifier": "at_least")", R"("qualifier": "roughly")"),
                   "region.results[0].figures[0].qualifier"));
}

TEST_CASE("the commuting table is checked: known places, whole numbers, each cell once") {
    CHECK(contains(report_for_commuting(R"("lives_in": "roros")", R"("lives_in": "oslo")"),
                   "error: commuting.json: flows[1].lives_in: \"oslo\" is not a municipality of this pack"));
    CHECK(contains(report_for_commuting(R"("works_in": "trondheim-region")", R"("works_in": "bergen")"),
                   "commuting.json: flows[1].works_in: \"bergen\" is neither a municipality nor one of places_outside"));
    CHECK(contains(report_for_commuting(R"("persons": 118)", R"("persons": 11.8)"), "commuting.json: flows[1].persons"));
    CHECK(contains(report_for_commuting(R"("confidence": "likely")", R"("confidence": "maybe")"),
                   "commuting.json: flows[1].confidence: \"maybe\" must be certain or likely"));
    CHECK(contains(report_for_commuting(R"({"lives_in": "roros", "works_in": "trondheim-region")",
                                        R"({"lives_in": "tynset", "works_in": "tynset")"),
                   "commuting.json: flows[1]: tynset -> tynset appears twice"));
    CHECK(contains(report_for_commuting(R"("year": 2003)", R"("year": "2003")"), "commuting.json: year"));
}

TEST_CASE("a municipality section or a campaign pitch missing in Norwegian is an error, in English a warning") {
    TempDir dir;
    write_pack(dir.path(), good_manifest);
    auto nb = texts();
    const std::string section = R"(, "municipality.tynset.housing": "tynset housing")";
    REQUIRE(nb.find(section) != std::string::npos);
    nb.erase(nb.find(section), section.size());
    write_file(dir / "texts/en.json", nb);
    CHECK(contains(report(load_content_pack(dir.path())),
                   "warning: texts/en.json: municipality.tynset.housing: missing; Norwegian is shown instead"));
    write_file(dir / "texts/nb.json", nb);
    CHECK(contains(report(load_content_pack(dir.path())), "error: texts/nb.json: municipality.tynset.housing: missing"));
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

TEST_CASE("counted results carry their date and source, and writing them again replaces them") {
    CHECK(contains(report_for_manifest(R"("year": 2008, "figures")", R"("year": 2008, "as_of": "yesterday", "figures")"),
                   "error: manifest.json: region.results[0].as_of: \"yesterday\" must be a date as YYYY-MM-DD"));
    CHECK(contains(report_for_manifest(R"("year": 2008, "figures")", R"("year": 2008, "as_of": "2026-13-02", "figures")"),
                   "region.results[0].as_of"));
    CHECK(contains(report_for_manifest(R"("year": 2008, "figures")", R"("year": 2008, "source": "rumour", "figures")"),
                   "error: manifest.json: region.results[0].source: \"rumour\" must be register or left out"));

    // The encoder writes what the reader reads: a counted entry beside the documents' one.
    nlohmann::json manifest = nlohmann::json::parse(good_manifest);
    const CampaignResult counted{"forste-klasse", 2026, {{"interested", 3, ""}, {"moved", 1, ""}}, "2026-12-02",
                                 register_results_source};
    REQUIRE(replace_counted_results(manifest, register_results_source, {counted}).ok());
    REQUIRE(replace_counted_results(manifest, register_results_source, {counted}).ok());  // again: not twice
    TempDir dir;
    write_pack(dir.path(), manifest.dump(), good_commuting);
    write_file(dir / "texts" / "nb.json", texts(R"(, "region.figure.interested": "i", "region.figure.moved": "m")"));
    const ContentLoad load = load_content_pack(dir.path());
    REQUIRE_MESSAGE(load.pack, report(load));
    const auto& results = load.pack->region.results;
    REQUIRE(results.size() == 2);
    CHECK(results[0].campaign_id == "savner-du-noen");
    CHECK(results[0].source.empty());
    CHECK(results[0].as_of.empty());
    CHECK(results[1].campaign_id == "forste-klasse");
    CHECK(results[1].source == "register");
    CHECK(results[1].as_of == "2026-12-02");
    CHECK(results[1].year == 2026);
    REQUIRE(results[1].figures.size() == 2);
    CHECK(results[1].figures[1].id == "moved");
    CHECK(results[1].figures[1].value == 1);
    // Counting nothing removes the register's entries and keeps the documents'.
    REQUIRE(replace_counted_results(manifest, register_results_source, {}).ok());
    CHECK(manifest["region"]["results"].size() == 1);
    nlohmann::json no_region = {{"format", 1}};
    const auto refused = replace_counted_results(no_region, register_results_source, {counted});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("manifest.json: region") != std::string::npos);
}
