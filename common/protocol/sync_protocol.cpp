// Protocol v1 encoding; see sync_protocol.h and common/protocol/PROTOCOL.md.
#include "common/protocol/sync_protocol.h"

#include "common/lead/lead_json.h"
#include "common/lead/lead_validation.h"
#include "common/base/random_id.h"
#include "common/base/utf8.h"
#include "common/protocol/rfc3339.h"

namespace flytthit::protocol {

using nlohmann::json;

std::string_view ack_status_name(AckStatus status) {
    switch (status) {
        case AckStatus::duplicate: return "duplicate";
        case AckStatus::rejected: return "rejected";
        case AckStatus::conflict: return "conflict";
        case AckStatus::stored: break;
    }
    return "stored";
}

namespace {

// Every text the protocol sends: compact, keys sorted (nlohmann's map), UTF-8 as it is, and a
// byte that is not UTF-8 replaced rather than thrown on.
std::string json_text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// One item: {"lead", "clock", "staff"}.
json encode_item(const BatchItem& item) {
    json clock = {{"status", item.clock.status}};
    if (!item.clock.corrected_utc.empty()) clock["corrected_utc"] = item.clock.corrected_utc;
    json entry = {{"lead", lead_to_wire(item.lead)}, {"clock", clock}};
    const StaffAnnotation& staff = item.lead.staff;
    const auto& sealed_note = item.lead.sealed.note;
    // Always sent, empty fields too: clearing a rating or a note travels like setting one
    // (a note staff cleared on the kiosk has no sealed box left, so it goes as "note": "").
    json annotation = {{"rating", staff.rating}, {"follow_up", staff.follow_up}};
    if (!sealed_note.empty()) annotation["sealed_note"] = {{"to", item.lead.sealed.sealed_to}, {"box", to_base64(sealed_note)}};
    else annotation["note"] = staff.note;
    entry["staff"] = std::move(annotation);
    return entry;
}

}  // namespace

std::string canonical_lead(const json& wire_lead) { return json_text(wire_lead); }

json encode_items(const std::vector<BatchItem>& items) {
    json leads = json::array();
    for (const auto& item : items) leads.push_back(encode_item(item));
    return leads;
}

std::string dump_with_items(json envelope, const std::vector<BatchItem>& items) {
    envelope["leads"] = json::array();
    const std::string outer = json_text(envelope);
    // String values escape their quotes, so in an envelope of plain keys only the key itself
    // reads "leads":[]. Should it read so twice (a key made to), the whole DOM is dumped: slower,
    // never wrong.
    const std::string_view empty_leads = R"("leads":[])";
    const std::size_t found = outer.find(empty_leads);
    if (found == std::string::npos || found != outer.rfind(empty_leads)) {
        envelope["leads"] = encode_items(items);
        return json_text(envelope);
    }
    const std::size_t opening = found + empty_leads.size() - 1;  // at its ']'
    std::vector<std::string> texts;
    texts.reserve(items.size());
    std::size_t size = outer.size();
    for (const auto& item : items) {
        texts.push_back(json_text(encode_item(item)));
        size += texts.back().size() + 1;
    }
    std::string out;
    out.reserve(size);
    out.append(outer, 0, opening);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i > 0) out += ',';
        out += texts[i];
    }
    out.append(outer, opening);
    return out;
}

std::string encode_batch(const std::vector<BatchItem>& items) { return dump_with_items(json{{"protocol", version}}, items); }

Result<json> parse_envelope(std::string_view body, std::size_t limit, const JsonLimits& json_limits) {
    if (body.size() > limit) return make_error("larger than " + std::to_string(limit) + " bytes", ErrorKind::bad_input);
    if (!is_valid_utf8(body)) return make_error("not valid UTF-8", ErrorKind::bad_input);
    auto parsed = parse_bounded_json(body, json_limits);
    if (!parsed) return parsed.error();
    json root = std::move(*parsed);
    if (!root.is_object()) return make_error("not a JSON object", ErrorKind::bad_input);
    const auto found = root.find("protocol");
    if (found == root.end() || !found->is_number_integer()) return make_error("no protocol version", ErrorKind::bad_input);
    if (found->get<long long>() != version) {
        return make_error("protocol version " + found->dump() + ", expected " + std::to_string(version), ErrorKind::bad_input);
    }
    return root;
}

namespace {

// Opens {"to": hex, "box": base64} with keys.
Result<std::string> open_box(const json& sealed, const SealingKeyPair* keys) {
    if (!sealed.is_object() || !sealed.contains("box") || !sealed["box"].is_string()) return make_error("sealed data malformed");
    if (keys == nullptr) return make_error("sealed, and no key to open it");
    const std::string to = sealed.value("to", "");
    if (!to.empty() && to != keys->public_hex) {
        return make_error("sealed to another key (" + to.substr(0, 8) + "…): was the kiosk paired with this register?");
    }
    auto box = from_base64(sealed["box"].get<std::string>());
    if (!box) return box.error();
    return open_sealed(*box, keys->public_hex, keys->secret_hex);
}

}  // namespace

