// The map's name placement; see map_labels.h.
#include "ui/widgets/map_labels.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace flytthit::ui {

namespace {

float overlap_area(const Rect& a, const Rect& b) {
    const float w = std::min(a.max().x, b.max().x) - std::max(a.pos.x, b.pos.x);
    const float h = std::min(a.max().y, b.max().y) - std::max(a.pos.y, b.pos.y);
    return w > 0 && h > 0 ? w * h : 0.0f;
}

bool contains(const Rect& rect, ImVec2 p) {
    return p.x >= rect.pos.x && p.y >= rect.pos.y && p.x <= rect.max().x && p.y <= rect.max().y;
}

// The point of rect nearest p (p itself when inside).
ImVec2 nearest_in(const Rect& rect, ImVec2 p) {
    return {std::clamp(p.x, rect.pos.x, rect.max().x), std::clamp(p.y, rect.pos.y, rect.max().y)};
}

float distance(const Rect& rect, ImVec2 p) {
    const ImVec2 n = nearest_in(rect, p);
    return std::hypot(n.x - p.x, n.y - p.y);
}

// Right, left, below, above, then the four corners, at one reach from the point; beside and
// above or below also slid along the point, for a name that fits only a little off centre.
std::vector<Rect> around(ImVec2 point, float reach, ImVec2 size) {
    std::vector<Rect> candidates{
        Rect{{point.x + reach, point.y - size.y / 2}, size},
        Rect{{point.x - reach - size.x, point.y - size.y / 2}, size},
        Rect{{point.x - size.x / 2, point.y + reach}, size},
        Rect{{point.x - size.x / 2, point.y - reach - size.y}, size},
        Rect{{point.x + reach, point.y - reach - size.y}, size},
        Rect{{point.x + reach, point.y + reach}, size},
        Rect{{point.x - reach - size.x, point.y - reach - size.y}, size},
        Rect{{point.x - reach - size.x, point.y + reach}, size},
    };
    for (const float slide : {0.15f, 0.85f}) {
        candidates.push_back({{point.x + reach, point.y - size.y * slide}, size});
        candidates.push_back({{point.x - reach - size.x, point.y - size.y * slide}, size});
        candidates.push_back({{point.x - size.x * slide, point.y + reach}, size});
        candidates.push_back({{point.x - size.x * slide, point.y - reach - size.y}, size});
    }
    return candidates;
}

bool overlaps_any(const Rect& rect, const std::vector<Rect>& rects) {
    return std::any_of(rects.begin(), rects.end(), [&](const Rect& other) { return overlap_area(rect, other) > 0; });
}

// A drawn line as small squares overlapping along it, so another line's check cannot slip
// between them.
void sample_line(ImVec2 from, ImVec2 to, std::vector<Rect>& into) {
    const float length = std::hypot(to.x - from.x, to.y - from.y);
    const int steps = std::max(1, static_cast<int>(length / 2.0f));
    for (int i = 0; i <= steps; ++i) {
        const float s = static_cast<float>(i) / static_cast<float>(steps);
        into.push_back({{from.x + (to.x - from.x) * s - 1.5f, from.y + (to.y - from.y) * s - 1.5f}, {3, 3}});
    }
}

}  // namespace

void MapLabels::add_point(const std::string& id, ImVec2 at, Rect room, bool major) {
    points_.push_back({id, at, room, major});
    taken_.push_back(room);
}

const MapLabels::Point* MapLabels::find(const std::string& id) const {
    for (const Point& point : points_) {
        if (point.id == id) return &point;
    }
    return nullptr;
}

namespace {

void append(std::string& out, const void* bytes, std::size_t size) { out.append(static_cast<const char*>(bytes), size); }
void append(std::string& out, const Rect& rect) {
    const float values[] = {rect.pos.x, rect.pos.y, rect.size.x, rect.size.y};
    append(out, values, sizeof values);
}

}  // namespace

