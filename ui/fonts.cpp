// Font loading; see fonts.h.
#include "ui/fonts.h"

#include <algorithm>
#include <filesystem>

namespace flytthit::ui {

namespace {

struct FontSizes {
    float body, large, title;
};

// Never below 18 px: the official 7" display at 800x480 still has to be readable.
FontSizes font_sizes(float scale, float factor) {
    return {std::max(18.0f, 26.0f * scale) * factor, std::max(21.0f, 32.0f * scale) * factor,
            std::max(28.0f, 50.0f * scale) * factor};
}

Fonts add_fonts(float scale, float factor, const ImWchar* ranges) {
    ImGuiIO& io = ImGui::GetIO();
    const FontSizes sizes = font_sizes(scale, factor);
    Fonts fonts;
    fonts.body = io.Fonts->AddFontFromFileTTF(dejavu_sans, sizes.body, nullptr, ranges);
    fonts.large = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, sizes.large, nullptr, ranges);
    fonts.title = io.Fonts->AddFontFromFileTTF(dejavu_sans_bold, sizes.title, nullptr, ranges);
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
            const FontSizes sizes = font_sizes(scale, factor);
            ImFontConfig config;
            config.SizePixels = sizes.body;
            fonts->body = io.Fonts->AddFontDefault(&config);
            config.SizePixels = sizes.large;
            fonts->large = io.Fonts->AddFontDefault(&config);
            config.SizePixels = sizes.title;
            fonts->title = io.Fonts->AddFontDefault(&config);
        }
    }
    io.Fonts->Build();
    return sets;
}

}  // namespace flytthit::ui
