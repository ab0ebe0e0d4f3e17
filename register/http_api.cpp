// flytthit-register's HTTP(S) service; see http_api.h.
#include "register/http_api.h"

#include "common/protocol/keys_reply.h"
#include "common/protocol/loopback.h"

#include "common/base/device_clock.h"
#include "common/content/content_signature.h"
#include "register/register_secrets.h"
#include "register/register_store.h"
#include "common/protocol/sync_protocol.h"

#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <map>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

namespace flytthit::reg {

namespace {

using nlohmann::json;

std::int64_t unix_ms_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void reply_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(json{{"protocol", protocol::version}, {"error", message}}.dump(), "application/json");
}

// The current content pack as one JSON bundle (pictures base64, see bundle_pack), or nullopt
// when the register has none or cannot read it.
std::optional<std::string> content_bundle(const std::filesystem::path& dir) {
    const auto pack = dir / "content";
    if (!std::filesystem::exists(pack / "manifest.json")) return std::nullopt;
    auto bundle = bundle_pack(pack);
    if (!bundle) return std::nullopt;
    (*bundle)["protocol"] = protocol::version;
    return bundle->dump(-1, ' ', false, json::error_handler_t::replace);
}

// A token bucket per device: a kiosk syncs a few requests a second at most, so anything far
// beyond that is a fault or an attack, and gets 429 (the client backs off and retries).
class RateLimiter {
public:
    static constexpr double burst = 30;
    static constexpr double per_second = 10;

    bool allow(std::int64_t device) {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        auto [bucket, fresh] = buckets_.try_emplace(device, Bucket{burst, now});
        if (!fresh) {
            const double elapsed = std::chrono::duration<double>(now - bucket->second.last).count();
            bucket->second.tokens = std::min(burst, bucket->second.tokens + elapsed * per_second);
            bucket->second.last = now;
        }
        if (bucket->second.tokens < 1) return false;
        bucket->second.tokens -= 1;
        return true;
    }

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    std::mutex mutex_;
    std::map<std::int64_t, Bucket> buckets_;
};

// Everything the handlers share, owned by serve() for the server's lifetime.
struct Service {
    RegisterStore store;
    SealingKeyPair keys;
    std::mutex store_mutex;  // one writer at a time; SQLite serialises writes anyway
    std::filesystem::path dir;
    int exit_after_commits = 0;
    int commits = 0;
    RateLimiter limiter;
    std::shared_ptr<void> web_app{};  // register/web, when serve() was given the hook

    // The device the request's bearer token belongs to; answers 401 or 429 itself and
    // returns nullopt when the request must go no further.
    std::optional<Device> authenticate(const httplib::Request& req, httplib::Response& res) {
        const std::string header = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        std::optional<Device> device;
        if (header.rfind(prefix, 0) == 0) {
            const std::string hash = token_hash(header.substr(prefix.size()));
            std::lock_guard lock(store_mutex);
            device = store.device_by_token_hash(hash);
        }
        if (!device) {
            reply_error(res, 401, "unknown or missing device token");
            return std::nullopt;
        }
        if (!limiter.allow(device->id)) {
            res.set_header("Retry-After", "1");
            reply_error(res, 429, "too many requests from this device; slow down");
            return std::nullopt;
        }
        return device;
    }
};

void add_routes(httplib::Server& server, Service& service) {
    server.Get("/v1/time", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(protocol::encode_time(unix_ms_now()), "application/json");
    });

    server.Get("/v1/keys", [&service](const httplib::Request& req, httplib::Response& res) {
        if (!service.authenticate(req, res)) return;
        auto keys = read_public_keys(service.dir);
        if (!keys) return reply_error(res, 500, keys.error().message);
        res.set_content(protocol::encode_keys_reply({keys->sealing, keys->signing}), "application/json");
    });

