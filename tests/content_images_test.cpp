// Pictures, the map and the privacy notice in content packs: the built-in pack's pictures are
// checked and scaled to the screen; broken, oversized, bomb, path-escaping and wrongly named
// pictures are refused with file and field named (or left out on the kiosk, with a warning);
// a pack travels with its pictures through the register's bundle and still verifies; map
// facts need sources; a pack asking for contact details needs a privacy notice.
#include "common/content/builtin_content.h"
#include "common/content/content_images.h"
#include "common/content/content_pack.h"
#include "common/content/content_signature.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <stb_image_write.h>

#include <fstream>
#include <functional>

using namespace flytthit;
using flytthit::test::TempDir;
using flytthit::test::write_file;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string report(const ContentLoad& load) {
    std::string text;
    for (const auto& problem : load.problems) text += problem.to_string() + "\n";
    return text;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A copy of the built-in pack whose manifest the test may change.
struct PackCopy {
    TempDir temp;
    fs::path dir = temp.path() / "pack";
    json manifest;

    PackCopy() {
        fs::copy(builtin_content_dir(), dir, fs::copy_options::recursive);
        fs::remove(dir / signature_file_name);
        manifest = json::parse(read_bytes(dir / "manifest.json"));
    }
    ContentLoad load(ImageProblems policy = ImageProblems::refuse_pack) {
        write_file(dir / "manifest.json", manifest.dump(2));
        return load_content_pack(dir, policy);
    }
    json& hero(std::size_t i = 0) { return manifest["municipalities"][i]["images"]["hero"]; }
};

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char byte : bytes) {
        crc ^= byte;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(std::uint32_t value) {
    return {static_cast<char>(value >> 24), static_cast<char>(value >> 16), static_cast<char>(value >> 8), static_cast<char>(value)};
}

std::string chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A well-formed PNG of a few hundred bytes whose header claims width x height: what a
// decompression bomb looks like before anyone inflates it.
std::string png_claiming(std::uint32_t width, std::uint32_t height) {
    const std::string signature = "\x89PNG\r\n\x1a\n";
    const std::string header = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
    const std::string zeros = std::string("\x78\x9c", 2) + std::string(200, '\0');  // a start of a zlib stream
    return signature + chunk("IHDR", header) + chunk("IDAT", zeros) + chunk("IEND", "");
}

std::string small_png(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3, 120);
    std::string bytes;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
        },
        &bytes, width, height, 3, pixels.data(), width * 3);
    return bytes;
}

}  // namespace

TEST_CASE("every municipality of the built-in pack has its picture, checked, and the map and notice are there") {
    const ContentLoad load = load_content_pack(builtin_content_dir());
    REQUIRE_MESSAGE(load.pack, report(load));
    const ContentPack& pack = *load.pack;
    for (const auto& municipality : pack.municipalities) {
        INFO(municipality.id);
        REQUIRE_FALSE(municipality.images.hero.empty());
        const PackImage* image = pack.find_image(municipality.images.hero);
        REQUIRE(image != nullptr);
        CHECK(image->width == 960);
        CHECK(image->height == 540);
        CHECK(fs::file_size(builtin_content_dir() / image->file) < 200 * 1024);
        REQUIRE(municipality.position);
        CHECK_FALSE(municipality.position->source.empty());
        CHECK(municipality.position->lat > 61.5);
        CHECK(municipality.position->lat < 63.0);
    }
    CHECK(pack.map.find_place("oslo") != nullptr);
    CHECK(pack.map.find_place("trondheim") != nullptr);
    CHECK_FALSE(pack.map.lines.empty());
    CHECK_FALSE(pack.map.travel.empty());
    for (const auto& travel : pack.map.travel) CHECK_FALSE(travel.source.empty());
    CHECK(pack.privacy.present());
    for (Language language : {Language::nb, Language::en, Language::nl}) {
        CHECK(pack.texts.at(language).contains("privacy.body"));
    }
}

TEST_CASE("a picture is scaled down to the screen at load, never up") {
    const ContentLoad load = load_content_pack(builtin_content_dir());
    REQUIRE(load.pack);
    auto small = decode_pack_image(builtin_content_dir(), load.pack->municipalities[0].images.hero, 480, 480);
    REQUIRE(small);
    CHECK(small->width == 480);
    CHECK(small->height == 270);
    CHECK(small->rgba.size() == 480u * 270u * 4u);
    auto same = decode_pack_image(builtin_content_dir(), load.pack->municipalities[0].images.hero, 1920, 1080);
    REQUIRE(same);
    CHECK(same->width == 960);
}

