// Sign-up step "tipper" (Savner du noen): the name of the person giving the tip, so the host
// can tell the missed person who misses them.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

void draw_sign_up_tipper(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_tipper");
    const Language language = kiosk.language();
    const std::string label = std::string(ui_text(language, "sign_up.tipper_name")) + " · " +
                              std::string(ui_text(language, "sign_up.tipper_hint"));
    const FieldSpec fields[] = {{VisitorField::tipper_name, "field:tipper_name", label, "answers.tipper_name"}};
    draw_typing_step(kiosk, frame, ui_text(language, "sign_up.tipper_title"), fields);
    bottom_message(frame, problem_text(kiosk, "answers.tipper_name"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
