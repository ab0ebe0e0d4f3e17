// The real screens, run headless: real ImGui frames with no window, synthetic taps at the
// named touch targets, the real Kiosk and a real SQLite store underneath.
#include "builtin_content.h"
#include "headless_driver.h"
#include "kiosk.h"
#include "staff_pin.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::TempDir;

namespace {

struct Session {
    explicit Session(ImVec2 display = {1280, 800}) : driver(kiosk, display, start) {}
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    MonotonicClock::time_point start{};
    Kiosk kiosk{store, content, settings(), start};
    ui::HeadlessDriver driver;

    KioskSettings settings() const {
        KioskSettings settings;
        settings.data_dir = dir.path();
        return settings;
    }

    void tap(const std::string& name) {
        CAPTURE(name);
        REQUIRE(driver.tap(name));
    }
};

std::vector<Lead> stored(const std::filesystem::path& dir) {
    auto store = LeadStore::open(dir);  // a fresh connection: what is on disk
    REQUIRE(store.ok());
    std::vector<Lead> leads;
    REQUIRE(store->for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
    return leads;
}

}  // namespace

TEST_CASE("a visitor signs up by touch alone, in English, and the lead is stored") {
    Session s;
    s.tap("lang:en");
    CHECK(s.kiosk.language() == Language::en);
    s.tap("start");
    REQUIRE(s.kiosk.screen() == ScreenId::jewel_box);
    s.tap("jewel:roros");
    s.tap("jewel:folldal");
    s.tap("jewel:roros");  // changed their mind
    s.tap("sign_up");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_household);
    s.tap("adults:+");
    s.tap("child:add");
    s.tap("child0:-");
    s.tap("child:add");
    s.tap("topic:work");
    s.tap("topic:housing");
    s.tap("place:tolga");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_contact);

    s.tap("field:name");
    REQUIRE(s.driver.type_on_keyboard("Åse Ødegård"));
    s.tap("field:phone");
    REQUIRE(s.driver.type_on_keyboard("+31 612345678"));
    s.tap("field:email");
    REQUIRE(s.driver.type_on_keyboard("ase@example.no"));
    s.tap("key:backspace");
    REQUIRE(s.driver.type_on_keyboard("o"));
    CHECK(s.kiosk.draft().lead.contact.name == "Åse Ødegård");
    s.tap("consent");
    s.tap("submit");
    REQUIRE(s.kiosk.screen() == ScreenId::thank_you);

    const auto leads = stored(s.dir.path());
    REQUIRE(leads.size() == 1);
    const LeadDraft& lead = leads[0].draft;
    const PersonalData personal = test::open_personal(leads[0]);
    CHECK(leads[0].id == *s.kiosk.confirmed_lead_id());
    CHECK(lead.language == Language::en);
    CHECK(personal.contact.name == "Åse Ødegård");
    CHECK(leads[0].sealed.initials == "ÅØ");
    CHECK(personal.contact.phone == "+31612345678");
    CHECK(personal.contact.email == "ase@example.no");
    CHECK(lead.household.adults == 2);
    const int year = current_year();
    CHECK(personal.children_birth_years == std::vector<int>{year - 7, year - 6});
    CHECK(lead.municipalities == std::vector<std::string>{"folldal", "tolga"});
    CHECK(lead.topics == std::vector<std::string>{"work", "housing"});
    CHECK(lead.consent.text_version == "contact-v1");

    s.tap("done");
    CHECK(s.kiosk.screen() == ScreenId::attract);
}

