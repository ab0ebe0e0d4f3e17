// Finds the built-in content pack; see builtin_content.h.
#include "common/content/builtin_content.h"

#include "common/base/version.h"

namespace flytthit {

std::filesystem::path builtin_content_dir() {
    for (const char* candidate : {installed_content_dir, source_content_dir}) {
        if (std::filesystem::exists(std::filesystem::path(candidate) / "manifest.json")) return candidate;
    }
    return installed_content_dir;
}

}  // namespace flytthit
