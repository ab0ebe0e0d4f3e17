// Protocol v1 between a kiosk and the host register, as documented in common/protocol/PROTOCOL.md:
// the shapes of a batch of leads and of the register's per-lead acknowledgements, their
// limits, and their encoding. Both the kiosk's sync client and the register use these, so
// the two sides cannot drift apart.
#pragma once

#include "common/base/device_clock.h"
#include "common/lead/lead.h"
#include "common/protocol/bounded_json.h"
#include "common/base/result.h"
#include "common/protocol/sealing.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit::protocol {

inline constexpr int version = 1;
inline constexpr std::size_t max_batch_leads = 500;
inline constexpr std::size_t max_batch_bytes = 4 * 1024 * 1024;
// A full reply for max_batch_leads is far below this; anything larger is not our register.
inline constexpr std::size_t max_reply_bytes = 1024 * 1024;
inline constexpr std::size_t max_reason_length = 200;

// How sure the kiosk is of a lead's creation time: "corrected" when the lead was made in the
// boot that syncs it (so server time minus monotonic age is exact), else "approximate".
struct ClockNote {
    std::string status = "approximate";
    std::string corrected_utc;  // set when status is "corrected"
};

struct BatchItem {
    Lead lead;
    ClockNote clock;
};

enum class AckStatus { stored, duplicate, rejected, conflict };
std::string_view ack_status_name(AckStatus status);

struct LeadAck {
    std::string id;
    AckStatus status = AckStatus::stored;
    std::string reason;  // why rejected or in conflict; empty otherwise
};

// One lead of a batch as the register reads it: either a lead it can store or a reason why not.
struct ReceivedItem {
    std::string id;               // empty when even the id could not be read
    std::optional<Lead> lead;     // set when the lead parsed and validated
    std::string canonical_lead;   // the lead's canonical JSON text, for duplicate detection
    ClockNote clock;
    std::string problem;          // why the lead is rejected
    bool has_staff = false;       // the item carried a readable staff annotation (empty fields clear)
    // Why the item's annotation could not be read (a sealed note that does not open, a rating
    // that is not hot, warm or cold): has_staff stays false so nothing stored is overwritten,
    // and the register tells the kiosk in the lead's acknowledgement. Empty when none.
    std::string staff_problem;
};

// The items of a batch (or of an export file) as JSON: each {"lead", "clock", "staff"}.
nlohmann::json encode_items(const std::vector<BatchItem>& items);
// The text of envelope (its other keys) with "leads" set to encode_items(items), byte for
// byte what dumping that whole DOM gives, made one item at a time and joined into a string
// sized once: the whole array as one DOM held every lead's nodes at once and regrew its text
// (twice the time for a batch of 500, a whole fair's nodes for an export).
std::string dump_with_items(nlohmann::json envelope, const std::vector<BatchItem>& items);
std::string encode_batch(const std::vector<BatchItem>& items);
// Fails only when the batch as a whole is unusable (not JSON, wrong version, too many leads);
// a bad lead inside becomes a ReceivedItem with a problem.
// keys open sealed personal data; without them a sealed lead is rejected.
Result<std::vector<ReceivedItem>> decode_batch(std::string_view body, int current_year, const SealingKeyPair* keys);
// Reads items from a JSON array, however many (an export file holds a whole fair).
std::vector<ReceivedItem> decode_items(const nlohmann::json& items, int current_year, const SealingKeyPair* keys);

// Opens a lead's sealed personal part in place, turning the wire lead into its clear form.
// Clear leads pass unchanged. Errors say why a lead cannot be read.
Status open_wire_lead(nlohmann::json& wire, const SealingKeyPair* keys);

// The register's signature over a batch's acknowledgements (common/protocol/receipt.h).
inline constexpr const char* receipt_algorithm = "ed25519";
struct Receipt {
    std::string batch_sha256;  // hex SHA-256 of the batch body exactly as the kiosk sent it
    std::string signature;     // hex Ed25519 signature over receipt_text(...)
};

// The reply: {"protocol", "results", and with a receipt "receipt": {"algorithm",
// "batch_sha256", "signature"}}.
std::string encode_reply(const std::vector<LeadAck>& acks, const std::optional<Receipt>& receipt = std::nullopt);
// The delivery reply of POST /v1/batches: {"protocol", "batch_sha256", "receipt"}, the receipt
// signed over received_text (receipt.h): the batch's bytes are stored, not yet read.
std::string encode_received(const Receipt& receipt);
// GET /v1/batches/<sha256> while the register has not yet read the batch: {"protocol", "state":
// "checking"}.
std::string encode_checking();
// How much one device may have delivered and not yet checked before the register answers 503.
inline constexpr std::size_t max_unchecked_bytes = 64 * 1024 * 1024;

// Checks a register's reply: size, version, and that every acknowledged id was sent. Ids the
// reply does not mention stay unacknowledged; ids that were not sent are an error (a reply
// for another batch must not mark anything synced).
Result<std::vector<LeadAck>> decode_reply(std::string_view body, const std::set<std::string>& sent_ids);

// The canonical text of a lead: sorted keys, no spaces. Equal text means the same lead.
std::string canonical_lead(const nlohmann::json& wire_lead);

std::string encode_time(std::int64_t unix_ms);
Result<std::int64_t> decode_time(std::string_view body);

// Checks the common envelope of every message: at most limit bytes, valid UTF-8, JSON within
// json_limits (bounded_json.h), an object with "protocol": 1. Errors name what was wrong.
Result<nlohmann::json> parse_envelope(std::string_view body, std::size_t limit, const JsonLimits& json_limits = {});

// ISO 8601 UTC text for a Unix time in milliseconds: the one formatter, in common/base.
using flytthit::utc_from_unix_ms;

}  // namespace flytthit::protocol
