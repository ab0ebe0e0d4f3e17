// Owned SDL and GL handles: the video subsystem, the window, the GL context and the two
// ImGui backends, each released in reverse order of creation by its destructor.
#pragma once

#include "common/base/result.h"

#include <SDL.h>

#include <memory>
#include <string>

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

}  // namespace flytthit::ui
