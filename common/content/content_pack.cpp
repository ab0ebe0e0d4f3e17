// Content pack loading and checking; see content_pack.h.
#include "common/content/content_pack.h"

#include "common/content/content_reading.h"
#include "common/content/content_signature.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace flytthit {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using content::ProblemLog;
using content::is_id;
using content::read_json_file;
using content::required_string;

std::optional<RgbColour> parse_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    int digits[6];
    for (int i = 0; i < 6; ++i) {
        digits[i] = hex(text[static_cast<std::size_t>(i) + 1]);
        if (digits[i] < 0) return std::nullopt;
    }
    return RgbColour{static_cast<std::uint8_t>(digits[0] * 16 + digits[1]),
                     static_cast<std::uint8_t>(digits[2] * 16 + digits[3]),
                     static_cast<std::uint8_t>(digits[4] * 16 + digits[5])};
}

void read_municipality(const json& entry, const std::string& where, const fs::path& directory, ImageProblems images,
                       ContentPack& pack, std::set<std::string>& ids, ProblemLog& log) {
    if (!entry.is_object()) {
        log.error(where, "must be an object");
        return;
    }
    Municipality municipality;
    const auto id = required_string(entry, "id", where + ".", log);
    const auto name = required_string(entry, "name", where + ".", log);
    const auto county = required_string(entry, "county", where + ".", log);
    const auto colour_text = required_string(entry, "colour", where + ".", log);
    if (id && !is_id(*id)) log.error(where + ".id", "\"" + *id + "\" must be lower-case letters, digits and '-'");
    if (id && !ids.insert(*id).second) log.error(where + ".id", "\"" + *id + "\" appears twice");
    std::optional<RgbColour> colour;
    if (colour_text && !(colour = parse_colour(*colour_text))) {
        log.error(where + ".colour", "\"" + *colour_text + "\" must look like #a3243b");
    }
    if (const auto member = entry.find("member"); member != entry.end() && !member->is_boolean()) {
        log.error(where + ".member", "must be true or false");
    } else if (member != entry.end()) {
        municipality.member = member->get<bool>();
    }
    if (const auto jewel = entry.find("jewel"); jewel != entry.end()) {
        const auto facets = jewel->find("facets");
        if (!jewel->is_object() || facets == jewel->end() || !facets->is_number_integer() ||
            facets->get<int>() < 3 || facets->get<int>() > 12) {
            log.error(where + ".jewel.facets", "must be a whole number from 3 to 12");
        } else {
            municipality.jewel.facets = facets->get<int>();
        }
        if (const auto rotation = jewel->find("rotation_deg"); jewel->is_object() && rotation != jewel->end()) {
            if (!rotation->is_number()) log.error(where + ".jewel.rotation_deg", "must be a number");
            else municipality.jewel.rotation_deg = rotation->get<float>();
        }
    }
    content::read_host(entry, where, municipality, log);
    content::read_image_set(entry, where + ".", directory, images, municipality.images, pack, log);
    municipality.position = content::read_position(entry, where + ".", log);
    if (!id || !name || !county || !colour) return;
    municipality.id = *id;
    municipality.name = *name;
    municipality.county = *county;
    municipality.colour = *colour;
    pack.municipalities.push_back(std::move(municipality));
}

