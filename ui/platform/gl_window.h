// The window and its GL context, with the API chosen at run time: desktop OpenGL 3.0 in a
// window while developing, OpenGL ES 3.0 or 2.0 on the board's KMSDRM display. The same
// binary does both; each attempt that fails is said in the log and the next is tried.
#pragma once

#include "ui/platform/sdl_handles.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace flytthit::ui {

enum class GlApi {
    automatic,  // ES first on KMSDRM (the board), desktop GL first anywhere else
    desktop,    // OpenGL 3.0 only
    es,         // OpenGL ES 3.0, else 2.0
};

// Parses "auto", "desktop" or "es".
std::optional<GlApi> gl_api_from_name(std::string_view name);

struct GlWindow {
    WindowHandle window;
    std::unique_ptr<GlContext> context;
    const char* glsl_version = "";  // for ImGui's OpenGL3 backend: "#version 130", "#version 300 es" ...
    std::string description;        // "OpenGL ES 3.0", for the log and staff's health page
};

struct GlWindowRequest {
    const char* title = "";
    int width = 0;
    int height = 0;
    bool fullscreen = false;
    GlApi api = GlApi::automatic;
};

// Creates the window and a current GL context. window_missing is set when no attempt could
// even create a window (no display), so the caller can explain how to run instead.
Result<GlWindow> open_gl_window(const GlWindowRequest& request, bool& window_missing);

}  // namespace flytthit::ui
