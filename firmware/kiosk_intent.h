// What a visitor can ask the kiosk to do. Screens emit these; the Kiosk state machine
// applies them. Nothing here draws or stores.
#pragma once

#include "common/lead/language.h"

#include <string>
#include <variant>

namespace flytthit {

enum class ScreenId {
    attract, jewel_box, municipality, work_for_two, region, map,
    // The sign-up steps; the event's campaign chooses which, in its manifest order.
    sign_up_who, sign_up_household, sign_up_school_start, sign_up_business_idea, sign_up_tipper,
    sign_up_interests, sign_up_contact, sign_up_consent,
    thank_you,
    // Behind the PIN:
    pin_entry, staff_home, staff_event, staff_leads, staff_lead, staff_sync, staff_export, staff_clock,
    staff_pairing,  // pair from a pairing file on a USB stick; also the first start's last step
};
// The fields a visitor types into with the on-screen keyboard.
enum class VisitorField { name, phone, email, business_idea, tipper_name };
enum class StaffField { event_name, event_place, event_date, lead_note };

// True for the screens only staff may see (the PIN pad itself is not one of them). Written
// out, not by declaration order: a new screen must be placed here, or -Wswitch (an error in
// CI) names it.
constexpr bool is_staff_screen(ScreenId screen) {
    switch (screen) {
        case ScreenId::staff_home: case ScreenId::staff_event: case ScreenId::staff_leads: case ScreenId::staff_lead:
        case ScreenId::staff_sync: case ScreenId::staff_export: case ScreenId::staff_clock: case ScreenId::staff_pairing:
            return true;
        case ScreenId::attract: case ScreenId::jewel_box: case ScreenId::municipality: case ScreenId::work_for_two:
        case ScreenId::region: case ScreenId::map: case ScreenId::sign_up_who: case ScreenId::sign_up_household:
        case ScreenId::sign_up_school_start: case ScreenId::sign_up_business_idea: case ScreenId::sign_up_tipper:
        case ScreenId::sign_up_interests: case ScreenId::sign_up_contact: case ScreenId::sign_up_consent:
        case ScreenId::thank_you: case ScreenId::pin_entry:
            return false;
    }
    return false;
}
constexpr bool is_sign_up_step(ScreenId screen) {
    switch (screen) {
        case ScreenId::sign_up_who: case ScreenId::sign_up_household: case ScreenId::sign_up_school_start:
        case ScreenId::sign_up_business_idea: case ScreenId::sign_up_tipper: case ScreenId::sign_up_interests:
        case ScreenId::sign_up_contact: case ScreenId::sign_up_consent:
            return true;
        default:
            return false;
    }
}

namespace intent {
struct Start {};                                   // attract: touch anywhere
struct ChooseLanguage { Language language; };
struct ToggleMunicipality { std::string id; };      // "curious about this place", on or off
struct OpenMunicipality { std::string id; };        // jewel box: tap a jewel
struct OpenSection { std::string section; };        // municipality page: one of municipality_sections
struct OpenWorkForTwo {};
struct ChooseHome { std::string id; };              // work for two: where you would live
struct OpenRegion {};
struct OpenMap {};                                 // attract, jewel box or a municipality page: the region's map
struct ToggleLargeText {};
struct ChooseProfile { std::string id; };           // sign-up "who": one of profile_ids
struct ChangeSchoolStart { int delta; };            // Første Klasse: the eldest child's school start
struct OpenSignUp {};                              // "register interest", from any exploring screen
struct Back {};
struct Next {};
struct ChangeAdults { int delta; };
struct AddChild {};
struct RemoveChild { int index; };
struct ChangeChildYear { int index; int delta; };
struct ToggleTopic { std::string id; };
struct FocusField { VisitorField field; };
struct TypeText { std::string utf8; };            // from the on-screen or a physical keyboard
struct Backspace {};                               // deletes the letter before the cursor
struct MoveCursor { int delta; };                  // the cursor delta letters left (-) or right (+), stopping at the ends
struct DeleteForward {};                           // a physical Delete key: the letter after the cursor
struct ToggleShift {};                             // on-screen keyboard: capitals for one letter
struct ToggleConsent {};
struct OpenPrivacyNotice {};                       // consent step: the whole privacy notice, over the step
struct ClosePrivacyNotice {};                      // the notice's own Back: to the consent step
struct Submit {};
struct Finish {};                                  // thank-you: done, back to attract
struct StillHere {};                               // answers "are you still there?"

// Staff mode
struct OpenStaffEntry { static constexpr bool staff_only = true; static constexpr bool handled_by_kiosk = true; };                          // the hidden gesture: opens the PIN pad
struct PinDigit { static constexpr bool staff_only = true; char digit; };
struct PinBackspace { static constexpr bool staff_only = true; };
struct PinSubmit { static constexpr bool staff_only = true; };
struct StaffGo { static constexpr bool staff_only = true; ScreenId screen; };               // staff home's buttons
struct LeaveStaff { static constexpr bool staff_only = true; static constexpr bool handled_by_kiosk = true; };                              // back to the visitors' attract screen
struct StaffFocus { static constexpr bool staff_only = true; StaffField field; };              // a field tapped: edit it with the keyboard
struct StaffDoneEditing { static constexpr bool staff_only = true; };                         // the keyboard's Done: back to the form
struct ChooseCampaign { static constexpr bool staff_only = true; std::string id; };
struct ToggleEventMunicipality { static constexpr bool staff_only = true; std::string id; };
struct SaveEvent { static constexpr bool staff_only = true; };
struct LeadsScope { static constexpr bool staff_only = true; bool all_events; };
struct LeadsPage { static constexpr bool staff_only = true; int delta; };
struct OpenLead { static constexpr bool staff_only = true; std::string id; };
struct SetRating { static constexpr bool staff_only = true; std::string rating; };          // "hot", "warm", "cold"
struct SetFollowUp { static constexpr bool staff_only = true; std::string municipality; };
struct SaveLead { static constexpr bool staff_only = true; };
struct StartSync { static constexpr bool staff_only = true; };
struct CancelSync { static constexpr bool staff_only = true; };
struct ExportTo { static constexpr bool staff_only = true; std::string directory; };
struct AdjustClock { static constexpr bool staff_only = true; int field; int delta; };      // field: 0 year, 1 month, 2 day, 3 hour, 4 minute
struct SetClock { static constexpr bool staff_only = true; };
struct StartAssistedSignUp { static constexpr bool staff_only = true; static constexpr bool handled_by_kiosk = true; };
struct AskExitKiosk { static constexpr bool staff_only = true; };                             // staff home's "Leave the kiosk": asks first
struct CancelExitKiosk { static constexpr bool staff_only = true; };                          // the question's Cancel: staff home as it was
struct ExitKiosk { static constexpr bool staff_only = true; static constexpr bool handled_by_kiosk = true; };  // the question's confirm: only once asked
struct PairFrom { static constexpr bool staff_only = true; std::string file; };             // a pairing file on a USB stick
struct FinishSetup { static constexpr bool staff_only = true; static constexpr bool handled_by_kiosk = true; };  // first start: open for visitors
}  // namespace intent

// Staff intents say so in their type (staff_only), and those the Kiosk handles itself rather
// than StaffMode say that too (handled_by_kiosk): the dispatchers check both at compile time.
template <class T>
inline constexpr bool is_staff_intent_v = requires { T::staff_only; };
template <class T>
inline constexpr bool kiosk_handles_staff_intent_v = requires { T::handled_by_kiosk; };

using Intent = std::variant<intent::Start, intent::ChooseLanguage, intent::ToggleMunicipality, intent::OpenMunicipality,
                            intent::OpenSection, intent::OpenWorkForTwo, intent::ChooseHome, intent::OpenRegion, intent::OpenMap,
                            intent::ToggleLargeText, intent::ChooseProfile, intent::ChangeSchoolStart, intent::OpenSignUp,
                            intent::Back, intent::Next, intent::ChangeAdults, intent::AddChild, intent::RemoveChild,
                            intent::ChangeChildYear, intent::ToggleTopic, intent::FocusField, intent::TypeText,
                            intent::Backspace, intent::MoveCursor, intent::DeleteForward, intent::ToggleShift, intent::ToggleConsent, intent::OpenPrivacyNotice, intent::ClosePrivacyNotice, intent::Submit, intent::Finish, intent::StillHere,
                            intent::OpenStaffEntry, intent::PinDigit, intent::PinBackspace, intent::PinSubmit,
                            intent::StaffGo, intent::LeaveStaff, intent::StaffFocus, intent::StaffDoneEditing, intent::ChooseCampaign,
                            intent::ToggleEventMunicipality, intent::SaveEvent, intent::LeadsScope, intent::LeadsPage,
                            intent::OpenLead, intent::SetRating, intent::SetFollowUp, intent::SaveLead,
                            intent::StartSync, intent::CancelSync, intent::ExportTo, intent::AdjustClock,
                            intent::SetClock, intent::StartAssistedSignUp, intent::AskExitKiosk, intent::CancelExitKiosk, intent::ExitKiosk, intent::PairFrom,
                            intent::FinishSetup>;

}  // namespace flytthit

namespace flytthit {
// True when intent may only act behind the PIN.
inline bool is_staff_intent(const Intent& intent) {
    return std::visit([](const auto& i) { return is_staff_intent_v<std::decay_t<decltype(i)>>; }, intent);
}
}  // namespace flytthit
