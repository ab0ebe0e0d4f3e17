// Lead validation rules; see lead_validation.h.
#include "common/lead/lead_validation.h"

#include "common/base/utf8.h"

#include <algorithm>

namespace flytthit {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void check_text(std::vector<ValidationProblem>& problems, const std::string& field, const std::string& text,
                std::size_t limit) {
    if (!is_valid_utf8(text)) {
        problems.push_back({field, "validation.invalid_text"});
    } else if (utf8_length(text) > limit) {
        problems.push_back({field, "validation.too_long"});
    }
}

}  // namespace

bool is_valid_phone(std::string_view phone) {
    std::string digits;
    bool international = false;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c == '+' && i == 0) international = true;
        else if (is_digit(c)) digits += c;
        else if (c != ' ') return false;
    }
    if (international) return digits.size() >= 7 && digits.size() <= 15;
    return digits.size() == 8;
}

bool is_valid_email(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
    if (email.find_first_of(" \t\r\n,;<>\"") != std::string_view::npos) return false;
    const auto domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() && domain.front() != '.' &&
           domain.find("..") == std::string_view::npos;
}

LeadDraft normalised(LeadDraft draft) {
    draft.contact.name = trim(draft.contact.name);
    draft.contact.email = trim(draft.contact.email);
    std::string phone;
    for (char c : draft.contact.phone) {
        if (c != ' ') phone += c;
    }
    draft.contact.phone = phone;
    draft.free_text = trim(draft.free_text);
    draft.answers.business_idea = trim(draft.answers.business_idea);
    draft.answers.tipper_name = trim(draft.answers.tipper_name);
    return draft;
}

std::vector<ValidationProblem> validate_lead(const LeadDraft& draft, const ValidationRules& rules) {
    std::vector<ValidationProblem> problems;
    const Contact& contact = draft.contact;

    check_text(problems, "contact.name", contact.name, max_name_length);
    if (trim(contact.name).empty()) problems.push_back({"contact.name", "validation.name_missing"});

    check_text(problems, "contact.phone", contact.phone, max_phone_length);
    check_text(problems, "contact.email", contact.email, max_email_length);
    if (contact.phone.empty() && contact.email.empty()) {
        problems.push_back({"contact", "validation.contact_missing"});
    }
    if (!contact.phone.empty() && !is_valid_phone(contact.phone)) {
        problems.push_back({"contact.phone", "validation.phone"});
    }
    if (!contact.email.empty() && !is_valid_email(contact.email)) {
        problems.push_back({"contact.email", "validation.email"});
    }

    if (!draft.consent.given) problems.push_back({"consent", "validation.consent_missing"});
    if (draft.consent.given && draft.consent.text_version.empty()) {
        problems.push_back({"consent.text_version", "validation.consent_missing"});
    }

    const Household& household = draft.household;
    if (household.adults < 1 || household.adults > max_adults) {
        problems.push_back({"household.adults", "validation.adults"});
    }
    if (household.children_birth_years.size() > static_cast<std::size_t>(max_children)) {
        problems.push_back({"household.children", "validation.children"});
    }
    for (std::size_t i = 0; i < household.children_birth_years.size(); ++i) {
        const int year = household.children_birth_years[i];
        // Children up to 25 and expected ones next year: anything else is a slip of the finger.
        if (year < rules.current_year - 25 || year > rules.current_year + 1) {
            problems.push_back({"household.children[" + std::to_string(i) + "]", "validation.birth_year"});
        }
    }

    for (std::size_t i = 0; i < draft.municipalities.size(); ++i) {
        const std::string& id = draft.municipalities[i];
        if (!rules.municipality_ids.empty() && !rules.municipality_ids.contains(id)) {
            problems.push_back({"municipalities[" + std::to_string(i) + "]", "validation.unknown_municipality"});
        }
    }
    for (std::size_t i = 0; i < draft.topics.size(); ++i) {
        const auto& topic = draft.topics[i];
        if (std::find(std::begin(topic_ids), std::end(topic_ids), topic) == std::end(topic_ids)) {
            problems.push_back({"topics[" + std::to_string(i) + "]", "validation.unknown_topic"});
        }
    }

    check_text(problems, "free_text", draft.free_text, max_free_text_length);

    const SignUpAnswers& answers = draft.answers;
    if (!answers.profile.empty() &&
        std::find(std::begin(profile_ids), std::end(profile_ids), answers.profile) == std::end(profile_ids)) {
        problems.push_back({"answers.profile", "validation.unknown_profile"});
    }
    if (answers.school_start_year != 0 && (answers.school_start_year < rules.current_year ||
                                           answers.school_start_year > rules.current_year + max_school_start_years_ahead)) {
        problems.push_back({"answers.school_start_year", "validation.school_start_year"});
    }
    check_text(problems, "answers.business_idea", answers.business_idea, max_business_idea_length);
    check_text(problems, "answers.tipper_name", answers.tipper_name, max_name_length);
    if (rules.lead_is_tip && trim(answers.tipper_name).empty()) {
        problems.push_back({"answers.tipper_name", "validation.tipper_missing"});
    }

    check_text(problems, "event_id", draft.event_id, 100);
    check_text(problems, "campaign_id", draft.campaign_id, 100);
    return problems;
}

}  // namespace flytthit
