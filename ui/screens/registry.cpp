// The one place the screens are registered against the kiosk's ScreenId.
#include "screens/screens.h"

namespace flytthit::ui {

void draw_current_screen(const Kiosk& kiosk, UiFrame& frame) {
    switch (kiosk.screen()) {
        case ScreenId::attract: draw_attract(kiosk, frame); return;
        case ScreenId::jewel_box: draw_jewel_box(kiosk, frame); return;
        case ScreenId::sign_up_household: draw_sign_up_household(kiosk, frame); return;
        case ScreenId::sign_up_contact: draw_sign_up_contact(kiosk, frame); return;
        case ScreenId::thank_you: draw_thank_you(kiosk, frame); return;
    }
}

bool screen_animates(ScreenId screen) { return screen == ScreenId::attract; }

}  // namespace flytthit::ui
