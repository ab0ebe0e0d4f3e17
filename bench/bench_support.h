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
    // Waits for exit; returns the exit status and the peak resident set size in KiB.
    std::pair<int, long> wait();
    void terminate();
    int pid() const { return pid_; }

private:
    int pid_ = -1;
    int out_ = -1;
    std::string buffer_;
};

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
