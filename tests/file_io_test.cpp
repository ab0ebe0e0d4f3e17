// Whole files read and written as the kiosk and the register do it (common/base/file_io.h):
// every byte back, the size limit held however the file reports its size, and a failure that
// names the file.
#include <doctest/doctest.h>

#include <string>

#include "common/base/file_io.h"
#include "tests/test_support.h"

using namespace flytthit;
using namespace flytthit::test;

namespace {

// Every byte value, many times over: a read that stops at a NUL or a buffer's edge shows.
std::string all_bytes(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>((i * 7919 + i / 251) & 0xff);
    return text;
}

}  // namespace

TEST_CASE("a file is read back byte for byte, at sizes around the read's buffers") {
    TempDir dir;
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{65536}, std::size_t{3'000'001}}) {
        CAPTURE(size);
        const auto path = dir.path() / ("file-" + std::to_string(size));
        const auto text = all_bytes(size);
        REQUIRE(write_file_atomically(path, text, 0600));
        const auto read = read_file_limited(path, size);
        REQUIRE(read);
        CHECK(read->size() == size);
        CHECK(*read == text);
    }
}

TEST_CASE("a file one byte over the limit is refused, naming the file and the limit") {
    TempDir dir;
    const auto path = dir.path() / "too-large.bin";
    REQUIRE(write_file_atomically(path, all_bytes(1001), 0600));
    const auto read = read_file_limited(path, 1000);
    REQUIRE_FALSE(read);
    CHECK(read.error().message.find(path.string()) != std::string::npos);
    CHECK(read.error().message.find("larger than 1000 bytes") != std::string::npos);
    CHECK(read_file_limited(path, 1001));
}

TEST_CASE("a file that reports no size (the kernel's /proc files) is read whole, and held to the limit") {
    // /proc/self/status says 0 bytes to stat and holds a page of text.
    const auto status = read_file_limited("/proc/self/status", 1 << 20);
    REQUIRE(status);
    CHECK(status->find("Name:") == 0);
    CHECK(status->find("VmRSS:") != std::string::npos);
    const auto limited = read_file_limited("/proc/self/status", 16);
    REQUIRE_FALSE(limited);
    CHECK(limited.error().message.find("larger than 16 bytes") != std::string::npos);
}

TEST_CASE("a missing file and a directory are errors that name the path") {
    TempDir dir;
    const auto missing = read_file_limited(dir.path() / "not-there", 100);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::unavailable);
    CHECK(missing.error().message.find("not-there") != std::string::npos);
    const auto directory = read_file_limited(dir.path(), 100);
    REQUIRE_FALSE(directory);
    CHECK(directory.error().message.find(dir.path().string()) != std::string::npos);
}

TEST_CASE("an atomic write replaces the file whole and leaves no temporary beside it") {
    TempDir dir;
    const auto path = dir.path() / "settings.json";
    REQUIRE(write_file_atomically(path, "old", 0600));
    REQUIRE(write_file_atomically(path, "new and longer", 0600));
    CHECK(*read_file_limited(path, 100) == "new and longer");
    CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    const auto unwritable = write_file_atomically(dir.path() / "no-such-dir" / "x", "text", 0600);
    REQUIRE_FALSE(unwritable);
    CHECK(unwritable.error().message.find("no-such-dir") != std::string::npos);
}
