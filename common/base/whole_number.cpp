// Strict whole numbers; see whole_number.h.
#include "common/base/whole_number.h"

#include <charconv>
#include <string>
#include <system_error>

namespace flytthit {

Result<int> parse_whole_number(std::string_view text) {
    const std::string quoted = "\"" + std::string(text.substr(0, 40)) + "\"";
    if (text.empty()) return make_error("empty: expected a whole number", ErrorKind::bad_input);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) return make_error(quoted + ": out of range", ErrorKind::bad_input);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return make_error(quoted + ": not a whole number", ErrorKind::bad_input);
    }
    return value;
}

}  // namespace flytthit
