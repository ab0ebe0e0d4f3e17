// A content pack picture in a box: cropped to fill it (the middle kept), with rounded
// corners; a neutral frame (a quiet panel with a mountain outline) when the picture is
// missing, was refused at load, or there is no renderer (headless tests).
#pragma once

#include "ui/ui_frame.h"
#include "ui/widgets/controls.h"

#include <string>

namespace flytthit::ui {

// Returns true when the picture itself was drawn, false for the neutral frame.
bool picture_frame(UiFrame& frame, const std::string& file, Rect box, float rounding);

}  // namespace flytthit::ui
