// Scripted visitors: the intents a visitor's taps make for a sign-up through the default
// steps (no campaign). Tests, benchmarks and the documentation's screenshots walk the
// kiosk with these, so a change to the flow is made in one place.
#pragma once

#include "firmware/kiosk.h"

#include <string>
#include <vector>

namespace flytthit {

// How many steps come before the contact step in kiosk's flow: 3 without a campaign.
std::size_t steps_before_contact(const Kiosk& kiosk);

// From attract to the contact step, the steps before it passed with their defaults,
// municipality (when not empty) tapped as curious on the jewel box first.
std::vector<Intent> intents_to_contact_step(const std::string& municipality = "", std::size_t steps_before = 3);

// A whole sign-up: to the contact step, the name and one way of contact typed, consent
// ticked, Send. The kiosk is then on the thank-you screen if the store committed.
std::vector<Intent> default_sign_up_intents(const std::string& name, VisitorField contact_field, const std::string& contact,
                                            const std::string& municipality = "", std::size_t steps_before = 3);

}  // namespace flytthit
