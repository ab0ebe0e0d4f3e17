// A content pack picture in a box, or a neutral frame; see picture_frame.h.
#include "ui/widgets/picture_frame.h"

#include "ui/theme.h"

namespace flytthit::ui {

bool picture_frame(UiFrame& frame, const std::string& file, Rect box, float rounding) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max = box.max();
    const Picture* picture = frame.pictures != nullptr && !file.empty() ? frame.pictures->find(file) : nullptr;
    if (picture != nullptr && picture->width > 0 && picture->height > 0 && box.size.x > 0 && box.size.y > 0) {
        // Fill the box and crop the overflow evenly on both sides: the subject stays in the middle.
        const float box_ratio = box.size.x / box.size.y;
        const float picture_ratio = static_cast<float>(picture->width) / static_cast<float>(picture->height);
        ImVec2 uv_min{0, 0}, uv_max{1, 1};
        if (picture_ratio > box_ratio) {
            const float keep = box_ratio / picture_ratio;
            uv_min.x = (1 - keep) / 2;
            uv_max.x = 1 - uv_min.x;
        } else {
            const float keep = picture_ratio / box_ratio;
            uv_min.y = (1 - keep) / 2;
            uv_max.y = 1 - uv_min.y;
        }
        draw->AddImageRounded(picture->texture, box.pos, max, uv_min, uv_max, IM_COL32_WHITE, rounding);
        draw->AddRect(box.pos, max, theme::gold, rounding, 0, frame.px(2));
        return true;
    }
    // The neutral frame: a quiet panel with a mountain outline, so the page keeps its shape.
    draw->AddRectFilled(box.pos, max, theme::panel, rounding);
    const float w = box.size.x, h = box.size.y;
    const ImVec2 ridge[] = {{box.pos.x + w * 0.12f, box.pos.y + h * 0.72f}, {box.pos.x + w * 0.36f, box.pos.y + h * 0.38f},
                            {box.pos.x + w * 0.50f, box.pos.y + h * 0.55f}, {box.pos.x + w * 0.66f, box.pos.y + h * 0.30f},
                            {box.pos.x + w * 0.88f, box.pos.y + h * 0.72f}};
    draw->AddPolyline(ridge, 5, theme::panel_pressed, 0, std::max(2.0f, frame.px(6)));
    draw->AddRect(box.pos, max, theme::text_muted, rounding, 0, frame.px(2));
    return false;
}

}  // namespace flytthit::ui
