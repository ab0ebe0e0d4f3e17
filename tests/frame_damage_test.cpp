// FrameDamage (ui/render/frame_damage.h): which pixels a frame changes, from ImGui draw lists
// built here as a screen would draw them. The pixels themselves are compared with whole frames
// in a real window by screenshot_test ("--check-damage").
#include "ui/render/frame_damage.h"

#include <doctest/doctest.h>

#include <memory>

using flytthit::ui::Damage;
using flytthit::ui::FrameDamage;
using flytthit::ui::MovingParts;
using flytthit::ui::MovingScope;
using flytthit::ui::PixelRect;
using flytthit::ui::merge_rects;

namespace {

const ImVec2 screen{800, 480};

// An ImGui context (for the draw lists' shared data) and one draw list drawn anew each frame:
// a static square, a static line of text-like quads, and a moving square at `at`.
class Frames {
public:
    Frames() : context_(ImGui::CreateContext()) {
        ImGui::GetIO().Fonts->Build();
        list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    }
    ~Frames() { ImGui::DestroyContext(context_); }
    Frames(const Frames&) = delete;
    Frames& operator=(const Frames&) = delete;

    // Draws a frame; returns its damage for a back buffer of buffer_age.
    // The frame's last static square goes to clip rectangle `last_clip`; `callback` adds a
    // draw callback; `scale` is the framebuffer scale.
    ImVec4 last_clip{0, 0, 800, 480};
    bool callback = false;
    ImVec2 scale{1, 1};