TEST_CASE("without consent the form says why and nothing is stored") {
    Session s;
    s.tap("start");
    s.tap("sign_up");
    s.tap("next");
    s.tap("field:name");
    REQUIRE(s.driver.type_on_keyboard("Ola"));
    s.tap("field:phone");
    REQUIRE(s.driver.type_on_keyboard("1234"));
    s.tap("submit");
    CHECK(s.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(s.kiosk.has_problem("consent"));
    CHECK(s.kiosk.has_problem("contact.phone"));
    CHECK(stored(s.dir.path()).empty());
}

TEST_CASE("walking away mid-form: the idle timeout wipes it and the screen returns to attract") {
    Session s;
    s.tap("start");
    s.tap("sign_up");
    s.tap("next");
    s.tap("field:name");
    REQUIRE(s.driver.type_on_keyboard("Kari"));
    s.driver.advance(91s);
    CHECK(s.kiosk.screen() == ScreenId::attract);
    CHECK(s.kiosk.draft().lead.contact.name.empty());
    CHECK(s.driver.ui().touch_targets().find("start").has_value());
    CHECK(stored(s.dir.path()).empty());
}

TEST_CASE("every touch target on every screen is large enough for a finger and on screen") {
    // 48 px is 9 mm on the official 7" display; issue 3 brings the 800x480 layout to it too.
    for (const ImVec2 display : {ImVec2{1280, 800}, ImVec2{1920, 1080}}) {
        Session s(display);
        auto check_screen = [&](const char* screen) {
            CAPTURE(screen);
            CAPTURE(display.x);
            const auto& targets = s.driver.ui().touch_targets().all();
            CHECK(targets.size() >= 4);
            for (const auto& target : targets) {
                CAPTURE(target.name);
                CHECK(target.size().x >= 48.0f);
                CHECK(target.size().y >= 48.0f);
                CHECK(target.min.x >= 0.0f);
                CHECK(target.min.y >= 0.0f);
                CHECK(target.max.x <= display.x);
                CHECK(target.max.y <= display.y);
            }
        };
        check_screen("attract");
        s.tap("start");
        check_screen("jewel_box");
        s.tap("sign_up");
        s.tap("child:add");
        check_screen("sign_up_household");
        s.tap("next");
        check_screen("sign_up_contact (letters)");
        s.tap("field:phone");
        check_screen("sign_up_contact (phone)");
    }
}

TEST_CASE("no visitor path reaches a staff screen: every target on every visitor screen, tapped") {
    // Paths (sequences of taps) that reach each visitor screen; every target found there is
    // tapped from a fresh kiosk after replaying the path, and no tap may open staff mode or the PIN pad.
    const std::vector<std::pair<ScreenId, std::vector<std::string>>> paths{
        {ScreenId::attract, {}},
        {ScreenId::jewel_box, {"start"}},
        {ScreenId::sign_up_household, {"start", "sign_up"}},
        {ScreenId::sign_up_contact, {"start", "sign_up", "next"}},
        {ScreenId::sign_up_contact, {"start", "sign_up", "next", "field:phone"}},
    };
    int taps = 0;
    for (const auto& [screen, path] : paths) {
        std::vector<std::string> names;
        {
            Session s;
            for (const auto& step : path) s.tap(step);
            REQUIRE(s.kiosk.screen() == screen);
            for (const auto& target : s.driver.ui().touch_targets().all()) names.push_back(target.name);
        }
        for (const auto& name : names) {
            Session s;
            for (const auto& step : path) s.tap(step);
            CAPTURE(name);
            s.tap(name);
            (void)s.driver.tap(name);  // again, where it still is: toggles and double taps too
            ++taps;
            CHECK_FALSE(is_staff_screen(s.kiosk.screen()));
            CHECK(s.kiosk.screen() != ScreenId::pin_entry);
        }
    }
    CHECK(taps > 100);
}

TEST_CASE("the hidden gesture opens the PIN pad - a wrong PIN keeps staff mode shut, the right one opens it") {
    Session s;
    auto hash = hash_pin("2468");
    REQUIRE(hash.ok());
    REQUIRE(s.store.set_setting("staff_pin_hash", *hash).ok());
    s.tap("staff_corner");  // a quick tap is not the gesture
    CHECK(s.kiosk.screen() == ScreenId::attract);
    REQUIRE(s.driver.long_press("staff_corner", std::chrono::milliseconds(1500)));
    CHECK(s.kiosk.screen() == ScreenId::attract);  // too short
    REQUIRE(s.driver.long_press("staff_corner", std::chrono::milliseconds(3200)));
    REQUIRE(s.kiosk.screen() == ScreenId::pin_entry);
    for (const char* key : {"pin:1", "pin:1", "pin:1", "pin:1", "pin:ok"}) s.tap(key);
    CHECK(s.kiosk.screen() == ScreenId::pin_entry);
    for (const char* key : {"pin:2", "pin:4", "pin:6", "pin:8", "pin:ok"}) s.tap(key);
    REQUIRE(s.kiosk.screen() == ScreenId::staff_home);
    s.tap("staff:staff.leads");
    CHECK(s.kiosk.screen() == ScreenId::staff_leads);
    s.tap("staff:home");
    s.tap("staff:lock");
    CHECK(s.kiosk.screen() == ScreenId::attract);
}

TEST_CASE("the still-there question covers the form: a touch on it keeps what was typed and presses nothing below") {
    Session s;
    s.tap("start");
    s.tap("sign_up");
    s.tap("next");
    s.tap("field:name");
    REQUIRE(s.driver.type_on_keyboard("Kari"));
    s.driver.advance(76s);
    REQUIRE(s.kiosk.idle_countdown().has_value());
    REQUIRE(s.driver.ui().touch_targets().find("still_here").has_value());
    // A touch exactly where Send is, below the question: it answers the question only.
    const auto send = s.driver.ui().touch_targets().find("submit");
    REQUIRE(send.has_value());
    s.tap("submit");
    CHECK_FALSE(s.kiosk.idle_countdown().has_value());
    CHECK(s.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(s.kiosk.draft().problems.empty());  // Send was not pressed
    CHECK(s.kiosk.draft().lead.contact.name == "Kari");
}
