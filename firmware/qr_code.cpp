// QR codes; see qr_code.h.
#include "firmware/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace flytthit {

namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrCode> make_qr_code(const std::string& text) {
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) return make_error("cannot make a QR code for \"" + text.substr(0, 60) + "\"");
    QrCode qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<std::size_t>(qr.size * qr.size));
    for (int i = 0; i < qr.size * qr.size; ++i) qr.dark[static_cast<std::size_t>(i)] = (code->data[i] & 1) != 0;
    return qr;
}

}  // namespace flytthit
