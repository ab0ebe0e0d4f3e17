// Owned SDL and GL handles; see sdl_handles.h.
#include "ui/platform/sdl_handles.h"

#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

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
    return backends;
}

ImGuiBackends::~ImGuiBackends() {
    if (gl_started_) ImGui_ImplOpenGL3_Shutdown();
    if (sdl_started_) ImGui_ImplSDL2_Shutdown();
}

}  // namespace flytthit::ui
