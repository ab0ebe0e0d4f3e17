// Leads to a USB stick: one file the register imports (flytthit-register import), written
// atomically and verified by reading it back, so a pulled stick never holds half a file.
#pragma once

#include "firmware/store/lead_store.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flytthit {

struct ExportSummary {
    std::filesystem::path file;
    std::int64_t leads = 0;
    // Written, but the device's name could not be read (a broken pairing): staff are told.
    std::optional<Error> device_problem{};
};

// Writes every lead (all states: the register sorts out duplicates) to a new file in dir.
Result<ExportSummary> export_leads(LeadStore& store, const std::filesystem::path& dir, const std::string& device);

// Writes leads as one export file in dir: atomically, then read back and compared.
Result<ExportSummary> write_export_file(const std::vector<Lead>& leads, const std::filesystem::path& dir,
                                        const std::string& device);

// Mounted removable media: mount points under /media and /run/media from /proc/mounts.
std::vector<std::filesystem::path> find_usb_mounts();

}  // namespace flytthit
