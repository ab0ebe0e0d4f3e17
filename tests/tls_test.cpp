// The sync over real TLS to a real register: a test CA made here with the openssl CLI, and
// certificates that must be refused: another CA's, an expired one, one for another host; and
// the same sync through the shipped nginx front, with hostile clients cut off by nginx.
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "firmware/store/lead_store.h"
#include "common/protocol/pairing.h"
#include "tests/register_process.h"
#include "firmware/sync/sync_client.h"

#include <doctest/doctest.h>
#include <httplib.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <memory>
#include <sstream>
#include <thread>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::run_command;
using flytthit::test::valid_draft;

namespace {

// Makes ca.crt and, signed by it: server.crt (localhost, valid), expired.crt (localhost,
// expired in 2020), otherhost.crt (valid, but for other.example); and a second CA's
// stranger.crt for localhost.
void make_certificates(const std::filesystem::path& dir) {
    const std::string script = R"sh(
set -e
cd ')sh" + dir.string() + R"sh('
key() { openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.crt -days 3 -subj "/CN=Flytthit Test CA" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout stranger-ca.key -out stranger-ca.crt -days 3 -subj "/CN=Stranger CA" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > localhost.ext
printf 'subjectAltName=DNS:other.example\n' > other.ext
key server localhost
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 3 -extfile localhost.ext 2>/dev/null
key otherhost other.example
openssl x509 -req -in otherhost.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out otherhost.crt -days 3 -extfile other.ext 2>/dev/null
key stranger localhost
openssl x509 -req -in stranger.csr -CA stranger-ca.crt -CAkey stranger-ca.key -CAcreateserial -out stranger.crt -days 3 -extfile localhost.ext 2>/dev/null
key expired localhost
touch index.txt; echo 01 > serial
printf '[ca]\ndefault_ca=t\n[t]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n' > ca.cnf
openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in expired.csr -out expired.crt -startdate 20200101000000Z -enddate 20200102000000Z -extfile localhost.ext -notext 2>/dev/null
)sh";
    const auto made = run_command("bash -c \"$(cat <<'SCRIPT'\n" + script + "\nSCRIPT\n)\"", dir);
    REQUIRE(made.exit_code == 0);
}

struct TlsSetup {
    TempDir dir;
    TempDir kiosk_dir;
    LeadStore store = std::move(*LeadStore::open(kiosk_dir.path()));
    TlsSetup() { make_certificates(dir.path()); }

    RegisterProcess start(const std::string& cert) {
        return RegisterProcess(dir / ("register-" + cert), RegisterProcess::Tls{dir / (cert + ".crt"), dir / (cert + ".key")});
    }
    // Pairs the kiosk with reg (so leads are sealed to its key), then adds leads.
    Pairing pair_and_add(RegisterProcess& reg, int leads) {
        auto text = read_file_limited(reg.add_device("stand", (dir / "ca.crt").string()), 1 << 20);
        REQUIRE(text.ok());
        auto pairing = pairing_from_json(*text);
        REQUIRE(pairing.ok());
        CHECK(pairing->ca_certificate_pem.find("BEGIN CERTIFICATE") != std::string::npos);
        REQUIRE(save_pairing(kiosk_dir.path(), *pairing).ok());
        add_leads(leads);
        return *pairing;
    }
    SyncProgress sync_with(const Pairing& pairing) {
        SyncSettings settings;
        settings.max_attempts = 2;
        settings.backoff_base = 10ms;
        SyncClient client(store, pairing, settings);
        return client.run([](const SyncProgress&) {}, {});
    }
    void add_leads(int count) {
        for (int i = 0; i < count; ++i) REQUIRE(store.add(valid_draft(), test::current_rules()).ok());
    }
};

}  // namespace

TEST_CASE("sync over TLS with the register's CA from the pairing file") {
    TlsSetup setup;
    RegisterProcess reg = setup.start("server");
    CHECK(reg.url().rfind("https://localhost:", 0) == 0);
    const SyncProgress done = setup.sync_with(setup.pair_and_add(reg, 25));
    CAPTURE(done.last_error);
    CHECK(done.succeeded);
    CHECK(reg.lead_count() == 25);
    CHECK(*setup.store.count_pending() == 0);
}

TEST_CASE("certificates that must not be trusted are refused, and nothing is sent or lost") {
    for (const auto& [cert, expected] : {std::pair{"stranger", "certificate"}, std::pair{"expired", "expired"},
                                         std::pair{"otherhost", "localhost"}}) {
        CAPTURE(cert);
        TlsSetup setup;
        RegisterProcess reg = setup.start(cert);
        const SyncProgress done = setup.sync_with(setup.pair_and_add(reg, 3));
        CAPTURE(done.last_error);
        CHECK_FALSE(done.succeeded);
        CHECK(done.last_error.find(expected) != std::string::npos);
        CHECK(done.attempt == 1);  // a certificate problem is not retried
        CHECK(reg.lead_count() == 0);
        CHECK(*setup.store.count_pending() == 3);
    }
}

