// "Are you still there?": shown over any visitor screen in the last seconds before the idle
// wipe, in a window of its own on top, so a touch anywhere answers it and reaches nothing below.
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/text_box.h"

namespace flytthit::ui {

void draw_still_there(const Kiosk& kiosk, UiFrame& frame) {
    if (frame.size.x < 1.0f || frame.size.y < 1.0f) return;  // minimised: nothing to ask
    if (frame.audit) frame.audit->begin_layer();  // over the screen on purpose
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(frame.size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("still_there", nullptr, flags);
    const Language language = kiosk.language();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled({0, 0}, frame.size, theme::rgb(0, 0, 0, 190));
    const ImVec2 panel{frame.px(760), frame.px(420)};
    const ImVec2 min{(frame.size.x - panel.x) / 2, (frame.size.y - panel.y) / 2};
    draw->AddRectFilled(min, {min.x + panel.x, min.y + panel.y}, theme::panel, frame.px(20));
    draw->AddRect(min, {min.x + panel.x, min.y + panel.y}, theme::gold, frame.px(20), 0, frame.px(4));
    const float centre = frame.size.x / 2;
    const float inner = frame.px(30);
    const ImVec2 button{frame.px(380), frame.touch(84)};
    const float button_y = min.y + panel.y - button.y - frame.px(28);
    const float text_left = min.x + inner;
    const float text_width = panel.x - inner * 2;
    float y = min.y + inner;
    y += text_box(frame, ui_text(language, "idle.still_there"), {{text_left, y}, {text_width, frame.fonts.title->FontSize}},
                  {frame.fonts.title, theme::gold, Align::centre, false, true}).size.y + frame.px(12);
    const float count_height = frame.fonts.title->FontSize;
    const float explain_room = button_y - frame.px(12) - count_height - frame.px(8) - y;
    y += text_box(frame, ui_text(language, "idle.explain"), {{text_left, y}, {text_width, explain_room}},
                  {frame.fonts.body, theme::text, Align::centre}).size.y + frame.px(8);
    text_box(frame, std::to_string(kiosk.idle_countdown().value_or(0)), {{text_left, y}, {text_width, count_height}},
             {frame.fonts.title, theme::text, Align::centre, false, true});
    // The whole screen answers; the button is there to say so.
    frame.targets.add("still_there", {0, 0}, frame.size);
    touch_button(frame, "still_here", ui_text(language, "idle.continue"),
                 {centre - button.x / 2, button_y}, button, ButtonStyle::primary);
    ImGui::SetCursorScreenPos({0, 0});
    if (ImGui::InvisibleButton("still_there_anywhere", frame.size) || ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        frame.emit(intent::StillHere{});
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace flytthit::ui
