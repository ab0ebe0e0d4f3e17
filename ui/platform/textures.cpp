// The font atlas and the content pack's pictures as GL textures; see textures.h.
#include "ui/platform/textures.h"

#include <SDL.h>
#include <imgui.h>
#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace flytthit::ui {

namespace {

struct GlVersion {
    bool es = false;
    int major = 0;
    int minor = 0;
};

// glGetString(GL_VERSION): "4.5 (Compatibility Profile) Mesa 22.3.6" or "OpenGL ES 3.0 Mesa ...".
GlVersion gl_version_of(const GlFunctions& gl) {
    GlVersion version;
    const auto* text = reinterpret_cast<const char*>(gl.get_string(gl_version));
    if (text == nullptr) return version;
    std::string_view view(text);
    constexpr std::string_view es_prefix = "OpenGL ES ";
    if (view.starts_with(es_prefix)) {
        version.es = true;
        view.remove_prefix(es_prefix.size());
    }
    if (std::sscanf(std::string(view).c_str(), "%d.%d", &version.major, &version.minor) != 2) version = {version.es, 0, 0};
    return version;
}

enum class FontFormat { swizzled_red, luminance_alpha, rgba };

const char* format_name(FontFormat format) {
    switch (format) {
        case FontFormat::swizzled_red: return "one channel (swizzled)";
        case FontFormat::luminance_alpha: return "luminance-alpha";
        case FontFormat::rgba: return "RGBA";
    }
    return "?";
}

// The formats to try, smallest first; RGBA works everywhere and ends every list.
std::vector<FontFormat> font_formats(const GlVersion& version) {
    const bool swizzles = version.es ? version.major >= 3
                                     : version.major > 3 || (version.major == 3 && version.minor >= 3) ||
                                           SDL_GL_ExtensionSupported("GL_ARB_texture_swizzle") == SDL_TRUE ||
                                           SDL_GL_ExtensionSupported("GL_EXT_texture_swizzle") == SDL_TRUE;
    std::vector<FontFormat> formats;
    if (swizzles) formats.push_back(FontFormat::swizzled_red);
    // ES 2 has no GL_RED, but luminance-alpha samples as (l, l, l, a). Desktop core profiles
    // dropped it, so it is only tried on ES.
    if (version.es) formats.push_back(FontFormat::luminance_alpha);
    formats.push_back(FontFormat::rgba);
    return formats;
}

// Uploads coverage (width x height bytes) to the bound texture in format; the GL error, or 0.
unsigned int upload_coverage(const GlFunctions& gl, FontFormat format, const unsigned char* coverage, int width, int height) {
    const std::size_t texels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    switch (format) {
        case FontFormat::swizzled_red:
            gl.tex_image_2d(gl_texture_2d, 0, gl_r8, width, height, 0, gl_red, gl_unsigned_byte, coverage);
            gl.tex_parameter_i(gl_texture_2d, gl_texture_swizzle_r, gl_one);
            gl.tex_parameter_i(gl_texture_2d, gl_texture_swizzle_g, gl_one);
            gl.tex_parameter_i(gl_texture_2d, gl_texture_swizzle_b, gl_one);
            gl.tex_parameter_i(gl_texture_2d, gl_texture_swizzle_a, static_cast<int>(gl_red));
            break;
        case FontFormat::luminance_alpha: {
            std::vector<unsigned char> texels_la(texels * 2, 255);
            for (std::size_t i = 0; i < texels; ++i) texels_la[i * 2 + 1] = coverage[i];
            gl.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_luminance_alpha), width, height, 0, gl_luminance_alpha,
                            gl_unsigned_byte, texels_la.data());
            break;
        }
        case FontFormat::rgba: {
            std::vector<unsigned char> texels_rgba(texels * 4, 255);
            for (std::size_t i = 0; i < texels; ++i) texels_rgba[i * 4 + 3] = coverage[i];
            gl.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_rgba), width, height, 0, gl_rgba, gl_unsigned_byte,
                            texels_rgba.data());
            break;
        }
    }
    return gl.get_error();
}

std::size_t bytes_per_texel(FontFormat format) {
    switch (format) {
        case FontFormat::swizzled_red: return 1;
        case FontFormat::luminance_alpha: return 2;
        case FontFormat::rgba: return 4;
    }
    return 4;
}

// A new 2D texture, bound, sampled with filter (gl_linear or gl_nearest) and clamped at its
// edges, with no GL error pending: the caller's get_error after its upload is its own, not an
// earlier call's (bounded: a lost context repeats its error). How every texture here starts.
unsigned int new_bound_texture(const GlFunctions& gl, int filter) {
    for (int i = 0; i < 16 && gl.get_error() != gl_no_error; ++i) {}
    unsigned int texture = 0;
    gl.gen_textures(1, &texture);
    gl.bind_texture(gl_texture_2d, texture);
    gl.tex_parameter_i(gl_texture_2d, gl_texture_min_filter, filter);
    gl.tex_parameter_i(gl_texture_2d, gl_texture_mag_filter, filter);
    gl.tex_parameter_i(gl_texture_2d, gl_texture_wrap_s, gl_clamp_to_edge);
    gl.tex_parameter_i(gl_texture_2d, gl_texture_wrap_t, gl_clamp_to_edge);
    return texture;
}

}  // namespace

