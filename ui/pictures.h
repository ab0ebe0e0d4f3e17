// The content pack's pictures as the screens see them: an opaque texture handle and its size
// per pack file, and the pictures that could not be shown. The platform layer fills it once
// (ui/platform/textures.h); the headless driver has none, and screens then draw a neutral
// frame (ui/widgets/picture_frame.h).
#pragma once

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace flytthit::ui {

// A picture the pack names that cannot be shown: the file and why ("broken picture, ...").
struct PictureProblem {
    std::string file;
    std::string message;
};

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
    // A picture that checked at load but could not be decoded or uploaded: staff home lists it.
    void add_problem(const std::string& file, std::string message) { problems_.push_back({file, std::move(message)}); }
    const std::vector<PictureProblem>& problems() const { return problems_; }

private:
    std::map<std::string, Picture> pictures_;
    std::vector<PictureProblem> problems_;
};

}  // namespace flytthit::ui
