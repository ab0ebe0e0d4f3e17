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

    const auto started = receive_for(socket_fd, std::chrono::milliseconds(4000));
    CHECK(count(started, "READY=1") == 1);
    CHECK(count(started, "WATCHDOG=1") >= 3);  // every 200 ms: half of WatchdogSec
    const pid_t kiosk = std::stoi(read_file(pid_file));

    kill(kiosk, SIGSTOP);  // a hung kiosk
    receive_for(socket_fd, std::chrono::milliseconds(100));  // what was on its way
    CHECK(count(receive_for(socket_fd, std::chrono::milliseconds(1000)), "WATCHDOG=1") == 0);
    kill(kiosk, SIGCONT);
    CHECK(count(receive_for(socket_fd, std::chrono::milliseconds(1000)), "WATCHDOG=1") >= 2);

    kill(kiosk, SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    close(socket_fd);
}
