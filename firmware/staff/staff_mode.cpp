// Staff mode; see staff_mode.h.
#include "firmware/staff/staff_mode.h"

#include "common/protocol/pairing.h"
#include "common/protocol/sealing.h"
#include "common/base/local_time.h"
#include "common/base/utf8.h"
#include "common/base/whole_number.h"

#include <algorithm>
#include <ctime>
#include <utility>

namespace flytthit {

namespace {

constexpr const char* pin_hash_key = "staff_pin_hash";
constexpr const char* pin_failures_key = "staff_pin_failures";
constexpr const char* current_event_key = "current_event";
constexpr const char* last_sync_key = "last_sync";
constexpr std::size_t max_staff_text = 500;

// The wrong tries kept on disk. One that cannot be read or counted locks the pad as if every
// free try were used: a garbled count must not hand out fresh guesses.
int stored_failures(LeadStore& store) {
    auto value = store.setting(pin_failures_key);
    if (!value) return PinLockout::free_tries;
    if (!*value) return 0;
    auto failures = parse_whole_number(**value);
    if (!failures || *failures < 0) return PinLockout::free_tries;
    return *failures;
}

// An event id a person can read in a file name: "oslo-plaza-2026-11-23".
std::string event_id_for(const Event& event) {
    std::string id;
    for (char c : event.name + "-" + event.date) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) id += c;
        else if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
        else if (!id.empty() && id.back() != '-') id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id.empty() ? "event" : id;
}

}  // namespace

Result<int> retention_days(LeadStore& store) {
    auto value = store.setting(retention_days_key);
    if (!value) return with_context("reading the retention setting", value.error());
    if (!*value) return default_retention_days;
    auto days = parse_whole_number(**value);
    if (!days) return with_context(std::string("the retention setting ") + retention_days_key, days.error());
    if (*days < 0) return make_error(std::string("the retention setting ") + retention_days_key + " is negative", ErrorKind::bad_input);
    return *days;
}

StaffMode::StaffMode(LeadStore& store, std::filesystem::path data_dir, MonotonicClock::time_point now,
                     std::vector<std::filesystem::path> usb_roots)
    : store_(store), data_dir_(std::move(data_dir)), usb_roots_(std::move(usb_roots)), lockout_(stored_failures(store), now) {
    load_current_event();
    if (auto last = store_.setting(last_sync_key); last && *last) last_sync_ = decode_last_sync(**last);
    // Personal data past its retention goes at every start too: a kiosk may sit in a
    // cupboard for weeks between fairs.
    purge_after_retention();
}

void StaffMode::purge_after_retention() {
    // A retention that cannot be read purges nothing: staff are told, and nothing is lost.
    auto days = retention_days(store_);
    if (!days) {
        report(days.error());
        return;
    }
    if (auto purged = store_.purge_personal_data(*days); !purged) report(purged.error());
}

std::string_view staff_message_key(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::transient: return "staff.error_transient";
        case ErrorKind::bad_input: return "staff.error_bad_input";
        case ErrorKind::damaged_store: return "staff.error_damaged_store";
        case ErrorKind::not_permitted: return "staff.error_not_permitted";
        case ErrorKind::unavailable: return "staff.error_unavailable";
        case ErrorKind::failed: break;
    }
    return "staff.error_failed";
}

void StaffMode::report(const Error& error) {
    error_ = std::string(staff_message_key(error.kind));
    error_detail_ = error.message;
}

Status make_current_event(LeadStore& store, const Event& event) {
    if (auto saved = store.save_event(event); !saved) return saved;
    return store.set_setting(current_event_key, event.id);
}

namespace {

// Where leads go before staff chose an event.
Event demo_event() { return Event{"demo", "Demo", "", "", "", {}}; }

}  // namespace

Result<Event> read_current_event(LeadStore& store) {
    auto id = store.setting(current_event_key);
    if (!id) return with_context("reading the current event", id.error());
    if (!*id) return demo_event();
    auto event = store.event(**id);
    if (!event) return with_context("reading the event " + **id, event.error());
    return *event ? **event : demo_event();
}

