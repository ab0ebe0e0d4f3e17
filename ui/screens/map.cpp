// The map: the municipalities as their jewels at their real positions (from the pack), the
// railway and the main roads through them, arrows towards Oslo and Trondheim, and the travel
// times the pack gives with their sources. Tapping a jewel opens its page; the municipality
// the map was opened from is ringed. Nothing is drawn that the pack does not state.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/jewel.h"
#include "ui/widgets/map_labels.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <vector>

namespace flytthit::ui {

namespace {

// An equirectangular projection around the region's middle latitude: at 62° N a degree of
// longitude is under half a degree of latitude, and the map must not look twice as wide.
struct Projection {
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    double lon_factor = 1;
    Rect area;
    float scale = 1;
    ImVec2 offset{0, 0};

    void include(const GeoPoint& point) {
        min_lat = std::min(min_lat, point.lat);
        max_lat = std::max(max_lat, point.lat);
        min_lon = std::min(min_lon, point.lon);
        max_lon = std::max(max_lon, point.lon);
    }
    void fit(Rect into) {
        area = into;
        const double mid = (min_lat + max_lat) / 2 * M_PI / 180;
        lon_factor = std::cos(mid);
        const double width = std::max(0.01, (max_lon - min_lon) * lon_factor);
        const double height = std::max(0.01, max_lat - min_lat);
        scale = static_cast<float>(std::min(into.size.x / width, into.size.y / height));
        offset = {into.pos.x + (into.size.x - static_cast<float>(width) * scale) / 2,
                  into.pos.y + (into.size.y - static_cast<float>(height) * scale) / 2};
    }
    ImVec2 at(const GeoPoint& point) const {
        return {offset.x + static_cast<float>((point.lon - min_lon) * lon_factor) * scale,
                offset.y + static_cast<float>(max_lat - point.lat) * scale};
    }

