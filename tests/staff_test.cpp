// Staff mode through the core: the PIN and its lock-out, event setup, qualifying leads,
// counters, assisted sign-up, the idle lock, and that none of it answers a visitor.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "firmware/visitor_script.h"
#include "common/base/whole_number.h"
#include "firmware/background_task.h"
#include "firmware/staff/last_sync.h"
#include "firmware/staff/staff_pin.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::TempDir;
using flytthit::test::valid_draft;

namespace {

struct Stand {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    MonotonicClock::time_point now{std::chrono::hours(1)};
    std::unique_ptr<Kiosk> kiosk = make();

    std::unique_ptr<Kiosk> make() {
        KioskSettings settings;
        settings.data_dir = dir.path();
        return std::make_unique<Kiosk>(store, content, settings, now);
    }
    void apply(const Intent& intent) { kiosk->apply(intent, now); }
    // Lets staff mode's workers (PIN check, health, export, clock) finish and hands their
    // results to the kiosk, as the frame loop does. Bounded: a worker that never ends fails.
    void settle() {
        const auto deadline = std::chrono::steady_clock::now() + flytthit::test::scaled(60s);
        for (;;) {
            kiosk->tick(now);  // takes what finished; a right PIN starts the health read here
            if (!kiosk->staff().busy()) return;
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(2ms);
        }
    }
    void type_pin(const std::string& pin) {
        for (char digit : pin) apply(intent::PinDigit{digit});
        apply(intent::PinSubmit{});
        settle();
    }
    void set_pin(const std::string& pin) {
        auto hash = hash_pin(pin);
        REQUIRE(hash.ok());
        REQUIRE(store.set_setting("staff_pin_hash", *hash).ok());
    }
    void enter_staff(const std::string& pin = "2468") {
        apply(intent::OpenStaffEntry{});
        REQUIRE(kiosk->screen() == ScreenId::pin_entry);
        type_pin(pin);
        REQUIRE(kiosk->screen() == ScreenId::staff_home);
    }
    void sign_up(const std::string& name) {
        for (const Intent& intent : default_sign_up_intents(name, VisitorField::phone, "91234567", "tolga", steps_before_contact(*kiosk))) apply(intent);
        REQUIRE(kiosk->screen() == ScreenId::thank_you);
        apply(intent::Finish{});
    }
};

}  // namespace

TEST_CASE("the PIN is stored as an Argon2id hash and checked against it") {
    auto hash = hash_pin("2468");
    REQUIRE(hash.ok());
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("2468") == std::string::npos);
    CHECK(pin_matches(*hash, "2468"));
    CHECK_FALSE(pin_matches(*hash, "2469"));
    CHECK_FALSE(pin_matches(*hash, ""));
    CHECK(is_acceptable_pin("1234"));
    CHECK_FALSE(is_acceptable_pin("123"));
    CHECK_FALSE(is_acceptable_pin("123456789"));
    CHECK_FALSE(is_acceptable_pin("12a4"));
}

TEST_CASE("on first start staff choose a PIN, typing it twice") {
    Stand stand;
    stand.apply(intent::OpenStaffEntry{});
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::choose);
    stand.type_pin("12");
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_rules");
    stand.type_pin("1357");
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::confirm);
    stand.type_pin("1358");
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::choose);
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    stand.type_pin("1357");
    stand.type_pin("1357");
    CHECK(stand.kiosk->screen() == ScreenId::staff_home);
    stand.apply(intent::LeaveStaff{});
    stand.enter_staff("1357");
}

TEST_CASE("five wrong PINs lock the pad, longer each time, and a restart does not reset it") {
    Stand stand;
    stand.set_pin("2468");
    stand.apply(intent::OpenStaffEntry{});
    for (int i = 0; i < 4; ++i) stand.type_pin("0000");
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_wrong");
    stand.type_pin("0000");
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_locked");
    CHECK(stand.kiosk->staff().pin_locked_for(stand.now) == 30s);
    stand.type_pin("2468");  // the right PIN does not help while locked
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);

    // Pull the plug: a new kiosk on the same store is locked from the start.
    stand.now += 31s;
    stand.kiosk = stand.make();
    stand.apply(intent::OpenStaffEntry{});
    CHECK(stand.kiosk->staff().pin_locked_for(stand.now) == 30s);
    stand.now += 31s;
    stand.type_pin("1111");
    CHECK(stand.kiosk->staff().pin_locked_for(stand.now) == 60s);  // the sixth wrong try doubles it
    stand.now += 61s;
    stand.type_pin("2468");
    CHECK(stand.kiosk->screen() == ScreenId::staff_home);
    CHECK(*stand.store.setting("staff_pin_failures") == std::optional<std::string>("0"));
}

