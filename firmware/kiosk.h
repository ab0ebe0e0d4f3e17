// The kiosk's state machine: which screen a visitor is on, what they have entered so far,
// and what happens on each intent and as time passes. It owns no window; its staff mode owns
// the worker threads for slow work (sync, export, PIN check, clock, health), whose results
// reach it only through tick(). The UI calls apply() with each intent and tick() every frame,
// passing the monotonic time, so tests drive it with a clock of their own.
#pragma once

#include "common/content/content_pack.h"
#include "common/base/device_clock.h"
#include "firmware/kiosk_intent.h"
#include "firmware/store/lead_store.h"
#include "firmware/store/wal_checkpoints.h"
#include "common/lead/lead_validation.h"
#include "firmware/qr_code.h"
#include "firmware/staff/staff_mode.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

struct KioskSettings {
    std::chrono::seconds idle_timeout{90};        // no touch this long: wipe and go to attract
    std::chrono::seconds thank_you_timeout{20};   // the thank-you screen stays this long at most
    std::chrono::seconds staff_idle_timeout{180}; // staff mode locks itself when left alone
    std::chrono::seconds idle_warning{15};        // "are you still there?" this long before the wipe
    Language default_language = Language::nb;
    std::filesystem::path data_dir;               // for staff mode's sync and export workers
    // A kiosk with no staff PIN serves no visitors: it opens the first-start setup (PIN
    // twice, the event, optionally pairing from a USB stick) and shows attract only after.
    // The kiosk program turns it on; tests that start from attract with an empty store leave it off.
    bool first_start_setup = false;
    std::vector<std::filesystem::path> usb_roots; // where staff mode looks for pairing files; empty: the USB sticks
};

// Where the first-start setup is (KioskSettings::first_start_setup).
enum class SetupStep {
    none,     // done, or never needed: visitors are served
    pin,      // choose the staff PIN, twice
    event,    // the event and its campaign (the staff event screen)
    pairing,  // optionally pair from a USB stick; FinishSetup opens the kiosk to visitors
};

// Everything a visitor has entered that is not yet stored. Lives in memory only and is
// replaced wholesale on every wipe.
struct SignUpDraft {
    LeadDraft lead;
    VisitorField focused = VisitorField::name;
    std::size_t cursor = 0;                   // where typing goes in the focused field: a byte offset, between letters
    bool shift = true;                        // the keyboard starts with a capital for the name
    std::vector<ValidationProblem> problems;  // from the last Next or Submit, minus those mended since
    bool store_failed = false;                // the last Submit could not be committed
    bool privacy_notice_open = false;         // the consent step shows the whole notice; consent waits until it is closed
};

// A sign-up step's manifest name ("contact"); empty for a screen that is not a step.
std::string_view step_name(ScreenId step);

class Kiosk {
public:
    Kiosk(LeadStore& store, const ContentPack& content, KioskSettings settings, MonotonicClock::time_point now);

    void apply(const Intent& intent, MonotonicClock::time_point now);
    // Runs the timers: the idle wipe and the thank-you timeout.
    void tick(MonotonicClock::time_point now);

    ScreenId screen() const { return screen_; }
    Language language() const { return language_; }
    const SignUpDraft& draft() const { return draft_; }
    const ContentPack& content() const { return content_; }
    // The municipality page's municipality and open section; the "work for two" page's home.
    const Municipality* open_municipality() const { return content_.find_municipality(open_municipality_); }
    const std::string& open_section() const { return open_section_; }
    // The map's highlighted municipality: the page it was opened from; empty otherwise.
    std::string_view map_highlight() const {
        return screen_ == ScreenId::map && map_return_ == ScreenId::municipality ? std::string_view(open_municipality_) : std::string_view();
    }
    // True when the pack has a map to show: the screens offer it, OpenMap opens it, only then.
    bool map_available() const { return !content_.map.empty(); }
    // True when this event's campaign takes tips (Savner du noen): the lead names someone else.
    bool lead_is_tip() const;
    const std::string& chosen_home() const { return chosen_home_; }
    // The visitor asked for larger text; wiped with everything else.
    bool large_text() const { return large_text_; }
    // The campaign of the event staff set up; nullptr when none.
    const Campaign* campaign() const;
    // The sign-up steps of this event's campaign, in order, and where the visitor is in them
    // (0-based; the step count when not on a step).
    std::vector<ScreenId> sign_up_steps() const;
    std::size_t step_index() const;
    const KioskSettings& settings() const { return settings_; }
    // The id of the lead the thank-you screen confirms; set only after its commit returned.
    const std::optional<std::string>& confirmed_lead_id() const { return confirmed_lead_id_; }
    // Seconds left before the idle wipe while the "are you still there?" question shows;
    // nullopt when it does not. Any touch answers it.
    std::optional<int> idle_countdown() const { return idle_countdown_; }
    // The region's web page as a QR code for the thank-you screen; empty size when none.
    const QrCode& region_qr() const { return region_qr_; }
    // The privacy notice's withdrawal link as a QR code for the consent step; empty when none.
    const QrCode& privacy_qr() const { return privacy_qr_; }
    // For staff and logs: why the last commit failed (never shown to the visitor).
    const std::string& last_store_error() const { return last_store_error_; }
    const StaffMode& staff() const { return staff_; }
    // The first-start step staff are on; SetupStep::none once visitors are served.
    SetupStep setup_step() const { return setup_step_; }
    // Set when staff chose to leave the kiosk for the operating system.
    bool exit_requested() const { return exit_requested_; }
    // The school start the step shows before the visitor chose one (next autumn). Only a tap on
    // the step's year, − or + stores an answer: Next alone leaves school_start_year at 0.
    int suggested_school_start() const;
    // The consent text's catalogue key and the version stored with the lead: the tip's, the
    // chosen municipalities', or the whole region's when none was chosen.
    std::string_view consent_text_key() const;
    std::string_view consent_version() const;
    // True when a problem in the last Submit concerns field (or a field below it).
    bool has_problem(const std::string& field) const;

