// The kiosk's sign-up flow: the steps the event's campaign asks for, what each step's taps
// and keys change, and the commit at the end. Part of the Kiosk state machine (kiosk.h).
#include "firmware/kiosk.h"

#include "common/lead/consent.h"
#include "common/base/utf8.h"
#include "firmware/choice_list.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace flytthit {

// The consent when no municipality was chosen: the region's hosts, not "those I chose".
// Belongs beside the other versions in common/lead/consent.h.
inline constexpr std::string_view region_consent_text_version = "contact-region-v1";

namespace {

// The manifest's step names and the screens they show.
constexpr std::pair<std::string_view, ScreenId> step_screens[] = {
    {"who", ScreenId::sign_up_who},
    {"household", ScreenId::sign_up_household},
    {"school_start", ScreenId::sign_up_school_start},
    {"business_idea", ScreenId::sign_up_business_idea},
    {"tipper", ScreenId::sign_up_tipper},
    {"interests", ScreenId::sign_up_interests},
    {"contact", ScreenId::sign_up_contact},
    {"consent", ScreenId::sign_up_consent},
};

std::optional<ScreenId> screen_for_step(std::string_view step) {
    for (const auto& [name, screen] : step_screens) {
        if (name == step) return screen;
    }
    return std::nullopt;
}

// Which step holds a validation problem's field ("contact.phone" -> contact).
ScreenId screen_for_field(const std::string& field) {
    const auto starts = [&](std::string_view prefix) { return field.rfind(prefix, 0) == 0; };
    if (starts("contact")) return ScreenId::sign_up_contact;
    if (starts("household")) return ScreenId::sign_up_household;
    if (starts("answers.profile")) return ScreenId::sign_up_who;
    if (starts("answers.school_start_year")) return ScreenId::sign_up_school_start;
    if (starts("answers.business_idea")) return ScreenId::sign_up_business_idea;
    if (starts("answers.tipper_name")) return ScreenId::sign_up_tipper;
    if (starts("municipalities") || starts("topics")) return ScreenId::sign_up_interests;
    return ScreenId::sign_up_consent;
}

// The step each typed field is on; a step's first field is where its keyboard starts.
constexpr std::pair<VisitorField, ScreenId> field_steps[] = {
    {VisitorField::name, ScreenId::sign_up_contact},
    {VisitorField::phone, ScreenId::sign_up_contact},
    {VisitorField::email, ScreenId::sign_up_contact},
    {VisitorField::business_idea, ScreenId::sign_up_business_idea},
    {VisitorField::tipper_name, ScreenId::sign_up_tipper},
};

std::optional<VisitorField> first_field(ScreenId step) {
    for (const auto& [field, on] : field_steps) {
        if (on == step) return field;
    }
    return std::nullopt;
}

bool field_on_step(VisitorField field, ScreenId step) {
    for (const auto& [candidate, on] : field_steps) {
        if (candidate == field) return on == step;
    }
    return false;
}

// The byte offset of the code point before (after) at in text; at itself at either end.
std::size_t previous_letter(const std::string& text, std::size_t at) {
    if (at == 0) return 0;
    --at;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}
std::size_t next_letter(const std::string& text, std::size_t at) {
    if (at >= text.size()) return text.size();
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
}

// Names and ideas begin with a capital, as on a phone; numbers and addresses do not.
bool starts_with_capital(VisitorField field) { return field != VisitorField::phone && field != VisitorField::email; }

}  // namespace

std::string_view step_name(ScreenId step) {
    for (const auto& [name, screen] : step_screens) {
        if (screen == step) return name;
    }
    return {};
}

std::vector<ScreenId> Kiosk::sign_up_steps() const {
    const Campaign* event_campaign = campaign();
    const std::vector<std::string> names = event_campaign ? event_campaign->steps : default_sign_up_steps();
    std::vector<ScreenId> steps;
    for (const auto& name : names) {
        if (auto screen = screen_for_step(name)) steps.push_back(*screen);
    }
    // The loader guarantees contact and consent; a hand-made pack in a test might not.
    if (std::find(steps.begin(), steps.end(), ScreenId::sign_up_contact) == steps.end()) steps.push_back(ScreenId::sign_up_contact);
    if (steps.back() != ScreenId::sign_up_consent) steps.push_back(ScreenId::sign_up_consent);
    return steps;
}

std::size_t Kiosk::step_index() const {
    const auto steps = sign_up_steps();
    return static_cast<std::size_t>(std::find(steps.begin(), steps.end(), screen_) - steps.begin());
}

void Kiosk::go_to_step(ScreenId step) {
    screen_ = step;
    draft_.privacy_notice_open = false;
    if (const auto field = first_field(step); field && !field_on_step(draft_.focused, step)) {
        draft_.focused = *field;
        draft_.shift = starts_with_capital(*field) && field_text(*field).empty();
        draft_.cursor = field_text(*field).size();
    }
}

std::size_t Kiosk::cursor() const { return std::min(draft_.cursor, field_text(draft_.focused).size()); }

