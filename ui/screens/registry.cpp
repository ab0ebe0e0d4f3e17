// The one place the screens are registered against the kiosk's ScreenId.
#include "ui/screens/screens.h"

namespace flytthit::ui {

static void draw_screen(const Kiosk& kiosk, UiFrame& frame);

void draw_current_screen(const Kiosk& kiosk, UiFrame& frame) {
    draw_screen(kiosk, frame);
    if (kiosk.idle_countdown()) draw_still_there(kiosk, frame);
}

static void draw_screen(const Kiosk& kiosk, UiFrame& frame) {
    switch (kiosk.screen()) {
        case ScreenId::attract: draw_attract(kiosk, frame); return;
        case ScreenId::jewel_box: draw_jewel_box(kiosk, frame); return;
        case ScreenId::municipality: draw_municipality(kiosk, frame); return;
        case ScreenId::work_for_two: draw_work_for_two(kiosk, frame); return;
        case ScreenId::region: draw_region(kiosk, frame); return;
        case ScreenId::map: draw_map(kiosk, frame); return;
        case ScreenId::sign_up_who: draw_sign_up_who(kiosk, frame); return;
        case ScreenId::sign_up_household: draw_sign_up_household(kiosk, frame); return;
        case ScreenId::sign_up_school_start: draw_sign_up_school_start(kiosk, frame); return;
        case ScreenId::sign_up_business_idea: draw_sign_up_business_idea(kiosk, frame); return;
        case ScreenId::sign_up_tipper: draw_sign_up_tipper(kiosk, frame); return;
        case ScreenId::sign_up_interests: draw_sign_up_interests(kiosk, frame); return;
        case ScreenId::sign_up_contact: draw_sign_up_contact(kiosk, frame); return;
        case ScreenId::sign_up_consent: draw_sign_up_consent(kiosk, frame); return;
        case ScreenId::thank_you: draw_thank_you(kiosk, frame); return;
        case ScreenId::pin_entry: draw_pin_pad(kiosk, frame); return;
        case ScreenId::staff_home: draw_staff_home(kiosk, frame); return;
        case ScreenId::staff_event: draw_staff_event(kiosk, frame); return;
        case ScreenId::staff_leads: draw_staff_leads(kiosk, frame); return;
        case ScreenId::staff_lead: draw_staff_lead(kiosk, frame); return;
        case ScreenId::staff_sync: draw_staff_sync(kiosk, frame); return;
        case ScreenId::staff_export: draw_staff_export(kiosk, frame); return;
        case ScreenId::staff_clock: draw_staff_clock(kiosk, frame); return;
        case ScreenId::staff_pairing: draw_staff_pairing(kiosk, frame); return;
    }
}

bool screen_animates(const Kiosk& kiosk) {
    if (kiosk.idle_countdown()) return true;  // the countdown ticks
    switch (kiosk.screen()) {
        case ScreenId::attract: return true;
        case ScreenId::staff_sync: return kiosk.staff().sync_running();
        case ScreenId::pin_entry: return !kiosk.staff().pin_message_key().empty();
        default: return false;
    }
}

}  // namespace flytthit::ui
