// Personal data sealed at rest. Names, phone numbers, e-mail addresses, children's birth
// years, free text and staff notes are encrypted with the register's public key (libsodium
// sealed box: X25519 + XSalsa20-Poly1305 with a fresh ephemeral key per message) before they
// reach SQLite, so the kiosk cannot read them back and a stolen SD card reveals nothing. Only
// the register, which holds the secret key, opens them.
#pragma once

#include "common/base/byte_encoding.h"  // to_base64 / from_base64 for sealed boxes in JSON
#include "common/lead/lead.h"
#include "common/lead/personal_data.h"
#include "common/base/result.h"

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit {

using SealedBox = std::vector<unsigned char>;

struct SealingKey {
    std::array<unsigned char, 32> public_key{};
    std::string public_hex;
    bool demo = false;  // the published demo key: nothing sealed to it is secret
};

Result<SealingKey> sealing_key_from_hex(std::string_view public_hex);
SealingKey demo_sealing_key();
// The paired register's key, or the demo key when the kiosk is not paired.
Result<SealingKey> current_sealing_key(const std::filesystem::path& data_dir);

SealedBox seal(std::string_view plaintext, const SealingKey& key);

// A sealed box's ephemeral key pair and its shared key with the recipient, made before the
// message exists: sealing with it is only the symmetric part, so the two X25519 operations of
// a box leave the sign-up's commit (issue 18 item 6). The box is the same format
// crypto_box_seal makes (open_sealed opens it). Used once; the shared key is wiped when it goes.
class PreparedSeal {
public:
    static Result<PreparedSeal> make(const SealingKey& key);
    ~PreparedSeal();
    PreparedSeal(PreparedSeal&& other) noexcept;
    PreparedSeal& operator=(PreparedSeal&& other) noexcept;
    PreparedSeal(const PreparedSeal&) = delete;
    PreparedSeal& operator=(const PreparedSeal&) = delete;

    // The key it seals to, as hex: a preparation for another key must not be used.
    const std::string& recipient_hex() const { return recipient_hex_; }
    // Seals plaintext, and spends the preparation: a second call returns an empty box.
    SealedBox seal(std::string_view plaintext);

private:
    PreparedSeal() = default;
    std::array<unsigned char, 32> ephemeral_public_{};
    std::array<unsigned char, 32> shared_key_{};
    std::array<unsigned char, 24> nonce_{};
    std::string recipient_hex_;
    bool spent_ = true;
};
// Opens a box with the register's key pair (hex). Fails when it was sealed to another key or
// has been tampered with.
Result<std::string> open_sealed(std::span<const unsigned char> box, std::string_view public_hex, std::string_view secret_hex);

std::string personal_to_json(const PersonalData& personal);
Result<PersonalData> personal_from_json(std::string_view json_text);

// The register's sealing key pair, as hex, for opening what kiosks sealed.
struct SealingKeyPair {
    std::string public_hex;
    std::string secret_hex;
};

}  // namespace flytthit
