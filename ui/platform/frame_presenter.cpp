// See frame_presenter.h. The GLX and EGL entry points are looked up in the libraries SDL has
// already loaded for the window (dlopen with RTLD_NOLOAD), so the kiosk links neither and the
// one binary runs on X11 and on KMSDRM.
#include "ui/platform/frame_presenter.h"

#include <dlfcn.h>

#include <sstream>
#include <string_view>

namespace flytthit::ui {

namespace {

struct LibraryCloser {
    void operator()(void* handle) const { dlclose(handle); }
};
using Library = std::unique_ptr<void, LibraryCloser>;

// The library if this process has loaded it already, else none.
Library already_loaded(const char* name) { return Library(dlopen(name, RTLD_NOW | RTLD_NOLOAD)); }

template <typename Function>
bool find(const Library& library, Function& function, const char* name) {
    function = library ? reinterpret_cast<Function>(dlsym(library.get(), name)) : nullptr;
    return function != nullptr;
}

bool has_extension(const char* extensions, std::string_view wanted) {
    if (extensions == nullptr) return false;
    std::istringstream words{std::string(extensions)};
    std::string word;
    while (words >> word) {
        if (word == wanted) return true;
    }
    return false;
}

constexpr int egl_draw = 0x3059;
constexpr int egl_extensions = 0x3055;
constexpr int egl_buffer_age = 0x313D;  // EGL_BUFFER_AGE_EXT

}  // namespace

struct FramePresenter::Gl {
    enum class Way { whole_frames, copy_sub_buffer, buffer_age };
    Way way = Way::whole_frames;
    Library library;  // keeps the pointers below valid
    // GLX
    void* display = nullptr;
    unsigned long drawable = 0;
    void (*copy_sub_buffer)(void* display, unsigned long drawable, int x, int y, int width, int height) = nullptr;
    // EGL
    void* egl_display = nullptr;
    void* (*current_surface)(int which) = nullptr;
    unsigned (*query_surface)(void* display, void* surface, int attribute, int* value) = nullptr;
};

namespace {

// GLX on X11, with the back buffer copied by rectangles; null if not this context's.
std::unique_ptr<FramePresenter::Gl> copy_sub_buffer_gl() {
    auto gl = std::make_unique<FramePresenter::Gl>();
    gl->library = already_loaded("libGL.so.1");
    const Library x11 = already_loaded("libX11.so.6");
    void* (*current_context)() = nullptr;
    void* (*current_display)() = nullptr;
    unsigned long (*current_drawable)() = nullptr;
    const char* (*query_extensions)(void*, int) = nullptr;
    void* (*get_proc_address)(const unsigned char*) = nullptr;
    int (*default_screen)(void*) = nullptr;
    if (!find(gl->library, current_context, "glXGetCurrentContext") || !find(gl->library, current_display, "glXGetCurrentDisplay") ||
        !find(gl->library, current_drawable, "glXGetCurrentDrawable") ||
        !find(gl->library, query_extensions, "glXQueryExtensionsString") ||
        !find(gl->library, get_proc_address, "glXGetProcAddressARB") || !find(x11, default_screen, "XDefaultScreen")) {
        return nullptr;
    }
    if (current_context() == nullptr) return nullptr;  // SDL drew with EGL here
    gl->display = current_display();
    gl->drawable = current_drawable();
    if (gl->display == nullptr || gl->drawable == 0) return nullptr;
    if (!has_extension(query_extensions(gl->display, default_screen(gl->display)), "GLX_MESA_copy_sub_buffer")) return nullptr;
    gl->copy_sub_buffer = reinterpret_cast<decltype(gl->copy_sub_buffer)>(
        get_proc_address(reinterpret_cast<const unsigned char*>("glXCopySubBufferMESA")));
    if (gl->copy_sub_buffer == nullptr) return nullptr;
    gl->way = FramePresenter::Gl::Way::copy_sub_buffer;
    return gl;
}

// EGL with the back buffer's age; null if not this context's.
std::unique_ptr<FramePresenter::Gl> buffer_age_gl() {
    auto gl = std::make_unique<FramePresenter::Gl>();
    gl->library = already_loaded("libEGL.so.1");
    void* (*current_context)() = nullptr;
    void* (*current_display)() = nullptr;
    const char* (*query_string)(void*, int) = nullptr;
    if (!find(gl->library, current_context, "eglGetCurrentContext") || !find(gl->library, current_display, "eglGetCurrentDisplay") ||
        !find(gl->library, gl->current_surface, "eglGetCurrentSurface") || !find(gl->library, query_string, "eglQueryString") ||
        !find(gl->library, gl->query_surface, "eglQuerySurface")) {
        return nullptr;
    }
    if (current_context() == nullptr) return nullptr;
    gl->egl_display = current_display();
    if (gl->egl_display == nullptr || gl->current_surface(egl_draw) == nullptr) return nullptr;
    if (!has_extension(query_string(gl->egl_display, egl_extensions), "EGL_EXT_buffer_age")) return nullptr;
    gl->way = FramePresenter::Gl::Way::buffer_age;
    return gl;
}

}  // namespace

std::unique_ptr<FramePresenter> FramePresenter::detect(SDL_Window* window) {
    // FLYTTHIT_WHOLE_FRAMES=1 draws every frame whole, as before: to compare, or as a way out
    // on a GL stack that claims an extension and gets it wrong.
    const char* whole = SDL_getenv("FLYTTHIT_WHOLE_FRAMES");
    const bool forced_whole = whole != nullptr && std::string_view(whole) == "1";
    std::unique_ptr<Gl> gl = forced_whole ? nullptr : copy_sub_buffer_gl();
    if (gl) {
        return std::unique_ptr<FramePresenter>(
            new FramePresenter(window, std::move(gl), "damaged rectangles copied to the window (GLX_MESA_copy_sub_buffer)"));
    }
    gl = forced_whole ? nullptr : buffer_age_gl();
    if (gl) {
        return std::unique_ptr<FramePresenter>(
            new FramePresenter(window, std::move(gl), "damage since the back buffer's frame redrawn (EGL_EXT_buffer_age)"));
    }
    return std::unique_ptr<FramePresenter>(new FramePresenter(window, std::make_unique<Gl>(),
                                                              forced_whole ? "whole frames (FLYTTHIT_WHOLE_FRAMES=1)" : "whole frames"));
}

FramePresenter::FramePresenter(SDL_Window* window, std::unique_ptr<Gl> gl, std::string description)
    : window_(window), gl_(std::move(gl)), description_(std::move(description)) {}

FramePresenter::~FramePresenter() = default;

int FramePresenter::buffer_age() const {
    switch (gl_->way) {
        case Gl::Way::copy_sub_buffer: return 1;  // never swapped: it holds what was drawn last
        case Gl::Way::buffer_age: {
            // The surface now: SDL's KMSDRM makes a new one when the mode changes.
            void* const surface = gl_->current_surface(egl_draw);
            int age = 0;
            if (surface == nullptr || gl_->query_surface(gl_->egl_display, surface, egl_buffer_age, &age) == 0) return 0;
            return age;
        }
        case Gl::Way::whole_frames: return 0;
    }
    return 0;
}

void FramePresenter::present(const Damage& damage, int width, int height) {
    if (!damage.full && damage.rects.empty()) return;  // the screen already shows this frame
    if (gl_->way != Gl::Way::copy_sub_buffer) {
        SDL_GL_SwapWindow(window_);
        return;
    }
    // glXCopySubBufferMESA flushes GL first; its rectangles count rows from the bottom.
    if (damage.full) {
        gl_->copy_sub_buffer(gl_->display, gl_->drawable, 0, 0, width, height);
        return;
    }
    for (const PixelRect& rect : damage.rects) {
        gl_->copy_sub_buffer(gl_->display, gl_->drawable, rect.x0, height - rect.y1, rect.width(), rect.height());
    }
}

}  // namespace flytthit::ui
