// Sync on a worker thread; see sync_worker.h.
#include "firmware/sync/sync_worker.h"

namespace flytthit {

SyncWorker::SyncWorker(std::filesystem::path data_dir, SyncSettings settings)
    : thread_([this, data_dir = std::move(data_dir), settings = std::move(settings)](std::stop_token stop) {
          auto fail = [this](const Error& error) {
              SyncProgress failed;
              failed.set_error(error);
              failed.finished = true;
              publish(failed);
          };
          auto pairing = load_pairing(data_dir);
          if (!pairing) return fail(pairing.error());
          auto store = LeadStore::open(data_dir);
          if (!store) return fail(store.error());
          SyncClient client(*store, std::move(*pairing), settings);
          client.run([this](const SyncProgress& progress) { publish(progress); }, stop);
      }) {}

SyncWorker::~SyncWorker() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
}

SyncProgress SyncWorker::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

void SyncWorker::publish(const SyncProgress& progress) {
    std::lock_guard lock(mutex_);
    progress_ = progress;
}

}  // namespace flytthit