    // Where a municipality or place is drawn: its projected position, moved apart from its
    // neighbours when their touch targets would overlap (Os, Røros and Tolga lie 15 km apart,
    // under 50 px at 800x480). The lines are drawn through the same points.
    std::map<std::string, ImVec2> spread;
    ImVec2 at(const std::string& id, const GeoPoint& point) const {
        const auto found = spread.find(id);
        return found != spread.end() ? found->second : at(point);
    }
    // Pushes points apart, pair by pair, until each pair is at least the sum of their radii
    // apart (or the rounds run out), keeping each inside the area.
    void separate(std::vector<std::pair<std::string, float>> points) {
        std::vector<ImVec2> where;
        for (const auto& [id, radius] : points) where.push_back(spread.at(id));
        for (int round = 0; round < 60; ++round) {
            bool moved = false;
            for (std::size_t i = 0; i < where.size(); ++i) {
                for (std::size_t j = i + 1; j < where.size(); ++j) {
                    const float need = points[i].second + points[j].second;
                    float dx = where[j].x - where[i].x, dy = where[j].y - where[i].y;
                    // Targets are squares: apart when apart along either axis.
                    const float apart = std::max(std::abs(dx), std::abs(dy));
                    if (apart >= need) continue;
                    const float distance = std::hypot(dx, dy);
                    if (distance < 0.01f) dx = 1, dy = 0;
                    else dx /= distance, dy /= distance;
                    const float push = (need - apart) / 2 + 0.5f;
                    where[i] = {where[i].x - dx * push, where[i].y - dy * push};
                    where[j] = {where[j].x + dx * push, where[j].y + dy * push};
                    moved = true;
                }
            }
            for (std::size_t i = 0; i < where.size(); ++i) {
                const float r = points[i].second;
                where[i].x = std::clamp(where[i].x, area.pos.x + r, area.max().x - r);
                where[i].y = std::clamp(where[i].y, area.pos.y + r, area.max().y - r);
            }
            if (!moved) break;
        }
        for (std::size_t i = 0; i < where.size(); ++i) spread[points[i].first] = where[i];
    }
};

std::optional<GeoPoint> position_of(const ContentPack& content, const std::string& id) {
    if (const auto* municipality = content.find_municipality(id)) return municipality->position;
    if (const auto* place = content.map.find_place(id)) return place->at;
    return std::nullopt;
}

// Draws a placed name, and its leader line when it stands away from its point.
void draw_label(UiFrame& frame, const std::string& name, const PlacedLabel& placed, const TextStyle& style) {
    if (placed.leader_from) {
        ImGui::GetWindowDrawList()->AddLine(*placed.leader_from, placed.leader_to, theme::text_muted, frame.px(2));
    }
    text_box(frame, name, placed.rect, style);
}

// A name the map will place once every point has its room.
struct LabelRequest {
    std::string id;  // the point it names
    std::string text;
    float gap;
    ImVec2 size;
    bool optional;  // a minor place's name, left out rather than misread
    TextStyle style;
};

// Places every name in order; when one finds no clear place (or only one on a leader line), it
// moves to the front and all are placed again, so the most crowded point chooses before its
// neighbours take the room. Keeps the best round: fewest names on something, then fewest left
// out, then fewest leader lines, then the names nearest their points.
MapLabelPlan plan_labels(const MapLabels& base, const std::vector<LabelRequest>& requests) {
    MapLabelPlan best;
    std::vector<std::size_t> order(requests.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    double best_score = DBL_MAX;
    for (std::size_t round = 0; round <= requests.size(); ++round) {
        MapLabels labels = base;
        std::vector<std::optional<PlacedLabel>> placed;
        std::size_t first_unclear = order.size(), first_far = order.size();
        double score = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const LabelRequest& request = requests[order[i]];
            placed.push_back(labels.place(request.id, request.gap, request.size, request.optional));
            if (!placed.back()) {
                score += 1e5;
            } else {
                if (!placed.back()->clear) {
                    score += 1e7;
                    if (first_unclear == order.size()) first_unclear = i;
                }
                if (placed.back()->leader_from) {
                    score += 1e3;
                    if (first_far == order.size()) first_far = i;
                }
                score += labels.distance_to_own(request.id, placed.back()->rect);
            }
        }
        if (score < best_score) {
            best_score = score;
            best.order = order;
            best.placed = std::move(placed);
        }
        // The first name on something moves to the front; with none, the first on a leader line.
        const std::size_t next = first_unclear < order.size() ? first_unclear : first_far;
        if (next == order.size()) break;
        std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(next), order.begin() + static_cast<std::ptrdiff_t>(next) + 1);
    }
    return best;
}

// What placing the names depends on besides the points: each name asked for, by value.
std::string request_inputs(const std::vector<LabelRequest>& requests) {
    std::string out;
    for (const LabelRequest& request : requests) {
        out += request.id;
        out += '\0';
        const float values[] = {request.gap, request.size.x, request.size.y, request.optional ? 1.0f : 0.0f};
        out.append(reinterpret_cast<const char*>(values), sizeof values);
    }
    return out;
}


std::string duration(Language language, const TravelTime& travel) {
    std::string text = travel.approximate ? std::string(ui_text(language, "map.about")) + " " : "";
    const int hours = travel.minutes / 60, minutes = travel.minutes % 60;
    if (hours > 0) text += std::to_string(hours) + " " + std::string(ui_text(language, "map.hours"));
    if (minutes > 0) text += (hours > 0 ? " " : "") + std::to_string(minutes) + " " + std::string(ui_text(language, "map.minutes"));
    return text;
}

void draw_lines(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, MapLabels& labels) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ContentPack& content = kiosk.content();
    for (const MapLine::Kind kind : {MapLine::Kind::road, MapLine::Kind::railway}) {  // rail on top
        for (const auto& line : content.map.lines) {
            if (line.kind != kind) continue;
            std::vector<ImVec2> points;
            for (const auto& id : line.through) {
                if (const auto point = position_of(content, id)) points.push_back(projection.at(id, *point));
            }
            if (points.size() < 2) continue;
            for (std::size_t i = 0; i + 1 < points.size(); ++i) labels.avoid_line(points[i], points[i + 1]);
            if (kind == MapLine::Kind::railway) {
                // A railway as a dark band with light ties, the way maps draw it, not by colour alone.
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), theme::rgb(0x10, 0x10, 0x14), 0, frame.px(7));
                for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                    const ImVec2 a = points[i], b = points[i + 1];
                    const float length = std::hypot(b.x - a.x, b.y - a.y);
                    const int ties = std::max(1, static_cast<int>(length / frame.px(16)));
                    for (int t = 0; t < ties; t += 2) {
                        const float s0 = static_cast<float>(t) / static_cast<float>(ties);
                        const float s1 = static_cast<float>(t + 1) / static_cast<float>(ties);
                        draw->AddLine({a.x + (b.x - a.x) * s0, a.y + (b.y - a.y) * s0},
                                      {a.x + (b.x - a.x) * s1, a.y + (b.y - a.y) * s1}, theme::text, frame.px(3));
                    }
                }
            } else {
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), theme::rgb(0xb8, 0x92, 0x3a, 0xc0), 0, frame.px(4));
            }
        }
    }
}

