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
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cmath>

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
};

std::optional<GeoPoint> position_of(const ContentPack& content, const std::string& id) {
    if (const auto* municipality = content.find_municipality(id)) return municipality->position;
    if (const auto* place = content.map.find_place(id)) return place->at;
    return std::nullopt;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.pos.x < b.max().x && b.pos.x < a.max().x && a.pos.y < b.max().y && b.pos.y < a.max().y;
}

// A label beside a point: right, left, below or above, the first that keeps clear of what is
// already placed and stays inside the map.
Rect place_label(ImVec2 point, float gap, ImVec2 size, const Rect& inside, const std::vector<Rect>& taken) {
    const Rect candidates[] = {
        {{point.x + gap, point.y - size.y / 2}, size},
        {{point.x - gap - size.x, point.y - size.y / 2}, size},
        {{point.x - size.x / 2, point.y + gap}, size},
        {{point.x - size.x / 2, point.y - gap - size.y}, size},
    };
    for (const Rect& candidate : candidates) {
        const bool in = candidate.pos.x >= inside.pos.x && candidate.pos.y >= inside.pos.y &&
                        candidate.max().x <= inside.max().x && candidate.max().y <= inside.max().y;
        if (in && std::none_of(taken.begin(), taken.end(), [&](const Rect& other) { return overlaps(candidate, other); })) {
            return candidate;
        }
    }
    return candidates[0];
}

std::string duration(Language language, const TravelTime& travel) {
    std::string text = travel.approximate ? std::string(ui_text(language, "map.about")) + " " : "";
    const int hours = travel.minutes / 60, minutes = travel.minutes % 60;
    if (hours > 0) text += std::to_string(hours) + " " + std::string(ui_text(language, "map.hours"));
    if (minutes > 0) text += (hours > 0 ? " " : "") + std::to_string(minutes) + " " + std::string(ui_text(language, "map.minutes"));
    return text;
}

void draw_lines(const Kiosk& kiosk, UiFrame& frame, const Projection& projection) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ContentPack& content = kiosk.content();
    for (const MapLine::Kind kind : {MapLine::Kind::road, MapLine::Kind::railway}) {  // rail on top
        for (const auto& line : content.map.lines) {
            if (line.kind != kind) continue;
            std::vector<ImVec2> points;
            for (const auto& id : line.through) {
                if (const auto point = position_of(content, id)) points.push_back(projection.at(*point));
            }
            if (points.size() < 2) continue;
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
void draw_beyond_edge(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, std::vector<Rect>& taken) {
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
        const TextStyle style{frame.fonts.large, theme::gold, Align::centre, true, true};
        const ImVec2 label_size{frame.px(200), frame.fonts.large->FontSize * 1.2f};
        const Rect label = place_label(back, frame.px(14), label_size, area, taken);
        text_box(frame, place.name, label, style);
        taken.push_back(label);
    }
}

void draw_places(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, std::vector<Rect>& taken) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ContentPack& content = kiosk.content();
    const TextStyle small{frame.fonts.body, theme::text_muted, Align::left, true, true};
    for (const auto& place : content.map.places) {
        if (place.beyond_edge) continue;
        const ImVec2 at = projection.at(place.at);
        draw->AddCircleFilled(at, frame.px(5), theme::text_muted);
        const ImVec2 size = measure_text(place.name, {frame.px(220), frame.fonts.body->FontSize * 1.3f}, small).size;
        const Rect label = place_label(at, frame.px(10), {size.x + frame.px(4), frame.fonts.body->FontSize * 1.2f},
                                       projection.area, taken);
        text_box(frame, place.name, label, small);
        taken.push_back(label);
    }
}

void draw_municipalities(const Kiosk& kiosk, UiFrame& frame, const Projection& projection, std::vector<Rect>& taken) {
    const ContentPack& content = kiosk.content();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Drawn small enough that neighbours a few kilometres apart stay apart at 800x480; the
    // touch target around each stays at least 48 px.
    const float radius = std::max(frame.px(20), 12.0f);
    // Jewels first take their room, then the labels find theirs around them.
    for (const auto& municipality : content.municipalities) {
        if (!municipality.position) continue;
        const ImVec2 at = projection.at(*municipality.position);
        taken.push_back({{at.x - radius, at.y - radius}, {radius * 2, radius * 2}});
    }
    const TextStyle style{frame.fonts.large, theme::text, Align::left, true, true};
    for (const auto& municipality : content.municipalities) {
        if (!municipality.position) continue;
        const ImVec2 at = projection.at(*municipality.position);
        const bool highlighted = kiosk.map_highlight() == municipality.id;
        if (highlighted) {
            draw->AddCircleFilled(at, radius * 1.7f, theme::rgb(0xe0, 0xb6, 0x52, 0x50));
            draw->AddCircle(at, radius * 1.7f, theme::gold, 0, frame.px(4));
        }
        draw_jewel(draw, at, radius, municipality, JewelLook{0, highlighted, 0});
        const std::string name = "map:" + municipality.id;
        const float side = std::max(radius * 2, min_touch_px + 2);  // never under 48 px, rounding included
        const ImVec2 hit{side, side};
        frame.targets.add(name, {at.x - hit.x / 2, at.y - hit.y / 2}, {at.x + hit.x / 2, at.y + hit.y / 2});
        ImGui::SetCursorScreenPos({at.x - hit.x / 2, at.y - hit.y / 2});
        if (ImGui::InvisibleButton(name.c_str(), hit)) frame.emit(intent::OpenMunicipality{municipality.id});
        const ImVec2 size = measure_text(municipality.name, {frame.px(260), frame.fonts.large->FontSize * 1.3f}, style).size;
        const Rect label = place_label(at, radius + frame.px(6), {size.x + frame.px(4), frame.fonts.large->FontSize * 1.2f},
                                       projection.area, taken);
        text_box(frame, municipality.name, label, {frame.fonts.large, highlighted ? theme::gold : theme::text, Align::left, true, true});
        taken.push_back(label);
    }
}

