// The content pack's shared checked reads; see content_reading.h.
#include "common/content/content_reading.h"

#include "common/base/file_io.h"
#include "common/base/utf8.h"
#include "common/protocol/bounded_json.h"

namespace flytthit::content {

using nlohmann::json;

namespace {
constexpr std::uintmax_t max_content_file_bytes = 1024 * 1024;
}

std::optional<json> read_json_file(const std::filesystem::path& path, const std::string& name, ProblemLog& log) {
    auto read = read_file_limited(path, max_content_file_bytes);
    if (!read) {
        log.error(name, "cannot read: " + read.error().message);
        return std::nullopt;
    }
    const std::string& text = *read;
    if (!is_valid_utf8(text)) {
        log.error(name, "not valid UTF-8");
        return std::nullopt;
    }
    auto parsed = protocol::parse_bounded_json(text);
    if (!parsed) {
        log.error(name, parsed.error().message);
        return std::nullopt;
    }
    return std::move(*parsed);
}

std::optional<std::string> required_string(const json& object, const std::string& key, const std::string& where,
                                           ProblemLog& log) {
    const auto found = object.find(key);
    if (found == object.end()) {
        log.error(where + key, "missing");
        return std::nullopt;
    }
    if (!found->is_string() || found->get<std::string>().empty()) {
        log.error(where + key, "must be non-empty text");
        return std::nullopt;
    }
    return found->get<std::string>();
}

std::string optional_string(const json& object, const std::string& key, const std::string& where, ProblemLog& log) {
    const auto found = object.find(key);
    if (found == object.end()) return {};
    if (!found->is_string()) {
        log.error(where + key, "must be text");
        return {};
    }
    return found->get<std::string>();
}

std::optional<int> required_int(const json& object, const std::string& key, const std::string& where, int low, int high,
                                ProblemLog& log) {
    const auto found = object.find(key);
    if (found == object.end()) {
        log.error(where + key, "missing");
        return std::nullopt;
    }
    if (!found->is_number_integer() || found->get<long long>() < low || found->get<long long>() > high) {
        log.error(where + key, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        return std::nullopt;
    }
    return found->get<int>();
}

bool optional_bool(const json& object, const std::string& key, const std::string& where, bool fallback, ProblemLog& log) {
    const auto found = object.find(key);
    if (found == object.end()) return fallback;
    if (!found->is_boolean()) {
        log.error(where + key, "must be true or false");
        return fallback;
    }
    return found->get<bool>();
}

bool is_id(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

}  // namespace flytthit::content
