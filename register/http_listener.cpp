// The register's bounded listener; see http_listener.h.
#include "register/http_listener.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace flytthit::reg {

namespace {

thread_local bool close_requested = false;

int millis(std::chrono::milliseconds duration) { return static_cast<int>(duration.count()); }

bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd entry{fd, events, 0};
    for (;;) {
        const int ready = poll(&entry, 1, millis(timeout));
        if (ready < 0 && errno == EINTR) continue;
        return ready > 0 && (entry.revents & (events | POLLHUP | POLLERR)) != 0;
    }
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    const int got = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                         : getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ip.clear();
    port = 0;
    if (got != 0) return;
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    if (getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(service);
    }
}

// How far the request being read has come; the error handler reads it to give the honest
// status (414 or 431 rather than cpp-httplib's plain 400). One connection per thread.
thread_local RequestProgress progress;

// cpp-httplib reads the request line and headers one byte per read() and has no bound on a
// line's length: here they may take at most header_budget bytes in all. After the blank line
// that ends the headers, the body's own caps apply.
class BoundedStream : public httplib::Stream {
public:
    static constexpr std::size_t header_budget = 64 * 1024;

    ssize_t read(char* data, size_t size) override {
        if (!progress.headers_done && progress.header_bytes >= header_budget) return -1;
        const ssize_t got = raw_read(data, size);
        if (got > 0 && !progress.headers_done) {
            for (ssize_t i = 0; i < got; ++i) {
                tail_ = (tail_ << 8) | static_cast<unsigned char>(data[i]);
                ++progress.header_bytes;
                if (data[i] == '\n') {
                    progress.line_ended = true;
                    ++progress.lines;
                }
                if ((tail_ & 0xffffffffu) == 0x0d0a0d0au || (tail_ & 0xffffu) == 0x0a0au) progress.headers_done = true;
            }
        }
        return got;
    }

protected:
    virtual ssize_t raw_read(char* data, size_t size) = 0;

private:
    std::uint32_t tail_ = 0;
};

// A plain TCP connection as cpp-httplib reads it: every wait bounded by the I/O timeout.
class PlainStream : public BoundedStream {
public:
    PlainStream(int fd, std::chrono::milliseconds timeout) : fd_(fd), timeout_(timeout) {}
    bool is_readable() const override { return wait_for(fd_, POLLIN, timeout_); }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, timeout_); }
    ssize_t raw_read(char* data, size_t size) override {
        if (!is_readable()) return -1;
        for (;;) {
            const ssize_t got = recv(fd_, data, size, 0);
            if (got < 0 && errno == EINTR) continue;
            return got;
        }
    }
    ssize_t write(const char* data, size_t size) override {
        if (!is_writable()) return -1;
        for (;;) {
            const ssize_t sent = send(fd_, data, size, MSG_NOSIGNAL);
            if (sent < 0 && errno == EINTR) continue;
            return sent;
        }
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, false, ip, port); }
    int socket() const override { return fd_; }

private:
    int fd_;
    std::chrono::milliseconds timeout_;
};

// A TLS connection: OpenSSL over the same bounded socket (SO_RCVTIMEO/SO_SNDTIMEO bound the
// reads and writes inside OpenSSL too).
class TlsStream : public BoundedStream {
public:
    TlsStream(int fd, SSL* ssl, std::chrono::milliseconds timeout) : fd_(fd), ssl_(ssl), timeout_(timeout) {}
    bool is_readable() const override { return SSL_pending(ssl_) > 0 || wait_for(fd_, POLLIN, timeout_); }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, timeout_); }
    ssize_t raw_read(char* data, size_t size) override {
        if (!is_readable()) return -1;
        const int got = SSL_read(ssl_, data, static_cast<int>(std::min<size_t>(size, 1 << 20)));
        if (got > 0) return got;
        return SSL_get_error(ssl_, got) == SSL_ERROR_ZERO_RETURN ? 0 : -1;
    }
    ssize_t write(const char* data, size_t size) override {
        if (!is_writable()) return -1;
        const int sent = SSL_write(ssl_, data, static_cast<int>(std::min<size_t>(size, 1 << 20)));
        return sent > 0 ? sent : -1;
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, false, ip, port); }
    int socket() const override { return fd_; }

private:
    int fd_;
    SSL* ssl_;
    std::chrono::milliseconds timeout_;
};

std::string openssl_error() {
    const unsigned long code = ERR_get_error();
    if (code == 0) return "unknown TLS error";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

}  // namespace

Listener::Listener(ListenerLimits limits) : limits_(limits), tls_(nullptr, SSL_CTX_free) {}

Listener::~Listener() {
    stop();
    if (listen_fd_ >= 0) close(listen_fd_);
}

void Listener::close_after_response() { close_requested = true; }

const RequestProgress& Listener::request_progress() { return progress; }

int Listener::active_connections() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(connections_.size());
}

Status Listener::use_tls(const std::filesystem::path& certificate, const std::filesystem::path& key) {
    tls_.reset(SSL_CTX_new(TLS_server_method()));
    if (!tls_) return make_error("TLS: " + openssl_error());
    SSL_CTX_set_min_proto_version(tls_.get(), TLS1_2_VERSION);
    if (SSL_CTX_use_certificate_chain_file(tls_.get(), certificate.c_str()) != 1) {
        return make_error("cannot use the certificate " + certificate.string() + ": " + openssl_error(), ErrorKind::bad_input);
    }
    if (SSL_CTX_use_PrivateKey_file(tls_.get(), key.c_str(), SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(tls_.get()) != 1) {
        return make_error("cannot use the key " + key.string() + " with the certificate " + certificate.string() + ": " +
                              openssl_error(),
                          ErrorKind::bad_input);
    }
    return ok_status();
}

Result<int> Listener::bind(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int error = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); error != 0) {
        return make_error("cannot listen on " + host + ": " + gai_strerror(error), ErrorKind::bad_input);
    }
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> owned(found, freeaddrinfo);
    for (addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
        const int fd = socket(candidate->ai_family, candidate->ai_socktype | SOCK_CLOEXEC, candidate->ai_protocol);
        if (fd < 0) continue;
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0 && ::listen(fd, 128) == 0) {
            listen_fd_ = fd;
            std::string ip;
            int bound = 0;
            address_of(fd, false, ip, bound);
            return bound;
        }
        close(fd);
    }
    return make_error("cannot listen on " + host + ":" + service + ": " + std::strerror(errno), ErrorKind::unavailable);
}