TEST_CASE("the register refuses plain HTTP on a non-loopback address") {
    TempDir dir;
    const auto init = run_command(flytthit::test::register_binary + " init '" + (dir / "r").string() + "'", dir.path());
    REQUIRE(init.exit_code == 0);
    const auto served =
        run_command(flytthit::test::register_binary + " serve --dir '" + (dir / "r").string() + "' --listen 0.0.0.0:0",
                    dir.path());
    CHECK(served.exit_code == 2);
    CHECK(served.err.find("refusing plain HTTP") != std::string::npos);
}

TEST_CASE("an HTTPS client that trusts the register's CA is answered, and one that trusts another CA is refused") {
    TlsSetup setup;
    RegisterProcess reg = setup.start("server");
    auto trusting = test::http_client(reg, setup.dir / "ca.crt");
    auto time = trusting.Get("/v1/time");
    REQUIRE(time);
    CHECK(time->status == 200);
    auto stranger = test::http_client(reg, setup.dir / "stranger-ca.crt");
    CHECK_FALSE(stranger.Get("/v1/time"));
}

// [SECTION] nginx in front of the register (board/nginx-flytthit-register.conf)
//
// A real nginx (Debian's nginx-light) started from the shipped site config with only its
// addresses and certificate paths changed, under a temporary prefix, as a user other than root,
// on a free loopback port, in front of a real register serving TLS. Skipped, saying so, only
// where nginx is not installed.

namespace {

const std::filesystem::path nginx_binary = "/usr/sbin/nginx";
constexpr uid_t nginx_test_uid = 65534;  // nobody: the test's nginx never runs as root

int free_loopback_port() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

// A TCP connection to 127.0.0.1:port with scaled receive and send timeouts; -1 when refused.
int connect_loopback(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto limit = test::scaled(std::chrono::seconds(30));
    const timeval timeout{static_cast<time_t>(limit.count() / 1000), 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

// Replaces the one occurrence of from in text; the shipped config must still hold it.
void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "board/nginx-flytthit-register.conf no longer has \"" << from << "\"");
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "\"" << from << "\" appears twice in the nginx config");
    text.replace(at, from.size(), to);
}

// nginx from the shipped site config in prefix, proxying to a register on register_port.
class NginxFront {
public:
    NginxFront(const std::filesystem::path& prefix, const std::filesystem::path& certificates, int register_port)
        : prefix_(prefix), port_(free_loopback_port()) {
        std::filesystem::create_directories(prefix_);
        for (const char* file : {"server.crt", "server.key", "ca.crt"}) {
            std::filesystem::copy_file(certificates / file, prefix_ / file);
        }
        std::string site = test::read_file(FLYTTHIT_SOURCE_DIR "/board/nginx-flytthit-register.conf");
        replace_once(site, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(port_) + " ssl;");
        replace_once(site, "listen [::]:443 ssl;", "");
        replace_once(site, "/etc/flytthit-register/tls/front.crt", (prefix_ / "server.crt").string());
        replace_once(site, "/etc/flytthit-register/tls/front.key", (prefix_ / "server.key").string());
        replace_once(site, "/etc/flytthit-register/tls/register-ca.crt", (prefix_ / "ca.crt").string());
        replace_once(site, "server 127.0.0.1:8443", "server 127.0.0.1:" + std::to_string(register_port));
        test::write_file(prefix_ / "site.conf", site);
        const std::string p = prefix_.string();
        // What Debian's /etc/nginx/nginx.conf gives the site, with every path under the prefix.
        test::write_file(prefix_ / "nginx.conf",
                         "daemon off;\nworker_processes 1;\npid " + p + "/nginx.pid;\nerror_log " + p + "/error.log info;\n"
                         "events { worker_connections 512; }\n"
                         "http {\n  access_log " + p + "/access.log;\n  client_body_temp_path " + p + "/body;\n"
                         "  proxy_temp_path " + p + "/proxy;\n  fastcgi_temp_path " + p + "/fastcgi;\n"
                         "  uwsgi_temp_path " + p + "/uwsgi;\n  scgi_temp_path " + p + "/scgi;\n"
                         "  include " + p + "/site.conf;\n}\n");
        if (geteuid() == 0) {
            // Run as nobody: it must reach its prefix, and own it.
            std::filesystem::permissions(prefix_.parent_path(), std::filesystem::perms::owner_all |
                                                                    std::filesystem::perms::group_exec |
                                                                    std::filesystem::perms::others_exec);
            for (const auto& entry : std::filesystem::recursive_directory_iterator(prefix_)) {
                REQUIRE(chown(entry.path().c_str(), nginx_test_uid, nginx_test_uid) == 0);
            }
            REQUIRE(chown(prefix_.c_str(), nginx_test_uid, nginx_test_uid) == 0);
        }
        const auto checked = run_command(command_line() + " -t", prefix_.parent_path());
        REQUIRE_MESSAGE(checked.exit_code == 0, "nginx -t: " << checked.err << test::read_file(prefix_ / "error.log"));
        pid_ = fork();
        if (pid_ == 0) {
            std::vector<std::string> argv;
            std::istringstream words(command_line());
            for (std::string word; words >> word;) argv.push_back(word);
            test::exec_program(argv);
            _exit(127);
        }
        REQUIRE(pid_ > 0);
        const bool up = test::wait_until([this] {
            const int fd = connect_loopback(port_);
            if (fd >= 0) close(fd);
            return fd >= 0 || !alive();
        });
        REQUIRE_MESSAGE((up && alive()), "nginx did not start: " << test::read_file(prefix_ / "error.log"));
    }
    ~NginxFront() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int status = 0;
            waitpid(pid_, &status, 0);
        }
    }
    NginxFront(const NginxFront&) = delete;
    NginxFront& operator=(const NginxFront&) = delete;

    int port() const { return port_; }
    std::string url() const { return "https://localhost:" + std::to_string(port_); }
    bool alive() const {
        int status = 0;
        return pid_ > 0 && waitpid(pid_, &status, WNOHANG) == 0;
    }
    std::string error_log() const { return test::read_file(prefix_ / "error.log"); }

