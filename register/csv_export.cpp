// CSV export; see csv_export.h.
#include "register/csv_export.h"

#include <vector>

namespace flytthit::reg {

namespace {

template <class T>
std::string joined(const std::vector<T>& values) {
    std::string text;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text += ", ";
        if constexpr (std::is_same_v<T, std::string>) text += values[i];
        else text += std::to_string(values[i]);
    }
    return text;
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out << ';';
        out << csv_cell(cells[i]);
    }
    out << "\r\n";  // spreadsheets expect CRLF rows
}

}  // namespace

std::string csv_cell(std::string_view text) {
    std::string cell = "\"";
    if (!text.empty() && std::string_view("=+-@\t\r\n").find(text.front()) != std::string_view::npos) cell += '\'';
    for (char c : text) {
        if (c == '"') cell += '"';
        cell += c;
    }
    cell += '"';
    return cell;
}

void write_csv_header(std::ostream& out) {
    out << "\xEF\xBB\xBF";
    write_row(out, {"id", "opprettet", "tid", "mottatt", "arrangement", "språk", "navn", "telefon", "e-post", "voksne",
                    "barn (fødselsår)", "kommuner", "interesser", "fritekst",
                    "hvem", "skolestart", "forretningsidé", "tipset av", "kampanje", "samtykke", "samtykke gitt", "enhet", "vurdering", "notat fra standen", "følges opp av", "hjelp fra standen"});
}

void write_csv_row(std::ostream& out, const StoredLead& stored) {
    const LeadDraft& draft = stored.lead.draft;
    write_row(out, {stored.lead.id, stored.created_utc,
                    stored.time_status == "corrected" ? "korrigert" : "omtrentlig", stored.received_at,
                    draft.event_id, std::string(language_code(draft.language)), draft.contact.name,
                    draft.contact.phone, draft.contact.email, std::to_string(draft.household.adults),
                    joined(draft.household.children_birth_years), joined(draft.municipalities), joined(draft.topics),
                    draft.free_text, draft.answers.profile,
                    draft.answers.school_start_year ? std::to_string(draft.answers.school_start_year) : std::string(),
                    draft.answers.business_idea, draft.answers.tipper_name, draft.campaign_id, draft.consent.text_version, stored.lead.consent_given_at, stored.device,
                    stored.lead.staff.rating, stored.lead.staff.note, stored.lead.staff.follow_up,
                    draft.staff_assisted ? "ja" : "nei"});
}

}  // namespace flytthit::reg
