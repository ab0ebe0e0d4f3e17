// The full-screen window every screen draws into: no decoration, no moving, no saved
// settings. Owns the Begin/End pairing so no screen can get it wrong.
#pragma once

#include "ui/ui_frame.h"

namespace flytthit::ui {

class ScreenWindow {
public:
    ScreenWindow(const UiFrame& frame, const char* name) {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(frame.size);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
        constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                           ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus;
        ImGui::Begin(name, nullptr, flags);  // always paired with End() in the destructor
    }
    ~ScreenWindow() {
        ImGui::End();
        ImGui::PopStyleVar(3);
    }
    ScreenWindow(const ScreenWindow&) = delete;
    ScreenWindow& operator=(const ScreenWindow&) = delete;
};

}  // namespace flytthit::ui
