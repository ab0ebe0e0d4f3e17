// The kiosk's fonts: DejaVu Sans (fonts-dejavu-core) at three sizes scaled to the display,
// with the glyphs Norwegian, Dutch and the keyboard's arrows need. Each set lives in an atlas
// of its own: the normal set in ImGui's, from the start; the large-text set (a third larger)
// in a second one, made only when a visitor first asks for large text (KioskUi).
#pragma once

#include "ui/ui_frame.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flytthit::ui {

inline constexpr const char* dejavu_sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* dejavu_sans_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

inline constexpr float large_text_factor = 1.33f;

// How a set was made, for the log.
enum class FontSetSource { restored, baked, built_in };

struct FontSet {
    Fonts fonts;
    FontSetSource source = FontSetSource::baked;
};

// Fills atlas (cleared first) with one set for this display scale times factor, built: restored
// from cache_file when that holds this very set (the same font files, sizes and glyphs),
// baked otherwise and then kept in cache_file for the next start. The atlas's pixels stay
// until FontTexture uploads them. notes gets what the log should say: DejaVu missing (ImGui's
// built-in font is used, which lacks æ ø å), a cache file not taken or not written.
FontSet build_font_set(ImFontAtlas& atlas, float scale, float factor, const std::optional<std::filesystem::path>& cache_file,
                       std::vector<std::string>& notes);

}  // namespace flytthit::ui
