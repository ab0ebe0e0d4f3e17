// The versions of the consent texts a visitor is shown; each lead stores the one it was given,
// so the register can always tell what a person agreed to. The texts themselves are in the
// UI catalogue (ui/text/ui_text.cpp) under these versions.
#pragma once

#include <string_view>

namespace flytthit {

// The consent to be contacted by the hosts of the municipalities chosen.
inline constexpr std::string_view consent_text_version = "contact-v1";
// The consent a tipper gives (Savner du noen): to be contacted about the tip.
inline constexpr std::string_view tip_consent_text_version = "tip-v1";

}  // namespace flytthit
