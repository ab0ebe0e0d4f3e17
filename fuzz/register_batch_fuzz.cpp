// libFuzzer harness: the register's reading of a posted batch (JSON, sealed boxes, leads),
// which comes from any device holding a token, or from a USB stick.
#include "common/protocol/demo_keys.h"
#include "common/protocol/sync_protocol.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const flytthit::SealingKeyPair keys{flytthit::demo::sealing_public_key, flytthit::demo::sealing_secret_key};
    auto items = flytthit::protocol::decode_batch(body, 2026, &keys);
    if (items) {
        for (const auto& item : *items) {
            // Invariant: a lead handed on is either fully read or carries the reason it is not.
            if (item.lead.has_value() == !item.problem.empty()) __builtin_trap();
        }
    }
    return 0;
}
