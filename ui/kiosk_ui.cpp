// The kiosk's UI without a window; see kiosk_ui.h.
#include "ui/kiosk_ui.h"

#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/widgets/controls.h"

namespace flytthit::ui {

ImGuiContextOwner::ImGuiContextOwner() : context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
}

ImGuiContextOwner::~ImGuiContextOwner() { ImGui::DestroyContext(context_); }

KioskUi::KioskUi(ImVec2 display_size) : scale_(scale_for(display_size)) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    // Drags of a finger before a tap stops counting as a tap, scaled with the display.
    style.TouchExtraPadding = {0, 0};
    ImGui::GetIO().MouseDragThreshold = 12.0f * scale_;
    const auto sets = load_fonts(scale_, font_warning_);
    fonts_ = sets.normal;
    large_fonts_ = sets.large;
}

std::vector<Intent> KioskUi::run_frame(const Kiosk& kiosk, double time_seconds) {
    std::vector<Intent> intents;
    targets_.clear();
    if (audit_ != nullptr) audit_->clear();
    moving_parts_.clear();
    ImGui::NewFrame();
    // Measured once, at the first frame: only then is the font atlas built.
    for (Fonts* fonts : {&fonts_, &large_fonts_}) {
        if (fonts->body != nullptr && fonts->widest_language_name == 0) fonts->widest_language_name = widest_language_name(fonts->body);
    }
    UiFrame frame{ImGui::GetIO().DisplaySize, scale_, time_seconds, kiosk.large_text() ? large_fonts_ : fonts_, targets_,
                  intents, audit_};
    frame.pictures = pictures_;
    frame.map_labels = &map_label_plan_;
    frame.moving = &moving_parts_;
    // A minimised window has no size: nothing is drawn (ImGui asserts on items of no size),
    // and the kiosk's state stays as it was until the window is back.
    if (frame.size.x >= 1.0f && frame.size.y >= 1.0f) draw_current_screen(kiosk, frame);
    ImGui::Render();
    return intents;
}

}  // namespace flytthit::ui