// Texts every pack must have in Norwegian; other languages fall back to them with a warning.
std::vector<std::string> required_text_keys(const ContentPack& pack) {
    std::vector<std::string> keys{"region.name", "region.slogan", "region.welcome"};
    for (const auto& municipality : pack.municipalities) {
        keys.push_back("municipality." + municipality.id + ".tagline");
        for (std::string_view section : municipality_sections) {
            keys.push_back("municipality." + municipality.id + "." + std::string(section));
        }
    }
    for (const auto& campaign : pack.campaigns) keys.push_back("campaign." + campaign.id + ".pitch");
    if (!pack.region.population.empty() || !pack.region.results.empty()) keys.push_back("region.story");
    for (const auto& result : pack.region.results) {
        for (const auto& figure : result.figures) keys.push_back("region.figure." + figure.id);
    }
    if (!pack.commuting.empty()) keys.push_back("work_for_two.intro");
    if (pack.privacy.present()) {
        keys.push_back("privacy.title");
        keys.push_back("privacy.body");
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

// Cross-references between parts read separately: a result names a campaign of the pack.
void check_references(const ContentPack& pack, ProblemLog& log) {
    for (std::size_t i = 0; i < pack.region.results.size(); ++i) {
        const auto& id = pack.region.results[i].campaign_id;
        if (pack.find_campaign(id) == nullptr) {
            log.error("manifest.json: region.results[" + std::to_string(i) + "].campaign",
                      "\"" + id + "\" is not one of the pack's campaigns");
        }
    }
}

void read_texts(const fs::path& directory, ContentPack& pack, const std::vector<Language>& languages, ProblemLog& log) {
    for (Language language : languages) {
        const std::string name = "texts/" + std::string(language_code(language)) + ".json";
        const auto texts = read_json_file(directory / name, name, log);
        if (!texts) continue;
        if (!texts->is_object()) {
            log.error(name, "must be an object of \"key\": \"text\"");
            continue;
        }
        for (const auto& [key, value] : texts->items()) {
            if (!value.is_string()) {
                log.error(name + ": " + key, "must be text");
                continue;
            }
            pack.texts[language][key] = value.get<std::string>();
        }
    }
    const auto& norwegian = pack.texts[Language::nb];
    for (const auto& key : required_text_keys(pack)) {
        if (!norwegian.contains(key)) {
            log.error("texts/nb.json: " + key, "missing");
            continue;
        }
        for (Language language : languages) {
            if (language != Language::nb && !pack.texts[language].contains(key)) {
                log.warning("texts/" + std::string(language_code(language)) + ".json: " + key,
                            "missing; Norwegian is shown instead");
            }
        }
    }
}

}  // namespace

std::string ContentPack::text(Language language, const std::string& key) const {
    for (Language candidate : {language, Language::nb}) {
        if (const auto texts = this->texts.find(candidate); texts != this->texts.end()) {
            if (const auto found = texts->second.find(key); found != texts->second.end()) return found->second;
        }
    }
    return key;
}

const Campaign* ContentPack::find_campaign(const std::string& id) const {
    for (const auto& campaign : campaigns) {
        if (campaign.id == id) return &campaign;
    }
    return nullptr;
}

const PackImage* ContentPack::find_image(const std::string& file) const {
    for (const auto& image : images) {
        if (image.file == file) return &image;
    }
    return nullptr;
}

const Municipality* ContentPack::find_municipality(const std::string& id) const {
    for (const auto& municipality : municipalities) {
        if (municipality.id == id) return &municipality;
    }
    return nullptr;
}

std::string ContentPack::place_name(const std::string& id) const {
    if (const auto* municipality = find_municipality(id)) return municipality->name;
    for (const auto& place : commuting.places_outside) {
        if (place.id == id) return place.name;
    }
    return id;
}

std::vector<std::string> ContentPack::unknown_workplaces(const std::string& home) const {
    std::vector<std::string> workplaces;
    for (const auto& municipality : municipalities) workplaces.push_back(municipality.id);
    for (const auto& place : commuting.places_outside) workplaces.push_back(place.id);
    return commuting.unknown_from(home, workplaces);
}

std::vector<std::string> default_sign_up_steps() { return {"who", "household", "interests", "contact", "consent"}; }

std::string ContentProblem::to_string() const {
    return std::string(severity == Severity::error ? "error: " : "warning: ") + where + ": " + message;
}

bool ContentLoad::has_errors() const {
    for (const auto& problem : problems) {
        if (problem.severity == ContentProblem::Severity::error) return true;
    }
    return false;
}

ContentLoad load_content_pack(const fs::path& directory, ImageProblems images) {
    ContentLoad load;
    ProblemLog log(load.problems);
    if (!fs::is_directory(directory)) {
        log.error(directory.string(), "is not a directory");
        return load;
    }
    const auto manifest = read_json_file(directory / "manifest.json", "manifest.json", log);
    if (!manifest) return load;
    if (!manifest->is_object()) {
        log.error("manifest.json", "must be a JSON object");
        return load;
    }

    ContentPack pack;
    const auto format = manifest->find("format");
    if (format == manifest->end() || !format->is_number_integer()) {
        log.error("manifest.json: format", "missing or not a whole number");
    } else if (format->get<int>() != supported_content_format) {
        log.error("manifest.json: format", "version " + std::to_string(format->get<int>()) +
                                               " is not supported (this kiosk reads " +
                                               std::to_string(supported_content_format) + ")");
    } else {
        pack.format = format->get<int>();
    }
    pack.pack_version = required_string(*manifest, "pack_version", "manifest.json: ", log).value_or("");

    const auto region = manifest->find("region");
    if (region == manifest->end() || !region->is_object()) {
        log.error("manifest.json: region", "missing or not an object");
    } else {
        pack.region_id = required_string(*region, "id", "manifest.json: region.", log).value_or("");
        pack.web_url = required_string(*region, "web", "manifest.json: region.", log).value_or("");
        content::read_region_facts(*region, "manifest.json: region.", pack, log);
        content::read_image_set(*region, "manifest.json: region.", directory, images, pack.region_images, pack, log);
    }

    std::vector<Language> languages;
    const auto listed = manifest->find("languages");
    if (listed == manifest->end() || !listed->is_array()) {
        log.error("manifest.json: languages", "missing or not a list");
    } else {
        for (std::size_t i = 0; i < listed->size(); ++i) {
            const auto& code = (*listed)[i];
            const auto language = code.is_string() ? language_from_code(code.get<std::string>()) : std::nullopt;
            if (!language) log.error("manifest.json: languages[" + std::to_string(i) + "]", "must be nb, en or nl");
            else languages.push_back(*language);
        }
        if (std::find(languages.begin(), languages.end(), Language::nb) == languages.end()) {
            log.error("manifest.json: languages", "must include nb, the language every text falls back to");
        }
    }

    const auto municipalities = manifest->find("municipalities");
    if (municipalities == manifest->end() || !municipalities->is_array() || municipalities->empty()) {
        log.error("manifest.json: municipalities", "missing or empty");
    } else {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < municipalities->size(); ++i) {
            read_municipality((*municipalities)[i], "manifest.json: municipalities[" + std::to_string(i) + "]", directory,
                              images, pack, ids, log);
        }
    }

    if (const auto campaigns = manifest->find("campaigns"); campaigns != manifest->end()) {
        content::read_campaigns(*campaigns, pack, log);
        for (std::size_t i = 0; campaigns->is_array() && i < campaigns->size(); ++i) {
            const auto& entry = (*campaigns)[i];
            if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) continue;
            for (auto& campaign : pack.campaigns) {
                if (campaign.id != entry["id"].get<std::string>()) continue;
                content::read_image_set(entry, "manifest.json: campaigns[" + std::to_string(i) + "].", directory, images,
                                        campaign.images, pack, log);
                break;
            }
        }
    }
    if (region != manifest->end() && region->is_object()) content::read_map(*region, "manifest.json: region.", pack, log);
    content::read_privacy(*manifest, pack, log);
    content::read_commuting(directory, pack, log);
    check_references(pack, log);

    read_texts(directory, pack, languages, log);
    if (!load.has_errors()) load.pack = std::move(pack);
    return load;
}

