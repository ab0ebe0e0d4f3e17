// GET /v1/keys; see keys_reply.h.
#include "common/protocol/keys_reply.h"

#include "common/protocol/sync_protocol.h"

#include <nlohmann/json.hpp>

namespace flytthit::protocol {

namespace {
// Two keys and an envelope: anything near this size is not our register.
constexpr std::size_t max_keys_reply_bytes = 64 * 1024;
}  // namespace

std::string encode_keys_reply(const RegisterKeys& keys) {
    return nlohmann::json{{"protocol", version},
                          {"sealing_public_key", keys.sealing_public_key},
                          {"signing_public_key", keys.signing_public_key}}
        .dump();
}

Result<RegisterKeys> decode_keys_reply(std::string_view body) {
    auto root = parse_envelope(body, max_keys_reply_bytes);
    if (!root) return root.error();
    RegisterKeys keys;
    for (auto [name, out] : {std::pair{"sealing_public_key", &keys.sealing_public_key},
                             std::pair{"signing_public_key", &keys.signing_public_key}}) {
        const auto found = root->find(name);
        if (found == root->end() || !found->is_string() || !is_lower_hex(found->get<std::string>(), 64)) {
            return make_error(std::string(name) + ": missing or not 64 hex characters", ErrorKind::bad_input);
        }
        *out = found->get<std::string>();
    }
    return keys;
}

}  // namespace flytthit::protocol
