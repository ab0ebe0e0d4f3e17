// Staff mode's state and rules: the PIN pad (with its lock-out), event setup, the lead list
// and a lead's annotation, counters and health, sync, USB export and the clock. The Kiosk
// hands it staff intents only when the visitor has passed the PIN; screens read it.
#pragma once

#include "common/content/content_pack.h"
#include "common/base/device_clock.h"
#include "firmware/staff/device_health.h"
#include "firmware/kiosk_intent.h"
#include "firmware/store/lead_store.h"
#include "firmware/staff/staff_pin.h"
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
int retention_days(LeadStore& store);

enum class PinStage {
    enter,    // a PIN is set: type it
    choose,   // no PIN yet: choose one
    confirm,  // type the chosen one again
};

class StaffMode {
public:
    static constexpr std::size_t leads_per_page = 6;

    StaffMode(LeadStore& store, std::filesystem::path data_dir, MonotonicClock::time_point now);

    // Called by the Kiosk on the hidden gesture: a fresh, empty PIN pad.
    void open_entry();
    // Applies a staff intent on screen; returns the screen to show next (maybe the same).
    ScreenId apply(const Intent& intent, ScreenId screen, MonotonicClock::time_point now);
    // Forgets everything typed in staff mode (PIN digits, unsaved edits). Sync keeps running.
    void close();
    // Runs each frame: notices a finished sync and records its result.
    void poll();

    // --- What the staff screens show ---
    const std::string& pin_digits() const { return pin_digits_; }
    PinStage pin_stage() const { return pin_stage_; }
    const std::string& pin_message_key() const { return pin_message_key_; }
    std::optional<std::chrono::seconds> pin_locked_for(MonotonicClock::time_point now) const { return lockout_.locked_for(now); }

    const Event& current_event() const { return current_event_; }
    const Event& event_draft() const { return event_draft_; }
    StaffField focused() const { return focused_; }
    bool shift() const { return shift_; }
    const std::string& field_text(StaffField field) const;

    bool leads_all_events() const { return leads_all_; }
    std::size_t leads_page() const { return leads_page_; }
    const std::vector<Lead>& leads_rows() const { return leads_rows_; }
    std::int64_t leads_total() const { return leads_total_; }
    const std::optional<Lead>& open_lead() const { return open_lead_; }
    const StaffAnnotation& annotation() const { return annotation_; }

    const LeadCounters& counters() const { return counters_; }
    const DeviceHealth& health() const { return health_; }
    const std::string& last_sync() const { return last_sync_; }
    bool sealing_is_demo() const { return sealing_is_demo_; }
    const std::string& store_alert() const { return store_alert_; }
    std::optional<SyncProgress> sync_progress() const;
    bool sync_running() const;

    const std::vector<std::filesystem::path>& usb_mounts() const { return usb_mounts_; }
    const std::string& export_message() const { return export_message_; }
    const std::tm& clock_setting() const { return clock_setting_; }
    const std::string& clock_message() const { return clock_message_; }
    const std::string& error() const { return error_; }  // the last failed staff action, plainly

private:
    ScreenId submit_pin(MonotonicClock::time_point now);
    void refresh_home();
    void refresh_leads();
    void load_current_event();
    std::string& field_text(StaffField field);

    LeadStore& store_;
    std::filesystem::path data_dir_;
    PinLockout lockout_;

    std::string pin_digits_;
    std::string pin_chosen_;
    PinStage pin_stage_ = PinStage::enter;
    std::string pin_message_key_;

    Event current_event_;
    Event event_draft_;
    StaffField focused_ = StaffField::event_name;
    bool shift_ = false;
    bool leads_all_ = false;
    std::size_t leads_page_ = 0;
    std::vector<Lead> leads_rows_;
    std::int64_t leads_total_ = 0;
    std::optional<Lead> open_lead_;
    StaffAnnotation annotation_;
    LeadCounters counters_;
    DeviceHealth health_;
    std::string last_sync_;
    bool sealing_is_demo_ = true;
    std::string store_alert_;
    std::unique_ptr<SyncWorker> sync_;
    bool sync_recorded_ = true;
    std::vector<std::filesystem::path> usb_mounts_;
    std::string export_message_;
    std::tm clock_setting_{};
    std::string clock_message_;
    std::string error_;
};

// Stores event and makes it the one new leads are tagged with: what staff's "Save" on the
// event screen does, for kioskctl and the kiosk's --campaign.
Status make_current_event(LeadStore& store, const Event& event);

}  // namespace flytthit
