// The kiosk on a real display; see kiosk_window.h.
#include "ui/platform/kiosk_window.h"
#include "ui/platform/keyboard_keys.h"

#include "ui/kiosk_ui.h"
#include "ui/platform/damage_check.h"
#include "ui/platform/frame_drawing.h"
#include "ui/platform/frame_presenter.h"
#include "ui/platform/gl_functions.h"
#include "ui/platform/gl_window.h"
#include "ui/platform/large_text_fonts.h"
#include "ui/platform/sdl_handles.h"
#include "ui/platform/service_watchdog.h"
#include "ui/platform/textures.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <stb_image_write.h>

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <filesystem>
#include <future>
#include <memory>
#include <vector>

namespace flytthit::ui {

namespace {

using std::chrono::milliseconds;

// After any input, draw this many frames: one frame leaves ImGui's hover and popups stale.
constexpr int frames_after_event = 3;
// The attract loop animates at 12 frames a second, by deadline: the ring turns once a minute
// (a jewel moves 3 px a frame at 800x480), the spin and the prompt's pulse are slow, and 12 fps
// looks smooth for that while each frame is a full redraw under software GL.
constexpr milliseconds attract_frame_period{83};
// After this long without a touch the attract loop slows to a few frames a second: nobody is
// watching closely, and the board may be on battery for days.
constexpr std::chrono::seconds deep_idle_after{120};
constexpr milliseconds deep_idle_frame_period{200};
// With nothing to draw, wake this often to run the kiosk's timers (the idle wipe).
constexpr milliseconds idle_wake{250};

// SIGTERM (systemd stopping the unit) and SIGINT (Ctrl+C in a terminal) end the kiosk
// cleanly. They arrive through a signalfd the loop polls, not as SDL_QUIT: the window system
// can send SDL_QUIT too (Alt+F4, a close button), and that must not close a kiosk.
class TerminationSignals {
public:
    TerminationSignals() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGTERM);
        sigaddset(&signals_, SIGINT);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        fd_ = signalfd(-1, &signals_, SFD_NONBLOCK | SFD_CLOEXEC);
    }
    ~TerminationSignals() {
        if (fd_ >= 0) close(fd_);
        pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
    }
    TerminationSignals(const TerminationSignals&) = delete;
    TerminationSignals& operator=(const TerminationSignals&) = delete;

    int fd() const { return fd_; }
    bool received() const {
        signalfd_siginfo info{};
        return fd_ >= 0 && read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info);
    }

private:
    sigset_t signals_{};
    int fd_ = -1;
};

void explain_missing_display(const std::string& sdl_error) {
    std::cerr << "flytthit-kiosk: no display to open (" << sdl_error << ").\n"
              << "  On a desktop: run it inside your graphical session (DISPLAY or WAYLAND_DISPLAY set).\n"
              << "  Without a screen: xvfb-run -a -s '-screen 0 1280x800x24' flytthit-kiosk --windowed\n"
              << "  On the board's framebuffer, with no desktop running:\n"
              << "    SDL_VIDEODRIVER=kmsdrm flytthit-kiosk --fullscreen\n"
              << "  (the user needs the video, render and input groups)\n";
}

Status save_screenshot(const GlFunctions& gl, int width, int height, const std::filesystem::path& path) {
    const std::vector<unsigned char> pixels = read_frame(gl, width, height);
    // GL's rows run bottom-up; PNG's top-down.
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int row = 0; row < height; ++row) {
        std::copy_n(pixels.begin() + static_cast<long>(stride) * (height - 1 - row), stride,
                    flipped.begin() + static_cast<long>(stride) * row);
    }
    if (stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) == 0) {
        return make_error("writing screenshot " + path.string() + " failed");
    }
    return ok_status();
}

// Per-frame timings for --bench-frames, printed as percentiles in microseconds.
struct FrameTimes {
    std::vector<double> build_us;
    std::vector<double> draw_us;

    static double percentile(std::vector<double> values, double share) {
        if (values.empty()) return 0;
        std::sort(values.begin(), values.end());
        return values[static_cast<std::size_t>(share * static_cast<double>(values.size() - 1))];
    }
    void print() const {
        std::cout << "frame-build-us p50 " << percentile(build_us, 0.5) << " p99 " << percentile(build_us, 0.99) << "\n"
                  << "frame-draw-us p50 " << percentile(draw_us, 0.5) << " p99 " << percentile(draw_us, 0.99) << std::endl;
    }
};

