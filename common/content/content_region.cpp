// Reading the region page's figures, the campaigns and each municipality's host from
// manifest.json; see content_reading.h and content/README.md.
#include "common/content/content_reading.h"
#include "common/content/content_results.h"

#include "common/lead/lead_validation.h"
#include "common/protocol/rfc3339.h"

#include <algorithm>

namespace flytthit::content {

using nlohmann::json;

namespace {

constexpr int earliest_year = 1800;
constexpr int latest_year = 2200;
constexpr int most_inhabitants = 10'000'000;

std::optional<PopulationFigure> read_population(const json& entry, const std::string& where, ProblemLog& log) {
    if (!entry.is_object()) {
        log.error(where, "must be an object with year and inhabitants");
        return std::nullopt;
    }
    const auto year = required_int(entry, "year", where + ".", earliest_year, latest_year, log);
    const auto inhabitants = required_int(entry, "inhabitants", where + ".", 0, most_inhabitants, log);
    const bool approximate = optional_bool(entry, "approximate", where + ".", false, log);
    if (!year || !inhabitants) return std::nullopt;
    return PopulationFigure{*year, *inhabitants, approximate};
}

// "2026-12-02": a date alone, as the protocol's parser reads one.
bool is_plain_date(const std::string& text) {
    return text.size() == 10 && protocol::parse_rfc3339_or_date(text).ok();
}

std::optional<CampaignResult> read_result(const json& entry, const std::string& where, ProblemLog& log) {
    if (!entry.is_object()) {
        log.error(where, "must be an object");
        return std::nullopt;
    }
    CampaignResult result;
    const auto campaign = required_string(entry, "campaign", where + ".", log);
    const auto year = required_int(entry, "year", where + ".", earliest_year, latest_year, log);
    const auto figures = entry.find("figures");
    if (figures == entry.end() || !figures->is_array() || figures->empty()) {
        log.error(where + ".figures", "missing or empty");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < figures->size(); ++i) {
        const auto& figure = (*figures)[i];
        const std::string at = where + ".figures[" + std::to_string(i) + "]";
        if (!figure.is_object()) {
            log.error(at, "must be an object with id and value");
            continue;
        }
        const auto id = required_string(figure, "id", at + ".", log);
        const auto value = required_int(figure, "value", at + ".", 0, most_inhabitants, log);
        const std::string qualifier = optional_string(figure, "qualifier", at + ".", log);
        if (qualifier != "" && qualifier != "about" && qualifier != "at_least") {
            log.error(at + ".qualifier", "\"" + qualifier + "\" must be about or at_least");
        }
        if (id && !is_id(*id)) log.error(at + ".id", "\"" + *id + "\" must be lower-case letters, digits and '-'");
        if (id && value) result.figures.push_back({*id, *value, qualifier});
    }
    result.as_of = optional_string(entry, "as_of", where + ".", log);
    if (!result.as_of.empty() && !is_plain_date(result.as_of)) {
        log.error(where + ".as_of", "\"" + result.as_of.substr(0, 20) + "\" must be a date as YYYY-MM-DD");
    }
    result.source = optional_string(entry, "source", where + ".", log);
    if (!result.source.empty() && result.source != register_results_source) {
        log.error(where + ".source", "\"" + result.source.substr(0, 20) + "\" must be " + register_results_source +
                                         " or left out (the region's own documents)");
    }
    if (!campaign || !year) return std::nullopt;
    result.campaign_id = *campaign;
    result.year = *year;
    return result;
}

void check_steps(const std::vector<std::string>& steps, bool lead_is_tip, const std::string& where, ProblemLog& log) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        if (std::find(std::begin(sign_up_step_ids), std::end(sign_up_step_ids), step) == std::end(sign_up_step_ids)) {
            log.error(where + "[" + std::to_string(i) + "]",
                      "\"" + step + "\" is not a sign-up step (who, household, school_start, business_idea, tipper, "
                                    "interests, contact, consent)");
        }
        if (!seen.insert(step).second) {
            log.error(where + "[" + std::to_string(i) + "]", "\"" + step + "\" appears twice");
        }
    }
    if (std::find(steps.begin(), steps.end(), "contact") == steps.end()) log.error(where, "must include \"contact\"");
    if (steps.empty() || steps.back() != "consent") log.error(where, "must end with \"consent\"");
    if (lead_is_tip && std::find(steps.begin(), steps.end(), "tipper") == steps.end()) {
        log.error(where, "a campaign with lead_is_tip must ask the \"tipper\" step");
    }
}

}  // namespace

