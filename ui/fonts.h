// The kiosk's fonts: DejaVu Sans (fonts-dejavu-core) at three sizes scaled to the display,
// with the glyphs Norwegian, Dutch and the keyboard's arrows need.
#pragma once

#include "ui/ui_frame.h"

#include <string>

namespace flytthit::ui {

inline constexpr const char* dejavu_sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* dejavu_sans_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// The normal fonts and the larger ones a visitor can ask for (a third larger).
struct FontSets {
    Fonts normal;
    Fonts large;
};
inline constexpr float large_text_factor = 1.33f;

// Adds both sets to the current ImGui context's atlas for this scale. When DejaVu is missing
// it falls back to ImGui's built-in font (no æ ø å) and says so in warning.
FontSets load_fonts(float scale, std::string& warning);

}  // namespace flytthit::ui
