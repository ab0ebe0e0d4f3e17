// Pairing from a USB stick; see usb_pairing.h.
#include "firmware/staff/usb_pairing.h"

#include "common/base/file_io.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace flytthit {

namespace {

bool looks_like_pairing_file(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name.size() > 5 && name.ends_with(".json") && name.find("pairing") != std::string::npos && name.front() != '.';
}

}  // namespace

std::vector<std::filesystem::path> find_pairing_files(const std::vector<std::filesystem::path>& mounts) {
    std::vector<std::filesystem::path> found;
    for (const auto& mount : mounts) {
        std::error_code error;
        std::filesystem::directory_iterator entries(mount, error);
        if (error) continue;
        for (const auto& entry : entries) {
            std::error_code kind;
            if (entry.is_regular_file(kind) && looks_like_pairing_file(entry.path())) found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

Result<Pairing> pair_from_file(const std::filesystem::path& file, const std::filesystem::path& data_dir) {
    auto text = read_file_limited(file, 256 * 1024);
    if (!text) return with_context(file.string(), text.error());
    auto pairing = pairing_from_json(*text);
    if (!pairing) return with_context(file.string(), pairing.error());
    if (auto saved = save_pairing(data_dir, *pairing); !saved) return with_context("saving the pairing", saved.error());
    return pairing;
}

}  // namespace flytthit
