// QR codes for the thank-you screen (the region's web page), made once by libqrencode and
// kept as a plain grid the UI draws with rectangles.
#pragma once

#include "common/base/result.h"

#include <string>
#include <vector>

namespace flytthit {

struct QrCode {
    int size = 0;               // modules per side
    std::vector<bool> dark;     // size * size, row by row

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Encodes text (a URL) with medium error correction. Fails on text libqrencode refuses.
Result<QrCode> make_qr_code(const std::string& text);

}  // namespace flytthit
