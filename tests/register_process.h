// A real flytthit-register process for tests: init, add-device, serve on loopback (plain or
// TLS), kill, restart on the same port; and an HTTP client to it with scaled timeouts. Nothing
// here imitates the register; it runs it.
#pragma once

#include "tests/test_support.h"

#include <httplib.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace flytthit::test {

inline const std::string register_binary = FLYTTHIT_REGISTER_PATH;

class RegisterProcess {
public:
    struct Tls {
        std::filesystem::path cert;
        std::filesystem::path key;
    };

    explicit RegisterProcess(std::filesystem::path dir, std::optional<Tls> tls = std::nullopt,
                             std::vector<std::string> environment = {}, bool demo_keys = false)
        : dir_(std::move(dir)), tls_(std::move(tls)), environment_(std::move(environment)) {
        const auto init = run_command(register_binary + " init '" + dir_.string() + "'" + (demo_keys ? " --demo-keys yes" : ""),
                                      dir_.parent_path());
        if (init.exit_code != 0) throw std::runtime_error("register init failed: " + init.err);
        start();
    }
    ~RegisterProcess() { stop(SIGKILL); }
    RegisterProcess(const RegisterProcess&) = delete;
    RegisterProcess& operator=(const RegisterProcess&) = delete;

    // Starts serving: on any free port the first time, on the same port after a restart.
    void start() {
        int out[2];
        if (pipe(out) != 0) throw std::runtime_error("pipe failed");
        std::vector<std::string> args{register_binary, "serve", "--dir", dir_.string(), "--listen",
                                      "127.0.0.1:" + std::to_string(port_)};
        if (tls_) {
            args.insert(args.end(), {"--tls-cert", tls_->cert.string(), "--tls-key", tls_->key.string()});
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            for (const auto& assignment : environment_) putenv(const_cast<char*>(assignment.c_str()));
            exec_program(args);
            _exit(127);
        }
        close(out[1]);
        const std::string line = read_line(out[0], scaled(std::chrono::seconds(30)));
        close(out[0]);
        const auto colon = line.rfind(':');
        if (line.find("listening on") == std::string::npos || colon == std::string::npos) {
            throw std::runtime_error("register did not start: \"" + line + "\"");
        }
        port_ = std::stoi(line.substr(colon + 1));
    }

    // Sends signal and waits for the process to end. Returns its exit code, or minus the signal
    // that ended it (0 when it was not running).
    int stop(int signal = SIGTERM) {
        if (pid_ <= 0) return 0;
        kill(pid_, signal);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

    // Waits for the process to exit by itself (a test hook made it); true if it did in time.
    bool wait_for_exit(std::chrono::milliseconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < until) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }

    void set_environment(std::vector<std::string> environment) { environment_ = std::move(environment); }

    std::string url() const { return std::string(tls_ ? "https" : "http") + "://" + host() + ":" + std::to_string(port_); }
    std::string host() const { return tls_ ? "localhost" : "127.0.0.1"; }
    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    // True while the process has not exited (a crash shows here).
    bool alive() {
        int status = 0;
        return pid_ > 0 && waitpid(pid_, &status, WNOHANG) == 0;
    }
    const std::filesystem::path& dir() const { return dir_; }

    // Adds a device and returns its pairing file's path.
    std::filesystem::path add_device(const std::string& name, const std::string& ca_file = "") {
        const auto pairing = dir_.parent_path() / (name + ".pairing.json");
        std::string command = register_binary + " add-device --dir '" + dir_.string() + "' " + name + " --url " + url() +
                              " --pairing-file '" + pairing.string() + "'";
        if (!ca_file.empty()) command += " --ca-file '" + ca_file + "'";
        const auto added = run_command(command, dir_.parent_path());
        if (added.exit_code != 0) throw std::runtime_error("add-device failed: " + added.err);
        return pairing;
    }

    // The register's own count of stored leads, from `flytthit-register stats`.
    long lead_count() const { return stat("leads: "); }
    long conflict_count() const { return stat("conflicts: "); }

    CommandResult run(const std::string& arguments) const {
        return run_command(register_binary + " " + arguments, dir_.parent_path());
    }

private:
    long stat(const std::string& label) const {
        const auto stats = run("stats --dir '" + dir_.string() + "'");
        const auto at = stats.out.find(label);
        if (stats.exit_code != 0 || at == std::string::npos) throw std::runtime_error("stats failed: " + stats.err);
        return std::stol(stats.out.substr(at + label.size()));
    }

    static std::string read_line(int fd, std::chrono::milliseconds limit) {
        std::string line;
        const auto until = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < until) {
            pollfd poll_fd{fd, POLLIN, 0};
            if (poll(&poll_fd, 1, 100) <= 0) continue;
            char c = 0;
            if (read(fd, &c, 1) != 1) break;
            if (c == '\n') return line;
            line += c;
        }
        return line;
    }

    std::filesystem::path dir_;
    std::optional<Tls> tls_;
    std::vector<std::string> environment_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// An HTTP client for talking to reg directly, as a test does to probe the register's edges.
// httplib's own timeouts are 5 s to connect, read and write, which a loaded or emulated machine
// can pass; these are generous and go through scaled(), so a slow machine is not taken for a
// register that does not answer. A request that still times out returns an empty result: check
// it (REQUIRE(res)) before reading res->status. For a TLS register, ca_file is the CA that signed
// its certificate.
inline httplib::Client http_client(const RegisterProcess& reg, const std::filesystem::path& ca_file = {}) {
    httplib::Client client(reg.url());
    if (!ca_file.empty()) client.set_ca_cert_path(ca_file.string());
    client.set_connection_timeout(scaled(std::chrono::seconds(10)));
    client.set_read_timeout(scaled(std::chrono::seconds(30)));
    client.set_write_timeout(scaled(std::chrono::seconds(30)));
    return client;
}

}  // namespace flytthit::test
