// The kiosk's pairing with a host register: where it is, the device token that authenticates
// this kiosk, the register's public keys, and how to trust its TLS certificate. Kept in
// <data-dir>/pairing.json, readable by the kiosk's user only.
#pragma once

#include "common/base/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace flytthit {

struct Pairing {
    std::string register_url;        // "https://register.example.no:8443"
    std::string device;              // the name the register knows this kiosk by
    std::string token;               // 64 hex characters
    std::string sealing_public_key;  // hex, X25519
    std::string signing_public_key;  // hex, Ed25519
    std::string ca_certificate_pem;  // trust this CA for the register (empty: the system's CAs)
    std::string pinned_public_key;   // optional libcurl pin, "sha256//base64;sha256//backup"
};

// Reads a pairing file (as flytthit-register add-device writes it). Errors name the field.
Result<Pairing> pairing_from_json(std::string_view text);
std::string pairing_to_json(const Pairing& pairing);

inline constexpr const char* pairing_file_name = "pairing.json";

// The kiosk's saved pairing; "not paired" with what to do when there is none (ErrorKind::unavailable,
// only then: a pairing that is there but cannot be read fails with another kind).
Result<Pairing> load_pairing(const std::filesystem::path& data_dir);
Status save_pairing(const std::filesystem::path& data_dir, const Pairing& pairing);

}  // namespace flytthit
