// The large-text fonts on screen: made, with their texture, when a visitor asks for large text,
// and freed when the choice ends (a session's end resets it), so the kiosk holds only the
// normal fonts while it waits for visitors (issue 18). Making them is a restore from the
// data directory's cache, a few milliseconds, or the first time ever a bake of about a tenth
// of a second on the board: a one-time stall of the frame after the tap, on the render thread
// because ImGui's allocator counts are not thread-safe.
#pragma once

#include "ui/kiosk_ui.h"
#include "ui/platform/gl_functions.h"
#include "ui/platform/textures.h"

#include <memory>

namespace flytthit::ui {

class LargeTextFonts {
public:
    // Between frames, on the render thread: makes or frees ui's large-text fonts as wanted,
    // and logs it. Returns whether the fonts changed (the next frame is then drawn whole). A
    // texture that cannot be uploaded leaves normal text, logged, and is not tried again
    // until large text is turned off and on. Declared after ui, whose atlas it points into.
    bool follow(KioskUi& ui, const GlFunctions& gl, bool wanted);

private:
    std::unique_ptr<FontTexture> texture_;
    bool refused_ = false;
};

}  // namespace flytthit::ui
