// The commuting table's queries; see commuting.h. Loading lives with the content pack.
#include "common/content/commuting.h"

#include <algorithm>

namespace flytthit {

std::vector<CommutingFlow> CommutingTable::from(const std::string& lives_in) const {
    std::vector<CommutingFlow> found;
    for (const auto& flow : flows) {
        if (flow.lives_in == lives_in) found.push_back(flow);
    }
    std::stable_sort(found.begin(), found.end(), [](const CommutingFlow& a, const CommutingFlow& b) { return a.persons > b.persons; });
    return found;
}

std::vector<std::string> CommutingTable::unknown_from(const std::string& lives_in,
                                                      const std::vector<std::string>& workplaces) const {
    std::vector<std::string> unknown;
    for (const auto& workplace : workplaces) {
        const bool known = std::any_of(flows.begin(), flows.end(), [&](const CommutingFlow& flow) {
            return flow.lives_in == lives_in && flow.works_in == workplace;
        });
        if (!known) unknown.push_back(workplace);
    }
    return unknown;
}

}  // namespace flytthit
