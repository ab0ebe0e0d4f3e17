// Signed content: only packs signed by the paired register are installed, from a USB stick or
// the network; tampered, unsigned or strangely built packs are refused and the current stays.
#include "common/content/builtin_content.h"
#include "common/content/content_signature.h"
#include "common/protocol/demo_keys.h"
#include "tests/register_process.h"

#include <doctest/doctest.h>
#include <sodium.h>

using namespace flytthit;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::read_file;
using flytthit::test::run_command;
using flytthit::test::write_file;

namespace {

const std::string kioskctl = FLYTTHIT_KIOSKCTL_PATH;

std::filesystem::path signed_copy_of_builtin(const TempDir& dir, const std::string& name = "pack") {
    const auto pack = dir / name;
    std::filesystem::copy(builtin_content_dir(), pack, std::filesystem::copy_options::recursive);
    REQUIRE(sign_pack(pack, demo::signing_secret_key, demo::signing_public_key).ok());
    return pack;
}

std::string message(const Status& status) { return status ? "" : status.error().message; }

}  // namespace

TEST_CASE("a signed pack verifies, a changed, unsigned or stranger-signed one does not") {
    TempDir dir;
    const auto pack = signed_copy_of_builtin(dir);
    CHECK(verify_pack(pack, demo::signing_public_key).ok());

    write_file(pack / "texts/en.json", read_file(pack / "texts/en.json") + " ");
    CHECK(message(verify_pack(pack, demo::signing_public_key)).find("does not match") != std::string::npos);

    const auto other = signed_copy_of_builtin(dir, "other");
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES], secret_key[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(public_key, secret_key);
    char public_hex[65];
    sodium_bin2hex(public_hex, sizeof public_hex, public_key, sizeof public_key);
    CHECK(message(verify_pack(other, public_hex)).find("does not match") != std::string::npos);

    std::filesystem::remove(other / signature_file_name);
    CHECK(message(verify_pack(other, demo::signing_public_key)).find("not signed") != std::string::npos);
}

TEST_CASE("a pack may not reach outside itself") {
    TempDir dir;
    const auto pack = signed_copy_of_builtin(dir);
    write_file(dir / "secret.txt", "outside");
    std::filesystem::create_symlink(dir / "secret.txt", pack / "texts/link.json");
    CHECK(message(verify_pack(pack, demo::signing_public_key)).find("symbolic link") != std::string::npos);

    for (const char* bad : {"../x", "/etc/passwd", "a/../../b", "a//b", "", ".", "a\\b", "texts/.."}) {
        CAPTURE(bad);
        CHECK_FALSE(is_safe_pack_path(bad));
    }
    CHECK(is_safe_pack_path("texts/nb.json"));
    CHECK(is_safe_pack_path("images/roros.png"));

    const auto target = dir / "unpacked";
    std::filesystem::create_directories(target);
    const auto bundle = nlohmann::json{{"files", {{"manifest.json", "{}"}, {"../escaped.json", "x"}}}};
    CHECK(message(unpack_bundle(bundle, target)).find("unsafe path") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "escaped.json"));
    CHECK_FALSE(std::filesystem::exists(target / "manifest.json"));  // nothing written at all
}

TEST_CASE("install-content from a USB stick: a good pack goes in, a tampered one is refused and the current stays") {
    TempDir dir;
    const auto data = dir / "data";
    const auto pack = signed_copy_of_builtin(dir);
    const auto installed = run_command(kioskctl + " --data-dir '" + data.string() + "' install-content '" + pack.string() + "'", dir.path());
    CHECK(installed.exit_code == 0);
    CHECK(verify_pack(data / installed_content_dir_name, demo::signing_public_key).ok());

    write_file(pack / "manifest.json", read_file(pack / "manifest.json") + "\n");
    const auto refused = run_command(kioskctl + " --data-dir '" + data.string() + "' install-content '" + pack.string() + "'", dir.path());
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("refused, the current pack stays") != std::string::npos);
    CHECK(refused.err.find("does not match") != std::string::npos);
    CHECK(verify_pack(data / installed_content_dir_name, demo::signing_public_key).ok());  // the old one, intact
}

TEST_CASE("update-content fetches the register's signed pack over the network") {
    TempDir dir;
    RegisterProcess reg(dir / "register");
    const auto published = reg.run("publish-content --dir '" + reg.dir().string() + "' '" + builtin_content_dir().string() + "'");
    REQUIRE(published.exit_code == 0);
    const auto data = dir / "data";
    REQUIRE(run_command(kioskctl + " --data-dir '" + data.string() + "' pair '" + reg.add_device("stand-1").string() + "'",
                        dir.path()).exit_code == 0);
    const auto updated = run_command(kioskctl + " --data-dir '" + data.string() + "' update-content", dir.path());
    CAPTURE(updated.err);
    CHECK(updated.exit_code == 0);
    CHECK(std::filesystem::exists(data / installed_content_dir_name / "manifest.json"));
    CHECK_FALSE(std::filesystem::exists(data / "content-download"));

    // A register signing with another key than the one paired is not trusted: here, the demo
    // key is not this register's key.
    const auto demo_pack = signed_copy_of_builtin(dir, "demo-pack");
    const auto refused = run_command(kioskctl + " --data-dir '" + data.string() + "' install-content '" + demo_pack.string() + "'", dir.path());
    CHECK(refused.exit_code == 1);
}
