// Leads as JSON; see lead_json.h. nlohmann::json throws; everything is caught here and
// returned as an Error with the field that was wrong.
#include "common/lead/lead_json.h"

#include "common/protocol/bounded_json.h"
#include "common/protocol/sealing.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace flytthit {

using nlohmann::json;

namespace {

// A float such as 1e300 converted to an integer is undefined behaviour, not an exception:
// only whole numbers that fit in T are taken.
template <class T>
bool is_whole_number_of(const json& value) {
    // Unsigned first: nlohmann counts an unsigned number as an integer too, and 2^64 - 1
    // read as long long would wrap to -1.
    if (value.is_number_unsigned()) {
        return value.template get<unsigned long long>() <= static_cast<unsigned long long>(std::numeric_limits<T>::max());
    }
    return value.is_number_integer() && value.template get<long long>() >= std::numeric_limits<T>::min() &&
           value.template get<long long>() <= std::numeric_limits<T>::max();
}

template <class T>
struct IsIntVector : std::false_type {};
template <>
struct IsIntVector<std::vector<int>> : std::true_type {};

// Reads an optional member with a type check, naming the field on mismatch.
template <class T>
Status read_member(const json& object, const char* key, const std::string& path, T& out) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return ok_status();
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (!is_whole_number_of<T>(*found)) return make_error(path + key + ": expected a whole number");
    }
    if constexpr (IsIntVector<T>::value) {
        // get<std::vector<int>> would convert each element unchecked: one at a time here.
        auto numbers = whole_numbers_from_json(*found, path + key);
        if (!numbers) return numbers.error();
        out = std::move(*numbers);
        return ok_status();
    }
    try {
        out = found->get<T>();
    } catch (const json::exception&) {
        std::string expected = std::is_same_v<T, std::string> ? "text"
                               : std::is_same_v<T, bool>      ? "true or false"
                               : std::is_integral_v<T>        ? "a whole number"
                                                              : "a list";
        return make_error(path + key + ": expected " + expected);
    }
    return ok_status();
}

Status read_object(const json& parent, const char* key, json& out) {
    const auto found = parent.find(key);
    if (found == parent.end() || found->is_null()) {
        out = json::object();
        return ok_status();
    }
    if (!found->is_object()) return make_error(std::string(key) + ": expected an object");
    out = *found;
    return ok_status();
}

}  // namespace

Result<std::vector<int>> whole_numbers_from_json(const json& value, const std::string& field) {
    if (!value.is_array()) return make_error(field + ": expected a list", ErrorKind::bad_input);
    std::vector<int> numbers;
    numbers.reserve(value.size());
    for (const auto& element : value) {
        if (!is_whole_number_of<int>(element)) return make_error(field + ": expected whole numbers", ErrorKind::bad_input);
        numbers.push_back(static_cast<int>(element.get<long long>()));
    }
    return numbers;
}

json answers_to_json(const SignUpAnswers& answers) {
    return {{"profile", answers.profile},
            {"school_start_year", answers.school_start_year},
            {"business_idea", answers.business_idea},
            {"tipper_name", answers.tipper_name}};
}

Result<SignUpAnswers> answers_from_json(const json& object) {
    if (!object.is_object()) return make_error("answers: expected an object");
    SignUpAnswers answers;
    for (Status status : {read_member(object, "profile", "answers.", answers.profile),
                          read_member(object, "school_start_year", "answers.", answers.school_start_year),
                          read_member(object, "business_idea", "answers.", answers.business_idea),
                          read_member(object, "tipper_name", "answers.", answers.tipper_name)}) {
        if (!status) return status.error();
    }
    return answers;
}

std::string_view sync_state_name(SyncState state) {
    switch (state) {
        case SyncState::synced: return "synced";
        case SyncState::rejected: return "rejected";
        case SyncState::conflict: return "conflict";
        case SyncState::pending: break;
    }
    return "pending";
}

std::optional<SyncState> sync_state_from_name(std::string_view name) {
    for (SyncState state : {SyncState::pending, SyncState::synced, SyncState::rejected, SyncState::conflict}) {
        if (sync_state_name(state) == name) return state;
    }
    return std::nullopt;
}

