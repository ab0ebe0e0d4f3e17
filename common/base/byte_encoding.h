// Bytes as text: lowercase hex (keys, tokens, signatures, digests) and base64 (sealed boxes in
// JSON). The one encoder and the one decoder of each, for the kiosk, the register and the
// content pack alike (libsodium's constant-time codecs underneath).
#pragma once

#include "common/base/result.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit {

// Lowercase hex, two characters a byte.
std::string hex_encode(std::span<const unsigned char> bytes);
// Exactly size bytes from exactly size * 2 hex characters, or a bad_input error saying so.
Result<std::vector<unsigned char>> hex_decode(std::string_view hex, std::size_t size);
// True for text of exactly length lowercase hex digits (how keys and tokens are written).
bool is_lower_hex(std::string_view text, std::size_t length);

// The SHA-256 of bytes, as lowercase hex (64 characters).
std::string sha256_hex(std::string_view bytes);

// Standard base64 with padding.
std::string to_base64(std::span<const unsigned char> bytes);
Result<std::vector<unsigned char>> from_base64(std::string_view text);

}  // namespace flytthit
