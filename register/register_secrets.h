// The register's secrets: device tokens (random, stored only as hashes) and its key pairs:
// a sealing key pair (X25519; kiosks will seal personal data to its public key) and a
// signing key pair (Ed25519; for signed content packs). Both come from libsodium.
#pragma once

#include "common/base/result.h"
#include "common/protocol/sealing.h"

#include <filesystem>
#include <string>

namespace flytthit::reg {

// A new device token: 32 random bytes as 64 hex characters.
std::string new_device_token();
// The SHA-256 of a token as hex: what the register stores and looks tokens up by. Tokens are
// 256-bit random values, so a fast hash is enough (no password stretching needed).
std::string token_hash(const std::string& token);

struct PublicKeys {
    std::string sealing;  // hex
    std::string signing;  // hex
};

// Creates <dir>/keys/ with both key pairs; secret files are readable by the owner only.
// Refuses to overwrite existing keys. demo: use the published demo key pairs instead of new
// ones (for demos and for reading what unpaired kiosks sealed), never for real events.
Status create_key_pairs(const std::filesystem::path& dir, bool demo);
Result<PublicKeys> read_public_keys(const std::filesystem::path& dir);
Result<SealingKeyPair> read_sealing_key_pair(const std::filesystem::path& dir);
// The signing secret key (hex, libsodium's 64 bytes) that signs content packs and receipts.
Result<std::string> read_signing_secret(const std::filesystem::path& dir);

}  // namespace flytthit::reg
