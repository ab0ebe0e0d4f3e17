// The few GL 1.x entry points the platform layer calls itself (clearing, reading pixels for
// screenshots), fetched through SDL so the same code runs on desktop GL and GL ES.
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

    // Looks the functions up in the current GL context.
    static Result<GlFunctions> load();
};

inline constexpr unsigned int gl_color_buffer_bit = 0x00004000;
inline constexpr unsigned int gl_rgba = 0x1908;
inline constexpr unsigned int gl_unsigned_byte = 0x1401;
inline constexpr unsigned int gl_pack_alignment = 0x0D05;

}  // namespace flytthit::ui
