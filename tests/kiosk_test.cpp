// The kiosk's state machine: the flow's screens, the idle wipe, language switching that
// keeps input, and "registered" only after the commit.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "tests/test_support.h"
#include "common/base/utf8.h"

#include <doctest/doctest.h>

#include <limits>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    MonotonicClock::time_point now{};
    Kiosk kiosk{store, content, KioskSettings{}, now};

    void apply(const Intent& intent) { kiosk.apply(intent, now); }
    void wait(std::chrono::milliseconds duration) {
        now += duration;
        kiosk.tick(now);
    }
    // The default flow (no campaign): who, household, interests, contact; ends on consent, ticked.
    void fill_contact() {
        apply(intent::Start{});
        apply(intent::ToggleMunicipality{"alvdal"});
        apply(intent::OpenSignUp{});
        REQUIRE(kiosk.screen() == ScreenId::sign_up_who);
        apply(intent::Next{});
        REQUIRE(kiosk.screen() == ScreenId::sign_up_household);
        apply(intent::ChangeAdults{+1});
        apply(intent::Next{});
        REQUIRE(kiosk.screen() == ScreenId::sign_up_interests);
        apply(intent::Next{});
        REQUIRE(kiosk.screen() == ScreenId::sign_up_contact);
        apply(intent::TypeText{"Kari"});
        apply(intent::FocusField{VisitorField::phone});
        apply(intent::TypeText{"91234567"});
    }
    void fill_valid_contact() {
        fill_contact();
        apply(intent::Next{});
        REQUIRE(kiosk.screen() == ScreenId::sign_up_consent);
        apply(intent::ToggleConsent{});
    }
};

}  // namespace

TEST_CASE("the visitor's path: attract, jewel box, five sign-up steps, thank-you, attract") {
    Fixture f;
    CHECK(f.kiosk.screen() == ScreenId::attract);
    f.fill_valid_contact();
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);
    f.apply(intent::Submit{});
    CHECK(f.kiosk.screen() == ScreenId::thank_you);
    REQUIRE(f.kiosk.confirmed_lead_id().has_value());
    CHECK(*f.store.count() == 1);
    f.apply(intent::Finish{});
    CHECK(f.kiosk.screen() == ScreenId::attract);
}

TEST_CASE("idle timeout wipes every partial input and returns to attract") {
    Fixture f;
    f.fill_valid_contact();
    f.apply(intent::ChooseLanguage{Language::nl});
    f.wait(89s);
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);  // not yet
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");
    f.wait(1s);
    CHECK(f.kiosk.screen() == ScreenId::attract);
    CHECK(f.kiosk.language() == Language::nb);
    const LeadDraft& lead = f.kiosk.draft().lead;
    CHECK(lead.contact.name.empty());
    CHECK(lead.contact.phone.empty());
    CHECK(lead.municipalities.empty());
    CHECK(lead.household.adults == 1);
    CHECK_FALSE(lead.consent.given);
    CHECK(*f.store.count() == 0);
}

TEST_CASE("every touch restarts the idle timer") {
    Fixture f;
    f.apply(intent::Start{});
    for (int i = 0; i < 5; ++i) {
        f.wait(60s);
        f.apply(intent::ToggleMunicipality{"os"});
    }
    CHECK(f.kiosk.screen() == ScreenId::jewel_box);
}

TEST_CASE("the thank-you screen returns to attract by itself") {
    Fixture f;
    f.fill_valid_contact();
    f.apply(intent::Submit{});
    REQUIRE(f.kiosk.screen() == ScreenId::thank_you);
    f.wait(19s);
    CHECK(f.kiosk.screen() == ScreenId::thank_you);
    f.wait(1s);
    CHECK(f.kiosk.screen() == ScreenId::attract);
    CHECK_FALSE(f.kiosk.confirmed_lead_id().has_value());
}

TEST_CASE("an invalid submit stays on the form with the problems, and stores nothing") {
    Fixture f;
    f.fill_valid_contact();
    f.apply(intent::ToggleConsent{});  // untick
    f.apply(intent::Submit{});
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);
    CHECK(f.kiosk.has_problem("consent"));
    CHECK(*f.store.count() == 0);

    // A phone number with a digit missing is caught on the contact step, before consent.
    f.apply(intent::Back{});
    REQUIRE(f.kiosk.screen() == ScreenId::sign_up_contact);
    f.apply(intent::FocusField{VisitorField::phone});
    f.apply(intent::Backspace{});
    f.apply(intent::Next{});
    CHECK(f.kiosk.screen() == ScreenId::sign_up_contact);
    CHECK(f.kiosk.has_problem("contact.phone"));
    CHECK_FALSE(f.kiosk.confirmed_lead_id().has_value());
    CHECK(*f.store.count() == 0);
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");  // what they typed is kept
}

