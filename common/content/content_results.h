// The register's counted results in a content pack: what `flytthit-register publish-content
// --results yes` writes into manifest.json's region.results, so the kiosk's region page shows
// figures counted from the follow-up instead of fixed text. The encoder of the entries that
// read_region_facts (content_region.cpp) decodes; the format is in content/README.md.
#pragma once

#include "common/base/result.h"
#include "common/content/content_pack.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flytthit {

// region.results[].source of the entries flytthit-register counted.
inline constexpr const char* register_results_source = "register";

// One region.results entry as manifest.json holds it.
nlohmann::json campaign_result_to_json(const CampaignResult& result);

// Replaces every entry of manifest's region.results whose source is results' source with
// results (so publishing again does not add the counts twice); entries from the region's
// documents stay, in their order, before the counted ones. Fails (bad_input) when the
// manifest has no region object or its results are not a list.
Status replace_counted_results(nlohmann::json& manifest, const std::string& source,
                               const std::vector<CampaignResult>& results);

}  // namespace flytthit
