// The content pack's pictures as GL textures; see textures.h.
#include "ui/platform/textures.h"

#include <cstdint>

namespace flytthit::ui {

PackTextures::PackTextures(const ContentPack& pack, const std::filesystem::path& directory, int max_width, int max_height,
                           const GlFunctions& gl)
    : gl_(gl) {
    std::vector<std::string> files;
    for (const auto& image : pack.images) files.push_back(image.file);
    if (files.empty()) return;
    // The worker reads and decodes only: GL belongs to the render thread.
    decoding_ = std::make_unique<BackgroundTask<std::vector<Decoded>>>(
        [files = std::move(files), directory, max_width, max_height](std::stop_token stop) {
            std::vector<Decoded> decoded;
            for (const auto& file : files) {
                if (stop.stop_requested()) break;
                decoded.push_back({file, decode_pack_image(directory, file, max_width, max_height)});
            }
            return decoded;
        });
}

bool PackTextures::upload_when_decoded() {
    if (decoding_ == nullptr || !decoding_->finished()) return false;
    auto decoded = decoding_->take();
    decoding_.reset();
    if (!decoded) return false;
    gl_.pixel_store_i(gl_unpack_alignment, 1);
    for (const auto& picture : *decoded) upload(picture);
    gl_.bind_texture(gl_texture_2d, 0);
    return true;
}

void PackTextures::upload(const Decoded& decoded) {
    if (!decoded.image) {
        pictures_.add_problem(decoded.file, decoded.image.error().message);
        return;
    }
    const DecodedImage& image = *decoded.image;
    unsigned int texture = 0;
    gl_.gen_textures(1, &texture);
    textures_.push_back(texture);
    gl_.bind_texture(gl_texture_2d, texture);
    gl_.tex_parameter_i(gl_texture_2d, gl_texture_min_filter, gl_linear);
    gl_.tex_parameter_i(gl_texture_2d, gl_texture_mag_filter, gl_linear);
    gl_.tex_parameter_i(gl_texture_2d, gl_texture_wrap_s, gl_clamp_to_edge);
    gl_.tex_parameter_i(gl_texture_2d, gl_texture_wrap_t, gl_clamp_to_edge);
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
