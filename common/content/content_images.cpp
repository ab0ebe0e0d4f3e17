// Pictures in a content pack; see content_images.h.
#include "common/content/content_images.h"

#include "common/base/file_io.h"
#include "common/content/content_signature.h"

#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

namespace flytthit {

namespace {

namespace fs = std::filesystem;

struct StbFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

bool ends_with(const std::string& text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        const char c = text[text.size() - suffix.size() + i];
        if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
    }
    return true;
}

// What the first bytes say the file is, whatever its name says.
std::string_view signature_format(const std::string& bytes) {
    static constexpr unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (bytes.size() >= sizeof png && std::equal(std::begin(png), std::end(png), bytes.begin(),
                                                 [](unsigned char a, char b) { return a == static_cast<unsigned char>(b); })) {
        return "PNG";
    }
    if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xff && static_cast<unsigned char>(bytes[1]) == 0xd8 &&
        static_cast<unsigned char>(bytes[2]) == 0xff) {
        return "JPEG";
    }
    if (bytes.rfind("GIF8", 0) == 0) return "GIF";
    if (bytes.rfind("BM", 0) == 0) return "BMP";
    if (bytes.rfind("<svg", 0) == 0 || bytes.rfind("<?xml", 0) == 0) return "SVG/XML";
    return "";
}

// The pack-relative path must not pass through a symbolic link anywhere: a link could point
// at any file of the kiosk, and the signature check refuses links for the same reason.
Status check_no_link_on_the_way(const fs::path& pack, const std::string& file) {
    fs::path walked = pack;
    for (const auto& part : fs::path(file)) {
        walked /= part;
        std::error_code error;
        const auto status = fs::symlink_status(walked, error);
        if (error || status.type() == fs::file_type::not_found) return make_error(file + ": missing", ErrorKind::bad_input);
        if (status.type() == fs::file_type::symlink) {
            return make_error(file + ": a symbolic link; a picture must be a file inside the pack", ErrorKind::bad_input);
        }
    }
    return ok_status();
}

struct CheckedBytes {
    PackImage image;
    std::string bytes;
};

Result<CheckedBytes> read_and_check_header(const fs::path& pack, const std::string& file) {
    if (!is_safe_pack_path(file)) {
        return make_error("\"" + file.substr(0, 120) + "\": not a path inside the pack (no leading /, no .., no \\)",
                          ErrorKind::bad_input);
    }
    PackImage image;
    image.file = file;
    if (ends_with(file, ".png")) image.format = ImageFormat::png;
    else if (ends_with(file, ".jpg") || ends_with(file, ".jpeg")) image.format = ImageFormat::jpeg;
    else return make_error(file + ": a picture must be a .png, .jpg or .jpeg file", ErrorKind::bad_input);
    if (auto linked = check_no_link_on_the_way(pack, file); !linked) return linked.error();
    const fs::path path = pack / file;
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return make_error(file + ": not a regular file", ErrorKind::bad_input);
    // read_file_limited refuses a larger file before reading a byte of it.
    auto bytes = read_file_limited(path, max_image_file_bytes);
    if (!bytes) {
        return make_error(file + ": " + bytes.error().message + "; a picture may have at most " + std::to_string(max_image_file_bytes) +
                              " bytes",
                          ErrorKind::bad_input);
    }
    const std::string_view expected = image.format == ImageFormat::png ? "PNG" : "JPEG";
    const std::string_view found = signature_format(*bytes);
    if (found != expected) {
        return make_error(file + ": named as " + std::string(expected) + " but its first bytes are " +
                              (found.empty() ? std::string("no known picture format") : "a " + std::string(found) + " file"),
                          ErrorKind::bad_input);
    }
    // The header alone: the size is known before a single pixel is decoded. A PNG's size is
    // read here from its IHDR (stb_image itself already refuses some huge ones, with a vaguer
    // reason); a JPEG's from stb_image's header scan.
    int width = 0, height = 0, channels = 0;
    if (image.format == ImageFormat::png && bytes->size() >= 24 && bytes->compare(12, 4, "IHDR") == 0) {
        auto be32 = [&](std::size_t at) {
            std::uint32_t value = 0;
            for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>((*bytes)[at + i]);
            return value;
        };
        const std::uint32_t claimed_width = be32(16), claimed_height = be32(20);
        if (claimed_width > static_cast<std::uint32_t>(max_image_side) || claimed_height > static_cast<std::uint32_t>(max_image_side)) {
            return make_error(file + ": " + std::to_string(claimed_width) + "x" + std::to_string(claimed_height) +
                                  " pixels; a picture may be at most " + std::to_string(max_image_side) +
                                  " on a side (refused before decoding)",
                              ErrorKind::bad_input);
        }
    }
    if (bytes->size() > static_cast<std::size_t>(INT32_MAX) ||
        stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()), static_cast<int>(bytes->size()), &width,
                              &height, &channels) == 0) {
        return make_error(file + ": broken " + std::string(expected) + " header (" + stbi_failure_reason() + ")",
                          ErrorKind::bad_input);
    }
    if (width <= 0 || height <= 0 || width > max_image_side || height > max_image_side ||
        static_cast<long long>(width) * height > max_image_pixels) {
        return make_error(file + ": " + std::to_string(width) + "x" + std::to_string(height) +
                              " pixels; a picture may be at most " + std::to_string(max_image_side) + " on a side and " +
                              std::to_string(max_image_pixels / 1'000'000) + " megapixels (refused before decoding)",
                          ErrorKind::bad_input);
    }
    image.width = width;
    image.height = height;
    return CheckedBytes{std::move(image), std::move(*bytes)};
}

