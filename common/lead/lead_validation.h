// Whether a lead may be stored, decided in the core so that the touch UI, kioskctl and
// the tests all apply the same rules. Problems name the field and carry a catalogue key
// whose text a visitor understands in their own language.
#pragma once

#include "common/lead/lead.h"

#include <set>
#include <string>
#include <vector>

namespace flytthit {

struct ValidationProblem {
    std::string field;        // "contact.phone", "household.children[1]"
    std::string message_key;  // text catalogue key, e.g. "validation.phone"
};

// Limits on what a visitor may type, in code points.
inline constexpr std::size_t max_name_length = 100;
inline constexpr std::size_t max_email_length = 254;
inline constexpr std::size_t max_phone_length = 20;
inline constexpr std::size_t max_free_text_length = 1000;
inline constexpr std::size_t max_business_idea_length = 300;
inline constexpr int max_adults = 10;
inline constexpr int max_children = 12;
// Første Klasse: the eldest child starts school this autumn or up to this many years ahead.
inline constexpr int max_school_start_years_ahead = 7;

struct ValidationRules {
    int current_year = 2026;                 // birth years are checked against this
    std::set<std::string> municipality_ids;  // empty: any id is accepted (no content known)
    bool lead_is_tip = false;                // the campaign collects tips: the tipper must give a name
};

// Every problem with draft; empty means it may be stored.
std::vector<ValidationProblem> validate_lead(const LeadDraft& draft, const ValidationRules& rules);

// True for a Norwegian number (8 digits, spaces allowed) or an international one
// (+ followed by 7 to 15 digits).
bool is_valid_phone(std::string_view phone);
// A pragmatic check: one @, something before it, a dotted domain after it, no spaces.
bool is_valid_email(std::string_view email);

// Normalises what the visitor typed before it is stored: trims, strips spaces in phones.
LeadDraft normalised(LeadDraft draft);

}  // namespace flytthit