TEST_CASE("broken, oversized, bomb, escaping and wrongly named pictures are refused with file and field") {
    PackCopy copy;
    const std::string field = "manifest.json: municipalities[0].images.hero";
    struct Case {
        const char* what;
        std::function<void(PackCopy&)> prepare;
        const char* message;
    };
    const std::vector<Case> cases{
        {"broken (cut off)", [](PackCopy& c) {
             const std::string good = read_bytes(c.dir / "images/roros.png");
             write_bytes(c.dir / "images/roros.png", good.substr(0, good.size() / 2));
         }, "images/roros.png: broken picture"},
        {"bomb", [](PackCopy& c) { write_bytes(c.dir / "images/roros.png", png_claiming(30000, 30000)); },
         "images/roros.png: 30000x30000 pixels"},
        {"too many pixels", [](PackCopy& c) { write_bytes(c.dir / "images/roros.png", png_claiming(4000, 4000)); },
         "megapixels (refused before decoding)"},
        {"too many bytes", [](PackCopy& c) {
             write_bytes(c.dir / "images/roros.png", small_png(4, 4) + std::string(max_image_file_bytes, '\0'));
         }, "bytes; a picture may have at most"},
        {"JPEG named PNG", [](PackCopy& c) { write_bytes(c.dir / "images/roros.png", "\xff\xd8\xff\xe0 not really"); },
         "named as PNG but its first bytes are a JPEG file"},
        {"text named PNG", [](PackCopy& c) { write_bytes(c.dir / "images/roros.png", "<svg></svg>"); },
         "named as PNG but its first bytes are a SVG/XML file"},
        {"GIF named JPEG", [](PackCopy& c) {
             write_bytes(c.dir / "images/roros.jpg", "GIF89a....");
             c.hero() = "images/roros.jpg";
         }, "named as JPEG but its first bytes are a GIF file"},
        {"not a picture type", [](PackCopy& c) { c.hero() = "images/roros.bmp"; }, "must be a .png, .jpg or .jpeg"},
        {"missing", [](PackCopy& c) { c.hero() = "images/nowhere.png"; }, "images/nowhere.png: missing"},
        {"leaves the pack", [](PackCopy& c) { c.hero() = "../outside.png"; }, "not a path inside the pack"},
        {"absolute", [](PackCopy& c) { c.hero() = "/etc/hostname.png"; }, "not a path inside the pack"},
        {"symbolic link out", [](PackCopy& c) {
             write_bytes(c.temp.path() / "outside.png", small_png(4, 4));
             fs::remove(c.dir / "images/roros.png");
             fs::create_symlink(c.temp.path() / "outside.png", c.dir / "images/roros.png");
         }, "images/roros.png: a symbolic link"},
        {"directory link out", [](PackCopy& c) {
             write_bytes(c.temp.path() / "elsewhere/roros.png", small_png(4, 4));
             fs::create_directory_symlink(c.temp.path() / "elsewhere", c.dir / "linked");
             c.hero() = "linked/roros.png";
         }, "linked/roros.png: a symbolic link"},
        {"not text", [](PackCopy& c) { c.hero() = 7; }, "must be a file name inside the pack"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.what);
        PackCopy fresh;
        test.prepare(fresh);
        const ContentLoad load = fresh.load();
        const std::string text = report(load);
        CAPTURE(text);
        CHECK_FALSE(load.pack);
        CHECK(text.find("error: " + field + ": ") != std::string::npos);
        CHECK(text.find(test.message) != std::string::npos);
    }
}

TEST_CASE("pictures of campaigns and the region, and more pictures, are checked under their own field") {
    PackCopy copy;
    copy.manifest["region"]["images"] = {{"hero", "images/region-missing.png"}};
    copy.manifest["campaigns"][1]["images"] = {{"more", {"images/tynset.png", "../up.png"}}};
    copy.manifest["municipalities"][2]["images"]["more"] = {"images/roros.png", "images/nowhere.jpg"};
    const ContentLoad load = copy.load();
    const std::string text = report(load);
    CAPTURE(text);
    CHECK(text.find("error: manifest.json: region.images.hero: images/region-missing.png: missing") != std::string::npos);
    CHECK(text.find("error: manifest.json: campaigns[1].images.more[1]: \"../up.png\": not a path inside the pack") != std::string::npos);
    CHECK(text.find("error: manifest.json: municipalities[2].images.more[1]: images/nowhere.jpg: missing") != std::string::npos);
    CHECK(text.find("more[0]") == std::string::npos);  // a picture named twice is checked once and fine
}

TEST_CASE("on the kiosk a broken picture is left out with a warning: the page still shows, staff health lists it") {
    PackCopy copy;
    write_bytes(copy.dir / "images/tynset.png", png_claiming(30000, 30000));
    const ContentLoad load = copy.load(ImageProblems::leave_picture_out);
    REQUIRE_MESSAGE(load.pack, report(load));
    const Municipality* tynset = load.pack->find_municipality("tynset");
    REQUIRE(tynset != nullptr);
    CHECK(tynset->images.hero.empty());
    REQUIRE(load.pack->picture_problems.size() == 1);
    CHECK(load.pack->picture_problems[0].where == "manifest.json: municipalities[1].images.hero");
    CHECK(report(load).find("warning: manifest.json: municipalities[1].images.hero: images/tynset.png: 30000x30000") !=
          std::string::npos);
    CHECK_FALSE(load.pack->find_municipality("roros")->images.hero.empty());

    TempDir state;
    auto chosen = choose_content(copy.dir, state.path());  // what the kiosk runs on
    REQUIRE(chosen);
    CHECK_FALSE(chosen->fell_back);
    CHECK(chosen->pack.picture_problems.size() == 1);
}

