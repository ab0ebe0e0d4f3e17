// The font sets and their cache (ui/fonts/): a set restored from the data directory's cache
// is exactly the set that was baked, and a cache file that is damaged, cut short, made for
// another display or not writable never shows wrong glyphs: the set is baked, the log told why.
#include "tests/test_support.h"
#include "ui/fonts/atlas_cache.h"
#include "ui/fonts/font_sets.h"
#include "ui/kiosk_ui.h"

#include <doctest/doctest.h>

#include <cstring>
#include <fstream>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::ui::FontSetSource;

namespace {

struct Built {
    ImFontAtlas atlas;
    ui::FontSet set;
    std::vector<std::string> notes;
};

std::unique_ptr<Built> build(const std::filesystem::path& cache_file, float scale = 1.0f, float factor = 1.0f) {
    auto built = std::make_unique<Built>();
    built->set = ui::build_font_set(built->atlas, scale, factor, cache_file, built->notes);
    return built;
}

std::string joined(const std::vector<std::string>& notes) {
    std::string text;
    for (const auto& note : notes) text += note + "\n";
    return text;
}

// Everything a frame reads from a font and its atlas.
void check_same_fonts(const ImFontAtlas& baked, const ImFontAtlas& restored) {
    REQUIRE(baked.TexPixelsAlpha8 != nullptr);
    REQUIRE(restored.TexPixelsAlpha8 != nullptr);
    REQUIRE(baked.TexWidth == restored.TexWidth);
    REQUIRE(baked.TexHeight == restored.TexHeight);
    CHECK(std::memcmp(baked.TexPixelsAlpha8, restored.TexPixelsAlpha8,
                      static_cast<std::size_t>(baked.TexWidth) * static_cast<std::size_t>(baked.TexHeight)) == 0);
    CHECK(baked.TexUvWhitePixel.x == restored.TexUvWhitePixel.x);
    CHECK(baked.TexUvWhitePixel.y == restored.TexUvWhitePixel.y);
    CHECK(std::memcmp(baked.TexUvLines, restored.TexUvLines, sizeof(baked.TexUvLines)) == 0);
    CHECK(restored.IsBuilt());
    REQUIRE(baked.Fonts.Size == restored.Fonts.Size);
    for (int f = 0; f < baked.Fonts.Size; ++f) {
        const ImFont& a = *baked.Fonts[f];
        const ImFont& b = *restored.Fonts[f];
        CAPTURE(f);
        CHECK(a.FontSize == b.FontSize);
        CHECK(a.Ascent == b.Ascent);
        CHECK(a.Descent == b.Descent);
        CHECK(a.FallbackChar == b.FallbackChar);
        CHECK(a.EllipsisChar == b.EllipsisChar);
        CHECK(b.ContainerAtlas == &restored);
        REQUIRE(a.Glyphs.Size == b.Glyphs.Size);
        CHECK(std::memcmp(a.Glyphs.Data, b.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(a.Glyphs.Size)) == 0);
        REQUIRE(a.IndexAdvanceX.Size == b.IndexAdvanceX.Size);
        CHECK(std::memcmp(a.IndexAdvanceX.Data, b.IndexAdvanceX.Data, sizeof(float) * static_cast<std::size_t>(a.IndexAdvanceX.Size)) == 0);
        // A Norwegian word measures the same: the lookup tables were rebuilt from the glyphs.
        const char* word = "Holtålen ØSTERDALEN";
        CHECK(a.CalcTextSizeA(a.FontSize, FLT_MAX, 0, word).x == b.CalcTextSizeA(b.FontSize, FLT_MAX, 0, word).x);
        CHECK(b.FindGlyphNoFallback(0x00F8) != nullptr);  // ø
    }
}

void overwrite_byte(const std::filesystem::path& file, std::size_t at) {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekg(static_cast<std::streamoff>(at));
    const char was = static_cast<char>(stream.get());
    stream.seekp(static_cast<std::streamoff>(at));
    stream.put(static_cast<char>(was ^ 0x20));
}

}  // namespace

TEST_CASE("a font set restored from the cache is the set that was baked: the same glyphs, metrics and pixels") {
    TempDir dir;
    const auto file = dir / "font-atlas-normal.bin";
    const auto baked = build(file);
    CHECK(baked->set.source == FontSetSource::baked);
    CHECK(joined(baked->notes).empty());
    REQUIRE(std::filesystem::exists(file));
    const auto restored = build(file);
    CHECK(restored->set.source == FontSetSource::restored);
    CHECK(joined(restored->notes).empty());
    check_same_fonts(baked->atlas, restored->atlas);
    CHECK(restored->set.fonts.body == restored->atlas.Fonts[0]);
    CHECK(restored->set.fonts.title == restored->atlas.Fonts[2]);
}