TEST_CASE("switching language keeps what was entered, and the lead records the language") {
    Fixture f;
    f.fill_valid_contact();
    f.apply(intent::ChooseLanguage{Language::en});
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");
    CHECK(f.kiosk.draft().lead.municipalities == std::vector<std::string>{"alvdal"});
    f.apply(intent::Submit{});
    REQUIRE(f.kiosk.screen() == ScreenId::thank_you);
    std::vector<Lead> leads;
    REQUIRE(f.store.for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
    REQUIRE(leads.size() == 1);
    CHECK(leads[0].draft.language == Language::en);
    CHECK(leads[0].draft.household.adults == 2);
    CHECK(leads[0].draft.event_id == "demo");  // until staff set up an event
}

TEST_CASE("typing respects field limits and refuses invalid UTF-8") {
    Fixture f;
    f.fill_contact();
    f.apply(intent::FocusField{VisitorField::name});
    f.apply(intent::TypeText{"\xC3"});
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");
    for (int i = 0; i < 200; ++i) f.apply(intent::TypeText{"ø"});
    CHECK(utf8_length(f.kiosk.draft().lead.contact.name) == max_name_length);
}

TEST_CASE("the shift key gives one capital, and a new word in the name gets one again") {
    Fixture f;
    f.apply(intent::Start{});
    f.apply(intent::OpenSignUp{});
    for (int step = 0; step < 3; ++step) f.apply(intent::Next{});
    REQUIRE(f.kiosk.screen() == ScreenId::sign_up_contact);
    f.apply(intent::FocusField{VisitorField::name});
    CHECK(f.kiosk.draft().shift);
    f.apply(intent::TypeText{"K"});
    CHECK_FALSE(f.kiosk.draft().shift);
    f.apply(intent::TypeText{" "});
    CHECK(f.kiosk.draft().shift);
}

TEST_CASE("a store that cannot commit never shows registered") {
    Fixture f;
    f.fill_valid_contact();
    // Another connection holds the write lock past the busy timeout: the commit must fail.
    auto db = Database::open(f.store.database_path());
    REQUIRE(db.ok());
    REQUIRE(db->exec("BEGIN EXCLUSIVE").ok());
    f.apply(intent::Submit{});
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);
    CHECK(f.kiosk.draft().store_failed);
    CHECK_FALSE(f.kiosk.confirmed_lead_id().has_value());
    CHECK_FALSE(f.kiosk.last_store_error().empty());
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");
    REQUIRE(db->exec("ROLLBACK").ok());
    f.apply(intent::Submit{});  // and it recovers once the store can write again
    CHECK(f.kiosk.screen() == ScreenId::thank_you);
}

TEST_CASE("fifteen seconds before the wipe the kiosk asks if the visitor is still there, and any touch answers") {
    Fixture f;
    f.fill_valid_contact();
    f.wait(74s);
    CHECK_FALSE(f.kiosk.idle_countdown().has_value());
    f.wait(1s);
    REQUIRE(f.kiosk.idle_countdown().has_value());
    CHECK(*f.kiosk.idle_countdown() == 15);
    f.wait(10s);
    CHECK(*f.kiosk.idle_countdown() == 5);
    f.apply(intent::StillHere{});
    CHECK_FALSE(f.kiosk.idle_countdown().has_value());
    f.wait(80s);
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);  // the timer started again
    CHECK(f.kiosk.draft().lead.contact.name == "Kari");
    f.wait(10s);
    CHECK(f.kiosk.screen() == ScreenId::attract);
    CHECK_FALSE(f.kiosk.idle_countdown().has_value());
}

TEST_CASE("the thank-you screen carries the region's web page as a QR code") {
    Fixture f;
    CHECK(f.kiosk.region_qr().size >= 21);  // version 1 is 21 modules, and grows with the text
    CHECK(f.kiosk.region_qr().dark.size() == static_cast<std::size_t>(f.kiosk.region_qr().size * f.kiosk.region_qr().size));
    CHECK(f.kiosk.region_qr().at(0, 0));  // a finder pattern's corner is dark
}