std::string& Kiosk::field_text(VisitorField field) {
    switch (field) {
        case VisitorField::phone: return draft_.lead.contact.phone;
        case VisitorField::email: return draft_.lead.contact.email;
        case VisitorField::business_idea: return draft_.lead.answers.business_idea;
        case VisitorField::tipper_name: return draft_.lead.answers.tipper_name;
        case VisitorField::name: break;
    }
    return draft_.lead.contact.name;
}

const std::string& Kiosk::field_text(VisitorField field) const {
    return const_cast<Kiosk*>(this)->field_text(field);
}

std::size_t Kiosk::field_limit(VisitorField field) {
    switch (field) {
        case VisitorField::phone: return max_phone_length;
        case VisitorField::email: return max_email_length;
        case VisitorField::business_idea: return max_business_idea_length;
        case VisitorField::tipper_name:
        case VisitorField::name: break;
    }
    return max_name_length;
}

ValidationRules Kiosk::validation_rules() const {
    ValidationRules rules;
    rules.current_year = current_year();
    for (const auto& municipality : content_.municipalities) rules.municipality_ids.insert(municipality.id);
    rules.lead_is_tip = lead_is_tip();
    return rules;
}

int Kiosk::suggested_school_start() const { return current_year() + 1; }

std::string_view Kiosk::consent_text_key() const {
    if (lead_is_tip()) return "sign_up.consent_tip";
    return draft_.lead.municipalities.empty() ? "sign_up.consent_region" : "sign_up.consent";
}

std::string_view Kiosk::consent_version() const {
    if (lead_is_tip()) return tip_consent_text_version;
    return draft_.lead.municipalities.empty() ? region_consent_text_version : consent_text_version;
}

LeadDraft Kiosk::lead_to_store() const {
    LeadDraft lead = normalised(draft_.lead);
    lead.event_id = staff_.current_event().id;
    lead.campaign_id = staff_.current_event().campaign_id;
    lead.language = language_;
    lead.consent.text_version = draft_.lead.consent.given ? std::string(consent_version()) : "";
    lead.privacy_notice_version = draft_.lead.consent.given ? content_.privacy.version : "";
    return lead;
}

ScreenId Kiosk::step_for_problem(const std::string& field) const {
    const ScreenId step = screen_for_field(field);
    const auto steps = sign_up_steps();
    return std::find(steps.begin(), steps.end(), step) != steps.end() ? step : screen_;
}

void Kiosk::submit() {
    const ValidationRules rules = validation_rules();
    const LeadDraft lead = lead_to_store();
    draft_.problems = validate_lead(lead, rules);
    draft_.store_failed = false;
    if (!draft_.problems.empty()) {
        // Take the visitor to the earliest step that can mend a problem, where it is marked.
        const auto steps = sign_up_steps();
        ScreenId earliest = screen_;
        for (const auto& problem : draft_.problems) {
            const ScreenId step = step_for_problem(problem.field);
            if (std::find(steps.begin(), steps.end(), step) < std::find(steps.begin(), steps.end(), earliest)) earliest = step;
        }
        go_to_step(earliest);
        return;
    }

    auto stored = store_.add(lead, rules);
    if (!stored) {
        // The visitor keeps what they typed and is asked to talk to the staff; nothing is
        // claimed as registered.
        draft_.store_failed = true;
        last_store_error_ = stored.error().message;
        std::cerr << "flytthit-kiosk: sign-up not stored: " << last_store_error_ << "\n";
        return;
    }
    confirmed_lead_id_ = stored->id;
    draft_.lead = LeadDraft{};  // stored: the personal data leaves memory as well
    screen_ = ScreenId::thank_you;
}

void Kiosk::forget_mended_problems() {
    if (draft_.problems.empty()) return;
    const auto still = validate_lead(lead_to_store(), validation_rules());
    std::erase_if(draft_.problems, [&](const ValidationProblem& shown) {
        return std::none_of(still.begin(), still.end(), [&](const ValidationProblem& now) {
            return now.field == shown.field && now.message_key == shown.message_key;
        });
    });
}