    server.Post("/v1/leads", [&service](const httplib::Request& req, httplib::Response& res) {
        const auto device = service.authenticate(req, res);
        if (!device) return;
        auto items = protocol::decode_batch(req.body, current_year(), &service.keys);
        if (!items) return reply_error(res, 400, "batch refused: " + items.error().message);
        std::vector<protocol::LeadAck> acks;
        {
            std::lock_guard lock(service.store_mutex);
            auto stored = service.store.store_batch(*device, *items);
            if (!stored) {
                std::cerr << "flytthit-register: storing a batch from " << device->name << ": "
                          << stored.error().message << std::endl;
                return reply_error(res, 503, "the register could not store the batch; try again later");
            }
            acks = std::move(*stored);
            if (service.exit_after_commits > 0 && ++service.commits >= service.exit_after_commits) {
                std::cerr << "flytthit-register: test hook: exiting after commit, before the reply" << std::endl;
                std::_Exit(0);
            }
        }
        res.set_content(protocol::encode_reply(acks), "application/json");
    });

    server.Get("/v1/content", [&service](const httplib::Request& req, httplib::Response& res) {
        if (!service.authenticate(req, res)) return;
        const auto bundle = content_bundle(service.dir);
        if (!bundle) return reply_error(res, 404, "the register has no content pack");
        const std::string etag = "\"" + token_hash(*bundle).substr(0, 32) + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.set_content(*bundle, "application/json");
    });

    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        reply_error(res, res.status, res.status == 413 ? "request too large" : "no such endpoint");
    });
}

// Stops the server on SIGINT or SIGTERM: a thread waits for the signal, so no handler has
// to touch the server from signal context.
class StopOnSignal {
public:
    explicit StopOnSignal(httplib::Server& server) {
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        waiter_ = std::thread([&server, signals] {
            int received = 0;
            sigwait(&signals, &received);
            server.stop();
        });
        waiter_.detach();
    }

private:
    std::thread waiter_;
};

}  // namespace

int serve(const ServeOptions& options) {
    const bool tls = options.tls_cert && options.tls_key;
    if (!tls && !protocol::is_loopback_host(options.host)) {
        std::cerr << "flytthit-register: refusing plain HTTP on " << options.host
                  << ": give --tls-cert and --tls-key (plain HTTP is only for loopback addresses)\n";
        return 2;
    }
    auto store = RegisterStore::open(options.dir);
    if (!store) {
        std::cerr << "flytthit-register: " << store.error().message << "\n";
        return 1;
    }
    auto keys = read_sealing_key_pair(options.dir);
    if (!keys) {
        std::cerr << "flytthit-register: " << keys.error().message << "\n";
        return 1;
    }
    Service service{std::move(*store), std::move(*keys), {}, options.dir, options.exit_after_commits, 0, {}};

    std::unique_ptr<httplib::Server> server;
    if (tls) {
        auto secure = std::make_unique<httplib::SSLServer>(options.tls_cert->c_str(), options.tls_key->c_str());
        if (!secure->is_valid()) {
            std::cerr << "flytthit-register: cannot use the certificate " << options.tls_cert->string() << " with key "
                      << options.tls_key->string() << "\n";
            return 1;
        }
        server = std::move(secure);
    } else {
        server = std::make_unique<httplib::Server>();
    }
    server->set_payload_max_length(protocol::max_batch_bytes + 64 * 1024);
    server->set_read_timeout(30, 0);
    server->set_write_timeout(30, 0);
    add_routes(*server, service);
    if (options.web) {
        auto web = options.web(*server, service.store, service.store_mutex, tls);
        if (!web) {
            std::cerr << "flytthit-register: the web app: " << web.error().message << "\n";
            return 1;
        }
        service.web_app = std::move(*web);
    }
    StopOnSignal stop(*server);

    const int port = options.port == 0 ? server->bind_to_any_port(options.host) : options.port;
    if (port < 0 || (options.port != 0 && !server->bind_to_port(options.host, options.port))) {
        std::cerr << "flytthit-register: cannot listen on " << options.host << ":" << options.port << "\n";
        return 1;
    }
    std::cout << "flytthit-register: listening on " << (tls ? "https" : "http") << "://" << options.host << ":" << port
              << std::endl;
    server->listen_after_bind();
    return 0;
}

}  // namespace flytthit::reg
