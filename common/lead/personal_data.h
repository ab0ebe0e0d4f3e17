// The one definition of which lead fields are personal: the contact, the children's birth
// years, the free text and the campaign answers (a business idea, a tipper's name). These are
// sealed on the kiosk before SQLite sees them and opened only at the register; what is left
// (municipalities, topics, counts, initials) is what a stolen kiosk shows. Every place that
// seals, clears or restores a lead's personal part goes through these three functions.
#pragma once

#include "common/lead/lead.h"

#include <string>
#include <vector>

namespace flytthit {

// The personal part of a lead, as the plaintext that gets sealed.
struct PersonalData {
    Contact contact;
    std::vector<int> children_birth_years;
    std::string free_text;
    SignUpAnswers answers;
};

inline PersonalData personal_part(const LeadDraft& draft) {
    return {draft.contact, draft.household.children_birth_years, draft.free_text, draft.answers};
}

// Leaves only the fields that are not personal.
inline void clear_personal(LeadDraft& draft) {
    draft.contact = {};
    draft.household.children_birth_years.clear();
    draft.free_text.clear();
    draft.answers = {};
}

inline void restore_personal(LeadDraft& draft, PersonalData personal) {
    draft.contact = std::move(personal.contact);
    draft.household.children_birth_years = std::move(personal.children_birth_years);
    draft.free_text = std::move(personal.free_text);
    draft.answers = std::move(personal.answers);
}

}  // namespace flytthit