TEST_CASE("on the kiosk a picture is decoded once, when shown - the load checks its header only, the decode refuses it if broken") {
    PackCopy copy;
    const std::string good = read_bytes(copy.dir / "images/tynset.png");
    write_bytes(copy.dir / "images/tynset.png", good.substr(0, good.size() / 2));  // header whole, pixels cut off
    const ContentLoad load = copy.load(ImageProblems::leave_picture_out);
    REQUIRE_MESSAGE(load.pack, report(load));
    CHECK(load.pack->picture_problems.empty());  // nothing was decoded at load
    const std::string hero = load.pack->find_municipality("tynset")->images.hero;
    REQUIRE(hero == "images/tynset.png");
    const auto decoded = decode_pack_image(copy.dir, hero, 480, 480);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().message.find("images/tynset.png: broken picture") != std::string::npos);
    // A pack that must be whole still decodes every picture at load.
    CHECK_FALSE(copy.load().pack);
}

TEST_CASE("a pack travels with its pictures through the register's bundle byte for byte, and still verifies") {
    REQUIRE(sodium_init() >= 0);
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES], secret_key[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(public_key, secret_key);
    char public_hex[sizeof public_key * 2 + 1], secret_hex[sizeof secret_key * 2 + 1];
    sodium_bin2hex(public_hex, sizeof public_hex, public_key, sizeof public_key);
    sodium_bin2hex(secret_hex, sizeof secret_hex, secret_key, sizeof secret_key);

    PackCopy copy;
    REQUIRE(sign_pack(copy.dir, secret_hex, public_hex));
    auto bundle = bundle_pack(copy.dir);
    REQUIRE(bundle);
    CHECK((*bundle)["files_base64"].contains("images/roros.png"));
    CHECK((*bundle)["files"].contains("manifest.json"));
    const json wire = json::parse(bundle->dump());  // as it crosses the network

    TempDir received;
    REQUIRE(unpack_bundle(wire, received.path()));
    CHECK(read_bytes(received.path() / "images/roros.png") == read_bytes(copy.dir / "images/roros.png"));
    CHECK(verify_pack(received.path(), public_hex));

    // A picture changed after signing is caught by the signature like any other file.
    write_bytes(received.path() / "images/roros.png", small_png(8, 8));
    CHECK_FALSE(verify_pack(received.path(), public_hex));

    json bad = wire;
    bad["files_base64"]["images/roros.png"] = "not base64!";
    TempDir refused;
    auto unpacked = unpack_bundle(bad, refused.path());
    REQUIRE_FALSE(unpacked);
    CHECK(unpacked.error().message.find("images/roros.png: not valid base64") != std::string::npos);
    CHECK_FALSE(fs::exists(refused.path() / "manifest.json"));  // nothing written before everything was checked
    json escaping = wire;
    escaping["files_base64"]["../evil.png"] = "AAAA";
    CHECK_FALSE(unpack_bundle(escaping, refused.path()));
}

TEST_CASE("every map fact names its source and its places, and a pack asking for contact needs a privacy notice") {
    {
        PackCopy copy;
        copy.manifest["municipalities"][0]["position"].erase("source");
        copy.manifest["region"]["map"]["travel"][0].erase("source");
        copy.manifest["region"]["map"]["lines"][0]["through"][1] = "atlantis";
        copy.manifest["region"]["map"]["travel"][1]["by"] = "horse";
        const std::string text = report(copy.load());
        CAPTURE(text);
        CHECK(text.find("error: manifest.json: municipalities[0].position.source: missing") != std::string::npos);
        CHECK(text.find("error: manifest.json: region.map.travel[0].source: missing") != std::string::npos);
        CHECK(text.find("error: manifest.json: region.map.lines[0].through[1]: \"atlantis\" is neither") != std::string::npos);
        CHECK(text.find("error: manifest.json: region.map.travel[1].by: \"horse\" must be train or car") != std::string::npos);
    }
    {
        PackCopy copy;
        copy.manifest.erase("privacy");
        const ContentLoad load = copy.load();
        CHECK_FALSE(load.pack);
        CHECK(report(load).find("error: manifest.json: privacy: missing: campaign \"forste-klasse\" asks for contact details") !=
              std::string::npos);
    }
    {
        PackCopy copy;
        copy.manifest["privacy"]["withdraw_url"] = "http://example.org";
        CHECK(report(copy.load()).find("error: manifest.json: privacy.withdraw_url: must start with https://") != std::string::npos);
    }
}