// Oslo and Trondheim lie far beyond the map: an arrow at its edge, pointing their way.
void draw_beyond_edge(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, MapLabels& labels,
                      std::vector<LabelRequest>& requests) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ContentPack& content = kiosk.content();
    const Rect& area = projection.area;
    const ImVec2 middle{area.pos.x + area.size.x / 2, area.pos.y + area.size.y / 2};
    for (const auto& place : content.map.places) {
        if (!place.beyond_edge) continue;
        const ImVec2 far = projection.at(place.at);
        float dx = far.x - middle.x, dy = far.y - middle.y;
        const float length = std::max(1.0f, std::hypot(dx, dy));
        dx /= length;
        dy /= length;
        // Where the ray from the middle leaves the area, a little inside it.
        const float reach = std::min(std::abs(dx) > 1e-3f ? (area.size.x / 2) / std::abs(dx) : 1e9f,
                                     std::abs(dy) > 1e-3f ? (area.size.y / 2) / std::abs(dy) : 1e9f) - frame.px(22);
        const ImVec2 tip{middle.x + dx * reach, middle.y + dy * reach};
        const float size = frame.px(18);
        const ImVec2 back{tip.x - dx * size * 1.6f, tip.y - dy * size * 1.6f};
        draw->AddTriangleFilled(tip, {back.x - dy * size * 0.7f, back.y + dx * size * 0.7f},
                                {back.x + dy * size * 0.7f, back.y - dx * size * 0.7f}, theme::gold);
        labels.add_point(place.id, back,
                         {{std::min(tip.x, back.x) - size * 0.7f, std::min(tip.y, back.y) - size * 0.7f},
                          {std::abs(tip.x - back.x) + size * 1.4f, std::abs(tip.y - back.y) + size * 1.4f}},
                         false);
        const TextStyle style{frame.fonts.large, theme::gold, Align::centre, true, true};
        const ImVec2 measured = measure_text(place.name, {frame.px(260), frame.fonts.large->FontSize * 1.3f}, style).size;
        const ImVec2 label_size{measured.x + frame.px(4), frame.fonts.large->FontSize * 1.2f};
        requests.push_back({place.id, place.name, frame.px(14), label_size, false, style});
    }
}

void draw_places(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, std::vector<LabelRequest>& requests) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ContentPack& content = kiosk.content();
    const TextStyle small{frame.fonts.body, theme::text_muted, Align::left, true, true};
    for (const auto& place : content.map.places) {
        if (place.beyond_edge) continue;
        const ImVec2 at = projection.at(place.id, place.at);
        draw->AddCircleFilled(at, frame.px(5), theme::text_muted);
        const ImVec2 size = measure_text(place.name, {frame.px(220), frame.fonts.body->FontSize * 1.3f}, small).size;
        // A place on the way (Støren, Koppang) is named only where its name cannot be read as
        // a neighbour's; the dot and the lines through it stay.
        requests.push_back({place.id, place.name, frame.px(10), {size.x + frame.px(4), frame.fonts.body->FontSize * 1.2f}, true, small});
    }
}

// Drawn small enough that neighbours a few kilometres apart stay apart at 800x480; the
// touch target around each stays at least 48 px.
float jewel_radius(const UiFrame& frame) { return std::max(frame.px(20), 12.0f); }
// The touch target's side around a jewel: never under 48 px, rounding included.
float jewel_target(const UiFrame& frame) { return std::max(jewel_radius(frame) * 2, min_touch_px + 2); }

// What labels must keep clear of, before any is placed: every jewel and every place's dot.
void mark_points(const Kiosk& kiosk, const UiFrame& frame, const Projection& projection, MapLabels& labels) {
    const ContentPack& content = kiosk.content();
    const float side = jewel_target(frame);  // a label on a jewel's target would be tapped as the jewel
    for (const auto& municipality : content.municipalities) {
        if (!municipality.position) continue;
        const ImVec2 at = projection.at(municipality.id, *municipality.position);
        labels.add_point(municipality.id, at, {{at.x - side / 2, at.y - side / 2}, {side, side}}, true);
    }
    const float dot = frame.px(5);
    for (const auto& place : content.map.places) {
        if (place.beyond_edge) continue;
        const ImVec2 at = projection.at(place.id, place.at);
        labels.add_point(place.id, at, {{at.x - dot, at.y - dot}, {dot * 2, dot * 2}}, false);
    }
}

