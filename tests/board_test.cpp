// What the board gets: the systemd unit passes systemd-analyze, and the Debian packages
// carry the programs, the unit, the default config and the maintainer scripts, with their
// dependencies declared; the packaged programs start.
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

using flytthit::test::TempDir;
using flytthit::test::read_file;
using flytthit::test::run_command;
using flytthit::test::write_file;

namespace {

// The unit as installed, but starting the kiosk built here (verify checks ExecStart exists).
std::string unit_for_this_build() {
    std::string unit = read_file(FLYTTHIT_SOURCE_DIR "/board/systemd/flytthit-kiosk.service");
    const std::string installed = "/usr/bin/flytthit-kiosk";
    unit.replace(unit.find(installed), installed.size(), FLYTTHIT_KIOSK_BINARY);
    return unit;
}

std::string deb_field(const std::string& deb, const std::string& field, const std::filesystem::path& scratch) {
    const auto run = run_command("dpkg-deb --field '" + deb + "' " + field, scratch);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

}  // namespace

TEST_CASE("the systemd unit passes systemd-analyze verify, which would name a misspelled key") {
    TempDir dir;
    write_file(dir / "flytthit-kiosk.service", unit_for_this_build());
    const auto good = run_command("systemd-analyze verify '" + (dir / "flytthit-kiosk.service").string() + "'", dir.path());
    CAPTURE(good.err);
    CHECK(good.exit_code == 0);
    CHECK(good.err.empty());

    // The control: verify exits 0 even then, so the test reads what it says.
    std::string misspelled = unit_for_this_build();
    misspelled.replace(misspelled.find("WatchdogSec="), 12, "WatchdogSecs=");
    TempDir bad;
    write_file(bad / "flytthit-kiosk.service", misspelled);
    const auto caught = run_command("systemd-analyze verify '" + (bad / "flytthit-kiosk.service").string() + "'", bad.path());
    CHECK(caught.err.find("Unknown key 'WatchdogSecs'") != std::string::npos);

    const std::string unit = read_file(FLYTTHIT_SOURCE_DIR "/board/systemd/flytthit-kiosk.service");
    for (const char* line : {"Type=notify", "WatchdogSec=", "Restart=always", "User=flytthit", "SupplementaryGroups=video render input",
                             "ReadWritePaths=/var/lib/flytthit-kiosk", "EnvironmentFile=-/etc/flytthit-kiosk/kiosk.env"}) {
        CAPTURE(line);
        CHECK(unit.find(line) != std::string::npos);
    }
}

TEST_CASE("the Debian packages: kiosk and register apart, dependencies declared, the unit and config in, the programs start") {
    TempDir dir;
    const auto packed = run_command("cd '" FLYTTHIT_BUILD_DIR "' && cpack -G DEB -B '" + (dir / "dist").string() + "' 2>&1", dir.path());
    CAPTURE(packed.out);
    REQUIRE(packed.exit_code == 0);
    std::string kiosk_deb, register_deb;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "dist")) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("flytthit-kiosk_", 0) == 0) kiosk_deb = entry.path().string();
        if (name.rfind("flytthit-register_", 0) == 0) register_deb = entry.path().string();
    }
    REQUIRE_FALSE(kiosk_deb.empty());
    REQUIRE_FALSE(register_deb.empty());

    CHECK(deb_field(kiosk_deb, "Architecture", dir.path()) == std::string(FLYTTHIT_DEB_ARCH) + "\n");
    const std::string kiosk_depends = deb_field(kiosk_deb, "Depends", dir.path());
    CAPTURE(kiosk_depends);
    for (const char* dependency : {"libsdl2-2.0-0", "libsqlite3-0", "libcurl4", "libsodium23", "libqrencode4", "libsystemd0",
                                   "fonts-dejavu-core", "adduser"}) {
        CAPTURE(dependency);
        CHECK(kiosk_depends.find(dependency) != std::string::npos);
    }
    const std::string register_depends = deb_field(register_deb, "Depends", dir.path());
    CHECK(register_depends.find("libsqlite3-0") != std::string::npos);
    CHECK(register_depends.find("libsdl2") == std::string::npos);  // the server needs no display

    const auto contents = run_command("dpkg-deb --contents '" + kiosk_deb + "'", dir.path());
    for (const std::string file : {"bin/flytthit-kiosk", "bin/flytthit-kioskctl", "lib/systemd/system/flytthit-kiosk.service",
                                   "./etc/flytthit-kiosk/kiosk.env", "content/fjellregionen/manifest.json",
                                   "content/fjellregionen/commuting.json"}) {
        CAPTURE(file);
        CHECK(contents.out.find(file) != std::string::npos);
    }
    CHECK(run_command("dpkg-deb --contents '" + register_deb + "'", dir.path()).out.find("bin/flytthit-kiosk") == std::string::npos);

    const auto control = dir / "control";
    REQUIRE(run_command("dpkg-deb --control '" + kiosk_deb + "' '" + control.string() + "'", dir.path()).exit_code == 0);
    CHECK(read_file(control / "conffiles") == "/etc/flytthit-kiosk/kiosk.env\n");
    CHECK(read_file(control / "postinst").find("adduser --system") != std::string::npos);
    CHECK(read_file(control / "postrm").find("is kept") != std::string::npos);  // purging keeps the leads
    CHECK((std::filesystem::status(control / "postinst").permissions() & std::filesystem::perms::owner_exec) !=
          std::filesystem::perms::none);

    // Unpacked, the programs start.
    const auto root = dir / "root";
    REQUIRE(run_command("dpkg-deb -x '" + kiosk_deb + "' '" + root.string() + "' && dpkg-deb -x '" + register_deb + "' '" +
                            root.string() + "'",
                        dir.path())
                .exit_code == 0);
    for (const char* program : {"flytthit-kiosk", "flytthit-kioskctl", "flytthit-register"}) {
        CAPTURE(program);
        const std::string installed = root.string() + FLYTTHIT_INSTALL_BINDIR "/" + program;
        const auto started = run_command(FLYTTHIT_RUN_PREFIX "'" + installed + "' --version", dir.path());
        CHECK(started.exit_code == 0);
        CHECK(started.out.rfind(program, 0) == 0);
    }
}
