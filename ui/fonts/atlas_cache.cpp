// The baked atlas in a file; see atlas_cache.h.
#include "ui/fonts/atlas_cache.h"

#include "common/base/file_io.h"

#include <sodium.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace flytthit::ui {

namespace {

// Changed whenever the layout below changes; ImGui's own layout is in the digest of what the
// atlas was baked from (its version and sizeof(ImFontGlyph), font_sets.cpp).
constexpr std::string_view file_magic = "flytthit font atlas 1\n";
constexpr std::size_t largest_file = 64u * 1024u * 1024u;  // 16384x4096 at most, and the tables
constexpr std::uint32_t largest_side = 16384;
constexpr std::uint32_t most_fonts = 16;
constexpr std::uint32_t most_glyphs = 0xFFFE;  // ImFont's lookup index is 16 bits, 0xFFFF reserved

static_assert(std::is_trivially_copyable_v<ImFontGlyph> && std::is_trivially_copyable_v<ImVec4>);

class ByteWriter {
public:
    template <class T>
    void put(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
    }
    void put_bytes(const void* data, std::size_t size) { bytes_.append(static_cast<const char*>(data), size); }
    std::string& bytes() { return bytes_; }

private:
    std::string bytes_;
};

// Reads what ByteWriter wrote; every take fails, rather than reads past the end, on a short file.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
    template <class T>
    bool take(T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        return take_bytes(&value, sizeof(T));
    }
    bool take_bytes(void* out, std::size_t size) {
        if (bytes_.size() - offset_ < size) return false;
        std::memcpy(out, bytes_.data() + offset_, size);
        offset_ += size;
        return true;
    }
    std::size_t remaining() const { return bytes_.size() - offset_; }

private:
    std::string_view bytes_;
    std::size_t offset_ = 0;
};

// One font's numbers in the file, field by field (a struct written whole would carry its padding).
struct FontMetrics {
    float size = 0, ascent = 0, descent = 0;
    ImWchar fallback = 0, ellipsis = 0, dot = 0;
    std::uint32_t glyph_count = 0;

    void write(ByteWriter& out) const {
        out.put(size), out.put(ascent), out.put(descent);
        out.put(fallback), out.put(ellipsis), out.put(dot);
        out.put(glyph_count);
    }
    bool read(ByteReader& in) {
        return in.take(size) && in.take(ascent) && in.take(descent) && in.take(fallback) && in.take(ellipsis) &&
               in.take(dot) && in.take(glyph_count);
    }
};

bool within_texture(const ImFontGlyph& glyph) {
    const auto unit = [](float uv) { return uv >= 0.0f && uv <= 1.0f; };
    return unit(glyph.U0) && unit(glyph.V0) && unit(glyph.U1) && unit(glyph.V1);
}

Error damaged(const std::filesystem::path& file, const std::string& why) {
    return make_error(file.string() + ": " + why, ErrorKind::damaged_store);
}

}  // namespace

AtlasDigest digest_of(std::string_view bytes) {
    AtlasDigest digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       nullptr, 0);
    return digest;
}

Status save_baked_atlas(const ImFontAtlas& atlas, const AtlasDigest& baked_from, const std::filesystem::path& file) {
    if (atlas.TexPixelsAlpha8 == nullptr || atlas.TexWidth <= 0 || atlas.TexHeight <= 0 || atlas.Fonts.empty())
        return make_error(file.string() + ": the atlas has no baked pixels to keep");
    ByteWriter out;
    out.put_bytes(file_magic.data(), file_magic.size());
    out.put(baked_from);
    out.put(static_cast<std::uint32_t>(atlas.TexWidth));
    out.put(static_cast<std::uint32_t>(atlas.TexHeight));
    out.put(atlas.TexUvScale);
    out.put(atlas.TexUvWhitePixel);
    out.put(atlas.TexUvLines);
    out.put(static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
        const FontMetrics metrics{font->FontSize,     font->Ascent,       font->Descent, font->FallbackChar,
                                  font->EllipsisChar, font->DotChar,      static_cast<std::uint32_t>(font->Glyphs.Size)};
        metrics.write(out);
        out.put_bytes(font->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(font->Glyphs.Size));
    }
    out.put_bytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    out.put(digest_of(out.bytes()));
    return write_file_atomically(file, out.bytes(), 0644);
}

