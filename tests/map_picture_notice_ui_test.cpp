// The map, the municipality page with its picture and the consent with the privacy notice,
// as real headless frames (no renderer, so pictures are neutral frames): at 800x480 and
// 1920x1080 in every language no text is cut; every jewel on the map is a target of at
// least 48 px that opens its page; the page opens the map with itself highlighted; the
// consent step shows the pack's notice and who will call.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "tests/test_support.h"
#include "ui/headless_driver.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::shared_font_cache_dir;
using flytthit::test::TempDir;

namespace {

const ImVec2 sizes[] = {{800, 480}, {1920, 1080}};

struct Stand {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    Kiosk kiosk{store, content, KioskSettings{}, MonotonicClock::time_point{}};
    ui::HeadlessDriver driver;
    explicit Stand(ImVec2 size) : driver(kiosk, size, MonotonicClock::time_point{}, shared_font_cache_dir(size)) { driver.frame(); }
    void apply(const Intent& intent) { kiosk.apply(intent, driver.now()); }
};

std::string cuts(const ui::HeadlessDriver& driver) {
    std::string text;
    for (const auto& report : driver.text_audit().reports()) {
        text += "[" + report.text.substr(0, 60) + "] " + (report.kind == ui::TextProblem::cut ? "cut" : "overflow") + " in " +
                std::to_string(static_cast<int>(report.box.size.x)) + "x" + std::to_string(static_cast<int>(report.box.size.y)) + " at " +
                std::to_string(static_cast<int>(report.box.pos.x)) + "," + std::to_string(static_cast<int>(report.box.pos.y)) + "; ";
    }
    return text;
}

// True when a line drawn last frame starts with start's first 12 bytes. An empty start (a
// text missing from the pack) matches nothing: every line would begin with it.
bool drew(const ui::HeadlessDriver& driver, const std::string& start) {
    if (start.empty()) return false;
    for (const auto& line : driver.text_audit().drawn()) {
        if (line.text.rfind(start.substr(0, 12), 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("drew() is able to fail: an empty text and a text not on screen are not found") {
    Stand s({800, 480});
    s.apply(intent::Start{});
    s.driver.frame();
    REQUIRE_FALSE(s.driver.text_audit().drawn().empty());
    CHECK_FALSE(drew(s.driver, ""));
    CHECK_FALSE(drew(s.driver, "Nowhere on this screen 12345"));
    CHECK(drew(s.driver, s.driver.text_audit().drawn().front().text));
}

TEST_CASE("the map shows every municipality as a jewel to tap, without a cut text, at both sizes") {
    for (const ImVec2 size : sizes) {
        for (Language language : {Language::nb, Language::en, Language::nl}) {
            CAPTURE(size.x);
            CAPTURE(language_code(language));
            Stand s(size);
            s.apply(intent::ChooseLanguage{language});
            s.apply(intent::Start{});
            s.driver.frame();
            REQUIRE(s.driver.tap("map"));
            REQUIRE(s.kiosk.screen() == ScreenId::map);
            s.driver.frame();
            CHECK_MESSAGE(s.driver.text_audit().reports().empty(), cuts(s.driver));
            for (const auto& municipality : s.content.municipalities) {
                const auto target = s.driver.ui().touch_targets().find("map:" + municipality.id);
                REQUIRE_MESSAGE(target.has_value(), municipality.id);
                CHECK(target->max.x - target->min.x >= 48.0f);
                CHECK(target->max.y - target->min.y >= 48.0f);
                CHECK(target->min.x >= 0);
                CHECK(target->max.y <= size.y);
            }
            CHECK(drew(s.driver, "Oslo"));
            CHECK(drew(s.driver, "Trondheim"));
            REQUIRE(s.driver.tap("map:roros"));
            CHECK(s.kiosk.screen() == ScreenId::municipality);
            CHECK(s.kiosk.open_municipality()->id == "roros");
        }
    }
}

TEST_CASE("every municipality page fits with its picture frame, contact card and chart, and opens the map on itself") {
    for (const ImVec2 size : sizes) {
        for (Language language : {Language::nb, Language::en, Language::nl}) {
            Stand s(size);
            s.apply(intent::ChooseLanguage{language});
            s.apply(intent::Start{});
            for (const auto& municipality : s.content.municipalities) {
                for (std::string_view section : municipality_sections) {
                    CAPTURE(size.x);
                    CAPTURE(language_code(language));
                    CAPTURE(municipality.id);
                    CAPTURE(section);
                    s.apply(intent::OpenMunicipality{municipality.id});
                    s.apply(intent::OpenSection{std::string(section)});
                    s.driver.frame();
                    CHECK_MESSAGE(s.driver.text_audit().reports().empty(), cuts(s.driver));
                    CHECK(drew(s.driver, municipality.host.office));
                    s.apply(intent::Back{});
                }
            }
            s.apply(intent::OpenMunicipality{"os"});
            s.driver.frame();
            REQUIRE(s.driver.tap("map"));
            CHECK(s.kiosk.screen() == ScreenId::map);
            CHECK(s.kiosk.map_highlight() == "os");
        }
    }
}

TEST_CASE("the consent step shows the privacy notice and who will call, without a cut text") {
    for (const ImVec2 size : sizes) {
        for (Language language : {Language::nb, Language::en, Language::nl}) {
            CAPTURE(size.x);
            CAPTURE(language_code(language));
            Stand s(size);
            s.apply(intent::ChooseLanguage{language});
            s.apply(intent::Start{});
            s.apply(intent::ToggleMunicipality{"roros"});
            s.apply(intent::ToggleMunicipality{"holtalen"});
            s.apply(intent::OpenSignUp{});
            s.apply(intent::Next{});
            s.apply(intent::ChangeAdults{+1});
            s.apply(intent::Next{});
            s.apply(intent::Next{});
            s.apply(intent::TypeText{"Kari Nordmann"});
            s.apply(intent::FocusField{VisitorField::phone});
            s.apply(intent::TypeText{"91234567"});
            s.apply(intent::Next{});
            REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
            s.driver.frame();
            CHECK_MESSAGE(s.driver.text_audit().reports().empty(), cuts(s.driver));
            CHECK(drew(s.driver, s.content.text(language, "privacy.title")));
            CHECK(s.driver.ui().touch_targets().find("consent").has_value());
            // The whole notice is one tap away, on the step, before consent.
            REQUIRE(s.driver.tap("privacy_notice"));
            s.driver.frame();
            CHECK_MESSAGE(s.driver.text_audit().reports().empty(), cuts(s.driver));
            CHECK(drew(s.driver, s.content.text(language, "privacy.body")));
            CHECK(drew(s.driver, s.content.text(language, "privacy.contacts")));
        }
    }
}

TEST_CASE("the whole privacy notice and everyone who will call fit, every municipality chosen, at every size and text size") {
    for (const ImVec2 size : {ImVec2{800, 480}, ImVec2{1024, 600}, ImVec2{1280, 800}, ImVec2{1920, 1080}}) {
        for (bool large : {false, true}) {
            for (Language language : {Language::nb, Language::en, Language::nl}) {
                CAPTURE(size.x);
                CAPTURE(large);
                CAPTURE(language_code(language));
                Stand s(size);
                s.apply(intent::ChooseLanguage{language});
                if (large) s.apply(intent::ToggleLargeText{});
                s.apply(intent::Start{});
                for (const auto& municipality : s.content.municipalities) s.apply(intent::ToggleMunicipality{municipality.id});
                s.apply(intent::OpenSignUp{});
                for (int guard = 0; guard < 8 && s.kiosk.screen() != ScreenId::sign_up_contact; ++guard) s.apply(intent::Next{});
                REQUIRE(s.kiosk.screen() == ScreenId::sign_up_contact);
                s.apply(intent::TypeText{"Kari Nordmann"});
                s.apply(intent::FocusField{VisitorField::phone});
                s.apply(intent::TypeText{"91234567"});
                s.apply(intent::Next{});
                REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
                s.apply(intent::OpenPrivacyNotice{});
                s.driver.frame();
                CHECK_MESSAGE(s.driver.text_audit().reports().empty(), cuts(s.driver));
                CHECK(drew(s.driver, s.content.text(language, "privacy.body")));
                CHECK(drew(s.driver, s.content.text(language, "privacy.contacts")));
                CHECK(s.driver.ui().touch_targets().find("privacy_back").has_value());
                // Back to the step: nothing was consented to on the way.
                REQUIRE(s.driver.tap("privacy_back"));
                CHECK(s.kiosk.screen() == ScreenId::sign_up_consent);
                CHECK_FALSE(s.kiosk.draft().lead.consent.given);
            }
        }
    }
}