std::string MapLabels::inputs() const {
    std::string out;
    append(out, area_);
    append(out, &small_share_, sizeof small_share_);
    for (const Point& point : points_) {
        out += point.id;
        out += '\0';
        append(out, Rect{point.at, {point.major ? 1.0f : 0.0f, 0}});
        append(out, point.room);
    }
    for (const auto* rects : {&taken_, &lines_}) {
        const std::size_t count = rects->size();
        append(out, &count, sizeof count);
        for (const Rect& rect : *rects) append(out, rect);
    }
    return out;
}

float MapLabels::distance_to_own(const std::string& id, const Rect& rect) const {
    const Point* own = find(id);
    return own != nullptr ? distance(rect, own->at) : 0.0f;
}

bool MapLabels::inside(const Rect& rect) const {
    return rect.pos.x >= area_.pos.x && rect.pos.y >= area_.pos.y && rect.max().x <= area_.max().x && rect.max().y <= area_.max().y;
}

bool MapLabels::covers_anything(const Rect& rect) const { return overlaps_any(rect, taken_); }

bool MapLabels::crosses_a_line(const Rect& rect) const { return overlaps_any(rect, lines_); }

void MapLabels::avoid_line(ImVec2 from, ImVec2 to) { sample_line(from, to, lines_); }

bool MapLabels::nearest_is_own(const Rect& rect, const Point& own) const {
    const float own_distance = distance(rect, own.at);
    for (const Point& other : points_) {
        // Another jewel must be clearly further, or the name reads as either's; a small dot
        // (a place on the way, an arrow) only no nearer, as its own name is small and muted.
        const float needed = other.major ? own_distance * 1.3f + 3.0f : own_distance + 3.0f;
        if (&other != &own && distance(rect, other.at) < needed) return false;
    }
    return true;
}

bool MapLabels::keeps_off_others(const Rect& rect, const Point& own, float from_jewels, float from_dots) const {
    for (const Point& other : points_) {
        if (&other != &own && distance(rect, other.at) < (other.major ? from_jewels : from_dots)) return false;
    }
    return true;
}

bool MapLabels::line_is_clear(ImVec2 from, ImVec2 to, const Point& own) const {
    const float length = std::hypot(to.x - from.x, to.y - from.y);
    const int steps = std::max(1, static_cast<int>(length / 1.5f));
    for (int i = 1; i < steps; ++i) {  // the ends touch the point's room and the name's box
        const float s = static_cast<float>(i) / static_cast<float>(steps);
        const ImVec2 p{from.x + (to.x - from.x) * s, from.y + (to.y - from.y) * s};
        for (const Rect& other : taken_) {
            // What holds the point itself (its touch target, the ring round it) the line leaves from.
            if (!contains(other, own.at) && contains(other, p)) return false;
        }
    }
    return true;
}

void MapLabels::take_line(ImVec2 from, ImVec2 to) { sample_line(from, to, taken_); }

