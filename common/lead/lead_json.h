// Leads as JSON, in the shape of register/examples/lead.json: what kioskctl add-lead reads
// and what list and (later) sync write.
#pragma once

#include "common/lead/lead.h"
#include "common/base/result.h"

#include <nlohmann/json.hpp>

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace flytthit {

// Reads the visitor-given part of a lead from one JSON object. The store assigns id,
// created and sync_state, so those are ignored when present. Errors name the field:
// "household.adults: expected a whole number".
Result<LeadDraft> lead_draft_from_json(std::string_view json_text);

// The whole stored lead as one line of JSON.
std::string lead_to_json(const Lead& lead);

// The lead as the sync protocol sends it: every field of lead_to_json but the kiosk's own
// sync_state. Its canonical text (sorted keys, no spaces) is what the register compares to
// tell a duplicate from a conflict.
nlohmann::json lead_to_wire(const Lead& lead);

// Reads a whole lead (id, created, consent moment and the visitor's part) from wire JSON.
// Errors name the field.
Result<Lead> lead_from_wire(const nlohmann::json& wire);

// A JSON list of whole numbers that fit in int (children's birth years), each checked: 2.5 or
// 1e300 is a bad_input error naming field, never converted (that would be undefined behaviour).
Result<std::vector<int>> whole_numbers_from_json(const nlohmann::json& value, const std::string& field);

// A lead's campaign answers as JSON, and back; errors name the field ("answers.profile: ...").
nlohmann::json answers_to_json(const SignUpAnswers& answers);
Result<SignUpAnswers> answers_from_json(const nlohmann::json& object);

std::string_view sync_state_name(SyncState state);
std::optional<SyncState> sync_state_from_name(std::string_view name);

}  // namespace flytthit
