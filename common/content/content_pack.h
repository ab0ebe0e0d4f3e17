// The content pack: the region, its municipalities and their texts, loaded from a directory
// (manifest.json plus texts/<language>.json). The format is documented in content/README.md.
#pragma once

#include "common/content/commuting.h"
#include "common/content/content_images.h"
#include "common/content/content_map.h"
#include "common/lead/language.h"
#include "common/base/result.h"

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

// The five sections of a municipality page, in the order shown. Their texts are
// municipality.<id>.<section> in each language file; "host" is the tilflyttervert.
inline constexpr std::string_view municipality_sections[] = {"work", "childhood", "housing", "culture", "host"};

// Who answers a lead for a municipality: a role at the service office, never a private person.
struct MunicipalityHost {
    std::string office;  // "Servicetorget, Røros kommune"
    std::string email;   // a role address such as postmottak@...; empty when the pack gives none
    std::string web;     // the municipality's web page; empty when none
    std::string opening_hours;  // as the office states them ("Mon–Fri 08:00–15:30"); empty when the pack has none
};

// The pictures the manifest names for a municipality, a campaign or the region: a hero shown
// large and a few more, as paths inside the pack. Empty when there are none (or when a
// broken one was left out: the screen then draws a neutral frame).
struct ImageSet {
    std::string hero;
    std::vector<std::string> more;
};

struct Municipality {
    std::string id;      // stable, lower case: "roros"
    std::string name;    // "Røros"
    std::string county;  // "Trøndelag"
    bool member = true;  // false: shown as a neighbour of the region, not a member
    RgbColour colour;
    JewelCut jewel;
    MunicipalityHost host;
    ImageSet images;
    std::optional<GeoPoint> position;  // its centre, for the map
};

// The sign-up steps a campaign can ask for, by their manifest ids. "contact" and "consent"
// are in every flow, consent last.
inline constexpr std::string_view sign_up_step_ids[] = {"who",     "household", "school_start", "business_idea",
                                                        "tipper",  "interests", "contact",      "consent"};
// The steps when the event has no campaign.
std::vector<std::string> default_sign_up_steps();

// A campaign the region runs (Første Klasse, Start Her, ...); staff choose the event's. Its
// pitch is the text campaign.<id>.pitch in each language file.
struct Campaign {
    std::string id;            // "forste-klasse"
    std::string name;          // "Første Klasse"
    std::string target_group;  // who it speaks to, in Norwegian
    std::vector<std::string> steps = default_sign_up_steps();
    bool lead_is_tip = false;  // the visitor tips about someone else who should move here
    ImageSet images;
};

// The region page's figures, all taken from the region's own documents.
struct PopulationFigure {
    int year = 0;
    int inhabitants = 0;
    bool approximate = false;  // "nearly 25 000"
};
struct ResultFigure {
    std::string id;          // its label is the text region.figure.<id>
    int value = 0;
    std::string qualifier;   // "", "about" or "at_least"
};
struct CampaignResult {
    std::string campaign_id;
    int year = 0;
    std::vector<ResultFigure> figures;
    std::string as_of;   // YYYY-MM-DD when the figures were counted; "" for the region's documents
    std::string source;  // "" (the region's own documents) or "register" (counted by flytthit-register)
};
struct RegionFacts {
    std::vector<PopulationFigure> population;  // known counts, by year
    std::optional<PopulationFigure> goal;      // the vision: inhabitants by a year
    std::vector<CampaignResult> results;
};

struct ContentProblem {
    enum class Severity { warning, error } severity;
    std::string where;    // "manifest.json: municipalities[3].name"
    std::string message;  // "missing"

    std::string to_string() const;  // "error: manifest.json: municipalities[3].name: missing"
};

struct ContentPack {
    int format = 0;
    std::string pack_version;
    std::string region_id;
    std::string web_url;
    std::vector<Municipality> municipalities;
    std::vector<Campaign> campaigns;
    RegionFacts region;
    CommutingTable commuting;  // empty when the pack has no commuting.json
    std::map<Language, std::map<std::string, std::string>> texts;
    ImageSet region_images;
    std::vector<PackImage> images;  // every picture named and checked, each file once
    RegionMap map;
    PrivacyNotice privacy;
    // Pictures left out of a pack loaded with ImageProblems::leave_picture_out, for staff health.
    std::vector<ContentProblem> picture_problems;

    // The text for key in language, falling back to Norwegian Bokmål, then to the key itself.
    std::string text(Language language, const std::string& key) const;
    const Municipality* find_municipality(const std::string& id) const;
    const Campaign* find_campaign(const std::string& id) const;
    // The name of a municipality or of a workplace outside the region; the id when neither.
    std::string place_name(const std::string& id) const;
    // The workplaces (municipalities, then places outside) the commuting table has no figure
    // for from home: what "work for two" names as unknown.
    std::vector<std::string> unknown_workplaces(const std::string& home) const;
    // The checked picture for a pack-relative file; nullptr when the pack has none by that name.
    const PackImage* find_image(const std::string& file) const;
};

inline constexpr int supported_content_format = 1;

struct ContentLoad {
    std::optional<ContentPack> pack;      // set only when there are no errors
    std::vector<ContentProblem> problems;  // every error and warning found, in file order

    bool has_errors() const;
};

// What a broken, missing or oversized picture does to a pack. Where a person can mend the pack
// (check-content, publish-content, installing a pack) it is refused; on the kiosk the picture
// is left out with a warning, so the page still shows, with a neutral frame.
enum class ImageProblems { refuse_pack, leave_picture_out };

// Loads and checks the pack in directory. Never throws; every problem names file and field.
ContentLoad load_content_pack(const std::filesystem::path& directory, ImageProblems images = ImageProblems::refuse_pack);

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