void StaffMode::load_current_event() {
    auto event = read_current_event(store_);
    if (!event) report(event.error());  // staff are told; leads still get an event to carry
    current_event_ = event ? *event : demo_event();
}

PinState StaffMode::pin_state() const {
    auto hash = store_.setting(pin_hash_key);
    if (!hash) return PinState::unreadable;
    return *hash ? PinState::set : PinState::not_set;
}

bool StaffMode::event_chosen() const {
    auto id = store_.setting(current_event_key);
    return !id || *id;
}

void StaffMode::open_entry() {
    close();
    switch (pin_state()) {
        case PinState::unreadable:
            // A store that cannot say whether a PIN is set must not offer to choose a new one:
            // that would hand staff mode to whoever holds the corner.
            pin_stage_ = PinStage::unavailable;
            pin_message_key_ = "staff.pin_unreadable";
            return;
        case PinState::set: pin_stage_ = PinStage::enter; return;
        case PinState::not_set: pin_stage_ = PinStage::choose; return;
    }
}

void StaffMode::close() {
    pin_digits_.clear();
    pin_chosen_.clear();
    pin_message_key_.clear();
    open_lead_.reset();
    annotation_ = {};
    event_draft_ = {};
    editing_ = false;
    exit_asked_ = false;
    error_.clear();
    error_detail_.clear();
    export_result_.reset();
    clock_result_.reset();
    pairing_result_.reset();
    // A PIN check still running is dropped with what was typed. Argon2id cannot be stopped
    // midway, so its thread finishes in retiring_ and poll() frees it: close() runs on the
    // render thread and must not wait for it.
    retiring_.retire(std::move(pin_check_));
    retiring_.retire(std::move(pin_hashing_));
}

const std::string& StaffMode::field_text(StaffField field) const { return const_cast<StaffMode*>(this)->field_text(field); }

std::string& StaffMode::field_text(StaffField field) {
    switch (field) {
        case StaffField::event_place: return event_draft_.place;
        case StaffField::event_date: return event_draft_.date;
        case StaffField::lead_note: return annotation_.note;
        case StaffField::event_name: break;
    }
    return event_draft_.name;
}

ScreenId StaffMode::handle(const intent::PinDigit& digit, ScreenId screen, MonotonicClock::time_point) {
    if (digit.digit >= '0' && digit.digit <= '9' && pin_digits_.size() < 8 && !pin_checking()) pin_digits_ += digit.digit;
    return screen;
}

ScreenId StaffMode::handle(const intent::PinBackspace&, ScreenId screen, MonotonicClock::time_point) {
    if (!pin_digits_.empty() && !pin_checking()) pin_digits_.pop_back();
    return screen;
}

ScreenId StaffMode::handle(const intent::PinSubmit&, ScreenId screen, MonotonicClock::time_point now) {
    if (pin_checking()) return screen;  // one Argon2id run at a time
    const std::string typed = std::exchange(pin_digits_, {});
    switch (pin_stage_) {
        case PinStage::unavailable:
            pin_message_key_ = "staff.pin_unreadable";
            return screen;
        case PinStage::choose:
            if (!is_acceptable_pin(typed)) {
                pin_message_key_ = "staff.pin_rules";
                return screen;
            }
            pin_chosen_ = typed;
            pin_stage_ = PinStage::confirm;
            pin_message_key_ = "staff.pin_again";
            return screen;
        case PinStage::confirm:
            if (typed != pin_chosen_) {
                pin_stage_ = PinStage::choose;
                pin_chosen_.clear();
                pin_message_key_ = "staff.pin_mismatch";
                return screen;
            }
            pin_message_key_ = "staff.pin_checking";
            pin_hashing_ = std::make_unique<BackgroundTask<Result<std::string>>>(
                [pin = typed](std::stop_token) { return hash_pin(pin); });
            return screen;
        case PinStage::enter: break;
    }
    if (lockout_.locked_for(now)) {
        pin_message_key_ = "staff.pin_locked";
        return screen;
    }
    auto hash = store_.setting(pin_hash_key);
    if (!hash || !*hash) {
        // Set at open_entry, gone or unreadable now: refuse rather than guess.
        pin_stage_ = PinStage::unavailable;
        pin_message_key_ = "staff.pin_unreadable";
        return screen;
    }
    pin_message_key_ = "staff.pin_checking";
    pin_typed_at_ = now;
    pin_check_ = std::make_unique<BackgroundTask<bool>>(
        [hash = **hash, pin = typed](std::stop_token) { return pin_matches(hash, pin); });
    return screen;
}

