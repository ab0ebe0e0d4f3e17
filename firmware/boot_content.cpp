// The content pack a kiosk starts on; see boot_content.h.
#include "firmware/boot_content.h"

#include "common/content/builtin_content.h"
#include "common/content/content_signature.h"

namespace flytthit {

Result<BootContent> boot_content(const std::optional<std::filesystem::path>& requested, const std::filesystem::path& data_dir) {
    BootContent boot{{}, {}};
    std::filesystem::path content_dir = requested.value_or(builtin_content_dir());
    const auto installed = data_dir / installed_content_dir_name;
    std::error_code error;
    const bool has_installed = !requested && std::filesystem::exists(installed, error);
    if (error) {
        boot.notes.push_back("installed content " + installed.string() + " cannot be checked, running on the built-in pack: " +
                             error.message());
    }
    if (has_installed) {
        if (auto verified = verify_pack(installed, trusted_signing_key(data_dir)); verified) {
            content_dir = installed;
        } else {
            boot.notes.push_back("installed content refused, running on the built-in pack: " + verified.error().message);
        }
    }
    auto choice = choose_content(content_dir, data_dir);
    if (!choice) return choice.error();
    for (const auto& problem : choice->problems) boot.notes.push_back("content: " + problem.to_string());
    if (choice->fell_back) boot.notes.push_back("content pack " + content_dir.string() + " refused; running on the last good pack");
    boot.choice = std::move(*choice);
    return boot;
}

}  // namespace flytthit
