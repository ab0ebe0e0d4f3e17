// Signed receipts; see receipt.h.
#include "common/protocol/receipt.h"

#include "common/base/byte_encoding.h"

#include <sodium.h>

namespace flytthit::protocol {

std::string receipt_text(std::string_view batch_sha256, const std::vector<LeadAck>& acks) {
    std::string text = "flytthit-receipt 1\nbatch ";
    text.append(batch_sha256);
    text += "\n";
    for (const auto& ack : acks) {
        text += ack.id;
        text += " ";
        text += ack_status_name(ack.status);
        text += "\n";
    }
    return text;
}

namespace {

// One Ed25519 signature over text, as the receipt the reply carries.
Result<Receipt> sign_text(std::string_view batch_sha256, const std::string& text, std::string_view secret_hex) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    auto secret = hex_decode(secret_hex, crypto_sign_SECRETKEYBYTES);
    if (!secret) return with_context("the register's signing key", secret.error());
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(), secret->data());
    sodium_memzero(secret->data(), secret->size());
    return Receipt{std::string(batch_sha256), hex_encode(signature)};
}

// The reply's "receipt" object, checked: for exactly batch_sha256, its signature over the text
// signed_text_for(batch_sha256) made by the key public_hex.
template <typename SignedText>
Result<Receipt> verify_text(std::string_view reply_body, std::string_view batch_sha256, std::string_view public_hex,
                            const SignedText& signed_text_for) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    auto root = parse_envelope(reply_body, max_reply_bytes);
    if (!root) return root.error();
    const auto found = root->find("receipt");
    if (found == root->end() || !found->is_object()) return make_error("the reply has no signed receipt", ErrorKind::bad_input);
    const auto text_field = [&](const char* key) -> std::string {
        const auto value = found->find(key);
        return value != found->end() && value->is_string() ? value->get<std::string>() : std::string();
    };
    if (text_field("algorithm") != receipt_algorithm) {
        return make_error("the receipt's algorithm is not " + std::string(receipt_algorithm), ErrorKind::bad_input);
    }
    Receipt receipt{text_field("batch_sha256"), text_field("signature")};
    if (receipt.batch_sha256 != batch_sha256) {
        return make_error("the receipt is for another batch (its batch_sha256 is not this batch's)", ErrorKind::bad_input);
    }
    auto signature = hex_decode(receipt.signature, crypto_sign_BYTES);
    if (!signature) return with_context("the receipt's signature", signature.error());
    auto key = hex_decode(public_hex, crypto_sign_PUBLICKEYBYTES);
    if (!key) return with_context("the register's signing key in the pairing", key.error());
    const std::string text = signed_text_for(receipt.batch_sha256);
    if (crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), key->data()) != 0) {
        return make_error("the receipt's signature does not verify with the paired register's key", ErrorKind::bad_input);
    }
    return receipt;
}

}  // namespace

Result<Receipt> sign_receipt(std::string_view batch_body, const std::vector<LeadAck>& acks, std::string_view secret_hex) {
    return sign_receipt_for(sha256_hex(batch_body), acks, secret_hex);
}

Result<Receipt> sign_receipt_for(std::string_view batch_sha256, const std::vector<LeadAck>& acks, std::string_view secret_hex) {
    return sign_text(batch_sha256, receipt_text(batch_sha256, acks), secret_hex);
}

Result<Receipt> verify_reply_receipt(std::string_view reply_body, std::string_view batch_body, const std::vector<LeadAck>& acks,
                                     std::string_view public_hex) {
    return verify_reply_receipt_for(reply_body, sha256_hex(batch_body), acks, public_hex);
}

Result<Receipt> verify_reply_receipt_for(std::string_view reply_body, std::string_view batch_sha256,
                                         const std::vector<LeadAck>& acks, std::string_view public_hex) {
    return verify_text(reply_body, batch_sha256, public_hex, [&](std::string_view sha) { return receipt_text(sha, acks); });
}

std::string received_text(std::string_view batch_sha256) {
    std::string text = "flytthit-received 1\nbatch ";
    text.append(batch_sha256);
    text += "\n";
    return text;
}

Result<Receipt> sign_received(std::string_view batch_sha256, std::string_view secret_hex) {
    return sign_text(batch_sha256, received_text(batch_sha256), secret_hex);
}

Result<Receipt> verify_received_reply(std::string_view reply_body, std::string_view batch_sha256, std::string_view public_hex) {
    return verify_text(reply_body, batch_sha256, public_hex, received_text);
}

}  // namespace flytthit::protocol
