// The staff PIN: stored only as an Argon2id hash (libsodium crypto_pwhash_str), with a
// lock-out that grows after five wrong tries so a visitor cannot guess it at the stand.
#pragma once

#include "common/base/device_clock.h"
#include "common/base/result.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace flytthit {

// 4 to 8 digits: typed on a keypad by people in a hurry.
bool is_acceptable_pin(std::string_view pin);

// Argon2id with libsodium's interactive limits. Slow on purpose (a fraction of a second on
// a Pi): a stolen hash must not give the PIN away by brute force.
Result<std::string> hash_pin(std::string_view pin);
bool pin_matches(const std::string& hash, std::string_view pin);

class PinLockout {
public:
    static constexpr int free_tries = 5;
    static constexpr std::chrono::seconds first_lockout{30};
    static constexpr std::chrono::seconds longest_lockout{3600};

    // failures: wrong tries so far (kept across restarts, so pulling the plug does not reset
    // them). A kiosk that starts with five or more is locked from now.
    PinLockout(int failures, MonotonicClock::time_point now);

    // How long entry is still locked, or nullopt when a PIN may be tried.
    std::optional<std::chrono::seconds> locked_for(MonotonicClock::time_point now) const;
    void record_failure(MonotonicClock::time_point now);
    void record_success();
    int failures() const { return failures_; }

private:
    void lock_from(MonotonicClock::time_point now);
    int failures_;
    MonotonicClock::time_point locked_until_{};
};

}  // namespace flytthit