TEST_CASE("no staff intent does anything outside staff mode") {
    Stand stand;
    stand.set_pin("2468");
    const std::vector<Intent> staff_only{intent::StaffGo{ScreenId::staff_home}, intent::StaffGo{ScreenId::staff_leads},
                                         intent::PinDigit{'2'}, intent::PinSubmit{}, intent::AskExitKiosk{}, intent::ExitKiosk{},
                                         intent::StartSync{}, intent::SaveEvent{}, intent::OpenLead{"x"},
                                         intent::StartAssistedSignUp{}, intent::ExportTo{"/tmp"}};
    for (const ScreenId screen : {ScreenId::attract, ScreenId::jewel_box, ScreenId::sign_up_household,
                                  ScreenId::sign_up_contact}) {
        stand.kiosk = stand.make();
        if (screen != ScreenId::attract) stand.apply(intent::Start{});
        if (screen == ScreenId::sign_up_household) {
            stand.apply(intent::OpenSignUp{});
            stand.apply(intent::Next{});
        }
        if (screen == ScreenId::sign_up_contact) {
            for (const Intent& intent : intents_to_contact_step()) stand.apply(intent);
        }
        REQUIRE(stand.kiosk->screen() == screen);
        for (const auto& intent : staff_only) {
            stand.apply(intent);
            CHECK(stand.kiosk->screen() == screen);
            CHECK_FALSE(stand.kiosk->exit_requested());
        }
    }
    // The PIN pad itself lets nothing through but the PIN.
    stand.kiosk = stand.make();
    stand.apply(intent::OpenStaffEntry{});
    for (const auto& intent : staff_only) {
        if (std::holds_alternative<intent::PinDigit>(intent) || std::holds_alternative<intent::PinSubmit>(intent)) continue;
        stand.apply(intent);
        CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    }
    CHECK_FALSE(stand.kiosk->exit_requested());
}