// The side panel: travel times as the pack states them, and the legend.
void side_panel(const Kiosk& kiosk, UiFrame& frame, Rect box) {
    const Language language = kiosk.language();
    const ContentPack& content = kiosk.content();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.pos, box.max(), theme::panel, frame.px(16));
    const float inner = frame.px(18);
    const float width = box.size.x - inner * 2;
    float y = box.pos.y + inner;
    const auto line = [&](std::string_view text, ImFont* font, ImU32 colour, float height_lines = 1) {
        const float height = font->FontSize * 1.25f * height_lines;
        text_box(frame, text, {{box.pos.x + inner, y}, {width, height}}, {font, colour, Align::left, false, height_lines <= 1});
        y += height;
    };
    line(ui_text(language, "map.travel"), frame.fonts.large, theme::gold);
    y += frame.px(6);
    for (const auto& travel : content.map.travel) {
        const std::string by = std::string(ui_text(language, travel.by == TravelTime::By::train ? "map.by_train" : "map.by_car"));
        const auto name = [&](const std::string& id) {
            const MapPlace* place = content.map.find_place(id);
            return place != nullptr ? place->name : content.place_name(id);
        };
        line(name(travel.from) + " – " + name(travel.to), frame.fonts.body, theme::text);
        line(by + ": " + duration(language, travel), frame.fonts.body, theme::text_muted);
        y += frame.px(8);
    }
    y += frame.px(10);
    const float sample = frame.px(48);
    const float row = frame.fonts.body->FontSize * 1.4f;
    const float mid = y + row / 2;
    draw->AddLine({box.pos.x + inner, mid}, {box.pos.x + inner + sample, mid}, theme::rgb(0x10, 0x10, 0x14), frame.px(7));
    draw->AddLine({box.pos.x + inner, mid}, {box.pos.x + inner + sample / 3, mid}, theme::text, frame.px(3));
    draw->AddLine({box.pos.x + inner + sample * 2 / 3, mid}, {box.pos.x + inner + sample, mid}, theme::text, frame.px(3));
    text_box(frame, ui_text(language, "map.railway"), {{box.pos.x + inner + sample + frame.px(10), y}, {width - sample - frame.px(10), row}},
             {frame.fonts.body, theme::text, Align::left, true, true});
    y += row + frame.px(6);
    const float mid_road = y + row / 2;
    draw->AddLine({box.pos.x + inner, mid_road}, {box.pos.x + inner + sample, mid_road}, theme::rgb(0xb8, 0x92, 0x3a, 0xc0), frame.px(4));
    text_box(frame, ui_text(language, "map.road"), {{box.pos.x + inner + sample + frame.px(10), y}, {width - sample - frame.px(10), row}},
             {frame.fonts.body, theme::text, Align::left, true, true});
    y += row + frame.px(14);
    if (box.max().y - inner - y > frame.fonts.body->FontSize * 2) {
        text_box(frame, ui_text(language, "map.hint"), {{box.pos.x + inner, y}, {width, box.max().y - inner - y}},
                 {frame.fonts.body, theme::text_muted, Align::left, false, false});
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

    draw->PushClipRect(map_box.pos, map_box.max(), true);
    draw_lines(kiosk, frame, projection);
    std::vector<Rect> taken;
    draw_municipalities(kiosk, frame, projection, taken);
    draw_places(kiosk, frame, projection, taken);
    draw_beyond_edge(kiosk, frame, projection, taken);
    draw->PopClipRect();

    side_panel(kiosk, frame, {{map_box.max().x + margin, top}, {side_width, bottom - top}});
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "jewel_box.sign_up"), "sign_up")) {
        frame.emit(intent::OpenSignUp{});
    }
}

}  // namespace flytthit::ui
