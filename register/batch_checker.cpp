// The register's batch checker; see batch_checker.h.
#include "register/batch_checker.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace flytthit::reg {

namespace {

// Starts a thread with every signal blocked: it inherits the mask of the thread that makes it,
// and a SIGTERM the kernel handed to it would end the register where it stands instead of
// reaching the thread that stops the server (serve()'s StopOnSignal, which may come later).
std::jthread start_with_signals_blocked(std::function<void(std::stop_token)> body) {
    sigset_t all;
    sigset_t before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    std::jthread thread(std::move(body));
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return thread;
}

}  // namespace

BatchChecker::BatchChecker(std::function<Step()> check_next, CheckPacing pacing)
    : check_next_(std::move(check_next)), pacing_(pacing), thread_(start_with_signals_blocked([this](std::stop_token stop) { run(stop); })) {}

BatchChecker::~BatchChecker() {
    thread_.request_stop();
    thread_.join();
}

void BatchChecker::wake() {
    {
        std::lock_guard lock(mutex_);
        wake_requested_ = true;
        last_wake_ = std::chrono::steady_clock::now();
    }
    woken_.notify_one();
}

void BatchChecker::wait_for_quiet(std::unique_lock<std::mutex>& lock, std::stop_token stop) {
    const auto give_up_at = std::chrono::steady_clock::now() + pacing_.longest_wait;
    for (;;) {
        const auto until = std::min(last_wake_ + pacing_.quiet, give_up_at);
        if (std::chrono::steady_clock::now() >= until || stop.stop_requested()) return;
        // Only the deadline ends this wait; a delivery meanwhile moved last_wake_, so the
        // deadline is worked out again.
        woken_.wait_until(lock, stop, until, [] { return false; });
    }
}

void BatchChecker::run(std::stop_token stop) {
    // Nicer than the threads that answer kiosks and hosts: an acknowledgement or a page is
    // someone waiting; a check is not. On Linux a thread's nice value is its own.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    std::chrono::milliseconds retry_wait{100};
    while (!stop.stop_requested()) {
        {
            std::lock_guard lock(mutex_);
            wake_requested_ = false;
        }
        const Step step = check_next_();
        std::unique_lock lock(mutex_);
        if (step == Step::checked) {
            retry_wait = std::chrono::milliseconds{100};
        } else if (step == Step::idle) {
            woken_.wait(lock, stop, [this] { return wake_requested_; });
            wait_for_quiet(lock, stop);
        } else {
            woken_.wait_for(lock, stop, retry_wait, [] { return false; });
            retry_wait = std::min(retry_wait * 2, longest_retry_wait);
        }
    }
}

}  // namespace flytthit::reg
