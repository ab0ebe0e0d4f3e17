// Jewel drawing; see jewel.h.
#include "ui/widgets/jewel.h"

#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace flytthit::ui {

namespace {

constexpr float pi = 3.14159265358979f;

ImU32 shade(RgbColour colour, float factor, unsigned alpha = 255) {
    auto channel = [&](std::uint8_t value) {
        const float lit = factor >= 1.0f ? value + (255 - value) * (factor - 1.0f) : value * factor;
        return static_cast<unsigned>(std::clamp(lit, 0.0f, 255.0f));
    };
    return theme::rgb(channel(colour.r), channel(colour.g), channel(colour.b), alpha);
}

}  // namespace

void draw_jewel(ImDrawList* draw, ImVec2 centre, float radius, const Municipality& municipality, const JewelLook& look) {
    const int facets = std::clamp(municipality.jewel.facets, 3, 12);
    const float start = (municipality.jewel.rotation_deg + look.spin_deg - 90.0f) * pi / 180.0f;
    std::vector<ImVec2> outer, table;
    for (int i = 0; i < facets; ++i) {
        const float angle = start + 2 * pi * static_cast<float>(i) / static_cast<float>(facets);
        outer.push_back({centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
        table.push_back({centre.x + radius * 0.52f * std::cos(angle + pi / facets),
                         centre.y + radius * 0.52f * std::sin(angle + pi / facets)});
    }
    if (look.selected) {
        draw->AddCircleFilled(centre, radius * 1.18f, theme::rgb(0xe0, 0xb6, 0x52, 70), 48);
        draw->AddCircle(centre, radius * 1.18f, theme::gold, 48, radius * 0.06f);
    }
    // Light falls from the upper left: each crown facet is lit by how much its outward
    // direction faces the light.
    const ImVec2 light{-0.6f, -0.8f};
    auto lit = [&](ImVec2 towards) {
        const ImVec2 d{towards.x - centre.x, towards.y - centre.y};
        const float facing = (d.x * light.x + d.y * light.y) / std::max(std::sqrt(d.x * d.x + d.y * d.y), 1.0f);
        return shade(municipality.colour, 0.8f + 0.45f * facing);
    };
    for (int i = 0; i < facets; ++i) {
        const int next = (i + 1) % facets;
        const int previous = (i + facets - 1) % facets;
        // Star facet between two corners, and kite facet at a corner, as a brilliant cut has.
        const ImVec2 edge_mid{(outer[i].x + outer[next].x) / 2, (outer[i].y + outer[next].y) / 2};
        draw->AddTriangleFilled(outer[i], outer[next], table[i], lit(edge_mid));
        draw->AddTriangleFilled(table[previous], outer[i], table[i], lit(outer[i]));
    }
    draw->AddConvexPolyFilled(table.data(), facets, shade(municipality.colour, 1.35f));
    draw->AddPolyline(outer.data(), facets, shade(municipality.colour, 1.6f), ImDrawFlags_Closed, radius * 0.04f);
    draw->AddPolyline(table.data(), facets, shade(municipality.colour, 1.5f, 160), ImDrawFlags_Closed, radius * 0.025f);

    if (look.sparkle > 0.0f) {
        const ImVec2 glint{centre.x - radius * 0.32f, centre.y - radius * 0.32f};
        const float arm = radius * 0.28f * look.sparkle;
        const ImU32 white = theme::rgb(255, 255, 255, static_cast<unsigned>(220 * look.sparkle));
        draw->AddLine({glint.x - arm, glint.y}, {glint.x + arm, glint.y}, white, radius * 0.035f);
        draw->AddLine({glint.x, glint.y - arm}, {glint.x, glint.y + arm}, white, radius * 0.035f);
    }
    if (look.selected) {
        const ImVec2 badge{centre.x + radius * 0.78f, centre.y - radius * 0.78f};
        const float r = radius * 0.3f;
        draw->AddCircleFilled(badge, r, theme::gold, 24);
        draw->AddLine({badge.x - r * 0.5f, badge.y}, {badge.x - r * 0.1f, badge.y + r * 0.4f}, theme::on_gold, r * 0.25f);
        draw->AddLine({badge.x - r * 0.1f, badge.y + r * 0.4f}, {badge.x + r * 0.5f, badge.y - r * 0.4f}, theme::on_gold,
                      r * 0.25f);
    }
}

}  // namespace flytthit::ui