// KMSDRM reads touches from /dev/input itself: a user outside the input group gets none, and
// SDL does not say so. Say it in the log, where the board's journal keeps it.
void warn_if_touch_unreadable() {
    const char* driver = SDL_GetCurrentVideoDriver();
    if (driver == nullptr || std::string_view(driver) != "KMSDRM") return;
    std::error_code error;
    bool any = false;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/input", error)) {
        if (entry.path().filename().string().rfind("event", 0) != 0) continue;
        any = true;
        if (access(entry.path().c_str(), R_OK) == 0) return;
    }
    std::cerr << "flytthit-kiosk: " << (any ? "no /dev/input/event* device is readable" : "no /dev/input/event* device found")
              << ": touches will not arrive; run as a member of the input group (the unit's SupplementaryGroups)\n";
}

// The drawable's size before there is a window: the desktop's in full screen (the window is
// SDL_WINDOW_FULLSCREEN_DESKTOP), the one asked for otherwise. The fonts are made for it while
// GL loads; a window that comes out another size gets its fonts made again.
ImVec2 expected_drawable_size(const WindowOptions& options) {
    SDL_DisplayMode desktop{};
    if (options.fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
        return {static_cast<float>(desktop.w), static_cast<float>(desktop.h)};
    }
    return {static_cast<float>(options.width), static_cast<float>(options.height)};
}

std::unique_ptr<KioskUi> make_kiosk_ui(ImVec2 display_size, const WindowOptions& options) {
    return std::make_unique<KioskUi>(display_size, options.data_dir.empty() ? std::nullopt : std::optional(options.data_dir));
}

}  // namespace

