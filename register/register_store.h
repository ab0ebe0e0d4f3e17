// The register's own store: devices (with hashed tokens), leads stored once per id with the
// municipalities they name, and conflicts kept aside. SQLite in WAL with synchronous=FULL:
// a batch is acknowledged only after its transaction committed.
#pragma once

#include "common/base/result.h"
#include "common/base/sqlite_db.h"
#include "common/protocol/sync_protocol.h"
#include "register/batch_inbox.h"

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit::reg {

struct RegisterStats {
    std::int64_t leads = 0;
    std::int64_t conflicts = 0;
    std::int64_t devices = 0;
    std::int64_t batches_waiting = 0;  // delivered, not yet read by the checker
    std::int64_t batches_refused = 0;  // delivered and refused whole
    std::vector<std::pair<std::string, std::int64_t>> per_municipality;
};

// Where a delivered batch stands, for GET /v1/batches/<sha256>.
struct BatchState {
    enum class Kind { unknown, checking, checked, refused };
    Kind kind = Kind::unknown;
    std::string text;  // checked: the reply as POST /v1/leads gives it; refused: the reason
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

    // Delivered batches not yet read (inbox.db beside register.db). It locks itself: use it
    // without the lock that guards this store.
    BatchInbox& inbox() { return *inbox_; }
    // Stores the leads of a delivered batch as store_batch does and, in the same transaction,
    // the reply reply_for makes of their acknowledgements. A batch read before (the checker
    // stopped between this and forgetting it in the inbox) is not stored again.
    using ReplyFor = std::function<Result<std::string>(const std::vector<protocol::LeadAck>&)>;
    Status store_checked_batch(const Device& device, const std::string& batch_sha256,
                               const std::vector<protocol::ReceivedItem>& items, const ReplyFor& reply_for);
    // Records that a delivered batch could not be read as a batch at all.
    Status refuse_batch(const Device& device, const std::string& batch_sha256, const std::string& reason);
    // What became of a batch once read: checked (with its reply), refused, or unknown (never
    // delivered, or not read yet: ask the inbox).
    Result<BatchState> checked_state(const Device& device, const std::string& batch_sha256);

    Result<RegisterStats> stats();
    // The connection itself, for the web app's own queries (register/web/web_store.cpp).
    // Callers hold the same lock as for every other use of this store.
    Database& database() { return db_; }

private:
    // store_batch's work inside the caller's transaction.
    Result<std::vector<protocol::LeadAck>> store_items(const Device& device, const std::vector<protocol::ReceivedItem>& items);

    RegisterStore(Database db, std::unique_ptr<BatchInbox> inbox) : db_(std::move(db)), inbox_(std::move(inbox)) {}
    Database db_;
    std::unique_ptr<BatchInbox> inbox_;
};

}  // namespace flytthit::reg
