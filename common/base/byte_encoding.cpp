// Hex and base64; see byte_encoding.h.
#include "common/base/byte_encoding.h"

#include <sodium.h>

namespace flytthit {

std::string hex_encode(std::span<const unsigned char> bytes) {
    std::string text(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(text.data(), text.size(), bytes.data(), bytes.size());
    text.pop_back();  // the terminating NUL
    return text;
}

Result<std::vector<unsigned char>> hex_decode(std::string_view hex, std::size_t size) {
    std::vector<unsigned char> bytes(size);
    std::size_t length = 0;
    if (hex.size() != size * 2 ||
        sodium_hex2bin(bytes.data(), size, hex.data(), hex.size(), nullptr, &length, nullptr) != 0 || length != size) {
        return make_error("must be " + std::to_string(size * 2) + " hex characters", ErrorKind::bad_input);
    }
    return bytes;
}

bool is_lower_hex(std::string_view text, std::size_t length) {
    if (text.size() != length) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex_encode(digest);
}

std::string to_base64(std::span<const unsigned char> bytes) {
    std::string text(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    text.pop_back();  // the terminating NUL
    return text;
}

Result<std::vector<unsigned char>> from_base64(std::string_view text) {
    std::vector<unsigned char> bytes(text.size() / 4 * 3 + 3);
    std::size_t length = 0;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        return make_error("not valid base64", ErrorKind::bad_input);
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace flytthit
