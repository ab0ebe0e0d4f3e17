// The real screens, run headless: real ImGui frames with no window, synthetic taps at the
// named touch targets, the real Kiosk and a real SQLite store underneath.
#include "common/content/builtin_content.h"
#include "ui/headless_driver.h"
#include "ui/text/ui_text.h"
#include "firmware/kiosk.h"
#include "firmware/staff/staff_mode.h"
#include "firmware/staff/staff_pin.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <thread>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::shared_font_cache_dir;
using flytthit::test::TempDir;

namespace {

// Taps from attract to the contact step of the default flow: who, household and interests
// passed with their defaults.
const std::vector<std::string> to_contact{"start", "sign_up", "next", "next", "next"};

struct Session {
    explicit Session(ImVec2 display = {1280, 800}, const std::string& campaign = "", bool first_start_setup = false)
        : first_start(first_start_setup), campaign_set(set_campaign(campaign)),
          driver(kiosk, display, start, shared_font_cache_dir(display)) {}
    bool first_start;  // the kiosk program's first-start setup (KioskSettings::first_start_setup)
    TempDir dir;
    TempDir usb;  // stands in for the USB stick
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    bool campaign_set;  // before the kiosk, which reads the current event when it starts
    MonotonicClock::time_point start{};
    Kiosk kiosk{store, content, settings(), start};
    ui::HeadlessDriver driver;

    KioskSettings settings() const {
        KioskSettings settings;
        settings.data_dir = dir.path();
        settings.first_start_setup = first_start;
        settings.usb_roots = {usb.path()};
        return settings;
    }
    // Every line the last frame drew, joined by spaces (a wrapped text reads as written).
    std::string shown() {
        std::string text;
        for (const auto& line : driver.text_audit().drawn()) text += line.text + " ";
        return text;
    }

    bool set_campaign(const std::string& campaign) {
        if (campaign.empty()) return false;
        REQUIRE(make_current_event(store, Event{"fair-" + campaign, "Fair", "Oslo", "2026-11-24", campaign, {}}).ok());
        return true;
    }
    void tap(const std::string& name) {
        CAPTURE(name);
        REQUIRE(driver.tap(name));
    }
    void taps(const std::vector<std::string>& names) {
        for (const auto& name : names) tap(name);
    }
    // Taps a text field and types into it on the on-screen keyboard, as a visitor does.
    void type_into(const std::string& field, const std::string& text) {
        tap("field:" + field);
        CAPTURE(text);
        REQUIRE(driver.type_on_keyboard(text));
    }
    // Frames until staff mode's workers (the Argon2id PIN check, the health read) are done,
    // as the window's loop runs them. Bounded: a worker that never ends fails.
    void settle() {
        const auto deadline = std::chrono::steady_clock::now() + test::scaled(60s);
        while (kiosk.staff().busy()) {
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(2ms);
            driver.frame();
        }
        driver.frame();
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
    // Explore: open Røros, mark it, change their mind; Folldal from its page.
    s.tap("jewel:roros");
    REQUIRE(s.kiosk.screen() == ScreenId::municipality);
    s.tap("section:childhood");
    CHECK(s.kiosk.open_section() == "childhood");
    s.tap("curious");
    s.tap("curious");  // changed their mind
    s.tap("back");
    s.tap("jewel:folldal");
    s.tap("curious");
    s.tap("back");
    s.tap("sign_up");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_who);
    s.tap("profile:family");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_household);
    s.tap("adults:+");
    s.tap("child:add");
    s.tap("child0:-");
    s.tap("child:add");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_interests);
    s.tap("topic:work");
    s.tap("topic:housing");
    s.tap("place:tolga");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_contact);

    s.type_into("name", "Åse Ødegård");
    s.type_into("phone", "+31 612345678");
    s.type_into("email", "ase@example.no");
    s.tap("key:backspace");
    REQUIRE(s.driver.type_on_keyboard("o"));
    CHECK(s.kiosk.draft().lead.contact.name == "Åse Ødegård");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
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
    CHECK(personal.answers.profile == "family");

    s.tap("done");
    CHECK(s.kiosk.screen() == ScreenId::attract);
}

