// The register's funnel per campaign (WebStore::results) as the content pack's campaign
// results: what publish-content --results yes carries into the next pack, so the kiosk's
// region page shows what the follow-up counted. Encoded by common/content/content_results.h.
#pragma once

#include "common/content/content_pack.h"
#include "register/web/web_store.h"

#include <string>
#include <vector>

namespace flytthit::reg::web {

struct CountedResults {
    std::vector<CampaignResult> results;  // one per campaign of the pack that has leads
    std::vector<std::string> left_out;    // why other leads are not carried ("3 leads without a campaign")
};

// The figures interested, contacted, visited, moved and on-the-way-now per campaign, counted up to
// now_utc (ISO 8601), with its Oslo date as as_of and year and "register" as the source.
CountedResults counted_results(const Results& results, const ContentPack& pack, const std::string& now_utc);

}  // namespace flytthit::reg::web
