// GL entry points through SDL; see gl_functions.h.
#include "ui/platform/gl_functions.h"

#include <SDL.h>

namespace flytthit::ui {

namespace {

template <class Function>
bool look_up(Function& function, const char* name) {
    function = reinterpret_cast<Function>(SDL_GL_GetProcAddress(name));
    return function != nullptr;
}

}  // namespace

Result<GlFunctions> GlFunctions::load() {
    GlFunctions gl;
    for (auto [found, name] : {std::pair{look_up(gl.viewport, "glViewport"), "glViewport"},
                               std::pair{look_up(gl.clear_color, "glClearColor"), "glClearColor"},
                               std::pair{look_up(gl.clear, "glClear"), "glClear"},
                               std::pair{look_up(gl.read_pixels, "glReadPixels"), "glReadPixels"},
                               std::pair{look_up(gl.pixel_store_i, "glPixelStorei"), "glPixelStorei"},
                               std::pair{look_up(gl.finish, "glFinish"), "glFinish"},
                               std::pair{look_up(gl.gen_textures, "glGenTextures"), "glGenTextures"},
                               std::pair{look_up(gl.bind_texture, "glBindTexture"), "glBindTexture"},
                               std::pair{look_up(gl.tex_parameter_i, "glTexParameteri"), "glTexParameteri"},
                               std::pair{look_up(gl.tex_image_2d, "glTexImage2D"), "glTexImage2D"},
                               std::pair{look_up(gl.get_error, "glGetError"), "glGetError"},
                               std::pair{look_up(gl.delete_textures, "glDeleteTextures"), "glDeleteTextures"},
                               std::pair{look_up(gl.get_string, "glGetString"), "glGetString"},
                               std::pair{look_up(gl.scissor, "glScissor"), "glScissor"},
                               std::pair{look_up(gl.enable, "glEnable"), "glEnable"},
                               std::pair{look_up(gl.disable, "glDisable"), "glDisable"},
                               std::pair{look_up(gl.gen_framebuffers, "glGenFramebuffers"), "glGenFramebuffers"},
                               std::pair{look_up(gl.bind_framebuffer, "glBindFramebuffer"), "glBindFramebuffer"},
                               std::pair{look_up(gl.framebuffer_texture_2d, "glFramebufferTexture2D"), "glFramebufferTexture2D"},
                               std::pair{look_up(gl.check_framebuffer_status, "glCheckFramebufferStatus"), "glCheckFramebufferStatus"},
                               std::pair{look_up(gl.delete_framebuffers, "glDeleteFramebuffers"), "glDeleteFramebuffers"}}) {
        if (!found) return make_error(std::string("GL function ") + name + " not available");
    }
    return gl;
}

}  // namespace flytthit::ui