Result<DecodedImage> decode_checked(const CheckedBytes& checked) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<unsigned char, StbFree> pixels(
        stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(checked.bytes.data()), static_cast<int>(checked.bytes.size()),
                              &width, &height, &channels, 4));
    if (!pixels) {
        return make_error(checked.image.file + ": broken picture, cannot be decoded (" + stbi_failure_reason() + ")",
                          ErrorKind::bad_input);
    }
    if (width != checked.image.width || height != checked.image.height) {
        return make_error(checked.image.file + ": decoded size differs from its header", ErrorKind::bad_input);
    }
    DecodedImage decoded;
    decoded.width = width;
    decoded.height = height;
    decoded.rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    return decoded;
}

}  // namespace

Result<PackImage> check_pack_image(const fs::path& pack, const std::string& file, ImageCheck check) {
    auto checked = read_and_check_header(pack, file);
    if (!checked) return checked.error();
    if (check == ImageCheck::header) return checked->image;
    if (auto decoded = decode_checked(*checked); !decoded) return decoded.error();
    return checked->image;
}

Result<DecodedImage> decode_pack_image(const fs::path& pack, const std::string& file, int max_width, int max_height) {
    auto checked = read_and_check_header(pack, file);
    if (!checked) return checked.error();
    auto decoded = decode_checked(*checked);
    if (!decoded) return decoded.error();
    return scale_down_to_fit(*decoded, max_width, max_height);
}

DecodedImage scale_down_to_fit(const DecodedImage& image, int max_width, int max_height) {
    if (image.width <= 0 || image.height <= 0 || max_width <= 0 || max_height <= 0) return image;
    const double factor = std::min({1.0, static_cast<double>(max_width) / image.width,
                                    static_cast<double>(max_height) / image.height});
    if (factor >= 1.0) return image;
    DecodedImage scaled;
    scaled.width = std::max(1, static_cast<int>(image.width * factor));
    scaled.height = std::max(1, static_cast<int>(image.height * factor));
    scaled.rgba.resize(static_cast<std::size_t>(scaled.width) * static_cast<std::size_t>(scaled.height) * 4);
    // Each target pixel is the mean of the source pixels it covers (a box filter): no aliasing
    // shimmer on the fine lines of an illustration, and cheap enough for a Pi at load.
    for (int y = 0; y < scaled.height; ++y) {
        const int y0 = static_cast<int>(static_cast<long long>(y) * image.height / scaled.height);
        const int y1 = std::max(y0 + 1, static_cast<int>(static_cast<long long>(y + 1) * image.height / scaled.height));
        for (int x = 0; x < scaled.width; ++x) {
            const int x0 = static_cast<int>(static_cast<long long>(x) * image.width / scaled.width);
            const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<long long>(x + 1) * image.width / scaled.width));
            unsigned long sum[4] = {0, 0, 0, 0};
            for (int sy = y0; sy < y1; ++sy) {
                const unsigned char* row = image.rgba.data() + (static_cast<std::size_t>(sy) * image.width) * 4;
                for (int sx = x0; sx < x1; ++sx) {
                    for (int c = 0; c < 4; ++c) sum[c] += row[static_cast<std::size_t>(sx) * 4 + static_cast<std::size_t>(c)];
                }
            }
            const unsigned long count = static_cast<unsigned long>(y1 - y0) * static_cast<unsigned long>(x1 - x0);
            unsigned char* out = scaled.rgba.data() + (static_cast<std::size_t>(y) * scaled.width + static_cast<std::size_t>(x)) * 4;
            for (int c = 0; c < 4; ++c) out[c] = static_cast<unsigned char>(sum[c] / count);
        }
    }
    return scaled;
}

}  // namespace flytthit
