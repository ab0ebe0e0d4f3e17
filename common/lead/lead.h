// A lead: one family's or person's interest in moving to the region, as the visitor gave it
// at the stand. LeadDraft is what the visitor (or a JSON line) provides; Lead adds what the
// store assigns when it commits: the id, the moment, the sync state.
#pragma once

#include "common/base/device_clock.h"
#include "common/lead/language.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

// Topics a visitor can be interested in; the five sections of a municipality page less the host.
inline constexpr std::string_view topic_ids[] = {"work", "childhood", "housing", "culture", "business"};

struct Household {
    int adults = 1;
    std::vector<int> children_birth_years;
};

struct Contact {
    std::string name;
    std::string phone;  // empty when not given
    std::string email;  // empty when not given
};

struct Consent {
    bool given = false;         // an active act: the box starts unticked
    std::string text_version;   // which consent text the visitor saw, e.g. "contact-v1"
};

// Who the visitor is, in their own taps: one of these ids, or empty when not chosen.
inline constexpr std::string_view profile_ids[] = {"family", "couple", "single", "returning", "founder", "senior"};

// What the sign-up steps of the event's campaign asked, beyond the common steps. Personal:
// sealed with the contact before anything is stored.
struct SignUpAnswers {
    std::string profile;         // from profile_ids; for a tip, who the missed person is
    int school_start_year = 0;   // Første Klasse: the eldest child starts school this autumn; 0: not asked
    std::string business_idea;   // Start Her: the idea in the visitor's words
    std::string tipper_name;     // Savner du noen: who gave the tip (the contact is the missed person)
};

struct LeadDraft {
    std::string event_id;
    Language language = Language::nb;
    Consent consent;
    // Which privacy notice was shown beside the consent (the content pack's privacy.version),
    // stored and sent with it (JSON: consent.privacy_notice_version); empty for leads from
    // before the notice, or from a pack without one.
    std::string privacy_notice_version;
    Household household;
    std::vector<std::string> municipalities;  // content pack ids, e.g. "roros"
    std::vector<std::string> topics;          // from topic_ids
    Contact contact;
    std::string free_text;
    SignUpAnswers answers;
    std::string campaign_id;      // the event's campaign when the lead was made; empty: none
    bool staff_assisted = false;  // staff filled the form with the visitor
};

// What staff add to a lead at the stand; may change after the lead was made.
struct StaffAnnotation {
    std::string rating;     // "", "hot", "warm" or "cold"
    std::string note;
    std::string follow_up;  // the municipality whose host follows up; empty: not decided
    // On the kiosk, where staff cannot read a sealed note back: the note is to be deleted
    // (an empty note otherwise keeps the sealed one). Not sent; the wire carries "note": "".
    bool note_cleared = false;
};

// pending: not yet acknowledged by the register; synced: stored there (or already was);
// rejected: the register refused it, with a reason; conflict: the register holds another lead
// under the same id. Only pending leads are sent.
enum class SyncState { pending, synced, rejected, conflict };

// What the kiosk keeps of a lead's personal data once stored: sealed boxes it cannot open,
// and the little staff need to recognise the lead.
struct SealedPersonal {
    std::vector<unsigned char> personal;  // contact, children's birth years, free text; empty once purged
    std::vector<unsigned char> note;      // the staff's note; empty when none
    std::string sealed_to;                // hex public key it was sealed to
    std::string initials;                 // "KN"
    int children_count = 0;
};

struct Lead {
    std::string id;  // random UUID (v4), assigned inside the storing transaction
    CreatedAt created;
    std::string consent_given_at;  // wall clock when consent was committed with the lead
    SyncState sync_state = SyncState::pending;
    std::string sync_error;  // the register's reason, for rejected and conflict
    LeadDraft draft;          // as stored: personal fields empty; see sealed
    StaffAnnotation staff;    // as stored: note empty; see sealed.note
    SealedPersonal sealed;
};

}  // namespace flytthit