Result<ContentChoice> choose_content(const fs::path& requested, const fs::path& state_dir) {
    const fs::path last_good = state_dir / "content-last-good";
    ContentLoad load = load_content_pack(requested, ImageProblems::leave_picture_out);
    if (load.pack) {
        // Keep a copy as the last good pack: copy beside, then swap by rename, so a power cut
        // leaves either the old copy or the new one, never half of each.
        std::error_code error;
        const fs::path incoming = state_dir / "content-last-good.incoming";
        const fs::path outgoing = state_dir / "content-last-good.outgoing";
        fs::remove_all(incoming, error);
        fs::remove_all(outgoing, error);
        fs::create_directories(state_dir, error);
        // Copied only when it changed: an SD card should not be rewritten at every boot.
        const auto new_digest = pack_digest(requested);
        const auto kept_digest = pack_digest(last_good);
        const bool unchanged = new_digest && kept_digest && *new_digest == *kept_digest;
        if (!unchanged && fs::weakly_canonical(requested, error) != fs::weakly_canonical(last_good, error)) {
            fs::copy(requested, incoming, fs::copy_options::recursive, error);
            if (!error) {
                if (fs::exists(last_good)) fs::rename(last_good, outgoing, error);
                if (!error) fs::rename(incoming, last_good, error);
                fs::remove_all(outgoing, error);
            }
        }
        // A failed copy costs only the fallback, never the pack we just loaded.
        return ContentChoice{std::move(*load.pack), requested, false, std::move(load.problems)};
    }
    ContentLoad fallback = load_content_pack(last_good, ImageProblems::leave_picture_out);
    if (fallback.pack) {
        return ContentChoice{std::move(*fallback.pack), last_good, true, std::move(load.problems)};
    }
    std::string report = "content pack " + requested.string() + " refused:";
    for (const auto& problem : load.problems) report += "\n  " + problem.to_string();
    report += "\n  and there is no last good pack in " + last_good.string();
    return make_error(report);
}

}  // namespace flytthit
