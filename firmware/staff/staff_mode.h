// Staff mode's state and rules: the PIN pad (with its lock-out), event setup, the lead list
// and a lead's annotation, counters and health, sync, USB export and the clock. The Kiosk
// hands it staff intents only when the visitor has passed the PIN; screens read it.
// Slow work (the Argon2id PIN check, the health read, the USB export, setting the clock, the
// sync) runs on workers; poll() hands their results to the frame loop, so no intent blocks.
#pragma once

#include "common/content/content_pack.h"
#include "common/base/device_clock.h"
#include "firmware/staff/device_health.h"
#include "firmware/staff/last_sync.h"
#include "firmware/background_task.h"
#include "firmware/kiosk_intent.h"
#include "firmware/store/lead_store.h"
#include "firmware/staff/staff_pin.h"
#include "firmware/staff/usb_export.h"
#include "firmware/staff/usb_pairing.h"
#include "firmware/sync/sync_worker.h"

#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

// How many days a lead's sealed personal data stays on the kiosk after the register
// acknowledged it (setting "retention_days"; kioskctl set-retention changes it).
inline constexpr int default_retention_days = 7;
inline constexpr const char* retention_days_key = "retention_days";
// The setting, or default_retention_days when unset; an unreadable or garbled setting is an
// error (never read as 0 days, which would purge at once).
Result<int> retention_days(LeadStore& store);

enum class PinStage {
    enter,        // a PIN is set: type it
    choose,       // no PIN yet: choose one
    confirm,      // type the chosen one again
    unavailable,  // the stored PIN could not be read: nobody gets in (never "no PIN yet")
};

// Whether a staff PIN is stored, as far as the store can say.
enum class PinState {
    set,
    not_set,     // a first start: staff must choose one before visitors are served
    unreadable,  // nobody may choose one now (it may be set): staff mode stays closed
};

// The catalogue key that tells staff, in their language, what kind of failure an error is.
std::string_view staff_message_key(ErrorKind kind);

// What the health panel shows, read on a worker.
struct HealthReading {
    DeviceHealth device;
    bool sealing_is_demo = true;
    std::optional<Error> sealing_error{};  // the pairing is there but its key cannot be read
};

class StaffMode {
public:
    static constexpr std::size_t leads_per_page = 6;

    // usb_roots: where to look for pairing files; empty means the mounted USB sticks (tests
    // name a directory of their own).
    StaffMode(LeadStore& store, std::filesystem::path data_dir, MonotonicClock::time_point now,
              std::vector<std::filesystem::path> usb_roots = {});

    // Called by the Kiosk on the hidden gesture: a fresh, empty PIN pad.
    void open_entry();
    // Applies a staff intent (or a typing intent on a staff screen) on screen; returns the
    // screen to show next (maybe the same). Never waits on slow work.
    ScreenId apply(const Intent& intent, ScreenId screen, MonotonicClock::time_point now);
    // Forgets everything typed in staff mode (PIN digits, unsaved edits). Sync keeps running.
    void close();
    // Runs each frame: takes finished workers' results. Returns the screen to go to when a
    // result moves staff on (the PIN was right: staff home).
    std::optional<ScreenId> poll(MonotonicClock::time_point now);
    // True while any staff worker other than the sync is running (a PIN check dropped by
    // close() included, until it ends).
    bool busy() const;
    // How many workers close() dropped are still running; poll() frees them once they end.
    std::size_t retiring_running() const { return retiring_.running(); }

    // What the store says about the PIN, read now (a small SQLite read). For the first start.
    PinState pin_state() const;
    // True unless the store says no event was ever saved (a first start cut off after the
    // PIN); an unreadable setting counts as chosen, and staff mode's PIN guards the rest.
    bool event_chosen() const;

    // --- What the staff screens show ---
    const std::string& pin_digits() const { return pin_digits_; }
    PinStage pin_stage() const { return pin_stage_; }
    const std::string& pin_message_key() const { return pin_message_key_; }
    bool pin_checking() const { return pin_check_ != nullptr || pin_hashing_ != nullptr; }
    std::optional<std::chrono::seconds> pin_locked_for(MonotonicClock::time_point now) const { return lockout_.locked_for(now); }

    const Event& current_event() const { return current_event_; }
    const Event& event_draft() const { return event_draft_; }
    StaffField focused() const { return focused_; }
    // The field being edited (tapped, and Done not yet pressed): the event and lead screens
    // then give way to that field and a full-size keyboard. nullopt: the form is shown.
    std::optional<StaffField> editing() const { return editing_ ? std::optional<StaffField>(focused_) : std::nullopt; }
    bool shift() const { return shift_; }
    const std::string& field_text(StaffField field) const;

    bool leads_all_events() const { return leads_all_; }
    std::size_t leads_page() const { return leads_page_; }
    const std::vector<Lead>& leads_rows() const { return leads_rows_; }
    std::int64_t leads_total() const { return leads_total_; }
    const std::optional<Lead>& open_lead() const { return open_lead_; }
    const StaffAnnotation& annotation() const { return annotation_; }

    const LeadCounters& counters() const { return counters_; }
    // The current event's end-of-fair reconciliation, read with the counters.
    const Reconciliation& reconciliation() const { return reconciliation_; }
    const DeviceHealth& health() const { return health_; }
    const std::optional<LastSync>& last_sync() const { return last_sync_; }
    bool sealing_is_demo() const { return sealing_is_demo_; }
    // Why the sealing key could not be read (a broken pairing), from the last health read.
    const std::optional<Error>& sealing_error() const { return sealing_error_; }
    const std::string& store_alert() const { return store_alert_; }
    std::optional<SyncProgress> sync_progress() const;
    bool sync_running() const;

