// Signed content packs; see content_signature.h.
#include "common/content/content_signature.h"

#include "common/base/byte_encoding.h"
#include "common/content/content_pack.h"
#include "common/protocol/bounded_json.h"
#include "common/protocol/demo_keys.h"
#include "common/base/file_io.h"
#include "common/base/utf8.h"
#include "common/protocol/pairing.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace flytthit {

namespace {

namespace fs = std::filesystem;

}  // namespace

bool is_safe_pack_path(const std::string& relative) {
    if (relative.empty() || relative.front() == '/' || relative.find('\\') != std::string::npos ||
        relative.find('\0') != std::string::npos) {
        return false;
    }
    std::size_t start = 0;
    while (start <= relative.size()) {
        const auto end = std::min(relative.find('/', start), relative.size());
        const std::string part = relative.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

Result<std::string> pack_digest(const fs::path& pack) {
    if (fs::is_symlink(pack) || !fs::is_directory(pack)) return make_error(pack.string() + ": not a directory");
    std::vector<std::pair<std::string, fs::path>> files;
    std::uintmax_t total = 0;
    std::error_code error;
    for (auto entry = fs::recursive_directory_iterator(pack, error); entry != fs::recursive_directory_iterator();
         entry.increment(error)) {
        if (error) return make_error(pack.string() + ": " + error.message());
        const std::string relative = fs::relative(entry->path(), pack).generic_string();
        if (entry->is_symlink()) return make_error(relative + ": a symbolic link; packs may not point outside themselves");
        if (entry->is_directory()) continue;
        if (!entry->is_regular_file()) return make_error(relative + ": not a regular file");
        if (!is_safe_pack_path(relative)) return make_error(relative + ": not a safe path inside the pack");
        if (relative == signature_file_name) continue;
        const auto size = entry->file_size();
        if (size > max_pack_file_bytes) return make_error(relative + ": larger than " + std::to_string(max_pack_file_bytes) + " bytes");
        total += size;
        if (total > max_pack_bytes) return make_error(pack.string() + ": larger than " + std::to_string(max_pack_bytes) + " bytes");
        files.emplace_back(relative, entry->path());
        if (files.size() > max_pack_files) return make_error(pack.string() + ": more than " + std::to_string(max_pack_files) + " files");
    }
    std::sort(files.begin(), files.end());
    std::string digest;
    for (const auto& [relative, path] : files) {
        auto bytes = read_file_limited(path, max_pack_file_bytes);
        if (!bytes) return bytes.error();
        digest += relative + "\n" + sha256_hex(*bytes) + "\n";
    }
    return digest;
}

Status sign_pack(const fs::path& pack, const std::string& secret_hex, const std::string& public_hex) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    auto digest = pack_digest(pack);
    if (!digest) return digest.error();
    auto secret = hex_decode(secret_hex, crypto_sign_SECRETKEYBYTES);
    if (!secret) return with_context("signing key", secret.error());
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(digest->data()), digest->size(),
                         secret->data());
    sodium_memzero(secret->data(), secret->size());
    const nlohmann::json file = {{"format", 1}, {"algorithm", "ed25519"}, {"signed_by", public_hex}, {"signature", hex_encode(signature)}};
    return write_file_atomically(pack / signature_file_name, file.dump(2) + "\n", 0644);
}

Status verify_pack(const fs::path& pack, const std::string& trusted_public_hex) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    const auto signature_path = pack / signature_file_name;
    if (fs::is_symlink(signature_path) || !fs::is_regular_file(signature_path)) {
        return make_error(pack.string() + ": not signed (no " + signature_file_name + "); an unsigned pack is never installed");
    }
    auto text = read_file_limited(signature_path, 4096);
    if (!text) return text.error();
    const auto parsed = protocol::parse_bounded_json(*text, {4, 100, 4096});
    const nlohmann::json file = parsed ? *parsed : nlohmann::json();
    if (!file.is_object() || file.value("algorithm", "") != "ed25519" || !file.contains("signature") ||
        !file["signature"].is_string()) {
        return make_error(signature_path.string() + ": not a signature this kiosk understands");
    }
    auto signature = hex_decode(file["signature"].get<std::string>(), crypto_sign_BYTES);
    auto key = hex_decode(trusted_public_hex, crypto_sign_PUBLICKEYBYTES);
    if (!signature || !key) return make_error(signature_path.string() + ": malformed signature or key");
    auto digest = pack_digest(pack);
    if (!digest) return digest.error();
    if (crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(digest->data()),
                                    digest->size(), key->data()) != 0) {
        return make_error(pack.string() + ": the signature does not match: the pack was changed after signing, or "
                          "signed by a register this kiosk is not paired with");
    }
    return ok_status();
}

