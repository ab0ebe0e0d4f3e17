// The content pack's pictures as GL textures; see textures.h.
#include "ui/platform/textures.h"

#include <SDL.h>

#include <cstdint>

namespace flytthit::ui {

namespace {

constexpr unsigned int gl_texture_2d = 0x0DE1;
constexpr unsigned int gl_texture_min_filter = 0x2801;
constexpr unsigned int gl_texture_mag_filter = 0x2800;
constexpr unsigned int gl_texture_wrap_s = 0x2802;
constexpr unsigned int gl_texture_wrap_t = 0x2803;
constexpr int gl_linear = 0x2601;
constexpr int gl_clamp_to_edge = 0x812F;
constexpr unsigned int gl_rgba = 0x1908;
constexpr unsigned int gl_unsigned_byte = 0x1401;
constexpr unsigned int gl_unpack_alignment = 0x0CF5;
constexpr unsigned int gl_no_error = 0;

// The GL ES 2 subset that uploads a texture, looked up through SDL like gl_functions.cpp.
struct TextureGl {
    void (*gen_textures)(int, unsigned int*) = nullptr;
    void (*bind_texture)(unsigned int, unsigned int) = nullptr;
    void (*tex_parameter_i)(unsigned int, unsigned int, int) = nullptr;
    void (*tex_image_2d)(unsigned int, int, int, int, int, int, unsigned int, unsigned int, const void*) = nullptr;
    void (*pixel_store_i)(unsigned int, int) = nullptr;
    unsigned int (*get_error)() = nullptr;
    void (*delete_textures)(int, const unsigned int*) = nullptr;

    template <class Function>
    static bool look_up(Function& function, const char* name) {
        function = reinterpret_cast<Function>(SDL_GL_GetProcAddress(name));
        return function != nullptr;
    }
    bool load() {
        return look_up(gen_textures, "glGenTextures") && look_up(bind_texture, "glBindTexture") &&
               look_up(tex_parameter_i, "glTexParameteri") && look_up(tex_image_2d, "glTexImage2D") &&
               look_up(pixel_store_i, "glPixelStorei") && look_up(get_error, "glGetError") &&
               look_up(delete_textures, "glDeleteTextures");
    }
};

std::vector<std::string> every_picture(const ContentPack& pack) {
    std::vector<std::string> files;
    for (const auto& image : pack.images) files.push_back(image.file);
    return files;
}

}  // namespace

PackTextures::PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                           std::vector<std::string>& problems) {
    const auto files = every_picture(pack);
    if (files.empty()) return;
    TextureGl gl;
    if (!gl.load()) {
        problems.push_back("pictures: the GL texture functions are not available; pages show neutral frames");
        return;
    }
    delete_textures_ = gl.delete_textures;
    gl.pixel_store_i(gl_unpack_alignment, 1);
    for (const auto& file : files) {
        auto decoded = decode_pack_image(directory, file, max_width, max_height);
        if (!decoded) {
            problems.push_back(decoded.error().message);
            continue;
        }
        unsigned int texture = 0;
        gl.gen_textures(1, &texture);
        gl.bind_texture(gl_texture_2d, texture);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_min_filter, gl_linear);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_mag_filter, gl_linear);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_wrap_s, gl_clamp_to_edge);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_wrap_t, gl_clamp_to_edge);
        gl.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_rgba), decoded->width, decoded->height, 0, gl_rgba,
                        gl_unsigned_byte, decoded->rgba.data());
        textures_.push_back(texture);
        if (const unsigned int error = gl.get_error(); error != gl_no_error) {
            problems.push_back(file + ": the GPU refused the texture (GL error " + std::to_string(error) + ")");
            continue;
        }
        uploaded_bytes_ += decoded->rgba.size();
        pictures_.add(file, {reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)), decoded->width,
                             decoded->height});
    }
    gl.bind_texture(gl_texture_2d, 0);
}

PackTextures::~PackTextures() {
    if (delete_textures_ != nullptr && !textures_.empty()) {
        delete_textures_(static_cast<int>(textures_.size()), textures_.data());
    }
}

}  // namespace flytthit::ui
