// The content pack: the region, its municipalities and their texts, loaded from a directory
// (manifest.json plus texts/<language>.json). The format is documented in content/README.md.
#pragma once

#include "language.h"
#include "result.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

struct RgbColour {
    std::uint8_t r = 0, g = 0, b = 0;
};

// How a municipality's jewel is cut: drawn by the UI, described here as data.
struct JewelCut {
    int facets = 6;            // 3..12 sides
    float rotation_deg = 0;    // turns the jewel so neighbours look different
};

struct Municipality {
    std::string id;      // stable, lower case: "roros"
    std::string name;    // "Røros"
    std::string county;  // "Trøndelag"
    bool member = true;  // false: shown as a neighbour of the region, not a member
    RgbColour colour;
    JewelCut jewel;
};

// A campaign the region runs (Første Klasse, Start Her, ...); staff choose the event's.
struct Campaign {
    std::string id;            // "forste-klasse"
    std::string name;          // "Første Klasse"
    std::string target_group;  // who it speaks to, in Norwegian
};

struct ContentPack {
    int format = 0;
    std::string pack_version;
    std::string region_id;
    std::string web_url;
    std::vector<Municipality> municipalities;
    std::vector<Campaign> campaigns;
    std::map<Language, std::map<std::string, std::string>> texts;

    // The text for key in language, falling back to Norwegian Bokmål, then to the key itself.
    std::string text(Language language, const std::string& key) const;
    const Municipality* find_municipality(const std::string& id) const;
    const Campaign* find_campaign(const std::string& id) const;
};

inline constexpr int supported_content_format = 1;

struct ContentProblem {
    enum class Severity { warning, error } severity;
    std::string where;    // "manifest.json: municipalities[3].name"
    std::string message;  // "missing"

    std::string to_string() const;  // "error: manifest.json: municipalities[3].name: missing"
};

struct ContentLoad {
    std::optional<ContentPack> pack;      // set only when there are no errors
    std::vector<ContentProblem> problems;  // every error and warning found, in file order

    bool has_errors() const;
};

// Loads and checks the pack in directory. Never throws; every problem names file and field.
ContentLoad load_content_pack(const std::filesystem::path& directory);

// What the kiosk runs on: the requested pack when it is good (it then becomes the last good
// pack under state_dir), else the last good pack with the requested pack's problems reported.
struct ContentChoice {
    ContentPack pack;
    std::filesystem::path loaded_from;
    bool fell_back = false;
    std::vector<ContentProblem> problems;  // of the requested pack
};

Result<ContentChoice> choose_content(const std::filesystem::path& requested, const std::filesystem::path& state_dir);

}  // namespace flytthit