TEST_CASE("a wrong phone number is caught on the contact step, a missing consent on the last, and nothing is stored") {
    Session s;
    s.taps(to_contact);
    s.type_into("name", "Ola");
    s.type_into("phone", "1234");
    s.tap("next");
    CHECK(s.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(s.kiosk.has_problem("contact.phone"));
    REQUIRE(s.driver.type_on_keyboard("5678"));
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
    s.tap("submit");
    CHECK(s.kiosk.screen() == ScreenId::sign_up_consent);
    CHECK(s.kiosk.has_problem("consent"));
    CHECK(stored(s.dir.path()).empty());
}

TEST_CASE("walking away mid-form: the idle timeout wipes it and the screen returns to attract") {
    Session s;
    CHECK_FALSE(s.driver.ui().has_large_text_fonts());  // made only when a visitor asks for them
    s.taps(to_contact);
    s.tap("large_text");
    s.type_into("name", "Kari");
    CHECK(s.driver.ui().has_large_text_fonts());
    s.driver.advance(91s);
    CHECK(s.kiosk.screen() == ScreenId::attract);
    CHECK(s.kiosk.draft().lead.contact.name.empty());
    CHECK_FALSE(s.kiosk.large_text());  // the next visitor starts from the defaults
    CHECK_FALSE(s.driver.ui().has_large_text_fonts());  // and their fonts are freed
    CHECK(s.driver.ui().touch_targets().find("start").has_value());
    CHECK(stored(s.dir.path()).empty());
}

// Every visitor screen with the taps that reach it, from attract; the campaign's own steps
// with their campaign set for the event.
struct ScreenPath {
    const char* name;
    std::string campaign;
    std::vector<std::string> taps;
};
const std::vector<ScreenPath> visitor_screens{
    {"attract", "", {}},
    {"jewel_box", "", {"start", "jewel:roros", "curious", "back"}},
    {"jewel_box in large text", "", {"start", "large_text"}},
    {"municipality", "", {"start", "jewel:holtalen", "section:host"}},
    {"municipality in large text", "", {"start", "large_text", "jewel:os"}},
    {"region", "", {"start", "region"}},
    {"work_for_two", "", {"start", "work_for_two", "home:roros"}},
    {"who", "", {"start", "sign_up"}},
    {"household", "", {"start", "sign_up", "next", "child:add", "child:add", "child:add", "child:add", "child:add"}},
    {"interests", "", {"start", "sign_up", "next", "next"}},
    {"contact (letters)", "", to_contact},
    {"contact (phone)", "", {"start", "sign_up", "next", "next", "next", "field:phone"}},
    {"consent", "", {"start", "sign_up", "next", "next", "next", "next"}},
    {"school_start", "forste-klasse", {"start", "sign_up", "next", "next"}},
    {"business_idea", "start-her", {"start", "sign_up", "next"}},
    {"tipper", "savner-du-noen", {"start", "sign_up"}},
};

TEST_CASE("every touch target on every screen is at least 48 px and on screen, from 800x480 to 1920x1080") {
    // 48 px is 9 mm on the official 7" display.
    for (const ImVec2 display : {ImVec2{800, 480}, ImVec2{1280, 800}, ImVec2{1920, 1080}}) {
        for (const auto& screen : visitor_screens) {
            CAPTURE(screen.name);
            CAPTURE(display.x);
            Session s(display, screen.campaign);
            s.taps(screen.taps);
            const auto& targets = s.driver.ui().touch_targets().all();
            CHECK(targets.size() >= 4);
            for (const auto& target : targets) {
                CAPTURE(target.name);
                CHECK(target.size().x >= 48.0f - 0.01f);  // sizes are differences of float positions
                CHECK(target.size().y >= 48.0f - 0.01f);
                CHECK(target.min.x >= 0.0f);
                CHECK(target.min.y >= 0.0f);
                CHECK(target.max.x <= display.x);
                CHECK(target.max.y <= display.y);
            }
        }
    }
}

TEST_CASE("no visitor path reaches a staff screen: every target on every visitor screen, tapped") {
    // Paths (sequences of taps) that reach each visitor screen; every target found there is
    // tapped from a fresh kiosk after replaying the path, and no tap may open staff mode or the PIN pad.
    int taps = 0;
    for (const auto& screen : visitor_screens) {
        CAPTURE(screen.name);
        std::vector<std::string> names;
        {
            Session s({1280, 800}, screen.campaign);
            s.taps(screen.taps);
            for (const auto& target : s.driver.ui().touch_targets().all()) names.push_back(target.name);
        }
        for (const auto& name : names) {
            Session s({1280, 800}, screen.campaign);
            s.taps(screen.taps);
            CAPTURE(name);
            s.tap(name);
            (void)s.driver.tap(name);  // again, where it still is: toggles and double taps too
            ++taps;
            CHECK_FALSE(is_staff_screen(s.kiosk.screen()));
            CHECK(s.kiosk.screen() != ScreenId::pin_entry);
        }
    }
    CHECK(taps > 300);
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
    s.settle();
    CHECK(s.kiosk.screen() == ScreenId::pin_entry);
    for (const char* key : {"pin:2", "pin:4", "pin:6", "pin:8", "pin:ok"}) s.tap(key);
    s.settle();
    REQUIRE(s.kiosk.screen() == ScreenId::staff_home);
    s.tap("staff:staff.leads");
    CHECK(s.kiosk.screen() == ScreenId::staff_leads);
    s.tap("staff:home");
    s.tap("staff:lock");
    CHECK(s.kiosk.screen() == ScreenId::attract);
}

TEST_CASE("leaving the kiosk by touch asks first: one tap does not exit, Cancel returns to staff home, the confirm exits") {
    Session s({800, 480});
    auto hash = hash_pin("2468");
    REQUIRE(hash.ok());
    REQUIRE(s.store.set_setting("staff_pin_hash", *hash).ok());
    REQUIRE(s.driver.long_press("staff_corner", std::chrono::milliseconds(3200)));
    for (const char* key : {"pin:2", "pin:4", "pin:6", "pin:8", "pin:ok"}) s.tap(key);
    s.settle();
    REQUIRE(s.kiosk.screen() == ScreenId::staff_home);

    s.tap("staff:exit");
    CHECK_FALSE(s.kiosk.exit_requested());
    // The question, from the catalogue, in place of staff home and its buttons.
    const auto& targets = s.driver.ui().touch_targets();
    CHECK_FALSE(targets.find("staff:exit").has_value());
    CHECK_FALSE(targets.find("staff:lock").has_value());
    const std::string shown = s.shown();
    CHECK(shown.find(std::string(ui_text(Language::nb, "staff.exit_question")).substr(0, 17)) != std::string::npos);
    CHECK(shown.find(std::string(ui_text(Language::nb, "staff.exit_confirm"))) != std::string::npos);
    CHECK(shown.find(std::string(ui_text(Language::nb, "staff.exit_cancel"))) != std::string::npos);
    s.tap("staff:exit_cancel");
    CHECK_FALSE(s.kiosk.exit_requested());
    CHECK(s.kiosk.screen() == ScreenId::staff_home);
    CHECK(s.driver.ui().touch_targets().find("staff:lock").has_value());

    s.tap("staff:exit");
    CHECK_FALSE(s.kiosk.exit_requested());
    s.tap("staff:exit_confirm");
    CHECK(s.kiosk.exit_requested());
}

TEST_CASE("the question before leaving the kiosk is in the catalogue in Norwegian, English and Dutch") {
    for (const char* key : {"staff.exit_question", "staff.exit_confirm", "staff.exit_cancel"}) {
        CAPTURE(key);
        const std::string nb(ui_text(Language::nb, key)), en(ui_text(Language::en, key)), nl(ui_text(Language::nl, key));
        CHECK(nb != key);
        CHECK(en != nb);
        CHECK(nl != nb);
        CHECK(nl != en);
    }
}

TEST_CASE("the still-there question covers the form: a touch on it keeps what was typed and presses nothing below") {
    Session s;
    s.taps(to_contact);
    s.type_into("name", "Kari");
    s.driver.advance(76s);
    REQUIRE(s.kiosk.idle_countdown().has_value());
    REQUIRE(s.driver.ui().touch_targets().find("still_here").has_value());
    // A touch exactly where Next is, below the question: it answers the question only.
    const auto next = s.driver.ui().touch_targets().find("next");
    REQUIRE(next.has_value());
    s.tap("next");
    CHECK_FALSE(s.kiosk.idle_countdown().has_value());
    CHECK(s.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(s.kiosk.draft().problems.empty());  // Next was not pressed
    CHECK(s.kiosk.draft().lead.contact.name == "Kari");
}

TEST_CASE("a zero display size (a minimised window) draws nothing and crashes nothing, and restored the form is as it was") {
    Session s({800, 480});
    s.taps(to_contact);
    s.type_into("name", "Kari");
    for (const ImVec2 odd : {ImVec2{0, 0}, ImVec2{0, 480}, ImVec2{800, 0}, ImVec2{1, 1}, ImVec2{37, 12}}) {
        CAPTURE(odd.x);
        CAPTURE(odd.y);
        s.driver.set_display_size(odd);
        for (int i = 0; i < 3; ++i) s.driver.frame();  // ImGui would assert on an item of no size
        if (odd.x < 1 || odd.y < 1) CHECK(s.driver.ui().touch_targets().all().empty());
    }
    // Every screen, minimised: the attract screen's whole-screen button was the one that crashed.
    s.driver.set_display_size({0, 0});
    s.driver.advance(91s);
    CHECK(s.kiosk.screen() == ScreenId::attract);
    s.driver.frame();
    s.driver.set_display_size({800, 480});
    s.driver.frame();
    CHECK(s.driver.ui().touch_targets().find("start").has_value());
    s.taps(to_contact);
    s.type_into("name", "Kari");
    s.driver.set_display_size({0, 0});
    s.driver.frame();
    s.driver.set_display_size({800, 480});
    s.driver.frame();
    CHECK(s.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(s.kiosk.draft().lead.contact.name == "Kari");
}

TEST_CASE("the keyboard types accented names by a long press (André, Zoë, Müller, Peña) and has @ .no .com .nl for e-mail") {
    Session s;
    s.taps(to_contact);
    s.tap("field:name");
    CHECK_FALSE(s.driver.ui().touch_targets().find("key:e:é").has_value());  // shown only while e is held
    REQUIRE(s.driver.type_on_keyboard("André Zoë Müller Peña Çelik"));
    CHECK(s.kiosk.draft().lead.contact.name == "André Zoë Müller Peña Çelik");
    // A quick tap on a key with accents still types the plain letter.
    s.tap("key:e");
    CHECK(s.kiosk.draft().lead.contact.name == "André Zoë Müller Peña Çelike");
    s.tap("key:backspace");
    s.tap("field:email");
    CHECK_FALSE(s.driver.ui().touch_targets().find("key:'").has_value());
    REQUIRE(s.driver.type_on_keyboard("zoe"));
    for (const char* key : {"key:@", "key:.nl"}) s.tap(key);
    CHECK(s.kiosk.draft().lead.contact.email == "zoe@.nl");
    s.tap("key:backspace");
    s.tap("key:backspace");
    s.tap("key:backspace");
    REQUIRE(s.driver.type_on_keyboard("kafe"));
    s.tap("key:.com");
    CHECK(s.kiosk.draft().lead.contact.email == "zoe@kafe.com");
    REQUIRE(s.driver.ui().touch_targets().find("key:.no").has_value());
    s.tap("field:name");
    CHECK_FALSE(s.driver.ui().touch_targets().find("key:.com").has_value());  // e-mail keys on the e-mail field only
}

TEST_CASE("the region page says which results the register counted, and when") {
    Session s({800, 480});
    s.content.region.results.push_back({"forste-klasse", 2026, {{"moved", 3, ""}, {"on-the-way-now", 5, ""}}, "2026-12-02", "register"});
    s.taps({"start", "region"});
    REQUIRE(s.kiosk.screen() == ScreenId::region);
    s.driver.frame();
    const std::string shown = s.shown();
    CAPTURE(shown);
    CHECK(shown.find("talt i registeret 2026-12-02") != std::string::npos);
    // The region's own figures (from its documents) carry no such line.
    CHECK(shown.find("Første Klasse 2005 ·") == std::string::npos);
    CHECK(s.driver.text_audit().reports().empty());
}

TEST_CASE("a tip is thanked as a tip, not as a registration") {
    Session s({1280, 800}, "savner-du-noen");
    s.taps({"start", "sign_up"});
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_tipper);
    s.type_into("tipper_name", "Ola Tipper");
    for (int guard = 0; guard < 8 && s.kiosk.screen() != ScreenId::sign_up_contact; ++guard) s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_contact);
    s.type_into("name", "Kari Savnet");
    s.type_into("phone", "91234567");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
    s.tap("consent");
    s.tap("submit");
    REQUIRE(s.kiosk.screen() == ScreenId::thank_you);
    std::string shown;
    for (const auto& line : s.driver.text_audit().drawn()) shown += line.text + "\n";
    CAPTURE(shown);
    CHECK(shown.find("Takk for tipset!") != std::string::npos);
    CHECK(shown.find("registrert") == std::string::npos);
    CHECK(shown.find("Velkommen til Fjellregionen") == std::string::npos);
}

TEST_CASE("the kiosk's own frames keep no copy of what they drew - a visitor's name on the consent step is only drawn") {
    for (const bool audit_text : {true, false}) {
        CAPTURE(audit_text);
        TempDir dir;
        LeadStore store = std::move(*LeadStore::open(dir.path()));
        ContentPack content = *load_content_pack(builtin_content_dir()).pack;
        KioskSettings settings;
        settings.data_dir = dir.path();
        const MonotonicClock::time_point start{};
        Kiosk kiosk{store, content, settings, start};
        ui::HeadlessDriver driver(kiosk, {1280, 800}, start, std::nullopt, audit_text);
        for (const auto& name : to_contact) REQUIRE(driver.tap(name));
        REQUIRE(driver.tap("field:name"));
        REQUIRE(driver.type_on_keyboard("Kari Nordmann"));
        REQUIRE(driver.tap("field:phone"));
        REQUIRE(driver.type_on_keyboard("91234567"));
        REQUIRE(driver.tap("next"));
        REQUIRE(kiosk.screen() == ScreenId::sign_up_consent);
        driver.frame();
        bool name_recorded = false;
        for (const auto& line : driver.text_audit().drawn()) name_recorded = name_recorded || line.text.find("Kari") != std::string::npos;
        // With an audit (the tests' view) the name is there, so its absence without one means something.
        CHECK(name_recorded == audit_text);
        CHECK((driver.ui().text_audit() != nullptr) == audit_text);
        if (!audit_text) CHECK(driver.text_audit().drawn().empty());
    }
}

TEST_CASE("the summary before Send shows household, topics and the campaign's answers, and the consent fits the choice") {
    Session s({1920, 1080}, "forste-klasse");
    s.taps({"start", "sign_up", "profile:family", "next", "adults:+", "child:add", "next", "school_start:choose", "next",
            "topic:work", "topic:housing", "next"});
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_contact);
    s.type_into("name", "Kari Nordmann");
    s.type_into("phone", "91234567");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
    s.driver.frame();
    const std::string shown = s.shown();
    CAPTURE(shown);
    const std::string next_autumn = std::to_string(current_year() + 1);
    const std::string child = std::to_string(current_year() - 6);
    for (const std::string& part : {std::string("Kari Nordmann"), std::string("Voksne: 2"), "Barn, fødselsår: " + child,
                                    std::string("Viktig: Arbeid, Bolig"), std::string("Familie med barn"),
                                    "Skolestart høsten " + next_autumn, std::string("hele regionen")}) {
        CAPTURE(part);
        CHECK(shown.find(part) != std::string::npos);
    }
    // No municipality chosen: the consent speaks of the region's hosts, not "those I chose".
    CHECK(shown.find("tilflyttervertene i Fjellregionen kan kontakte meg") != std::string::npos);
    CHECK(shown.find("kommunene jeg har valgt") == std::string::npos);
}

