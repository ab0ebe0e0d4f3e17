// The real programs SIGKILLed at random moments while taking sign-ups, many times over the
// same data directory: every lead they confirmed (printed after its commit) is there, intact,
// and the database passes PRAGMA integrity_check.
#include "firmware/store/lead_store.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <random>
#include <sstream>
#include <thread>

using namespace flytthit;
using flytthit::test::TempDir;

namespace {

// Under qemu-user (a cross build's tests) a program takes many times longer to start and to
// commit: the moments of the kills start stretched, or most kills would land in start-up.
constexpr int slowdown = sizeof(FLYTTHIT_RUN_PREFIX) > 1 ? 20 : 1;

// How many kills must land in a running program after it confirmed at least one lead.
int kills_to_make() {
    const char* wanted = std::getenv("FLYTTHIT_PROCESS_KILLS");
    return wanted ? std::max(1, std::atoi(wanted)) : 25;
}

struct Run {
    std::string printed;
    bool killed = false;  // the SIGKILL ended it (it had not finished by itself)
};

// Runs argv with stdin from input_file, SIGKILLs it after delay, returns what it printed.
Run run_and_kill(const std::vector<std::string>& argv, const std::string& input_file, std::chrono::milliseconds delay) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    const pid_t child = fork();
    if (child == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        const int in = open(input_file.empty() ? "/dev/null" : input_file.c_str(), O_RDONLY);
        dup2(in, STDIN_FILENO);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDERR_FILENO);
        flytthit::test::exec_program(argv);
        _exit(127);
    }
    close(out[1]);
    std::string printed;
    const auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until) {
        pollfd fd{out[0], POLLIN, 0};
        if (poll(&fd, 1, 1) > 0) {
            char buffer[4096];
            const ssize_t got = read(out[0], buffer, sizeof buffer);
            if (got <= 0) break;
            printed.append(buffer, static_cast<std::size_t>(got));
        }
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    // Lines printed before the kill but not yet read are still in the pipe: they count too.
    char buffer[4096];
    for (ssize_t got; (got = read(out[0], buffer, sizeof buffer)) > 0;) printed.append(buffer, static_cast<std::size_t>(got));
    close(out[0]);
    return {printed, WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL};
}

struct Tally {
    int kills = 0;
    int kills_after_confirmation = 0;  // landed in a running program that had confirmed a lead
    int confirmed = 0;
    int lost = 0;
    int damaged = 0;
    int integrity_failures = 0;
};

// Checks that every confirmed id is stored with its name; ids come first on each line.
void check(const std::filesystem::path& data_dir, const std::vector<std::pair<std::string, std::string>>& confirmed, Tally& tally) {
    auto store = LeadStore::open(data_dir);
    REQUIRE(store.ok());
    if (*Database::open(store->database_path())->query_text("PRAGMA integrity_check") != "ok") ++tally.integrity_failures;
    for (const auto& [id, name] : confirmed) {
        auto lead = store->lead(id);
        if (!lead || !lead->has_value()) {
            ++tally.lost;
        } else if (!name.empty() && test::open_personal(**lead).contact.name != name) {
            ++tally.damaged;
        }
    }
}

std::vector<std::pair<std::string, std::string>> parse(const std::string& printed) {
    std::vector<std::pair<std::string, std::string>> lines;
    std::istringstream in(printed);
    for (std::string line; std::getline(in, line);) {
        if (line.size() < 36) continue;  // a line cut by the kill was never fully printed
        lines.emplace_back(line.substr(0, 36), line.size() > 37 ? line.substr(37) : "");
    }
    return lines;
}

// Kills the program at random moments until kills_to_make() kills have landed after a
// confirmation, bounded by a count of runs. The moments start at [low, high] ms (times the
// emulator's slowdown and the time scale) and stretch whenever a run confirmed nothing: a slow
// or loaded machine gets later kills instead of a failed assumption about its speed. They
// shrink again (never below the start) when a run finished before the kill came, so a load
// that has passed does not leave the kills landing after the work and the runs wasted.
template <class RunOnce>
void kill_repeatedly(std::mt19937& random, int low, int high, std::vector<std::pair<std::string, std::string>>& all,
                     Tally& tally, RunOnce run_once) {
    const int wanted = kills_to_make();
    const int max_runs = 10 * wanted;
    const double shortest = std::max<double>(slowdown, test::test_time_scale());
    double stretch = shortest;
    for (int runs = 0; tally.kills_after_confirmation < wanted && runs < max_runs; ++runs) {
        const auto delay = std::chrono::milliseconds(
            static_cast<long>(stretch * std::uniform_int_distribution<int>(low, high)(random)));
        const Run run = run_once(delay);
        const auto lines = parse(run.printed);
        for (const auto& line : lines) all.push_back(line);
        if (run.killed) ++tally.kills;
        if (run.killed && !lines.empty()) ++tally.kills_after_confirmation;
        if (!run.killed) {
            stretch = std::max(stretch / 1.5, shortest);
        } else if (lines.empty()) {
            stretch = std::min(stretch * 1.5, 200.0);
        }
    }
    tally.confirmed = static_cast<int>(all.size());
}

void report(const char* name, const Tally& tally) {
    std::cout << "reliability: " << name << ": kills=" << tally.kills
              << " kills_after_confirmation=" << tally.kills_after_confirmation << " confirmed=" << tally.confirmed
              << " acknowledged_lost=" << tally.lost << " damaged=" << tally.damaged
              << " integrity_failures=" << tally.integrity_failures << std::endl;
}

}  // namespace

TEST_CASE("kioskctl add-lead SIGKILLed at random moments: every printed id is stored") {
    TempDir dir;
    const auto input = dir / "leads.jsonl";
    {
        const std::string lead = R"({"consent":{"given":true,"text_version":"contact-v1"},"contact":{"name":"Kari","phone":"91234567"}})";
        std::ofstream file(input);
        for (int i = 0; i < 5000; ++i) file << lead << "\n";
    }
    std::mt19937 random(3);
    Tally tally;
    std::vector<std::pair<std::string, std::string>> all;
    kill_repeatedly(random, 5, 120, all, tally, [&](std::chrono::milliseconds delay) {
        return run_and_kill({FLYTTHIT_KIOSKCTL_PATH, "--data-dir", (dir / "data").string(), "add-lead", "-"}, input.string(),
                            delay);
    });
    check(dir / "data", all, tally);
    report("kioskctl add-lead killed", tally);
    CHECK(tally.kills_after_confirmation == kills_to_make());  // the kills landed while it was taking leads
    CHECK(tally.lost == 0);
    CHECK(tally.integrity_failures == 0);
}

TEST_CASE("the kiosk taking sign-ups by touch, SIGKILLed at random moments: every confirmed sign-up is stored") {
    TempDir dir;
    std::mt19937 random(4);
    Tally tally;
    std::vector<std::pair<std::string, std::string>> all;
    kill_repeatedly(random, 50, 400, all, tally, [&](std::chrono::milliseconds delay) {
        return run_and_kill({FLYTTHIT_HEADLESS_KIOSK_PATH, (dir / "data").string()}, "", delay);
    });
    check(dir / "data", all, tally);
    report("headless kiosk killed", tally);
    CHECK(tally.kills_after_confirmation == kills_to_make());  // the kills landed while it was taking sign-ups
    CHECK(tally.lost == 0);
    CHECK(tally.damaged == 0);
    CHECK(tally.integrity_failures == 0);
}