Status open_wire_lead(json& wire, const SealingKeyPair* keys) {
    if (!wire.contains("sealed_personal")) return ok_status();
    auto plaintext = open_box(wire["sealed_personal"], keys);
    if (!plaintext) return with_context("sealed_personal", plaintext.error());
    auto personal = personal_from_json(*plaintext);
    if (!personal) return personal.error();
    wire.erase("sealed_personal");
    wire.erase("initials");
    // Carried over as given: reading it as an int here could convert 1e300 (undefined
    // behaviour); the lead reader that follows checks it and names the field.
    const json adults = wire.contains("household") && wire["household"].is_object() && wire["household"].contains("adults")
                            ? wire["household"]["adults"]
                            : json(1);
    wire["household"] = {{"adults", adults}, {"children_birth_years", personal->children_birth_years}};
    wire["contact"] = {{"name", personal->contact.name}, {"phone", personal->contact.phone}, {"email", personal->contact.email}};
    wire["free_text"] = personal->free_text;
    wire["answers"] = answers_to_json(personal->answers);
    return ok_status();
}

Result<std::vector<ReceivedItem>> decode_batch(std::string_view body, int current_year, const SealingKeyPair* keys) {
    auto root = parse_envelope(body, max_batch_bytes);
    if (!root) return root.error();
    const auto leads = root->find("leads");
    if (leads == root->end() || !leads->is_array()) return make_error("\"leads\" missing or not a list", ErrorKind::bad_input);
    if (leads->size() > max_batch_leads) {
        return make_error(std::to_string(leads->size()) + " leads; at most " + std::to_string(max_batch_leads) + " per batch", ErrorKind::bad_input);
    }
    return decode_items(*leads, current_year, keys);
}

namespace {

// Every time a lead carries is RFC 3339 or the lead is refused: such text is stored and
// exported as given ("not a date; =1+1" was). Empty is "not recorded" for the consent moment
// only. Returns the problem, empty when none.
std::string time_problem(const Lead& lead, const ClockNote& clock) {
    if (auto created = parse_rfc3339(lead.created.wall_clock_utc); !created) {
        return "created.wall_clock_utc: " + created.error().message;
    }
    if (!lead.consent_given_at.empty()) {
        if (auto given = parse_rfc3339(lead.consent_given_at); !given) return "consent.given_at: " + given.error().message;
    }
    if (clock.status == "corrected") {
        if (auto corrected = parse_rfc3339(clock.corrected_utc); !corrected) {
            return "clock.corrected_utc: " + corrected.error().message;
        }
    }
    return {};
}

// The staff's annotation of an item, or why it cannot be read. A note that cannot be opened or
// a rating that is not one of the three is an error, never "": the register would store the
// empty field over the one it holds.
Result<StaffAnnotation> read_staff_annotation(const json& staff, const SealingKeyPair* keys) {
    if (!staff.is_object()) return make_error("staff: not an object", ErrorKind::bad_input);
    auto text = [&](const char* key) -> Result<std::string> {
        const auto found = staff.find(key);
        if (found == staff.end()) return std::string();
        if (!found->is_string()) return make_error(std::string("staff.") + key + ": not text", ErrorKind::bad_input);
        return found->get<std::string>().substr(0, 2000);
    };
    auto rating = text("rating");
    auto note = text("note");
    auto follow_up = text("follow_up");
    for (auto* field : {&rating, &note, &follow_up}) {
        if (!*field) return field->error();
    }
    if (!rating->empty() && *rating != "hot" && *rating != "warm" && *rating != "cold") {
        return make_error("staff.rating: \"" + rating->substr(0, 20) + "\" is not hot, warm or cold", ErrorKind::bad_input);
    }
    StaffAnnotation annotation{std::move(*rating), std::move(*note), std::move(*follow_up)};
    if (const auto sealed = staff.find("sealed_note"); sealed != staff.end()) {
        auto opened = open_box(*sealed, keys);
        if (!opened) return with_context("staff.sealed_note", opened.error());
        annotation.note = opened->substr(0, 2000);
    }
    return annotation;
}

ClockNote read_clock(const json& entry) {
    ClockNote note;
    const auto clock = entry.find("clock");
    if (clock == entry.end() || !clock->is_object()) return note;
    if (clock->contains("status") && (*clock)["status"].is_string()) note.status = (*clock)["status"];
    if (clock->contains("corrected_utc") && (*clock)["corrected_utc"].is_string()) note.corrected_utc = (*clock)["corrected_utc"];
    if (note.status != "corrected" && note.status != "approximate") return ClockNote{};
    return note;
}

// One entry of a batch: {"lead", "clock", "staff"}. A lead that cannot be stored carries its
// problem; an annotation that cannot be read leaves has_staff false and says why.
ReceivedItem read_item(const json& entry, const ValidationRules& rules, const SealingKeyPair* keys) {
    ReceivedItem item;
    if (!entry.is_object() || !entry.contains("lead") || !entry["lead"].is_object()) {
        item.problem = "no \"lead\" object";
        return item;
    }
    json wire = entry["lead"];
    const auto sealing = open_wire_lead(wire, keys);
    if (wire.contains("id") && wire["id"].is_string()) item.id = wire["id"].get<std::string>();
    item.clock = read_clock(entry);
    if (!is_uuid(item.id)) {
        item.problem = "id: not a UUID";
        return item;
    }
    if (!sealing) {
        item.problem = sealing.error().message;
        return item;
    }
    auto lead = lead_from_wire(wire);
    if (!lead) {
        item.problem = lead.error().message;
        return item;
    }
    if (auto problems = validate_lead(lead->draft, rules); !problems.empty()) {
        item.problem = problems[0].field + ": " + problems[0].message_key;
        return item;
    }
    if (auto bad_time = time_problem(*lead, item.clock); !bad_time.empty()) {
        item.problem = bad_time;
        return item;
    }
    item.canonical_lead = canonical_lead(lead_to_wire(*lead));
    // The staff's annotation is not part of the lead's identity: it may change later.
    if (const auto staff = entry.find("staff"); staff != entry.end()) {
        auto annotation = read_staff_annotation(*staff, keys);
        if (annotation) {
            lead->staff = std::move(*annotation);
            item.has_staff = true;
        } else {
            item.staff_problem = "the annotation was not applied: " + annotation.error().message;
        }
    }
    item.lead = std::move(*lead);
    return item;
}

}  // namespace

