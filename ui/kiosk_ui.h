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

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flytthit::ui {

// Owns an ImGui context and makes it current for its lifetime.
class ImGuiContextOwner {
public:
    ImGuiContextOwner();
    ~ImGuiContextOwner();
    ImGuiContextOwner(const ImGuiContextOwner&) = delete;
    ImGuiContextOwner& operator=(const ImGuiContextOwner&) = delete;
    ImGuiContext* get() const { return context_; }

private:
    ImGuiContext* context_;
};

class KioskUi {
public:
    // Creates the ImGui context and the normal fonts for a display of display_size pixels.
    // With font_cache_dir (the data directory), the baked atlases are kept there and a start
    // restores them instead of baking (ui/fonts/atlas_cache.h).
    explicit KioskUi(ImVec2 display_size, std::optional<std::filesystem::path> font_cache_dir = std::nullopt);
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Makes (wanted) or frees the large-text fonts, in an atlas of their own: they are the
    // larger part of all glyphs, and most visitors never ask for them. Between frames, on the
    // render thread; a made atlas needs its texture (FontTexture) before the next frame.
    // Returns whether anything changed. run_frame uses the large fonts only while they exist:
    // their atlas is then ImGui's for the frame (io.Fonts), so every draw list, the default
    // font and the white pixel come from one atlas, as ImGui requires.
    bool use_large_text_fonts(bool wanted);
    // The large-text fonts' atlas while they exist, for its texture; nullptr otherwise.
    ImFontAtlas* large_text_atlas() { return large_atlas_.get(); }
    bool has_large_text_fonts() const { return large_atlas_ != nullptr; }

    // One frame: NewFrame, the current screen, Render. The caller sets io.DisplaySize,
    // DeltaTime and input first (a platform backend does it; the headless driver by hand),
    // and draws ImGui::GetDrawData() after, if it has a renderer.
    std::vector<Intent> run_frame(const Kiosk& kiosk, double time_seconds);

    const TouchTargets& touch_targets() const { return targets_; }
    // The pack's pictures as textures (ui/platform/textures.h), or none; outlives the frames.
    void set_pictures(const PackPictures* pictures) { pictures_ = pictures; }
    // The white texel flat shapes are drawn with (ui/render/flat_shapes.h), or none; outlives the frames.
    void set_flat_shapes_texture(ImTextureID texture) { flat_shapes_ = texture; }
    // Where frames record what they drew as text and what they had to cut (the fit test's
    // view); none by default: the kiosk itself copies no drawn text. audit outlives the frames.
    void set_text_audit(TextAudit* audit) { audit_ = audit; }
    // What the last frame drew as text, or nullptr when no audit was set.
    const TextAudit* text_audit() const { return audit_; }
    // What the last frame drew that moves (ui/render/moving_parts.h), for the window's damage.
    const MovingParts& moving_parts() const { return moving_parts_; }
    // What making the fonts had to say since the last call (DejaVu missing, a cache file not
    // taken or not written, where a set came from), for the log.
    std::vector<std::string> take_font_notes() { return std::exchange(font_notes_, {}); }
    float scale() const { return scale_; }

private:
    ImGuiContextOwner context_;
    float scale_;
    std::optional<std::filesystem::path> font_cache_dir_;
    std::vector<std::string> font_notes_;
    ImFontAtlas* normal_atlas_;  // the context's own atlas
    Fonts fonts_;
    std::unique_ptr<ImFontAtlas> large_atlas_;  // the visitor's large-text choice, while made
    Fonts large_fonts_;
    TouchTargets targets_;
    const PackPictures* pictures_ = nullptr;
    ImTextureID flat_shapes_ = nullptr;
    MapLabelPlan map_label_plan_;  // the map's names between frames
    MovingParts moving_parts_;     // the last frame's
    TextAudit* audit_ = nullptr;
};

}  // namespace flytthit::ui
