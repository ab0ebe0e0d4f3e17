// GET /v1/keys: the register's public keys, as a paired kiosk asks for them when it pairs
// online. The one encoder (register) and the one decoder (kioskctl pair).
#pragma once

#include "common/base/byte_encoding.h"
#include "common/base/result.h"

#include <string>
#include <string_view>

namespace flytthit::protocol {

struct RegisterKeys {
    std::string sealing_public_key;  // 64 hex characters, X25519
    std::string signing_public_key;  // 64 hex characters, Ed25519
};

std::string encode_keys_reply(const RegisterKeys& keys);
// Checks the envelope and that both keys are 64 lowercase hex characters; errors name the field.
Result<RegisterKeys> decode_keys_reply(std::string_view body);

// The one hex check, from common/base (kept here by name for the register's callers).
using flytthit::is_lower_hex;

}  // namespace flytthit::protocol
