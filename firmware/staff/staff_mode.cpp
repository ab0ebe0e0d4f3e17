// Staff mode; see staff_mode.h.
#include "firmware/staff/staff_mode.h"

#include "firmware/staff/usb_export.h"
#include "common/protocol/pairing.h"
#include "common/protocol/sealing.h"
#include "common/base/utf8.h"

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

int stored_failures(LeadStore& store) {
    auto value = store.setting(pin_failures_key);
    if (!value || !*value) return 0;
    return std::atoi((*value)->c_str());
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

std::tm utc_now_tm() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return utc;
}

}  // namespace

int retention_days(LeadStore& store) {
    auto value = store.setting(retention_days_key);
    if (!value || !*value) return default_retention_days;
    return std::max(0, std::atoi((*value)->c_str()));
}

StaffMode::StaffMode(LeadStore& store, std::filesystem::path data_dir, MonotonicClock::time_point now)
    : store_(store), data_dir_(std::move(data_dir)), lockout_(stored_failures(store), now) {
    load_current_event();
    if (auto last = store_.setting(last_sync_key); last && *last) last_sync_ = **last;
    // Personal data past its retention goes at every start too: a kiosk may sit in a
    // cupboard for weeks between fairs.
    (void)store_.purge_personal_data(retention_days(store_));
}

Status make_current_event(LeadStore& store, const Event& event) {
    if (auto saved = store.save_event(event); !saved) return saved;
    return store.set_setting(current_event_key, event.id);
}

void StaffMode::load_current_event() {
    current_event_ = Event{"demo", "Demo", "", "", "", {}};
    auto id = store_.setting(current_event_key);
    if (!id || !*id) return;
    if (auto event = store_.event(**id); event && *event) current_event_ = **event;
}

void StaffMode::open_entry() {
    close();
    auto hash = store_.setting(pin_hash_key);
    pin_stage_ = (hash && *hash) ? PinStage::enter : PinStage::choose;
}