private:
    std::string command_line() const {
        const std::string as_nobody = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        return as_nobody + nginx_binary.string() + " -p " + prefix_.string() + "/ -c " + (prefix_ / "nginx.conf").string() +
               " -e " + (prefix_ / "error.log").string();
    }

    std::filesystem::path prefix_;
    int port_ = 0;
    pid_t pid_ = -1;
};

struct SslContextFree {
    void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};
struct SslFree {
    void operator()(SSL* ssl) const { SSL_free(ssl); }
};

// A hostile client over TLS: it completes the handshake (trusting anything: it is the
// attacker), then sends what the test gives it, at the pace the test chooses.
class RawTlsClient {
public:
    explicit RawTlsClient(int port) : fd_(connect_loopback(port)), context_(SSL_CTX_new(TLS_client_method())) {
        REQUIRE(fd_ >= 0);
        REQUIRE(context_);
        ssl_.reset(SSL_new(context_.get()));
        REQUIRE(ssl_);
        SSL_set_fd(ssl_.get(), fd_);
        SSL_set_tlsext_host_name(ssl_.get(), "localhost");
        REQUIRE(SSL_connect(ssl_.get()) == 1);
    }
    ~RawTlsClient() {
        ssl_.reset();
        if (fd_ >= 0) close(fd_);
    }
    RawTlsClient(const RawTlsClient&) = delete;
    RawTlsClient& operator=(const RawTlsClient&) = delete;