void StaffMode::record_pin_failure(MonotonicClock::time_point when) {
    lockout_.record_failure(when);
    pin_message_key_ = lockout_.locked_for(when) ? "staff.pin_locked" : "staff.pin_wrong";
    // Kept on disk so pulling the plug does not buy more guesses. If it cannot be kept, say
    // so and lock the pad for this visit: a guess that is not counted must not be free.
    if (auto kept = store_.set_setting(pin_failures_key, std::to_string(lockout_.failures())); !kept) {
        pin_stage_ = PinStage::unavailable;
        pin_message_key_ = "staff.pin_unreadable";
    }
}

std::optional<ScreenId> StaffMode::poll_pin(MonotonicClock::time_point) {
    if (pin_hashing_ && pin_hashing_->finished()) {
        const Result<std::string> hash = *pin_hashing_->take();  // Result work: a throw is its error
        pin_hashing_.reset();
        pin_chosen_.clear();
        if (!hash || !store_.set_setting(pin_hash_key, *hash)) {
            pin_stage_ = PinStage::choose;
            pin_message_key_ = "staff.pin_not_saved";
            return std::nullopt;
        }
        pin_message_key_.clear();
        refresh_home();
        return ScreenId::staff_home;
    }
    if (pin_check_ && pin_check_->finished()) {
        const bool matches = pin_check_->take().value_or(false);  // a check that threw is a wrong try
        pin_check_.reset();
        if (!matches) {
            record_pin_failure(pin_typed_at_);
            return std::nullopt;
        }
        lockout_.record_success();
        pin_message_key_.clear();
        refresh_home();
        // The reset is not a gate: failing to write it only leaves old failures counted.
        if (auto reset = store_.set_setting(pin_failures_key, "0"); !reset) report(reset.error());
        return ScreenId::staff_home;
    }
    return std::nullopt;
}

void StaffMode::refresh_home() {
    if (auto counters = store_.counters(current_event_.id, local_day_in_utc(unix_ms_now() / 1000)); counters) {
        counters_ = std::move(*counters);
    } else {
        report(counters.error());
    }
    if (auto counts = store_.reconciliation(current_event_.id); counts) {
        reconciliation_ = *counts;
    } else {
        report(counts.error());
    }
    if (!health_task_) {
        health_task_ = std::make_unique<BackgroundTask<HealthReading>>(
            [data_dir = data_dir_, database = store_.database_path()](std::stop_token) {
                HealthReading reading{read_device_health(data_dir, database), true, {}};
                // A broken pairing is not the demo key: staff must learn the pairing is broken.
                auto key = current_sealing_key(data_dir);
                if (key) reading.sealing_is_demo = key->demo;
                else reading.sealing_error = with_context("the pairing", key.error());
                return reading;
            });
    }
    auto alert = store_.setting("store_alert");
    store_alert_ = alert && *alert ? **alert : "";
}

