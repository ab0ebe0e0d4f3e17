// Reading the pack's pictures, its map and its privacy notice from manifest.json; see
// content_reading.h and content/README.md.
#include "common/content/content_reading.h"

#include <algorithm>
#include <cmath>

namespace flytthit::content {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// One picture reference: checked once per file, however many fields name it.
bool take_picture(const json& value, const std::string& where, const fs::path& directory, ImageProblems policy,
                  ContentPack& pack, ProblemLog& log, std::string& file_out) {
    auto complain = [&](const std::string& message) {
        if (policy == ImageProblems::refuse_pack) {
            log.error(where, message);
        } else {
            log.warning(where, message + "; the page shows a neutral frame instead");
            pack.picture_problems.push_back({ContentProblem::Severity::warning, where, message});
        }
    };
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
        complain("must be a file name inside the pack, like \"images/roros.png\"");
        return false;
    }
    const std::string file = value.get<std::string>();
    if (pack.find_image(file) != nullptr) {
        file_out = file;
        return true;
    }
    // A pack that must be whole proves each picture by decoding it; a kiosk leaving bad pictures
    // out checks headers only here, and decodes each picture once, when it shows it.
    auto checked = check_pack_image(directory, file, policy == ImageProblems::refuse_pack ? ImageCheck::decode : ImageCheck::header);
    if (!checked) {
        complain(checked.error().message);
        return false;
    }
    checked->field = where;
    pack.images.push_back(std::move(*checked));
    file_out = file;
    return true;
}

std::optional<double> required_number(const json& object, const std::string& key, const std::string& where, double low,
                                      double high, ProblemLog& log) {
    const auto found = object.find(key);
    if (found == object.end()) {
        log.error(where + key, "missing");
        return std::nullopt;
    }
    if (!found->is_number() || !std::isfinite(found->get<double>()) || found->get<double>() < low ||
        found->get<double>() > high) {
        log.error(where + key, "must be a number from " + std::to_string(static_cast<int>(low)) + " to " +
                                   std::to_string(static_cast<int>(high)));
        return std::nullopt;
    }
    return found->get<double>();
}

bool known_place(const ContentPack& pack, const std::string& id) {
    return pack.find_municipality(id) != nullptr || pack.map.find_place(id) != nullptr;
}

}  // namespace

void read_image_set(const json& object, const std::string& where, const fs::path& directory, ImageProblems policy,
                    ImageSet& set, ContentPack& pack, ProblemLog& log) {
    const auto images = object.find("images");
    if (images == object.end()) return;
    const std::string at = where + "images";
    if (!images->is_object()) {
        log.error(at, "must be an object with hero and more");
        return;
    }
    for (const auto& [key, value] : images->items()) {
        if (key != "hero" && key != "more") log.error(at + "." + key, "unknown; a picture set has hero and more");
    }
    if (const auto hero = images->find("hero"); hero != images->end()) {
        take_picture(*hero, at + ".hero", directory, policy, pack, log, set.hero);
    }
    if (const auto more = images->find("more"); more != images->end()) {
        if (!more->is_array() || more->size() > 8) {
            log.error(at + ".more", "must be a list of at most 8 file names");
            return;
        }
        for (std::size_t i = 0; i < more->size(); ++i) {
            std::string file;
            if (take_picture((*more)[i], at + ".more[" + std::to_string(i) + "]", directory, policy, pack, log, file)) {
                set.more.push_back(std::move(file));
            }
        }
    }
}

std::optional<GeoPoint> read_position(const json& entry, const std::string& where, ProblemLog& log) {
    const auto position = entry.find("position");
    if (position == entry.end()) return std::nullopt;
    const std::string at = where + "position";
    if (!position->is_object()) {
        log.error(at, "must be an object with lat, lon and source");
        return std::nullopt;
    }
    const auto lat = required_number(*position, "lat", at + ".", -90, 90, log);
    const auto lon = required_number(*position, "lon", at + ".", -180, 180, log);
    const auto source = required_string(*position, "source", at + ".", log);
    if (!lat || !lon || !source) return std::nullopt;
    return GeoPoint{*lat, *lon, *source};
}