    Damage frame(ImVec2 moving_at, int buffer_age = 1, ImU32 static_colour = IM_COL32(10, 20, 30, 255), bool force_full = false) {
        list_->_ResetForNewFrame();
        list_->PushClipRect({0, 0}, screen);
        list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
        list_->AddRectFilled({100, 100}, {200, 200}, static_colour);
        moving_.clear();
        {
            const MovingScope scope(&moving_, list_.get());
            list_->AddRectFilled(moving_at, {moving_at.x + 40, moving_at.y + 40}, IM_COL32(200, 100, 50, 255));
        }
        list_->PushClipRect({last_clip.x, last_clip.y}, {last_clip.z, last_clip.w});
        list_->AddRectFilled({600, 400}, {700, 420}, IM_COL32(1, 2, 3, 255));
        list_->PopClipRect();
        if (callback) list_->AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
        ImDrawList* lists[] = {list_.get()};
        ImDrawData data;
        data.Valid = true;
        data.CmdListsCount = 1;
        data.CmdLists = lists;
        data.DisplayPos = {0, 0};
        data.DisplaySize = screen;
        data.FramebufferScale = scale;
        return damage_.next(data, moving_, buffer_age, force_full);
    }

private:
    ImGuiContext* context_;
    std::unique_ptr<ImDrawList> list_;
    MovingParts moving_;
    FrameDamage damage_;
};

bool covers(const Damage& damage, PixelRect area) {
    for (const PixelRect& rect : damage.rects) {
        if (rect.x0 <= area.x0 && rect.y0 <= area.y0 && rect.x1 >= area.x1 && rect.y1 >= area.y1) return true;
    }
    return false;
}

bool touches(const Damage& damage, PixelRect area) {
    for (const PixelRect& rect : damage.rects) {
        if (rect.x0 < area.x1 && area.x0 < rect.x1 && rect.y0 < area.y1 && area.y0 < rect.y1) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the first frame is whole, an unchanged one is nothing, and a moved part is its old and new places only") {
    Frames frames;
    CHECK(frames.frame({300, 300}).full);
    const Damage same = frames.frame({300, 300});
    CHECK_FALSE(same.full);
    // The moving part is drawn again where it is, though nothing changed: a part is not compared.
    CHECK(covers(same, {300, 300, 340, 340}));

    const Damage moved = frames.frame({310, 305});
    REQUIRE_FALSE(moved.full);
    CHECK(covers(moved, {300, 300, 340, 340}));  // where it was: the background shows again
    CHECK(covers(moved, {310, 305, 350, 345}));  // where it is
    CHECK_FALSE(touches(moved, {100, 100, 200, 200}));  // the static square is not redrawn
    CHECK_FALSE(touches(moved, {600, 400, 700, 420}));
    CHECK(moved.pixels() < 60 * 60);
}

TEST_CASE("any change outside the moving parts, a window event or an unknown back buffer makes the frame whole") {
    Frames frames;
    frames.frame({300, 300});
    frames.frame({300, 300});
    CHECK(frames.frame({300, 300}, 1, IM_COL32(11, 20, 30, 255)).full);  // a static colour changed
    CHECK_FALSE(frames.frame({300, 300}, 1, IM_COL32(11, 20, 30, 255)).full);
    CHECK(frames.frame({300, 300}, 1, IM_COL32(11, 20, 30, 255), true).full);  // the window was exposed
    CHECK(frames.frame({300, 300}, 0, IM_COL32(11, 20, 30, 255)).full);        // age 0: contents unknown
}

TEST_CASE("a back buffer two frames old is given every change since its frame") {
    Frames frames;
    frames.frame({100, 300});
    frames.frame({100, 300});
    frames.frame({200, 300});                      // moved 100 px
    const Damage two_old = frames.frame({300, 300}, 2);  // and again; the buffer holds {100, 300}
    REQUIRE_FALSE(two_old.full);
    CHECK(covers(two_old, {100, 300, 140, 340}));
    CHECK(covers(two_old, {200, 300, 240, 340}));
    CHECK(covers(two_old, {300, 300, 340, 340}));
    // Older than the frames kept: whole.
    CHECK(frames.frame({300, 300}, 9).full);
    // A whole frame within the age makes it whole.
    frames.frame({300, 300}, 1, IM_COL32(0, 0, 0, 255));
    CHECK(frames.frame({310, 300}, 2, IM_COL32(0, 0, 0, 255)).full);
    CHECK_FALSE(frames.frame({320, 300}, 2, IM_COL32(0, 0, 0, 255)).full);
}

TEST_CASE("merged rectangles never overlap, so one pass blends no pixel twice") {
    const std::vector<PixelRect> merged = merge_rects({{0, 0, 50, 50}, {40, 40, 90, 90}, {85, 0, 120, 45}, {300, 300, 310, 310}, {5, 5, 5, 9}});
    for (std::size_t i = 0; i < merged.size(); ++i) {
        CHECK_FALSE(merged[i].empty());
        for (std::size_t j = i + 1; j < merged.size(); ++j) {
            const bool apart = merged[i].x1 <= merged[j].x0 || merged[j].x1 <= merged[i].x0 || merged[i].y1 <= merged[j].y0 ||
                               merged[j].y1 <= merged[i].y0;
            CHECK(apart);
        }
    }
    // The far one stays on its own; the three that touch become one.
    CHECK(merged.size() == 2);
    // Two far apart stay two: merging them would redraw the space between.
    CHECK(merge_rects({{0, 0, 40, 40}, {400, 400, 440, 440}}).size() == 2);
}

TEST_CASE("a part that jumps across the screen is redrawn in its two small places, not as their bounds") {
    Frames frames;
    frames.frame({300, 300});
    const Damage jumped = frames.frame({700, 20});
    REQUIRE_FALSE(jumped.full);
    CHECK(jumped.rects.size() == 2);
    CHECK(jumped.pixels() < 2 * 50 * 50);
}

TEST_CASE("the same unmoved vertices under another clip rectangle, a draw callback or a framebuffer scale make the frame whole") {
    Frames frames;
    frames.frame({300, 300});
    CHECK_FALSE(frames.frame({300, 300}).full);
    frames.last_clip = {0, 0, 800, 410};  // the square's pixels clipped otherwise: the same vertex bytes
    CHECK(frames.frame({300, 300}).full);
    CHECK_FALSE(frames.frame({300, 300}).full);
    frames.callback = true;
    CHECK(frames.frame({300, 300}).full);
    CHECK(frames.frame({300, 300}).full);  // every frame with one
    frames.callback = false;
    frames.frame({300, 300});
    frames.scale = {2, 2};
    CHECK(frames.frame({300, 300}).full);
    CHECK(frames.frame({300, 300}).full);
}

TEST_CASE("a frame with nothing to draw is not shown, so it does not age the back buffer's history") {
    Frames frames;
    frames.last_clip = {0, 0, 800, 480};
    // No moving part: a frame with no change draws and swaps nothing.
    frames.frame({900, 900});  // off screen: the part has no pixels
    CHECK(frames.frame({900, 900}, 1).rects.empty());
    frames.frame({100, 300});  // the part appears: drawn and shown
    CHECK(frames.frame({900, 900}, 1).rects.size() == 1);  // and goes: shown
    // Two frames with nothing: neither swapped. A back buffer two swaps old holds the frame
    // before the part appeared, so the part's place is drawn again.
    CHECK(frames.frame({900, 900}, 1).rects.empty());
    CHECK(frames.frame({900, 900}, 1).rects.empty());
    const Damage two_swaps_old = frames.frame({900, 900}, 2);
    REQUIRE_FALSE(two_swaps_old.full);
    CHECK(covers(two_swaps_old, {100, 300, 140, 340}));
}