void Kiosk::handle(const intent::Next&) {
    const auto steps = sign_up_steps();
    const std::size_t at = step_index();
    if (at + 1 >= steps.size()) return;  // consent's forward action is Submit
    // Each step's fields are checked as the visitor leaves it, where they can still mend them
    // (the tipper's name, phone and e-mail), not at Send some steps later.
    draft_.problems.clear();
    for (auto& problem : validate_lead(lead_to_store(), validation_rules())) {
        if (screen_for_field(problem.field) == screen_) draft_.problems.push_back(std::move(problem));
    }
    if (!draft_.problems.empty()) return;
    go_to_step(steps[at + 1]);
}
void Kiosk::handle(const intent::ChooseProfile& i) {
    if (screen_ != ScreenId::sign_up_who) return;
    if (std::find(std::begin(profile_ids), std::end(profile_ids), i.id) == std::end(profile_ids)) return;
    auto& profile = draft_.lead.answers.profile;
    profile = profile == i.id ? "" : i.id;  // a second tap takes the choice back
}
void Kiosk::handle(const intent::ChangeSchoolStart& i) {
    if (screen_ != ScreenId::sign_up_school_start) return;
    const int this_year = current_year();
    auto& year = draft_.lead.answers.school_start_year;
    // The first tap (the year itself, − or +) is what confirms an answer; the suggestion
    // shown before it is not stored.
    const int from = year == 0 ? suggested_school_start() : year;
    year = std::clamp(from + i.delta, this_year, this_year + max_school_start_years_ahead);
}
void Kiosk::handle(const intent::ChangeAdults& i) {
    auto& adults = draft_.lead.household.adults;
    adults = std::clamp(adults + i.delta, 1, max_adults);
}
void Kiosk::handle(const intent::AddChild&) {
    auto& years = draft_.lead.household.children_birth_years;
    // A new child starts at school-start age, the most common case at the stand.
    if (years.size() < static_cast<std::size_t>(max_children)) years.push_back(current_year() - 6);
}
void Kiosk::handle(const intent::RemoveChild& i) {
    auto& years = draft_.lead.household.children_birth_years;
    if (i.index >= 0 && static_cast<std::size_t>(i.index) < years.size()) years.erase(years.begin() + i.index);
}
void Kiosk::handle(const intent::ChangeChildYear& i) {
    auto& years = draft_.lead.household.children_birth_years;
    if (i.index < 0 || static_cast<std::size_t>(i.index) >= years.size()) return;
    const int year = current_year();
    years[static_cast<std::size_t>(i.index)] = std::clamp(years[static_cast<std::size_t>(i.index)] + i.delta, year - 25, year + 1);
}
void Kiosk::handle(const intent::ToggleTopic& i) {
    if (std::find(std::begin(topic_ids), std::end(topic_ids), i.id) != std::end(topic_ids)) {
        toggle(draft_.lead.topics, i.id);
    }
}
void Kiosk::handle(const intent::FocusField& i) {
    if (!field_on_step(i.field, screen_)) return;
    draft_.focused = i.field;
    draft_.shift = starts_with_capital(i.field) && field_text(i.field).empty();
    draft_.cursor = field_text(i.field).size();  // typing goes on at the end, as on a phone
}
void Kiosk::handle(const intent::TypeText& i) {
    if (!field_on_step(draft_.focused, screen_) || !is_valid_utf8(i.utf8)) return;
    std::string& text = field_text(draft_.focused);
    const std::size_t at = cursor();
    if (utf8_length(text) + utf8_length(i.utf8) <= field_limit(draft_.focused)) {
        text.insert(at, i.utf8);
        draft_.cursor = at + i.utf8.size();
    }
    // Shift is one-shot, as on a phone; after a space in a name it comes back for the next word.
    const bool name = draft_.focused == VisitorField::name || draft_.focused == VisitorField::tipper_name;
    draft_.shift = name && i.utf8 == " ";
}
void Kiosk::handle(const intent::ToggleShift&) { draft_.shift = !draft_.shift; }
void Kiosk::handle(const intent::Backspace&) {
    if (!field_on_step(draft_.focused, screen_)) return;
    std::string& text = field_text(draft_.focused);
    const std::size_t at = cursor();
    const std::size_t from = previous_letter(text, at);
    text.erase(from, at - from);
    draft_.cursor = from;
}
void Kiosk::handle(const intent::MoveCursor& i) {
    if (!field_on_step(draft_.focused, screen_) || i.delta == 0) return;
    const std::string& text = field_text(draft_.focused);
    // Letter by letter, so Home and End (a delta past either end) stop there, never mid-letter.
    std::size_t at = cursor();
    for (int step = 0; step < std::abs(i.delta); ++step) {
        const std::size_t next = i.delta < 0 ? previous_letter(text, at) : next_letter(text, at);
        if (next == at) break;
        at = next;
    }
    draft_.cursor = at;
}
void Kiosk::handle(const intent::DeleteForward&) {
    if (!field_on_step(draft_.focused, screen_)) return;
    std::string& text = field_text(draft_.focused);
    const std::size_t at = cursor();
    text.erase(at, next_letter(text, at) - at);
}
// Consent is given by a tap on the consent box, which the visitor sees only with the notice closed.
void Kiosk::handle(const intent::ToggleConsent&) {
    if (screen_ == ScreenId::sign_up_consent && !draft_.privacy_notice_open) draft_.lead.consent.given = !draft_.lead.consent.given;
}
void Kiosk::handle(const intent::OpenPrivacyNotice&) {
    if (screen_ == ScreenId::sign_up_consent && content_.privacy.present()) draft_.privacy_notice_open = true;
}
void Kiosk::handle(const intent::ClosePrivacyNotice&) { draft_.privacy_notice_open = false; }
void Kiosk::handle(const intent::Submit&) {
    if (screen_ == ScreenId::sign_up_consent && !draft_.privacy_notice_open) submit();
}

}  // namespace flytthit