void Listener::run(const std::function<void()>& tick) {
    std::thread reaper([this] {
        while (!stop_asked_) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            reap_expired();
        }
    });
    while (!stop_asked_) {
        if (tick) tick();
        if (!wait_for(listen_fd_, POLLIN, std::chrono::milliseconds(250))) continue;
        const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::string address;
        int port = 0;
        address_of(fd, true, address, port);
        std::uint64_t id = 0;
        {
            std::lock_guard lock(mutex_);
            if (static_cast<int>(connections_.size()) >= limits_.max_connections ||
                per_address_[address] >= limits_.max_per_address) {
                // Closed unread: the client may retry later, it holds nothing here.
                if (per_address_[address] == 0) per_address_.erase(address);
                close(fd);
                continue;
            }
            id = next_id_++;
            connections_[id] = Connection{fd, address, std::chrono::steady_clock::now()};
            ++per_address_[address];
        }
        const timeval timeout{static_cast<time_t>(limits_.io_timeout.count() / 1000),
                              static_cast<suseconds_t>(limits_.io_timeout.count() % 1000 * 1000)};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        const int yes = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        std::thread(&Listener::serve_connection, this, fd, std::move(address), id).detach();
    }
    reaper.join();
    std::unique_lock lock(mutex_);
    for (auto& [id, connection] : connections_) shutdown(connection.fd, SHUT_RDWR);
    idle_.wait(lock, [this] { return connections_.empty(); });
}

void Listener::stop() { stop_asked_ = true; }

void Listener::serve_socket(int fd) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(mutex_);
        id = next_id_++;
        connections_[id] = Connection{fd, "local", std::chrono::steady_clock::now()};
        ++per_address_["local"];
    }
    serve_connection(fd, "local", id);
}

void Listener::reap_expired() {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    for (auto& [id, connection] : connections_) {
        // The descriptor stays open until its entry is gone, so this cannot hit a reused one.
        if (now - connection.started > limits_.connection_deadline) shutdown(connection.fd, SHUT_RDWR);
    }
}

void Listener::refuse_oversized_head(httplib::Stream& stream) {
    const bool in_line = !progress.line_ended;
    const std::string body = std::string("{\"error\":\"") +
                             (in_line ? "the request line is longer than 8192 bytes" : "the request's headers are larger than 64 KiB") +
                             "\",\"protocol\":1}";
    const std::string head = std::string("HTTP/1.1 ") + (in_line ? "414 URI Too Long" : "431 Request Header Fields Too Large") +
                             "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n";
    stream.write(head + body);
}

// A body refused unread is still on its way. Closing now would reset the connection, and
// the client could lose the reply that says why; so, as web servers do, stop sending, then
// read and throw away what still comes for a moment (bounded in bytes and in time, never kept).
void Listener::linger_and_discard(int fd) {
    shutdown(fd, SHUT_WR);
    char sink[16 * 1024];
    std::size_t discarded = 0;
    for (int waits = 0; waits < 8 && discarded < 64 * 1024 * 1024; ++waits) {
        if (!wait_for(fd, POLLIN, std::chrono::milliseconds(250))) continue;
        const ssize_t got = recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) return;
        if (got > 0) {
            discarded += static_cast<std::size_t>(got);
            waits = 0;
        }
    }
}

void Listener::serve_connection(int fd, std::string address, std::uint64_t id) {
    SSL* ssl = nullptr;
    bool usable = true;
    if (tls_) {
        ssl = SSL_new(tls_.get());
        usable = ssl != nullptr && SSL_set_fd(ssl, fd) == 1 && SSL_accept(ssl) == 1;
    }
    if (usable) {
        PlainStream plain(fd, limits_.io_timeout);
        TlsStream secure(fd, ssl, limits_.io_timeout);
        httplib::Stream& stream = tls_ ? static_cast<httplib::Stream&>(secure) : plain;
        for (int served = 0; served < limits_.requests_per_connection && !stop_asked_; ++served) {
            // Between requests a kept-alive connection waits no longer than for a read.
            if (served > 0 && !stream.is_readable()) break;
            close_requested = false;
            progress = RequestProgress{};
            bool connection_closed = false;
            const bool last = served + 1 == limits_.requests_per_connection;
            const bool served_ok = process_request(stream, last, connection_closed, nullptr);
            if (!served_ok && !progress.headers_done && progress.header_bytes >= BoundedStream::header_budget) {
                refuse_oversized_head(stream);
            }
            if (!served_ok || connection_closed || close_requested) break;
        }
    }
    const bool refused_body = close_requested;
    if (ssl != nullptr) {
        if (usable) SSL_shutdown(ssl);
        SSL_free(ssl);
    }
    ERR_clear_error();
    if (refused_body) linger_and_discard(fd);
    shutdown(fd, SHUT_RDWR);
    std::lock_guard lock(mutex_);
    close(fd);
    connections_.erase(id);
    if (--per_address_[address] <= 0) per_address_.erase(address);
    if (connections_.empty()) idle_.notify_all();
}

}  // namespace flytthit::reg
