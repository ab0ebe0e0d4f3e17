// The GL textures the kiosk draws with: the font atlas (FontTexture), and the content pack's
// pictures (PackTextures).
//
// The content pack's pictures as GL textures: each decoded once, scaled down to the screen
// (content_images.h), on a worker so the first frame never waits for it; uploaded on the
// render thread when the worker is done, and deleted with this object, that is with the pack
// the kiosk runs on. Until then (and for a picture that cannot be decoded or uploaded) the
// screens draw a neutral frame; every such problem goes into pictures().problems(), which
// staff home lists. Needs the GL context current while it lives.
#pragma once

#include "common/content/content_images.h"
#include "common/content/content_pack.h"
#include "firmware/background_task.h"
#include "ui/pictures.h"
#include "ui/platform/gl_functions.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flytthit::ui {

// The font atlas ImGui baked (io.Fonts, single-channel coverage), as one GL texture sampled
// as (1, 1, 1, coverage), which is what the OpenGL3 backend's shader multiplies by: one byte a
// texel where the context can swizzle (desktop GL 3.3 or GL_ARB/EXT_texture_swizzle, GL ES 3),
// two (luminance-alpha) on GL ES 2, four (RGBA) only on a desktop GL without swizzles. Once
// uploaded, the atlas's CPU-side pixels are freed: the texture is the only copy. Nothing reads
// them later (a screenshot reads the frame buffer; the headless driver has its own context and
// never uploads). The fonts must not be rebuilt while this lives: a rebuild would bake again.
// Needs the GL context current while it lives; deletes the texture with itself.
class FontTexture {
public:
    // On the render thread, once, after the atlas is built and the ImGui backends started.
    // Fails only when no format could be uploaded (the GL error is in the message).
    static Result<std::unique_ptr<FontTexture>> upload(const GlFunctions& gl);
    ~FontTexture();
    FontTexture(const FontTexture&) = delete;
    FontTexture& operator=(const FontTexture&) = delete;

    // "2048x2048, one channel (swizzled), 4096 KiB": for the log and docs/PERFORMANCE.md.
    const std::string& description() const { return description_; }

private:
    FontTexture(const GlFunctions& gl, unsigned int texture, std::string description)
        : gl_(gl), texture_(texture), description_(std::move(description)) {}
    const GlFunctions& gl_;
    unsigned int texture_;
    std::string description_;
};

class PackTextures {
public:
    // Starts decoding every picture of pack, read from directory, to fit max_width x max_height.
    PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                 const GlFunctions& gl);
    ~PackTextures();
    PackTextures(const PackTextures&) = delete;
    PackTextures& operator=(const PackTextures&) = delete;

    // On the render thread, each frame: uploads the pictures once the worker has decoded them.
    // Returns true in the frame it uploaded (the screen should be drawn again).
    bool upload_when_decoded();
    // True while the worker still decodes.
    bool pending() const { return decoding_ != nullptr; }

    const PackPictures& pictures() const { return pictures_; }
    std::size_t uploaded_bytes() const { return uploaded_bytes_; }

private:
    struct Decoded {
        std::string file;
        Result<DecodedImage> image;
    };
    void upload(const Decoded& decoded);

    const GlFunctions& gl_;
    std::unique_ptr<BackgroundTask<std::vector<Decoded>>> decoding_;
    std::vector<unsigned int> textures_;
    PackPictures pictures_;
    std::size_t uploaded_bytes_ = 0;
};

}  // namespace flytthit::ui