TEST_CASE("event setup tags every following lead with the event and its campaign") {
    Stand stand;
    stand.set_pin("2468");
    stand.enter_staff();
    stand.apply(intent::StaffGo{ScreenId::staff_event});
    stand.apply(intent::SaveEvent{});
    CHECK(stand.kiosk->staff().error() == "staff.event_name_missing");
    stand.apply(intent::StaffFocus{StaffField::event_name});
    stand.apply(intent::TypeText{"Oslo Plaza"});
    stand.apply(intent::StaffFocus{StaffField::event_place});
    stand.apply(intent::TypeText{"Oslo"});
    stand.apply(intent::ChooseCampaign{"forste-klasse"});
    stand.apply(intent::ToggleEventMunicipality{"tynset"});
    stand.apply(intent::SaveEvent{});
    REQUIRE(stand.kiosk->screen() == ScreenId::staff_home);
    const std::string event_id = stand.kiosk->staff().current_event().id;
    CHECK(event_id.rfind("oslo-plaza-", 0) == 0);
    CHECK(stand.kiosk->staff().current_event().municipalities == std::vector<std::string>{"tynset"});
    stand.apply(intent::LeaveStaff{});

    stand.sign_up("Kari Nordmann");
    std::vector<Lead> leads;
    REQUIRE(stand.store.for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
    REQUIRE(leads.size() == 1);
    CHECK(leads[0].draft.event_id == event_id);
    CHECK(leads[0].draft.campaign_id == "forste-klasse");
    CHECK_FALSE(leads[0].draft.staff_assisted);

    // The event survives a restart.
    stand.kiosk = stand.make();
    CHECK(stand.kiosk->staff().current_event().id == event_id);
}

TEST_CASE("a tapped staff field is edited until Done, and every staff screen opens on its form, not on the keyboard") {
    Stand stand;
    stand.set_pin("2468");
    stand.enter_staff();
    stand.apply(intent::StaffGo{ScreenId::staff_event});
    CHECK_FALSE(stand.kiosk->staff().editing().has_value());
    stand.apply(intent::StaffFocus{StaffField::event_place});
    REQUIRE(stand.kiosk->staff().editing() == StaffField::event_place);
    stand.apply(intent::ToggleShift{});
    stand.apply(intent::TypeText{"R"});
    stand.apply(intent::TypeText{"oros"});
    CHECK(stand.kiosk->staff().field_text(StaffField::event_place) == "Roros");
    stand.apply(intent::ToggleShift{});
    stand.apply(intent::StaffDoneEditing{});
    CHECK_FALSE(stand.kiosk->staff().editing().has_value());
    CHECK_FALSE(stand.kiosk->staff().shift());  // Done drops a pending capital
    CHECK(stand.kiosk->screen() == ScreenId::staff_event);
    CHECK(stand.kiosk->staff().field_text(StaffField::event_place) == "Roros");  // Done keeps what was typed

    // Leaving mid-edit (Home, lock): the next visit starts on the form.
    stand.apply(intent::StaffFocus{StaffField::event_name});
    REQUIRE(stand.kiosk->staff().editing().has_value());
    stand.apply(intent::StaffGo{ScreenId::staff_home});
    CHECK_FALSE(stand.kiosk->staff().editing().has_value());
    stand.apply(intent::StaffGo{ScreenId::staff_event});
    stand.apply(intent::StaffFocus{StaffField::event_name});
    stand.apply(intent::LeaveStaff{});
    stand.enter_staff();
    CHECK_FALSE(stand.kiosk->staff().editing().has_value());
}

TEST_CASE("staff qualify a lead: rating, follow-up and note - a synced lead goes back to pending to carry it") {
    Stand stand;
    stand.set_pin("2468");
    stand.sign_up("Ola Nordmann");
    std::string id;
    REQUIRE(stand.store.for_each_lead([&](const Lead& lead) { id = lead.id; }).ok());
    REQUIRE(stand.store.record_sync_outcomes({{id, SyncState::synced, {}, {}}}, {"batch-1", "signature", "signed text"}).ok());
    CHECK(*stand.store.count_pending() == 0);

    stand.enter_staff();
    stand.apply(intent::StaffGo{ScreenId::staff_leads});
    REQUIRE(stand.kiosk->staff().leads_rows().size() == 1);
    stand.apply(intent::OpenLead{id});
    REQUIRE(stand.kiosk->screen() == ScreenId::staff_lead);
    stand.apply(intent::SetRating{"hot"});
    stand.apply(intent::SetFollowUp{"tolga"});
    stand.apply(intent::TypeText{"Sykepleier, vil se på bolig i mai"});
    stand.apply(intent::SaveLead{});
    CHECK(stand.kiosk->screen() == ScreenId::staff_leads);

    auto lead = stand.store.lead(id);
    REQUIRE(lead.ok());
    REQUIRE(lead->has_value());
    CHECK((*lead)->staff.rating == "hot");
    CHECK((*lead)->staff.follow_up == "tolga");
    CHECK((*lead)->staff.note.empty());  // sealed, like the rest of the personal data
    auto note = open_sealed((*lead)->sealed.note, demo::sealing_public_key, demo::sealing_secret_key);
    REQUIRE(note.ok());
    CHECK(*note == "Sykepleier, vil se på bolig i mai");
    CHECK((*lead)->sync_state == SyncState::pending);
}

TEST_CASE("staff home reads the current event's reconciliation: only a lead under a receipt counts as acknowledged") {
    Stand stand;
    stand.set_pin("2468");
    stand.sign_up("A");
    stand.sign_up("B");
    std::vector<std::string> ids;
    REQUIRE(stand.store.for_each_lead([&](const Lead& lead) { ids.push_back(lead.id); }).ok());
    REQUIRE(ids.size() == 2);
    REQUIRE(stand.store.record_sync_outcomes({{ids[0], SyncState::synced, {}, {}}}, {"batch-1", "signature", "signed text"}).ok());
    stand.enter_staff();
    const Reconciliation& counts = stand.kiosk->staff().reconciliation();
    CHECK(counts.taken == 2);
    CHECK(counts.acknowledged == 1);
    CHECK(counts.set_aside == 0);
    CHECK(counts.missing == 1);
}

TEST_CASE("counters count today, this event, per municipality and per campaign") {
    Stand stand;
    stand.set_pin("2468");
    stand.sign_up("A");
    stand.sign_up("B");
    stand.enter_staff();
    const LeadCounters& counters = stand.kiosk->staff().counters();
    CHECK(counters.today == 2);
    CHECK(counters.this_event == 2);
    CHECK(counters.pending == 2);
    CHECK(counters.total == 2);
    REQUIRE(counters.per_municipality.size() == 1);
    CHECK(counters.per_municipality[0] == std::pair<std::string, std::int64_t>{"tolga", 2});
    CHECK(stand.kiosk->staff().health().database_bytes > 0);
    CHECK(stand.kiosk->staff().health().total_bytes > 0);
}

TEST_CASE("a staff-assisted sign-up is marked as such, and staff mode is left behind") {
    Stand stand;
    stand.set_pin("2468");
    stand.enter_staff();
    stand.apply(intent::StartAssistedSignUp{});
    CHECK(stand.kiosk->screen() == ScreenId::jewel_box);
    // Staff are on the jewel box already; the scripted visitor's Start does nothing there.
    for (const Intent& intent : default_sign_up_intents("Per", VisitorField::email, "per@example.no")) stand.apply(intent);
    REQUIRE(stand.kiosk->screen() == ScreenId::thank_you);
    std::vector<Lead> leads;
    REQUIRE(stand.store.for_each_lead([&](const Lead& lead) { leads.push_back(lead); }).ok());
    REQUIRE(leads.size() == 1);
    CHECK(leads[0].draft.staff_assisted);
}

TEST_CASE("staff mode locks itself when left alone, and leaving the kiosk needs staff mode") {
    Stand stand;
    stand.set_pin("2468");
    stand.enter_staff();
    stand.apply(intent::StaffGo{ScreenId::staff_leads});
    stand.now += 179s;
    stand.kiosk->tick(stand.now);
    CHECK(stand.kiosk->screen() == ScreenId::staff_leads);
    stand.now += 1s;
    stand.kiosk->tick(stand.now);
    CHECK(stand.kiosk->screen() == ScreenId::attract);
    stand.apply(intent::ExitKiosk{});
    CHECK_FALSE(stand.kiosk->exit_requested());
    stand.enter_staff();
    stand.apply(intent::AskExitKiosk{});
    stand.apply(intent::ExitKiosk{});
    CHECK(stand.kiosk->exit_requested());
}

TEST_CASE("leaving the kiosk is asked first: the confirm exits only after the question, Cancel and any other screen forget it") {
    Stand stand;
    stand.set_pin("2468");
    stand.enter_staff();
    stand.apply(intent::ExitKiosk{});  // a confirm with no question asked
    CHECK_FALSE(stand.kiosk->exit_requested());
    stand.apply(intent::AskExitKiosk{});
    CHECK(stand.kiosk->staff().exit_asked());
    CHECK_FALSE(stand.kiosk->exit_requested());
    stand.apply(intent::CancelExitKiosk{});
    CHECK_FALSE(stand.kiosk->staff().exit_asked());
    stand.apply(intent::ExitKiosk{});
    CHECK_FALSE(stand.kiosk->exit_requested());
    CHECK(stand.kiosk->screen() == ScreenId::staff_home);
    // Asked, then staff go elsewhere, or staff mode locks itself: the question is gone.
    stand.apply(intent::AskExitKiosk{});
    stand.apply(intent::StaffGo{ScreenId::staff_leads});
    CHECK_FALSE(stand.kiosk->staff().exit_asked());
    stand.apply(intent::AskExitKiosk{});  // not on staff home: nothing to ask from here
    CHECK_FALSE(stand.kiosk->staff().exit_asked());
    stand.apply(intent::StaffGo{ScreenId::staff_home});
    stand.apply(intent::AskExitKiosk{});
    stand.apply(intent::LeaveStaff{});
    stand.enter_staff();
    CHECK_FALSE(stand.kiosk->staff().exit_asked());
    stand.apply(intent::ExitKiosk{});
    CHECK_FALSE(stand.kiosk->exit_requested());
    stand.apply(intent::AskExitKiosk{});
    stand.apply(intent::ExitKiosk{});
    CHECK(stand.kiosk->exit_requested());
}

TEST_CASE("a PIN that cannot be read keeps staff mode closed: never 'choose a new PIN'") {
    Stand stand;
    stand.set_pin("2468");
    {
        auto other = Database::open(stand.store.database_path());
        REQUIRE(other.ok());
        REQUIRE(other->exec("ALTER TABLE settings RENAME TO settings_gone").ok());
    }
    stand.apply(intent::OpenStaffEntry{});
    REQUIRE(stand.kiosk->screen() == ScreenId::pin_entry);
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::unavailable);
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_unreadable");
    for (const char* pin : {"2468", "1234", "0000"}) {
        stand.type_pin(pin);
        CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    }
    // Once the store reads again, the stored PIN is asked for, not a new one.
    {
        auto other = Database::open(stand.store.database_path());
        REQUIRE(other.ok());
        REQUIRE(other->exec("ALTER TABLE settings_gone RENAME TO settings").ok());
    }
    stand.apply(intent::LeaveStaff{});
    stand.enter_staff("2468");
}

