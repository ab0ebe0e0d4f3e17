// What a visitor can ask the kiosk to do. Screens emit these; the Kiosk state machine
// applies them. Nothing here draws or stores.
#pragma once

#include "language.h"

#include <string>
#include <variant>

namespace flytthit {

enum class ScreenId { attract, jewel_box, sign_up_household, sign_up_contact, thank_you };
enum class ContactField { name, phone, email };

namespace intent {
struct Start {};                                   // attract: touch anywhere
struct ChooseLanguage { Language language; };
struct ToggleMunicipality { std::string id; };
struct OpenSignUp {};                              // jewel box: "register interest"
struct Back {};
struct Next {};
struct ChangeAdults { int delta; };
struct AddChild {};
struct RemoveChild { int index; };
struct ChangeChildYear { int index; int delta; };
struct ToggleTopic { std::string id; };
struct FocusField { ContactField field; };
struct TypeText { std::string utf8; };            // from the on-screen or a physical keyboard
struct Backspace {};
struct ToggleShift {};                             // on-screen keyboard: capitals for one letter
struct ToggleConsent {};
struct Submit {};
struct Finish {};                                  // thank-you: done, back to attract
}  // namespace intent

using Intent = std::variant<intent::Start, intent::ChooseLanguage, intent::ToggleMunicipality, intent::OpenSignUp,
                            intent::Back, intent::Next, intent::ChangeAdults, intent::AddChild, intent::RemoveChild,
                            intent::ChangeChildYear, intent::ToggleTopic, intent::FocusField, intent::TypeText,
                            intent::Backspace, intent::ToggleShift, intent::ToggleConsent, intent::Submit, intent::Finish>;

}  // namespace flytthit
