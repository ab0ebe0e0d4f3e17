// Leads as JSON, in the shape of register/examples/lead.json: what kioskctl add-lead reads
// and what list and (later) sync write.
#pragma once

#include "lead.h"
#include "result.h"

#include <string>
#include <string_view>

namespace flytthit {

// Reads the visitor-given part of a lead from one JSON object. The store assigns id,
// created and sync_state, so those are ignored when present. Errors name the field:
// "household.adults: expected a whole number".
Result<LeadDraft> lead_draft_from_json(std::string_view json_text);

// The whole stored lead as one line of JSON.
std::string lead_to_json(const Lead& lead);

std::string_view sync_state_name(SyncState state);

}  // namespace flytthit
