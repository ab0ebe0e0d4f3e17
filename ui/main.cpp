// flytthit-kiosk: the touch kiosk. Opens the lead store and the content pack, then hands the
// kiosk to the window's frame loop.
#include "common/content/builtin_content.h"
#include "common/content/content_pack.h"
#include "common/content/content_signature.h"
#include "firmware/boot_content.h"
#include "firmware/sync/http_client.h"
#include "firmware/data_dir.h"
#include "firmware/kiosk.h"
#include "firmware/store/lead_store.h"
#include "firmware/store/store_recovery.h"
#include "ui/platform/kiosk_window.h"
#include "common/base/version.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <thread>
#include <string>
#include <vector>

namespace {

constexpr const char* usage = R"(usage: flytthit-kiosk [OPTIONS]

The touch kiosk for Fjellregionen's stand.

Options:
  --data-dir DIR      where leads are stored (default: $FLYTTHIT_DATA_DIR, else
                      ~/.local/share/flytthit-kiosk; the board uses /var/lib/flytthit-kiosk)
  --content DIR       content pack directory (default: a signed pack installed with
                      flytthit-kioskctl install-content, else the built-in one)
  --windowed          run in a window (development)
  --fullscreen        run full screen (the default; the board)
  --gl API            auto (the default: GL ES on the board's KMSDRM display, desktop GL
                      elsewhere), desktop (OpenGL 3.0) or es (OpenGL ES 3.0, else 2.0)
  --size WxH          window size (default 1280x800; the official 7" display is 800x480)

Options for documentation and tests only (never on a stand):
  --screen NAME       start on NAME: attract, jewel_box, municipality, work_for_two,
                      region, map, one of the sign-up steps (who, household,
                      school_start, business_idea, tipper, interests, contact, consent),
                      thank_you, large_text (the jewel box in large text), pin_pad, or a
                      staff screen (staff_home, staff_event, staff_leads, staff_lead,
                      staff_sync, staff_export, staff_clock), opened as if the PIN was
                      entered: it needs a data dir with no staff PIN, and leaves a random
                      PIN there that nobody knows (use a throwaway --data-dir)
  --language CODE     nb, en or nl: the language the kiosk starts in (staff screens too)
  --large-text        the visitor screens in large text, as after a tap on A+
  --campaign ID       make a new event of this campaign the current one, as staff
                      would on the event screen
  --screenshot FILE   render the start screen, save it as PNG, and exit
  --report-first-frame, --bench-frames N
                      for bench/: say when the first frame is shown; time N frames
  --check-damage N    draw N frames from their damage and whole, compare, exit 0 if alike
  --help, --version

A data dir with no staff PIN starts on the first-start setup (PIN twice, the event, optionally
pairing from a USB stick); visitors are served only after it.

Without a display, run under Xvfb:  xvfb-run -a flytthit-kiosk --windowed
On the board's framebuffer:         SDL_VIDEODRIVER=kmsdrm flytthit-kiosk
)";

struct Options {
    std::filesystem::path data_dir = flytthit::default_data_dir();
    std::optional<std::filesystem::path> content_dir;  // default: an installed signed pack, else the built-in one
    std::string screen;  // empty: where the kiosk starts in service (the first-start setup, else attract)
    std::string campaign;
    flytthit::Language language = flytthit::Language::nb;
    bool large_text = false;
    flytthit::ui::WindowOptions window;
};

// Parses argv; returns an exit code to leave with, or nullopt to run.
std::optional<int> parse(const std::vector<std::string>& args, Options& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (arg == "--help") {
            std::cout << usage;
            return 0;
        }
        if (arg == "--version") {
            std::cout << "flytthit-kiosk " << flytthit::app_version << "\n";
            return 0;
        }
        if (arg == "--windowed") { options.window.fullscreen = false; continue; }
        if (arg == "--report-first-frame") { options.window.report_first_frame = true; continue; }
        if (arg == "--fullscreen") { options.window.fullscreen = true; continue; }
        if (arg == "--large-text") { options.large_text = true; continue; }
        const auto given = value();
        if (!given) {
            std::cerr << "flytthit-kiosk: " << arg << " needs a value\n" << usage;
            return 2;
        }
        if (arg == "--data-dir") options.data_dir = *given;
        else if (arg == "--content") options.content_dir = std::filesystem::path(*given);
        else if (arg == "--screen") options.screen = *given;
        else if (arg == "--gl") {
            const auto api = flytthit::ui::gl_api_from_name(*given);
            if (!api) {
                std::cerr << "flytthit-kiosk: --gl \"" << *given << "\": expected auto, desktop or es\n";
                return 2;
            }
            options.window.gl_api = *api;
        }
        else if (arg == "--campaign") options.campaign = *given;
        else if (arg == "--language") {
            const auto language = flytthit::language_from_code(*given);
            if (!language) {
                std::cerr << "flytthit-kiosk: --language \"" << *given << "\": expected nb, en or nl\n";
                return 2;
            }
            options.language = *language;
        }
        else if (arg == "--screenshot") options.window.screenshot = *given;
        else if (arg == "--bench-frames") options.window.bench_frames = std::max(1, std::atoi(given->c_str()));
        else if (arg == "--check-damage") options.window.check_damage_frames = std::max(1, std::atoi(given->c_str()));
        else if (arg == "--size") {
            int width = 0, height = 0;
            if (std::sscanf(given->c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240) {
                std::cerr << "flytthit-kiosk: --size \"" << *given << "\": expected WxH, e.g. 800x480\n";
                return 2;
            }
            options.window.width = width;
            options.window.height = height;
        } else {
            std::cerr << "flytthit-kiosk: unknown option " << arg << "\n" << usage;
            return 2;
        }
    }
    return std::nullopt;
}

// Walks the kiosk to the named screen through the same intents a visitor's taps make, with
// a little filled in so the documentation shows a screen in use.
bool go_to_screen(flytthit::Kiosk& kiosk, const std::string& screen) {
    using namespace flytthit;
    const auto apply = [&](const Intent& intent) { kiosk.apply(intent, MonotonicClock::now()); };
    const std::vector<Intent> exploring{intent::Start{}, intent::OpenMunicipality{"roros"}, intent::ToggleMunicipality{"roros"},
                                        intent::Back{}, intent::OpenMunicipality{"tynset"}, intent::OpenSection{"host"}};
    const std::map<std::string, std::vector<Intent>> paths{
        {"attract", {}},
        {"jewel_box", {intent::Start{}, intent::ToggleMunicipality{"roros"}}},
        {"large_text", {intent::Start{}, intent::ToggleLargeText{}}},
        {"municipality", exploring},
        {"work_for_two", {intent::Start{}, intent::OpenWorkForTwo{}, intent::ChooseHome{"tynset"}}},
        {"region", {intent::Start{}, intent::OpenRegion{}}},
        {"map", {intent::Start{}, intent::OpenMunicipality{"tolga"}, intent::OpenMap{}}},
    };
    if (const auto path = paths.find(screen); path != paths.end()) {
        for (const auto& step : path->second) apply(step);
        return true;
    }
    // A sign-up step: go through the steps before it, filling each as a visitor might.
    for (const auto& step : exploring) apply(step);
    apply(intent::OpenSignUp{});
    const auto filled = [&](ScreenId at) {
        switch (at) {
            case ScreenId::sign_up_who: apply(intent::ChooseProfile{"family"}); break;
            case ScreenId::sign_up_household:
                apply(intent::ChangeAdults{+1});
                apply(intent::AddChild{});
                apply(intent::AddChild{});
                apply(intent::ChangeChildYear{1, +3});
                break;
            case ScreenId::sign_up_interests: apply(intent::ToggleTopic{"work"}); apply(intent::ToggleTopic{"childhood"}); break;
            case ScreenId::sign_up_tipper: apply(intent::TypeText{"Ola Nordmann"}); break;
            case ScreenId::sign_up_business_idea: apply(intent::TypeText{"Gårdsbakeri med kafé"}); break;
            case ScreenId::sign_up_contact:
                apply(intent::TypeText{"Kari Nordmann"});
                apply(intent::FocusField{VisitorField::phone});
                apply(intent::TypeText{"912 34 567"});
                break;
            default: break;
        }
    };
    const std::string wanted = screen == "thank_you" ? "consent" : screen;
    for (int guard = 0; guard < 12; ++guard) {
        const auto steps = kiosk.sign_up_steps();
        const std::size_t at = kiosk.step_index();
        if (at >= steps.size()) return false;
        if (step_name(steps[at]) == wanted) break;
        if (steps[at] == ScreenId::sign_up_consent) return false;  // not a step of this campaign
        filled(steps[at]);
        apply(intent::Next{});
    }
    if (screen == "thank_you") {
        apply(intent::ToggleConsent{});
        apply(intent::Submit{});
        return kiosk.screen() == ScreenId::thank_you;
    }
    return true;
}

// The staff screens --screen can open, by name.
std::optional<flytthit::ScreenId> staff_screen_named(const std::string& name) {
    using flytthit::ScreenId;
    const std::map<std::string, ScreenId> screens{
        {"staff_home", ScreenId::staff_home},     {"staff_event", ScreenId::staff_event}, {"staff_leads", ScreenId::staff_leads},
        {"staff_lead", ScreenId::staff_lead},     {"staff_sync", ScreenId::staff_sync},   {"staff_export", ScreenId::staff_export},
        {"staff_clock", ScreenId::staff_clock},
    };
    const auto found = screens.find(name);
    return found == screens.end() ? std::nullopt : std::optional(found->second);
}

// Runs the kiosk's timers until staff mode's workers (the Argon2id hash, the health read)
// are done, as the frame loop would. False when they take longer than any machine should.
bool settle_staff(flytthit::Kiosk& kiosk) {
    using namespace std::chrono_literals;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    kiosk.tick(flytthit::MonotonicClock::now());
    while (kiosk.staff().busy() || kiosk.staff().pin_checking()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(10ms);
        kiosk.tick(flytthit::MonotonicClock::now());
    }
    return true;
}

// Opens a staff screen for documentation and tests, as staff would reach it: a visitor's
// sign-up first (so the lead list has a lead), then the PIN pad on a kiosk with no PIN yet,
// a PIN chosen at random and typed twice, then the screen. Returns why not, or nothing.
std::optional<std::string> go_to_staff_screen(flytthit::Kiosk& kiosk, flytthit::LeadStore& store, flytthit::ScreenId screen) {
    using namespace flytthit;
    const auto apply = [&](const Intent& intent) { kiosk.apply(intent, MonotonicClock::now()); };
    const auto pin = store.setting("staff_pin_hash");
    if (!pin) return "the data dir's staff PIN cannot be read: " + pin.error().message;
    if (*pin) return std::string("the data dir has a staff PIN: staff screens open only on a throwaway --data-dir without one");
    if (!go_to_screen(kiosk, "thank_you")) return std::string("the sign-up for the lead list did not complete");
    apply(intent::Finish{});
    apply(intent::OpenStaffEntry{});
    std::random_device random;
    std::string digits;
    for (int i = 0; i < 8; ++i) digits += static_cast<char>('0' + random() % 10);
    for (int round = 0; round < 2; ++round) {
        for (char digit : digits) apply(intent::PinDigit{digit});
        apply(intent::PinSubmit{});
    }
    if (!settle_staff(kiosk) || kiosk.screen() != ScreenId::staff_home) return std::string("staff mode did not open");
    if (screen == ScreenId::staff_lead) {
        apply(intent::StaffGo{ScreenId::staff_leads});
        if (kiosk.staff().leads_rows().empty()) return std::string("the lead list is empty");
        apply(intent::OpenLead{kiosk.staff().leads_rows().front().id});
    } else if (screen != ScreenId::staff_home) {
        apply(intent::StaffGo{screen});
    }
    if (!settle_staff(kiosk) || kiosk.screen() != screen) return std::string("staff mode did not reach the screen");
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace flytthit;
    // What a visitor types lives in this process's memory until it is sealed: no core dump,
    // and no ptrace by other users, may carry it off.
    prctl(PR_SET_DUMPABLE, 0);
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    Options options;
    if (auto leave = parse(std::vector<std::string>(argv + 1, argv + argc), options)) return *leave;
    // Before any thread: staff mode's sync worker uses libcurl.
    const CurlGlobal curl;

    auto opened = open_store_recovering(options.data_dir);
    if (!opened) {
        std::cerr << "flytthit-kiosk: cannot open the lead store: " << opened.error().message << "\n";
        return 1;
    }
    if (opened->alert) std::cerr << "flytthit-kiosk: " << *opened->alert << "\n";
    LeadStore* store = &opened->store;
    auto boot = boot_content(options.content_dir, options.data_dir);
    if (!boot) {
        std::cerr << "flytthit-kiosk: " << boot.error().message << "\n";
        return 1;
    }
    for (const auto& note : boot->notes) std::cerr << "flytthit-kiosk: " << note << "\n";
    ContentChoice* content = &boot->choice;

    KioskSettings settings;
    settings.data_dir = options.data_dir;
    settings.default_language = options.language;
    // A kiosk without a staff PIN serves no visitor: staff set the PIN, the event and
    // (optionally) the pairing first. A documentation or test render of one screen (--screen)
    // shows that screen as it looks in service instead.
    settings.first_start_setup = options.screen.empty();
    if (!options.campaign.empty()) {
        if (content->pack.find_campaign(options.campaign) == nullptr) {
            std::cerr << "flytthit-kiosk: --campaign \"" << options.campaign << "\": not a campaign of the content pack\n";
            return 2;
        }
        const Event event{"campaign-" + options.campaign, options.campaign, "", "", options.campaign, {}};
        if (auto made = make_current_event(*store, event); !made) {
            std::cerr << "flytthit-kiosk: --campaign: " << made.error().message << "\n";
            return 1;
        }
    }
    // Sign-ups commit without SQLite's checkpoint in them: the kiosk's tick preallocates the
    // WAL and takes each checkpoint on a worker (firmware/store/wal_checkpoints.h).
    store->defer_checkpoints();
    Kiosk kiosk(*store, content->pack, settings, MonotonicClock::now());
    options.window.content_dir = content->loaded_from;
    options.window.data_dir = options.data_dir;
    if (const auto staff_screen = staff_screen_named(options.screen)) {
        if (options.large_text) {
            std::cerr << "flytthit-kiosk: --large-text: staff screens have no large text (--screen \"" << options.screen << "\")\n";
            return 2;
        }
        if (const auto why = go_to_staff_screen(kiosk, *store, *staff_screen)) {
            std::cerr << "flytthit-kiosk: --screen \"" << options.screen << "\": " << *why << "\n";
            return 2;
        }
    } else if (options.screen == "pin_pad") {
        kiosk.apply(intent::OpenStaffEntry{}, MonotonicClock::now());
    } else if (!options.screen.empty() && !go_to_screen(kiosk, options.screen)) {
        std::cerr << "flytthit-kiosk: --screen \"" << options.screen << "\": not a screen this kiosk reaches (see --help)\n";
        return 2;
    }
    if (options.large_text && !kiosk.large_text()) kiosk.apply(intent::ToggleLargeText{}, MonotonicClock::now());
    return ui::run_kiosk_window(kiosk, options.window);
}
