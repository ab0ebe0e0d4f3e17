// The power-cut VFS; see power_cut_vfs.h.
#include "tests/power_cut_vfs.h"

#include <algorithm>
#include <cstring>

namespace flytthit::test {

struct PowerCutVfs::File {
    sqlite3_file base;  // must come first: SQLite sees a File* as a sqlite3_file*
    sqlite3_file* real;
    PowerCutVfs* owner;
    std::vector<PendingWrite>* pending;  // in owner->pending_by_path; a std::map node does not move
};

namespace {

constexpr int sector = 512;

PowerCutVfs::File* as_file(sqlite3_file* file) { return reinterpret_cast<PowerCutVfs::File*>(file); }

std::int64_t logical_size(PowerCutVfs::File* file) {
    sqlite3_int64 size = 0;
    file->real->pMethods->xFileSize(file->real, &size);
    for (const auto& write : *file->pending) size = std::max<sqlite3_int64>(size, write.offset + static_cast<std::int64_t>(write.data.size()));
    return size;
}

int flush(PowerCutVfs::File* file) {
    for (const auto& write : *file->pending) {
        const int rc = file->real->pMethods->xWrite(file->real, write.data.data(), static_cast<int>(write.data.size()), write.offset);
        if (rc != SQLITE_OK) return rc;
    }
    file->pending->clear();
    return SQLITE_OK;
}

int x_close(sqlite3_file* f) {
    // Closing makes nothing durable: what was not synced stays at the mercy of the power.
    auto* file = as_file(f);
    return file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
}

int x_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    auto* file = as_file(f);
    int rc = file->real->pMethods->xRead(file->real, buffer, amount, offset);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    auto* bytes = static_cast<char*>(buffer);
    for (const auto& write : *file->pending) {  // what was written but not yet synced is read back
        const std::int64_t start = std::max<std::int64_t>(offset, write.offset);
        const std::int64_t end = std::min<std::int64_t>(offset + amount, write.offset + static_cast<std::int64_t>(write.data.size()));
        if (start < end) std::memcpy(bytes + (start - offset), write.data.data() + (start - write.offset), static_cast<std::size_t>(end - start));
    }
    return offset + amount <= logical_size(file) ? SQLITE_OK : SQLITE_IOERR_SHORT_READ;
}

int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    auto* file = as_file(f);
    if (!file->owner->count_operation()) return SQLITE_IOERR_WRITE;
    file->pending->push_back({offset, std::string(static_cast<const char*>(data), static_cast<std::size_t>(amount))});
    return SQLITE_OK;
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    auto* file = as_file(f);
    if (file->owner->power_lost()) return SQLITE_IOERR_TRUNCATE;
    // Treated as a sync point: SQLite truncates only the WAL on reset and checkpoints.
    if (const int rc = flush(file); rc != SQLITE_OK) return rc;
    return file->real->pMethods->xTruncate(file->real, size);
}

int x_sync(sqlite3_file* f, int flags) {
    auto* file = as_file(f);
    if (!file->owner->count_operation()) return SQLITE_IOERR_FSYNC;
    if (file->owner->lying()) return SQLITE_OK;  // acknowledged, and nothing written
    if (const int rc = flush(file); rc != SQLITE_OK) return rc;
    return file->real->pMethods->xSync(file->real, flags);
}

int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    *size = logical_size(as_file(f));
    return SQLITE_OK;
}

int x_lock(sqlite3_file* f, int level) { return as_file(f)->real->pMethods->xLock(as_file(f)->real, level); }
int x_unlock(sqlite3_file* f, int level) { return as_file(f)->real->pMethods->xUnlock(as_file(f)->real, level); }
int x_check_reserved(sqlite3_file* f, int* out) {
    return as_file(f)->real->pMethods->xCheckReservedLock(as_file(f)->real, out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    return as_file(f)->real->pMethods->xFileControl(as_file(f)->real, op, arg);
}
int x_sector_size(sqlite3_file*) { return sector; }
int x_device_characteristics(sqlite3_file*) { return 0; }  // promise nothing: no atomic or safe-append writes
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return as_file(f)->real->pMethods->xShmMap(as_file(f)->real, page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return as_file(f)->real->pMethods->xShmLock(as_file(f)->real, offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { as_file(f)->real->pMethods->xShmBarrier(as_file(f)->real); }
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
    return as_file(f)->real->pMethods->xShmUnmap(as_file(f)->real, delete_flag);
}

const sqlite3_io_methods io_methods = {
    2,           x_close,          x_read,      x_write,      x_truncate,          x_sync,
    x_file_size, x_lock,           x_unlock,    x_check_reserved, x_file_control, x_sector_size,
    x_device_characteristics, x_shm_map, x_shm_lock, x_shm_barrier, x_shm_unmap, nullptr, nullptr,
};

PowerCutVfs* owner_of(sqlite3_vfs* vfs) { return static_cast<PowerCutVfs*>(vfs->pAppData); }

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    PowerCutVfs* owner = owner_of(vfs);
    auto* file = as_file(f);
    file->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(PowerCutVfs::File));
    file->owner = owner;
    file->pending = nullptr;
    file->base.pMethods = nullptr;
    const int rc = owner->real->xOpen(owner->real, name, file->real, flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    const std::string key = name ? name : "temporary:" + std::to_string(reinterpret_cast<std::uintptr_t>(f));
    file->pending = &owner->pending_by_path[key];
    file->base.pMethods = &io_methods;
    return SQLITE_OK;
}

int x_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    if (name != nullptr) {
        if (auto found = owner_of(vfs)->pending_by_path.find(name); found != owner_of(vfs)->pending_by_path.end()) {
            found->second.clear();  // a deleted file's cached pages go with it
        }
    }
    return owner_of(vfs)->real->xDelete(owner_of(vfs)->real, name, sync_dir);
}
int x_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return owner_of(vfs)->real->xAccess(owner_of(vfs)->real, name, flags, out);
}
int x_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return owner_of(vfs)->real->xFullPathname(owner_of(vfs)->real, name, size, out);
}
int x_randomness(sqlite3_vfs* vfs, int size, char* out) { return owner_of(vfs)->real->xRandomness(owner_of(vfs)->real, size, out); }
int x_sleep(sqlite3_vfs* vfs, int microseconds) { return owner_of(vfs)->real->xSleep(owner_of(vfs)->real, microseconds); }
int x_current_time(sqlite3_vfs* vfs, double* out) { return owner_of(vfs)->real->xCurrentTime(owner_of(vfs)->real, out); }
int x_last_error(sqlite3_vfs* vfs, int size, char* out) { return owner_of(vfs)->real->xGetLastError(owner_of(vfs)->real, size, out); }
int x_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return owner_of(vfs)->real->xCurrentTimeInt64(owner_of(vfs)->real, out);
}

}  // namespace

