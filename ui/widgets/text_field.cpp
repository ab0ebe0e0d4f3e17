// Text field drawing; see text_field.h.
#include "ui/widgets/text_field.h"

#include "ui/theme.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

#include <algorithm>
#include <cmath>

namespace flytthit::ui {

float text_field_height(const UiFrame& frame) { return frame.fonts.body->FontSize + frame.px(6) + frame.touch(58); }

bool draw_text_field(UiFrame& frame, const TextFieldView& view, ImVec2 pos, float width) {
    ImFont* font = frame.fonts.body;
    // A problem marks the label with "!" as well as the red frame: never colour alone. Its
    // words stand in the bottom bar, where there is room for them on any display.
    const std::string label = view.error.empty() ? std::string(view.label) : "! " + std::string(view.label);
    text_box(frame, label, {pos, {width, font->FontSize}}, {font, view.error.empty() ? theme::text_muted : theme::error, Align::left, false, true});
    const ImVec2 box_min{pos.x, pos.y + font->FontSize + frame.px(6)};
    const ImVec2 box_max{pos.x + width, box_min.y + frame.touch(58)};
    if (width < 1.0f) return false;
    frame.targets.add(view.name, box_min, box_max);
    if (frame.audit) frame.audit->exempt(box_min, box_max);  // a long entry scrolls inside its box: that is not a cut
    ImGui::SetCursorScreenPos(box_min);
    const bool tapped = ImGui::InvisibleButton(view.name.c_str(), {box_max.x - box_min.x, box_max.y - box_min.y});

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box_min, box_max, theme::field, frame.px(8));
    if (view.focused) draw->AddRect(box_min, box_max, theme::focus, frame.px(8), 0, frame.px(4));
    if (!view.error.empty()) draw->AddRect(box_min, box_max, theme::error, frame.px(8), 0, frame.px(3));

    // Long text scrolls left so the caret (where typing happens) stays visible.
    const float inner = width - frame.px(28);
    const std::size_t caret_at = std::min(view.cursor, view.text.size());
    const float caret_extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, view.text.data(), view.text.data() + caret_at).x;
    const float shift = std::max(0.0f, caret_extent - inner);
    const float text_y = box_min.y + (box_max.y - box_min.y - font->FontSize) / 2;
    draw->PushClipRect(box_min, box_max, true);
    draw->AddText(font, font->FontSize, {box_min.x + frame.px(14) - shift, text_y}, theme::on_field, view.text.data(),
                  view.text.data() + view.text.size());
    if (view.focused && std::fmod(frame.time_seconds, 1.0) < 0.6) {
        const float caret_x = box_min.x + frame.px(14) - shift + caret_extent + (caret_at == view.text.size() ? frame.px(2) : 0.0f);
        draw->AddLine({caret_x, text_y}, {caret_x, text_y + font->FontSize}, theme::on_field, frame.px(2.5f));
    }
    draw->PopClipRect();
    return tapped;
}

}  // namespace flytthit::ui