TEST_CASE("a wrong PIN whose count cannot be kept locks the pad instead of giving a free guess") {
    Stand stand;
    stand.set_pin("2468");
    {
        auto other = Database::open(stand.store.database_path());
        REQUIRE(other.ok());
        REQUIRE(other->exec("CREATE TRIGGER refuse_insert BEFORE INSERT ON settings WHEN NEW.key = 'staff_pin_failures' "
                            "BEGIN SELECT RAISE(ABORT, 'disk full'); END;"
                            "CREATE TRIGGER refuse_update BEFORE UPDATE ON settings WHEN NEW.key = 'staff_pin_failures' "
                            "BEGIN SELECT RAISE(ABORT, 'disk full'); END;")
                    .ok());
    }
    stand.apply(intent::OpenStaffEntry{});
    stand.type_pin("1111");
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::unavailable);
    stand.type_pin("2468");  // even the right PIN does not open it on this visit
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
}

TEST_CASE("the PIN check, the USB export and the health read run on workers: intents return at once") {
    Stand stand;
    stand.set_pin("2468");
    stand.apply(intent::OpenStaffEntry{});
    for (char digit : std::string("2468")) stand.apply(intent::PinDigit{digit});
    stand.apply(intent::PinSubmit{});
    // The result reaches the kiosk only through tick(): until then the pad says it is checking.
    CHECK(stand.kiosk->staff().pin_checking());
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_checking");
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    stand.settle();
    CHECK(stand.kiosk->screen() == ScreenId::staff_home);
    CHECK(stand.kiosk->staff().health().database_bytes > 0);

    TempDir stick;
    stand.apply(intent::StaffGo{ScreenId::staff_export});
    stand.apply(intent::ExportTo{stick.path().string()});
    CHECK(stand.kiosk->staff().export_running());
    CHECK_FALSE(stand.kiosk->staff().export_result().has_value());
    stand.settle();
    REQUIRE(stand.kiosk->staff().export_result().has_value());
    REQUIRE(stand.kiosk->staff().export_result()->ok());
    CHECK(std::filesystem::exists((*stand.kiosk->staff().export_result())->file));

    // A failed export says what kind of failure it was, for the catalogue.
    stand.apply(intent::ExportTo{(stick.path() / "not-mounted").string()});
    stand.settle();
    REQUIRE(stand.kiosk->staff().export_result().has_value());
    CHECK_FALSE(stand.kiosk->staff().export_result()->ok());
    CHECK(staff_message_key(stand.kiosk->staff().export_result()->error().kind).starts_with("staff.error_"));
}

