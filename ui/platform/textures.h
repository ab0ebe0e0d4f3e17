// The GL textures the kiosk draws with: the font atlas (FontTexture), the white texel of the
// flat shapes (WhiteTexel), and the content pack's pictures (PackTextures).
//
// The content pack's pictures as GL textures, held only while a screen that may show them is
// up: the attract screen, where the kiosk spends most of a fair, shows none, and eight
// pictures at 960x540 are 16 MiB of texture (on the Pi's shared memory, or llvmpipe's heap).
// Wanted again (the first touch leaves attract), each is decoded, scaled down to the screen
// (content_images.h), on a worker so no frame waits for it, and uploaded on the render thread
// when the worker is done: the jewel box comes before any page with a picture, so a visitor
// never sees the wait; a screen that comes up first meanwhile draws a neutral frame. Back on
// attract they are deleted. A picture that cannot be decoded or uploaded keeps a neutral frame;
// every such problem goes into pictures().problems(), which staff home lists. Needs the GL
// context current while it lives.
#pragma once

#include "common/content/content_images.h"
#include "common/content/content_pack.h"
#include "firmware/background_task.h"
#include "ui/pictures.h"
#include "ui/platform/gl_functions.h"

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flytthit::ui {

// A font atlas (ImGui's own, or the large-text set's: single-channel coverage), as one GL texture sampled
// as (1, 1, 1, coverage), which is what the OpenGL3 backend's shader multiplies by: one byte a
// texel where the context can swizzle (desktop GL 3.3 or GL_ARB/EXT_texture_swizzle, GL ES 3),
// two (luminance-alpha) on GL ES 2, four (RGBA) only on a desktop GL without swizzles. Once
// uploaded, the atlas's CPU-side pixels are freed: the texture is the only copy. Nothing reads
// them later (a screenshot reads the frame buffer; the headless driver has its own context and
// never uploads). The fonts must not be rebuilt while this lives: a rebuild would bake again.
// Needs the GL context current while it lives; deletes the texture with itself.
class FontTexture {
public:
    // On the render thread, after atlas is built and the ImGui backends started: uploads its
    // pixels, gives atlas the texture's id and frees the pixels (the texture is the only copy).
    // Fails only when no format could be uploaded (the GL error is in the message). atlas
    // outlives the texture.
    static Result<std::unique_ptr<FontTexture>> upload(const GlFunctions& gl, ImFontAtlas& atlas);
    ~FontTexture();
    FontTexture(const FontTexture&) = delete;
    FontTexture& operator=(const FontTexture&) = delete;

    // "2048x2048, one channel (swizzled), 4096 KiB": for the log and docs/PERFORMANCE.md.
    const std::string& description() const { return description_; }

private:
    FontTexture(const GlFunctions& gl, ImFontAtlas& atlas, unsigned int texture, std::string description)
        : gl_(gl), atlas_(atlas), texture_(texture), description_(std::move(description)) {}
    const GlFunctions& gl_;
    ImFontAtlas& atlas_;
    unsigned int texture_;
    std::string description_;
};

// One white texel, sampled nearest, for the flat shapes (ui/render/flat_shapes.h): 4 bytes.
// Needs the GL context current while it lives; deletes the texture with itself.
class WhiteTexel {
public:
    // On the render thread. Fails with the GL error when the texture is refused.
    static Result<std::unique_ptr<WhiteTexel>> upload(const GlFunctions& gl);
    ~WhiteTexel();
    WhiteTexel(const WhiteTexel&) = delete;
    WhiteTexel& operator=(const WhiteTexel&) = delete;

    ImTextureID id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_)); }

private:
    WhiteTexel(const GlFunctions& gl, unsigned int texture) : gl_(gl), texture_(texture) {}
    const GlFunctions& gl_;
    unsigned int texture_;
};

class PackTextures {
public:
    // The pictures of pack, read from directory, to fit max_width x max_height; none decoded yet.
    PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                 const GlFunctions& gl);
    ~PackTextures();
    PackTextures(const PackTextures&) = delete;
    PackTextures& operator=(const PackTextures&) = delete;

    enum class Change { none, uploaded, released };
    // On the render thread, each frame, with whether the current screen may show a picture:
    // starts the worker when they are wanted and not held, uploads what it decoded once it is
    // done (if still wanted), deletes them when no longer wanted. Says what it did: after
    // uploaded the screen should be drawn again.
    Change follow(bool wanted);
    // True while the worker still decodes.
    bool pending() const { return decoding_ != nullptr; }

    const PackPictures& pictures() const { return pictures_; }
    // What the last upload holds on the GPU.
    std::size_t uploaded_bytes() const { return uploaded_bytes_; }

private:
    struct Decoded {
        std::string file;
        Result<DecodedImage> image;
    };
    void start_decoding();
    void upload(const Decoded& decoded);
    void release();

    const GlFunctions& gl_;
    std::vector<std::string> files_;
    std::filesystem::path directory_;
    int max_width_, max_height_;
    std::unique_ptr<BackgroundTask<std::vector<Decoded>>> decoding_;
    std::vector<unsigned int> textures_;
    bool held_ = false;  // uploaded and not yet released (even when every picture failed)
    PackPictures pictures_;
    std::size_t uploaded_bytes_ = 0;
};

}  // namespace flytthit::ui