void StaffMode::refresh_leads() {
    const std::string scope = leads_all_ ? "" : current_event_.id;
    auto total = store_.count_leads(scope);
    if (!total) report(total.error());
    leads_total_ = total ? *total : 0;
    const std::size_t pages = std::max<std::size_t>(1, (static_cast<std::size_t>(leads_total_) + leads_per_page - 1) / leads_per_page);
    leads_page_ = std::min(leads_page_, pages - 1);
    auto rows = store_.leads_page(scope, leads_page_ * leads_per_page, leads_per_page);
    if (rows) leads_rows_ = std::move(*rows);
    else report(rows.error());
}

std::optional<ScreenId> StaffMode::poll(MonotonicClock::time_point now) {
    retiring_.collect();
    if (health_task_ && health_task_->finished()) {
        if (auto reading = health_task_->take()) {
            health_ = reading->device;
            sealing_is_demo_ = reading->sealing_error ? false : reading->sealing_is_demo;
            sealing_error_ = reading->sealing_error;
            if (sealing_error_) report(*sealing_error_);
            health_read_ = true;
        } else if (auto failure = health_task_->failure()) {
            report(*failure);
        }
        health_task_.reset();
    }
    if (export_task_ && export_task_->finished()) {
        export_result_ = export_task_->take();
        export_task_.reset();
        if (export_result_ && *export_result_ && (*export_result_)->device_problem) report(*(*export_result_)->device_problem);
    }
    poll_pairing();
    if (clock_task_ && clock_task_->finished()) {
        clock_result_ = clock_task_->take();
        clock_task_.reset();
    }
    if (sync_ && !sync_recorded_) {
        const SyncProgress progress = sync_->progress();
        if (progress.finished) {
            last_sync_ = LastSync{utc_timestamp_now(), progress.succeeded, progress.sent, progress.succeeded ? "" : progress.last_error,
                                  progress.last_error_kind};
            sync_recorded_ = true;
            if (auto kept = store_.set_setting(last_sync_key, encode_last_sync(*last_sync_)); !kept) report(kept.error());
            purge_after_retention();
        }
    }
    return poll_pin(now);
}

bool StaffMode::busy() const {
    return pin_checking() || health_task_ || export_task_ || clock_task_ || pairing_scan_ || pairing_task_ ||
           retiring_.running() > 0;
}

std::optional<SyncProgress> StaffMode::sync_progress() const {
    if (!sync_) return std::nullopt;
    return sync_->progress();
}

bool StaffMode::sync_running() const { return sync_ && !sync_->progress().finished; }

ScreenId StaffMode::apply(const Intent& intent, ScreenId screen, MonotonicClock::time_point now) {
    error_.clear();
    error_detail_.clear();
    return std::visit(
        [&](const auto& i) -> ScreenId {
            using T = std::decay_t<decltype(i)>;
            if constexpr (requires { this->handle(i, screen, now); }) {
                return this->handle(i, screen, now);
            } else {
                // The Kiosk handles the rest of the staff intents itself (see Kiosk::handle_staff,
                // which refuses to compile for a staff intent that neither side handles); a
                // visitor intent never reaches staff mode but the typing ones.
                static_assert(!is_staff_intent_v<T> || kiosk_handles_staff_intent_v<T>,
                              "a staff intent needs a StaffMode::handle or a Kiosk handler");
                return screen;
            }
        },
        intent);
}

ScreenId StaffMode::handle(const intent::StaffGo& go, ScreenId screen, MonotonicClock::time_point) {
    editing_ = false;  // every staff screen opens on its form, never on a keyboard
    exit_asked_ = false;  // nor on the question whether to leave the kiosk
    switch (go.screen) {
        case ScreenId::staff_home: refresh_home(); break;
        case ScreenId::staff_event:
            event_draft_ = current_event_;
            // A new event is dated today, the staff's today (a fair's evening is not UTC's tomorrow).
            if (event_draft_.id == "demo") event_draft_ = Event{"", "", "", local_date_text(unix_ms_now() / 1000), "", {}};
            focused_ = StaffField::event_name;
            break;
        case ScreenId::staff_leads: refresh_leads(); break;
        // Reading /proc/mounts is a read of kernel memory, not of a device: fine on the frame.
        case ScreenId::staff_export: usb_mounts_ = find_usb_mounts(); export_result_.reset(); break;
        case ScreenId::staff_clock: clock_setting_ = local_calendar(unix_ms_now() / 1000); clock_result_.reset(); break;
        case ScreenId::staff_pairing: open_pairing(); break;
        default: break;
    }
    return is_staff_screen(go.screen) ? go.screen : screen;
}

