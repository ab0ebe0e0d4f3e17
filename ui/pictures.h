// The content pack's pictures as the screens see them: an opaque texture handle and its size
// per pack file. The platform layer fills it once (ui/platform/textures.h); the headless
// driver has none, and screens then draw a neutral frame (ui/widgets/picture_frame.h).
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace flytthit::ui {

struct Picture {
    ImTextureID texture = nullptr;
    int width = 0;   // as uploaded, after scaling to the screen
    int height = 0;
};

class PackPictures {
public:
    void add(const std::string& file, Picture picture) { pictures_[file] = picture; }
    // nullptr when file has no picture: none named, refused at load, or not uploaded.
    const Picture* find(const std::string& file) const {
        const auto found = pictures_.find(file);
        return found == pictures_.end() ? nullptr : &found->second;
    }
    bool empty() const { return pictures_.empty(); }

private:
    std::map<std::string, Picture> pictures_;
};

}  // namespace flytthit::ui
