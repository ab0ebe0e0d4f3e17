// The last sync's setting; see last_sync.h.
#include "firmware/staff/last_sync.h"

#include <nlohmann/json.hpp>

#include "common/base/local_time.h"

namespace flytthit {

std::string encode_last_sync(const LastSync& last) {
    return nlohmann::json{{"at", last.at_utc},       {"succeeded", last.succeeded},
                          {"sent", last.sent},       {"error", last.error},
                          {"kind", error_kind_name(last.error_kind)}}
        .dump();
}

std::optional<LastSync> decode_last_sync(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) return std::nullopt;
    const auto at = json.find("at");
    const auto succeeded = json.find("succeeded");
    const auto sent = json.find("sent");
    const auto error = json.find("error");
    if (at == json.end() || !at->is_string() || succeeded == json.end() || !succeeded->is_boolean() || sent == json.end() ||
        !sent->is_number_integer() || error == json.end() || !error->is_string()) {
        return std::nullopt;
    }
    LastSync last{at->get<std::string>(), succeeded->get<bool>(), sent->get<std::int64_t>(), error->get<std::string>()};
    if (!unix_seconds_from_utc(last.at_utc)) return std::nullopt;
    // The kind by its name; one not known (or none) reads as a plain failure.
    if (const auto kind = json.find("kind"); kind != json.end() && kind->is_string()) {
        for (const ErrorKind known : {ErrorKind::transient, ErrorKind::bad_input, ErrorKind::damaged_store, ErrorKind::not_permitted,
                                      ErrorKind::unavailable}) {
            if (kind->get<std::string>() == error_kind_name(known)) last.error_kind = known;
        }
    }
    return last;
}

}  // namespace flytthit