    // Where the next letter goes in the focused field's text (a byte offset between letters);
    // Backspace deletes the letter before it. Focusing a field puts it at the end.
    std::size_t cursor() const;
    // The text of the field being typed into.
    std::string& field_text(VisitorField field);
    const std::string& field_text(VisitorField field) const;
    static std::size_t field_limit(VisitorField field);

private:
    void reset_to_attract();
    void submit();
    void go_to_step(ScreenId step);
    ValidationRules validation_rules() const;
    LeadDraft lead_to_store() const;
    // Drops the shown problems the visitor has mended since; adds none.
    void forget_mended_problems();
    // The step where the visitor can mend a problem in field; the current screen when no step does.
    ScreenId step_for_problem(const std::string& field) const;
    void handle(const intent::Start&);
    void handle(const intent::ChooseLanguage&);
    void handle(const intent::ToggleMunicipality&);
    void handle(const intent::OpenMunicipality&);
    void handle(const intent::OpenSection&);
    void handle(const intent::OpenWorkForTwo&);
    void handle(const intent::ChooseHome&);
    void handle(const intent::OpenRegion&);
    void handle(const intent::OpenMap&);
    void handle(const intent::ToggleLargeText&) { large_text_ = !large_text_; }
    void handle(const intent::ChooseProfile&);
    void handle(const intent::ChangeSchoolStart&);
    void handle(const intent::OpenSignUp&);
    void handle(const intent::Back&);
    void handle(const intent::Next&);
    void handle(const intent::ChangeAdults&);
    void handle(const intent::AddChild&);
    void handle(const intent::RemoveChild&);
    void handle(const intent::ChangeChildYear&);
    void handle(const intent::ToggleTopic&);
    void handle(const intent::FocusField&);
    void handle(const intent::TypeText&);
    void handle(const intent::Backspace&);
    void handle(const intent::MoveCursor&);
    void handle(const intent::DeleteForward&);
    void handle(const intent::ToggleShift&);
    void handle(const intent::ToggleConsent&);
    void handle(const intent::OpenPrivacyNotice&);
    void handle(const intent::ClosePrivacyNotice&);
    void handle(const intent::Submit&);
    void handle(const intent::Finish&);
    void handle(const intent::StillHere&) {}  // the touch itself restarted the idle timer
    void handle_staff(const Intent& intent, MonotonicClock::time_point now);
    void handle_staff_intent(const intent::OpenStaffEntry&);
    void handle_staff_intent(const intent::LeaveStaff&);
    void handle_staff_intent(const intent::ExitKiosk&);
    void handle_staff_intent(const intent::StartAssistedSignUp&);
    void handle_staff_intent(const intent::FinishSetup&);
    // The screen a setup step shows, moving staff mode there.
    ScreenId setup_screen(MonotonicClock::time_point now);
    // After a staff intent during setup: the next step when this one is done, else its screen.
    ScreenId during_setup(const Intent& intent, ScreenId next, MonotonicClock::time_point now);
    bool exploring() const;  // on the jewel box or a page opened from it

    LeadStore& store_;
    BackgroundCheckpoints checkpoints_;  // of store_'s WAL, between sign-ups, when it defers them
    const ContentPack& content_;
    KioskSettings settings_;
    ScreenId screen_ = ScreenId::attract;
    Language language_;
    SignUpDraft draft_;
    std::string open_municipality_;
    std::string open_section_{municipality_sections[0]};
    std::string chosen_home_;
    ScreenId map_return_ = ScreenId::jewel_box;  // where Back on the map goes
    bool large_text_ = false;
    MonotonicClock::time_point last_interaction_;
    MonotonicClock::time_point thank_you_shown_at_;
    std::optional<std::string> confirmed_lead_id_;
    std::string last_store_error_;
    StaffMode staff_;
    bool exit_requested_ = false;
    SetupStep setup_step_ = SetupStep::none;
    std::optional<int> idle_countdown_;
    QrCode region_qr_;
    QrCode privacy_qr_;
};

}  // namespace flytthit