Status restore_baked_atlas(ImFontAtlas& atlas, const AtlasDigest& baked_from, const std::filesystem::path& file) {
    if (!atlas.Fonts.empty() || atlas.TexPixelsAlpha8 != nullptr) return make_error(file.string() + ": the atlas to fill is not empty");
    std::error_code missing;
    if (!std::filesystem::exists(file, missing)) return make_error(file.string() + ": not there yet", ErrorKind::unavailable);
    auto bytes = read_file_limited(file, largest_file);
    if (!bytes) return bytes.error();
    const std::string_view whole(*bytes);
    AtlasDigest stored_digest{};
    if (whole.size() < file_magic.size() + 2 * stored_digest.size() || whole.substr(0, file_magic.size()) != file_magic)
        return damaged(file, "not a font atlas this kiosk wrote");
    // Checked before anything is read from it: a bit flipped on the card would otherwise give
    // glyphs that point at the wrong pixels, drawn as garbage with no error anywhere.
    const std::string_view body = whole.substr(0, whole.size() - stored_digest.size());
    std::memcpy(stored_digest.data(), whole.data() + body.size(), stored_digest.size());
    if (digest_of(body) != stored_digest) return damaged(file, "its contents do not match their digest (damaged)");

    ByteReader in(body.substr(file_magic.size()));
    AtlasDigest file_baked_from{};
    in.take(file_baked_from);
    if (file_baked_from != baked_from)
        return make_error(file.string() + ": baked from other fonts, sizes or glyphs", ErrorKind::bad_input);
    std::uint32_t width = 0, height = 0, font_count = 0;
    ImVec2 uv_scale, uv_white;
    ImVec4 uv_lines[IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1];
    if (!in.take(width) || !in.take(height) || !in.take(uv_scale) || !in.take(uv_white) || !in.take(uv_lines) ||
        !in.take(font_count))
        return damaged(file, "cut short in its header");
    if (width == 0 || height == 0 || width > largest_side || height > largest_side)
        return damaged(file, "a texture of " + std::to_string(width) + "x" + std::to_string(height));
    if (font_count == 0 || font_count > most_fonts) return damaged(file, std::to_string(font_count) + " fonts");

    // Built on the side and moved into atlas only when all of it was read.
    ImVector<ImFont*> fonts;
    const auto discard = [&fonts] {
        for (ImFont* font : fonts) IM_DELETE(font);
    };
    for (std::uint32_t f = 0; f < font_count; ++f) {
        FontMetrics metrics;
        if (!metrics.read(in) || metrics.glyph_count == 0 || metrics.glyph_count > most_glyphs) {
            discard();
            return damaged(file, "font " + std::to_string(f) + ": no glyph table");
        }
        ImFont* font = IM_NEW(ImFont);
        fonts.push_back(font);
        font->Glyphs.resize(static_cast<int>(metrics.glyph_count));
        if (!in.take_bytes(font->Glyphs.Data, sizeof(ImFontGlyph) * metrics.glyph_count)) {
            discard();
            return damaged(file, "font " + std::to_string(f) + ": its glyph table is cut short");
        }
        for (const ImFontGlyph& glyph : font->Glyphs) {
            if (!within_texture(glyph)) {
                discard();
                return damaged(file, "font " + std::to_string(f) + ": glyph U+" + std::to_string(glyph.Codepoint) + " outside the texture");
            }
        }
        font->FontSize = metrics.size;
        font->Ascent = metrics.ascent;
        font->Descent = metrics.descent;
        font->FallbackChar = metrics.fallback;
        font->EllipsisChar = metrics.ellipsis;
        font->DotChar = metrics.dot;
        font->ContainerAtlas = &atlas;
    }
    const std::size_t texels = static_cast<std::size_t>(width) * height;
    if (in.remaining() != texels) {
        discard();
        return damaged(file, "its pixels are " + std::to_string(in.remaining()) + " bytes, not " + std::to_string(texels));
    }
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));  // ClearTexData frees it
    in.take_bytes(atlas.TexPixelsAlpha8, texels);
    atlas.TexWidth = static_cast<int>(width);
    atlas.TexHeight = static_cast<int>(height);
    atlas.TexUvScale = uv_scale;
    atlas.TexUvWhitePixel = uv_white;
    std::memcpy(atlas.TexUvLines, uv_lines, sizeof(uv_lines));
    for (ImFont* font : fonts) {
        font->BuildLookupTable();  // the index by code point, the fallback glyph
        atlas.Fonts.push_back(font);
    }
    atlas.TexReady = true;
    return ok_status();
}

}  // namespace flytthit::ui
