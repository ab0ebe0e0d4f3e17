// Owned SDL and GL handles: the video subsystem, the window, the GL context and the two
// ImGui backends, each released in reverse order of creation by its destructor; and the
// descriptors the frame loop sleeps on between frames (InputWait).
#pragma once

#include "common/base/device_clock.h"
#include "common/base/result.h"

#include <SDL.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flytthit::ui {

struct WindowDestroyer {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
using WindowHandle = std::unique_ptr<SDL_Window, WindowDestroyer>;

// SDL_Init(VIDEO) for the object's lifetime.
class SdlVideo {
public:
    static Result<std::unique_ptr<SdlVideo>> start();
    ~SdlVideo() { SDL_Quit(); }
    SdlVideo(const SdlVideo&) = delete;
    SdlVideo& operator=(const SdlVideo&) = delete;

private:
    SdlVideo() = default;
};

class GlContext {
public:
    explicit GlContext(SDL_GLContext context) : context_(context) {}
    ~GlContext() { SDL_GL_DeleteContext(context_); }
    GlContext(const GlContext&) = delete;
    GlContext& operator=(const GlContext&) = delete;
    SDL_GLContext get() const { return context_; }

private:
    SDL_GLContext context_;
};

// Both ImGui backends (SDL2 input, OpenGL3 renderer) for the object's lifetime.
class ImGuiBackends {
public:
    static Result<std::unique_ptr<ImGuiBackends>> start(SDL_Window* window, SDL_GLContext context, const char* glsl_version);
    ~ImGuiBackends();
    ImGuiBackends(const ImGuiBackends&) = delete;
    ImGuiBackends& operator=(const ImGuiBackends&) = delete;

private:
    ImGuiBackends() = default;
    bool sdl_started_ = false;
    bool gl_started_ = false;
};

// Sleeps the frame loop until there is something to do, without waking in between: SDL's own
// SDL_WaitEventTimeout is a loop of pump + SDL_Delay(1) on KMSDRM and offscreen (about a
// thousand wake-ups a second on a static screen). Blocks in poll() on what input arrives
// through for the video driver: the X connection on X11; on KMSDRM the /dev/input event
// devices SDL reads (this holds its own descriptors to them, only to be woken: SDL still reads
// the events from its own). A driver with neither (offscreen, Wayland here) is pumped in
// bounded steps (step below), so input there is noticed up to a step late. Owned by the
// render thread; closes what it opened.
class InputWait {
public:
    // After the window exists: chooses how to wait for the current video driver.
    explicit InputWait(SDL_Window* window);
    ~InputWait();
    InputWait(const InputWait&) = delete;
    InputWait& operator=(const InputWait&) = delete;

    // Returns once SDL has an event queued (pumped), wake_fd is readable (the signalfd), or
    // deadline has passed; at once if it already has. No deadline: until one of the others.
    void wait(std::optional<MonotonicClock::time_point> deadline, int wake_fd);
    // "the X11 connection", "2 input devices", "50 ms steps": for the log.
    const std::string& description() const { return description_; }

    // A driver with nothing to block on is pumped this often: 50 ms is under what a finger
    // notices on a touch (about 100 ms) and 20 wake-ups a second cost next to nothing.
    static constexpr std::chrono::milliseconds step{50};

private:
    std::vector<int> fds_;  // readable means input may be waiting for SDL
    bool drain_ = false;    // our own evdev descriptors: read and dropped after each wake
    std::string description_;
};

}  // namespace flytthit::ui
