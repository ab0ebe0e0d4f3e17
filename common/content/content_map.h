// The region's map and the privacy notice, as the content pack describes them. Every fact
// on the map carries the source the pack names for it; a fact without a source is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace flytthit {

// A point on the map, WGS84 degrees, with where the figure comes from.
struct GeoPoint {
    double lat = 0;
    double lon = 0;
    std::string source;
};

// A place on the map that is not one of the municipalities: a junction of the lines, or a
// city beyond the map's edge (Oslo, Trondheim), drawn as an arrow towards it.
struct MapPlace {
    std::string id;
    std::string name;
    GeoPoint at;
    bool beyond_edge = false;
};

// A railway or a main road, drawn through places (municipality ids or map place ids) in order.
struct MapLine {
    enum class Kind { railway, road } kind = Kind::road;
    std::string id;
    std::string name;  // "Rørosbanen", "Rv 3"
    std::vector<std::string> through;
    std::string source;
};

// How long a journey takes, as the source says it.
struct TravelTime {
    enum class By { train, car } by = By::train;
    std::string from;  // a map place id: "oslo"
    std::string to;    // a municipality id: "roros"
    int minutes = 0;
    bool approximate = true;
    std::string source;
};

struct RegionMap {
    std::vector<MapPlace> places;
    std::vector<MapLine> lines;
    std::vector<TravelTime> travel;

    bool empty() const { return places.empty() && lines.empty() && travel.empty(); }
    const MapPlace* find_place(const std::string& id) const {
        for (const auto& place : places) {
            if (place.id == id) return &place;
        }
        return nullptr;
    }
};

// The privacy notice shown on the consent step. Its texts are privacy.title and privacy.body
// in each language file; its version is stored with each lead beside the consent's.
struct PrivacyNotice {
    std::string version;       // "fjellregionen-2026-12"
    std::string controller;    // "Regionrådet for Fjellregionen"
    std::string withdraw_url;  // shown as a QR code: where to withdraw consent
    bool present() const { return !version.empty(); }
};

}  // namespace flytthit
