// The real kiosk binary in a real window under Xvfb: --screenshot saves a PNG of the screen
// that is not blank, and without a display the kiosk explains itself instead of crashing.
#include "test_support.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <memory>
#include <set>

using flytthit::test::TempDir;
using flytthit::test::run_command;

namespace {

// In the sanitizer tier, leak checking is off for the windowed kiosk only: Mesa's GL driver is
// unloaded at exit and LeakSanitizer can no longer tell its allocations from ours. Address
// and undefined-behaviour checks stay on. (Ignored when the binary has no sanitizer.)
const std::string kiosk = "env ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 " FLYTTHIT_KIOSK_PATH;
const std::string kiosk_binary = FLYTTHIT_KIOSK_PATH;

struct ImageFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

// Distinct colours in the image, sampled on a grid: a blank or single-colour frame has 1-2.
std::size_t distinct_colours(const std::string& png, int& width, int& height) {
    int channels = 0;
    std::unique_ptr<unsigned char, ImageFree> pixels(stbi_load(png.c_str(), &width, &height, &channels, 3));
    if (!pixels) return 0;
    std::set<unsigned> colours;
    for (int y = 0; y < height; y += 4) {
        for (int x = 0; x < width; x += 4) {
            const unsigned char* p = pixels.get() + (static_cast<std::size_t>(y) * width + x) * 3;
            colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
        }
    }
    return colours.size();
}

}  // namespace

TEST_CASE("the jewel box renders under Xvfb to a PNG that is not blank") {
    TempDir dir;
    for (const auto& [screen, size] : {std::pair{"jewel_box", "1280x800"}, std::pair{"attract", "800x480"}}) {
        CAPTURE(screen);
        const std::string png = (dir / (std::string(screen) + ".png")).string();
        const auto run = run_command("xvfb-run -a -s '-screen 0 1920x1080x24' " + kiosk + " --windowed --size " + size +
                                         " --data-dir '" + (dir / "data").string() + "' --screen " + screen +
                                         " --screenshot '" + png + "'",
                                     dir.path());
        CAPTURE(run.err);
        REQUIRE(run.exit_code == 0);
        int width = 0, height = 0;
        CHECK(distinct_colours(png, width, height) > 50);
        CHECK(std::to_string(width) + "x" + std::to_string(height) == size);
    }
}

TEST_CASE("with no display the kiosk says so and how to run it, and exits cleanly") {
    TempDir dir;
    const auto run = run_command("env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 " + kiosk +
                                     " --windowed --data-dir '" + (dir / "data").string() + "'",
                                 dir.path());
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("no display") != std::string::npos);
    CHECK(run.err.find("xvfb-run") != std::string::npos);
    CHECK(run.err.find("kmsdrm") != std::string::npos);
}

TEST_CASE("--help and --version answer without a display") {
    TempDir dir;
    const auto help = run_command(kiosk + " --help", dir.path());
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--screenshot FILE") != std::string::npos);
    const auto version = run_command(kiosk + " --version", dir.path());
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("flytthit-kiosk ", 0) == 0);
    const auto bad = run_command(kiosk + " --size huge", dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--size \"huge\"") != std::string::npos);
}

TEST_CASE("lockdown: under a window manager no key combination closes the kiosk, and SIGTERM ends it cleanly") {
    TempDir dir;
    const auto run = run_command("ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 xvfb-run -a -s '-screen 0 1280x800x24' bash " FLYTTHIT_SOURCE_DIR
                                 "/tests/lockdown_check.sh " + kiosk_binary + " '" + (dir / "data").string() + "'",
                                 dir.path());
    CAPTURE(run.out);
    CAPTURE(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("survived: alt+F4") != std::string::npos);
    CHECK(run.out.find("SIGTERM: exit 0") != std::string::npos);
}