TEST_CASE("leaving the PIN pad while the PIN is checked returns at once: the check finishes aside and is freed later") {
    Stand stand;
    // A hash as costly as staff's own devices may hold (Argon2id, 20 passes over 64 MiB): the
    // check is surely still running when close() returns, however fast the machine.
    auto hash = hash_pin("2468");
    REQUIRE(hash.ok());
    const auto passes = hash->find(",t=");
    REQUIRE(passes != std::string::npos);
    std::string slow = *hash;
    slow.replace(passes, slow.find(',', passes + 1) - passes, ",t=20");
    REQUIRE(stand.store.set_setting("staff_pin_hash", slow).ok());
    stand.apply(intent::OpenStaffEntry{});
    for (char digit : std::string("2468")) stand.apply(intent::PinDigit{digit});
    stand.apply(intent::PinSubmit{});
    REQUIRE(stand.kiosk->staff().pin_checking());
    stand.apply(intent::LeaveStaff{});  // close(): on the render thread, it must not join Argon2id
    CHECK(stand.kiosk->screen() == ScreenId::attract);
    CHECK_FALSE(stand.kiosk->staff().pin_checking());
    CHECK(stand.kiosk->staff().retiring_running() == 1);  // not joined: still running aside
    CHECK(stand.kiosk->staff().busy());
    stand.settle();  // tick() frees it once it ends
    CHECK(stand.kiosk->staff().retiring_running() == 0);
    CHECK(stand.kiosk->screen() == ScreenId::attract);  // its result went nowhere
}

