// Signed content packs. A pack from a USB stick or the network is installed only when it is
// signed (Ed25519, libsodium) by the register the kiosk is paired with; a tampered or
// unsigned pack is refused with the reason, and the current pack stays. The signature covers
// every file of the pack by path and SHA-256. Files are checked before anything reads them:
// no symlinks, no paths out of the pack, bounded sizes and counts.
#pragma once

#include "common/base/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace flytthit {

inline constexpr const char* signature_file_name = "SIGNATURE";
inline constexpr const char* installed_content_dir_name = "content-installed";
inline constexpr std::size_t max_pack_files = 200;
inline constexpr std::uintmax_t max_pack_file_bytes = 8 * 1024 * 1024;
inline constexpr std::uintmax_t max_pack_bytes = 64 * 1024 * 1024;

// The text the signature covers: "path\nsha256\n" for every file but SIGNATURE, sorted by path.
// Fails on a symlink, a special file, or a pack over the limits.
Result<std::string> pack_digest(const std::filesystem::path& pack);

// Writes <pack>/SIGNATURE with the signing key pair (hex; secret is libsodium's 64 bytes).
Status sign_pack(const std::filesystem::path& pack, const std::string& secret_hex, const std::string& public_hex);

// Checks <pack>/SIGNATURE against the trusted public key (hex).
Status verify_pack(const std::filesystem::path& pack, const std::string& trusted_public_hex);

// A relative path inside a pack: no absolute paths, no "..", no backslashes, no empty parts.
bool is_safe_pack_path(const std::string& relative);

// A pack as the register sends it: {"files": {path: text}} for UTF-8 files and
// {"files_base64": {path: base64}} for the rest (pictures), so no byte is lost on the way
// and the signature still matches at the kiosk. Fails like pack_digest.
Result<nlohmann::json> bundle_pack(const std::filesystem::path& pack);

// Writes a register's content bundle (see bundle_pack) into an empty directory, refusing
// unsafe paths, bad base64 and oversized files before writing anything.
Status unpack_bundle(const nlohmann::json& bundle, const std::filesystem::path& destination);

// Verifies the pack at source (signature and content rules) and installs a copy as
// <data_dir>/content-installed, replacing the one before only once the new one is complete.
Status install_pack(const std::filesystem::path& source, const std::filesystem::path& data_dir,
                    const std::string& trusted_public_hex);

// The signing key the kiosk trusts: the paired register's, else the demo key (labelled).
std::string trusted_signing_key(const std::filesystem::path& data_dir);

}  // namespace flytthit
