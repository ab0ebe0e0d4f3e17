// Staff mode's pairing from a USB stick (the StaffMode members declared in staff_mode.h
// under "pairing"): the files on the sticks are looked for and read
// on workers, as the USB export is, so a slow or pulled stick never stops a frame.
#include "firmware/staff/staff_mode.h"

#include <algorithm>

namespace flytthit {

std::string_view StaffMode::pairing_advice_key() const {
    return health_read_ && sealing_is_demo_ && !sealing_error_ ? "staff.unpaired" : "";
}

void StaffMode::open_pairing() {
    pairing_result_.reset();
    if (pairing_scan_) return;  // already looking
    // Reading /proc/mounts is kernel memory (fine here); listing a stick is device I/O.
    pairing_scan_ = std::make_unique<BackgroundTask<std::vector<std::filesystem::path>>>(
        [mounts = usb_roots_.empty() ? find_usb_mounts() : usb_roots_](std::stop_token) { return find_pairing_files(mounts); });
}

ScreenId StaffMode::handle(const intent::PairFrom& pair, ScreenId screen, MonotonicClock::time_point) {
    if (screen != ScreenId::staff_pairing || pairing_task_) return screen;
    // Only a file the scan found: an intent cannot name any path on the kiosk.
    const std::filesystem::path file(pair.file);
    if (std::find(pairing_files_.begin(), pairing_files_.end(), file) == pairing_files_.end()) return screen;
    pairing_result_.reset();
    pairing_task_ = std::make_unique<BackgroundTask<Result<Pairing>>>(
        [file, data_dir = data_dir_](std::stop_token) { return pair_from_file(file, data_dir); });
    return screen;
}

void StaffMode::poll_pairing() {
    if (pairing_scan_ && pairing_scan_->finished()) {
        pairing_files_ = pairing_scan_->take().value_or(std::vector<std::filesystem::path>{});
        if (auto failure = pairing_scan_->failure()) report(*failure);
        pairing_scan_.reset();
    }
    if (pairing_task_ && pairing_task_->finished()) {
        pairing_result_ = pairing_task_->take();
        pairing_task_.reset();
        if (pairing_result_ && *pairing_result_) refresh_home();  // the health panel reads the new pairing's key
    }
}

}  // namespace flytthit
