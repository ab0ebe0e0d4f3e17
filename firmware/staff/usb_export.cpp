// USB export; see usb_export.h.
#include "firmware/staff/usb_export.h"

#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "common/protocol/export_file.h"

#include <fstream>
#include <sstream>

namespace flytthit {

Result<ExportSummary> export_leads(LeadStore& store, const std::filesystem::path& dir, const std::string& device) {
    std::vector<Lead> leads;
    // Leads whose personal data was deleted after sync are at the register already.
    auto listed = store.for_each_lead([&](const Lead& lead) {
        if (!lead.sealed.personal.empty()) leads.push_back(lead);
    });
    if (!listed) return listed.error();
    return write_export_file(leads, dir, device);
}

Result<ExportSummary> write_export_file(const std::vector<Lead>& leads, const std::filesystem::path& dir,
                                        const std::string& device) {
    // The error_code overload: a stick pulled mid-check (EIO, ENODEV) is an answer, not a throw.
    std::error_code checking;
    const bool directory = std::filesystem::is_directory(dir, checking);
    // Nothing there (ENOENT, ENOTDIR) is the usual answer for a stick not mounted, not a failure.
    if (checking && checking != std::errc::no_such_file_or_directory && checking != std::errc::not_a_directory) {
        return make_error(dir.string() + ": cannot be checked (is the stick mounted?): " + checking.message(), ErrorKind::unavailable);
    }
    if (!directory) return make_error(dir.string() + ": not a directory (is the stick mounted?)", ErrorKind::unavailable);
    const std::string exported_utc = utc_timestamp_now();
    const auto file = dir / protocol::export_file_name(device, exported_utc);
    const std::string text = protocol::encode_export_file(leads, device, exported_utc);
    if (auto written = write_file_atomically(file, text, 0600); !written) {
        return with_context("exporting to " + dir.string(), written.error());
    }
    // Read it back: a stick that lies about what it wrote is found here, not at the register.
    auto back = read_file_limited(file, text.size() + 1);
    if (!back || *back != text) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        return make_error(file.string() + ": the file read back differs from what was written; the stick may be failing");
    }
    return ExportSummary{file, static_cast<std::int64_t>(leads.size())};
}

std::vector<std::filesystem::path> find_usb_mounts() {
    std::vector<std::filesystem::path> mounts;
    std::ifstream table("/proc/mounts");
    std::string line;
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string device, mount_point;
        fields >> device >> mount_point;
        if (mount_point.rfind("/media/", 0) == 0 || mount_point.rfind("/run/media/", 0) == 0) {
            // /proc/mounts escapes spaces as \040.
            std::string unescaped;
            for (std::size_t i = 0; i < mount_point.size(); ++i) {
                if (mount_point.compare(i, 4, "\\040") == 0) {
                    unescaped += ' ';
                    i += 3;
                } else {
                    unescaped += mount_point[i];
                }
            }
            mounts.emplace_back(unescaped);
        }
    }
    return mounts;
}

}  // namespace flytthit
