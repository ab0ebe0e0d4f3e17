// How a frame reaches the screen when only part of it changed (issue 18 item 2). Under
// software GL every pixel drawn or shown costs CPU, so the window draws only a frame's damage
// (ui/render/frame_damage.h) and shows only that, where the GL stack lets it:
//   - X11 with GLX_MESA_copy_sub_buffer (Mesa, Xvfb included): the back buffer is never
//     swapped, so it always holds the last frame; each damaged rectangle is copied to the window.
//     No swap means no vsync: on a real X11 screen a copy may tear. X11 is for development and
//     the bench (the board runs KMSDRM, below); FLYTTHIT_WHOLE_FRAMES=1 swaps with vsync.
//   - EGL with EGL_EXT_buffer_age (the board's KMSDRM, Wayland): the back buffer's age says
//     which frame it holds, the damage since then is redrawn, and SDL swaps as always (its
//     KMSDRM swap also flips the page, so it is not bypassed).
//   - anything else: every frame is drawn and swapped whole, as before.
#pragma once

#include "ui/render/frame_damage.h"

#include <SDL.h>

#include <memory>
#include <string>

namespace flytthit::ui {

class FramePresenter {
public:
    // Looks at the window's current GL context. Never fails: the fallback is whole frames.
    static std::unique_ptr<FramePresenter> detect(SDL_Window* window);
    ~FramePresenter();
    FramePresenter(const FramePresenter&) = delete;
    FramePresenter& operator=(const FramePresenter&) = delete;

    // Which frame the back buffer holds: 1 the last one, N the one N frames ago, 0 unknown.
    int buffer_age() const;
    // Shows the frame just drawn: all of it, the damaged rectangles, or nothing when none changed.
    void present(const Damage& damage, int width, int height);
    // "copying damaged rectangles (GLX_MESA_copy_sub_buffer)", for the log.
    const std::string& description() const { return description_; }

    struct Gl;  // the entry points found, frame_presenter.cpp

private:
    FramePresenter(SDL_Window* window, std::unique_ptr<Gl> gl, std::string description);
    SDL_Window* window_;
    std::unique_ptr<Gl> gl_;
    std::string description_;
};

}  // namespace flytthit::ui
