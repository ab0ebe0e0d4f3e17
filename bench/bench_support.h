// Helpers for the benchmarks: percentiles, spawning programs and reading their CPU time and
// memory, filling a data directory with many leads quickly.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flytthit::bench {

double percentile(std::vector<double> values, double share);

// A child process with its stdout (and, with stderr_too, its stderr) on a pipe.
class Child {
public:
    Child(const std::vector<std::string>& argv, const std::vector<std::string>& environment = {}, bool stderr_too = false);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Waits up to limit for a line on stdout; empty on timeout or end of output.
    std::string read_line(std::chrono::milliseconds limit);
    std::string read_all();
    // CPU seconds (user + system) the child has used so far, from /proc.
    double cpu_seconds() const;
    // Waits for exit; returns the exit status and the child's peak resident set size in KiB
    // (0 when it was never seen running).
    std::pair<int, long> wait();
    void terminate();
    int pid() const { return pid_; }

private:
    // The peak resident size so far from /proc/PID/status (VmHWM), sampled at least every
    // 10 ms while this waits on the child. Not wait4's ru_maxrss: that counts the bench's own
    // resident size at the fork (Linux keeps the larger of the two across exec), and the
    // bench's grows as it runs (a 10 MiB upload, 100 000 leads filled in).
    void sample_peak();

    int pid_ = -1;
    int out_ = -1;
    long peak_kib_ = 0;
    std::string buffer_;
};

// The peak resident size in KiB (VmHWM) of the process whose /proc/PID/status is at path;
// 0 when it has none (a process that has exited).
long peak_resident_kib(const std::filesystem::path& status);

// Starts Xvfb on a free display and sets DISPLAY for this process and its children.
class VirtualDisplay {
public:
    VirtualDisplay();
    ~VirtualDisplay();

private:
    std::unique_ptr<Child> server_;
};

// Inserts count leads into <data_dir>/leads.db in one transaction by copying one sealed lead
// made through the real store: fast enough for 100 000, and every row a real lead.
void fill_leads(const std::filesystem::path& data_dir, int count);

std::uintmax_t file_size_or_zero(const std::filesystem::path& path);

}  // namespace flytthit::bench
