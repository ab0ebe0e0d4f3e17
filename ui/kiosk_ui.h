// The kiosk's UI, independent of any window: it owns the ImGui context, the fonts and the
// frame's touch targets, and turns the Kiosk's state into one ImGui frame and its intents.
// The SDL platform layer and the headless test driver both run frames through this.
#pragma once

#include "firmware/kiosk.h"
#include "ui/pictures.h"
#include "ui/touch_targets.h"
#include "ui/ui_frame.h"
#include "ui/render/moving_parts.h"
#include "ui/widgets/map_labels.h"

#include <memory>
#include <string>
#include <vector>

namespace flytthit::ui {

// Owns an ImGui context and makes it current for its lifetime.
class ImGuiContextOwner {
public:
    ImGuiContextOwner();
    ~ImGuiContextOwner();
    ImGuiContextOwner(const ImGuiContextOwner&) = delete;
    ImGuiContextOwner& operator=(const ImGuiContextOwner&) = delete;

private:
    ImGuiContext* context_;
};

class KioskUi {
public:
    // Creates the ImGui context and the fonts for a display of display_size pixels.
    explicit KioskUi(ImVec2 display_size);

    // One frame: NewFrame, the current screen, Render. The caller sets io.DisplaySize,
    // DeltaTime and input first (a platform backend does it; the headless driver by hand),
    // and draws ImGui::GetDrawData() after, if it has a renderer.
    std::vector<Intent> run_frame(const Kiosk& kiosk, double time_seconds);

    const TouchTargets& touch_targets() const { return targets_; }
    // The pack's pictures as textures (ui/platform/textures.h), or none; outlives the frames.
    void set_pictures(const PackPictures* pictures) { pictures_ = pictures; }
    // Where frames record what they drew as text and what they had to cut (the fit test's
    // view); none by default: the kiosk itself copies no drawn text. audit outlives the frames.
    void set_text_audit(TextAudit* audit) { audit_ = audit; }
    // What the last frame drew as text, or nullptr when no audit was set.
    const TextAudit* text_audit() const { return audit_; }
    // What the last frame drew that moves (ui/render/moving_parts.h), for the window's damage.
    const MovingParts& moving_parts() const { return moving_parts_; }
    const std::string& font_warning() const { return font_warning_; }
    float scale() const { return scale_; }

private:
    ImGuiContextOwner context_;
    float scale_;
    std::string font_warning_;
    Fonts fonts_;
    Fonts large_fonts_;  // for the visitor's large-text choice
    TouchTargets targets_;
    const PackPictures* pictures_ = nullptr;
    MapLabelPlan map_label_plan_;  // the map's names between frames
    MovingParts moving_parts_;     // the last frame's
    TextAudit* audit_ = nullptr;
};

}  // namespace flytthit::ui
