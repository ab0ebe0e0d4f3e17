// How a lead row is read; see lead_rows.h.
#include "firmware/store/lead_rows.h"

#include "common/lead/lead_json.h"

#include <nlohmann/json.hpp>

namespace flytthit::detail {

namespace {

template <class T>
std::vector<T> parse_list(const std::string& text) {
    try {
        return nlohmann::json::parse(text).get<std::vector<T>>();
    } catch (const nlohmann::json::exception&) {
        return {};  // only our own writes reach these columns; a bad one reads as empty
    }
}

}  // namespace

// The columns read_lead() expects, in its order.
const char* const lead_columns = R"sql(
id, created_wall_utc, boot_id, created_monotonic_ns, event_id, language,
consent_text_version, consent_given_at, adults, children_birth_years,
municipalities, topics, contact_name, contact_phone, contact_email, free_text, sync_state, sync_error,
campaign_id, staff_assisted, rating, staff_note, follow_up,
sealed_personal, sealed_note, sealed_to, initials, children_count, privacy_notice_version)sql";

Lead read_lead(const Statement& row) {
    Lead lead;
    lead.id = row.column_text(0);
    lead.created = {row.column_text(1), row.column_text(2), row.column_int(3)};
    lead.draft.event_id = row.column_text(4);
    lead.draft.language = language_from_code(row.column_text(5)).value_or(Language::nb);
    lead.draft.consent = {true, row.column_text(6)};
    lead.consent_given_at = row.column_text(7);
    lead.draft.household.adults = static_cast<int>(row.column_int(8));
    lead.draft.household.children_birth_years = parse_list<int>(row.column_text(9));
    lead.draft.municipalities = parse_list<std::string>(row.column_text(10));
    lead.draft.topics = parse_list<std::string>(row.column_text(11));
    lead.draft.contact = {row.column_text(12), row.column_text(13), row.column_text(14)};
    lead.draft.free_text = row.column_text(15);
    lead.sync_state = sync_state_from_name(row.column_text(16)).value_or(SyncState::pending);
    lead.sync_error = row.column_text(17);
    lead.draft.campaign_id = row.column_text(18);
    lead.draft.staff_assisted = row.column_int(19) != 0;
    lead.staff = {row.column_text(20), row.column_text(21), row.column_text(22)};
    lead.sealed.personal = row.column_blob(23);
    lead.sealed.note = row.column_blob(24);
    lead.sealed.sealed_to = row.column_text(25);
    lead.sealed.initials = row.column_text(26);
    lead.sealed.children_count = static_cast<int>(row.column_int(27));
    lead.draft.privacy_notice_version = row.column_text(28);
    return lead;
}

}  // namespace flytthit::detail
