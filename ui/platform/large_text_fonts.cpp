// The large-text fonts on screen; see large_text_fonts.h.
#include "ui/platform/large_text_fonts.h"

#include "common/base/device_clock.h"

#include <chrono>
#include <iostream>

namespace flytthit::ui {

bool LargeTextFonts::follow(KioskUi& ui, const GlFunctions& gl, bool wanted) {
    if (!wanted) refused_ = false;
    if (wanted == (texture_ != nullptr) || (wanted && refused_)) return false;
    texture_.reset();  // before the atlas it points into goes
    const auto started = MonotonicClock::now();
    ui.use_large_text_fonts(wanted);
    for (const auto& note : ui.take_font_notes()) std::cerr << "flytthit-kiosk: " << note << "\n";
    if (!wanted) {
        std::cerr << "flytthit-kiosk: large-text fonts released\n";
        return true;
    }
    auto uploaded = FontTexture::upload(gl, *ui.large_text_atlas());
    if (!uploaded) {
        std::cerr << "flytthit-kiosk: large-text fonts left out, normal text shown: " << uploaded.error().message << "\n";
        ui.use_large_text_fonts(false);
        refused_ = true;
        return true;
    }
    texture_ = std::move(*uploaded);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(MonotonicClock::now() - started);
    std::cerr << "flytthit-kiosk: large-text fonts ready in " << took.count() << " ms: " << texture_->description() << "\n";
    return true;
}

}  // namespace flytthit::ui
