// Pictures in a content pack: PNG and JPEG files the manifest names per municipality, per
// campaign and for the region. Each is checked when the pack loads, before anything decodes
// it: inside the pack (no "..", no symbolic link), its first bytes are the format its name
// says, at most max_image_file_bytes, and its header's size within max_image_side and
// max_image_pixels (so a 30 000 x 30 000 PNG of a few kilobytes is refused, not decoded).
// A pack that must be whole (ImageCheck::decode: the register, kioskctl) is then decoded once
// to prove every picture is; the kiosk checks the header only and decodes each picture once,
// at the screen's size, when it shows the pack (decode_pack_image). Decoding is stb_image.
#pragma once

#include "common/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flytthit {

inline constexpr std::uintmax_t max_image_file_bytes = 4 * 1024 * 1024;
inline constexpr int max_image_side = 4096;
inline constexpr long long max_image_pixels = 12'000'000;  // a 4000x3000 camera photo

enum class ImageFormat { png, jpeg };

// A picture the pack names, checked: its path inside the pack and its size in pixels.
struct PackImage {
    std::string file;   // relative to the pack: "images/roros.png"
    std::string field;  // where the manifest names it first: "manifest.json: municipalities[0].images.hero"
    ImageFormat format = ImageFormat::png;
    int width = 0;
    int height = 0;
};

// A picture's pixels, 8-bit RGBA, rows top-down.
struct DecodedImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

enum class ImageCheck {
    header,  // path, format, file size and the header's pixel size: nothing decoded
    decode,  // the header, then one full decode to prove the picture whole
};

// Checks file (relative to pack) as a picture; on failure the error says why, naming file
// but not field (the caller adds the field). Reads the file once, and decodes it once with
// ImageCheck::decode.
Result<PackImage> check_pack_image(const std::filesystem::path& pack, const std::string& file, ImageCheck check);

// Decodes a checked picture and scales it down (never up) to fit max_width x max_height,
// keeping its proportions: what the screen can show is all that is kept in memory. Checks
// again first, so a file changed since the pack was loaded is refused, not trusted.
Result<DecodedImage> decode_pack_image(const std::filesystem::path& pack, const std::string& file, int max_width,
                                       int max_height);

// Box-filters rgba down to fit within max_width x max_height (a copy when it already fits).
DecodedImage scale_down_to_fit(const DecodedImage& image, int max_width, int max_height);

}  // namespace flytthit
