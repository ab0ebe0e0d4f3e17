// The register's own listener: accepts connections, bounds them, and hands each request to
// cpp-httplib's parser and router (the routes are registered on the Listener as on any
// httplib::Server). cpp-httplib's own listen loop gives every connection a worker for as long
// as the client likes, reading headers one byte at a time if need be: eight slow clients
// froze the register. Here, before any byte is read:
// - at most max_connections at once, and at most max_per_address from one source address
//   (more are closed at once, so one host cannot take every worker);
// - every wait for a read or a write ends after io_timeout, and a whole connection ends
//   after connection_deadline however it trickles (the reaper shuts its socket down).
// TLS (OpenSSL) is terminated here too when a certificate is given.
//
// THREAD SAFETY: bind, use_tls and the route setup happen before run(); run() blocks on the
// calling thread, each connection gets a thread of its own; stop() may be called from any
// thread, once run() is under way.
#pragma once

#include "common/base/result.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace flytthit::reg {

// How far the request on this thread's connection has been read (for honest error statuses).
struct RequestProgress {
    std::size_t header_bytes = 0;
    bool line_ended = false;    // the request line is complete
    int lines = 0;              // line ends read so far
    bool headers_done = false;  // the blank line after the headers was read
};

struct ListenerLimits {
    int max_connections = 128;
    int max_per_address = 16;
    std::chrono::milliseconds io_timeout{5000};
    // A full batch (4 MiB) at 0.6 Mbit/s; a kiosk on fair Wi-Fi is faster than that.
    std::chrono::milliseconds connection_deadline{60'000};
    int requests_per_connection = 20;
};

class Listener : public httplib::Server {
public:
    explicit Listener(ListenerLimits limits = {});
    ~Listener() override;
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    // Terminates TLS with this certificate chain and key (TLS 1.2 or newer). Errors name the file.
    Status use_tls(const std::filesystem::path& certificate, const std::filesystem::path& key);
    // Binds host:port (port 0: any free port). Returns the port.
    Result<int> bind(const std::string& host, int port);
    // Accepts until stop(); returns once every connection has ended. tick runs on the accept
    // loop at least every quarter second (the systemd watchdog pings from there, so a hung
    // loop is noticed).
    void run(const std::function<void()>& tick = {});
    // Final, from any thread: run() returns once its connections end, at once if stop() came
    // before it began.
    void stop();
    // Serves one connection that is already open (fd is taken over and closed), on the calling
    // thread, exactly as the accept loop serves an accepted one: for the request fuzzer, which
    // hands over one end of a socketpair.
    void serve_socket(int fd);

    // For a handler: close this connection after the response (a body was refused unread,
    // so the bytes that follow are not a request).
    static void close_after_response();

    // The request being handled on the calling thread (a handler's or the error handler's).
    static const RequestProgress& request_progress();

    int active_connections() const;

private:
    struct Connection {
        int fd = -1;
        std::string address;
        std::chrono::steady_clock::time_point started;
    };
    void serve_connection(int fd, std::string address, std::uint64_t id);
    void reap_expired();
    static void refuse_oversized_head(httplib::Stream& stream);
    static void linger_and_discard(int fd);

    ListenerLimits limits_;
    std::unique_ptr<SSL_CTX, void (*)(SSL_CTX*)> tls_;
    int listen_fd_ = -1;
    // Set once by stop(), never cleared: a stop asked before run() begins (a SIGTERM just after
    // "listening on") still stops it, where a flag run() set to true would have undone it.
    std::atomic<bool> stop_asked_{false};
    mutable std::mutex mutex_;
    std::condition_variable idle_;
    std::map<std::uint64_t, Connection> connections_;
    std::map<std::string, int> per_address_;
    std::uint64_t next_id_ = 1;
};

}  // namespace flytthit::reg
