// The USB export file; see export_file.h.
#include "common/protocol/export_file.h"

#include <nlohmann/json.hpp>

namespace flytthit::protocol {

std::string encode_export_file(const std::vector<Lead>& leads, const std::string& device, const std::string& exported_utc) {
    std::vector<BatchItem> items;
    items.reserve(leads.size());
    for (const auto& lead : leads) items.push_back({lead, {}});
    return dump_with_items({{"protocol", version}, {"kind", export_kind}, {"device", device}, {"exported_utc", exported_utc}},
                           items) +
           "\n";
}

Result<ExportFile> decode_export_file(std::string_view text, int current_year, const SealingKeyPair* keys) {
    auto root = parse_envelope(text, text.size(), export_json_limits);
    if (!root) return root.error();
    const auto kind = root->find("kind");
    if (kind == root->end() || !kind->is_string() || kind->get<std::string>() != export_kind) {
        return make_error("not a Flytthit leads export (\"kind\" is not \"" + std::string(export_kind) + "\")");
    }
    ExportFile file;
    const auto device = root->find("device");
    if (device != root->end() && device->is_string()) file.device = device->get<std::string>();
    const auto leads = root->find("leads");
    if (leads == root->end() || !leads->is_array()) return make_error("leads: missing or not a list");
    file.items = decode_items(*leads, current_year, keys);
    return file;
}

std::string export_file_name(std::string_view device, std::string_view utc_stamp) {
    std::string safe_device = device.empty() ? "kiosk" : std::string(device);
    for (char& c : safe_device) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) c = '_';
    }
    std::string stamp(utc_stamp);
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    return "flytthit-leads-" + safe_device + "-" + stamp + ".json";
}

}  // namespace flytthit::protocol