void draw_municipalities(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, MapLabels& labels,
                         std::vector<LabelRequest>& requests) {
    const ContentPack& content = kiosk.content();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float radius = jewel_radius(frame);
    const float side = jewel_target(frame);
    const float ring = radius * 1.7f;
    for (const auto& municipality : content.municipalities) {
        if (!municipality.position) continue;
        const ImVec2 at = projection.at(municipality.id, *municipality.position);
        const bool highlighted = kiosk.map_highlight() == municipality.id;
        if (highlighted) {
            draw->AddCircleFilled(at, ring, theme::rgb(0xe0, 0xb6, 0x52, 0x50));
            draw->AddCircle(at, ring, theme::gold, 0, frame.px(4));
            labels.take({{at.x - ring, at.y - ring}, {ring * 2, ring * 2}});  // no name on the ring
        }
        draw_jewel(draw, at, radius, municipality, JewelLook{0, highlighted, 0});
        const std::string name = "map:" + municipality.id;
        if (frame.audit) frame.audit->solid("jewel", {at.x - radius * 0.8f, at.y - radius * 0.8f}, {at.x + radius * 0.8f, at.y + radius * 0.8f});
        const ImVec2 hit{side, side};
        frame.targets.add(name, {at.x - hit.x / 2, at.y - hit.y / 2}, {at.x + hit.x / 2, at.y + hit.y / 2});
        ImGui::SetCursorScreenPos({at.x - hit.x / 2, at.y - hit.y / 2});
        if (ImGui::InvisibleButton(name.c_str(), hit)) frame.emit(intent::OpenMunicipality{municipality.id});
    }
    // The names once every jewel has its room, the ringed one first: it has the most to keep clear of.
    std::vector<const Municipality*> order;
    for (const auto& municipality : content.municipalities) {
        if (municipality.position) order.push_back(&municipality);
    }
    std::stable_partition(order.begin(), order.end(), [&](const Municipality* m) { return kiosk.map_highlight() == m->id; });
    for (const Municipality* municipality : order) {
        const bool highlighted = kiosk.map_highlight() == municipality->id;
        const TextStyle style{frame.fonts.large, highlighted ? theme::gold : theme::text, Align::left, true, true};
        const ImVec2 size = measure_text(municipality->name, {frame.px(260), frame.fonts.large->FontSize * 1.3f}, style).size;
        const float clear = std::max(side / 2, highlighted ? ring + frame.px(4) : 0.0f);  // off the ring, too
        requests.push_back({municipality->id, municipality->name, clear + frame.px(2),
                            {size.x + frame.px(4), frame.fonts.large->FontSize * 1.2f}, false, style});
    }
}

// The side panel: the legend at its foot, and above it the travel times as the pack states
// them, then the hint where room is left. Every text has a box inside the panel, so none
// can run past it into the bottom bar.
void side_panel(const Kiosk& kiosk, UiFrame& frame, Rect box) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.pos, box.max(), theme::panel, frame.px(16));
    const float inner = frame.px(18);
    const float left = box.pos.x + inner;
    const float width = box.size.x - inner * 2;

    const float sample = frame.px(48);
    const float row = frame.fonts.body->FontSize * 1.4f;
    const float legend_top = box.max().y - inner - row * 2 - frame.px(6);
    const TextStyle legend{frame.fonts.body, theme::text, Align::left, true, true};
    const Rect railway{{left + sample + frame.px(10), legend_top}, {width - sample - frame.px(10), row}};
    const float mid = legend_top + row / 2;
    draw->AddLine({left, mid}, {left + sample, mid}, theme::rgb(0x10, 0x10, 0x14), frame.px(7));
    draw->AddLine({left, mid}, {left + sample / 3, mid}, theme::text, frame.px(3));
    draw->AddLine({left + sample * 2 / 3, mid}, {left + sample, mid}, theme::text, frame.px(3));
    text_box(frame, ui_text(language, "map.railway"), railway, legend);
    const float road_top = legend_top + row + frame.px(6);
    const float mid_road = road_top + row / 2;
    draw->AddLine({left, mid_road}, {left + sample, mid_road}, theme::rgb(0xb8, 0x92, 0x3a, 0xc0), frame.px(4));
    text_box(frame, ui_text(language, "map.road"), {{railway.pos.x, road_top}, railway.size}, legend);

    float y = box.pos.y + inner;
    const float bottom = legend_top - frame.px(10);
    const auto line = [&](std::string_view text, ImFont* font, ImU32 colour) {
        const float height = std::min(font->FontSize * 1.25f, bottom - y);  // none left: reported, never past the panel
        y += std::max(0.0f, text_box(frame, text, {{left, y}, {width, height}}, {font, colour, Align::left, false, true}).size.y);
        y += font->FontSize * 0.1f;
    };
    line(ui_text(language, "map.travel"), frame.fonts.large, theme::gold);
    y += frame.px(6);
    // One heading a route ("Trondheim – Røros"), then a line for each way to travel it.
    const TravelTime* previous = nullptr;
    for (const auto& travel : content.map.travel) {
        const std::string by = std::string(ui_text(language, travel.by == TravelTime::By::train ? "map.by_train" : "map.by_car"));
        const auto name = [&](const std::string& id) {
            const MapPlace* place = content.map.find_place(id);
            return place != nullptr ? place->name : content.place_name(id);
        };
        if (previous == nullptr || previous->from != travel.from || previous->to != travel.to) {
            if (previous != nullptr) y += frame.px(8);
            line(name(travel.from) + " – " + name(travel.to), frame.fonts.body, theme::text);
        }
        line(by + ": " + duration(language, travel), frame.fonts.body, theme::text_muted);
        previous = &travel;
    }
    y += frame.px(6);
    if (bottom - y > frame.fonts.body->FontSize * 2) {
        text_box(frame, ui_text(language, "map.hint"), {{left, y}, {width, bottom - y}}, {frame.fonts.body, theme::text_muted});
    }
}

}  // namespace

