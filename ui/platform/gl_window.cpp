// Choosing the GL API at run time; see gl_window.h.
#include "ui/platform/gl_window.h"

#include <cstring>
#include <iostream>
#include <vector>

namespace flytthit::ui {

namespace {

struct GlCandidate {
    const char* description;
    int profile;
    int major;
    int minor;
    const char* glsl_version;
};

constexpr GlCandidate desktop_gl{"OpenGL 3.0", SDL_GL_CONTEXT_PROFILE_CORE, 3, 0, "#version 130"};
constexpr GlCandidate gles3{"OpenGL ES 3.0", SDL_GL_CONTEXT_PROFILE_ES, 3, 0, "#version 300 es"};
constexpr GlCandidate gles2{"OpenGL ES 2.0", SDL_GL_CONTEXT_PROFILE_ES, 2, 0, "#version 100"};

std::vector<GlCandidate> candidates(GlApi api) {
    switch (api) {
        case GlApi::desktop: return {desktop_gl};
        case GlApi::es: return {gles3, gles2};
        case GlApi::automatic: break;
    }
    // KMSDRM on a Pi offers GLES only; a desktop offers both and desktop GL is its home.
    const char* driver = SDL_GetCurrentVideoDriver();
    if (driver != nullptr && std::strcmp(driver, "KMSDRM") == 0) return {gles3, gles2, desktop_gl};
    return {desktop_gl, gles3, gles2};
}

}  // namespace

std::optional<GlApi> gl_api_from_name(std::string_view name) {
    if (name == "auto") return GlApi::automatic;
    if (name == "desktop") return GlApi::desktop;
    if (name == "es") return GlApi::es;
    return std::nullopt;
}

Result<GlWindow> open_gl_window(const GlWindowRequest& request, bool& window_missing) {
    window_missing = true;
    std::string failures;
    for (const GlCandidate& candidate : candidates(request.api)) {
        // Attributes before the window: SDL picks the EGL or GLX path and the visual from them.
        SDL_GL_ResetAttributes();
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, candidate.profile);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, candidate.major);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, candidate.minor);
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        // ImGui draws flat, in order, with no depth or stencil test: a buffer for either is
        // memory for nothing (SDL asks for 16 bits of depth by default, and GLX gave 24 + 8,
        // 8 MiB at 1920x1080; on the Pi it comes out of the GPU's CMA memory).
        SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
        SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
        const Uint32 flags = SDL_WINDOW_OPENGL | (request.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        WindowHandle window(SDL_CreateWindow(request.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, request.width,
                                             request.height, flags));
        if (!window) {
            failures += std::string("\n  ") + candidate.description + ": no window: " + SDL_GetError();
            continue;
        }
        window_missing = false;
        auto context = std::make_unique<GlContext>(SDL_GL_CreateContext(window.get()));
        if (context->get() == nullptr) {
            failures += std::string("\n  ") + candidate.description + ": no context: " + SDL_GetError();
            std::cerr << "flytthit-kiosk: " << candidate.description << " not available (" << SDL_GetError()
                      << "), trying the next\n";
            continue;
        }
        SDL_GL_MakeCurrent(window.get(), context->get());
        return GlWindow{std::move(window), std::move(context), candidate.glsl_version, candidate.description};
    }
    return make_error("cannot create an OpenGL context:" + failures);
}

}  // namespace flytthit::ui
