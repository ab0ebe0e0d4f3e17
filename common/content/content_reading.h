// What the content pack's readers share: a log of problems tied to file and field, and the
// checked reads every part of a pack uses. Internal to the content loader.
#pragma once

#include "common/content/content_pack.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flytthit::content {

// Collects problems as a pack is read, each tied to the file and field being read.
class ProblemLog {
public:
    explicit ProblemLog(std::vector<ContentProblem>& problems) : problems_(problems) {}
    void error(const std::string& where, const std::string& message) {
        problems_.push_back({ContentProblem::Severity::error, where, message});
    }
    void warning(const std::string& where, const std::string& message) {
        problems_.push_back({ContentProblem::Severity::warning, where, message});
    }

private:
    std::vector<ContentProblem>& problems_;
};

// Reads and parses a pack file of at most 1 MiB of valid UTF-8; logs why when it cannot.
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path, const std::string& name, ProblemLog& log);

// object[key] as non-empty text; logs "missing" or "must be non-empty text" at where+key.
std::optional<std::string> required_string(const nlohmann::json& object, const std::string& key,
                                           const std::string& where, ProblemLog& log);
// object[key] as text when present; logs when present but not text.
std::string optional_string(const nlohmann::json& object, const std::string& key, const std::string& where,
                            ProblemLog& log);
// object[key] as a whole number in [low, high]; logs when missing or out of range.
std::optional<int> required_int(const nlohmann::json& object, const std::string& key, const std::string& where,
                                int low, int high, ProblemLog& log);
// object[key] as true/false when present, else fallback; logs when present but not a boolean.
bool optional_bool(const nlohmann::json& object, const std::string& key, const std::string& where, bool fallback,
                   ProblemLog& log);

// Lower-case letters, digits and '-', 1 to 40 characters.
bool is_id(const std::string& id);

// The parts of manifest.json beyond the municipalities, and commuting.json.
void read_region_facts(const nlohmann::json& region, const std::string& where, ContentPack& pack, ProblemLog& log);
void read_campaigns(const nlohmann::json& campaigns, ContentPack& pack, ProblemLog& log);
void read_host(const nlohmann::json& entry, const std::string& where, Municipality& municipality, ProblemLog& log);
void read_commuting(const std::filesystem::path& directory, ContentPack& pack, ProblemLog& log);

// Pictures, the map and the privacy notice (content_media.cpp).
// Reads object["images"] ({"hero": file, "more": [file, ...]}) at where into set; each file is
// checked (content_images.h) and added once to pack.images. With leave_picture_out a bad
// picture is a warning, also kept in pack.picture_problems, and left out of set.
void read_image_set(const nlohmann::json& object, const std::string& where, const std::filesystem::path& directory,
                    ImageProblems policy, ImageSet& set, ContentPack& pack, ProblemLog& log);
// Reads entry["position"] ({"lat", "lon", "source"}) when present.
std::optional<GeoPoint> read_position(const nlohmann::json& entry, const std::string& where, ProblemLog& log);
// Reads region["map"]: places, lines and travel times, each with its source.
void read_map(const nlohmann::json& region, const std::string& where, ContentPack& pack, ProblemLog& log);
// Reads manifest["privacy"], and refuses a pack whose campaigns ask for contact details without it.
void read_privacy(const nlohmann::json& manifest, ContentPack& pack, ProblemLog& log);

}  // namespace flytthit::content
