// The visitor's screens, one file each. Each draws the Kiosk's state and emits intents
// into frame; none changes state, stores or loads anything.
#pragma once

#include "firmware/kiosk.h"
#include "ui/ui_frame.h"

namespace flytthit::ui {

void draw_attract(const Kiosk& kiosk, UiFrame& frame);
void draw_jewel_box(const Kiosk& kiosk, UiFrame& frame);
void draw_municipality(const Kiosk& kiosk, UiFrame& frame);
void draw_work_for_two(const Kiosk& kiosk, UiFrame& frame);
void draw_region(const Kiosk& kiosk, UiFrame& frame);
void draw_map(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_who(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_household(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_school_start(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_business_idea(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_tipper(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_interests(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_contact(const Kiosk& kiosk, UiFrame& frame);
void draw_sign_up_consent(const Kiosk& kiosk, UiFrame& frame);
void draw_thank_you(const Kiosk& kiosk, UiFrame& frame);
void draw_pin_pad(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_home(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_event(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_leads(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_lead(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_sync(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_export(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_clock(const Kiosk& kiosk, UiFrame& frame);
void draw_staff_pairing(const Kiosk& kiosk, UiFrame& frame);

// The "are you still there?" question, over whatever screen is showing.
void draw_still_there(const Kiosk& kiosk, UiFrame& frame);

// Draws whichever screen the kiosk is on: the one place screens are registered.
void draw_current_screen(const Kiosk& kiosk, UiFrame& frame);

// True while the screen animates and so needs frames without input: the attract loop, a
// running sync's progress bar, the PIN pad's lock-out countdown.
bool screen_animates(const Kiosk& kiosk);

}  // namespace flytthit::ui
