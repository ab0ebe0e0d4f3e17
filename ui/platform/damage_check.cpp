// See damage_check.h.
#include "ui/platform/damage_check.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace flytthit::ui {

namespace {

// The window's pixel format and the offscreen texture's round blends apart: by one step in a
// few hundred pixels of a frame, by two in one pixel of some frames where a jewel's layers
// stack (llvmpipe, measured). A part the damage missed differs by tens of steps: a jewel's
// edge left on the background.
constexpr int rounding_tolerance = 4;

}  // namespace

// A framebuffer with one RGBA texture the size of the window: where the whole frame is drawn.
struct DamageCheck::Offscreen {
    const GlFunctions& gl;
    unsigned int texture = 0;
    unsigned int framebuffer = 0;

    explicit Offscreen(const GlFunctions& functions) : gl(functions) {}
    ~Offscreen() {
        if (framebuffer != 0) gl.delete_framebuffers(1, &framebuffer);
        if (texture != 0) gl.delete_textures(1, &texture);
    }
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;

    bool make(int width, int height) {
        gl.gen_textures(1, &texture);
        gl.bind_texture(gl_texture_2d, texture);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_min_filter, gl_nearest);
        gl.tex_parameter_i(gl_texture_2d, gl_texture_mag_filter, gl_nearest);
        gl.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_rgba), width, height, 0, gl_rgba, gl_unsigned_byte, nullptr);
        gl.gen_framebuffers(1, &framebuffer);
        gl.bind_framebuffer(gl_framebuffer, framebuffer);
        gl.framebuffer_texture_2d(gl_framebuffer, gl_color_attachment0, gl_texture_2d, texture, 0);
        const bool complete = gl.check_framebuffer_status(gl_framebuffer) == gl_framebuffer_complete;
        gl.bind_framebuffer(gl_framebuffer, 0);
        return complete;
    }
};

DamageCheck::DamageCheck(const GlFunctions& gl, int width, int height) : gl_(gl), width_(width), height_(height) {}

DamageCheck::~DamageCheck() = default;

void DamageCheck::compare(DamageDrawing& drawing, ImDrawData& draw_data, const Damage& damage) {
    ++frames_;
    // Whole frames are compared too: they show the offscreen framebuffer draws as the window does.
    if (!offscreen_ && !offscreen_failed_) {
        offscreen_ = std::make_unique<Offscreen>(gl_);
        if (!offscreen_->make(width_, height_)) {
            offscreen_.reset();
            offscreen_failed_ = true;
        }
    }
    if (!offscreen_) return;
    if (!damage.full) {
        ++partial_frames_;
        damaged_pixels_ += damage.pixels();
    }
    const std::vector<unsigned char> partial = read_frame(gl_, width_, height_);
    gl_.bind_framebuffer(gl_framebuffer, offscreen_->framebuffer);
    drawing.draw(gl_, draw_data, Damage{}, width_, height_);
    const std::vector<unsigned char> whole = read_frame(gl_, width_, height_);
    gl_.bind_framebuffer(gl_framebuffer, 0);
    for (std::size_t i = 0; i + 3 < whole.size(); i += 4) {
        int difference = 0;
        for (std::size_t channel = 0; channel < 3; ++channel) {
            difference = std::max(difference, std::abs(int{whole[i + channel]} - int{partial[i + channel]}));
        }
        if (difference > rounding_tolerance) ++mismatched_pixels_;
    }
}

bool DamageCheck::report() const {
    const double share = partial_frames_ == 0 ? 0.0
                                               : 100.0 * static_cast<double>(damaged_pixels_) /
                                                     (static_cast<double>(partial_frames_) * width_ * height_);
    std::cout << "damage-check: frames " << frames_ << ", drawn from their damage " << partial_frames_ << ", damaged share "
              << share << " %, pixels unlike the whole frame " << mismatched_pixels_
              << (offscreen_failed_ ? " (no offscreen framebuffer: nothing compared)" : "") << std::endl;
    return mismatched_pixels_ == 0 && !offscreen_failed_;
}

}  // namespace flytthit::ui
