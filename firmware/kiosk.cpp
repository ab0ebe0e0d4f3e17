// The kiosk's state machine; see kiosk.h.
#include "firmware/kiosk.h"

#include "common/lead/consent.h"
#include "common/base/utf8.h"
#include "firmware/choice_list.h"

#include <algorithm>
#include <iostream>

namespace flytthit {

namespace {

}  // namespace

Kiosk::Kiosk(LeadStore& store, const ContentPack& content, KioskSettings settings, MonotonicClock::time_point now)
    : store_(store), checkpoints_(store.database_path().parent_path(), now), content_(content), settings_(std::move(settings)),
      language_(settings_.default_language),
      last_interaction_(now), staff_(store, settings_.data_dir, now, settings_.usb_roots) {
    if (settings_.first_start_setup) {
        switch (staff_.pin_state()) {
            case PinState::not_set: setup_step_ = SetupStep::pin; break;
            case PinState::set:
                // A first start cut off after the PIN: the PIN first, then the event.
                if (!staff_.event_chosen()) setup_step_ = SetupStep::event;
                break;
            // The PIN may be set; nobody may choose one. Visitors are served and the PIN pad
            // says it cannot read the PIN (StaffMode::open_entry): staff mode stays closed.
            case PinState::unreadable: break;
        }
    }
    if (auto qr = make_qr_code(content_.web_url); qr) region_qr_ = std::move(*qr);
    if (!content_.privacy.withdraw_url.empty()) {
        if (auto qr = make_qr_code(content_.privacy.withdraw_url); qr) privacy_qr_ = std::move(*qr);
    }
    reset_to_attract();
}

void Kiosk::reset_to_attract() {
    staff_.close();
    idle_countdown_.reset();
    screen_ = ScreenId::attract;
    language_ = settings_.default_language;
    draft_ = SignUpDraft{};  // every partial input goes, names and numbers included
    open_municipality_.clear();
    chosen_home_.clear();
    large_text_ = false;
    confirmed_lead_id_.reset();
    if (setup_step_ != SetupStep::none) {
        // Setup is never left for attract: a pad left alone, or staff mode locking itself,
        // starts again from the PIN pad (the chosen PIN asked for, once there is one).
        staff_.open_entry();
        screen_ = ScreenId::pin_entry;
    }
}

void Kiosk::apply(const Intent& intent, MonotonicClock::time_point now) {
    last_interaction_ = now;
    idle_countdown_.reset();  // any touch answers "are you still there?"
    const ScreenId before = screen_;
    const bool typing = std::holds_alternative<intent::TypeText>(intent) || std::holds_alternative<intent::Backspace>(intent) ||
                        std::holds_alternative<intent::MoveCursor>(intent) || std::holds_alternative<intent::DeleteForward>(intent) ||
                        std::holds_alternative<intent::ToggleShift>(intent);
    if (is_staff_intent(intent) || (typing && is_staff_screen(screen_))) {
        handle_staff(intent, now);
        return;
    }
    if (is_staff_screen(screen_) || screen_ == ScreenId::pin_entry) return;  // visitor taps do nothing here
    std::visit([this](const auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (!is_staff_intent_v<T>) {
            static_assert(requires { this->handle(i); }, "every visitor intent needs a Kiosk::handle overload");
            this->handle(i);
        }
    }, intent);
    forget_mended_problems();
    if (screen_ == ScreenId::thank_you && before != ScreenId::thank_you) thank_you_shown_at_ = now;
}

void Kiosk::tick(MonotonicClock::time_point now) {
    // The next sign-up's sealing key pair, made between sign-ups, not on the commit that
    // confirms one. A failure here is not lost: add() prepares its own and says what failed.
    (void)store_.prepare_next_seal();
    // With the store's checkpoints deferred (the kiosk's main does that), the WAL's
    // preallocation and each checkpoint run on a worker, never inside a sign-up's commit. A
    // failed one only leaves a longer WAL (tried again later); said in the log.
    if (auto checkpoint = checkpoints_.poll(store_, now); !checkpoint) {
        std::cerr << "flytthit-kiosk: " << checkpoint.error().message << "\n";
    }
    // A staff worker's result may move the PIN pad on (the PIN was right); only from the pad.
    if (const auto next = staff_.poll(now); next && screen_ == ScreenId::pin_entry) {
        if (setup_step_ == SetupStep::pin) setup_step_ = SetupStep::event;
        screen_ = setup_step_ == SetupStep::none ? *next : setup_screen(now);
    }
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

bool Kiosk::exploring() const {
    return screen_ == ScreenId::jewel_box || screen_ == ScreenId::municipality || screen_ == ScreenId::work_for_two ||
           screen_ == ScreenId::region || screen_ == ScreenId::map;
}

const Campaign* Kiosk::campaign() const { return content_.find_campaign(staff_.current_event().campaign_id); }
bool Kiosk::lead_is_tip() const {
    const Campaign* event_campaign = campaign();
    return event_campaign != nullptr && event_campaign->lead_is_tip;
}

void Kiosk::handle(const intent::Start&) {
    if (screen_ == ScreenId::attract) screen_ = ScreenId::jewel_box;
}
void Kiosk::handle(const intent::ChooseLanguage& i) { language_ = i.language; }
void Kiosk::handle(const intent::ToggleMunicipality& i) {
    if (content_.find_municipality(i.id) != nullptr) toggle(draft_.lead.municipalities, i.id);
}
void Kiosk::handle(const intent::OpenMunicipality& i) {
    if (!exploring() || content_.find_municipality(i.id) == nullptr) return;
    open_municipality_ = i.id;
    open_section_ = std::string(municipality_sections[0]);
    screen_ = ScreenId::municipality;
}
void Kiosk::handle(const intent::OpenSection& i) {
    const bool known = std::find(std::begin(municipality_sections), std::end(municipality_sections), i.section) !=
                       std::end(municipality_sections);
    if (screen_ == ScreenId::municipality && known) open_section_ = i.section;
}
void Kiosk::handle(const intent::OpenWorkForTwo&) {
    if (!exploring() || content_.commuting.empty()) return;
    // Start from the place the visitor looked at last, else the first with figures.
    if (chosen_home_.empty()) {
        const bool has_row = !content_.commuting.from(open_municipality_).empty();
        chosen_home_ = has_row ? open_municipality_ : content_.commuting.flows.front().lives_in;
    }
    screen_ = ScreenId::work_for_two;
}
void Kiosk::handle(const intent::ChooseHome& i) {
    if (screen_ == ScreenId::work_for_two && content_.find_municipality(i.id) != nullptr) chosen_home_ = i.id;
}
void Kiosk::handle(const intent::OpenRegion&) {
    if (exploring()) screen_ = ScreenId::region;
}
void Kiosk::handle(const intent::OpenMap&) {
    if (!map_available() || (!exploring() && screen_ != ScreenId::attract) || screen_ == ScreenId::map) return;
    map_return_ = screen_;
    screen_ = ScreenId::map;
}
void Kiosk::handle(const intent::OpenSignUp&) {
    if (!exploring()) return;
    // "Register interest" on a municipality's page means interest in that municipality.
    if (screen_ == ScreenId::municipality && !contains(draft_.lead.municipalities, open_municipality_)) {
        draft_.lead.municipalities.push_back(open_municipality_);
    }
    go_to_step(sign_up_steps().front());
}
void Kiosk::handle(const intent::Back&) {
    switch (screen_) {
        case ScreenId::jewel_box: reset_to_attract(); return;
        case ScreenId::municipality:
        case ScreenId::work_for_two:
        case ScreenId::region: screen_ = ScreenId::jewel_box; return;
        case ScreenId::map:
            if (map_return_ == ScreenId::attract) reset_to_attract();
            else screen_ = map_return_;
            return;
        default: break;
    }
    if (!is_sign_up_step(screen_)) return;
    const auto steps = sign_up_steps();
    const std::size_t at = step_index();
    if (at == 0 || at >= steps.size()) screen_ = ScreenId::jewel_box;  // what was entered stays
    else go_to_step(steps[at - 1]);
}
void Kiosk::handle(const intent::Finish&) {
    if (screen_ == ScreenId::thank_you) reset_to_attract();
}

// The only way in is the hidden gesture, and only from the visitors' first two screens.
void Kiosk::handle_staff_intent(const intent::OpenStaffEntry&) {
    if (screen_ == ScreenId::attract || screen_ == ScreenId::jewel_box) {
        // With first-start setup on, a PIN gone missing means setup again, for staff: never a
        // "choose a PIN" pad that a visitor holding the corner could answer and then leave.
        if (settings_.first_start_setup && staff_.pin_state() == PinState::not_set) setup_step_ = SetupStep::pin;
        reset_to_attract();
        staff_.open_entry();
        screen_ = ScreenId::pin_entry;
    }
}
void Kiosk::handle_staff_intent(const intent::LeaveStaff&) {
    if (setup_step_ != SetupStep::none) return;  // setup has no way out but through its steps
    if (screen_ == ScreenId::pin_entry || is_staff_screen(screen_)) reset_to_attract();
}
void Kiosk::handle_staff_intent(const intent::ExitKiosk&) {
    // A tap on "Leave the kiosk" only asks; the confirm on the question exits.
    if (is_staff_screen(screen_) && setup_step_ == SetupStep::none && staff_.exit_asked()) exit_requested_ = true;
}
void Kiosk::handle_staff_intent(const intent::FinishSetup&) {
    if (setup_step_ != SetupStep::pairing || screen_ != ScreenId::staff_pairing) return;
    setup_step_ = SetupStep::none;
    reset_to_attract();
}
ScreenId Kiosk::setup_screen(MonotonicClock::time_point now) {
    switch (setup_step_) {
        case SetupStep::event: return staff_.apply(intent::StaffGo{ScreenId::staff_event}, screen_, now);
        case SetupStep::pairing: return staff_.apply(intent::StaffGo{ScreenId::staff_pairing}, screen_, now);
        case SetupStep::pin: case SetupStep::none: break;
    }
    return screen_;
}
ScreenId Kiosk::during_setup(const Intent& intent, ScreenId next, MonotonicClock::time_point now) {
    if (setup_step_ == SetupStep::event && std::holds_alternative<intent::SaveEvent>(intent) && next == ScreenId::staff_home) {
        setup_step_ = SetupStep::pairing;
        return setup_screen(now);
    }
    // Staff home and the other staff screens wait until setup is done: each step keeps its screen.
    const ScreenId step = setup_step_ == SetupStep::event ? ScreenId::staff_event : ScreenId::staff_pairing;
    return next == step ? next : screen_;
}
void Kiosk::handle_staff_intent(const intent::StartAssistedSignUp&) {
    if (!is_staff_screen(screen_) || setup_step_ != SetupStep::none) return;
    reset_to_attract();
    draft_.lead.staff_assisted = true;
    screen_ = ScreenId::jewel_box;
}

void Kiosk::handle_staff(const Intent& intent, MonotonicClock::time_point now) {
    std::visit([&](const auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (kiosk_handles_staff_intent_v<T>) {
            static_assert(requires { this->handle_staff_intent(i); }, "a handled_by_kiosk intent needs a Kiosk handler");
            handle_staff_intent(i);
        } else if constexpr (std::is_same_v<T, intent::PinDigit> || std::is_same_v<T, intent::PinBackspace> ||
                             std::is_same_v<T, intent::PinSubmit>) {
            if (screen_ == ScreenId::pin_entry) screen_ = staff_.apply(intent, screen_, now);
        } else {
            if (!is_staff_screen(screen_)) return;  // the rest needs the PIN first
            const ScreenId next = staff_.apply(intent, screen_, now);
            screen_ = setup_step_ == SetupStep::none ? next : during_setup(intent, next, now);
        }
    }, intent);
}

}  // namespace flytthit