void StaffMode::close() {
    pin_digits_.clear();
    pin_chosen_.clear();
    pin_message_key_.clear();
    open_lead_.reset();
    annotation_ = {};
    event_draft_ = {};
    error_.clear();
    export_message_.clear();
    clock_message_.clear();
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

ScreenId StaffMode::submit_pin(MonotonicClock::time_point now) {
    const std::string typed = std::exchange(pin_digits_, {});
    if (pin_stage_ == PinStage::choose) {
        if (!is_acceptable_pin(typed)) {
            pin_message_key_ = "staff.pin_rules";
            return ScreenId::pin_entry;
        }
        pin_chosen_ = typed;
        pin_stage_ = PinStage::confirm;
        pin_message_key_ = "staff.pin_again";
        return ScreenId::pin_entry;
    }
    if (pin_stage_ == PinStage::confirm) {
        if (typed != pin_chosen_) {
            pin_stage_ = PinStage::choose;
            pin_chosen_.clear();
            pin_message_key_ = "staff.pin_mismatch";
            return ScreenId::pin_entry;
        }
        auto hash = hash_pin(typed);
        if (!hash || !store_.set_setting(pin_hash_key, *hash)) {
            pin_message_key_ = "staff.pin_not_saved";
            return ScreenId::pin_entry;
        }
        pin_chosen_.clear();
        refresh_home();
        return ScreenId::staff_home;
    }
    if (lockout_.locked_for(now)) {
        pin_message_key_ = "staff.pin_locked";
        return ScreenId::pin_entry;
    }
    auto hash = store_.setting(pin_hash_key);
    if (hash && *hash && pin_matches(**hash, typed)) {
        lockout_.record_success();
        (void)store_.set_setting(pin_failures_key, "0");
        pin_message_key_.clear();
        refresh_home();
        return ScreenId::staff_home;
    }
    lockout_.record_failure(now);
    // Kept on disk so pulling the plug does not buy more guesses.
    (void)store_.set_setting(pin_failures_key, std::to_string(lockout_.failures()));
    pin_message_key_ = lockout_.locked_for(now) ? "staff.pin_locked" : "staff.pin_wrong";
    return ScreenId::pin_entry;
}

void StaffMode::refresh_home() {
    poll();
    if (auto counters = store_.counters(current_event_.id, utc_timestamp_now().substr(0, 10)); counters) {
        counters_ = std::move(*counters);
    } else {
        error_ = counters.error().message;
    }
    health_ = read_device_health(data_dir_, store_.database_path());
    auto key = current_sealing_key(data_dir_);
    sealing_is_demo_ = !key || key->demo;
    auto alert = store_.setting("store_alert");
    store_alert_ = alert && *alert ? **alert : "";
}

void StaffMode::refresh_leads() {
    const std::string scope = leads_all_ ? "" : current_event_.id;
    auto total = store_.count_leads(scope);
    leads_total_ = total ? *total : 0;
    const std::size_t pages = std::max<std::size_t>(1, (static_cast<std::size_t>(leads_total_) + leads_per_page - 1) / leads_per_page);
    leads_page_ = std::min(leads_page_, pages - 1);
    auto rows = store_.leads_page(scope, leads_page_ * leads_per_page, leads_per_page);
    if (rows) leads_rows_ = std::move(*rows);
    else error_ = rows.error().message;
}

void StaffMode::poll() {
    if (!sync_ || sync_recorded_) return;
    const SyncProgress progress = sync_->progress();
    if (!progress.finished) return;
    last_sync_ = utc_timestamp_now() + ": " +
                 (progress.succeeded ? "ok, " + std::to_string(progress.sent) + " sent"
                                     : "failed after " + std::to_string(progress.sent) + " sent: " + progress.last_error);
    (void)store_.set_setting(last_sync_key, last_sync_);
    sync_recorded_ = true;
    (void)store_.purge_personal_data(retention_days(store_));
}

std::optional<SyncProgress> StaffMode::sync_progress() const {
    if (!sync_) return std::nullopt;
    return sync_->progress();
}

bool StaffMode::sync_running() const { return sync_ && !sync_->progress().finished; }

ScreenId StaffMode::apply(const Intent& intent, ScreenId screen, MonotonicClock::time_point now) {
    error_.clear();
    if (const auto* digit = std::get_if<intent::PinDigit>(&intent)) {
        if (digit->digit >= '0' && digit->digit <= '9' && pin_digits_.size() < 8) pin_digits_ += digit->digit;
        return screen;
    }
    if (std::holds_alternative<intent::PinBackspace>(intent)) {
        if (!pin_digits_.empty()) pin_digits_.pop_back();
        return screen;
    }
    if (std::holds_alternative<intent::PinSubmit>(intent)) return submit_pin(now);

    if (const auto* go = std::get_if<intent::StaffGo>(&intent)) {
        switch (go->screen) {
            case ScreenId::staff_home: refresh_home(); break;
            case ScreenId::staff_event:
                event_draft_ = current_event_;
                if (event_draft_.id == "demo") event_draft_ = Event{"", "", "", utc_timestamp_now().substr(0, 10), "", {}};
                focused_ = StaffField::event_name;
                break;
            case ScreenId::staff_leads: refresh_leads(); break;
            case ScreenId::staff_export: usb_mounts_ = find_usb_mounts(); export_message_.clear(); break;
            case ScreenId::staff_clock: clock_setting_ = utc_now_tm(); clock_message_.clear(); break;
            default: break;
        }
        return is_staff_screen(go->screen) ? go->screen : screen;
    }
    if (const auto* focus = std::get_if<intent::StaffFocus>(&intent)) {
        focused_ = focus->field;
        return screen;
    }
    if (const auto* typed = std::get_if<intent::TypeText>(&intent)) {
        std::string& text = field_text(focused_);
        if (is_valid_utf8(typed->utf8) && utf8_length(text) + utf8_length(typed->utf8) <= max_staff_text) text += typed->utf8;
        shift_ = false;  // one capital, as on the visitors' keyboard
        return screen;
    }
    if (std::holds_alternative<intent::ToggleShift>(intent)) {
        shift_ = !shift_;
        return screen;
    }
    if (std::holds_alternative<intent::Backspace>(intent)) {
        utf8_pop_back(field_text(focused_));
        return screen;
    }
    if (const auto* campaign = std::get_if<intent::ChooseCampaign>(&intent)) {
        event_draft_.campaign_id = event_draft_.campaign_id == campaign->id ? "" : campaign->id;
        return screen;
    }
    if (const auto* place = std::get_if<intent::ToggleEventMunicipality>(&intent)) {
        auto& places = event_draft_.municipalities;
        const auto found = std::find(places.begin(), places.end(), place->id);
        if (found == places.end()) places.push_back(place->id);
        else places.erase(found);
        return screen;
    }
    if (std::holds_alternative<intent::SaveEvent>(intent)) {
        if (trim(event_draft_.name).empty()) {
            error_ = "staff.event_name_missing";
            return screen;
        }
        event_draft_.id = event_id_for(event_draft_);
        if (auto saved = make_current_event(store_, event_draft_); !saved) {
            error_ = saved.error().message;
            return screen;
        }
        load_current_event();
        refresh_home();
        return ScreenId::staff_home;
    }
    if (const auto* scope = std::get_if<intent::LeadsScope>(&intent)) {
        leads_all_ = scope->all_events;
        leads_page_ = 0;
        refresh_leads();
        return screen;
    }
    if (const auto* page = std::get_if<intent::LeadsPage>(&intent)) {
        if (page->delta < 0 && leads_page_ > 0) --leads_page_;
        if (page->delta > 0) ++leads_page_;
        refresh_leads();
        return screen;
    }
    if (const auto* open = std::get_if<intent::OpenLead>(&intent)) {
        auto lead = store_.lead(open->id);
        if (!lead || !*lead) return screen;
        open_lead_ = std::move(**lead);
        annotation_ = open_lead_->staff;
        focused_ = StaffField::lead_note;
        return ScreenId::staff_lead;
    }
    if (const auto* rating = std::get_if<intent::SetRating>(&intent)) {
        if (rating->rating == "hot" || rating->rating == "warm" || rating->rating == "cold") {
            annotation_.rating = annotation_.rating == rating->rating ? "" : rating->rating;
        }
        return screen;
    }
    if (const auto* follow_up = std::get_if<intent::SetFollowUp>(&intent)) {
        annotation_.follow_up = annotation_.follow_up == follow_up->municipality ? "" : follow_up->municipality;
        return screen;
    }
    if (std::holds_alternative<intent::SaveLead>(intent)) {
        if (!open_lead_) return ScreenId::staff_leads;
        if (auto saved = store_.annotate(open_lead_->id, annotation_); !saved) {
            error_ = saved.error().message;
            return screen;
        }
        open_lead_.reset();
        refresh_leads();
        return ScreenId::staff_leads;
    }
    if (std::holds_alternative<intent::StartSync>(intent)) {
        if (!sync_running()) {
            sync_.reset();  // joins the previous worker, if any
            sync_ = std::make_unique<SyncWorker>(data_dir_, SyncSettings{});
            sync_recorded_ = false;
        }
        return screen;
    }
    if (std::holds_alternative<intent::CancelSync>(intent)) {
        if (sync_) sync_->cancel();
        return screen;
    }
    if (const auto* target = std::get_if<intent::ExportTo>(&intent)) {
        auto pairing = load_pairing(data_dir_);
        auto exported = export_leads(store_, target->directory, pairing ? pairing->device : "kiosk");
        export_message_ = exported ? "ok: " + std::to_string(exported->leads) + " → " + exported->file.string()
                                   : "failed: " + exported.error().message;
        return screen;
    }
    if (const auto* adjust = std::get_if<intent::AdjustClock>(&intent)) {
        std::tm& when = clock_setting_;
        int* fields[] = {&when.tm_year, &when.tm_mon, &when.tm_mday, &when.tm_hour, &when.tm_min};
        if (adjust->field >= 0 && adjust->field < 5) *fields[adjust->field] += adjust->delta;
        const std::time_t normalised = timegm(&when);  // carries 60 minutes into an hour, and so on
        gmtime_r(&normalised, &when);
        return screen;
    }
    if (std::holds_alternative<intent::SetClock>(intent)) {
        std::tm when = clock_setting_;
        const std::string failed = set_system_clock_utc(timegm(&when));
        clock_message_ = failed.empty() ? "ok" : failed;
        return screen;
    }
    return screen;
}

}  // namespace flytthit
