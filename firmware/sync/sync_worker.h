// Runs a sync on its own thread with its own store connection, so the render thread never
// waits on the network. The UI reads progress() each frame and may cancel().
#pragma once

#include "firmware/sync/sync_client.h"

#include <filesystem>
#include <mutex>
#include <thread>

namespace flytthit {

class SyncWorker {
public:
    // Starts the sync at once. Errors opening the store or reading the pairing end the sync
    // and show in progress().last_error.
    SyncWorker(std::filesystem::path data_dir, SyncSettings settings);
    ~SyncWorker();  // cancels and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    SyncProgress progress() const;
    void cancel() { thread_.request_stop(); }

private:
    void publish(const SyncProgress& progress);

    mutable std::mutex mutex_;
    SyncProgress progress_;
    std::jthread thread_;  // last: it starts after everything it uses exists
};

}  // namespace flytthit
