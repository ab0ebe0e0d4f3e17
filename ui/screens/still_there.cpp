// "Are you still there?": shown over any visitor screen in the last seconds before the idle
// wipe, in a window of its own on top, so a touch anywhere answers it and reaches nothing below.
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"

namespace flytthit::ui {

void draw_still_there(const Kiosk& kiosk, UiFrame& frame) {
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
    float y = min.y + frame.px(30);
    draw_text(frame.fonts.title, ui_text(language, "idle.still_there"), {centre, y}, theme::gold, true);
    y += frame.fonts.title->FontSize + frame.px(16);
    y += draw_text_centred_wrapped(frame.fonts.body, ui_text(language, "idle.explain"), centre, y, theme::text,
                                   panel.x - frame.px(60));
    draw_text(frame.fonts.title, std::to_string(kiosk.idle_countdown().value_or(0)), {centre, y + frame.px(16)}, theme::text, true);
    const ImVec2 button{frame.px(380), frame.px(84)};
    // The whole screen answers; the button is there to say so.
    frame.targets.add("still_there", {0, 0}, frame.size);
    touch_button(frame, "still_here", ui_text(language, "idle.continue"),
                 {centre - button.x / 2, min.y + panel.y - button.y - frame.px(28)}, button, ButtonStyle::primary);
    ImGui::SetCursorScreenPos({0, 0});
    if (ImGui::InvisibleButton("still_there_anywhere", frame.size) || ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        frame.emit(intent::StillHere{});
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace flytthit::ui
