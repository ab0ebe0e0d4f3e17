// The kiosk's state machine; see kiosk.h.
#include "kiosk.h"

#include "ui_text.h"
#include "utf8.h"

#include <algorithm>
#include <iostream>

namespace flytthit {

namespace {

template <class T, class Variant>
struct index_of;
template <class T, class... Types>
struct index_of<T, std::variant<Types...>> {
    static constexpr std::size_t value = [] {
        constexpr bool matches[] = {std::is_same_v<T, Types>...};
        std::size_t index = 0;
        while (index < sizeof...(Types) && !matches[index]) ++index;
        return index;
    }();
};

// Staff intents come after the visitor's in the Intent variant, from OpenStaffEntry on.
bool is_staff_intent(const Intent& intent) { return intent.index() >= index_of<intent::OpenStaffEntry, Intent>::value; }

template <class T>
void toggle(std::vector<T>& values, const T& value) {
    const auto found = std::find(values.begin(), values.end(), value);
    if (found == values.end()) values.push_back(value);
    else values.erase(found);
}

}  // namespace

Kiosk::Kiosk(LeadStore& store, const ContentPack& content, KioskSettings settings, MonotonicClock::time_point now)
    : store_(store), content_(content), settings_(std::move(settings)), language_(settings_.default_language),
      last_interaction_(now), staff_(store, settings_.data_dir, now) {
    if (auto qr = make_qr_code(content_.web_url); qr) region_qr_ = std::move(*qr);
    reset_to_attract();
}

void Kiosk::reset_to_attract() {
    staff_.close();
    idle_countdown_.reset();
    screen_ = ScreenId::attract;
    language_ = settings_.default_language;
    draft_ = SignUpDraft{};  // every partial input goes, names and numbers included
    confirmed_lead_id_.reset();
}

void Kiosk::apply(const Intent& intent, MonotonicClock::time_point now) {
    last_interaction_ = now;
    idle_countdown_.reset();  // any touch answers "are you still there?"
    const ScreenId before = screen_;
    const bool typing = std::holds_alternative<intent::TypeText>(intent) || std::holds_alternative<intent::Backspace>(intent) ||
                        std::holds_alternative<intent::ToggleShift>(intent);
    if (is_staff_intent(intent) || (typing && is_staff_screen(screen_))) {
        handle_staff(intent, now);
        return;
    }
    if (is_staff_screen(screen_) || screen_ == ScreenId::pin_entry) return;  // visitor taps do nothing here
    std::visit([this](const auto& i) {
        if constexpr (requires { this->handle(i); }) this->handle(i);
    }, intent);
    if (screen_ == ScreenId::thank_you && before != ScreenId::thank_you) thank_you_shown_at_ = now;
}

void Kiosk::tick(MonotonicClock::time_point now) {
    staff_.poll();
    if (screen_ == ScreenId::attract) return;
    if (is_staff_screen(screen_)) {
        if (now - last_interaction_ >= settings_.staff_idle_timeout) reset_to_attract();
        return;
    }
    if (screen_ == ScreenId::thank_you && now - thank_you_shown_at_ >= settings_.thank_you_timeout) {
        reset_to_attract();
        return;
    }
    const auto idle = now - last_interaction_;
    if (idle >= settings_.idle_timeout) {
        reset_to_attract();
        return;
    }
    const auto left = settings_.idle_timeout - idle;
    if (screen_ != ScreenId::thank_you && left <= settings_.idle_warning) {
        idle_countdown_ = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
    }
}

bool Kiosk::has_problem(const std::string& field) const {
    return std::any_of(draft_.problems.begin(), draft_.problems.end(),
                       [&](const ValidationProblem& p) { return p.field.rfind(field, 0) == 0; });
}

std::string& Kiosk::field_text(ContactField field) {
    switch (field) {
        case ContactField::phone: return draft_.lead.contact.phone;
        case ContactField::email: return draft_.lead.contact.email;
        case ContactField::name: break;
    }
    return draft_.lead.contact.name;
}

const std::string& Kiosk::field_text(ContactField field) const {
    return const_cast<Kiosk*>(this)->field_text(field);
}

std::size_t Kiosk::field_limit(ContactField field) {
    switch (field) {
        case ContactField::phone: return max_phone_length;
        case ContactField::email: return max_email_length;
        case ContactField::name: break;
    }
    return max_name_length;
}

void Kiosk::submit() {
    ValidationRules rules;
    rules.current_year = current_year();
    for (const auto& municipality : content_.municipalities) rules.municipality_ids.insert(municipality.id);

    LeadDraft lead = normalised(draft_.lead);
    lead.event_id = staff_.current_event().id;
    lead.campaign_id = staff_.current_event().campaign_id;
    lead.language = language_;
    lead.consent.text_version = draft_.lead.consent.given ? std::string(consent_text_version) : "";
    draft_.problems = validate_lead(lead, rules);
    draft_.store_failed = false;
    if (!draft_.problems.empty()) return;

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

void Kiosk::handle(const intent::Start&) {
    if (screen_ == ScreenId::attract) screen_ = ScreenId::jewel_box;
}
void Kiosk::handle(const intent::ChooseLanguage& i) { language_ = i.language; }
void Kiosk::handle(const intent::ToggleMunicipality& i) {
    if (content_.find_municipality(i.id) != nullptr) toggle(draft_.lead.municipalities, i.id);
}
void Kiosk::handle(const intent::OpenSignUp&) {
    if (screen_ == ScreenId::jewel_box) screen_ = ScreenId::sign_up_household;
}
void Kiosk::handle(const intent::Back&) {
    switch (screen_) {
        case ScreenId::jewel_box: reset_to_attract(); break;
        case ScreenId::sign_up_household: screen_ = ScreenId::jewel_box; break;
        case ScreenId::sign_up_contact: screen_ = ScreenId::sign_up_household; break;
        default: break;
    }
}
void Kiosk::handle(const intent::Next&) {
    if (screen_ == ScreenId::sign_up_household) screen_ = ScreenId::sign_up_contact;
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
    draft_.focused = i.field;
    draft_.shift = i.field == ContactField::name && draft_.lead.contact.name.empty();
}
void Kiosk::handle(const intent::TypeText& i) {
    if (screen_ != ScreenId::sign_up_contact || !is_valid_utf8(i.utf8)) return;
    std::string& text = field_text(draft_.focused);
    if (utf8_length(text) + utf8_length(i.utf8) <= field_limit(draft_.focused)) text += i.utf8;
    // Shift is one-shot, as on a phone; after a space in a name it comes back for the next word.
    draft_.shift = draft_.focused == ContactField::name && i.utf8 == " ";
}
void Kiosk::handle(const intent::ToggleShift&) { draft_.shift = !draft_.shift; }
void Kiosk::handle(const intent::Backspace&) {
    if (screen_ == ScreenId::sign_up_contact) utf8_pop_back(field_text(draft_.focused));
}
void Kiosk::handle(const intent::ToggleConsent&) { draft_.lead.consent.given = !draft_.lead.consent.given; }
void Kiosk::handle(const intent::Submit&) {
    if (screen_ == ScreenId::sign_up_contact) submit();
}
void Kiosk::handle(const intent::Finish&) {
    if (screen_ == ScreenId::thank_you) reset_to_attract();
}

void Kiosk::handle_staff(const Intent& intent, MonotonicClock::time_point now) {
    // The only way in is the hidden gesture, and only from the visitors' first two screens.
    if (std::holds_alternative<intent::OpenStaffEntry>(intent)) {
        if (screen_ == ScreenId::attract || screen_ == ScreenId::jewel_box) {
            reset_to_attract();
            staff_.open_entry();
            screen_ = ScreenId::pin_entry;
        }
        return;
    }
    const bool on_pin_pad = screen_ == ScreenId::pin_entry;
    const bool in_staff_mode = is_staff_screen(screen_);
    if (std::holds_alternative<intent::LeaveStaff>(intent)) {
        if (on_pin_pad || in_staff_mode) reset_to_attract();
        return;
    }
    const bool pin_intent = std::holds_alternative<intent::PinDigit>(intent) ||
                            std::holds_alternative<intent::PinBackspace>(intent) ||
                            std::holds_alternative<intent::PinSubmit>(intent);
    if (pin_intent) {
        if (on_pin_pad) screen_ = staff_.apply(intent, screen_, now);
        return;
    }
    if (!in_staff_mode) return;  // everything else needs the PIN first
    if (std::holds_alternative<intent::ExitKiosk>(intent)) {
        exit_requested_ = true;
        return;
    }
    if (std::holds_alternative<intent::StartAssistedSignUp>(intent)) {
        reset_to_attract();
        draft_.lead.staff_assisted = true;
        screen_ = ScreenId::jewel_box;
        return;
    }
    screen_ = staff_.apply(intent, screen_, now);
}

}  // namespace flytthit
