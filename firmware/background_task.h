// One piece of slow work (a USB export, setting the clock, an Argon2id PIN check, reading the
// health panel) on its own thread, so the render thread never waits on it: the same pattern
// as the sync worker. The frame loop asks finished() and take()s the result once; the work
// must not touch ImGui, and must open its own store connection if it needs one (a LeadStore
// belongs to one thread).
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>

namespace flytthit {

template <class T>
class BackgroundTask {
public:
    // Starts work at once on a new thread. work gets a stop token it may honour.
    explicit BackgroundTask(std::function<T(std::stop_token)> work)
        : thread_([this, work = std::move(work)](std::stop_token stop) {
              T result = work(stop);
              std::lock_guard lock(mutex_);
              result_ = std::move(result);
              done_ = true;
          }) {}
    ~BackgroundTask() = default;  // the jthread asks the work to stop and joins it
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    bool finished() const {
        std::lock_guard lock(mutex_);
        return done_;
    }
    // The result, once, after the work finished; nullopt before that (and after it was taken).
    std::optional<T> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(result_, std::nullopt);
    }

private:
    mutable std::mutex mutex_;
    std::optional<T> result_;
    bool done_ = false;
    std::jthread thread_;  // last: it starts after everything it uses exists
};

}  // namespace flytthit
