// Validation rules as a visitor meets them: phone, e-mail, consent, household, text limits.
#include "common/lead/lead_json.h"
#include "common/protocol/sync_protocol.h"
#include "common/lead/lead_validation.h"
#include "tests/test_support.h"
#include "ui/text/ui_text.h"
#include "common/base/utf8.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::valid_draft;

namespace {

std::vector<std::string> problem_fields(const LeadDraft& draft, ValidationRules rules = {}) {
    std::vector<std::string> fields;
    for (const auto& problem : validate_lead(draft, rules)) fields.push_back(problem.field);
    return fields;
}

bool has(const std::vector<std::string>& fields, const std::string& field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

TEST_CASE("a complete lead passes") { CHECK(validate_lead(valid_draft(), {}).empty()); }

TEST_CASE("phone numbers: Norwegian 8 digits or + and a country code") {
    CHECK(is_valid_phone("91234567"));
    CHECK(is_valid_phone("912 34 567"));
    CHECK(is_valid_phone("+47 912 34 567"));
    CHECK(is_valid_phone("+31612345678"));
    CHECK_FALSE(is_valid_phone("9123456"));     // 7 digits
    CHECK_FALSE(is_valid_phone("912345678"));   // 9 digits without +
    CHECK_FALSE(is_valid_phone("+12345"));      // too short for any country
    CHECK_FALSE(is_valid_phone("9123-4567"));
    CHECK_FALSE(is_valid_phone("47+91234567"));
    CHECK_FALSE(is_valid_phone("abcdefgh"));
}

TEST_CASE("e-mail addresses") {
    CHECK(is_valid_email("kari@example.no"));
    CHECK(is_valid_email("ola.nordmann+flytt@fjell.example.com"));
    CHECK(is_valid_email("søren@eksempel.no"));
    CHECK_FALSE(is_valid_email("kari"));
    CHECK_FALSE(is_valid_email("@example.no"));
    CHECK_FALSE(is_valid_email("kari@example"));
    CHECK_FALSE(is_valid_email("kari@@example.no"));
    CHECK_FALSE(is_valid_email("kari @example.no"));
    CHECK_FALSE(is_valid_email("kari@.no"));
    CHECK_FALSE(is_valid_email("kari@example..no"));
}

TEST_CASE("a lead needs a name, a way to reach them and an active consent") {
    LeadDraft draft = valid_draft();
    draft.contact.name = "   ";
    CHECK(has(problem_fields(draft), "contact.name"));

    draft = valid_draft();
    draft.contact.phone.clear();
    draft.contact.email.clear();
    CHECK(has(problem_fields(draft), "contact"));

    draft = valid_draft();
    draft.contact.phone.clear();  // e-mail alone is enough
    CHECK(problem_fields(draft).empty());

    draft = valid_draft();
    draft.consent.given = false;
    const auto problems = validate_lead(draft, {});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "consent");
    CHECK(ui_text(Language::en, problems[0].message_key) == "Please tick the box so we may contact you.");
}

TEST_CASE("household: adults 1 to 10, birth years of children up to 25 and expected ones") {
    ValidationRules rules;
    rules.current_year = 2026;
    LeadDraft draft = valid_draft();
    draft.household.adults = 0;
    CHECK(has(problem_fields(draft, rules), "household.adults"));
    draft.household.adults = 11;
    CHECK(has(problem_fields(draft, rules), "household.adults"));
    draft = valid_draft();
    draft.household.children_birth_years = {2027, 2001, 2000, 2028};
    const auto fields = problem_fields(draft, rules);
    CHECK_FALSE(has(fields, "household.children[0]"));
    CHECK_FALSE(has(fields, "household.children[1]"));
    CHECK(has(fields, "household.children[2]"));
    CHECK(has(fields, "household.children[3]"));
}

TEST_CASE("municipalities must be in the content - topics must be known") {
    ValidationRules rules;
    rules.municipality_ids = {"tynset", "roros"};
    LeadDraft draft = valid_draft();
    draft.municipalities = {"roros", "atlantis"};
    draft.topics = {"work", "yachting"};
    const auto fields = problem_fields(draft, rules);
    CHECK(has(fields, "municipalities[1]"));
    CHECK(has(fields, "topics[1]"));
    CHECK_FALSE(has(fields, "municipalities[0]"));
}

TEST_CASE("text: any valid UTF-8 within its limit - invalid UTF-8 refused") {
    LeadDraft draft = valid_draft();
    draft.contact.name = "Zoë Ødegård 👋 مرحبا e\xCC\x81";  // Dutch, Norwegian, emoji, RTL, combining mark
    CHECK(problem_fields(draft).empty());

    draft.contact.name = std::string(max_name_length, 'a');
    CHECK(problem_fields(draft).empty());
    draft.contact.name += "ø";
    CHECK(has(problem_fields(draft), "contact.name"));

    for (const char* bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
        draft.contact.name = std::string("Kari ") + bad;
        CAPTURE(draft.contact.name);
        CHECK(has(problem_fields(draft), "contact.name"));
    }
}

TEST_CASE("UTF-8 helpers count and delete whole code points") {
    CHECK(utf8_length("Ålen") == 4);
    CHECK(utf8_length("👋") == 1);
    std::string text = "Røros👋";
    utf8_pop_back(text);
    CHECK(text == "Røros");
    utf8_pop_back(text);
    utf8_pop_back(text);
    utf8_pop_back(text);
    CHECK(text == "Rø");
    utf8_pop_back(text);
    CHECK(text == "R");
    CHECK(is_valid_utf8("Holtålen"));
    CHECK_FALSE(is_valid_utf8("Holt\xE5len"));  // Latin-1 å
}

TEST_CASE("every catalogue text exists in all three languages") {
    std::set<std::string_view> keys;
    for (const auto& entry : ui_text_entries()) {
        CAPTURE(entry.key);
        CHECK(keys.insert(entry.key).second);
        CHECK_FALSE(entry.nb.empty());
        CHECK_FALSE(entry.en.empty());
        CHECK_FALSE(entry.nl.empty());
        CHECK(is_valid_utf8(entry.nb));
    }
    // Every message key validation can produce has a text.
    for (const char* key : {"validation.name_missing", "validation.contact_missing", "validation.phone",
                            "validation.email", "validation.consent_missing", "validation.adults",
                            "validation.children", "validation.birth_year", "validation.unknown_municipality",
                            "validation.unknown_topic", "validation.invalid_text", "validation.too_long"}) {
        CHECK(keys.contains(key));
    }
}

TEST_CASE("campaign answers are checked: a known profile, a school start within seven years, a tipper's name for a tip") {
    ValidationRules rules;
    rules.current_year = 2026;
    LeadDraft draft;
    draft.contact = {"Kari", "91234567", ""};
    draft.consent = {true, "contact-v1"};
    CHECK(validate_lead(draft, rules).empty());
    auto fields = [&] {
        std::vector<std::string> names;
        for (const auto& problem : validate_lead(draft, rules)) names.push_back(problem.field);
        return names;
    };
    draft.answers.profile = "pirate";
    CHECK(fields() == std::vector<std::string>{"answers.profile"});
    draft.answers.profile = "family";
    draft.answers.school_start_year = 2025;
    CHECK(fields() == std::vector<std::string>{"answers.school_start_year"});
    draft.answers.school_start_year = 2033;
    CHECK(fields().empty());
    draft.answers.school_start_year = 2034;
    CHECK(fields() == std::vector<std::string>{"answers.school_start_year"});
    draft.answers.school_start_year = 0;  // not asked
    rules.lead_is_tip = true;
    CHECK(fields() == std::vector<std::string>{"answers.tipper_name"});
    draft.answers.tipper_name = "Ola";
    CHECK(fields().empty());
    draft.answers.business_idea = std::string(max_business_idea_length + 1, 'x');
    CHECK(fields() == std::vector<std::string>{"answers.business_idea"});
}

TEST_CASE("a number that is not a whole number that fits is refused with the field named, never converted") {
    // The register's batch fuzzer found this: 1e300 read as an int was undefined behaviour.
    for (const char* bad : {R"({"household": {"adults": 1e300}})", R"({"household": {"adults": 2.5}})",
                            R"({"answers": {"school_start_year": 99999999999}})", R"({"answers": {"school_start_year": -1e20}})"}) {
        CAPTURE(bad);
        const auto draft = lead_draft_from_json(bad);
        REQUIRE_FALSE(draft.ok());
        CHECK(draft.error().message.find("expected a whole number") != std::string::npos);
    }
    const auto good = lead_draft_from_json(R"({"answers": {"school_start_year": 2027, "profile": "family"}})");
    REQUIRE(good.ok());
    CHECK(good->answers.school_start_year == 2027);
}

TEST_CASE("each child's birth year is checked as a whole number: 1e300 in a list is refused, never converted") {
    for (const char* bad : {R"({"household": {"children_birth_years": [2019, 1e300]}})",
                            R"({"household": {"children_birth_years": [2.5]}})",
                            R"({"household": {"children_birth_years": [18446744073709551615]}})",
                            R"({"household": {"children_birth_years": ["2019"]}})",
                            R"({"household": {"children_birth_years": 2019}})"}) {
        CAPTURE(bad);
        const auto draft = lead_draft_from_json(bad);
        REQUIRE_FALSE(draft.ok());
        CHECK(draft.error().message.find("household.children_birth_years") != std::string::npos);
    }
    const auto good = lead_draft_from_json(R"({"household": {"children_birth_years": [2019, 2022]}})");
    REQUIRE(good.ok());
    CHECK(good->household.children_birth_years == std::vector<int>{2019, 2022});
}

TEST_CASE("a lead's wire form, in the clear and sealed, is the protocol's text byte for byte") {
    Lead lead;
    lead.id = "0b6f3c1e-9a4d-4c8e-8f2a-5d7e9b1c3a60";
    lead.created = {"2026-12-07T10:00:00Z", "boot-1", 123456789};
    lead.consent_given_at = "2026-12-07T10:00:01Z";
    lead.draft = valid_draft();
    lead.draft.free_text = "Vi ser etter jobb for to: \"sykepleier\" og snekker.\n";
    lead.draft.campaign_id = "youngstorget-2026";
    lead.draft.answers.profile = "family";
    // What kiosks have always sent (the register compares this text to tell a duplicate from
    // a conflict): a change in how lead_to_wire builds it must not change a byte.
    CHECK(protocol::canonical_lead(lead_to_wire(lead)) ==
          R"({"answers":{"business_idea":"","profile":"family","school_start_year":0,"tipper_name":""},"campaign_id":"youngstorget-2026","consent":{"given":true,"given_at":"2026-12-07T10:00:01Z","privacy_notice_version":"","text_version":"contact-v1"},"contact":{"email":"kari@example.no","name":"Kari Nordmann","phone":"912 34 567"},"created":{"boot_id":"boot-1","monotonic_ns":123456789,"wall_clock_utc":"2026-12-07T10:00:00Z"},"event_id":"oslo-plaza-2026","free_text":"Vi ser etter jobb for to: \"sykepleier\" og snekker.\n","household":{"adults":2,"children_birth_years":[2019,2022]},"id":"0b6f3c1e-9a4d-4c8e-8f2a-5d7e9b1c3a60","language":"nb","municipalities":["tynset","roros"],"staff_assisted":false,"topics":["work","childhood"]})");
    lead.sealed = {{1, 2, 3, 250}, {}, "ab12", "KN", 2};
    CHECK(protocol::canonical_lead(lead_to_wire(lead)) ==
          R"({"campaign_id":"youngstorget-2026","consent":{"given":true,"given_at":"2026-12-07T10:00:01Z","privacy_notice_version":"","text_version":"contact-v1"},"created":{"boot_id":"boot-1","monotonic_ns":123456789,"wall_clock_utc":"2026-12-07T10:00:00Z"},"event_id":"oslo-plaza-2026","household":{"adults":2,"children_count":2},"id":"0b6f3c1e-9a4d-4c8e-8f2a-5d7e9b1c3a60","initials":"KN","language":"nb","municipalities":["tynset","roros"],"sealed_personal":{"box":"AQID+g==","to":"ab12"},"staff_assisted":false,"topics":["work","childhood"]})");
}