TEST_CASE("a retired task is kept until it finishes, then freed, and a task that throws gives a value, not a crash") {
    std::atomic<bool> release{false};
    RetiringTasks retiring;
    auto task = std::make_unique<BackgroundTask<bool>>([&](std::stop_token) {
        flytthit::test::wait_until([&] { return release.load(); }, flytthit::test::scaled(60s));
        return true;
    });
    retiring.retire(std::move(task));  // returns although the work is still running
    CHECK(retiring.running() == 1);
    retiring.collect();
    CHECK(retiring.running() == 1);
    release = true;
    REQUIRE(flytthit::test::wait_until([&] {
        retiring.collect();
        return retiring.running() == 0;
    }));

    BackgroundTask<Result<int>> failing([](std::stop_token) -> Result<int> { throw std::runtime_error("disk on fire"); });
    REQUIRE(flytthit::test::wait_until([&] { return failing.finished(); }));
    auto result = failing.take();
    REQUIRE(result.has_value());
    REQUIRE_FALSE(result->ok());
    CHECK(result->error().message.find("disk on fire") != std::string::npos);

    BackgroundTask<int> plain([](std::stop_token) -> int { throw std::runtime_error("no value"); });
    REQUIRE(flytthit::test::wait_until([&] { return plain.finished(); }));
    CHECK_FALSE(plain.take().has_value());
    REQUIRE(plain.failure().has_value());
    CHECK(plain.failure()->message.find("no value") != std::string::npos);
}

TEST_CASE("whole numbers are read strictly: the whole text, base 10, within int") {
    CHECK(*parse_whole_number("30") == 30);
    CHECK(*parse_whole_number("-2") == -2);
    CHECK(*parse_whole_number("0") == 0);
    for (const char* bad : {"", " 3", "3 ", "+3", "12 days", "1e3", "0x10", "abc", "99999999999999999999"}) {
        CAPTURE(bad);
        const auto parsed = parse_whole_number(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().kind == ErrorKind::bad_input);
    }
}

TEST_CASE("a wrong-try count that cannot be read locks the pad: garbage is never read as 0") {
    Stand stand;
    stand.set_pin("2468");
    REQUIRE(stand.store.set_setting("staff_pin_failures", "lots").ok());
    stand.kiosk = stand.make();
    stand.apply(intent::OpenStaffEntry{});
    CHECK(stand.kiosk->staff().pin_locked_for(stand.now).has_value());
    stand.type_pin("2468");
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    CHECK(stand.kiosk->staff().pin_message_key() == "staff.pin_locked");
}

TEST_CASE("a broken pairing shows as broken, never as the demo key") {
    Stand stand;
    stand.set_pin("2468");
    flytthit::test::write_file(stand.dir / "pairing.json", "{ not a pairing");
    stand.enter_staff();
    stand.settle();  // the health read, where the key is looked at
    CHECK_FALSE(stand.kiosk->staff().sealing_is_demo());
    REQUIRE(stand.kiosk->staff().sealing_error().has_value());
    CHECK(stand.kiosk->staff().sealing_error()->message.find("pairing") != std::string::npos);
    CHECK_FALSE(stand.kiosk->staff().error().empty());  // and staff are told
}

namespace {

// A stand whose kiosk runs the first-start setup, as the kiosk program does, with a
// directory of its own standing in for the USB stick.
struct FirstStart : Stand {
    TempDir usb;
    std::unique_ptr<Kiosk> make_with_setup() {
        KioskSettings settings;
        settings.data_dir = dir.path();
        settings.first_start_setup = true;
        settings.usb_roots = {usb.path()};
        return std::make_unique<Kiosk>(store, content, settings, now);
    }
    void write_pairing(const std::string& name, const std::string& text) { test::write_file(usb / name, text); }
    static std::string good_pairing() {
        return pairing_to_json(Pairing{"https://register.example.no:8443", "stand-1", std::string(64, 'a'),
                                       std::string(64, 'b'), std::string(64, 'c'), "", ""});
    }
};

}  // namespace