    const std::vector<std::filesystem::path>& usb_mounts() const { return usb_mounts_; }
    bool export_running() const { return export_task_ != nullptr; }
    // The last export's outcome on this visit to the export screen; nullopt before one ended.
    const std::optional<Result<ExportSummary>>& export_result() const { return export_result_; }
    // The pairing screen: the pairing files found on the USB sticks (a worker looks when the
    // screen opens), and the outcome of the last PairFrom on this visit.
    const std::vector<std::filesystem::path>& pairing_files() const { return pairing_files_; }
    bool pairing_scan_running() const { return pairing_scan_ != nullptr; }
    bool pairing_running() const { return pairing_task_ != nullptr; }
    const std::optional<Result<Pairing>>& pairing_result() const { return pairing_result_; }
    // For the health panel: "staff.unpaired" (what it means and what to do at the stand) when
    // the last health read found no pairing; empty when paired or not yet known.
    std::string_view pairing_advice_key() const;
    // The time staff are setting, in the board's local zone (local_time.h).
    const std::tm& clock_setting() const { return clock_setting_; }
    bool clock_running() const { return clock_task_ != nullptr; }
    const std::optional<Status>& clock_result() const { return clock_result_; }
    // Staff home asks "leave the kiosk?" (AskExitKiosk) and waits for the confirm (ExitKiosk,
    // which the Kiosk obeys only while this is true) or Cancel. Any other screen or close() forgets it.
    bool exit_asked() const { return exit_asked_; }
    // The last failed staff action: a catalogue key, and the technical detail (may be empty).
    const std::string& error() const { return error_; }
    const std::string& error_detail() const { return error_detail_; }

private:
    // One handler per intent; apply() dispatches to them, and a static_assert there refuses
    // a staff intent that neither StaffMode nor the Kiosk handles.
    ScreenId handle(const intent::PinDigit&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::PinBackspace&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::PinSubmit&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::StaffGo&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::StaffFocus&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::StaffDoneEditing&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::TypeText&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::ToggleShift&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::Backspace&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::ChooseCampaign&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::ToggleEventMunicipality&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::SaveEvent&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::LeadsScope&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::LeadsPage&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::OpenLead&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::SetRating&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::SetFollowUp&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::SaveLead&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::StartSync&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::CancelSync&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::ExportTo&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::AdjustClock&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::SetClock&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::PairFrom&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::AskExitKiosk&, ScreenId screen, MonotonicClock::time_point now);
    ScreenId handle(const intent::CancelExitKiosk&, ScreenId screen, MonotonicClock::time_point now);
    void open_pairing();
    void poll_pairing();

    std::optional<ScreenId> poll_pin(MonotonicClock::time_point now);
    void record_pin_failure(MonotonicClock::time_point when);
    void report(const Error& error);
    void report(std::string key) { error_ = std::move(key); error_detail_.clear(); }
    void refresh_home();
    void purge_after_retention();
    void refresh_leads();
    void load_current_event();
    std::string& field_text(StaffField field);

    LeadStore& store_;
    std::filesystem::path data_dir_;
    std::vector<std::filesystem::path> usb_roots_;
    PinLockout lockout_;

    std::string pin_digits_;
    std::string pin_chosen_;
    PinStage pin_stage_ = PinStage::enter;
    std::string pin_message_key_;
    // The Argon2id work: checking a typed PIN, or hashing a newly chosen one.
    std::unique_ptr<BackgroundTask<bool>> pin_check_;
    MonotonicClock::time_point pin_typed_at_{};
    std::unique_ptr<BackgroundTask<Result<std::string>>> pin_hashing_;
    RetiringTasks retiring_;  // dropped PIN work, still finishing; freed by poll()

    Event current_event_;
    Event event_draft_;
    StaffField focused_ = StaffField::event_name;
    bool editing_ = false;  // focused_ is being edited: see editing()
    bool shift_ = false;
    bool leads_all_ = false;
    std::size_t leads_page_ = 0;
    std::vector<Lead> leads_rows_;
    std::int64_t leads_total_ = 0;
    std::optional<Lead> open_lead_;
    StaffAnnotation annotation_;
    LeadCounters counters_;
    Reconciliation reconciliation_;
    DeviceHealth health_;
    std::unique_ptr<BackgroundTask<HealthReading>> health_task_;
    std::optional<LastSync> last_sync_;
    bool sealing_is_demo_ = true;
    std::optional<Error> sealing_error_;
    std::string store_alert_;
    std::unique_ptr<SyncWorker> sync_;
    bool sync_recorded_ = true;
    std::vector<std::filesystem::path> usb_mounts_;
    std::unique_ptr<BackgroundTask<Result<ExportSummary>>> export_task_;
    std::optional<Result<ExportSummary>> export_result_;
    std::unique_ptr<BackgroundTask<std::vector<std::filesystem::path>>> pairing_scan_;
    std::vector<std::filesystem::path> pairing_files_;
    std::unique_ptr<BackgroundTask<Result<Pairing>>> pairing_task_;
    std::optional<Result<Pairing>> pairing_result_;
    bool health_read_ = false;  // a health read has finished since start
    std::tm clock_setting_{};
    std::unique_ptr<BackgroundTask<Status>> clock_task_;
    std::optional<Status> clock_result_;
    bool exit_asked_ = false;
    std::string error_;
    std::string error_detail_;
};

// Stores event and makes it the one new leads are tagged with: what staff's "Save" on the
// event screen does, for kioskctl and the kiosk's --campaign.
Status make_current_event(LeadStore& store, const Event& event);
// The event new leads are tagged with: the one staff chose, else the demo event (id "demo").
Result<Event> read_current_event(LeadStore& store);

}  // namespace flytthit
