// Text in a box (ui/widgets/text_box.h): how a word wider than its box is laid out. A web
// address that fits whole a step smaller is drawn whole, not broken before its ".no"; one
// too wide at every step breaks where it reads well; a word with no such place is reported
// as cut. measure_text is what text_box draws, without a frame.
#include "ui/fonts/font_sets.h"
#include "ui/widgets/text_box.h"

#include <doctest/doctest.h>

#include <string>

using namespace flytthit;
using flytthit::ui::measure_text;
using flytthit::ui::TextStyle;

namespace {

// The kiosk's body font (DejaVu Sans) at its 1920x1080 size, in an atlas of its own.
struct BodyFont {
    BodyFont() {
        font = atlas.AddFontFromFileTTF(ui::dejavu_sans, 26.0f);
        REQUIRE(font != nullptr);
        REQUIRE(atlas.Build());
    }
    float width_of(const std::string& text) const { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x; }
    float lines(int count) const { return font->FontSize * static_cast<float>(count); }
    ImFontAtlas atlas;
    ImFont* font = nullptr;
};

const std::string address = "www.holtalen.kommune.no";

}  // namespace

TEST_CASE("an address that fits a step smaller is drawn whole on one line, not broken before its last part") {
    const BodyFont body;
    const ImVec2 box{body.width_of(address) * 0.95f, body.lines(2) + 1};
    const auto fit = measure_text(address, box, TextStyle{body.font});
    CHECK_FALSE(fit.cut);
    CHECK(fit.font_size < body.font->FontSize);
    CHECK(fit.font_size >= body.font->FontSize * ui::smallest_text_share);
    CHECK(fit.size.y == doctest::Approx(fit.font_size));  // one line
    CHECK(fit.size.x <= box.x);
}

TEST_CASE("an address too wide at every step breaks where it reads well, at full size, and counts as fitting") {
    const BodyFont body;
    const ImVec2 box{body.width_of(address) * 0.6f, body.lines(2) + 1};
    const auto fit = measure_text(address, box, TextStyle{body.font});
    CHECK_FALSE(fit.cut);
    CHECK(fit.font_size == body.font->FontSize);
    CHECK(fit.size.y == doctest::Approx(body.lines(2)));
}

TEST_CASE("a word too wide at every step with no place to break is reported as cut") {
    const BodyFont body;
    const std::string word = "Fjellregionenkommunene";
    const auto fit = measure_text(word, {body.width_of(word) * 0.6f, body.lines(2) + 1}, TextStyle{body.font});
    CHECK(fit.cut);
}

TEST_CASE("words that wrap at spaces stay at full size") {
    const BodyFont body;
    const std::string office = "Servicetorget, Tynset kommune";
    const auto fit = measure_text(office, {body.width_of(office) * 0.7f, body.lines(2) + 1}, TextStyle{body.font});
    CHECK_FALSE(fit.cut);
    CHECK(fit.font_size == body.font->FontSize);
    CHECK(fit.size.y == doctest::Approx(body.lines(2)));
}
