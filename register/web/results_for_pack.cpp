// The funnel as campaign results for the content pack; see results_for_pack.h.
#include "register/web/results_for_pack.h"

#include "common/content/content_results.h"
#include "register/web/oslo_time.h"

namespace flytthit::reg::web {

CountedResults counted_results(const Results& results, const ContentPack& pack, const std::string& now_utc) {
    CountedResults counted;
    const std::string today = oslo_date(now_utc);
    const int year = today.empty() ? 0 : std::stoi(today.substr(0, 4));
    for (const Funnel& funnel : results.campaigns) {
        if (funnel.interested == 0) continue;
        if (funnel.key.empty()) {
            counted.left_out.push_back(std::to_string(funnel.interested) + " leads without a campaign");
            continue;
        }
        if (pack.find_campaign(funnel.key) == nullptr) {
            counted.left_out.push_back(std::to_string(funnel.interested) + " leads of campaign \"" + funnel.key +
                                       "\", which the pack does not have");
            continue;
        }
        auto figure = [](const char* id, std::int64_t value) { return ResultFigure{id, static_cast<int>(value), ""}; };
        counted.results.push_back(CampaignResult{funnel.key,
                                                 year,
                                                 {figure("interested", funnel.interested), figure("contacted", funnel.contacted),
                                                  figure("visited", funnel.visited), figure("moved", funnel.moved),
                                                  figure("on-the-way-now", funnel.on_the_way)},
                                                 today,
                                                 register_results_source});
    }
    return counted;
}

}  // namespace flytthit::reg::web