    // False once the server has closed the connection or answered.
    bool send(std::string_view data) {
        if (server_spoke()) return false;
        while (!data.empty()) {
            const int written = SSL_write(ssl_.get(), data.data(), static_cast<int>(data.size()));
            if (written <= 0) return false;
            data.remove_prefix(static_cast<std::size_t>(written));
        }
        return true;
    }
    // Everything the server sends until it closes (or the scaled receive timeout passes).
    std::string reply() {
        std::string text;
        char buffer[4096];
        for (int got = 0; (got = SSL_read(ssl_.get(), buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
        return text;
    }

private:
    // The server answered or closed. A readable socket alone is not that: TLS 1.3 sends its
    // session tickets after the handshake, so a non-blocking peek tells them from a reply,
    // a close alert or EOF.
    bool server_spoke() const {
        pollfd poll_fd{fd_, POLLIN, 0};
        if (poll(&poll_fd, 1, 0) <= 0) return false;
        const int flags = fcntl(fd_, F_GETFL);
        fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
        char byte = 0;
        const int peeked = SSL_peek(ssl_.get(), &byte, 1);
        const int error = peeked > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl_.get(), peeked);
        fcntl(fd_, F_SETFL, flags);
        return peeked > 0 || error != SSL_ERROR_WANT_READ;
    }

    int fd_;
    std::unique_ptr<SSL_CTX, SslContextFree> context_;
    std::unique_ptr<SSL, SslFree> ssl_;
};

}  // namespace

TEST_CASE("behind the shipped nginx config a sync passes while slow and huge clients are cut off") {
    if (!std::filesystem::exists(nginx_binary)) {
        MESSAGE("SKIPPED: " << nginx_binary.string() << " is not installed (Debian's nginx-light; board/setup-debian installs it)");
        return;
    }
    signal(SIGPIPE, SIG_IGN);  // a write to a connection nginx cut must fail, not end the test
    TlsSetup setup;
    RegisterProcess reg = setup.start("server");
    NginxFront front(setup.dir / "nginx", setup.dir.path(), reg.port());

    // The kiosk is paired to nginx's address; nginx's certificate is from the same test CA.
    const auto pairing_file = setup.dir / "stand.pairing.json";
    const auto added = reg.run("add-device --dir '" + reg.dir().string() + "' stand --url " + front.url() + " --ca-file '" +
                               (setup.dir / "ca.crt").string() + "' --pairing-file '" + pairing_file.string() + "'");
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    auto pairing = pairing_from_json(test::read_file(pairing_file));
    REQUIRE(pairing.ok());
    REQUIRE(save_pairing(setup.kiosk_dir.path(), *pairing).ok());
    setup.add_leads(40);

    // While the sync runs: silent connections (not even a TLS handshake) and slow-loris
    // clients that send their request head one byte a second. Each must be cut off by nginx
    // long before it could finish.
    const std::string head = "POST /v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                             "X-Padding: " + std::string(200, 'x') + "\r\n\r\n";
    std::atomic<int> slow_cut{0}, slow_finished{0}, slow_started{0}, silent_cut{0};
    std::vector<std::thread> attackers;
    for (int i = 0; i < 4; ++i) {
        attackers.emplace_back([&, port = front.port()] {
            RawTlsClient client(port);
            std::size_t sent = 0;
            while (sent < head.size() && client.send(head.substr(sent, 1))) {
                ++sent;
                std::this_thread::sleep_for(std::chrono::seconds(1));
            }
            (sent < head.size() ? slow_cut : slow_finished)++;
            if (sent >= 3) ++slow_started;  // it was cut while trickling, not refused at once
        });
        attackers.emplace_back([&, port = front.port()] {
            const int fd = connect_loopback(port);
            if (fd < 0) return;
            char byte = 0;
            // recv ends with 0 (closed) or an error once nginx drops it; the scaled receive
            // timeout only keeps a broken run from hanging, and then counts as not cut.
            const ssize_t got = recv(fd, &byte, 1, 0);
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) ++silent_cut;
            close(fd);
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));  // let them take their connections first
    const SyncProgress done = setup.sync_with(*pairing);
    CAPTURE(done.last_error);
    CHECK(done.succeeded);
    CHECK(reg.lead_count() == 40);
    CHECK(*setup.store.count_pending() == 0);
    for (auto& attacker : attackers) attacker.join();
    CHECK(slow_cut == 4);
    CHECK(slow_finished == 0);
    CHECK(slow_started == 4);
    CHECK(silent_cut == 4);

    // A body over the register's 4 MiB cap is refused by nginx: at once when announced...
    {
        RawTlsClient client(front.port());
        REQUIRE(client.send("POST /v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: 104857600\r\n\r\n"));
        const std::string reply = client.reply();
        CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
        CHECK(reply.find("Server: nginx") != std::string::npos);  // nginx refused it, not the register
    }
    // ... and, chunked, once it passes the cap: the client cannot push 64 MiB through.
    {
        RawTlsClient client(front.port());
        REQUIRE(client.send("POST /v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n"));
        const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
        std::size_t sent = 0;
        while (sent < 64u * 1024 * 1024 && client.send(chunk)) sent += 0x10000;
        CHECK(sent < 64u * 1024 * 1024);
        const std::string reply = client.reply();
        CHECK(reply.find("413") != std::string::npos);
        CHECK(reply.find("Server: nginx") != std::string::npos);
    }
    // A flood from one address is slowed down with 429.
    {
        httplib::Client client(front.url());
        client.set_ca_cert_path((setup.dir / "ca.crt").string());
        client.set_connection_timeout(test::scaled(std::chrono::seconds(10)));
        client.set_read_timeout(test::scaled(std::chrono::seconds(30)));
        // Until the first 429: 10 a second with bursts of 40 pass, so a slow machine only
        // takes more requests to get there.
        int ok = 0, limited = 0;
        for (int i = 0; i < 2000 && limited == 0; ++i) {
            auto res = client.Get("/v1/time");
            REQUIRE(res);
            ok += res->status == 200;
            limited += res->status == 429;
        }
        CHECK(ok >= 40);  // the burst goes through
        CHECK(limited == 1);
    }
    CHECK(front.alive());
    CHECK(reg.alive());
    CHECK(reg.lead_count() == 40);
    CAPTURE(front.error_log());
}
