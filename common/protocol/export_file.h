// The USB export file: every lead of a kiosk in one JSON document that the register imports
// (flytthit-register import). The one encoder and the one decoder of that shape; the kiosk
// writes it (firmware/staff/usb_export.h), the register reads it.
#pragma once

#include "common/base/result.h"
#include "common/protocol/sync_protocol.h"

#include <string>
#include <string_view>
#include <vector>

namespace flytthit::protocol {

inline constexpr const char* export_kind = "flytthit-leads-export";
// A whole fair's file: room for some 100 000 leads, still no deeper than a batch.
inline constexpr JsonLimits export_json_limits{32, 5'000'000, 1024 * 1024};

struct ExportFile {
    std::string device;                // the kiosk's name, as it was paired (may be empty)
    std::vector<ReceivedItem> items;   // each lead, read and checked as a batch's would be
};

// The file's text: one line of JSON and a newline.
std::string encode_export_file(const std::vector<Lead>& leads, const std::string& device, const std::string& exported_utc);

// Reads an export file. Fails when the document as a whole is not an export; a bad lead
// inside becomes an item with a problem, as in a batch.
Result<ExportFile> decode_export_file(std::string_view text, int current_year, const SealingKeyPair* keys);

// A file name for an export by device at stamp: only letters, digits and '-' from the name.
std::string export_file_name(std::string_view device, std::string_view utc_stamp);

}  // namespace flytthit::protocol
