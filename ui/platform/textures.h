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
