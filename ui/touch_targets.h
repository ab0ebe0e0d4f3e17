// The touchable places drawn in one frame, by name ("jewel:roros", "key:a", "submit").
// Tests tap them by name; the accessibility test checks each is large enough to hit.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace flytthit::ui {

struct TouchTarget {
    std::string name;
    ImVec2 min;
    ImVec2 max;

    ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    ImVec2 size() const { return {max.x - min.x, max.y - min.y}; }
};

class TouchTargets {
public:
    void clear() { targets_.clear(); }
    void add(std::string name, ImVec2 min, ImVec2 max) { targets_.push_back({std::move(name), min, max}); }
    std::optional<TouchTarget> find(const std::string& name) const {
        for (const auto& target : targets_) {
            if (target.name == name) return target;
        }
        return std::nullopt;
    }
    const std::vector<TouchTarget>& all() const { return targets_; }

private:
    std::vector<TouchTarget> targets_;
};

}  // namespace flytthit::ui
