// Checkpoints of the lead store's WAL taken between sign-ups, on a connection of their own,
// instead of inside the commit that crosses SQLite's threshold (LeadStore::defer_checkpoints
// says why). A checkpoint moves committed pages from the WAL into the database file; it
// never decides whether a lead is durable, which its commit already did.
#pragma once

#include "common/base/device_clock.h"
#include "common/base/result.h"
#include "firmware/background_task.h"
#include "firmware/store/lead_store.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

namespace flytthit {

// Copies what the WAL of data_dir's lead store holds into the database file and syncs it,
// without waiting for readers or writers (SQLite's PASSIVE checkpoint): a sign-up committing
// meanwhile goes on, and the next commit after a complete checkpoint starts the WAL from its
// beginning again. Opens and closes its own connection, so any thread may call it. Errors
// name the database and what failed; nothing committed is lost by one.
Status checkpoint_wal(const std::filesystem::path& data_dir);

// Makes data_dir's WAL file at least as long as the frames up to a checkpoint threshold of
// checkpoint_pages (and a margin) take, with zeros, and syncs it, so commits until the next
// checkpoint overwrite blocks the file already has: a commit that extends the file also makes
// its fdatasync write the inode, an I/O of its own (on an SD card, a second flash write per
// sign-up). Zeros past the WAL's last frame are no
// frame to SQLite (a frame counts only with the header's salt and a matching checksum), and
// the write lock is held throughout (BEGIN IMMEDIATE), so no commit writes meanwhile. Does
// nothing to a WAL as long already. Opens and closes its own connection.
Status preallocate_wal(const std::filesystem::path& data_dir, int checkpoint_pages);

// The kiosk's WAL work: at most one task at a time, on a worker thread. A poll() a few seconds
// after start preallocates the WAL to the store's checkpoint threshold; every poll starts a
// checkpoint when the store says one is due. A failed task is tried again after retry_after,
// not every frame.
class BackgroundCheckpoints {
public:
    static constexpr std::chrono::seconds retry_after{30};

    // The preallocation waits this long after construction: the first frames come first.
    static constexpr std::chrono::seconds preallocate_after{10};

    BackgroundCheckpoints(std::filesystem::path data_dir, MonotonicClock::time_point now);
    ~BackgroundCheckpoints();
    BackgroundCheckpoints(const BackgroundCheckpoints&) = delete;
    BackgroundCheckpoints& operator=(const BackgroundCheckpoints&) = delete;

    // Call between sign-ups, on store's thread (it only looks at the store): takes a finished
    // task's result and starts the next one due. Returns the error of a task that failed,
    // once, for the caller to report; ok otherwise. Nothing while store's checkpoints are not
    // deferred (LeadStore::defer_checkpoints).
    Status poll(LeadStore& store, MonotonicClock::time_point now);
    bool running() const { return task_ != nullptr; }
    int finished() const { return finished_; }  // checkpoints that completed, since start
    bool wal_preallocated() const { return wal_preallocated_; }

private:
    enum class Work { preallocation, checkpoint };
    std::filesystem::path data_dir_;
    MonotonicClock::time_point preallocate_from_;
    Work running_ = Work::preallocation;
    bool wal_preallocated_ = false;
    std::unique_ptr<BackgroundTask<Status>> task_;
    std::optional<MonotonicClock::time_point> failed_at_;
    int finished_ = 0;
};

}  // namespace flytthit