namespace {

Result<LeadDraft> draft_from_object(const json& root) {
    if (!root.is_object()) return make_error("expected a JSON object for the lead");

    LeadDraft draft;
    json household, contact, consent;
    std::string language = "nb";
    for (Status status : {
             read_object(root, "household", household), read_object(root, "contact", contact),
             read_object(root, "consent", consent), read_member(root, "event_id", "", draft.event_id),
             read_member(root, "language", "", language), read_member(root, "municipalities", "", draft.municipalities),
             read_member(root, "topics", "", draft.topics), read_member(root, "free_text", "", draft.free_text),
             read_member(household, "adults", "household.", draft.household.adults),
             read_member(household, "children_birth_years", "household.", draft.household.children_birth_years),
             read_member(contact, "name", "contact.", draft.contact.name),
             read_member(contact, "phone", "contact.", draft.contact.phone),
             read_member(contact, "email", "contact.", draft.contact.email),
             read_member(consent, "given", "consent.", draft.consent.given),
             read_member(consent, "text_version", "consent.", draft.consent.text_version),
             read_member(consent, "privacy_notice_version", "consent.", draft.privacy_notice_version),
             read_member(root, "campaign_id", "", draft.campaign_id),
             read_member(root, "staff_assisted", "", draft.staff_assisted),
         }) {
        if (!status) return status.error();
    }
    if (const auto answers = root.find("answers"); answers != root.end() && !answers->is_null()) {
        auto read = answers_from_json(*answers);
        if (!read) return read.error();
        draft.answers = std::move(*read);
    }
    const auto parsed_language = language_from_code(language);
    if (!parsed_language) return make_error("language: \"" + language + "\" is not one of nb, en, nl");
    draft.language = *parsed_language;
    return draft;
}

}  // namespace

Result<LeadDraft> lead_draft_from_json(std::string_view json_text) {
    auto root = protocol::parse_bounded_json(json_text);
    if (!root) return root.error();
    return draft_from_object(*root);
}

Result<Lead> lead_from_wire(const json& wire) {
    auto draft = draft_from_object(wire);
    if (!draft) return draft.error();
    Lead lead;
    lead.draft = std::move(*draft);
    json created, consent;
    for (Status status : {read_member(wire, "id", "", lead.id), read_object(wire, "created", created),
                          read_object(wire, "consent", consent)}) {
        if (!status) return status.error();
    }
    for (Status status : {read_member(created, "wall_clock_utc", "created.", lead.created.wall_clock_utc),
                          read_member(created, "boot_id", "created.", lead.created.boot_id),
                          read_member(created, "monotonic_ns", "created.", lead.created.monotonic_ns),
                          read_member(consent, "given_at", "consent.", lead.consent_given_at)}) {
        if (!status) return status.error();
    }
    return lead;
}

json lead_to_wire(const Lead& lead) {
    // Built member by member rather than from nested initializer lists, which nlohmann copies
    // value by value: a sync encodes 500 of these a batch.
    const LeadDraft& draft = lead.draft;
    json out = json::object();
    out["id"] = lead.id;
    json& created = out["created"];
    created["wall_clock_utc"] = lead.created.wall_clock_utc;
    created["boot_id"] = lead.created.boot_id;
    created["monotonic_ns"] = lead.created.monotonic_ns;
    out["event_id"] = draft.event_id;
    out["language"] = std::string(language_code(draft.language));
    json& consent = out["consent"];
    consent["given"] = draft.consent.given;
    consent["text_version"] = draft.consent.text_version;
    consent["privacy_notice_version"] = draft.privacy_notice_version;
    consent["given_at"] = lead.consent_given_at;
    out["municipalities"] = draft.municipalities;
    out["topics"] = draft.topics;
    out["campaign_id"] = draft.campaign_id;
    out["staff_assisted"] = draft.staff_assisted;
    json& household = out["household"];
    household["adults"] = draft.household.adults;
    if (!lead.sealed.personal.empty()) {
        // The kiosk's stored form: the personal part travels sealed, readable only by the register.
        household["children_count"] = lead.sealed.children_count;
        out["initials"] = lead.sealed.initials;
        json& sealed = out["sealed_personal"];
        sealed["to"] = lead.sealed.sealed_to;
        sealed["box"] = to_base64(lead.sealed.personal);
        return out;
    }
    household["children_birth_years"] = draft.household.children_birth_years;
    json& contact = out["contact"];
    contact["name"] = draft.contact.name;
    contact["phone"] = draft.contact.phone;
    contact["email"] = draft.contact.email;
    out["free_text"] = draft.free_text;
    out["answers"] = answers_to_json(draft.answers);
    return out;
}

std::string lead_to_json(const Lead& lead) {
    json out = lead_to_wire(lead);
    out["sync_state"] = std::string(sync_state_name(lead.sync_state));
    if (!lead.sync_error.empty()) out["sync_error"] = lead.sync_error;
    if (!lead.staff.rating.empty() || !lead.staff.note.empty() || !lead.staff.follow_up.empty()) {
        out["staff"] = {{"rating", lead.staff.rating}, {"note", lead.staff.note}, {"follow_up", lead.staff.follow_up}};
    }
    // Replace, never throw, on bytes that slipped past validation: a listing must not die.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace flytthit