TEST_CASE("the cursor keys move the cursor within a field: a letter typed in the middle of a name") {
    Session s({800, 480});
    s.taps(to_contact);
    s.type_into("name", "Zoe");
    s.tap("key:left");
    s.tap("key:left");
    REQUIRE(s.driver.type_on_keyboard("e"));
    CHECK(s.kiosk.draft().lead.contact.name == "Zeoe");
    s.tap("key:right");
    s.tap("key:backspace");
    CHECK(s.kiosk.draft().lead.contact.name == "Zee");
    s.tap("field:phone");
    REQUIRE(s.driver.ui().touch_targets().find("key:left").has_value());  // the keypad has them too
}

TEST_CASE("first start by touch: the setup screen, not attract - PIN twice, the event, pairing skipped, then visitors") {
    for (const ImVec2 display : {ImVec2{800, 480}, ImVec2{1920, 1080}}) {
        CAPTURE(display.x);
        Session s(display, "", true);
        s.driver.frame();
        REQUIRE(s.kiosk.screen() == ScreenId::pin_entry);
        CHECK_FALSE(s.driver.ui().touch_targets().find("start").has_value());
        CHECK_FALSE(s.driver.ui().touch_targets().find("pin:cancel").has_value());
        CHECK(s.shown().find("Kiosken tar imot besøkende først") != std::string::npos);
        auto check_targets = [&](const std::string& screen) {
            CAPTURE(screen);
            for (const auto& target : s.driver.ui().touch_targets().all()) {
                CAPTURE(target.name);
                CHECK(target.size().x >= 48.0f - 0.01f);
                CHECK(target.size().y >= 48.0f - 0.01f);
                CHECK(target.max.x <= display.x);
                CHECK(target.max.y <= display.y);
            }
        };
        check_targets("pin pad");
        for (int twice = 0; twice < 2; ++twice) {
            for (const char* key : {"pin:1", "pin:3", "pin:5", "pin:7", "pin:ok"}) s.tap(key);
            s.settle();
        }
        REQUIRE(s.kiosk.screen() == ScreenId::staff_event);
        check_targets("event");
        s.tap("staff:home");  // setup has no way round the event
        CHECK(s.kiosk.screen() == ScreenId::staff_event);
        s.tap("field:event_name");
        REQUIRE(s.driver.ui().touch_targets().find("key:space").has_value());
        check_targets("event, name edited");
        REQUIRE(s.driver.type_on_keyboard("oslo plaza"));
        s.tap("staff:done");
        s.tap("staff:save_event");
        REQUIRE(s.kiosk.screen() == ScreenId::staff_pairing);
        s.settle();
        CHECK(s.shown().find("Ingen paringsfil") != std::string::npos);
        check_targets("pairing");
        CHECK_FALSE(s.driver.ui().touch_targets().find("staff:home").has_value());
        s.tap("setup:finish");
        REQUIRE(s.kiosk.screen() == ScreenId::attract);
        s.tap("start");
        CHECK(s.kiosk.screen() == ScreenId::jewel_box);
    }
}

