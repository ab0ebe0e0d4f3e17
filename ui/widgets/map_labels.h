// Where the map's names go. A name belongs beside its own point: it lies on nothing already
// drawn (jewels, their touch targets, dots, arrows, other names), inside the map, and nearer
// its own point than any other, so a reader never takes Koppang's name for Alvdal's. When
// the points lie too close for that (large text at 800x480), the name may stand further out
// with a thin leader line to its point, or at a smaller size; a minor place's name may be
// left out rather than mislead. No ImGui state: the map screen draws what this decides.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ui/widgets/text_audit.h"

namespace flytthit::ui {

struct PlacedLabel {
    Rect rect;
    bool small = false;                 // at the smallest size text steps down to
    std::optional<ImVec2> leader_from;  // a line from here (beside the point) to the name
    ImVec2 leader_to{0, 0};
    bool clear = true;                  // false: nothing was clear, this covers the least
};

// The map's last plan, kept between frames: placing the names costs milliseconds (several
// rounds over a grid), and the map is drawn the same way frame after frame until something it
// depends on changes. Owned by KioskUi; the map screen reuses the plan while its inputs (every
// point, room, line and name asked for, by value) are the same.
struct MapLabelPlan {
    std::string inputs;
    std::vector<std::size_t> order;  // indices into the names asked for
    std::vector<std::optional<PlacedLabel>> placed;
};

class MapLabels {
public:
    MapLabels(Rect area, float small_share) : area_(area), small_share_(small_share) {}

    // A point names may be read as belonging to, and the room around it nothing may cover.
    // Major: a municipality's jewel, whose name must be clearly nearer it than any other.
    void add_point(const std::string& id, ImVec2 at, Rect room, bool major);
    // Something drawn that names must keep off (an arrow).
    void take(Rect room) { taken_.push_back(room); }
    // A railway or road: a name beside its point keeps off it where it can, as a name crossed
    // by a line is hard to read, but may lie on it rather than further away.
    void avoid_line(ImVec2 from, ImVec2 to);

    // The place for the name of point id (added before) measuring size, at least gap from
    // its centre. Nothing when optional and no clear place keeps it nearest its own point;
    // otherwise, when there is none, where it covers least (clear false, for the fit test).
    std::optional<PlacedLabel> place(const std::string& id, float gap, ImVec2 size, bool optional);

    // Every point added, for the fit test's record.
    template <typename Visit>
    void for_each_point(Visit visit) const {
        for (const Point& point : points_) visit(point.id, point.at);
    }
    // Everything placing depends on, by value, for MapLabelPlan.
    std::string inputs() const;
    // How far a placed name lies from its point (0 for a point never added).
    float distance_to_own(const std::string& id, const Rect& rect) const;

private:
    struct Point {
        std::string id;
        ImVec2 at;
        Rect room;
        bool major;
    };
    const Point* find(const std::string& id) const;
    bool inside(const Rect& rect) const;
    bool covers_anything(const Rect& rect) const;
    bool crosses_a_line(const Rect& rect) const;
    bool nearest_is_own(const Rect& rect, const Point& own) const;
    // A name standing out on a leader line, not hugging another jewel or dot it would be read as.
    bool keeps_off_others(const Rect& rect, const Point& own, float from_jewels, float from_dots) const;
    bool line_is_clear(ImVec2 from, ImVec2 to, const Point& own) const;
    void take_line(ImVec2 from, ImVec2 to);

    Rect area_;
    float small_share_;
    std::vector<Point> points_;
    std::vector<Rect> taken_;
    std::vector<Rect> lines_;  // samples along the railway and roads
};

}  // namespace flytthit::ui