ScreenId StaffMode::handle(const intent::StaffFocus& focus, ScreenId screen, MonotonicClock::time_point) {
    focused_ = focus.field;
    editing_ = true;
    return screen;
}

ScreenId StaffMode::handle(const intent::StaffDoneEditing&, ScreenId screen, MonotonicClock::time_point) {
    editing_ = false;
    shift_ = false;
    return screen;
}

ScreenId StaffMode::handle(const intent::TypeText& typed, ScreenId screen, MonotonicClock::time_point) {
    std::string& text = field_text(focused_);
    if (is_valid_utf8(typed.utf8) && utf8_length(text) + utf8_length(typed.utf8) <= max_staff_text) text += typed.utf8;
    shift_ = false;  // one capital, as on the visitors' keyboard
    return screen;
}

ScreenId StaffMode::handle(const intent::ToggleShift&, ScreenId screen, MonotonicClock::time_point) {
    shift_ = !shift_;
    return screen;
}

ScreenId StaffMode::handle(const intent::Backspace&, ScreenId screen, MonotonicClock::time_point) {
    utf8_pop_back(field_text(focused_));
    return screen;
}

ScreenId StaffMode::handle(const intent::ChooseCampaign& campaign, ScreenId screen, MonotonicClock::time_point) {
    event_draft_.campaign_id = event_draft_.campaign_id == campaign.id ? "" : campaign.id;
    return screen;
}

ScreenId StaffMode::handle(const intent::ToggleEventMunicipality& place, ScreenId screen, MonotonicClock::time_point) {
    auto& places = event_draft_.municipalities;
    const auto found = std::find(places.begin(), places.end(), place.id);
    if (found == places.end()) places.push_back(place.id);
    else places.erase(found);
    return screen;
}

ScreenId StaffMode::handle(const intent::SaveEvent&, ScreenId screen, MonotonicClock::time_point) {
    if (trim(event_draft_.name).empty()) {
        report("staff.event_name_missing");
        return screen;
    }
    event_draft_.id = event_id_for(event_draft_);
    if (auto saved = make_current_event(store_, event_draft_); !saved) {
        report(saved.error());
        return screen;
    }
    load_current_event();
    refresh_home();
    return ScreenId::staff_home;
}

ScreenId StaffMode::handle(const intent::LeadsScope& scope, ScreenId screen, MonotonicClock::time_point) {
    leads_all_ = scope.all_events;
    leads_page_ = 0;
    refresh_leads();
    return screen;
}

ScreenId StaffMode::handle(const intent::LeadsPage& page, ScreenId screen, MonotonicClock::time_point) {
    if (page.delta < 0 && leads_page_ > 0) --leads_page_;
    if (page.delta > 0) ++leads_page_;
    refresh_leads();
    return screen;
}

ScreenId StaffMode::handle(const intent::OpenLead& open, ScreenId screen, MonotonicClock::time_point) {
    auto lead = store_.lead(open.id);
    if (!lead) {
        report(lead.error());
        return screen;
    }
    if (!*lead) return screen;  // gone meanwhile (purged): the list shows what is there
    open_lead_ = std::move(**lead);
    annotation_ = open_lead_->staff;
    focused_ = StaffField::lead_note;
    editing_ = false;
    return ScreenId::staff_lead;
}

ScreenId StaffMode::handle(const intent::SetRating& rating, ScreenId screen, MonotonicClock::time_point) {
    if (rating.rating == "hot" || rating.rating == "warm" || rating.rating == "cold") {
        annotation_.rating = annotation_.rating == rating.rating ? "" : rating.rating;
    }
    return screen;
}