TEST_CASE("the whole privacy notice opens from the consent step by touch, consent waits while it is open, and its Back returns") {
    Session s({800, 480});
    s.taps(to_contact);
    s.type_into("name", "Kari Nordmann");
    s.type_into("phone", "91234567");
    s.tap("next");
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
    const std::string consent_version(s.kiosk.consent_version());  // the consent text shown here
    s.tap("privacy_notice");
    REQUIRE(s.kiosk.draft().privacy_notice_open);
    s.driver.frame();
    CHECK(s.shown().find(s.content.text(Language::nb, "privacy.body").substr(0, 30)) != std::string::npos);
    // Over the notice there is nothing to consent with: no box, no Send, and the intent is refused.
    CHECK_FALSE(s.driver.ui().touch_targets().find("consent").has_value());
    CHECK_FALSE(s.driver.ui().touch_targets().find("submit").has_value());
    s.kiosk.apply(intent::ToggleConsent{}, s.driver.now());
    CHECK_FALSE(s.kiosk.draft().lead.consent.given);
    s.tap("privacy_back");
    CHECK(s.kiosk.screen() == ScreenId::sign_up_consent);
    CHECK_FALSE(s.kiosk.draft().privacy_notice_open);
    CHECK_FALSE(s.kiosk.draft().lead.consent.given);
    s.tap("consent");
    s.tap("submit");
    REQUIRE(s.kiosk.screen() == ScreenId::thank_you);
    const auto leads = stored(s.dir.path());
    REQUIRE(leads.size() == 1);
    CHECK(leads[0].draft.consent.text_version == consent_version);
    CHECK(leads[0].draft.privacy_notice_version == s.content.privacy.version);
}