std::optional<PlacedLabel> MapLabels::place(const std::string& id, float gap, ImVec2 size, bool optional) {
    const Point* own = find(id);
    if (own == nullptr) return std::nullopt;
    const ImVec2 small{size.x * small_share_, size.y * small_share_};
    const auto take_label = [&](PlacedLabel placed) {
        // With a space around it, so two names side by side never read as one ("Alvdal Oslo").
        const float space = placed.rect.size.y * 0.4f;
        taken_.push_back({{placed.rect.pos.x - space, placed.rect.pos.y}, {placed.rect.size.x + space * 2, placed.rect.size.y}});
        if (placed.leader_from) take_line(*placed.leader_from, placed.leader_to);
        return placed;
    };
    // Beside the point: at its size, then smaller, each at two reaches.
    const auto beside = [&](bool off_lines) -> std::optional<PlacedLabel> {
        for (const ImVec2 measured : {size, small}) {
            for (const float reach : {gap, gap + measured.y * 0.5f}) {
                for (const Rect& candidate : around(own->at, reach, measured)) {
                    if (inside(candidate) && !covers_anything(candidate) && !(off_lines && crosses_a_line(candidate)) &&
                        nearest_is_own(candidate, *own)) {
                        return take_label({candidate, measured.x < size.x, std::nullopt, {0, 0}, true});
                    }
                }
            }
        }
        return std::nullopt;
    };
    // Further out, with a leader line that crosses nothing on its way: the nearest clear place
    // on a grid around the point, out to a few lines of text away; first keeping off other
    // points (a name beside another jewel reads as that one's even with a line), then, before
    // giving up, where only the line says whose it is.
    const auto further = [&](bool keep_off) -> std::optional<PlacedLabel> {
        for (const ImVec2 measured : {size, small}) {
            const float step = measured.y / 2;
            const float reach = gap + measured.y * 5;
            std::vector<std::pair<float, Rect>> grid;
            for (float dy = -reach; dy <= reach; dy += step) {
                for (float dx = -reach - measured.x / 2; dx <= reach + measured.x / 2; dx += step) {
                    const Rect candidate{{own->at.x + dx - measured.x / 2, own->at.y + dy - measured.y / 2}, measured};
                    const float away = distance(candidate, own->at);
                    if (away >= gap && away <= reach && inside(candidate)) grid.emplace_back(away, candidate);
                }
            }
            std::stable_sort(grid.begin(), grid.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [away, candidate] : grid) {
                if (covers_anything(candidate)) continue;
                // Close by, a line would be a stub: there the name must be nearest its own point.
                if (away <= gap + measured.y * 0.5f) {
                    if (nearest_is_own(candidate, *own)) return take_label({candidate, measured.x < size.x, std::nullopt, {0, 0}, true});
                    continue;
                }
                const ImVec2 to = nearest_in(candidate, own->at);
                const float dx = to.x - own->at.x, dy = to.y - own->at.y;
                const float length = std::max(1.0f, std::hypot(dx, dy));
                const float start = std::min(gap * 0.8f, length);
                const ImVec2 from{own->at.x + dx / length * start, own->at.y + dy / length * start};
                if ((!keep_off || keeps_off_others(candidate, *own, measured.y * 1.5f, measured.y * 0.8f)) &&
                    line_is_clear(from, to, *own)) {
                    return take_label({candidate, measured.x < size.x, from, to, true});
                }
            }
        }
        return std::nullopt;
    };
    // Beside, off the railway and roads; else further out on a leader line, clear of other
    // points; else beside, over a line; else (a municipality's name) further out where only its
    // leader line says whose it is.
    if (auto placed = beside(true)) return placed;
    if (auto placed = further(true)) return placed;
    if (auto placed = beside(false)) return placed;
    if (!optional) {
        if (auto placed = further(false)) return placed;
    }
    if (optional) return std::nullopt;
    // Nothing clear: beside the point where it covers least, for the fit test to name; where it
    // still reads as its own point's if any place does.
    std::vector<Rect> candidates;
    for (const ImVec2 measured : {size, small}) {
        for (const float reach : {gap, gap + measured.y * 0.5f}) {
            for (const Rect& candidate : around(own->at, reach, measured)) {
                if (inside(candidate)) candidates.push_back(candidate);
            }
        }
    }
    if (candidates.empty()) candidates.push_back(around(own->at, gap, size).front());
    const Rect* best = nullptr;
    std::pair<bool, float> least{true, FLT_MAX};  // (misread, covered): smaller is better
    for (const Rect& candidate : candidates) {
        float covered = 0;
        for (const Rect& other : taken_) covered += overlap_area(candidate, other);
        const std::pair<bool, float> cost{!nearest_is_own(candidate, *own), covered};
        if (best == nullptr || cost < least) {
            least = cost;
            best = &candidate;
        }
    }
    return take_label({*best, best->size.x < size.x, std::nullopt, {0, 0}, false});
}

}  // namespace flytthit::ui
