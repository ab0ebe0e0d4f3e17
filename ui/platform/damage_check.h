// --check-damage N (screenshot_test runs it on the attract loop): each frame the window draws
// from its damage alone, into the back buffer that keeps what earlier frames left there, is
// compared pixel for pixel with the same frame drawn whole into an offscreen framebuffer. A
// damage that misses a pixel (a part that moved away, a stale back buffer) shows as a mismatch
// in that frame or a later one.
#pragma once

#include "ui/platform/frame_drawing.h"

#include <memory>

namespace flytthit::ui {

class DamageCheck {
public:
    DamageCheck(const GlFunctions& gl, int width, int height);
    ~DamageCheck();
    DamageCheck(const DamageCheck&) = delete;
    DamageCheck& operator=(const DamageCheck&) = delete;

    // After the frame was drawn from damage into the back buffer, before it is presented.
    void compare(DamageDrawing& drawing, ImDrawData& draw_data, const Damage& damage);
    int frames() const { return frames_; }
    // Prints "damage-check: ..."; true when every pixel of every frame matched.
    bool report() const;

    struct Offscreen;  // damage_check.cpp

private:
    const GlFunctions& gl_;
    int width_, height_;
    std::unique_ptr<Offscreen> offscreen_;
    int frames_ = 0;
    int partial_frames_ = 0;
    long long damaged_pixels_ = 0;
    long long mismatched_pixels_ = 0;
    bool offscreen_failed_ = false;
};

}  // namespace flytthit::ui
