// A SQLite VFS for tests that loses power on demand, after SQLite's own crash-test VFS
// (src/test6.c), written anew: every write is held in memory until the file is synced; at the
// chosen I/O operation the power goes, and each write not yet synced is, at random, written
// whole, dropped, or torn (sector by sector: written, dropped, or garbage). After that every
// I/O fails, as it would in a process that has no power. The -shm file is memory: the test
// deletes it before reopening.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace flytthit::test {

class PowerCutVfs {
public:
    // Registers the VFS under name, as the default VFS when make_default is set.
    explicit PowerCutVfs(const char* name = "powercut", bool make_default = true);
    ~PowerCutVfs();
    PowerCutVfs(const PowerCutVfs&) = delete;
    PowerCutVfs& operator=(const PowerCutVfs&) = delete;

    // Cut power just before the nth write-or-sync from now (1 = the next one). 0 disarms.
    void arm(std::uint64_t nth_operation, std::uint64_t seed);
    void disarm();
    // A storage that acknowledges syncs without writing anything: the negative control.
    void set_lying_about_sync(bool lying) { lying_ = lying; }

    bool power_lost() const { return power_lost_; }
    bool lying() const { return lying_; }
    std::uint64_t operations() const { return operations_; }

    // Internal: called by the file methods.
    struct PendingWrite {
        std::int64_t offset;
        std::string data;
    };
    struct File;
    bool count_operation();  // false when the power is (now) gone
    void cut_power();
    // Writes not yet synced, per file path, shared by every handle on it, as an operating
    // system's page cache is: another connection reads them, and an fsync through any handle
    // makes them durable.
    std::map<std::string, std::vector<PendingWrite>> pending_by_path;
    std::mt19937_64 random;
    sqlite3_vfs* real = nullptr;

private:
    sqlite3_vfs vfs_{};
    std::string name_;
    std::uint64_t operations_ = 0;
    std::uint64_t cut_at_ = 0;
    bool power_lost_ = false;
    bool lying_ = false;
};

}  // namespace flytthit::test
