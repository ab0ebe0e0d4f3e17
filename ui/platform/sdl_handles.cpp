// Owned SDL and GL handles; see sdl_handles.h.
#include "ui/platform/sdl_handles.h"

#include <SDL_syswm.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>

namespace flytthit::ui {

Result<std::unique_ptr<SdlVideo>> SdlVideo::start() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return make_error(std::string("SDL_Init: ") + SDL_GetError());
    return std::unique_ptr<SdlVideo>(new SdlVideo());  // private constructor: make_unique cannot reach it
}

Result<std::unique_ptr<ImGuiBackends>> ImGuiBackends::start(SDL_Window* window, SDL_GLContext context,
                                                          const char* glsl_version) {
    std::unique_ptr<ImGuiBackends> backends(new ImGuiBackends());
    backends->sdl_started_ = ImGui_ImplSDL2_InitForOpenGL(window, context);
    if (!backends->sdl_started_) return make_error("ImGui SDL2 backend failed to start");
    backends->gl_started_ = ImGui_ImplOpenGL3_Init(glsl_version);
    if (!backends->gl_started_) return make_error(std::string("ImGui OpenGL3 backend failed to start with ") + glsl_version);
    // The backend makes its shader, buffers and font texture at the first frame, and its font
    // texture is the whole atlas converted to RGBA (a second copy, four bytes a texel, and
    // about a quarter of start-up). FontTexture uploads the atlas in one channel instead, so
    // the backend's objects are made here while a one-texel atlas stands in for the real one:
    // its font texture is that texel, and the real atlas is left as it was baked.
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas placeholder;
    placeholder.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));  // freed by its destructor
    *placeholder.TexPixelsRGBA32 = 0xFFFFFFFFu;
    placeholder.TexWidth = placeholder.TexHeight = 1;
    ImFontAtlas* const fonts = io.Fonts;
    io.Fonts = &placeholder;
    const bool made = ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts = fonts;
    if (!made) return make_error(std::string("ImGui OpenGL3 backend could not make its shader with ") + glsl_version);
    return backends;
}

ImGuiBackends::~ImGuiBackends() {
    if (gl_started_) ImGui_ImplOpenGL3_Shutdown();
    if (sdl_started_) ImGui_ImplSDL2_Shutdown();
}

namespace {

bool sdl_has_events() { return SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0; }

// The wait until deadline as poll()'s timeout: rounded up, so a wake never comes early and
// spins; -1 (no timeout) without a deadline.
int poll_timeout_ms(std::optional<MonotonicClock::time_point> deadline, std::chrono::milliseconds cap) {
    if (!deadline) return cap.count() > 0 ? static_cast<int>(cap.count()) : -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - MonotonicClock::now());
    auto wait = std::max(left, std::chrono::milliseconds(0));
    if (cap.count() > 0) wait = std::min(wait, cap);
    return static_cast<int>(wait.count());
}

}  // namespace

InputWait::InputWait(SDL_Window* window) {
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string_view name = driver != nullptr ? driver : "";
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (name == "x11" && SDL_GetWindowWMInfo(window, &info) == SDL_TRUE && info.subsystem == SDL_SYSWM_X11) {
        // Readable when the X server sent anything; SDL_PumpEvents reads it all, so after a
        // pump Xlib holds nothing queued that poll() would not see.
        fds_.push_back(ConnectionNumber(info.info.x11.display));
        description_ = "the X11 connection";
        return;
    }
    if (name == "KMSDRM") {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator("/dev/input", error)) {
            if (entry.path().filename().string().rfind("event", 0) != 0) continue;
            const int fd = open(entry.path().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) fds_.push_back(fd);
        }
        if (!fds_.empty()) {
            drain_ = true;
            description_ = std::to_string(fds_.size()) + " input devices";
            return;
        }
    }
    description_ = std::to_string(step.count()) + " ms steps (no descriptor to wait on with " + std::string(name) + ")";
}

InputWait::~InputWait() {
    if (drain_) {
        for (const int fd : fds_) close(fd);
    }
}

void InputWait::wait(std::optional<MonotonicClock::time_point> deadline, int wake_fd) {
    SDL_PumpEvents();
    while (!sdl_has_events()) {
        if (deadline && MonotonicClock::now() >= *deadline) return;
        std::vector<pollfd> polled;
        for (const int fd : fds_) polled.push_back({fd, POLLIN, 0});
        if (wake_fd >= 0) polled.push_back({wake_fd, POLLIN, 0});
        const auto cap = fds_.empty() ? step : std::chrono::milliseconds(0);
        const int ready = poll(polled.data(), polled.size(), poll_timeout_ms(deadline, cap));
        if (ready < 0 && errno != EINTR) {
            // Cannot block (should not happen with valid descriptors): fall back to a step's sleep.
            SDL_Delay(static_cast<Uint32>(step.count()));
        }
        if (drain_) {
            std::array<char, 4096> dropped{};
            for (std::size_t i = 0; i < fds_.size(); ++i) {
                if ((polled[i].revents & POLLIN) != 0) {
                    while (read(fds_[i], dropped.data(), dropped.size()) > 0) {}
                }
            }
            // A device unplugged stays "readable" with POLLERR: stop watching it, or every
            // wait would return at once.
            for (std::size_t i = fds_.size(); i-- > 0;) {
                if ((polled[i].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                    close(fds_[i]);
                    fds_.erase(fds_.begin() + static_cast<long>(i));
                }
            }
        }
        SDL_PumpEvents();
        if (wake_fd >= 0 && (polled.back().revents & POLLIN) != 0) return;
    }
}

}  // namespace flytthit::ui
