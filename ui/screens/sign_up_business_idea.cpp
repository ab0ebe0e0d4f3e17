// Sign-up step "business_idea" (Start Her): the idea in a few words, on the keyboard.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

void draw_sign_up_business_idea(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_business_idea");
    const Language language = kiosk.language();
    const FieldSpec fields[] = {
        {VisitorField::business_idea, "field:business_idea", ui_text(language, "sign_up.business_idea"), "answers.business_idea"},
    };
    draw_typing_step(kiosk, frame, ui_text(language, "sign_up.business_title"), fields);
    bottom_message(frame, problem_text(kiosk, "answers.business_idea"));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
