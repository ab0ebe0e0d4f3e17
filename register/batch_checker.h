// The register's batch checker: a thread that reads the batches kiosks delivered (POST
// /v1/batches), oldest first, while the HTTP threads go on acknowledging new ones. What one
// check does is the caller's (http_api.cpp's Service::check_next_batch): this class owns only
// the thread, its wake-ups and its waits.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace flytthit::reg {

// When reading starts after deliveries come. A kiosk delivers its batches back to back,
// and reading beside them (opening 500 sealed boxes a batch, then storing the leads with an
// fsync of its own) takes the CPU and the disk the acknowledgements need: on a 2-core
// register a sync of 10 000 leads was held a fifth later. So reading waits until no
// delivery has come for `quiet`, but never longer than `longest_wait` after the first one
// woke it: a register that kiosks deliver to without pause still reads.
struct CheckPacing {
    std::chrono::milliseconds quiet{150};
    std::chrono::milliseconds longest_wait{2000};
};

class BatchChecker {
public:
    // What one call of check_next did.
    enum class Step {
        checked,  // read one batch (stored its leads or refused it): look for the next at once
        idle,     // nothing waiting: sleep until woken, then until deliveries pause
        failed,   // the store failed (a full disk, say): the batch stays, and is tried again later
    };

    // Starts the thread, which first checks whatever an earlier run left unchecked, at once.
    explicit BatchChecker(std::function<Step()> check_next, CheckPacing pacing = {});
    // Stops the thread after the check it is in, if any.
    ~BatchChecker();
    BatchChecker(const BatchChecker&) = delete;
    BatchChecker& operator=(const BatchChecker&) = delete;

    // A batch was delivered: check it soon.
    void wake();

    // The longest a failing store waits between tries: short enough that a freed disk is
    // noticed quickly, long enough not to fill the log.
    static constexpr std::chrono::milliseconds longest_retry_wait{5000};

private:
    void run(std::stop_token stop);
    // Waits, holding lock, until deliveries pause (see CheckPacing).
    void wait_for_quiet(std::unique_lock<std::mutex>& lock, std::stop_token stop);

    std::function<Step()> check_next_;
    const CheckPacing pacing_;
    std::mutex mutex_;
    std::condition_variable_any woken_;
    bool wake_requested_ = true;
    std::chrono::steady_clock::time_point last_wake_{};
    std::jthread thread_;  // last: started once everything it uses exists
};

}  // namespace flytthit::reg
