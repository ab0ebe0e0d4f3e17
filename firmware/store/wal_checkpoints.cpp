// See wal_checkpoints.h.
#include "firmware/store/wal_checkpoints.h"

#include "common/base/file_io.h"
#include "common/base/sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>
#include <vector>

namespace flytthit {

namespace {

// A connection to data_dir's existing lead store, syncing as every connection of it does.
Result<Database> open_existing_store(const std::filesystem::path& data_dir, const std::string& what) {
    const auto path = data_dir / LeadStore::database_file_name;
    // A checkpoint of a store that is not there must not make an empty one.
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return make_error(path.string() + ": " + what + ": no such database", ErrorKind::unavailable);
    auto db = Database::open(path);
    if (!db) return with_context(what, db.error());
    if (auto set = db->exec("PRAGMA synchronous = FULL"); !set) return with_context(what, set.error());
    return db;
}

}  // namespace

Status checkpoint_wal(const std::filesystem::path& data_dir) {
    auto db = open_existing_store(data_dir, "checkpoint");
    if (!db) return db.error();
    if (sqlite3_wal_checkpoint_v2(db->raw(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) != SQLITE_OK) {
        return sqlite_error(db->raw(), db->path().string() + ": checkpoint");
    }
    return ok_status();
}

Status preallocate_wal(const std::filesystem::path& data_dir, int checkpoint_pages) {
    // Room for the frames up to the threshold and a tenth more: the commit that crosses it,
    // and those made before the checkpoint has run.
    const int pages = checkpoint_pages + checkpoint_pages / 10 + 16;
    auto db = open_existing_store(data_dir, "preallocating the WAL");
    if (!db) return db.error();
    auto page_size = db->query_int("PRAGMA page_size");
    if (!page_size) return with_context("preallocating the WAL", page_size.error());
    auto locked = Transaction::begin_immediate(*db);  // never committed: it only holds the lock
    if (!locked) return with_context("preallocating the WAL", locked.error());
    // The WAL's layout (sqlite.org/walformat.html): a 32-byte header, then per frame a 24-byte
    // frame header and the page.
    const off_t wanted = 32 + static_cast<off_t>(pages) * (24 + static_cast<off_t>(*page_size));
    const auto wal_path = db->path().string() + "-wal";
    const OpenFile wal(::open(wal_path.c_str(), O_WRONLY | O_CLOEXEC));
    if (wal.fd() < 0) return errno_error("preallocating the WAL: opening " + wal_path, errno);
    struct stat status {};
    if (::fstat(wal.fd(), &status) != 0) return errno_error("preallocating the WAL: " + wal_path, errno);
    if (status.st_size >= wanted) return ok_status();
    // Written zeros, not fallocate(): a block fallocate reserves is marked unwritten, and the
    // first write into it changes the file's metadata all the same.
    const std::vector<char> zeros(64 * 1024, 0);
    for (off_t at = status.st_size; at < wanted;) {
        const auto chunk = static_cast<std::size_t>(std::min<off_t>(static_cast<off_t>(zeros.size()), wanted - at));
        const ssize_t written = ::pwrite(wal.fd(), zeros.data(), chunk, at);
        // Zeros written before a failure (a full disk) stay: they are no frame, and SQLite's
        // next frames go there anyway.
        if (written < 0) return errno_error("preallocating the WAL: writing " + wal_path, errno);
        at += written;
    }
    if (::fdatasync(wal.fd()) != 0) return errno_error("preallocating the WAL: syncing " + wal_path, errno);
    return ok_status();
}

BackgroundCheckpoints::BackgroundCheckpoints(std::filesystem::path data_dir, MonotonicClock::time_point now)
    : data_dir_(std::move(data_dir)), preallocate_from_(now + preallocate_after) {}

BackgroundCheckpoints::~BackgroundCheckpoints() = default;  // a running checkpoint is let finish, then joined

Status BackgroundCheckpoints::poll(LeadStore& store, MonotonicClock::time_point now) {
    if (store.checkpoint_pages() == 0) return ok_status();  // SQLite checkpoints by itself
    Status outcome = ok_status();
    if (task_ && task_->finished()) {
        auto result = task_->take();
        task_.reset();
        if (result && result->ok()) {
            failed_at_.reset();
            if (running_ == Work::preallocation) {
                wal_preallocated_ = true;
            } else {
                ++finished_;
                store.checkpoint_taken();
            }
        } else {
            failed_at_ = now;
            outcome = result ? *result : make_error("WAL work: the worker gave no result");
        }
    }
    if (task_ || (failed_at_ && now - *failed_at_ < retry_after)) return outcome;
    // A due checkpoint first: it empties the WAL the preallocation would lengthen.
    if (store.checkpoint_due()) {
        running_ = Work::checkpoint;
        task_ = std::make_unique<BackgroundTask<Status>>([dir = data_dir_](std::stop_token) { return checkpoint_wal(dir); });
    } else if (!wal_preallocated_ && now >= preallocate_from_) {
        running_ = Work::preallocation;
        task_ = std::make_unique<BackgroundTask<Status>>(
            [dir = data_dir_, pages = store.checkpoint_pages()](std::stop_token) { return preallocate_wal(dir, pages); });
    }
    return outcome;
}

}  // namespace flytthit
