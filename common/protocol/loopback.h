// Plain HTTP is allowed only to and on the loopback addresses: the kiosk's client refuses
// http:// elsewhere, and the register refuses to listen without TLS elsewhere. One rule for both.
#pragma once

#include <string_view>

namespace flytthit::protocol {

// "localhost", "::1" (with or without brackets) or any 127.x address.
inline bool is_loopback_host(std::string_view host) {
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace flytthit::protocol
