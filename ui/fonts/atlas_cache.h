// A baked font atlas kept in a file in the data directory, so that a start restores it in a few
// milliseconds instead of rasterising every glyph again with stb_truetype (issue 18 item 1).
// The file holds the glyph tables and the one-channel pixels, after a digest of what they were
// baked from (the fonts' bytes, sizes, glyph ranges and ImGui's version: font_sets.cpp makes
// it), and ends with a digest of itself, so a file baked from other fonts, or damaged on the
// SD card, is never taken: the caller bakes again and writes it anew.
#pragma once

#include "common/base/result.h"

#include <imgui.h>

#include <array>
#include <filesystem>
#include <string_view>

namespace flytthit::ui {

// BLAKE2b-256 (libsodium's generichash) of what an atlas is baked from.
using AtlasDigest = std::array<unsigned char, 32>;
AtlasDigest digest_of(std::string_view bytes);

// Writes atlas (built: its fonts and its Alpha8 pixels, before the upload frees them) to file,
// atomically, marked as baked from baked_from.
Status save_baked_atlas(const ImFontAtlas& atlas, const AtlasDigest& baked_from, const std::filesystem::path& file);

// Fills atlas, which must be empty (cleared), from file when the file holds an atlas baked from
// baked_from: its fonts in the order they were added, its pixels, ready to upload, as Build()
// then ClearInputData() leave it. Otherwise an error says why (unavailable: there is no such
// file; bad input: baked from something else; damaged store: the file is not what
// save_baked_atlas wrote) and atlas is left empty.
Status restore_baked_atlas(ImFontAtlas& atlas, const AtlasDigest& baked_from, const std::filesystem::path& file);

}  // namespace flytthit::ui
