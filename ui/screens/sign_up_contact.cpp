// Sign-up step "contact": name, phone and e-mail on the on-screen keyboard. For a tip
// (Savner du noen) these are the missed person's. Phone and e-mail are checked on Next,
// where the visitor can still mend them.
#include "ui/screens/screen_window.h"
#include "ui/screens/screens.h"
#include "ui/text/ui_text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/typing_area.h"

namespace flytthit::ui {

void draw_sign_up_contact(const Kiosk& kiosk, UiFrame& frame) {
    ScreenWindow window(frame, "sign_up_contact");
    const Language language = kiosk.language();
    const bool tip = kiosk.campaign() != nullptr && kiosk.campaign()->lead_is_tip;
    const FieldSpec fields[] = {
        {VisitorField::name, "field:name", ui_text(language, tip ? "sign_up.their_name" : "sign_up.name"), "contact.name"},
        {VisitorField::phone, "field:phone", ui_text(language, "sign_up.phone"), "contact.phone"},
        {VisitorField::email, "field:email", ui_text(language, "sign_up.email"), "contact.email"},
    };
    draw_typing_step(kiosk, frame, ui_text(language, tip ? "sign_up.contact_title_tip" : "sign_up.contact_title"), fields);
    if (!kiosk.draft().problems.empty()) bottom_message(frame, ui_text(language, kiosk.draft().problems.front().message_key));
    if (bottom_bar(frame, ui_text(language, "nav.back"), ui_text(language, "nav.next"), "next")) frame.emit(intent::Next{});
}

}  // namespace flytthit::ui
