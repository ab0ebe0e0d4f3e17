// The event's campaign chooses the sign-up steps: Første Klasse asks the eldest child's
// school start, Start Her the business idea, Savner du noen is a tip with the tipper's name.
// Also the exploring pages: a municipality's sections, work for two, the region.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "firmware/staff/staff_mode.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;

namespace {

struct Stand {
    explicit Stand(const std::string& campaign = "") {
        if (!campaign.empty()) REQUIRE(make_current_event(store, Event{"fair", "Fair", "Oslo", "2026-11-24", campaign, {}}).ok());
        kiosk.emplace(store, content, KioskSettings{}, now);
    }
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    MonotonicClock::time_point now{};
    std::optional<Kiosk> kiosk;

    void apply(const Intent& intent) { kiosk->apply(intent, now); }
    ScreenId screen() const { return kiosk->screen(); }
    void contact_and_send(const std::string& name) {
        REQUIRE(screen() == ScreenId::sign_up_contact);
        apply(intent::TypeText{name});
        apply(intent::FocusField{VisitorField::email});
        apply(intent::TypeText{"someone@example.no"});
        apply(intent::Next{});
        REQUIRE(screen() == ScreenId::sign_up_consent);
        apply(intent::ToggleConsent{});
        apply(intent::Submit{});
    }
    Lead only_lead() {
        std::vector<Lead> leads;
        REQUIRE(store.for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
        REQUIRE(leads.size() == 1);
        return leads[0];
    }
};

}  // namespace

TEST_CASE("Første Klasse asks when the eldest child starts school, and the answer is stored sealed") {
    Stand stand("forste-klasse");
    CHECK(stand.kiosk->sign_up_steps() == std::vector<ScreenId>{ScreenId::sign_up_who, ScreenId::sign_up_household,
                                                                  ScreenId::sign_up_school_start, ScreenId::sign_up_interests,
                                                                  ScreenId::sign_up_contact, ScreenId::sign_up_consent});
    stand.apply(intent::Start{});
    stand.apply(intent::OpenSignUp{});
    stand.apply(intent::Next{});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_school_start);
    const int year = current_year();
    CHECK(stand.kiosk->suggested_school_start() == year + 1);  // next autumn, the campaign's case
    CHECK(stand.kiosk->draft().lead.answers.school_start_year == 0);  // suggested, not yet an answer
    for (int i = 0; i < 20; ++i) stand.apply(intent::ChangeSchoolStart{+1});
    CHECK(stand.kiosk->draft().lead.answers.school_start_year == year + 7);
    for (int i = 0; i < 20; ++i) stand.apply(intent::ChangeSchoolStart{-1});
    CHECK(stand.kiosk->draft().lead.answers.school_start_year == year);
    stand.apply(intent::ChangeSchoolStart{+2});
    stand.apply(intent::Next{});
    stand.apply(intent::Next{});
    stand.contact_and_send("Kari Nordmann");
    REQUIRE(stand.screen() == ScreenId::thank_you);
    const Lead lead = stand.only_lead();
    CHECK(lead.draft.campaign_id == "forste-klasse");
    CHECK(lead.draft.answers.school_start_year == 0);  // not in the clear on the kiosk
    CHECK(test::open_personal(lead).answers.school_start_year == year + 2);
}

TEST_CASE("Start Her asks for the business idea, typed on the keyboard") {
    Stand stand("start-her");
    stand.apply(intent::Start{});
    stand.apply(intent::OpenSignUp{});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_business_idea);
    CHECK(stand.kiosk->draft().focused == VisitorField::business_idea);
    stand.apply(intent::TypeText{"Gårdsbakeri"});
    stand.apply(intent::Backspace{});
    stand.apply(intent::TypeText{"i med kafé"});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_household);
    stand.apply(intent::Next{});
    stand.apply(intent::Next{});
    CHECK(stand.kiosk->draft().focused == VisitorField::name);  // the contact step types into the name first
    stand.contact_and_send("Per Hansen");
    REQUIRE(stand.screen() == ScreenId::thank_you);
    CHECK(test::open_personal(stand.only_lead()).answers.business_idea == "Gårdsbakeri med kafé");
}

TEST_CASE("Savner du noen is a tip: the tipper's name is asked for on its own step, and the message goes once it is typed") {
    Stand stand("savner-du-noen");
    stand.apply(intent::Start{});
    stand.apply(intent::OpenSignUp{});
    REQUIRE(stand.screen() == ScreenId::sign_up_tipper);
    stand.apply(intent::Next{});  // no name yet: asked here, not at Send four steps later
    CHECK(stand.screen() == ScreenId::sign_up_tipper);
    CHECK(stand.kiosk->has_problem("answers.tipper_name"));
    CHECK(*stand.store.count() == 0);
    stand.apply(intent::TypeText{"Kari"});
    CHECK_FALSE(stand.kiosk->has_problem("answers.tipper_name"));  // mended: the message goes at once
    stand.apply(intent::TypeText{" Tipser"});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_who);
    stand.apply(intent::ChooseProfile{"returning"});
    stand.apply(intent::Next{});
    stand.apply(intent::ToggleMunicipality{"os"});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_contact);
    stand.apply(intent::TypeText{"Ola Utflytter"});  // the missed person
    stand.apply(intent::FocusField{VisitorField::email});
    stand.apply(intent::TypeText{"someone@example.no"});
    stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_consent);
    stand.apply(intent::ToggleConsent{});
    for (int i = 0; i < 4; ++i) stand.apply(intent::Back{});
    REQUIRE(stand.screen() == ScreenId::sign_up_tipper);
    for (int i = 0; i < 4; ++i) stand.apply(intent::Next{});
    REQUIRE(stand.screen() == ScreenId::sign_up_consent);
    CHECK(stand.kiosk->draft().lead.consent.given);  // ticked before, still ticked
    CHECK(stand.kiosk->consent_text_key() == "sign_up.consent_tip");
    stand.apply(intent::Submit{});
    REQUIRE(stand.screen() == ScreenId::thank_you);
    const Lead lead = stand.only_lead();
    CHECK(lead.draft.consent.text_version == "tip-v1");
    CHECK(lead.draft.municipalities == std::vector<std::string>{"os"});
    const PersonalData personal = test::open_personal(lead);
    CHECK(personal.contact.name == "Ola Utflytter");
    CHECK(personal.answers.tipper_name == "Kari Tipser");
    CHECK(personal.answers.profile == "returning");
}