TEST_CASE("a damaged font atlas cache is never taken: the set is baked again, the log says why, and the file is made anew") {
    TempDir dir;
    const auto file = dir / "font-atlas-normal.bin";
    const auto baked = build(file);
    const auto size = std::filesystem::file_size(file);

    SUBCASE("a bit flipped in the pixels") { overwrite_byte(file, size - 1000); }
    SUBCASE("a bit flipped in the header") { overwrite_byte(file, 600); }
    SUBCASE("a bit flipped in the glyph tables") { overwrite_byte(file, 2000); }
    SUBCASE("cut short by a bad card") { std::filesystem::resize_file(file, size / 2); }
    SUBCASE("not an atlas at all") { test::write_file(file, "not an atlas"); }

    const auto again = build(file);
    CHECK(again->set.source == FontSetSource::baked);
    const std::string notes = joined(again->notes);
    CHECK(notes.find("font atlas cache not taken, baked again") != std::string::npos);
    CHECK(notes.find(file.string()) != std::string::npos);
    check_same_fonts(baked->atlas, again->atlas);
    const auto next = build(file);  // the rewritten file serves the next start
    CHECK(next->set.source == FontSetSource::restored);
    check_same_fonts(baked->atlas, next->atlas);
}

TEST_CASE("a font atlas cached for another display or the large-text set is baked again for this one") {
    TempDir dir;
    const auto file = dir / "font-atlas-normal.bin";
    const auto at_1080p = build(file, 1.5f);
    const auto at_480p = build(file, 0.6f);  // the kiosk moved to the 7" display
    CHECK(at_480p->set.source == FontSetSource::baked);
    CHECK(joined(at_480p->notes).find("baked from other fonts, sizes or glyphs") != std::string::npos);
    CHECK(at_480p->set.fonts.body->FontSize < at_1080p->set.fonts.body->FontSize);
    const auto large = build(file, 0.6f, ui::large_text_factor);
    CHECK(large->set.source == FontSetSource::baked);
    CHECK(large->set.fonts.body->FontSize > at_480p->set.fonts.body->FontSize);
}

TEST_CASE("a font atlas cache that cannot be written leaves the baked fonts in use, and says so") {
    TempDir dir;
    const auto file = dir / "no-such-directory" / "font-atlas-normal.bin";
    const auto built = build(file);
    CHECK(built->set.source == FontSetSource::baked);
    CHECK(built->set.fonts.body != nullptr);
    CHECK(built->atlas.TexPixelsAlpha8 != nullptr);
    CHECK(joined(built->notes).find("font atlas not kept for the next start") != std::string::npos);
}

TEST_CASE("the kiosk's UI makes the large-text fonts in an atlas of their own only when asked, and frees them") {
    TempDir dir;
    ui::KioskUi ui({800, 480}, dir.path());
    ImFontAtlas* const normal = ImGui::GetIO().Fonts;
    CHECK(ui.large_text_atlas() == nullptr);
    CHECK(std::filesystem::exists(dir / "font-atlas-normal.bin"));
    CHECK_FALSE(std::filesystem::exists(dir / "font-atlas-large.bin"));
    CHECK(ui.use_large_text_fonts(true));
    REQUIRE(ui.large_text_atlas() != nullptr);
    CHECK(ui.large_text_atlas() != normal);
    CHECK(ui.large_text_atlas()->Fonts.Size == 3);
    CHECK(ui.large_text_atlas()->Fonts[0]->FontSize > normal->Fonts[0]->FontSize);
    CHECK(std::filesystem::exists(dir / "font-atlas-large.bin"));
    CHECK_FALSE(ui.use_large_text_fonts(true));  // made once, not per frame
    CHECK(ui.use_large_text_fonts(false));
    CHECK(ui.large_text_atlas() == nullptr);
    CHECK(ImGui::GetIO().Fonts == normal);
    const auto notes = joined(ui.take_font_notes());
    CHECK(notes.find("normal fonts baked") != std::string::npos);
    CHECK(notes.find("large-text fonts baked") != std::string::npos);
    CHECK(ui.take_font_notes().empty());
    // The next kiosk start on this display restores both.
    ui::KioskUi next({800, 480}, dir.path());
    CHECK(next.use_large_text_fonts(true));
    const auto next_notes = joined(next.take_font_notes());
    CHECK(next_notes.find("normal fonts restored from the cache") != std::string::npos);
    CHECK(next_notes.find("large-text fonts restored from the cache") != std::string::npos);
}
