// The kiosk's font sets; see font_sets.h.
#include "ui/fonts/font_sets.h"

#include "common/base/file_io.h"
#include "ui/fonts/atlas_cache.h"

#include <algorithm>
#include <array>
#include <map>

namespace flytthit::ui {

namespace {

// Only the glyphs the kiosk can show: whole blocks (all of Latin Extended-A, general
// punctuation, arrows) made the atlas 4096x4096, the Pi's V3D texture limit. ASCII and
// Latin-1 hold Norwegian æ ø å and every letter the keyboard's accent keys give (é è ë ê ä á
// à â ü ú ù ö ó ò ô ï í ñ ç); from Latin Extended-A only Dutch ĳ and the Sámi letters a
// region's place names use (č đ ŋ š ŧ ž); then the punctuation and symbols the catalogue and
// content use (– — ‘ ’ “ ” „ • … ← → ⇧ − ≈ ▸ ✓). A glyph outside these shows as ImGui's fallback.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x010C, 0x010D, 0x0110, 0x0111, 0x0132, 0x0133,
                                    0x014A, 0x014B, 0x0160, 0x0161, 0x0166, 0x0167, 0x017D, 0x017E, 0x2013, 0x2014,
                                    0x2018, 0x2019, 0x201C, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0x2190, 0x2190,
                                    0x2192, 0x2192, 0x21E7, 0x21E7, 0x2212, 0x2212, 0x2248, 0x2248, 0x25B8, 0x25B8,
                                    0x2713, 0x2713, 0};
constexpr std::size_t largest_font_file = 32u * 1024u * 1024u;

struct FontSource {
    const char* file;
    float pixels;
};

// Never below 18 px: the official 7" display at 800x480 still has to be readable. In the
// order of Fonts: body, large, title.
std::array<FontSource, 3> font_sources(float scale, float factor) {
    return {{{dejavu_sans, std::max(18.0f, 26.0f * scale) * factor},
             {dejavu_sans_bold, std::max(21.0f, 32.0f * scale) * factor},
             {dejavu_sans_bold, std::max(28.0f, 50.0f * scale) * factor}}};
}

void clear_for_building(ImFontAtlas& atlas) {
    atlas.Clear();
    // The atlas only as tall as its glyphs need, not rounded up to a power of two (which left
    // up to half of it empty): GL 3.0 and GL ES 3 take any size, GL ES 2 too with the
    // clamp-to-edge, no-mipmap texture FontTexture makes.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
}

Fonts fonts_of(const ImFontAtlas& atlas) { return {atlas.Fonts[0], atlas.Fonts[1], atlas.Fonts[2]}; }

template <class T>
void append_bytes(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

// Everything the baked atlas depends on, as bytes to digest: the font files' digests, each
// font's size and ranges, and the ImGui that lays glyphs out and defines their struct.
std::string recipe_of(const std::array<FontSource, 3>& sources, const std::map<std::string, std::string>& files) {
    std::string recipe = "flytthit font set\n" IMGUI_VERSION "\n";
    append_bytes(recipe, sizeof(ImFontGlyph));
    append_bytes(recipe, sizeof(ImWchar));
    for (const auto& source : sources) {
        recipe += source.file;
        recipe += '\n';
        append_bytes(recipe, digest_of(files.at(source.file)));
        append_bytes(recipe, source.pixels);
        append_bytes(recipe, glyph_ranges);
    }
    return recipe;
}

FontSet built_in_set(ImFontAtlas& atlas, const std::array<FontSource, 3>& sources) {
    clear_for_building(atlas);
    Fonts fonts;
    ImFont** slots[] = {&fonts.body, &fonts.large, &fonts.title};
    for (std::size_t i = 0; i < sources.size(); ++i) {
        ImFontConfig config;
        config.SizePixels = sources[i].pixels;
        *slots[i] = atlas.AddFontDefault(&config);
    }
    atlas.Build();
    atlas.ClearInputData();
    return {fonts, FontSetSource::built_in};
}

}  // namespace

FontSet build_font_set(ImFontAtlas& atlas, float scale, float factor, const std::optional<std::filesystem::path>& cache_file,
                       std::vector<std::string>& notes) {
    const auto sources = font_sources(scale, factor);
    // Read once: they are digested for the cache's key and, on a miss, baked from memory.
    std::map<std::string, std::string> files;
    for (const auto& source : sources) {
        if (files.contains(source.file)) continue;
        auto bytes = read_file_limited(source.file, largest_font_file);
        if (!bytes) {
            notes.push_back("DejaVu Sans not readable (" + bytes.error().message +
                            "; install fonts-dejavu-core); using the built-in font, which lacks æ ø å");
            return built_in_set(atlas, sources);
        }
        files.emplace(source.file, std::move(*bytes));
    }
    const AtlasDigest baked_from = digest_of(recipe_of(sources, files));

    clear_for_building(atlas);
    if (cache_file) {
        const auto restored = restore_baked_atlas(atlas, baked_from, *cache_file);
        if (restored) return {fonts_of(atlas), FontSetSource::restored};
        // No file yet is the first start: baking is the expected way, nothing to say.
        if (restored.error().kind != ErrorKind::unavailable)
            notes.push_back("font atlas cache not taken, baked again: " + restored.error().message);
        clear_for_building(atlas);
    }
    for (const auto& source : sources) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // files keeps the bytes until Build is done
        std::string& bytes = files.at(source.file);
        if (atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), source.pixels, &config, glyph_ranges) == nullptr) {
            notes.push_back(std::string(source.file) + " is not a font ImGui can read; using the built-in font, which lacks æ ø å");
            return built_in_set(atlas, sources);
        }
    }
    if (!atlas.Build()) {
        notes.push_back("DejaVu Sans could not be baked into an atlas; using the built-in font, which lacks æ ø å");
        return built_in_set(atlas, sources);
    }
    // The fonts' configurations point at files' bytes, gone after this returns; the baked
    // fonts need neither (ImGui's ClearInputData is made for this).
    atlas.ClearInputData();
    if (cache_file) {
        if (auto saved = save_baked_atlas(atlas, baked_from, *cache_file); !saved)
            notes.push_back("font atlas not kept for the next start: " + saved.error().message);
    }
    return {fonts_of(atlas), FontSetSource::baked};
}

}  // namespace flytthit::ui