TEST_CASE("a kiosk with no PIN serves no visitors: staff choose the PIN twice, then the event, then may pair, and only then attract") {
    FirstStart stand;
    stand.kiosk = stand.make_with_setup();
    REQUIRE(stand.kiosk->setup_step() == SetupStep::pin);
    REQUIRE(stand.kiosk->screen() == ScreenId::pin_entry);
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::choose);
    // Nothing a visitor does leaves the setup: not a touch, not Cancel, not the idle wipe.
    for (const Intent& intent : std::vector<Intent>{intent::Start{}, intent::OpenSignUp{}, intent::LeaveStaff{},
                                                    intent::OpenStaffEntry{}, intent::StaffGo{ScreenId::staff_home}}) {
        stand.apply(intent);
        CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    }
    stand.now += 10min;
    stand.kiosk->tick(stand.now);
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    stand.type_pin("1357");
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::confirm);
    stand.type_pin("1357");
    REQUIRE(stand.kiosk->screen() == ScreenId::staff_event);
    CHECK(stand.kiosk->setup_step() == SetupStep::event);
    // Staff home waits until setup is done; so does leaving.
    stand.apply(intent::StaffGo{ScreenId::staff_home});
    CHECK(stand.kiosk->screen() == ScreenId::staff_event);
    stand.apply(intent::LeaveStaff{});
    stand.apply(intent::AskExitKiosk{});
    stand.apply(intent::ExitKiosk{});
    CHECK(stand.kiosk->screen() == ScreenId::staff_event);
    CHECK_FALSE(stand.kiosk->exit_requested());
    stand.apply(intent::SaveEvent{});  // no name yet: stays, says why
    CHECK(stand.kiosk->screen() == ScreenId::staff_event);
    stand.apply(intent::TypeText{"Oslo Plaza"});
    stand.apply(intent::ChooseCampaign{"forste-klasse"});
    stand.apply(intent::SaveEvent{});
    REQUIRE(stand.kiosk->screen() == ScreenId::staff_pairing);
    CHECK(stand.kiosk->setup_step() == SetupStep::pairing);
    CHECK(stand.kiosk->staff().current_event().campaign_id == "forste-klasse");
    stand.settle();
    CHECK(stand.kiosk->staff().pairing_files().empty());  // nothing on the stick: skipping is allowed
    stand.apply(intent::FinishSetup{});
    CHECK(stand.kiosk->setup_step() == SetupStep::none);
    CHECK(stand.kiosk->screen() == ScreenId::attract);
    stand.apply(intent::Start{});
    CHECK(stand.kiosk->screen() == ScreenId::jewel_box);

    // Restarted, the kiosk opens for visitors at once, and staff mode asks for the chosen PIN.
    stand.kiosk = stand.make_with_setup();
    CHECK(stand.kiosk->setup_step() == SetupStep::none);
    CHECK(stand.kiosk->screen() == ScreenId::attract);
    stand.enter_staff("1357");
}

TEST_CASE("a first start cut off after the PIN asks for that PIN and then the event") {
    FirstStart stand;
    stand.set_pin("2468");
    stand.kiosk = stand.make_with_setup();
    REQUIRE(stand.kiosk->setup_step() == SetupStep::event);
    REQUIRE(stand.kiosk->screen() == ScreenId::pin_entry);
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::enter);  // never "choose a new PIN" over one that is set
    stand.type_pin("0000");
    CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    stand.type_pin("2468");
    CHECK(stand.kiosk->screen() == ScreenId::staff_event);
}

TEST_CASE("a PIN that cannot be read at first start keeps staff mode closed") {
    FirstStart stand;
    {
        auto other = Database::open(stand.store.database_path());
        REQUIRE(other.ok());
        REQUIRE(other->exec("ALTER TABLE settings RENAME TO settings_gone").ok());
    }
    stand.kiosk = stand.make_with_setup();
    CHECK(stand.kiosk->staff().pin_state() == PinState::unreadable);
    CHECK(stand.kiosk->setup_step() == SetupStep::none);  // nobody is asked to choose a PIN
    stand.apply(intent::OpenStaffEntry{});
    REQUIRE(stand.kiosk->screen() == ScreenId::pin_entry);
    CHECK(stand.kiosk->staff().pin_stage() == PinStage::unavailable);
    for (const char* pin : {"1357", "0000"}) {
        stand.type_pin(pin);
        stand.type_pin(pin);
        CHECK(stand.kiosk->screen() == ScreenId::pin_entry);
    }
}

