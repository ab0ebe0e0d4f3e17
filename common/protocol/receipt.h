// Signed receipts: the register's signed word that it holds the leads of a batch. The register
// signs each batch's acknowledgements with its Ed25519 key (the one that signs content packs);
// the kiosk verifies the signature against the key in its pairing before it marks a lead
// synced, and keeps the receipt, so the stand can prove at the end of a fair what the register
// acknowledged. PROTOCOL.md documents the signed text so another client can verify it.
#pragma once

#include "common/base/result.h"
#include "common/protocol/sync_protocol.h"

#include <string>
#include <string_view>
#include <vector>

namespace flytthit::protocol {

// The signed text: "flytthit-receipt 1\nbatch <batch_sha256>\n" and then one line per
// acknowledgement in the reply's order, "<id> <status>\n". Reasons are not signed: they are
// for people, and the status is what the kiosk acts on.
std::string receipt_text(std::string_view batch_sha256, const std::vector<LeadAck>& acks);

// Signs the acknowledgements of the batch whose body was batch_body (or whose SHA-256 is
// batch_sha256). secret_hex is libsodium's 64-byte Ed25519 secret key as hex. Fails only on a
// malformed key.
Result<Receipt> sign_receipt(std::string_view batch_body, const std::vector<LeadAck>& acks, std::string_view secret_hex);
Result<Receipt> sign_receipt_for(std::string_view batch_sha256, const std::vector<LeadAck>& acks, std::string_view secret_hex);

// The reply's receipt, checked: present, for exactly batch_body, signed over acks by the key
// public_hex. Errors say which of these failed (bad_input): a reply with a bad or missing
// receipt marks nothing synced.
Result<Receipt> verify_reply_receipt(std::string_view reply_body, std::string_view batch_body, const std::vector<LeadAck>& acks,
                                     std::string_view public_hex);
Result<Receipt> verify_reply_receipt_for(std::string_view reply_body, std::string_view batch_sha256,
                                         const std::vector<LeadAck>& acks, std::string_view public_hex);

// The register's signed word that it holds a batch's bytes as received, before it has read
// them (POST /v1/batches): "flytthit-received 1\nbatch <batch_sha256>\n". Its first line is
// not a receipt's, so a delivery can never pass for results, nor results for a delivery.
std::string received_text(std::string_view batch_sha256);
Result<Receipt> sign_received(std::string_view batch_sha256, std::string_view secret_hex);
// The delivery reply's receipt, checked: present, for exactly batch_sha256, signed over
// received_text by the key public_hex. A delivery without it marks nothing delivered.
Result<Receipt> verify_received_reply(std::string_view reply_body, std::string_view batch_sha256, std::string_view public_hex);

}  // namespace flytthit::protocol