ScreenId StaffMode::handle(const intent::SetFollowUp& follow_up, ScreenId screen, MonotonicClock::time_point) {
    annotation_.follow_up = annotation_.follow_up == follow_up.municipality ? "" : follow_up.municipality;
    return screen;
}

ScreenId StaffMode::handle(const intent::SaveLead&, ScreenId screen, MonotonicClock::time_point) {
    if (!open_lead_) return ScreenId::staff_leads;
    if (auto saved = store_.annotate(open_lead_->id, annotation_); !saved) {
        report(saved.error());
        return screen;
    }
    open_lead_.reset();
    refresh_leads();
    return ScreenId::staff_leads;
}

ScreenId StaffMode::handle(const intent::StartSync&, ScreenId screen, MonotonicClock::time_point) {
    if (!sync_running()) {
        sync_.reset();  // joins the previous worker, if any (it has finished)
        sync_ = std::make_unique<SyncWorker>(data_dir_, SyncSettings{});
        sync_recorded_ = false;
    }
    return screen;
}

ScreenId StaffMode::handle(const intent::CancelSync&, ScreenId screen, MonotonicClock::time_point) {
    if (sync_) sync_->cancel();
    return screen;
}

ScreenId StaffMode::handle(const intent::ExportTo& target, ScreenId screen, MonotonicClock::time_point) {
    if (export_task_) return screen;  // one export at a time
    export_result_.reset();
    // Its own store connection: a LeadStore belongs to one thread.
    export_task_ = std::make_unique<BackgroundTask<Result<ExportSummary>>>(
        [data_dir = data_dir_, directory = std::filesystem::path(target.directory)](std::stop_token) -> Result<ExportSummary> {
            auto store = LeadStore::open(data_dir);
            if (!store) return store.error();
            // Unpaired, the file is named for "kiosk" (export_file_name's default); a pairing
            // that exists but cannot be read is said, not hidden behind that default.
            auto pairing = load_pairing(data_dir);
            auto exported = export_leads(*store, directory, pairing ? pairing->device : "");
            if (exported && !pairing && pairing.error().kind != ErrorKind::unavailable) {
                exported->device_problem = with_context("the file is named \"kiosk\": the pairing", pairing.error());
            }
            return exported;
        });
    return screen;
}

ScreenId StaffMode::handle(const intent::AdjustClock& adjust, ScreenId screen, MonotonicClock::time_point) {
    std::tm& when = clock_setting_;
    int* fields[] = {&when.tm_year, &when.tm_mon, &when.tm_mday, &when.tm_hour, &when.tm_min};
    if (adjust.field >= 0 && adjust.field < 5) *fields[adjust.field] += adjust.delta;
    // Staff set the clock in their own time; going through Unix time carries 60 minutes into
    // an hour, and so on, and lands on the zone's summer or winter time for that date.
    when = local_calendar(unix_seconds_from_local(when));
    return screen;
}

ScreenId StaffMode::handle(const intent::SetClock&, ScreenId screen, MonotonicClock::time_point) {
    if (clock_task_) return screen;
    clock_result_.reset();
    std::tm when = clock_setting_;
    clock_task_ = std::make_unique<BackgroundTask<Status>>(
        [seconds = unix_seconds_from_local(when)](std::stop_token) { return set_system_clock_utc(seconds); });
    return screen;
}

ScreenId StaffMode::handle(const intent::AskExitKiosk&, ScreenId screen, MonotonicClock::time_point) {
    // Asked only where the button is: staff home, outside the first-start setup's steps.
    if (screen == ScreenId::staff_home) exit_asked_ = true;
    return screen;
}

ScreenId StaffMode::handle(const intent::CancelExitKiosk&, ScreenId screen, MonotonicClock::time_point) {
    exit_asked_ = false;
    return screen;
}

}  // namespace flytthit
