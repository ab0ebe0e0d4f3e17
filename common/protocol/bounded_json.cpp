// The bounded JSON reader; see bounded_json.h. nlohmann-json's parser is iterative, but it
// builds the whole tree before anyone can look at it, and copying or printing that tree
// recurses. Its parser callback sees every value as it is made, with its depth: the limits
// are checked there, and the first one broken stops the parse by throwing.
#include "common/protocol/bounded_json.h"

#include <string>

namespace flytthit::protocol {

namespace {

struct LimitBroken {
    std::string what;
};

}  // namespace

Result<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits) {
    using nlohmann::json;
    std::size_t elements = 0;
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        const auto level = static_cast<std::size_t>(depth);
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                // depth counts the containers already open around this one.
                if (level + 1 > limits.max_depth) {
                    throw LimitBroken{"nested deeper than " + std::to_string(limits.max_depth) + " levels"};
                }
                break;
            case json::parse_event_t::key:
            case json::parse_event_t::value:
                if (++elements > limits.max_elements) {
                    throw LimitBroken{"more than " + std::to_string(limits.max_elements) + " values"};
                }
                if (parsed.is_string() && parsed.get_ref<const std::string&>().size() > limits.max_string_bytes) {
                    throw LimitBroken{"a text longer than " + std::to_string(limits.max_string_bytes) + " bytes"};
                }
                break;
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), check);
    } catch (const LimitBroken& broken) {
        return make_error(broken.what, ErrorKind::bad_input);
    } catch (const json::parse_error& error) {
        return make_error("not valid JSON (at byte " + std::to_string(error.byte) + ")", ErrorKind::bad_input);
    } catch (const json::exception&) {  // out_of_range: a number no double can hold, like 1e999
        return make_error("not valid JSON (a number out of range)", ErrorKind::bad_input);
    }
}

}  // namespace flytthit::protocol
