// Scripted visitors; see visitor_script.h.
#include "firmware/visitor_script.h"

#include <algorithm>

namespace flytthit {

std::size_t steps_before_contact(const Kiosk& kiosk) {
    const auto steps = kiosk.sign_up_steps();
    return static_cast<std::size_t>(std::find(steps.begin(), steps.end(), ScreenId::sign_up_contact) - steps.begin());
}

std::vector<Intent> intents_to_contact_step(const std::string& municipality, std::size_t steps_before) {
    std::vector<Intent> intents{intent::Start{}};
    if (!municipality.empty()) intents.emplace_back(intent::ToggleMunicipality{municipality});
    intents.emplace_back(intent::OpenSignUp{});
    for (std::size_t step = 0; step < steps_before; ++step) intents.emplace_back(intent::Next{});
    return intents;
}

std::vector<Intent> default_sign_up_intents(const std::string& name, VisitorField contact_field, const std::string& contact,
                                            const std::string& municipality, std::size_t steps_before) {
    std::vector<Intent> intents = intents_to_contact_step(municipality, steps_before);
    for (Intent intent : std::initializer_list<Intent>{intent::FocusField{VisitorField::name}, intent::TypeText{name},
                                                       intent::FocusField{contact_field}, intent::TypeText{contact},
                                                       intent::Next{}, intent::ToggleConsent{}, intent::Submit{}}) {
        intents.push_back(std::move(intent));
    }
    return intents;
}

}  // namespace flytthit
