// What every screen gets for one frame: the display's size and scale, the fonts, where to
// record touch targets and where to put the intents it emits. Screens read the Kiosk and
// this, and return nothing but intents.
#pragma once

#include "kiosk_intent.h"
#include "touch_targets.h"

#include <imgui.h>

#include <vector>

namespace flytthit::ui {

struct Fonts {
    ImFont* body = nullptr;   // running text, field contents
    ImFont* large = nullptr;  // buttons, headings
    ImFont* title = nullptr;  // the slogan, screen titles
};

// Layout is designed at 1280x800 and scaled to the display; 800x480 gives 0.6.
inline constexpr float design_width = 1280.0f;
inline constexpr float design_height = 800.0f;

struct UiFrame {
    ImVec2 size;
    float scale = 1.0f;
    double time_seconds = 0;  // for animations only; timeouts live in the core's monotonic clock
    const Fonts& fonts;
    TouchTargets& targets;
    std::vector<Intent>& intents;

    float px(float design_pixels) const { return design_pixels * scale; }
    void emit(Intent intent) { intents.push_back(std::move(intent)); }
};

// The scale for a display: the smaller of the two ratios, so nothing falls off the screen.
inline float scale_for(ImVec2 display) {
    const float scale = std::min(display.x / design_width, display.y / design_height);
    return scale > 0.0f ? scale : 1.0f;
}

}  // namespace flytthit::ui
