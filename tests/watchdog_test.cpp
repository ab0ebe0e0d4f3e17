// The systemd watchdog: the real kiosk, under Xvfb, with a notification socket of the test's
// own standing in for systemd. READY=1 after the first frame, WATCHDOG=1 while the loop runs,
// and none while the process is stopped (a hung kiosk gets restarted).
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using flytthit::test::TempDir;
using flytthit::test::read_file;
using flytthit::test::scaled;
using flytthit::test::wait_until;

namespace {

// Collects the datagrams that arrive on the socket within duration.
std::vector<std::string> receive_for(int socket_fd, std::chrono::milliseconds duration) {
    std::vector<std::string> messages;
    const auto until = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < until) {
        pollfd fd{socket_fd, POLLIN, 0};
        if (poll(&fd, 1, 50) <= 0) continue;
        char buffer[256];
        const ssize_t got = recv(socket_fd, buffer, sizeof buffer, 0);
        if (got > 0) messages.emplace_back(buffer, static_cast<std::size_t>(got));
    }
    return messages;
}

int count(const std::vector<std::string>& messages, const std::string& text) {
    return static_cast<int>(std::count_if(messages.begin(), messages.end(),
                                          [&](const std::string& m) { return m.find(text) != std::string::npos; }));
}

// Collects datagrams until `wanted` of them contain text, or a generous scaled limit passes:
// the kiosk's first frame under emulation and software GL can take many seconds.
std::vector<std::string> receive_until(int socket_fd, const std::string& text, int wanted,
                                       std::chrono::milliseconds limit = scaled(std::chrono::seconds(120))) {
    std::vector<std::string> messages;
    const auto until = std::chrono::steady_clock::now() + limit;
    while (count(messages, text) < wanted && std::chrono::steady_clock::now() < until) {
        auto more = receive_for(socket_fd, std::chrono::milliseconds(50));
        messages.insert(messages.end(), more.begin(), more.end());
    }
    return messages;
}

// The process's state letter from /proc (R, S, T for stopped, Z), or 0 once it is gone.
char process_state(pid_t pid) {
    const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    const auto paren = stat.rfind(')');
    return paren == std::string::npos || paren + 2 >= stat.size() ? '\0' : stat[paren + 2];
}

}  // namespace

TEST_CASE("the kiosk says READY after its first frame and pings the watchdog only while its loop runs") {
    TempDir dir;
    const auto socket_path = dir / "notify";
    const int socket_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(socket_fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
    REQUIRE(bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);

    const auto pid_file = dir / "kiosk.pid";
    const std::string command = "xvfb-run -a sh -c 'NOTIFY_SOCKET=" + socket_path.string() +
                                " WATCHDOG_USEC=400000 " FLYTTHIT_KIOSK_PATH " --windowed --screen jewel_box --data-dir " +
                                (dir / "data").string() + " & echo $! > " + pid_file.string() + "; wait' >/dev/null 2>&1 &";
    REQUIRE(std::system(command.c_str()) == 0);

    // READY=1 once, then the watchdog pings (every 200 ms: half of WatchdogSec). Waited for by
    // outcome: how long the first frame takes is the machine's business.
    auto started = receive_until(socket_fd, "READY=1", 1);
    REQUIRE(count(started, "READY=1") == 1);
    auto pings = receive_until(socket_fd, "WATCHDOG=1", 3);
    started.insert(started.end(), pings.begin(), pings.end());
    CHECK(count(started, "READY=1") == 1);
    CHECK(count(started, "WATCHDOG=1") >= 3);
    REQUIRE(wait_until([&] { return read_file(pid_file).find('\n') != std::string::npos; }));
    const pid_t kiosk = std::stoi(read_file(pid_file));

    kill(kiosk, SIGSTOP);  // a hung kiosk
    REQUIRE(wait_until([&] { return process_state(kiosk) == 'T'; }));
    for (int i = 0; i < 100 && !receive_for(socket_fd, std::chrono::milliseconds(50)).empty(); ++i) {
    }  // what it sent before it stopped
    CHECK(count(receive_for(socket_fd, std::chrono::milliseconds(1000)), "WATCHDOG=1") == 0);
    kill(kiosk, SIGCONT);
    CHECK(count(receive_until(socket_fd, "WATCHDOG=1", 2), "WATCHDOG=1") >= 2);

    kill(kiosk, SIGTERM);
    CHECK(wait_until([&] {
        const char state = process_state(kiosk);
        return state == '\0' || state == 'Z';
    }));
    close(socket_fd);
}
