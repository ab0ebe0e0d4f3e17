// The "work for two" picture: where people who live in one municipality work, from the
// region's 2003 commuting table (content pack file commuting.json). The table came to us
// flattened, so some cells are unknown: the model keeps only the cells the data has and
// says which it lacks, never filling a gap with zero.
#pragma once

#include <string>
#include <vector>

namespace flytthit {

// A workplace outside the region the table has a column for ("Trondheim region").
struct CommutingPlace {
    std::string id;
    std::string name;
};

struct CommutingFlow {
    std::string lives_in;  // municipality id
    std::string works_in;  // municipality id or CommutingPlace id
    int persons = 0;
    bool certain = true;   // false: one plausible reading of the flattened source row
};

struct CommutingTable {
    int year = 0;
    std::string source;                          // which document, for the fine print
    std::vector<CommutingPlace> places_outside;  // columns beyond the municipalities
    std::vector<CommutingFlow> flows;            // the known cells only

    bool empty() const { return flows.empty(); }
    // The known cells for people living in lives_in, largest first.
    std::vector<CommutingFlow> from(const std::string& lives_in) const;
    // Of the workplaces given, those the table has no figure for from lives_in, in that order.
    std::vector<std::string> unknown_from(const std::string& lives_in, const std::vector<std::string>& workplaces) const;
};

}  // namespace flytthit
