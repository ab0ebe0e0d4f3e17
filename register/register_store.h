// The register's own store: devices (with hashed tokens), leads stored once per id with the
// municipalities they name, and conflicts kept aside. SQLite in WAL with synchronous=FULL:
// a batch is acknowledged only after its transaction committed.
#pragma once

#include "common/base/result.h"
#include "common/base/sqlite_db.h"
#include "common/protocol/sync_protocol.h"

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace flytthit::reg {

struct Device {
    std::int64_t id = 0;
    std::string name;
};

struct RegisterStats {
    std::int64_t leads = 0;
    std::int64_t conflicts = 0;
    std::int64_t devices = 0;
    std::vector<std::pair<std::string, std::int64_t>> per_municipality;
};

class RegisterStore {
public:
    static constexpr const char* database_file_name = "register.db";

    // Opens <dir>/register.db, creating and migrating it as needed.
    static Result<RegisterStore> open(const std::filesystem::path& dir);

    // Adds a device with the hash of its token. Fails if the name is taken.
    Result<Device> add_device(const std::string& name, const std::string& token_hash);
    // The device with this token hash, nullopt when none has it; an error when the store
    // cannot say (the caller answers 503, never 401).
    Result<std::optional<Device>> device_by_token_hash(const std::string& token_hash);
    std::optional<Device> device_by_name(const std::string& name);

    // Stores a batch from device in one transaction and returns one acknowledgement per item,
    // in order: stored, duplicate (same id, same content), conflict (same id, other content:
    // kept aside in conflicts), or rejected (with the reason).
    Result<std::vector<protocol::LeadAck>> store_batch(const Device& device,
                                                       const std::vector<protocol::ReceivedItem>& items);

    Result<RegisterStats> stats();
    // The connection itself, for the web app's own queries (register/web/web_store.cpp).
    // Callers hold the same lock as for every other use of this store.
    Database& database() { return db_; }

private:
    explicit RegisterStore(Database db) : db_(std::move(db)) {}
    Database db_;
};

}  // namespace flytthit::reg
