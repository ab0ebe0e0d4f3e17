// The few GL entry points the platform layer calls itself (painting the background, reading
// pixels for screenshots, uploading the font atlas and the pack's pictures as textures),
// fetched through SDL so the same code runs on desktop GL and GL ES 2.
#pragma once

#include "common/base/result.h"

namespace flytthit::ui {

struct GlFunctions {
    void (*viewport)(int x, int y, int width, int height) = nullptr;
    void (*clear_color)(float r, float g, float b, float a) = nullptr;
    void (*clear)(unsigned int mask) = nullptr;
    void (*read_pixels)(int x, int y, int width, int height, unsigned int format, unsigned int type, void* data) = nullptr;
    void (*pixel_store_i)(unsigned int name, int value) = nullptr;
    void (*finish)() = nullptr;
    void (*gen_textures)(int count, unsigned int* textures) = nullptr;
    void (*bind_texture)(unsigned int target, unsigned int texture) = nullptr;
    void (*tex_parameter_i)(unsigned int target, unsigned int name, int value) = nullptr;
    void (*tex_image_2d)(unsigned int target, int level, int internal_format, int width, int height, int border,
                         unsigned int format, unsigned int type, const void* pixels) = nullptr;
    unsigned int (*get_error)() = nullptr;
    void (*delete_textures)(int count, const unsigned int* textures) = nullptr;
    const unsigned char* (*get_string)(unsigned int name) = nullptr;
    void (*scissor)(int x, int y, int width, int height) = nullptr;
    void (*enable)(unsigned int capability) = nullptr;
    void (*disable)(unsigned int capability) = nullptr;
    // Framebuffer objects (GL 3.0, GL ES 2.0): the damage check draws whole frames offscreen.
    void (*gen_framebuffers)(int count, unsigned int* framebuffers) = nullptr;
    void (*bind_framebuffer)(unsigned int target, unsigned int framebuffer) = nullptr;
    void (*framebuffer_texture_2d)(unsigned int target, unsigned int attachment, unsigned int texture_target,
                                   unsigned int texture, int level) = nullptr;
    unsigned int (*check_framebuffer_status)(unsigned int target) = nullptr;
    void (*delete_framebuffers)(int count, const unsigned int* framebuffers) = nullptr;

    // Looks the functions up in the current GL context.
    static Result<GlFunctions> load();
};

inline constexpr unsigned int gl_color_buffer_bit = 0x00004000;
inline constexpr unsigned int gl_rgba = 0x1908;
inline constexpr unsigned int gl_unsigned_byte = 0x1401;
inline constexpr unsigned int gl_pack_alignment = 0x0D05;
inline constexpr unsigned int gl_unpack_alignment = 0x0CF5;
inline constexpr unsigned int gl_texture_2d = 0x0DE1;
inline constexpr unsigned int gl_texture_min_filter = 0x2801;
inline constexpr unsigned int gl_texture_mag_filter = 0x2800;
inline constexpr unsigned int gl_texture_wrap_s = 0x2802;
inline constexpr unsigned int gl_texture_wrap_t = 0x2803;
inline constexpr int gl_linear = 0x2601;
inline constexpr int gl_clamp_to_edge = 0x812F;
inline constexpr unsigned int gl_no_error = 0;
inline constexpr unsigned int gl_version = 0x1F02;
inline constexpr unsigned int gl_scissor_test = 0x0C11;
inline constexpr unsigned int gl_red = 0x1903;
inline constexpr unsigned int gl_luminance_alpha = 0x190A;
inline constexpr int gl_r8 = 0x8229;
inline constexpr int gl_one = 1;
inline constexpr unsigned int gl_texture_swizzle_r = 0x8E42;
inline constexpr unsigned int gl_texture_swizzle_g = 0x8E43;
inline constexpr unsigned int gl_texture_swizzle_b = 0x8E44;
inline constexpr unsigned int gl_texture_swizzle_a = 0x8E45;
inline constexpr int gl_nearest = 0x2600;
inline constexpr unsigned int gl_framebuffer = 0x8D40;
inline constexpr unsigned int gl_color_attachment0 = 0x8CE0;
inline constexpr unsigned int gl_framebuffer_complete = 0x8CD5;

}  // namespace flytthit::ui