int run_kiosk_window(Kiosk& kiosk, const WindowOptions& options) {
    const TerminationSignals termination;
    // Lockdown: SDL must not turn signals into SDL_QUIT, must not minimise when focus goes,
    // and in full screen takes the keyboard so window-manager shortcuts (Alt+Tab) stay out.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    // SDL opens the D-Bus session bus as it starts (for screensaver inhibition and input
    // methods, neither of which a kiosk uses). With no bus in the environment, as under the
    // unit on the board, libdbus forks and execs dbus-launch to start one: a fork of the whole
    // process on the way to the first frame, and where dbus-x11 is installed, a private
    // dbus-daemon left running by every start. An address of no known transport makes it give
    // up at once; a session bus that is there is left alone.
    setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
    auto video = SdlVideo::start();
    if (!video) {
        explain_missing_display(video.error().message);
        return 3;
    }
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    // The fonts are restored from their cache (or baked) on a worker while this thread opens
    // the window and loads GL, Mesa's llvmpipe alone being about a third of the start: the
    // worker has ImGui to itself until get(), and this thread makes no ImGui call before it.
    const ImVec2 expected_size = expected_drawable_size(options);
    auto ui_made = std::async(std::launch::async, [expected_size, &options] { return make_kiosk_ui(expected_size, options); });
    bool window_missing = false;
    auto gl_window = open_gl_window({"Flytthit – Fjellregionen", options.width, options.height, options.fullscreen, options.gl_api},
                                    window_missing);
    if (!gl_window) {
        if (window_missing) {
            explain_missing_display(gl_window.error().message);
            return 3;
        }
        std::cerr << "flytthit-kiosk: " << gl_window.error().message << "\n";
        return 1;
    }
    SDL_Window* const window = gl_window->window.get();
    std::cerr << "flytthit-kiosk: drawing with " << gl_window->description << " on " << SDL_GetCurrentVideoDriver() << "\n";
    warn_if_touch_unreadable();
    SDL_GL_SetSwapInterval(1);  // only valid once the context exists
    auto gl = GlFunctions::load();
    if (!gl) {
        std::cerr << "flytthit-kiosk: " << gl.error().message << "\n";
        return 1;
    }
    if (options.fullscreen) {
        SDL_ShowCursor(SDL_DISABLE);  // a touch screen has no pointer to show
        SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
    }

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window, &width, &height);
    const ImVec2 display_size{static_cast<float>(width), static_cast<float>(height)};
    std::unique_ptr<KioskUi> ui_owner = ui_made.get();
    if (display_size.x != expected_size.x || display_size.y != expected_size.y) {
        std::cerr << "flytthit-kiosk: the window is " << width << "x" << height << ", not " << expected_size.x << "x"
                  << expected_size.y << ": its fonts are made again\n";
        ui_owner.reset();  // its ImGui context first: the new one becomes the current context
        ui_owner = make_kiosk_ui(display_size, options);
    }
    KioskUi& ui = *ui_owner;
    for (const auto& note : ui.take_font_notes()) std::cerr << "flytthit-kiosk: " << note << "\n";
    auto backends = ImGuiBackends::start(window, gl_window->context->get(), gl_window->glsl_version);
    if (!backends) {
        std::cerr << "flytthit-kiosk: " << backends.error().message << "\n";
        return 1;
    }
    const auto font_texture = FontTexture::upload(*gl, *ImGui::GetIO().Fonts);
    if (!font_texture) {
        std::cerr << "flytthit-kiosk: " << font_texture.error().message << "\n";
        return 1;
    }
    std::cerr << "flytthit-kiosk: font atlas " << (*font_texture)->description() << "\n";
    // Without it the flat shapes take the atlas's white pixel: slower under software GL, the
    // same to see. FLYTTHIT_FLAT_SHAPES=atlas asks for that, to compare (screenshot_test does).
    const char* flat_shapes = SDL_getenv("FLYTTHIT_FLAT_SHAPES");
    std::unique_ptr<WhiteTexel> white_texel;
    std::string flat_shapes_way = "the font atlas's white pixel (FLYTTHIT_FLAT_SHAPES=atlas)";
    if (flat_shapes == nullptr || std::string_view(flat_shapes) != "atlas") {
        auto uploaded = WhiteTexel::upload(*gl);
        if (uploaded) white_texel = std::move(*uploaded);
        flat_shapes_way = uploaded ? "a white texel, sampled nearest" : "the font atlas's white pixel (" + uploaded.error().message + ")";
    }
    if (white_texel) ui.set_flat_shapes_texture(white_texel->id());
    std::cerr << "flytthit-kiosk: flat shapes drawn with " << flat_shapes_way << "\n";
    // Pictures are decoded once, at the screen's size, on a worker while the first frames show
    // neutral frames; uploaded by the loop below, and deleted before the GL context goes
    // (declared after it). A broken one leaves a neutral frame, a log line and a line on staff home.
    PackTextures textures(kiosk.content(), options.content_dir, width, height, *gl);
    ui.set_pictures(&textures.pictures());
    LargeTextFonts large_text_fonts;  // after ui: its texture points into ui's atlas

    InputWait input(window);
    std::cerr << "flytthit-kiosk: between frames, waiting on " << input.description() << "\n";
    const auto presenter = FramePresenter::detect(window);
    std::cerr << "flytthit-kiosk: presenting " << presenter->description() << "\n";
    FrameDamage frame_damage;
    DamageDrawing damage_drawing;
    DamageCheck damage_check(*gl, width, height);
    bool screen_may_be_stale = true;  // the first frame, and after window events: draw it all

    const auto started = MonotonicClock::now();
    auto next_animation_frame = started;
    int frames_to_draw = frames_after_event;
    int frames_drawn = 0;
    FrameTimes frame_times;
    auto last_input = MonotonicClock::now();
    std::vector<Intent> input_intents;
    ServiceWatchdog watchdog;
    while (!kiosk.exit_requested()) {
        watchdog.loop_alive();  // only a loop that really runs pings: a hung one gets restarted
        // A held press (the staff gesture) needs frames too, or its three seconds never pass.
        const bool animates = screen_animates(kiosk) || ImGui::GetIO().MouseDown[0];
        const bool deep_idle = MonotonicClock::now() - last_input > deep_idle_after;
        const auto frame_period = deep_idle ? deep_idle_frame_period : attract_frame_period;
        const bool back_to_back = options.bench_frames > 0 || options.check_damage_frames > 0;
        const bool draw_at_once = options.screenshot || back_to_back || frames_to_draw > 0;
        // Animation frames are due by deadline, one period after the last one was due: the
        // time a frame takes to draw is inside the period, so the rate is the period's.
        input.wait(draw_at_once ? MonotonicClock::now() : animates ? next_animation_frame : MonotonicClock::now() + idle_wake,
                   termination.fd());
        SDL_Event event;
        if (SDL_PollEvent(&event) != 0) {
            do {
                ImGui_ImplSDL2_ProcessEvent(&event);
                // SDL_QUIT and window-close requests come from the window system (Alt+F4, a
                // close button): ignored. Staff leave the kiosk from staff mode, systemd by SIGTERM.
                // A physical keyboard types into the focused field like the on-screen one.
                if (event.type == SDL_TEXTINPUT) input_intents.push_back(intent::TypeText{event.text.text});
                if (event.type == SDL_KEYDOWN) {
                    if (auto editing = intent_for_key(event.key.keysym.sym)) input_intents.push_back(std::move(*editing));
                }
            } while (SDL_PollEvent(&event) != 0);
            frames_to_draw = frames_after_event;
            last_input = MonotonicClock::now();
            // An event may say the window was uncovered or resized, and what it shows lost.
            screen_may_be_stale = true;
        }
        if (termination.received()) break;
        const auto now = MonotonicClock::now();
        for (const auto& intent : input_intents) kiosk.apply(intent, now);
        input_intents.clear();
        const ScreenId before = kiosk.screen();
        kiosk.tick(now);
        if (kiosk.screen() != before) frames_to_draw = frames_after_event;
        // The attract screen shows no picture: they are held as textures only while a visitor
        // (or staff) is on the other screens, and decoded again at the next first touch.
        const auto pictures = textures.follow(kiosk.screen() != ScreenId::attract);
        if (pictures == PackTextures::Change::uploaded) {
            // screenshot_test counts this line: once per visit, never per frame or per screen.
            std::cerr << "flytthit-kiosk: pictures uploaded as textures, " << textures.uploaded_bytes() / 1024 << " KiB\n";
            for (const auto& problem : textures.pictures().problems()) std::cerr << "flytthit-kiosk: picture: " << problem.message << "\n";
            frames_to_draw = frames_after_event;
        }
        if (pictures == PackTextures::Change::released) std::cerr << "flytthit-kiosk: pictures released on the attract screen\n";
        if (!animates && frames_to_draw == 0 && !options.screenshot && !back_to_back) continue;
        // Woken early by something that was no input for the kiosk (X11 traffic): the next
        // animation frame is not due yet.
        if (animates && frames_to_draw == 0 && !options.screenshot && !back_to_back && now < next_animation_frame) continue;
        // A screenshot shows the pictures: its frames start counting once they are uploaded.
        if (options.screenshot && textures.pending()) {
            SDL_Delay(5);
            continue;
        }

        // Between frames, so a frame never mixes sets; its new texture is in no frame drawn yet.
        if (large_text_fonts.follow(ui, *gl, kiosk.large_text())) screen_may_be_stale = true;

        const auto build_start = MonotonicClock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        // The damage check steps the animation as the loop does at its rate, however fast the
        // frames are drawn back to back: each frame moves the jewels as far as on a stand. So
        // does a screenshot: the same frame each time, whatever the machine's speed.
        const double animation_seconds = options.check_damage_frames > 0 || options.screenshot
                                             ? frames_drawn * std::chrono::duration<double>(attract_frame_period).count()
                                             : std::chrono::duration<double>(now - started).count();
        const auto intents = ui.run_frame(kiosk, animation_seconds);
        const auto build_end = MonotonicClock::now();
        for (const auto& intent : intents) kiosk.apply(intent, now);
        if (!intents.empty()) frames_to_draw = frames_after_event;

        if (animates) {
            next_animation_frame += frame_period;
            // Late by a whole period (or the first frame after a still spell): start again
            // from now instead of drawing the missed frames back to back.
            if (next_animation_frame <= now) next_animation_frame = now + frame_period;
        }

        // Only what changed since the frame the back buffer holds is drawn and shown: on the
        // attract loop, the jewels and the prompt (frame_damage.h, frame_presenter.h).
        ImDrawData& draw_data = *ImGui::GetDrawData();
        const Damage damage = frame_damage.next(draw_data, ui.moving_parts(), presenter->buffer_age(),
                                                screen_may_be_stale || options.screenshot.has_value());
        screen_may_be_stale = false;
        damage_drawing.draw(*gl, draw_data, damage, width, height);
        if (options.check_damage_frames > 0) {
            damage_check.compare(damage_drawing, draw_data, damage);
            if (damage_check.frames() >= options.check_damage_frames) return damage_check.report() ? 0 : 1;
        }
        frames_to_draw = std::max(0, frames_to_draw - 1);
        ++frames_drawn;
        // The first frames lay out fonts and windows; the fourth is what a person sees.
        if (options.screenshot && frames_drawn == 4) {
            auto saved = save_screenshot(*gl, width, height, *options.screenshot);
            if (!saved) {
                std::cerr << "flytthit-kiosk: " << saved.error().message << "\n";
                return 1;
            }
            std::cout << "flytthit-kiosk: screenshot saved to " << options.screenshot->string() << "\n";
            return 0;
        }
        presenter->present(damage, width, height);
        if (options.bench_frames > 0) {
            gl->finish();  // count the GPU's (here: Mesa's) work too, not only its queueing
            frame_times.build_us.push_back(std::chrono::duration<double, std::micro>(build_end - build_start).count());
            frame_times.draw_us.push_back(std::chrono::duration<double, std::micro>(MonotonicClock::now() - build_end).count());
            if (frames_drawn >= options.bench_frames) {
                frame_times.print();
                return 0;
            }
        }
        if (frames_drawn == 1) watchdog.ready();
        if (options.report_first_frame && frames_drawn == 1) std::cout << "first-frame" << std::endl;
    }
    return 0;
}

}  // namespace flytthit::ui
