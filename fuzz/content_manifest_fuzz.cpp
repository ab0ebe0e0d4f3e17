// libFuzzer harness: the content pack loader on arbitrary manifest.json bytes (with valid
// texts beside it), as a hostile USB stick or server could hand it over.
#include "common/content/content_pack.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

namespace {

std::filesystem::path pack_dir() {
    // One directory per fuzzing process, on tmpfs when there is one.
    const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    return base / ("flytthit-fuzz-pack-" + std::to_string(getpid()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = pack_dir();
    std::filesystem::create_directories(dir / "texts");
    {
        std::ofstream manifest(dir / "manifest.json", std::ios::binary | std::ios::trunc);
        manifest.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        std::ofstream texts(dir / "texts/nb.json", std::ios::trunc);
        texts << R"({"region.name": "R", "region.slogan": "S", "region.welcome": "W", "municipality.roros.tagline": "T"})";
    }
    const flytthit::ContentLoad load = flytthit::load_content_pack(dir);
    // Invariant: a pack is handed out only when no error was found.
    if (load.pack.has_value() == load.has_errors()) __builtin_trap();
    return 0;
}