void read_region_facts(const json& region, const std::string& where, ContentPack& pack, ProblemLog& log) {
    if (const auto population = region.find("population"); population != region.end()) {
        if (!population->is_array()) log.error(where + "population", "must be a list");
        else {
            for (std::size_t i = 0; i < population->size(); ++i) {
                auto figure = read_population((*population)[i], where + "population[" + std::to_string(i) + "]", log);
                if (figure) pack.region.population.push_back(*figure);
            }
            std::stable_sort(pack.region.population.begin(), pack.region.population.end(),
                             [](const auto& a, const auto& b) { return a.year < b.year; });
        }
    }
    if (const auto goal = region.find("goal"); goal != region.end()) pack.region.goal = read_population(*goal, where + "goal", log);
    if (const auto results = region.find("results"); results != region.end()) {
        if (!results->is_array()) log.error(where + "results", "must be a list");
        else {
            for (std::size_t i = 0; i < results->size(); ++i) {
                auto result = read_result((*results)[i], where + "results[" + std::to_string(i) + "]", log);
                if (result) pack.region.results.push_back(std::move(*result));
            }
        }
    }
}

void read_campaigns(const json& campaigns, ContentPack& pack, ProblemLog& log) {
    if (!campaigns.is_array()) {
        log.error("manifest.json: campaigns", "must be a list");
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < campaigns.size(); ++i) {
        const auto& entry = campaigns[i];
        const std::string where = "manifest.json: campaigns[" + std::to_string(i) + "].";
        if (!entry.is_object()) {
            log.error(where.substr(0, where.size() - 1), "must be an object");
            continue;
        }
        Campaign campaign;
        const auto id = required_string(entry, "id", where, log);
        const auto name = required_string(entry, "name", where, log);
        if (id && !is_id(*id)) log.error(where + "id", "\"" + *id + "\" must be lower-case letters, digits and '-'");
        if (id && !ids.insert(*id).second) log.error(where + "id", "\"" + *id + "\" appears twice");
        campaign.target_group = optional_string(entry, "target_group", where, log);
        campaign.lead_is_tip = optional_bool(entry, "lead_is_tip", where, false, log);
        if (const auto steps = entry.find("steps"); steps != entry.end()) {
            if (!steps->is_array() || !std::all_of(steps->begin(), steps->end(), [](const json& s) { return s.is_string(); })) {
                log.error(where + "steps", "must be a list of step names");
            } else {
                campaign.steps = steps->get<std::vector<std::string>>();
            }
        }
        check_steps(campaign.steps, campaign.lead_is_tip, where + "steps", log);
        if (!id || !name) continue;
        campaign.id = *id;
        campaign.name = *name;
        pack.campaigns.push_back(std::move(campaign));
    }
}

void read_host(const json& entry, const std::string& where, Municipality& municipality, ProblemLog& log) {
    const auto host = entry.find("host");
    if (host == entry.end() || !host->is_object()) {
        log.error(where + ".host", "missing: every municipality names its host's office (tilflyttervert)");
        return;
    }
    municipality.host.office = required_string(*host, "office", where + ".host.", log).value_or("");
    municipality.host.web = optional_string(*host, "web", where + ".host.", log);
    municipality.host.email = optional_string(*host, "email", where + ".host.", log);
    municipality.host.opening_hours = optional_string(*host, "opening_hours", where + ".host.", log);
    const std::string& email = municipality.host.email;
    if (!email.empty()) {
        // A role address stays with the office when people change jobs; first.last does not.
        if (!is_valid_email(email)) log.error(where + ".host.email", "\"" + email + "\" is not an e-mail address");
        else if (email.substr(0, email.find('@')).find('.') != std::string::npos) {
            log.error(where + ".host.email", "\"" + email + "\" looks like a person's address; use the office's role address");
        }
    }
    if (!municipality.host.web.empty() && municipality.host.web.rfind("https://", 0) != 0) {
        log.error(where + ".host.web", "must start with https://");
    }
}

}  // namespace flytthit::content

namespace flytthit {

nlohmann::json campaign_result_to_json(const CampaignResult& result) {
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& figure : result.figures) {
        nlohmann::json entry{{"id", figure.id}, {"value", figure.value}};
        if (!figure.qualifier.empty()) entry["qualifier"] = figure.qualifier;
        figures.push_back(std::move(entry));
    }
    nlohmann::json entry{{"campaign", result.campaign_id}, {"year", result.year}, {"figures", std::move(figures)}};
    if (!result.as_of.empty()) entry["as_of"] = result.as_of;
    if (!result.source.empty()) entry["source"] = result.source;
    return entry;
}

Status replace_counted_results(nlohmann::json& manifest, const std::string& source,
                               const std::vector<CampaignResult>& results) {
    if (!manifest.is_object() || !manifest.contains("region") || !manifest["region"].is_object()) {
        return make_error("manifest.json: region: missing, so there is no page for the results", ErrorKind::bad_input);
    }
    nlohmann::json& region = manifest["region"];
    if (region.contains("results") && !region["results"].is_array()) {
        return make_error("manifest.json: region.results: must be a list", ErrorKind::bad_input);
    }
    nlohmann::json kept = nlohmann::json::array();
    if (region.contains("results")) {
        for (const auto& entry : region["results"]) {
            const bool counted = entry.is_object() && entry.contains("source") && entry["source"] == source;
            if (!counted) kept.push_back(entry);
        }
    }
    for (const auto& result : results) kept.push_back(campaign_result_to_json(result));
    region["results"] = std::move(kept);
    return ok_status();
}

}  // namespace flytthit
