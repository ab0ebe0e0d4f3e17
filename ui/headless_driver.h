// Runs the real kiosk UI without a window: real ImGui frames over the real Kiosk, with taps
// synthesised at the named touch targets (as example_null runs ImGui with no renderer).
// For tests and benchmarks; the kiosk binary itself never uses it.
#pragma once

#include "firmware/kiosk.h"
#include "ui/kiosk_ui.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace flytthit::ui {

class HeadlessDriver {
public:
    // With font_cache_dir the fonts are restored from (or baked into) a cache there, as the
    // kiosk's data directory holds one; without it they are baked each time.
    // With audit_text (the default) every frame records what it drew as text, for the tests'
    // text_audit(); without it the frames run as the kiosk's own do, recording nothing.
    HeadlessDriver(Kiosk& kiosk, ImVec2 display_size, MonotonicClock::time_point start,
                   std::optional<std::filesystem::path> font_cache_dir = std::nullopt, bool audit_text = true);

    // Runs one frame with the current pointer state and applies what the screen emitted.
    void frame();
    // Taps the target drawn last frame under name: press, then release, a frame each.
    // Returns false (and taps nothing) when no such target is on screen.
    bool tap(const std::string& name);
    // Holds a finger on the target for duration (frames of 100 ms), then lifts it.
    bool long_press(const std::string& name, std::chrono::milliseconds duration);
    // Types text through the on-screen keyboard, key by key ("key:a", "key:shift", ...),
    // following the shift of the keyboard on screen (the visitor's, or staff's on a staff
    // screen). Returns false at the first character with no key on screen.
    bool type_on_keyboard(const std::string& text);
    // Moves the test's clock on and runs a frame, so the kiosk's timers run.
    void advance(std::chrono::milliseconds elapsed);
    // Holds a finger on the key target until its accented forms show, slides to the one
    // named target ("key:e:é") and lifts there. False when either is not on screen.
    bool long_press_and_slide(const std::string& name, const std::string& target);
    // The display's size from the next frame on: zero, as a minimised window reports it, or
    // another size, as a resized window does. The fonts keep the scale they were made for.
    void set_display_size(ImVec2 size) { display_size_ = size; }

    const KioskUi& ui() const { return ui_; }
    // What the last frame drew as text and what it had to cut (empty without audit_text).
    const TextAudit& text_audit() const { return audit_; }
    MonotonicClock::time_point now() const { return now_; }

private:
    void run_frame(std::chrono::milliseconds elapsed);
    void apply_all(const std::vector<Intent>& intents);
    // Whether the keyboard on screen types a capital next.
    bool keyboard_shift() const;

    Kiosk& kiosk_;
    ImVec2 display_size_;
    TextAudit audit_;
    KioskUi ui_;
    MonotonicClock::time_point start_;
    MonotonicClock::time_point now_;
};

}  // namespace flytthit::ui