TEST_CASE("the staff event and lead forms give way to a field and a full keyboard of 48 px keys while it is edited, and Done returns") {
    for (const ImVec2 display : {ImVec2{800, 480}, ImVec2{1280, 800}, ImVec2{1920, 1080}}) {
        CAPTURE(display.x);
        Session s(display);
        auto hash = hash_pin("2468");
        REQUIRE(hash.ok());
        REQUIRE(s.store.set_setting("staff_pin_hash", *hash).ok());
        s.taps(to_contact);
        s.type_into("name", "Kari");
        s.type_into("phone", "91234567");
        s.tap("next");
        s.tap("consent");
        s.tap("submit");
        REQUIRE(s.kiosk.screen() == ScreenId::thank_you);
        s.tap("done");
        REQUIRE(s.driver.long_press("staff_corner", std::chrono::milliseconds(3200)));
        for (const char* key : {"pin:2", "pin:4", "pin:6", "pin:8", "pin:ok"}) s.tap(key);
        s.settle();
        REQUIRE(s.kiosk.screen() == ScreenId::staff_home);

        auto check_targets = [&](const std::string& screen, bool keyboard) {
            CAPTURE(screen);
            const auto& targets = s.driver.ui().touch_targets();
            CHECK(targets.find("key:space").has_value() == keyboard);
            CHECK(targets.find("staff:done").has_value() == keyboard);
            for (const auto& target : targets.all()) {
                CAPTURE(target.name);
                CHECK(target.size().x >= 48.0f - 0.01f);
                CHECK(target.size().y >= 48.0f - 0.01f);
                CHECK(target.min.x >= 0.0f);
                CHECK(target.min.y >= 0.0f);
                CHECK(target.max.x <= display.x);
                CHECK(target.max.y <= display.y);
            }
        };
        // The driver follows staff's own shift on staff screens: capitals come out as typed.
        auto type = [&](const std::string& text) {
            CAPTURE(text);
            REQUIRE(s.driver.type_on_keyboard(text));
        };
        s.tap("staff:staff.event");
        REQUIRE(s.kiosk.screen() == ScreenId::staff_event);
        check_targets("event form", false);
        for (const char* field : {"field:event_name", "field:event_place", "field:event_date"}) {
            s.tap(field);
            check_targets(std::string("event, editing ") + field, true);
            CHECK_FALSE(s.driver.ui().touch_targets().find("staff:save_event").has_value());  // the form gave way
            s.tap("staff:done");
            check_targets("event form after Done", false);
        }
        s.tap("field:event_place");
        type("Hamar Olympiahall");
        s.tap("staff:done");
        CHECK(s.kiosk.staff().field_text(StaffField::event_place).find("Hamar Olympiahall") != std::string::npos);
        s.tap("staff:home");

        s.tap("staff:staff.leads");
        s.tap("lead:0");
        REQUIRE(s.kiosk.screen() == ScreenId::staff_lead);
        check_targets("lead form", false);
        s.tap("field:note");
        check_targets("lead, editing the note", true);
        type("Ring Kari i Mai");
        s.tap("staff:done");
        check_targets("lead form after Done", false);
        CHECK(s.kiosk.staff().annotation().note == "Ring Kari i Mai");
        s.tap("staff:save_lead");
        CHECK(s.kiosk.screen() == ScreenId::staff_leads);
    }
}
