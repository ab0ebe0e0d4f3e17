// Reading commuting.json, the "work for two" table; see commuting.h and content/README.md.
#include "common/content/content_reading.h"

#include <set>

namespace flytthit::content {

using nlohmann::json;

namespace {

constexpr int most_commuters = 1'000'000;

void read_places_outside(const json& root, CommutingTable& table, std::set<std::string>& workplaces, ProblemLog& log) {
    const auto places = root.find("places_outside");
    if (places == root.end()) return;
    if (!places->is_array()) {
        log.error("commuting.json: places_outside", "must be a list");
        return;
    }
    for (std::size_t i = 0; i < places->size(); ++i) {
        const auto& entry = (*places)[i];
        const std::string where = "commuting.json: places_outside[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            log.error(where, "must be an object with id and name");
            continue;
        }
        const auto id = required_string(entry, "id", where + ".", log);
        const auto name = required_string(entry, "name", where + ".", log);
        if (id && !is_id(*id)) log.error(where + ".id", "\"" + *id + "\" must be lower-case letters, digits and '-'");
        if (id && !workplaces.insert(*id).second) log.error(where + ".id", "\"" + *id + "\" is already a place");
        if (id && name) table.places_outside.push_back({*id, *name});
    }
}

std::optional<CommutingFlow> read_flow(const json& entry, const std::string& where, const ContentPack& pack,
                                       const std::set<std::string>& workplaces, ProblemLog& log) {
    if (!entry.is_object()) {
        log.error(where, "must be an object with lives_in, works_in, persons and confidence");
        return std::nullopt;
    }
    const auto lives_in = required_string(entry, "lives_in", where + ".", log);
    const auto works_in = required_string(entry, "works_in", where + ".", log);
    const auto persons = required_int(entry, "persons", where + ".", 0, most_commuters, log);
    const auto confidence = required_string(entry, "confidence", where + ".", log);
    if (lives_in && pack.find_municipality(*lives_in) == nullptr) {
        log.error(where + ".lives_in", "\"" + *lives_in + "\" is not a municipality of this pack");
    }
    if (works_in && !workplaces.contains(*works_in)) {
        log.error(where + ".works_in", "\"" + *works_in + "\" is neither a municipality nor one of places_outside");
    }
    if (confidence && *confidence != "certain" && *confidence != "likely") {
        log.error(where + ".confidence", "\"" + *confidence + "\" must be certain or likely");
    }
    if (!lives_in || !works_in || !persons || !confidence) return std::nullopt;
    return CommutingFlow{*lives_in, *works_in, *persons, *confidence == "certain"};
}

}  // namespace

void read_commuting(const std::filesystem::path& directory, ContentPack& pack, ProblemLog& log) {
    // Optional: a pack without the table shows no "work for two" page.
    if (!std::filesystem::exists(directory / "commuting.json")) return;
    const auto root = read_json_file(directory / "commuting.json", "commuting.json", log);
    if (!root) return;
    if (!root->is_object()) {
        log.error("commuting.json", "must be a JSON object");
        return;
    }
    CommutingTable table;
    table.year = required_int(*root, "year", "commuting.json: ", 1800, 2200, log).value_or(0);
    table.source = optional_string(*root, "source", "commuting.json: ", log);
    std::set<std::string> workplaces;
    for (const auto& municipality : pack.municipalities) workplaces.insert(municipality.id);
    read_places_outside(*root, table, workplaces, log);

    const auto flows = root->find("flows");
    if (flows == root->end() || !flows->is_array()) {
        log.error("commuting.json: flows", "missing or not a list");
        return;
    }
    std::set<std::pair<std::string, std::string>> cells;
    for (std::size_t i = 0; i < flows->size(); ++i) {
        const std::string where = "commuting.json: flows[" + std::to_string(i) + "]";
        auto flow = read_flow((*flows)[i], where, pack, workplaces, log);
        if (!flow) continue;
        if (!cells.insert({flow->lives_in, flow->works_in}).second) {
            log.error(where, flow->lives_in + " -> " + flow->works_in + " appears twice");
            continue;
        }
        table.flows.push_back(std::move(*flow));
    }
    pack.commuting = std::move(table);
}

}  // namespace flytthit::content
