// What every screen gets for one frame: the display's size and scale, the fonts, where to
// record touch targets and where to put the intents it emits. Screens read the Kiosk and
// this, and return nothing but intents.
#pragma once

#include "firmware/kiosk_intent.h"
#include "ui/pictures.h"
#include "ui/touch_targets.h"
#include "ui/widgets/text_audit.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace flytthit::ui {

struct MapLabelPlan;  // ui/widgets/map_labels.h
class MovingParts;   // ui/render/moving_parts.h

struct Fonts {
    ImFont* body = nullptr;   // running text, field contents
    ImFont* large = nullptr;  // buttons, headings
    ImFont* title = nullptr;  // the slogan, screen titles
    // The widest language name in the body font, for the language bar: fixed for a font set,
    // so measured once when the fonts are made (widest_language_name in controls.h).
    float widest_language_name = 0;
};

// Layout is designed at 1280x800 and scaled to the display; 800x480 gives 0.6.
// Whatever the scale, nothing a finger must hit is smaller than 48 px: 9 mm on the official
// 7" display (800x480), the size touch guidelines ask for.
inline constexpr float design_width = 1280.0f;
inline constexpr float design_height = 800.0f;
inline constexpr float min_touch_px = 48.0f;

struct UiFrame {
    ImVec2 size;
    float scale = 1.0f;
    double time_seconds = 0;  // for animations only; timeouts live in the core's monotonic clock
    const Fonts& fonts;
    TouchTargets& targets;
    std::vector<Intent>& intents;
    // What text this frame drew, cut or could not fit: only tests and the headless driver keep
    // one. The kiosk itself passes none, so visitors' names are never copied for it.
    TextAudit* audit = nullptr;
    const PackPictures* pictures = nullptr;  // none in headless tests: screens draw neutral frames
    MapLabelPlan* map_labels = nullptr;      // the map's names, kept between frames (map_labels.h)
    MovingParts* moving = nullptr;           // where an animation marks what it drew (moving_parts.h)
    ImTextureID flat_shapes = nullptr;       // the white texel flat shapes are drawn with, or none (flat_shapes.h)

    float px(float design_pixels) const { return design_pixels * scale; }
    // A touch target's side: the design size scaled, never under min_touch_px.
    float touch(float design_pixels) const { return std::max(px(design_pixels), min_touch_px); }
    void emit(Intent intent) { intents.push_back(std::move(intent)); }
};

// The scale for a display: the smaller of the two ratios, so nothing falls off the screen.
inline float scale_for(ImVec2 display) {
    const float scale = std::min(display.x / design_width, display.y / design_height);
    return scale > 0.0f ? scale : 1.0f;
}

}  // namespace flytthit::ui
