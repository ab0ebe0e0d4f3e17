// The register's inbox: batches kiosks delivered (POST /v1/batches), their bodies exactly as
// received, until the batch checker has read them. A database of its own (inbox.db), beside
// register.db, so that storing a delivery never waits for the checker's transaction of a
// whole batch's leads, nor the checker for a delivery: each has its own WAL and its own fsync.
// It locks itself: the HTTP threads and the checker use it at once.
#pragma once

#include "common/base/result.h"
#include "common/base/sqlite_db.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace flytthit::reg {

struct Device {
    std::int64_t id = 0;
    std::string name;
};

// What became of a delivered batch's bytes.
struct Delivery {
    bool stored = false;         // newly stored now
    bool stored_before = false;  // the same body from the same device: the same batch
    bool over_limit = false;     // not stored: the device has protocol::max_unchecked_bytes waiting already
};

// A delivered batch the checker has not read yet.
struct UncheckedBatch {
    Device device;
    std::string batch_sha256;
    std::string body;
};

class BatchInbox {
public:
    static constexpr const char* database_file_name = "inbox.db";

    // Opens <dir>/inbox.db, creating it as needed.
    static Result<std::unique_ptr<BatchInbox>> open(const std::filesystem::path& dir);

    // Stores a delivered batch's body in one committed transaction, unless the device already
    // has protocol::max_unchecked_bytes waiting, or this very batch.
    Result<Delivery> receive(const Device& device, const std::string& batch_sha256, std::string_view body);
    // The oldest batch not yet read, nullopt when none.
    Result<std::optional<UncheckedBatch>> next();
    Result<bool> holds(const Device& device, const std::string& batch_sha256);
    // The checker has read the batch (and committed what it made of it to register.db).
    Status forget(const Device& device, const std::string& batch_sha256);
    Result<std::int64_t> waiting();

    explicit BatchInbox(Database db) : db_(std::move(db)) {}

private:
    std::mutex mutex_;
    Database db_;
};

}  // namespace flytthit::reg
