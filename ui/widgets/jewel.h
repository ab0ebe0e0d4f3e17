// A municipality drawn as a cut jewel in its own colours: an outer polygon with shaded
// facets around a lighter table, as on a gemstone seen from above.
#pragma once

#include "common/content/content_pack.h"

#include <imgui.h>

namespace flytthit::ui {

struct JewelLook {
    float spin_deg = 0;     // added to the cut's own rotation (the attract loop turns it)
    bool selected = false;  // drawn with a gold setting and a tick badge
    float sparkle = 0;      // 0..1, a glint on the upper left facet
};

void draw_jewel(ImDrawList* draw, ImVec2 centre, float radius, const Municipality& municipality, const JewelLook& look);

}  // namespace flytthit::ui
