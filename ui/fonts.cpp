// Font loading; see fonts.h.
#include "fonts.h"

#include <algorithm>
#include <filesystem>

namespace flytthit::ui {

namespace {

// Never below 18 px: the official 7" display at 800x480 still has to be readable.
Fonts add_fonts(float scale, float factor, const ImWchar* ranges) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;
    fonts.body = io.Fonts->AddFontFromFileTTF(dejavu_sans, std::max(18.0f, 26.0f * scale) * factor, nullptr, ranges);
    fonts.large = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, std::max(21.0f, 32.0f * scale) * factor, nullptr, ranges);
    fonts.title = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, std::max(28.0f, 50.0f * scale) * factor, nullptr, ranges);
    return fonts;
}

bool complete(const Fonts& fonts) { return fonts.body != nullptr && fonts.large != nullptr && fonts.title != nullptr; }

}  // namespace

FontSets load_fonts(float scale, std::string& warning) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1 and Latin Extended-A (æ ø å, Dutch ĳ), general punctuation (– ’ “ ”), arrows
    // (⇧ ←) and the multiplication sign.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2212, 0x2212, 0x2248, 0x2248, 0x25B8, 0x25B8, 0x2713, 0x2713, 0};
    FontSets sets;
    if (std::filesystem::exists(dejavu_sans) && std::filesystem::exists(dejavu_sans_bold)) {
        sets.normal = add_fonts(scale, 1.0f, ranges);
        sets.large = add_fonts(scale, large_text_factor, ranges);
    }
    if (!complete(sets.normal) || !complete(sets.large)) {
        warning = std::string("DejaVu Sans not found at ") + dejavu_sans +
                  " (install fonts-dejavu-core); using the built-in font, which lacks æ ø å";
        io.Fonts->Clear();
        for (auto [fonts, factor] : {std::pair{&sets.normal, 1.0f}, std::pair{&sets.large, large_text_factor}}) {
            ImFontConfig config;
            config.SizePixels = std::max(18.0f, 26.0f * scale) * factor;
            fonts->body = io.Fonts->AddFontDefault(&config);
            config.SizePixels = std::max(21.0f, 32.0f * scale) * factor;
            fonts->large = io.Fonts->AddFontDefault(&config);
            config.SizePixels = std::max(28.0f, 50.0f * scale) * factor;
            fonts->title = io.Fonts->AddFontDefault(&config);
        }
    }
    io.Fonts->Build();
    return sets;
}

}  // namespace flytthit::ui