Result<std::unique_ptr<FontTexture>> FontTexture::upload(const GlFunctions& gl, ImFontAtlas& atlas) {
    // Read directly: GetTexDataAsAlpha8 would bake ImGui's default font into an atlas whose
    // pixels are gone, where this must fail instead.
    const unsigned char* coverage = atlas.TexPixelsAlpha8;
    const int width = atlas.TexWidth, height = atlas.TexHeight;
    if (coverage == nullptr) return make_error("the font atlas has no pixels to upload");
    gl.pixel_store_i(gl_unpack_alignment, 1);
    std::string failures;
    for (const FontFormat format : font_formats(gl_version_of(gl))) {
        const unsigned int texture = new_bound_texture(gl, gl_linear);
        const unsigned int error = upload_coverage(gl, format, coverage, width, height);
        gl.bind_texture(gl_texture_2d, 0);
        if (error != gl_no_error) {
            gl.delete_textures(1, &texture);
            failures += std::string(failures.empty() ? "" : ", ") + format_name(format) + ": GL error " + std::to_string(error);
            continue;
        }
        atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)));
        // The GL texture is the only copy from here on. malloc_trim hands the freed pages back
        // at once: glibc keeps freed heap memory otherwise, and the kiosk would still hold it.
        atlas.ClearTexData();
        malloc_trim(0);
        const std::size_t kib = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * bytes_per_texel(format) / 1024;
        std::string description = std::to_string(width) + "x" + std::to_string(height) + ", " + format_name(format) + ", " +
                                  std::to_string(kib) + " KiB";
        if (!failures.empty()) description += " (refused: " + failures + ")";
        return std::unique_ptr<FontTexture>(new FontTexture(gl, atlas, texture, std::move(description)));  // private constructor
    }
    return make_error("the font atlas (" + std::to_string(width) + "x" + std::to_string(height) +
                      ") could not be uploaded in any format: " + failures);
}

FontTexture::~FontTexture() {
    atlas_.SetTexID(nullptr);
    gl_.delete_textures(1, &texture_);
}

Result<std::unique_ptr<WhiteTexel>> WhiteTexel::upload(const GlFunctions& gl) {
    const unsigned int texture = new_bound_texture(gl, gl_nearest);
    const unsigned char white[4] = {255, 255, 255, 255};
    gl.pixel_store_i(gl_unpack_alignment, 1);
    gl.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_rgba), 1, 1, 0, gl_rgba, gl_unsigned_byte, white);
    const unsigned int error = gl.get_error();
    gl.bind_texture(gl_texture_2d, 0);
    if (error != gl_no_error) {
        gl.delete_textures(1, &texture);
        return make_error("the white texel for flat shapes was refused (GL error " + std::to_string(error) + ")");
    }
    return std::unique_ptr<WhiteTexel>(new WhiteTexel(gl, texture));  // private constructor
}

WhiteTexel::~WhiteTexel() { gl_.delete_textures(1, &texture_); }

PackTextures::PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                           const GlFunctions& gl)
    : gl_(gl), directory_(directory), max_width_(max_width), max_height_(max_height) {
    for (const auto& image : pack.images) files_.push_back(image.file);
}

void PackTextures::start_decoding() {
    // The worker reads and decodes only: GL belongs to the render thread.
    decoding_ = std::make_unique<BackgroundTask<std::vector<Decoded>>>(
        [files = files_, directory = directory_, max_width = max_width_, max_height = max_height_](std::stop_token stop) {
            std::vector<Decoded> decoded;
            for (const auto& file : files) {
                if (stop.stop_requested()) break;
                decoded.push_back({file, decode_pack_image(directory, file, max_width, max_height)});
            }
            return decoded;
        });
}

PackTextures::Change PackTextures::follow(bool wanted) {
    if (decoding_ != nullptr) {
        if (!decoding_->finished()) return Change::none;
        auto decoded = decoding_->take();
        decoding_.reset();
        // Left for attract while the worker decoded: its pictures are dropped unseen.
        if (!decoded || !wanted) return Change::none;
        release();  // nothing is held here; this only starts the problems afresh
        gl_.pixel_store_i(gl_unpack_alignment, 1);
        for (const auto& picture : *decoded) upload(picture);
        gl_.bind_texture(gl_texture_2d, 0);
        held_ = true;
        return Change::uploaded;
    }
    if (wanted && !held_ && !files_.empty()) {
        start_decoding();
        return Change::none;
    }
    if (!wanted && held_) {
        release();
        return Change::released;
    }
    return Change::none;
}

void PackTextures::release() {
    if (!textures_.empty()) gl_.delete_textures(static_cast<int>(textures_.size()), textures_.data());
    textures_.clear();
    pictures_ = PackPictures{};
    uploaded_bytes_ = 0;
    held_ = false;
    // The driver's copies go back to the system now, not when glibc next trims its heap.
    malloc_trim(0);
}

void PackTextures::upload(const Decoded& decoded) {
    if (!decoded.image) {
        pictures_.add_problem(decoded.file, decoded.image.error().message);
        return;
    }
    const DecodedImage& image = *decoded.image;
    const unsigned int texture = new_bound_texture(gl_, gl_linear);
    textures_.push_back(texture);
    gl_.tex_image_2d(gl_texture_2d, 0, static_cast<int>(gl_rgba), image.width, image.height, 0, gl_rgba, gl_unsigned_byte,
                     image.rgba.data());
    if (const unsigned int error = gl_.get_error(); error != gl_no_error) {
        pictures_.add_problem(decoded.file, decoded.file + ": the GPU refused the texture (GL error " + std::to_string(error) + ")");
        return;
    }
    uploaded_bytes_ += image.rgba.size();
    pictures_.add(decoded.file, {reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)), image.width, image.height});
}

PackTextures::~PackTextures() {
    decoding_.reset();  // the worker stops at the next picture and is joined
    if (!textures_.empty()) gl_.delete_textures(static_cast<int>(textures_.size()), textures_.data());
}

}  // namespace flytthit::ui
