// The flat shapes the attract loop redraws every frame (the background's gradient under the
// damaged rectangles, the jewels) sampled from one white texel with nearest filtering
// (WhiteTexel, ui/platform/textures.h) instead of the font atlas's white pixel. The atlas must
// be filtered linearly for the text (text_box draws shrunk text), and under software GL
// (llvmpipe, what the bench measures; the board's GPU does not care) a bilinear fetch for
// every pixel of a flat shape is about a fifth of what the attract loop spends. Their texel is
// white either way, so the pixels are the same (screenshot_test compares a 1920x1080 frame),
// except that a line of a whole number of pixels' width is antialiased by its geometry
// instead of by the atlas's baked strokes (below).
#pragma once

#include <imgui.h>

namespace flytthit::ui {

// Draws what list gets during its lifetime with texture, when there is one (none in headless
// tests and before the window made it: then the atlas's white pixel, as ImGui does). Lines
// are drawn as geometry meanwhile: ImGui draws thin lines of whole-pixel widths from antialiased
// strokes baked into the atlas, whatever the texture, and from one white texel they would be solid.
class FlatShapesScope {
public:
    FlatShapesScope(ImTextureID texture, ImDrawList* list) : list_(texture != nullptr ? list : nullptr) {
        if (list_ == nullptr) return;
        flags_ = list_->Flags;
        list_->Flags &= ~ImDrawListFlags_AntiAliasedLinesUseTex;
        list_->PushTextureID(texture);
    }
    ~FlatShapesScope() {
        if (list_ == nullptr) return;
        list_->PopTextureID();
        list_->Flags = flags_;
    }
    FlatShapesScope(const FlatShapesScope&) = delete;
    FlatShapesScope& operator=(const FlatShapesScope&) = delete;

private:
    ImDrawList* list_;
    ImDrawListFlags flags_ = ImDrawListFlags_None;
};

}  // namespace flytthit::ui
