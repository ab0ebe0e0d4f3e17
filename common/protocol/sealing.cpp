// Sealing personal data; see sealing.h.
#include "common/protocol/sealing.h"

#include "common/protocol/bounded_json.h"
#include "common/protocol/demo_keys.h"
#include "common/lead/lead_json.h"
#include "common/protocol/pairing.h"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <sodium.h>

namespace flytthit {

Result<SealingKey> sealing_key_from_hex(std::string_view public_hex) {
    auto bytes = hex_decode(public_hex, crypto_box_PUBLICKEYBYTES);
    if (!bytes) return with_context("a key", bytes.error());
    SealingKey key;
    std::copy(bytes->begin(), bytes->end(), key.public_key.begin());
    key.public_hex = std::string(public_hex);
    key.demo = public_hex == demo::sealing_public_key;
    return key;
}

SealingKey demo_sealing_key() { return *sealing_key_from_hex(demo::sealing_public_key); }

Result<SealingKey> current_sealing_key(const std::filesystem::path& data_dir) {
    std::error_code checking;
    const bool paired = std::filesystem::exists(data_dir / pairing_file_name, checking);
    if (checking) return make_error((data_dir / pairing_file_name).string() + ": cannot be checked: " + checking.message());
    if (!paired) return demo_sealing_key();
    auto pairing = load_pairing(data_dir);
    if (!pairing) return pairing.error();  // a broken pairing must not silently fall back to the demo key
    return sealing_key_from_hex(pairing->sealing_public_key);
}

SealedBox seal(std::string_view plaintext, const SealingKey& key) {
    if (sodium_init() < 0) return {};
    SealedBox box(plaintext.size() + crypto_box_SEALBYTES);
    crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                    key.public_key.data());
    return box;
}

Result<PreparedSeal> PreparedSeal::make(const SealingKey& key) {
    static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_BEFORENMBYTES == 32 && crypto_box_NONCEBYTES == 24);
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    PreparedSeal prepared;
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> ephemeral_secret{};
    crypto_box_keypair(prepared.ephemeral_public_.data(), ephemeral_secret.data());
    const int shared = crypto_box_beforenm(prepared.shared_key_.data(), key.public_key.data(), ephemeral_secret.data());
    sodium_memzero(ephemeral_secret.data(), ephemeral_secret.size());
    if (shared != 0) return make_error("sealing key " + key.public_hex + " is not a usable public key");
    // The nonce crypto_box_seal uses: a hash of the ephemeral and the recipient's public keys.
    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, prepared.nonce_.size());
    crypto_generichash_update(&hash, prepared.ephemeral_public_.data(), prepared.ephemeral_public_.size());
    crypto_generichash_update(&hash, key.public_key.data(), key.public_key.size());
    crypto_generichash_final(&hash, prepared.nonce_.data(), prepared.nonce_.size());
    prepared.recipient_hex_ = key.public_hex;
    prepared.spent_ = false;
    return prepared;
}

PreparedSeal::~PreparedSeal() { sodium_memzero(shared_key_.data(), shared_key_.size()); }

PreparedSeal::PreparedSeal(PreparedSeal&& other) noexcept { *this = std::move(other); }

PreparedSeal& PreparedSeal::operator=(PreparedSeal&& other) noexcept {
    if (this == &other) return *this;
    ephemeral_public_ = other.ephemeral_public_;
    shared_key_ = other.shared_key_;
    nonce_ = other.nonce_;
    recipient_hex_ = std::move(other.recipient_hex_);
    spent_ = other.spent_;
    sodium_memzero(other.shared_key_.data(), other.shared_key_.size());
    other.spent_ = true;
    return *this;
}

SealedBox PreparedSeal::seal(std::string_view plaintext) {
    if (spent_) return {};
    // crypto_box_seal's format: the ephemeral public key, then the authenticated box.
    SealedBox box(crypto_box_PUBLICKEYBYTES + crypto_box_MACBYTES + plaintext.size());
    std::copy(ephemeral_public_.begin(), ephemeral_public_.end(), box.begin());
    crypto_box_easy_afternm(box.data() + crypto_box_PUBLICKEYBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                            plaintext.size(), nonce_.data(), shared_key_.data());
    sodium_memzero(shared_key_.data(), shared_key_.size());
    spent_ = true;  // a nonce and key pair seal one message only
    return box;
}

Result<std::string> open_sealed(std::span<const unsigned char> box, std::string_view public_hex, std::string_view secret_hex) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    if (box.size() < crypto_box_SEALBYTES) return make_error("sealed data too short");
    auto public_key = hex_decode(public_hex, crypto_box_PUBLICKEYBYTES);
    auto secret_key = hex_decode(secret_hex, crypto_box_SECRETKEYBYTES);
    if (!public_key || !secret_key) return make_error("the register's key pair is malformed");
    std::string plaintext(box.size() - crypto_box_SEALBYTES, '\0');
    const int opened = crypto_box_seal_open(reinterpret_cast<unsigned char*>(plaintext.data()), box.data(), box.size(),
                                            public_key->data(), secret_key->data());
    sodium_memzero(secret_key->data(), secret_key->size());
    if (opened != 0) return make_error("sealed to another key, or damaged");
    return plaintext;
}

std::string personal_to_json(const PersonalData& personal) {
    return nlohmann::json{{"contact",
                           {{"name", personal.contact.name},
                            {"phone", personal.contact.phone},
                            {"email", personal.contact.email}}},
                          {"children_birth_years", personal.children_birth_years},
                          {"free_text", personal.free_text},
                          {"answers", answers_to_json(personal.answers)}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<PersonalData> personal_from_json(std::string_view json_text) {
    // Anyone holding the public key can seal, so the plaintext is as hostile as any input.
    auto parsed = protocol::parse_bounded_json(json_text, {8, 10'000, 64 * 1024});
    if (!parsed) return make_error("sealed personal data: " + parsed.error().message, ErrorKind::bad_input);
    try {
        const nlohmann::json& root = *parsed;
        PersonalData personal;
        const auto& contact = root.at("contact");
        personal.contact = {contact.at("name").get<std::string>(), contact.at("phone").get<std::string>(),
                            contact.at("email").get<std::string>()};
        auto years = whole_numbers_from_json(root.at("children_birth_years"), "sealed personal data: children_birth_years");
        if (!years) return years.error();
        for (int year : *years) {
            if (year < 0 || year > 9999) {
                return make_error("sealed personal data: children_birth_years: expected whole years", ErrorKind::bad_input);
            }
        }
        personal.children_birth_years = std::move(*years);
        personal.free_text = root.at("free_text").get<std::string>();
        // Boxes sealed before campaign answers existed have none.
        if (const auto answers = root.find("answers"); answers != root.end()) {
            auto read = answers_from_json(*answers);
            if (!read) return make_error("sealed personal data: " + read.error().message);
            personal.answers = std::move(*read);
        }
        return personal;
    } catch (const nlohmann::json::exception&) {
        return make_error("sealed personal data is not in the expected shape");
    }
}

}  // namespace flytthit
