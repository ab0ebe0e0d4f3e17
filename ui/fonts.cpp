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
    // The atlas only as tall as its glyphs need, not rounded up to a power of two (which left
    // up to half of it empty): GL 3.0 and GL ES 3 take any size, GL ES 2 too with the
    // clamp-to-edge, no-mipmap texture FontTexture makes.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    // Only the glyphs the kiosk can show: every glyph is baked six times (three sizes, two
    // sets), and whole blocks (all of Latin Extended-A, general punctuation, arrows) made the
    // atlas 4096x4096, the Pi's V3D texture limit. ASCII and Latin-1 hold Norwegian æ ø å and
    // every letter the keyboard's accent keys give (é è ë ê ä á à â ü ú ù ö ó ò ô ï í ñ ç);
    // from Latin Extended-A only Dutch ĳ and the Sámi letters a region's place names use
    // (č đ ŋ š ŧ ž); then the punctuation and symbols the catalogue and content use
    // (– — ‘ ’ “ ” „ • … ← → ⇧ − ≈ ▸ ✓). A glyph outside these shows as ImGui's fallback.
    static const ImWchar ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x010C, 0x010D, 0x0110, 0x0111, 0x0132, 0x0133,
                                     0x014A, 0x014B, 0x0160, 0x0161, 0x0166, 0x0167, 0x017D, 0x017E, 0x2013, 0x2014,
                                     0x2018, 0x2019, 0x201C, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0x2190, 0x2190,
                                     0x2192, 0x2192, 0x21E7, 0x21E7, 0x2212, 0x2212, 0x2248, 0x2248, 0x25B8, 0x25B8,
                                     0x2713, 0x2713, 0};
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
