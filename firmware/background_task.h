// One piece of slow work (a USB export, setting the clock, an Argon2id PIN check, reading the
// health panel) on its own thread, so the render thread never waits on it: the same pattern
// as the sync worker. The frame loop asks finished() and take()s the result once; the work
// must not touch ImGui, and must open its own store connection if it needs one (a LeadStore
// belongs to one thread).
#pragma once

#include "common/base/result.h"

#include <algorithm>
#include <exception>
#include <string>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace flytthit {

// What every task is, whatever its result: something that finishes. Lets an owner keep tasks
// of different result types in one list (see RetiringTasks).
class BackgroundWork {
public:
    virtual ~BackgroundWork() = default;
    virtual bool finished() const = 0;
};

template <class T>
struct IsResult : std::false_type {};
template <class U>
struct IsResult<Result<U>> : std::true_type {};

// An exception escaping the work becomes a value instead of reaching std::terminate on the
// worker thread: for Result work, its error; for other work, take() gives nullopt and
// failure() says what was thrown. Work should return errors as values in the first place.
template <class T>
class BackgroundTask final : public BackgroundWork {
public:
    // Starts work at once on a new thread. work gets a stop token it may honour.
    template <class Work>
    explicit BackgroundTask(Work work)
        : thread_([this, work = std::move(work)](std::stop_token stop) mutable {
              static_assert(std::is_invocable_r_v<T, Work&, std::stop_token>, "work takes a stop token and returns T");
              try {
                  T result = work(stop);
                  finish(std::move(result));
              } catch (const std::exception& thrown) {
                  threw(thrown.what());
              } catch (...) {
                  threw("an unknown exception");
              }
          }) {}
    ~BackgroundTask() override = default;  // the jthread asks the work to stop and joins it
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    bool finished() const override {
        std::lock_guard lock(mutex_);
        return done_;
    }
    // The result, once, after the work finished; nullopt before that (and after it was taken,
    // or when non-Result work threw: see failure()).
    std::optional<T> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(result_, std::nullopt);
    }
    // What the work threw, when it did and T is not a Result; nullopt otherwise.
    std::optional<Error> failure() const {
        std::lock_guard lock(mutex_);
        return failure_;
    }

private:
    void finish(T result) {
        std::lock_guard lock(mutex_);
        result_ = std::move(result);
        done_ = true;
    }
    void threw(const char* what) {
        Error error = make_error(std::string("background work threw: ") + what);
        std::lock_guard lock(mutex_);
        if constexpr (IsResult<T>::value) result_ = T(std::move(error));
        else failure_ = std::move(error);
        done_ = true;
    }

    mutable std::mutex mutex_;
    std::optional<T> result_;
    std::optional<Error> failure_;
    bool done_ = false;
    std::jthread thread_;  // last: it starts after everything it uses exists
};

// Tasks whose results nobody wants any more (staff left while a PIN check ran): kept here
// until they finish, so dropping one never joins a running thread on the render thread.
class RetiringTasks {
public:
    // Takes task over; a finished one is freed at once.
    void retire(std::unique_ptr<BackgroundWork> task) {
        if (task && !task->finished()) tasks_.push_back(std::move(task));
    }
    // Frees the tasks that have finished; call it each frame.
    void collect() {
        std::erase_if(tasks_, [](const std::unique_ptr<BackgroundWork>& task) { return task->finished(); });
    }
    // How many retired tasks are still running.
    std::size_t running() const {
        return static_cast<std::size_t>(std::count_if(tasks_.begin(), tasks_.end(),
                                                      [](const std::unique_ptr<BackgroundWork>& task) { return !task->finished(); }));
    }

private:
    std::vector<std::unique_ptr<BackgroundWork>> tasks_;
};

}  // namespace flytthit