Result<nlohmann::json> bundle_pack(const fs::path& pack) {
    if (auto checked = pack_digest(pack); !checked) return checked.error();  // links, sizes and counts first
    nlohmann::json files = nlohmann::json::object();
    nlohmann::json binary = nlohmann::json::object();
    std::error_code error;
    for (auto entry = fs::recursive_directory_iterator(pack, error); entry != fs::recursive_directory_iterator();
         entry.increment(error)) {
        if (error) return make_error(pack.string() + ": " + error.message());
        if (!entry->is_regular_file()) continue;
        const std::string relative = fs::relative(entry->path(), pack).generic_string();
        auto bytes = read_file_limited(entry->path(), max_pack_file_bytes);
        if (!bytes) return bytes.error();
        if (is_valid_utf8(*bytes)) {
            files[relative] = std::move(*bytes);
            continue;
        }
        std::string encoded(sodium_base64_ENCODED_LEN(bytes->size(), sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(bytes->data()),
                          bytes->size(), sodium_base64_VARIANT_ORIGINAL);
        encoded.resize(encoded.find('\0'));
        binary[relative] = std::move(encoded);
    }
    nlohmann::json bundle = {{"files", std::move(files)}};
    if (!binary.empty()) bundle["files_base64"] = std::move(binary);
    return bundle;
}

Status unpack_bundle(const nlohmann::json& bundle, const fs::path& destination) {
    if (!bundle.is_object() || !bundle.contains("files") || !bundle["files"].is_object()) {
        return make_error("the content bundle has no files");
    }
    const auto& files = bundle["files"];
    static const nlohmann::json no_files = nlohmann::json::object();
    const auto& binary = bundle.contains("files_base64") ? bundle["files_base64"] : no_files;
    if (!binary.is_object()) return make_error("the content bundle's files_base64 is not an object");
    if (files.size() + binary.size() > max_pack_files) return make_error("the content bundle has too many files");
    std::vector<std::pair<std::string, std::string>> decoded;  // check everything before writing anything
    for (const auto& [path, text] : files.items()) {
        if (!is_safe_pack_path(path)) return make_error("the content bundle names an unsafe path: " + path.substr(0, 80));
        if (!text.is_string() || text.get_ref<const std::string&>().size() > max_pack_file_bytes) {
            return make_error(path + ": not text, or too large");
        }
        decoded.emplace_back(path, text.get<std::string>());
    }
    for (const auto& [path, text] : binary.items()) {
        if (!is_safe_pack_path(path)) return make_error("the content bundle names an unsafe path: " + path.substr(0, 80));
        if (files.contains(path)) return make_error(path + ": in the content bundle twice");
        if (!text.is_string() || text.get_ref<const std::string&>().size() > max_pack_file_bytes / 3 * 4 + 4) {
            return make_error(path + ": not base64 text, or too large");
        }
        const auto& encoded = text.get_ref<const std::string&>();
        std::string bytes(encoded.size() / 4 * 3 + 3, '\0');
        std::size_t length = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), encoded.data(), encoded.size(),
                              nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
            return make_error(path + ": not valid base64");
        }
        bytes.resize(length);
        decoded.emplace_back(path, std::move(bytes));
    }
    for (const auto& [path, bytes] : decoded) {
        const fs::path target = destination / path;
        std::error_code error;
        fs::create_directories(target.parent_path(), error);
        if (error) return make_error(target.string() + ": " + error.message());
        if (auto written = write_file_atomically(target, bytes, 0644); !written) return written;
    }
    return ok_status();
}

Status install_pack(const fs::path& source, const fs::path& data_dir, const std::string& trusted_public_hex) {
    if (auto verified = verify_pack(source, trusted_public_hex); !verified) return verified;
    const ContentLoad load = load_content_pack(source);
    if (load.has_errors()) {
        std::string report = source.string() + ": signed, but not a valid pack:";
        for (const auto& problem : load.problems) report += "\n  " + problem.to_string();
        return make_error(report);
    }
    const fs::path target = data_dir / installed_content_dir_name;
    const fs::path incoming = data_dir / (std::string(installed_content_dir_name) + ".incoming");
    const fs::path outgoing = data_dir / (std::string(installed_content_dir_name) + ".outgoing");
    std::error_code error;
    fs::remove_all(incoming, error);
    fs::remove_all(outgoing, error);
    fs::create_directories(data_dir, error);
    fs::copy(source, incoming, fs::copy_options::recursive, error);
    if (error) return make_error("copying the pack into " + incoming.string() + ": " + error.message());
    // What was copied must still verify: a stick pulled half-way leaves the old pack in place.
    if (auto copied = verify_pack(incoming, trusted_public_hex); !copied) {
        fs::remove_all(incoming, error);
        return with_context("the copy did not verify", copied.error());
    }
    if (fs::exists(target)) fs::rename(target, outgoing, error);
    if (error) return make_error("replacing " + target.string() + ": " + error.message());
    fs::rename(incoming, target, error);
    if (error) return make_error("installing " + target.string() + ": " + error.message());
    fs::remove_all(outgoing, error);
    return ok_status();
}

std::string trusted_signing_key(const fs::path& data_dir) {
    if (!fs::exists(data_dir / pairing_file_name)) return demo::signing_public_key;
    auto pairing = load_pairing(data_dir);
    return pairing ? pairing->signing_public_key : "";  // a broken pairing trusts no one
}

}  // namespace flytthit
