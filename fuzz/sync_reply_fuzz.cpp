// libFuzzer harness: the kiosk's reading of a register's reply, which comes from the network.
#include "common/protocol/sync_protocol.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const std::set<std::string> sent{"3f1c2b4a-1d2e-4f3a-9b8c-7d6e5f4a3b2c", "11111111-1111-4111-8111-111111111111"};
    auto acks = flytthit::protocol::decode_reply(body, sent);
    // Invariant: nothing is ever acknowledged that was not sent.
    if (acks) {
        for (const auto& ack : *acks) {
            if (!sent.contains(ack.id)) __builtin_trap();
        }
    }
    (void)flytthit::protocol::decode_time(body);
    return 0;
}
