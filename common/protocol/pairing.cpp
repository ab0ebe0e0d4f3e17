// The kiosk's pairing; see pairing.h.
#include "common/protocol/pairing.h"

#include "common/base/byte_encoding.h"
#include "common/base/file_io.h"
#include "common/protocol/bounded_json.h"

#include <nlohmann/json.hpp>

namespace flytthit {

using nlohmann::json;

Result<Pairing> pairing_from_json(std::string_view text) {
    // A pairing file is a dozen short fields; the CA certificate is the longest.
    auto parsed = protocol::parse_bounded_json(text, {8, 1000, 128 * 1024});
    if (!parsed) return parsed.error();
    const json root = std::move(*parsed);
    if (!root.is_object()) return make_error("not a JSON object", ErrorKind::bad_input);
    Pairing pairing;
    auto text_field = [&](const char* key, std::string& out, bool required) -> Status {
        const auto found = root.find(key);
        if (found == root.end() || found->is_null()) {
            return required ? Status(make_error(std::string(key) + ": missing")) : ok_status();
        }
        if (!found->is_string()) return make_error(std::string(key) + ": must be text");
        out = found->get<std::string>();
        return ok_status();
    };
    for (Status status : {text_field("register_url", pairing.register_url, true), text_field("device", pairing.device, false),
                          text_field("token", pairing.token, true),
                          text_field("sealing_public_key", pairing.sealing_public_key, true),
                          text_field("signing_public_key", pairing.signing_public_key, true),
                          text_field("ca_certificate", pairing.ca_certificate_pem, false),
                          text_field("pinned_public_key", pairing.pinned_public_key, false)}) {
        if (!status) return status.error();
    }
    if (pairing.register_url.rfind("https://", 0) != 0 && pairing.register_url.rfind("http://", 0) != 0) {
        return make_error("register_url: \"" + pairing.register_url + "\" must start with https://");
    }
    if (!is_lower_hex(pairing.token, 64)) return make_error("token: must be 64 hex characters");
    if (!is_lower_hex(pairing.sealing_public_key, 64)) return make_error("sealing_public_key: must be 64 hex characters");
    if (!is_lower_hex(pairing.signing_public_key, 64)) return make_error("signing_public_key: must be 64 hex characters");
    while (!pairing.register_url.empty() && pairing.register_url.back() == '/') pairing.register_url.pop_back();
    return pairing;
}

std::string pairing_to_json(const Pairing& pairing) {
    json out = {{"format", 1},
                {"register_url", pairing.register_url},
                {"device", pairing.device},
                {"token", pairing.token},
                {"sealing_public_key", pairing.sealing_public_key},
                {"signing_public_key", pairing.signing_public_key}};
    if (!pairing.ca_certificate_pem.empty()) out["ca_certificate"] = pairing.ca_certificate_pem;
    if (!pairing.pinned_public_key.empty()) out["pinned_public_key"] = pairing.pinned_public_key;
    return out.dump(2) + "\n";
}

Result<Pairing> load_pairing(const std::filesystem::path& data_dir) {
    const auto path = data_dir / pairing_file_name;
    std::error_code checking;
    const bool exists = std::filesystem::exists(path, checking);
    // Only a missing file is "not paired" (unavailable); a file that cannot be checked is not.
    if (checking) return make_error(path.string() + ": cannot be checked: " + checking.message());
    if (!exists) {
        return make_error("this kiosk is not paired with a register (" + path.string() +
                              " missing): run flytthit-kioskctl pair PAIRING-FILE",
                          ErrorKind::unavailable);
    }
    auto text = read_file_limited(path, 256 * 1024);
    if (!text) return text.error();
    auto pairing = pairing_from_json(*text);
    if (!pairing) return with_context(path.string(), pairing.error());
    return pairing;
}

Status save_pairing(const std::filesystem::path& data_dir, const Pairing& pairing) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error) return make_error("creating " + data_dir.string() + ": " + error.message());
    return write_file_atomically(data_dir / pairing_file_name, pairing_to_json(pairing), 0600);
}

}  // namespace flytthit