TEST_CASE("staff pair from a pairing file on the USB stick: a broken file is refused and named, a good one is saved") {
    FirstStart stand;
    stand.set_pin("2468");
    stand.write_pairing("broken.pairing.json", R"({"register_url": "ftp://x", "token": "12"})");
    stand.write_pairing("stand-1.pairing.json", FirstStart::good_pairing());
    stand.write_pairing("notes.txt", "not a pairing");
    REQUIRE(make_current_event(stand.store, Event{"fair", "Fair", "Oslo", "2026-11-24", "", {}}).ok());
    stand.kiosk = stand.make_with_setup();
    REQUIRE(stand.kiosk->setup_step() == SetupStep::none);
    stand.enter_staff();
    stand.settle();
    CHECK(stand.kiosk->staff().pairing_advice_key() == "staff.unpaired");  // health says so, in plain words
    stand.apply(intent::StaffGo{ScreenId::staff_pairing});
    REQUIRE(stand.kiosk->screen() == ScreenId::staff_pairing);
    stand.settle();
    const auto files = stand.kiosk->staff().pairing_files();
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "broken.pairing.json");
    stand.apply(intent::PairFrom{(stand.dir / "pairing.json").string()});  // not a file the scan found: ignored
    CHECK_FALSE(stand.kiosk->staff().pairing_running());
    stand.apply(intent::PairFrom{files[0].string()});
    stand.settle();
    REQUIRE(stand.kiosk->staff().pairing_result().has_value());
    REQUIRE_FALSE(stand.kiosk->staff().pairing_result()->ok());
    CHECK(stand.kiosk->staff().pairing_result()->error().message.find("broken.pairing.json") != std::string::npos);
    CHECK(load_pairing(stand.dir.path()).error().kind == ErrorKind::unavailable);  // nothing saved
    stand.apply(intent::PairFrom{files[1].string()});
    stand.settle();
    REQUIRE(stand.kiosk->staff().pairing_result()->ok());
    auto saved = load_pairing(stand.dir.path());
    REQUIRE(saved.ok());
    CHECK(saved->device == "stand-1");
    CHECK(stand.kiosk->staff().pairing_advice_key().empty());
    CHECK_FALSE(stand.kiosk->staff().sealing_is_demo());
}

TEST_CASE("the last sync is kept as facts and read back whole, and a setting of another shape reads as none") {
    const LastSync failed{"2026-12-02T13:39:20Z", false, 40, "the register did not answer", ErrorKind::transient};
    const auto read = decode_last_sync(encode_last_sync(failed));
    REQUIRE(read.has_value());
    CHECK(read->at_utc == failed.at_utc);
    CHECK_FALSE(read->succeeded);
    CHECK(read->sent == 40);
    CHECK(read->error == failed.error);
    CHECK(read->error_kind == ErrorKind::transient);
    // The sentence earlier kiosks kept, a damaged setting, a time not in UTC's shape.
    CHECK_FALSE(decode_last_sync("2026-12-02T13:39:20Z: ok, 5 sent").has_value());
    CHECK_FALSE(decode_last_sync("{\"at\": \"2026-12-02T13:39:20Z\", \"succeeded\": true}").has_value());
    CHECK_FALSE(decode_last_sync("{\"at\": \"yesterday\", \"succeeded\": true, \"sent\": 1, \"error\": \"\"}").has_value());
}

TEST_CASE("staff mode keeps what the last sync did across a restart") {
    Stand stand;
    stand.set_pin("2468");
    const LastSync done{"2026-12-02T13:39:20Z", true, 5, ""};
    REQUIRE(stand.store.set_setting("last_sync", encode_last_sync(done)).ok());
    stand.kiosk = stand.make();
    REQUIRE(stand.kiosk->staff().last_sync().has_value());
    CHECK(stand.kiosk->staff().last_sync()->sent == 5);
    CHECK(stand.kiosk->staff().last_sync()->succeeded);
}