TEST_CASE("an error message goes as soon as the visitor has mended the field, and typing raises none of its own") {
    Fixture f;
    f.fill_contact();
    f.apply(intent::Backspace{});  // phone 9123456: one digit short
    f.apply(intent::Next{});
    REQUIRE(f.kiosk.screen() == ScreenId::sign_up_contact);
    REQUIRE(f.kiosk.has_problem("contact.phone"));
    f.apply(intent::Backspace{});  // still wrong: the message stays
    CHECK(f.kiosk.has_problem("contact.phone"));
    f.apply(intent::TypeText{"67"});
    CHECK_FALSE(f.kiosk.has_problem("contact.phone"));  // mended: gone before Next
    CHECK(f.kiosk.draft().problems.empty());
    f.apply(intent::FocusField{VisitorField::email});
    f.apply(intent::TypeText{"kari@"});  // half an address: not an error until Next
    CHECK(f.kiosk.draft().problems.empty());
    f.apply(intent::Next{});
    CHECK(f.kiosk.has_problem("contact.email"));
    f.apply(intent::TypeText{"example.no"});
    CHECK_FALSE(f.kiosk.has_problem("contact.email"));
    f.apply(intent::Next{});
    CHECK(f.kiosk.screen() == ScreenId::sign_up_consent);
    f.apply(intent::Submit{});  // no consent
    REQUIRE(f.kiosk.has_problem("consent"));
    f.apply(intent::ToggleConsent{});
    CHECK_FALSE(f.kiosk.has_problem("consent"));
}

TEST_CASE("a physical keyboard's Home, End and Delete: to either end of the field, and the letter after the cursor goes") {
    Fixture f;
    f.fill_contact();
    f.apply(intent::FocusField{VisitorField::name});
    const std::string name = f.kiosk.field_text(VisitorField::name);
    f.apply(intent::MoveCursor{-std::numeric_limits<int>::max()});  // Home
    CHECK(f.kiosk.cursor() == 0);
    f.apply(intent::DeleteForward{});
    CHECK(f.kiosk.field_text(VisitorField::name) == name.substr(1));
    f.apply(intent::TypeText{"Ø"});
    f.apply(intent::MoveCursor{-1});
    f.apply(intent::DeleteForward{});  // Ø is two bytes: one letter goes, whole
    CHECK(f.kiosk.field_text(VisitorField::name) == name.substr(1));
    CHECK(is_valid_utf8(f.kiosk.field_text(VisitorField::name)));
    f.apply(intent::MoveCursor{std::numeric_limits<int>::max()});  // End
    CHECK(f.kiosk.cursor() == f.kiosk.field_text(VisitorField::name).size());
    f.apply(intent::DeleteForward{});  // nothing after the cursor: nothing goes
    CHECK(f.kiosk.field_text(VisitorField::name) == name.substr(1));
    f.apply(intent::MoveCursor{-3});  // three letters at once, as a held key would
    CHECK(f.kiosk.cursor() == f.kiosk.field_text(VisitorField::name).size() - 3);
}

TEST_CASE("the cursor moves within a field by letters, and typing and Backspace work where it stands") {
    Fixture f;
    f.fill_contact();
    f.apply(intent::FocusField{VisitorField::name});
    CHECK(f.kiosk.cursor() == f.kiosk.field_text(VisitorField::name).size());  // at the end, as on a phone
    f.apply(intent::Backspace{});
    f.apply(intent::Backspace{});
    f.apply(intent::Backspace{});
    f.apply(intent::TypeText{"Zoë"});
    REQUIRE(f.kiosk.field_text(VisitorField::name) == "KZoë");
    f.apply(intent::MoveCursor{-1});  // before ë (two bytes): one letter, not one byte
    f.apply(intent::TypeText{"x"});
    CHECK(f.kiosk.field_text(VisitorField::name) == "KZoxë");
    for (int i = 0; i < 10; ++i) f.apply(intent::MoveCursor{-1});  // stops at the start
    CHECK(f.kiosk.cursor() == 0);
    f.apply(intent::Backspace{});  // nothing before the cursor: nothing goes
    CHECK(f.kiosk.field_text(VisitorField::name) == "KZoxë");
    f.apply(intent::MoveCursor{+1});
    f.apply(intent::Backspace{});
    CHECK(f.kiosk.field_text(VisitorField::name) == "Zoxë");
    for (int i = 0; i < 3; ++i) f.apply(intent::MoveCursor{+1});
    f.apply(intent::Backspace{});
    CHECK(f.kiosk.field_text(VisitorField::name) == "Zoë");
    for (int i = 0; i < 10; ++i) f.apply(intent::MoveCursor{+1});  // stops at the end
    CHECK(f.kiosk.cursor() == std::string("Zoë").size());
    CHECK(is_valid_utf8(f.kiosk.field_text(VisitorField::name)));
}
