// The content pack's pictures as GL textures: each decoded once, scaled down to the screen
// (content_images.h), uploaded once, and deleted with this object, that is with the pack the
// kiosk runs on. Needs the GL context current while it lives. A picture that cannot be
// decoded or uploaded is left out (the screen draws a neutral frame) and reported.
#pragma once

#include "common/content/content_pack.h"
#include "ui/pictures.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flytthit::ui {

class PackTextures {
public:
    // Uploads every picture of pack, read from directory, to fit max_width x max_height.
    // Problems ("images/roros.png: ...") are appended to problems; never fails as a whole.
    PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                 std::vector<std::string>& problems);
    ~PackTextures();
    PackTextures(const PackTextures&) = delete;
    PackTextures& operator=(const PackTextures&) = delete;

    const PackPictures& pictures() const { return pictures_; }
    std::size_t uploaded_bytes() const { return uploaded_bytes_; }

private:
    void (*delete_textures_)(int count, const unsigned int* textures) = nullptr;
    std::vector<unsigned int> textures_;
    PackPictures pictures_;
    std::size_t uploaded_bytes_ = 0;
};

}  // namespace flytthit::ui