void read_map(const json& region, const std::string& where, ContentPack& pack, ProblemLog& log) {
    const auto map = region.find("map");
    if (map == region.end()) return;
    const std::string at = where + "map";
    if (!map->is_object()) {
        log.error(at, "must be an object with places, lines and travel");
        return;
    }
    if (const auto places = map->find("places"); places != map->end()) {
        if (!places->is_array()) log.error(at + ".places", "must be a list");
        for (std::size_t i = 0; places->is_array() && i < places->size(); ++i) {
            const auto& entry = (*places)[i];
            const std::string place_at = at + ".places[" + std::to_string(i) + "]";
            if (!entry.is_object()) {
                log.error(place_at, "must be an object");
                continue;
            }
            const auto id = required_string(entry, "id", place_at + ".", log);
            const auto name = required_string(entry, "name", place_at + ".", log);
            const auto point = read_position(entry, place_at + ".", log);
            if (!entry.contains("position")) log.error(place_at + ".position", "missing");
            const bool beyond = optional_bool(entry, "beyond_edge", place_at + ".", false, log);
            if (id && !is_id(*id)) log.error(place_at + ".id", "\"" + *id + "\" must be lower-case letters, digits and '-'");
            if (id && known_place(pack, *id)) log.error(place_at + ".id", "\"" + *id + "\" appears twice");
            if (id && name && point) pack.map.places.push_back({*id, *name, *point, beyond});
        }
    }
    if (const auto lines = map->find("lines"); lines != map->end()) {
        if (!lines->is_array()) log.error(at + ".lines", "must be a list");
        for (std::size_t i = 0; lines->is_array() && i < lines->size(); ++i) {
            const auto& entry = (*lines)[i];
            const std::string line_at = at + ".lines[" + std::to_string(i) + "]";
            if (!entry.is_object()) {
                log.error(line_at, "must be an object");
                continue;
            }
            MapLine line;
            const auto id = required_string(entry, "id", line_at + ".", log);
            const auto name = required_string(entry, "name", line_at + ".", log);
            const auto kind = required_string(entry, "kind", line_at + ".", log);
            const auto source = required_string(entry, "source", line_at + ".", log);
            if (kind && *kind != "railway" && *kind != "road") log.error(line_at + ".kind", "\"" + *kind + "\" must be railway or road");
            const auto through = entry.find("through");
            if (through == entry.end() || !through->is_array() || through->size() < 2) {
                log.error(line_at + ".through", "must list at least two places");
                continue;
            }
            bool places_known = true;
            for (std::size_t k = 0; k < through->size(); ++k) {
                const auto& place = (*through)[k];
                if (!place.is_string() || !known_place(pack, place.get<std::string>())) {
                    log.error(line_at + ".through[" + std::to_string(k) + "]",
                              (place.is_string() ? "\"" + place.get<std::string>() + "\"" : std::string("it")) +
                                  " is neither a municipality nor a place of the map");
                    places_known = false;
                    continue;
                }
                line.through.push_back(place.get<std::string>());
            }
            if (!id || !name || !kind || !source || !places_known) continue;
            line.id = *id;
            line.name = *name;
            line.kind = *kind == "railway" ? MapLine::Kind::railway : MapLine::Kind::road;
            line.source = *source;
            pack.map.lines.push_back(std::move(line));
        }
    }
    if (const auto travel = map->find("travel"); travel != map->end()) {
        if (!travel->is_array()) log.error(at + ".travel", "must be a list");
        for (std::size_t i = 0; travel->is_array() && i < travel->size(); ++i) {
            const auto& entry = (*travel)[i];
            const std::string travel_at = at + ".travel[" + std::to_string(i) + "]";
            if (!entry.is_object()) {
                log.error(travel_at, "must be an object");
                continue;
            }
            const auto from = required_string(entry, "from", travel_at + ".", log);
            const auto to = required_string(entry, "to", travel_at + ".", log);
            const auto by = required_string(entry, "by", travel_at + ".", log);
            const auto minutes = required_int(entry, "minutes", travel_at + ".", 1, 24 * 60, log);
            const bool approximate = optional_bool(entry, "approximate", travel_at + ".", true, log);
            const auto source = required_string(entry, "source", travel_at + ".", log);
            if (from && !known_place(pack, *from)) log.error(travel_at + ".from", "\"" + *from + "\" is not a place of the map");
            if (to && !known_place(pack, *to)) log.error(travel_at + ".to", "\"" + *to + "\" is not a place of the map");
            if (by && *by != "train" && *by != "car") log.error(travel_at + ".by", "\"" + *by + "\" must be train or car");
            if (!from || !to || !by || !minutes || !source || !known_place(pack, *from) || !known_place(pack, *to) ||
                (*by != "train" && *by != "car")) {
                continue;
            }
            pack.map.travel.push_back({*by == "train" ? TravelTime::By::train : TravelTime::By::car, *from, *to, *minutes,
                                       approximate, *source});
        }
    }
}

void read_privacy(const json& manifest, ContentPack& pack, ProblemLog& log) {
    if (const auto privacy = manifest.find("privacy"); privacy != manifest.end()) {
        if (!privacy->is_object()) {
            log.error("manifest.json: privacy", "must be an object with version, controller and withdraw_url");
        } else {
            const auto version = required_string(*privacy, "version", "manifest.json: privacy.", log);
            const auto controller = required_string(*privacy, "controller", "manifest.json: privacy.", log);
            const std::string url = optional_string(*privacy, "withdraw_url", "manifest.json: privacy.", log);
            if (!url.empty() && url.rfind("https://", 0) != 0) {
                log.error("manifest.json: privacy.withdraw_url", "must start with https://");
            }
            if (version && controller) pack.privacy = {*version, *controller, url};
        }
    }
    if (pack.privacy.present()) return;
    for (std::size_t i = 0; i < pack.campaigns.size(); ++i) {
        const auto& steps = pack.campaigns[i].steps;
        if (std::find(steps.begin(), steps.end(), "contact") != steps.end()) {
            log.error("manifest.json: privacy", "missing: campaign \"" + pack.campaigns[i].id +
                                                    "\" asks for contact details, and a visitor must be able to read "
                                                    "who holds them before consenting");
            return;
        }
    }
}

}  // namespace flytthit::content