void draw_map(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "map");
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    const float top = page_header(kiosk, frame, ui_text(language, "map.title"), ui_text(language, "map.intro"));
    const float bottom = frame.size.y - bottom_bar_height(frame) - frame.px(8);
    const float margin = frame.px(32);
    const float side_width = std::max(frame.px(340), frame.size.x * 0.3f);
    const Rect map_box{{margin, top}, {frame.size.x - margin * 3 - side_width, bottom - top}};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(map_box.pos, map_box.max(), theme::rgb(0x16, 0x2a, 0x3a), frame.px(16));
    draw->AddRect(map_box.pos, map_box.max(), theme::gold, frame.px(16), 0, frame.px(2));

    Projection projection;
    for (const auto& municipality : content.municipalities) {
        if (municipality.position) projection.include(*municipality.position);
    }
    for (const auto& place : content.map.places) {
        if (!place.beyond_edge) projection.include(place.at);
    }
    const float pad = frame.px(40);
    projection.fit({{map_box.pos.x + pad, map_box.pos.y + pad * 0.6f}, {map_box.size.x - pad * 2, map_box.size.y - pad * 1.2f}});
    projection.area = map_box;
    std::vector<std::pair<std::string, float>> points;
    for (const auto& municipality : content.municipalities) {
        if (!municipality.position) continue;
        projection.spread[municipality.id] = projection.at(*municipality.position);
        points.emplace_back(municipality.id, jewel_target(frame) / 2 + frame.px(2));
    }
    for (const auto& place : content.map.places) {
        if (place.beyond_edge) continue;
        projection.spread[place.id] = projection.at(place.at);
        points.emplace_back(place.id, frame.px(8));
    }
    projection.separate(std::move(points));

    draw->PushClipRect(map_box.pos, map_box.max(), true);
    MapLabels labels(map_box, smallest_text_share);
    draw_lines(kiosk, frame, projection, labels);
    // Every point takes its room first; then the names, the arrows' at the edge first (they
    // have the least choice), then the municipalities', then the other places'.
    std::vector<LabelRequest> requests;
    mark_points(kiosk, frame, projection, labels);
    draw_beyond_edge(kiosk, frame, projection, labels, requests);
    draw_municipalities(kiosk, frame, projection, labels, requests);
    draw_places(kiosk, frame, projection, requests);
    // The last frame's plan while nothing it depends on has changed (see MapLabelPlan).
    MapLabelPlan fresh;
    MapLabelPlan& plan = frame.map_labels != nullptr ? *frame.map_labels : fresh;
    std::string inputs = labels.inputs() + request_inputs(requests);
    if (frame.map_labels == nullptr || plan.inputs != inputs) {
        plan = plan_labels(labels, requests);
        plan.inputs = std::move(inputs);
    }
    for (std::size_t i = 0; i < plan.order.size(); ++i) {
        const LabelRequest& request = requests[plan.order[i]];
        const std::optional<PlacedLabel>& placed = plan.placed[i];
        if (!placed) continue;
        draw_label(frame, request.text, *placed, request.style);
        if (frame.audit) frame.audit->map_name(request.text, request.id, placed->rect, placed->leader_from.has_value());
    }
    if (frame.audit) labels.for_each_point([&](const std::string& id, ImVec2 at) { frame.audit->map_point(id, at); });
    draw->PopClipRect();

    side_panel(kiosk, frame, {{map_box.max().x + margin, top}, {side_width, bottom - top}});
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