PowerCutVfs::PowerCutVfs(const char* name, bool make_default) : name_(name) {
    real = sqlite3_vfs_find(nullptr);
    vfs_.iVersion = 2;
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real->szOsFile;
    vfs_.mxPathname = real->mxPathname;
    vfs_.zName = name_.c_str();
    vfs_.pAppData = this;
    vfs_.xOpen = x_open;
    vfs_.xDelete = x_delete;
    vfs_.xAccess = x_access;
    vfs_.xFullPathname = x_full_pathname;
    vfs_.xDlOpen = real->xDlOpen;
    vfs_.xDlError = real->xDlError;
    vfs_.xDlSym = real->xDlSym;
    vfs_.xDlClose = real->xDlClose;
    vfs_.xRandomness = x_randomness;
    vfs_.xSleep = x_sleep;
    vfs_.xCurrentTime = x_current_time;
    vfs_.xGetLastError = x_last_error;
    vfs_.xCurrentTimeInt64 = x_current_time_int64;
    sqlite3_vfs_register(&vfs_, make_default ? 1 : 0);
}

PowerCutVfs::~PowerCutVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real, 1);
}

void PowerCutVfs::arm(std::uint64_t nth_operation, std::uint64_t seed) {
    random.seed(seed);
    std::erase_if(pending_by_path, [](const auto& entry) { return entry.second.empty(); });
    operations_ = 0;
    cut_at_ = nth_operation;
    power_lost_ = false;
}

void PowerCutVfs::disarm() {
    cut_at_ = 0;
    power_lost_ = false;
    operations_ = 0;
}

bool PowerCutVfs::count_operation() {
    if (power_lost_) return false;
    ++operations_;
    if (cut_at_ != 0 && operations_ >= cut_at_) {
        cut_power();
        return false;
    }
    return true;
}

void PowerCutVfs::cut_power() {
    power_lost_ = true;
    // What the disk had received but not made durable lands whole, not at all, or torn.
    std::uniform_int_distribution<int> fate(0, 2);
    for (auto& [path, pending] : pending_by_path) {
        if (pending.empty() || path.rfind("temporary:", 0) == 0) continue;
        // Written straight to the file by path: the handle may be closed already.
        sqlite3_file* real_file = static_cast<sqlite3_file*>(sqlite3_malloc(real->szOsFile));
        int out_flags = 0;
        if (real->xOpen(real, path.c_str(), real_file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB, &out_flags) != SQLITE_OK) {
            sqlite3_free(real_file);
            pending.clear();
            continue;
        }
        for (const auto& write : pending) {
            const int choice = fate(random);
            if (choice == 0) continue;  // dropped
            for (std::size_t at = 0; at < write.data.size(); at += sector) {
                const std::size_t length = std::min<std::size_t>(sector, write.data.size() - at);
                std::string bytes = write.data.substr(at, length);
                if (choice == 2) {  // torn: each sector written, dropped, or garbage
                    const int sector_fate = fate(random);
                    if (sector_fate == 0) continue;
                    if (sector_fate == 2) {
                        for (char& c : bytes) c = static_cast<char>(random());
                    }
                }
                real_file->pMethods->xWrite(real_file, bytes.data(), static_cast<int>(length),
                                            write.offset + static_cast<std::int64_t>(at));
            }
        }
        pending.clear();
        real_file->pMethods->xClose(real_file);
        sqlite3_free(real_file);
    }
}

}  // namespace flytthit::test