TEST_CASE("an untouched school start stores no answer: Next alone is not a choice, a tap on the year is") {
    // "Confirmed" means the visitor tapped the step's year, its - or its +: the year shown
    // before that is only the suggestion (next autumn), and Next passes it by unanswered.
    for (const bool tapped : {false, true}) {
        CAPTURE(tapped);
        Stand stand("forste-klasse");
        stand.apply(intent::Start{});
        stand.apply(intent::OpenSignUp{});
        stand.apply(intent::Next{});
        stand.apply(intent::Next{});
        REQUIRE(stand.screen() == ScreenId::sign_up_school_start);
        if (tapped) stand.apply(intent::ChangeSchoolStart{0});  // "choose this year"
        stand.apply(intent::Next{});
        stand.apply(intent::Next{});
        stand.contact_and_send("Kari Nordmann");
        REQUIRE(stand.screen() == ScreenId::thank_you);
        CHECK(test::open_personal(stand.only_lead()).answers.school_start_year == (tapped ? current_year() + 1 : 0));
    }
}

TEST_CASE("with no municipality chosen the consent names the whole region, and the lead keeps that text's version") {
    for (const bool chosen : {false, true}) {
        CAPTURE(chosen);
        Stand stand;
        stand.apply(intent::Start{});
        if (chosen) stand.apply(intent::ToggleMunicipality{"tynset"});
        stand.apply(intent::OpenSignUp{});
        for (int i = 0; i < 3; ++i) stand.apply(intent::Next{});
        REQUIRE(stand.screen() == ScreenId::sign_up_contact);
        CHECK(stand.kiosk->consent_text_key() == (chosen ? "sign_up.consent" : "sign_up.consent_region"));
        stand.contact_and_send("Kari Nordmann");
        REQUIRE(stand.screen() == ScreenId::thank_you);
        CHECK(stand.only_lead().draft.consent.text_version == (chosen ? "contact-v1" : "contact-region-v1"));
    }
}

TEST_CASE("a municipality's page: its sections, I'm curious, and signing up from it") {
    Stand stand;
    stand.apply(intent::Start{});
    stand.apply(intent::OpenMunicipality{"nowhere"});
    CHECK(stand.screen() == ScreenId::jewel_box);
    stand.apply(intent::OpenMunicipality{"rendalen"});
    REQUIRE(stand.screen() == ScreenId::municipality);
    CHECK(stand.kiosk->open_municipality()->name == "Rendalen");
    CHECK(stand.kiosk->open_section() == "work");
    stand.apply(intent::OpenSection{"host"});
    CHECK(stand.kiosk->open_section() == "host");
    stand.apply(intent::OpenSection{"casino"});
    CHECK(stand.kiosk->open_section() == "host");
    stand.apply(intent::Back{});
    CHECK(stand.screen() == ScreenId::jewel_box);
    stand.apply(intent::OpenMunicipality{"tolga"});
    stand.apply(intent::OpenSignUp{});
    CHECK(stand.screen() == ScreenId::sign_up_who);
    CHECK(stand.kiosk->draft().lead.municipalities == std::vector<std::string>{"tolga"});
    stand.apply(intent::Back{});
    CHECK(stand.screen() == ScreenId::jewel_box);  // what was chosen stays
    CHECK(stand.kiosk->draft().lead.municipalities == std::vector<std::string>{"tolga"});
}

TEST_CASE("work for two starts on the place last looked at, and only a municipality can be home") {
    Stand stand;
    stand.apply(intent::Start{});
    stand.apply(intent::OpenMunicipality{"alvdal"});
    stand.apply(intent::OpenWorkForTwo{});  // only from the jewel box or its pages
    CHECK(stand.screen() == ScreenId::work_for_two);
    CHECK(stand.kiosk->chosen_home() == "alvdal");
    stand.apply(intent::ChooseHome{"trondheim-region"});
    CHECK(stand.kiosk->chosen_home() == "alvdal");
    stand.apply(intent::ChooseHome{"holtalen"});
    CHECK(stand.kiosk->chosen_home() == "holtalen");
    stand.apply(intent::Back{});
    stand.apply(intent::OpenRegion{});
    CHECK(stand.screen() == ScreenId::region);
    stand.apply(intent::OpenSignUp{});
    CHECK(stand.screen() == ScreenId::sign_up_who);
    stand.apply(intent::OpenRegion{});  // not from inside the sign-up
    CHECK(stand.screen() == ScreenId::sign_up_who);
}

TEST_CASE("a profile is chosen by one tap, taken back by a second, and nothing unknown is accepted") {
    Stand stand;
    stand.apply(intent::Start{});
    stand.apply(intent::OpenSignUp{});
    stand.apply(intent::ChooseProfile{"couple"});
    CHECK(stand.kiosk->draft().lead.answers.profile == "couple");
    stand.apply(intent::ChooseProfile{"pirate"});
    CHECK(stand.kiosk->draft().lead.answers.profile == "couple");
    stand.apply(intent::ChooseProfile{"couple"});
    CHECK(stand.kiosk->draft().lead.answers.profile.empty());
}
