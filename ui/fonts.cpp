// Font loading; see fonts.h.
#include "fonts.h"

#include <algorithm>
#include <filesystem>

namespace flytthit::ui {

Fonts load_fonts(float scale, std::string& warning) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1 and Latin Extended-A (æ ø å, Dutch ĳ), general punctuation (– ’ “ ”), arrows
    // (⇧ ←) and the multiplication sign.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2212, 0x2212, 0};
    // Never below 18 px: the official 7" display at 800x480 still has to be readable.
    const float body = std::max(18.0f, 26.0f * scale);
    const float large = std::max(21.0f, 32.0f * scale);
    const float title = std::max(28.0f, 50.0f * scale);
    Fonts fonts;
    if (std::filesystem::exists(dejavu_sans) && std::filesystem::exists(dejavu_sans_bold)) {
        fonts.body = io.Fonts->AddFontFromFileTTF(dejavu_sans, body, nullptr, ranges);
        fonts.large = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, large, nullptr, ranges);
        fonts.title = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, title, nullptr, ranges);
    }
    if (fonts.body == nullptr || fonts.large == nullptr || fonts.title == nullptr) {
        warning = std::string("DejaVu Sans not found at ") + dejavu_sans +
                  " (install fonts-dejavu-core); using the built-in font, which lacks æ ø å";
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = body;
        fonts.body = io.Fonts->AddFontDefault(&config);
        config.SizePixels = large;
        fonts.large = io.Fonts->AddFontDefault(&config);
        config.SizePixels = title;
        fonts.title = io.Fonts->AddFontDefault(&config);
    }
    io.Fonts->Build();
    return fonts;
}

}  // namespace flytthit::ui
