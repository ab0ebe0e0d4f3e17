// The staff PIN; see staff_pin.h.
#include "firmware/staff/staff_pin.h"

#include <sodium.h>

#include <algorithm>

namespace flytthit {

bool is_acceptable_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> hash_pin(std::string_view pin) {
    if (sodium_init() < 0) return make_error("libsodium failed to start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return make_error("hashing the PIN failed: out of memory");
    }
    return std::string(hash);
}

bool pin_matches(const std::string& hash, std::string_view pin) {
    if (sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

PinLockout::PinLockout(int failures, MonotonicClock::time_point now) : failures_(std::max(failures, 0)) {
    if (failures_ >= free_tries) lock_from(now);
}

std::optional<std::chrono::seconds> PinLockout::locked_for(MonotonicClock::time_point now) const {
    if (now >= locked_until_) return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(locked_until_ - now);
}

void PinLockout::record_failure(MonotonicClock::time_point now) {
    ++failures_;
    if (failures_ >= free_tries) lock_from(now);
}

void PinLockout::record_success() {
    failures_ = 0;
    locked_until_ = {};
}

void PinLockout::lock_from(MonotonicClock::time_point now) {
    // 30 s after the fifth wrong try, doubling with each one after, up to an hour.
    const int doublings = std::min(failures_ - free_tries, 7);
    locked_until_ = now + std::min<std::chrono::seconds>(first_lockout * (1 << doublings), longest_lockout);
}

}  // namespace flytthit
