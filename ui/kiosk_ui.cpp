// The kiosk's UI without a window; see kiosk_ui.h.
#include "ui/kiosk_ui.h"

#include "ui/fonts/font_sets.h"
#include "ui/render/flat_shapes.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets/controls.h"

namespace flytthit::ui {

ImGuiContextOwner::ImGuiContextOwner() : context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
}

ImGuiContextOwner::~ImGuiContextOwner() { ImGui::DestroyContext(context_); }

namespace {

const char* source_name(FontSetSource source) {
    switch (source) {
        case FontSetSource::restored: return "restored from the cache";
        case FontSetSource::baked: return "baked";
        case FontSetSource::built_in: return "ImGui's built-in font";
    }
    return "?";
}

// Builds one set into atlas and measures what the frames need of it.
Fonts make_font_set(ImFontAtlas& atlas, float scale, float factor, const std::optional<std::filesystem::path>& cache_dir,
                    const char* cache_name, std::vector<std::string>& notes) {
    std::optional<std::filesystem::path> cache_file;
    if (cache_dir) cache_file = *cache_dir / cache_name;
    FontSet set = build_font_set(atlas, scale, factor, cache_file, notes);
    set.fonts.widest_language_name = widest_language_name(set.fonts.body);
    notes.push_back(std::string(factor == 1.0f ? "normal" : "large-text") + " fonts " + source_name(set.source) + ", " +
                    std::to_string(atlas.TexWidth) + "x" + std::to_string(atlas.TexHeight));
    return set.fonts;
}

// The theme's gradient behind every screen, on ImGui's background list: one quad, static, so
// the frame damage leaves it out and a damaged rectangle redraws only its share of it. (It
// was ~56 scissored clears of one band of rows each: a dozen times the commands, and 5.5 MiB
// more of llvmpipe's scene memory at 1920x1080, for 0.8 % of a core less on the attract loop.)
// Fully opaque, so blending gives the gradient's own pixels whatever the buffer held.
void draw_background(ImVec2 size, ImTextureID flat_shapes) {
    const FlatShapesScope flat(flat_shapes, ImGui::GetBackgroundDrawList());
    ImGui::GetBackgroundDrawList()->AddRectFilledMultiColor({0, 0}, size, theme::background_top, theme::background_top,
                                                            theme::background_bottom, theme::background_bottom);
}

}  // namespace

KioskUi::KioskUi(ImVec2 display_size, std::optional<std::filesystem::path> font_cache_dir)
    : scale_(scale_for(display_size)), font_cache_dir_(std::move(font_cache_dir)), normal_atlas_(ImGui::GetIO().Fonts) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    // Drags of a finger before a tap stops counting as a tap, scaled with the display.
    style.TouchExtraPadding = {0, 0};
    ImGui::GetIO().MouseDragThreshold = 12.0f * scale_;
    fonts_ = make_font_set(*normal_atlas_, scale_, 1.0f, font_cache_dir_, "font-atlas-normal.bin", font_notes_);
}

// The context deletes the atlas io.Fonts points at: its own, never the large set's (freed by
// large_atlas_, before the context goes).
KioskUi::~KioskUi() {
    ImGui::SetCurrentContext(context_.get());  // another KioskUi may have been made since
    ImGui::GetIO().Fonts = normal_atlas_;
}

bool KioskUi::use_large_text_fonts(bool wanted) {
    if (wanted == (large_atlas_ != nullptr)) return false;
    ImGui::GetIO().Fonts = normal_atlas_;
    large_fonts_ = {};
    large_atlas_.reset();
    if (wanted) {
        large_atlas_ = std::make_unique<ImFontAtlas>();
        large_fonts_ = make_font_set(*large_atlas_, scale_, large_text_factor, font_cache_dir_, "font-atlas-large.bin", font_notes_);
    }
    return true;
}

std::vector<Intent> KioskUi::run_frame(const Kiosk& kiosk, double time_seconds) {
    std::vector<Intent> intents;
    targets_.clear();
    if (audit_ != nullptr) audit_->clear();
    moving_parts_.clear();
    // Large text before its fonts are made (a caller that did not ask for them) shows normal text.
    const bool large = kiosk.large_text() && large_atlas_ != nullptr;
    ImGui::GetIO().Fonts = large ? large_atlas_.get() : normal_atlas_;
    ImGui::NewFrame();
    draw_background(ImGui::GetIO().DisplaySize, flat_shapes_);
    const Fonts& fonts = large ? large_fonts_ : fonts_;
    UiFrame frame{ImGui::GetIO().DisplaySize, scale_, time_seconds, fonts, targets_, intents, audit_};
    frame.pictures = pictures_;
    frame.map_labels = &map_label_plan_;
    frame.moving = &moving_parts_;
    frame.flat_shapes = flat_shapes_;
    // A minimised window has no size: nothing is drawn (ImGui asserts on items of no size),
    // and the kiosk's state stays as it was until the window is back.
    if (frame.size.x >= 1.0f && frame.size.y >= 1.0f) draw_current_screen(kiosk, frame);
    ImGui::Render();
    return intents;
}

}  // namespace flytthit::ui
