// Benchmark helpers; see bench_support.h.
#include "bench/bench_support.h"

#include "tests/exec_program.h"

#include "common/base/device_clock.h"
#include "firmware/store/lead_store.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace flytthit::bench {

namespace {
// How often a child's peak resident size is read while the bench waits on it.
constexpr std::chrono::milliseconds sample_every{10};
}  // namespace

double percentile(std::vector<double> values, double share) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(share * static_cast<double>(values.size() - 1))];
}

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& environment, bool stderr_too) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        if (stderr_too) {
            dup2(pipe_ends[1], STDERR_FILENO);
        } else {
            const int null = open("/dev/null", O_WRONLY);
            dup2(null, STDERR_FILENO);
        }
        close(pipe_ends[0]);
        for (const auto& assignment : environment) putenv(const_cast<char*>(assignment.c_str()));
        flytthit::test::exec_program(argv);
        _exit(127);
    }
    close(pipe_ends[1]);
    out_ = pipe_ends[0];
}

Child::~Child() {
    terminate();
    if (out_ >= 0) close(out_);
}

std::string Child::read_line(std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    for (;;) {
        if (const auto newline = buffer_.find('\n'); newline != std::string::npos) {
            std::string line = buffer_.substr(0, newline);
            buffer_.erase(0, newline + 1);
            return line;
        }
        sample_peak();
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return {};
        pollfd fd{out_, POLLIN, 0};
        const int ready = poll(&fd, 1, static_cast<int>(std::min<long>(left.count(), sample_every.count())));
        if (ready < 0) return {};
        if (ready == 0) continue;
        char chunk[512];
        const ssize_t got = read(out_, chunk, sizeof chunk);
        if (got <= 0) return {};
        buffer_.append(chunk, static_cast<std::size_t>(got));
    }
}

std::string Child::read_all() {
    std::string all = std::exchange(buffer_, {});
    char chunk[4096];
    for (;;) {
        sample_peak();
        pollfd fd{out_, POLLIN, 0};
        const int ready = poll(&fd, 1, static_cast<int>(sample_every.count()));
        if (ready < 0) break;
        if (ready == 0) continue;
        const ssize_t got = read(out_, chunk, sizeof chunk);
        if (got <= 0) break;
        all.append(chunk, static_cast<std::size_t>(got));
    }
    return all;
}

double Child::cpu_seconds() const {
    std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    const auto close_paren = text.rfind(')');
    if (close_paren == std::string::npos) return 0;
    std::istringstream fields(text.substr(close_paren + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {  // fields 14 and 15: utime, stime in ticks
        if (i == 14) utime = std::stod(field);
        if (i == 15) stime = std::stod(field);
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::pair<int, long> Child::wait() {
    int status = 0;
    while (pid_ > 0) {
        sample_peak();
        if (waitpid(pid_, &status, WNOHANG) != 0) break;
        std::this_thread::sleep_for(sample_every / 2);
    }
    pid_ = -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, peak_kib_};
}

void Child::sample_peak() {
    if (pid_ > 0) peak_kib_ = std::max(peak_kib_, peak_resident_kib("/proc/" + std::to_string(pid_) + "/status"));
}

long peak_resident_kib(const std::filesystem::path& status) {
    std::ifstream in(status);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    return 0;
}

void Child::terminate() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

VirtualDisplay::VirtualDisplay() {
    for (int display = 90; display < 110; ++display) {
        const std::string number = std::to_string(display);
        if (std::filesystem::exists("/tmp/.X11-unix/X" + number)) continue;
        std::string name = ":";
        name += number;
        server_ = std::make_unique<Child>(std::vector<std::string>{"Xvfb", name, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"});
        // The socket is the server's word that it accepts clients. Without it every benchmark
        // after this would measure a kiosk that cannot open its window, so stop here and say
        // why. The bound is generous (Xvfb is up in well under a second) and no speed is judged.
        const std::string socket_path = "/tmp/.X11-unix/X" + number;
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!std::filesystem::exists(socket_path)) {
            if (std::chrono::steady_clock::now() >= give_up) {
                throw std::runtime_error("Xvfb " + name + " did not create " + socket_path +
                                         " within 30 s (is Xvfb installed, and may it listen there?)");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        setenv("DISPLAY", name.c_str(), 1);
        return;
    }
    throw std::runtime_error("no free X display for Xvfb");
}

VirtualDisplay::~VirtualDisplay() = default;

void fill_leads(const std::filesystem::path& data_dir, int count) {
    std::string template_id;
    {
        auto store = LeadStore::open(data_dir);
        if (!store) throw std::runtime_error(store.error().message);
        LeadDraft draft;
        draft.event_id = "bench";
        draft.consent = {true, "contact-v1"};
        draft.household = {2, {2018, 2021}};
        draft.municipalities = {"tynset", "os"};
        draft.topics = {"work", "housing"};
        draft.contact = {"Bench Person", "91234567", "bench@example.no"};
        ValidationRules rules;
        rules.current_year = current_year();
        auto lead = store->add(draft, rules);
        if (!lead) throw std::runtime_error(lead.error().message);
        template_id = lead->id;
    }
    auto db = Database::open(data_dir / LeadStore::database_file_name);
    if (!db) throw std::runtime_error(db.error().message);
    // Fresh random ids from SQLite's randomblob, shaped as UUIDs; everything else copied.
    const std::string sql = R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )sql" + std::to_string(count - 1) + R"sql()
INSERT INTO leads (id, created_wall_utc, boot_id, created_monotonic_ns, event_id, language, consent_text_version,
    consent_given_at, adults, children_birth_years, municipalities, topics, contact_name, contact_phone,
    contact_email, free_text, campaign_id, staff_assisted, sealed_personal, sealed_to, initials, children_count)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' ||
       substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    created_wall_utc, boot_id, created_monotonic_ns + i, event_id, language, consent_text_version,
    consent_given_at, adults, children_birth_years, municipalities, topics, contact_name, contact_phone,
    contact_email, free_text, campaign_id, staff_assisted, sealed_personal, sealed_to, initials, children_count
FROM leads, n WHERE leads.id = ')sql" + template_id + "'";
    if (count > 1) {
        if (auto ran = db->exec("BEGIN; " + sql + "; COMMIT; PRAGMA wal_checkpoint(TRUNCATE);"); !ran) {
            throw std::runtime_error(ran.error().message);
        }
    }
}

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    return error ? 0 : size;
}

}  // namespace flytthit::bench
