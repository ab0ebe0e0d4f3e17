// The register's secrets; see register_secrets.h.
#include "register/register_secrets.h"

#include "common/base/byte_encoding.h"
#include "common/protocol/demo_keys.h"
#include "common/base/file_io.h"

#include <sodium.h>

#include <fstream>
#include <vector>

namespace flytthit::reg {

namespace {

Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::string text;
    if (!file || !std::getline(file, text)) return make_error("cannot read " + path.string());
    return text;
}

}  // namespace

std::string new_device_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return hex_encode(bytes);
}

std::string token_hash(const std::string& token) { return sha256_hex(token); }

Status create_key_pairs(const std::filesystem::path& dir, bool demo) {
    const auto keys = dir / "keys";
    if (std::filesystem::exists(keys / "sealing.secret")) return make_error(keys.string() + ": keys exist already; not replaced");
    std::error_code error;
    std::filesystem::create_directories(keys, error);
    if (error) return make_error("creating " + keys.string() + ": " + error.message());
    std::filesystem::permissions(keys, std::filesystem::perms::owner_all, error);

    unsigned char seal_public[crypto_box_PUBLICKEYBYTES], seal_secret[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(seal_public, seal_secret);
    unsigned char sign_public[crypto_sign_PUBLICKEYBYTES], sign_secret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(sign_public, sign_secret);
    const std::pair<const char*, std::string> files[] = {
        {"sealing.public", demo ? demo::sealing_public_key : hex_encode(seal_public)},
        {"sealing.secret", demo ? demo::sealing_secret_key : hex_encode(seal_secret)},
        {"signing.public", demo ? demo::signing_public_key : hex_encode(sign_public)},
        {"signing.secret", demo ? demo::signing_secret_key : hex_encode(sign_secret)},
    };
    sodium_memzero(seal_secret, sizeof seal_secret);
    sodium_memzero(sign_secret, sizeof sign_secret);
    for (const auto& [name, text] : files) {
        const bool secret = std::string(name).ends_with(".secret");
        if (auto written = write_file_atomically(keys / name, text + "\n", secret ? 0600 : 0644); !written) return written;
    }
    return ok_status();
}

Result<SealingKeyPair> read_sealing_key_pair(const std::filesystem::path& dir) {
    auto public_hex = read_text(dir / "keys/sealing.public");
    if (!public_hex) return public_hex.error();
    auto secret_hex = read_text(dir / "keys/sealing.secret");
    if (!secret_hex) return secret_hex.error();
    return SealingKeyPair{*public_hex, *secret_hex};
}

Result<std::string> read_signing_secret(const std::filesystem::path& dir) { return read_text(dir / "keys/signing.secret"); }

Result<PublicKeys> read_public_keys(const std::filesystem::path& dir) {
    auto sealing = read_text(dir / "keys/sealing.public");
    if (!sealing) return sealing.error();
    auto signing = read_text(dir / "keys/signing.public");
    if (!signing) return signing.error();
    return PublicKeys{*sealing, *signing};
}

}  // namespace flytthit::reg
