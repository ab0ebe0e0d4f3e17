// What one frame drew as text, for the fit test: every text the text box had to cut or could
// not fit, the rectangle of every line it drew (and of solid shapes text must not cover,
// such as jewels), and the places where clipping is meant (a field scrolled to its end).
// Filled by text_box() and the widgets; cleared at the start of each frame. No ImGui state.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace flytthit::ui {

struct Rect {
    ImVec2 pos;
    ImVec2 size;

    ImVec2 max() const { return {pos.x + size.x, pos.y + size.y}; }
};

enum class TextProblem {
    cut,       // shown with an ellipsis: part of the text is missing
    overflow,  // the box had no room at all (zero or negative size), or the text left it
};

struct TextReport {
    TextProblem kind;
    std::string text;
    Rect box;
};

// A line of text (or a solid shape) drawn this frame. Lines of one text share an id, so they
// are never counted as overlapping each other; layer 1 and up lie over the screen on purpose.
struct DrawnText {
    std::string text;
    ImVec2 min;
    ImVec2 max;
    int layer = 0;
    int id = 0;
};

// The map's points (jewels, dots, arrows) and the names placed for them, for the test that
// a name lies nearer its own point than any other (or is joined to it by a leader line).
struct MapPointRecord {
    std::string id;
    ImVec2 at;
};
struct MapNameRecord {
    std::string text;
    std::string id;  // the point it names
    ImVec2 min;
    ImVec2 max;
    bool leader = false;
};

struct ExemptRect {
    ImVec2 min;
    ImVec2 max;
};

class TextAudit {
public:
    void clear() {
        reports_.clear();
        drawn_.clear();
        exempt_.clear();
        map_points_.clear();
        map_names_.clear();
        layer_ = 0;
        next_id_ = 0;
    }
    void report(TextProblem kind, std::string_view text, Rect box) { reports_.push_back({kind, std::string(text), box}); }
    // A new id for one text (all its lines) or one shape.
    int new_id() { return ++next_id_; }
    void drawn(std::string_view text, ImVec2 min, ImVec2 max, int id) { drawn_.push_back({std::string(text), min, max, layer_, id}); }
    // A shape that text must not lie on (a jewel): recorded like a line of text of its own.
    void solid(std::string_view what, ImVec2 min, ImVec2 max) { drawn(what, min, max, new_id()); }
    // Clipping inside this rectangle is intended (a text field shows the end of a long entry).
    void exempt(ImVec2 min, ImVec2 max) { exempt_.push_back({min, max}); }
    void map_point(std::string_view id, ImVec2 at) { map_points_.push_back({std::string(id), at}); }
    void map_name(std::string_view text, std::string_view id, Rect box, bool leader) {
        map_names_.push_back({std::string(text), std::string(id), box.pos, box.max(), leader});
    }
    // What follows lies over what came before (a modal question over the screen).
    void begin_layer() { ++layer_; }

    const std::vector<TextReport>& reports() const { return reports_; }
    const std::vector<DrawnText>& drawn() const { return drawn_; }
    const std::vector<ExemptRect>& exempt() const { return exempt_; }
    const std::vector<MapPointRecord>& map_points() const { return map_points_; }
    const std::vector<MapNameRecord>& map_names() const { return map_names_; }

private:
    std::vector<TextReport> reports_;
    std::vector<DrawnText> drawn_;
    std::vector<ExemptRect> exempt_;
    std::vector<MapPointRecord> map_points_;
    std::vector<MapNameRecord> map_names_;
    int layer_ = 0;
    int next_id_ = 0;
};

}  // namespace flytthit::ui
