// What a frame draws that moves from one frame to the next (the attract ring's jewels, the
// prompt's pulse): the vertex ranges of a draw list that a MovingScope saw drawn. The window
// redraws only where those lie (ui/render/frame_damage.h) while everything else is unchanged;
// the screens mark what moves, the damage check proves the rest did not.
#pragma once

#include <imgui.h>

#include <vector>

namespace flytthit::ui {

struct MovingPart {
    const ImDrawList* list = nullptr;
    int first_vertex = 0;
    int end_vertex = 0;  // one past the last
};

class MovingParts {
public:
    void clear() { parts_.clear(); }
    void add(const MovingPart& part) {
        if (part.end_vertex > part.first_vertex) parts_.push_back(part);
    }
    const std::vector<MovingPart>& parts() const { return parts_; }

private:
    std::vector<MovingPart> parts_;
};

// Marks the vertices drawn into list during its lifetime as moving. parts may be null (headless
// tests): then it marks nothing. Not for use across an ImDrawListSplitter's channels, whose
// merge reorders vertices: a part marked there would be checked as unmoved and force full frames.
class MovingScope {
public:
    MovingScope(MovingParts* parts, ImDrawList* list)
        : parts_(parts), list_(list), first_vertex_(list->VtxBuffer.Size) {}
    ~MovingScope() {
        if (parts_ != nullptr) parts_->add({list_, first_vertex_, list_->VtxBuffer.Size});
    }
    MovingScope(const MovingScope&) = delete;
    MovingScope& operator=(const MovingScope&) = delete;

private:
    MovingParts* parts_;
    ImDrawList* list_;
    int first_vertex_;
};

}  // namespace flytthit::ui