std::vector<ReceivedItem> decode_items(const json& leads, int current_year, const SealingKeyPair* keys) {
    ValidationRules rules;
    rules.current_year = current_year;
    std::vector<ReceivedItem> items;
    if (!leads.is_array()) return items;
    for (const auto& entry : leads) items.push_back(read_item(entry, rules, keys));
    return items;
}

namespace {

json receipt_json(const Receipt& receipt) {
    return {{"algorithm", receipt_algorithm}, {"batch_sha256", receipt.batch_sha256}, {"signature", receipt.signature}};
}

}  // namespace

std::string encode_reply(const std::vector<LeadAck>& acks, const std::optional<Receipt>& receipt) {
    json results = json::array();
    for (const auto& ack : acks) {
        json result = {{"id", ack.id}, {"status", std::string(ack_status_name(ack.status))}};
        if (!ack.reason.empty()) result["reason"] = ack.reason.substr(0, max_reason_length);
        results.push_back(result);
    }
    json reply = {{"protocol", version}, {"results", results}};
    if (receipt) reply["receipt"] = receipt_json(*receipt);
    return json_text(reply);
}

std::string encode_received(const Receipt& receipt) {
    return json{{"protocol", version}, {"batch_sha256", receipt.batch_sha256}, {"receipt", receipt_json(receipt)}}.dump();
}

std::string encode_checking() { return json{{"protocol", version}, {"state", "checking"}}.dump(); }

Result<std::vector<LeadAck>> decode_reply(std::string_view body, const std::set<std::string>& sent_ids) {
    auto root = parse_envelope(body, max_reply_bytes);
    if (!root) return root.error();
    const auto results = root->find("results");
    if (results == root->end() || !results->is_array()) return make_error("\"results\" missing or not a list", ErrorKind::bad_input);
    std::vector<LeadAck> acks;
    for (const auto& result : *results) {
        if (!result.is_object() || !result.contains("id") || !result["id"].is_string() || !result.contains("status") ||
            !result["status"].is_string()) {
            return make_error("a result without id or status", ErrorKind::bad_input);
        }
        LeadAck ack;
        ack.id = result["id"].get<std::string>();
        if (!sent_ids.contains(ack.id)) return make_error("a result for a lead that was not sent: " + ack.id.substr(0, 40), ErrorKind::bad_input);
        const std::string status = result["status"];
        bool known = false;
        for (AckStatus candidate : {AckStatus::stored, AckStatus::duplicate, AckStatus::rejected, AckStatus::conflict}) {
            if (ack_status_name(candidate) == status) {
                ack.status = candidate;
                known = true;
            }
        }
        if (!known) return make_error("unknown status \"" + status.substr(0, 20) + "\"", ErrorKind::bad_input);
        if (result.contains("reason") && result["reason"].is_string()) {
            ack.reason = result["reason"].get<std::string>().substr(0, max_reason_length);
        }
        acks.push_back(std::move(ack));
    }
    return acks;
}

std::string encode_time(std::int64_t unix_ms) {
    return json{{"protocol", version}, {"unix_ms", unix_ms}, {"utc", utc_from_unix_ms(unix_ms)}}.dump();
}

Result<std::int64_t> decode_time(std::string_view body) {
    auto root = parse_envelope(body, 4096);
    if (!root) return root.error();
    const auto found = root->find("unix_ms");
    if (found == root->end() || !found->is_number_integer()) return make_error("\"unix_ms\" missing", ErrorKind::bad_input);
    return found->get<std::int64_t>();
}

}  // namespace flytthit::protocol
