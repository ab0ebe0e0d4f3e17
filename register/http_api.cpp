// flytthit-register's HTTP(S) service; see http_api.h.
#include "register/http_api.h"

#include "common/protocol/keys_reply.h"
#include "common/protocol/loopback.h"

#include "common/base/byte_encoding.h"
#include "common/base/device_clock.h"
#include "common/content/content_signature.h"
#include "register/batch_checker.h"
#include "register/http_listener.h"
#include "register/lead_checks.h"
#include "register/register_secrets.h"
#include "register/register_store.h"
#include "common/protocol/receipt.h"
#include "common/protocol/sync_protocol.h"

#include <httplib.h>
#include <systemd/sd-daemon.h>
#include <signal.h>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <functional>
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
    // The message may quote the request (a path with bytes that are not UTF-8): replaced, never
    // a throw that turns a 404 into a 500.
    res.set_content(json{{"protocol", protocol::version}, {"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace),
                    "application/json");
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
    Service(RegisterStore opened, SealingKeyPair sealing, std::string signing, std::filesystem::path register_dir, int exit_hook)
        : store(std::move(opened)), keys(std::move(sealing)), signing_secret(std::move(signing)), dir(std::move(register_dir)),
          exit_after_commits(exit_hook) {}

    RegisterStore store;
    SealingKeyPair keys;
    std::string signing_secret;  // hex; signs each batch's receipt (common/protocol/receipt.h)
    std::mutex store_mutex;  // one writer at a time; SQLite serialises writes anyway
    std::filesystem::path dir;
    int exit_after_commits = 0;
    int commits = 0;
    RateLimiter limiter;
    std::vector<KnownMunicipality> known;  // of the content pack as of known_as_of
    std::filesystem::file_time_type known_as_of{};
    WebApp web_app{};  // register/web, when serve() was given the hook
    // Rung by the checker after each batch it reads, for results requests that wait.
    std::mutex read_mutex;
    std::condition_variable batch_read;
    // Reads delivered batches (POST /v1/batches) beside the HTTP threads. Last, so it stops
    // before anything it uses is gone.
    std::unique_ptr<BatchChecker> checker;

    // The municipalities of the register's current pack, read again when publish-content
    // changed it. Call with store_mutex held.
    Result<std::vector<KnownMunicipality>> municipalities() {
        std::error_code error;
        const auto changed = std::filesystem::last_write_time(dir / "content" / "manifest.json", error);
        if (known.empty() || (!error && changed != known_as_of)) {
            auto read = known_municipalities(dir);
            if (!read) return read.error();
            known = std::move(*read);
            known_as_of = error ? std::filesystem::file_time_type{} : changed;
        }
        return known;
    }

    // The test hook FLYTTHIT_REGISTER_EXIT_AFTER_COMMITS: the register dies after storing what
    // a kiosk sent and before its reply, as a power cut there would. Call with store_mutex held.
    void exit_if_test_hook_says() {
        if (exit_after_commits > 0 && ++commits >= exit_after_commits) {
            std::cerr << "flytthit-register: test hook: exiting after commit, before the reply" << std::endl;
            std::_Exit(0);
        }
    }

    // How both POST /v1/leads and the batch checker store a decoded batch: the leads naming a
    // municipality the register's current pack does not know are refused, then store_them
    // stores the rest. Call with store_mutex held. A failure is logged, naming the device.
    Status store_known(const Device& device, std::vector<protocol::ReceivedItem>& items,
                       const std::function<Status(const std::vector<protocol::ReceivedItem>&)>& store_them) {
        auto known = municipalities();
        Status stored = known ? ok_status() : Status(with_context("reading the content pack", known.error()));
        if (known) {
            reject_unknown_municipalities(items, *known);
            stored = store_them(items);
        }
        if (!stored) {
            std::cerr << "flytthit-register: storing a batch from " << device.name << ": " << stored.error().message << std::endl;
        }
        return stored;
    }

    // The reply to a batch: its per-lead results and the receipt signed over them, the same
    // for POST /v1/leads and for a delivered batch's results.
    Result<std::string> results_reply(std::string_view batch_sha256, const std::vector<protocol::LeadAck>& acks) {
        auto receipt = protocol::sign_receipt_for(batch_sha256, acks, signing_secret);
        if (!receipt) return with_context("signing a receipt", receipt.error());
        return protocol::encode_reply(acks, *receipt);
    }

    // One step of the batch checker: reads the oldest delivered batch, the same way POST
    // /v1/leads reads its body, and stores its leads and its reply in one transaction, then
    // forgets it in the inbox. The sealed parts are opened without the store's lock; the
    // inbox is never waited on while the store is busy, nor the store while a delivery is.
    BatchChecker::Step check_next_batch() {
        BatchInbox& inbox = store.inbox();
        auto next = inbox.next();
        if (!next) {
            std::cerr << "flytthit-register: " << next.error().message << std::endl;
            return BatchChecker::Step::failed;
        }
        if (!*next) return BatchChecker::Step::idle;
        const UncheckedBatch& batch = **next;
        auto items = protocol::decode_batch(batch.body, current_year(), &keys);
        {
            std::lock_guard lock(store_mutex);
            Status recorded = ok_status();
            if (!items) {
                const std::string reason = "batch refused: " + items.error().message;
                std::cerr << "flytthit-register: a batch from " << batch.device.name << " (" << batch.batch_sha256.substr(0, 12)
                          << ") " << reason << std::endl;
                recorded = store.refuse_batch(batch.device, batch.batch_sha256, reason);
                if (!recorded) {
                    std::cerr << "flytthit-register: recording a refused batch from " << batch.device.name << ": "
                              << recorded.error().message << std::endl;
                }
            } else {
                recorded = store_known(batch.device, *items, [&](const std::vector<protocol::ReceivedItem>& known_items) {
                    return store.store_checked_batch(batch.device, batch.batch_sha256, known_items,
                                                     [&](const std::vector<protocol::LeadAck>& acks) {
                                                         return results_reply(batch.batch_sha256, acks);
                                                     });
                });
            }
            if (!recorded) return BatchChecker::Step::failed;
        }
        // Read and committed: a stop before this only makes the next start find it read already.
        if (auto forgotten = inbox.forget(batch.device, batch.batch_sha256); !forgotten) {
            std::cerr << "flytthit-register: " << forgotten.error().message << std::endl;
            return BatchChecker::Step::failed;
        }
        // Taken once, empty: a results request looks at a batch's state holding this lock, so
        // one that found this batch unread is already waiting when the notify comes, and does
        // not sleep its whole ?wait.
        {
            std::lock_guard lock(read_mutex);
        }
        batch_read.notify_all();
        return BatchChecker::Step::checked;
    }

    // The device the request's bearer token belongs to; answers 401 or 429 itself and
    // returns nullopt when the request must go no further.
    std::optional<Device> authenticate(const httplib::Request& req, httplib::Response& res) {
        const std::string header = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        std::optional<Device> device;
        if (header.rfind(prefix, 0) == 0) {
            const std::string hash = token_hash(header.substr(prefix.size()));
            std::lock_guard lock(store_mutex);
            auto found = store.device_by_token_hash(hash);
            if (!found) {
                reply_error(res, 503, "the register cannot check device tokens just now; try again later");
                return std::nullopt;
            }
            device = *found;
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

// The device the pre-routing check authenticated for the request on this thread: the check
// and the handler run on the connection's own thread, one request at a time.
thread_local std::optional<Device> request_device;

bool has_body(const httplib::Request& req) {
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

// Refuses the request before any body byte is read; the connection closes after the reply,
// so an unread body is never taken for the next request.
httplib::Server::HandlerResponse refuse(httplib::Response& res, int status, const std::string& message) {
    reply_error(res, status, message);
    Listener::close_after_response();
    return httplib::Server::HandlerResponse::Handled;
}

// A path the web app answers (everything outside /v1/, when the web app runs).
bool is_web_path(const Service& service, const std::string& path) {
    return service.web_app.app && !path.empty() && path.rfind("/v1/", 0) != 0;
}

// The Content-Length header as a number: nullopt without one, -1 when it is not a number.
std::optional<std::int64_t> content_length(const httplib::Request& req) {
    if (!req.has_header("Content-Length")) return std::nullopt;
    const std::string length = req.get_header_value("Content-Length");
    if (length.empty() || length.size() > 12 || length.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoll(length);
}

bool starts_with_folded(const std::string& text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
}

// A web form is at most what cpp-httplib 0.11.4 itself parses as urlencoded
// (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH): it would read a longer one whole, up to the
// server's payload limit, and only then refuse it.
constexpr std::int64_t max_form_bytes = CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH;

// The web's rules, from the request line and headers alone: GET and HEAD carry no body; a POST
// is a form (application/x-www-form-urlencoded, identity encoding, Content-Length at most
// max_form_bytes). Returns the status to refuse with, or 0 when the request may go on.
int web_refusal(const httplib::Request& req) {
    if (req.method == "GET" || req.method == "HEAD") return has_body(req) ? 413 : 0;
    if (req.method != "POST") return 405;
    const auto length = content_length(req);
    if (req.has_header("Transfer-Encoding") || !length) return 411;
    if (*length < 0) return 400;
    if (*length > max_form_bytes) return 413;
    if (const auto encoding = req.get_header_value("Content-Encoding"); !encoding.empty() && encoding != "identity") return 415;
    const std::string type = req.get_header_value("Content-Type");
    const std::string_view form = "application/x-www-form-urlencoded";
    if (!starts_with_folded(type, form) || (type.size() > form.size() && type[form.size()] != ';' && type[form.size()] != ' ')) {
        return 415;
    }
    return 0;
}

constexpr std::string_view batch_state_prefix = "/v1/batches/";

// GET /v1/batches/<sha256>: 64 lowercase hex digits after the prefix, nothing else.
bool is_batch_state_path(const std::string& path) {
    if (path.size() != batch_state_prefix.size() + 64 || path.rfind(batch_state_prefix, 0) != 0) return false;
    return path.find_first_not_of("0123456789abcdef", batch_state_prefix.size()) == std::string::npos;
}

// Limits before work: everything that can be judged from the request line and headers is
// judged here, before cpp-httplib reads a byte of the body.
httplib::Server::HandlerResponse check_before_body(Service& service, const httplib::Request& req, httplib::Response& res) {
    request_device.reset();
    if (is_web_path(service, req.path)) {
        const int status = web_refusal(req);
        if (status == 0) return httplib::Server::HandlerResponse::Unhandled;  // register/web
        service.web_app.refusal_page(req, res, status);
        Listener::close_after_response();
        return httplib::Server::HandlerResponse::Handled;
    }
    const bool batch = req.method == "POST" && (req.path == "/v1/leads" || req.path == "/v1/batches");
    const bool known = batch || (req.method == "GET" && (req.path == "/v1/time" || req.path == "/v1/keys" ||
                                                         req.path == "/v1/content" || is_batch_state_path(req.path)));
    if (!known) return refuse(res, 404, "no such endpoint: " + req.method.substr(0, 10) + " " + req.path.substr(0, 100));
    if (const auto encoding = req.get_header_value("Content-Encoding"); !encoding.empty() && encoding != "identity") {
        return refuse(res, 415, "Content-Encoding \"" + encoding.substr(0, 40) + "\" is not accepted; send the body unencoded");
    }
    if (!batch && has_body(req)) return refuse(res, 413, req.method + " " + req.path + " takes no body");
    if (req.path != "/v1/time") {
        request_device = service.authenticate(req, res);
        if (!request_device) {
            Listener::close_after_response();
            return httplib::Server::HandlerResponse::Handled;
        }
    }
    if (batch) {
        const auto type = req.get_header_value("Content-Type");
        if (!type.empty() && type.rfind("application/json", 0) != 0) {
            return refuse(res, 415, "Content-Type \"" + type.substr(0, 60) + "\": a batch is application/json");
        }
        if (const auto length = content_length(req)) {
            if (*length < 0) {
                return refuse(res, 400, "Content-Length \"" + req.get_header_value("Content-Length").substr(0, 20) + "\" is not a number");
            }
            if (static_cast<std::uint64_t>(*length) > protocol::max_batch_bytes) {
                return refuse(res, 413, "a batch is at most " + std::to_string(protocol::max_batch_bytes) + " bytes");
            }
        } else if (req.get_header_value("Transfer-Encoding") != "chunked") {
            return refuse(res, 411, "a batch needs Content-Length or chunked Transfer-Encoding");
        }
    }
    return httplib::Server::HandlerResponse::Unhandled;
}

// What cpp-httplib's own refusals mean, in words (it answers them before any handler runs).
std::string error_reason(int status) {
    switch (status) {
        case 400: return Listener::request_progress().lines <= 1 ? "malformed request line" : "malformed request";
        case 413: return "request body too large";
        case 414: return "the request line is longer than 8192 bytes";
        case 431: return "a header line is longer than 8192 bytes, or the headers are malformed";
        case 404: return "no such endpoint";
        default: return "request refused";
    }
}

// The longest a results request may wait for its batch to be read (GET /v1/batches/<sha>?wait=S).
constexpr std::chrono::seconds max_results_wait{10};

std::chrono::milliseconds results_wait_asked(const httplib::Request& req) {
    const std::string asked = req.get_param_value("wait");
    if (asked.empty() || asked.size() > 3 || asked.find_first_not_of("0123456789") != std::string::npos) return {};
    return std::min<std::chrono::milliseconds>(std::chrono::seconds(std::stoi(asked)), max_results_wait);
}

// Reads a batch's body under the protocol's cap, which holds for chunked bodies too: reading
// stops at the first byte beyond it. Answers the refusal itself and returns nullopt when the
// body cannot be had.
std::optional<std::string> read_batch_body(const httplib::ContentReader& read_body, httplib::Response& res) {
    std::string body;
    bool too_large = false;
    const bool complete = read_body([&](const char* data, std::size_t length) {
        if (body.size() + length > protocol::max_batch_bytes) {
            too_large = true;
            return false;
        }
        body.append(data, length);
        return true;
    });
    if (too_large) {
        Listener::close_after_response();
        reply_error(res, 413, "a batch is at most " + std::to_string(protocol::max_batch_bytes) + " bytes");
        return std::nullopt;
    }
    if (!complete) {
        Listener::close_after_response();
        reply_error(res, 400, "the body could not be read: cut off, or malformed chunked encoding");
        return std::nullopt;
    }
    return body;
}

void add_routes(Listener& server, Service& service) {
    server.set_pre_routing_handler(
        [&service](const httplib::Request& req, httplib::Response& res) { return check_before_body(service, req, res); });

    server.Get("/v1/time", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(protocol::encode_time(unix_ms_now()), "application/json");
    });

    server.Get("/v1/keys", [&service](const httplib::Request&, httplib::Response& res) {
        auto keys = read_public_keys(service.dir);
        if (!keys) return reply_error(res, 500, keys.error().message);
        res.set_content(protocol::encode_keys_reply({keys->sealing, keys->signing}), "application/json");
    });

    server.Post("/v1/leads", [&service](const httplib::Request&, httplib::Response& res,
                                        const httplib::ContentReader& read_body) {
        const auto device = request_device;
        if (!device) return reply_error(res, 401, "unknown or missing device token");
        const auto body = read_batch_body(read_body, res);
        if (!body) return;
        auto items = protocol::decode_batch(*body, current_year(), &service.keys);
        if (!items) return reply_error(res, 400, "batch refused: " + items.error().message);
        std::vector<protocol::LeadAck> acks;
        {
            std::lock_guard lock(service.store_mutex);
            const Status stored = service.store_known(*device, *items, [&](const std::vector<protocol::ReceivedItem>& known_items) {
                auto results = service.store.store_batch(*device, known_items);
                if (!results) return Status(results.error());
                acks = std::move(*results);
                return ok_status();
            });
            if (!stored) return reply_error(res, 503, "the register could not store the batch; try again later");
            service.exit_if_test_hook_says();
        }
        // Signed after the commit: a receipt is the register's word that these leads are stored.
        auto reply = service.results_reply(sha256_hex(*body), acks);
        if (!reply) {
            std::cerr << "flytthit-register: " << reply.error().message << std::endl;
            return reply_error(res, 500, "the register could not sign its receipt; the batch is stored, send it again");
        }
        res.set_content(*reply, "application/json");
    });

    // A delivery: the body is stored as received and acknowledged with the register's signed
    // word that it holds it; the checker reads it after (PROTOCOL.md, "Delivered batches").
    server.Post("/v1/batches", [&service](const httplib::Request&, httplib::Response& res,
                                          const httplib::ContentReader& read_body) {
        const auto device = request_device;
        if (!device) return reply_error(res, 401, "unknown or missing device token");
        const auto body = read_batch_body(read_body, res);
        if (!body) return;
        const std::string sha = sha256_hex(*body);
        // Only the inbox's own lock: a delivery never waits for the checker storing leads.
        auto delivery = service.store.inbox().receive(*device, sha, *body);
        if (!delivery) {
            std::cerr << "flytthit-register: storing a delivered batch from " << device->name << ": "
                      << delivery.error().message << std::endl;
            return reply_error(res, 503, "the register could not store the batch; try again later");
        }
        if (delivery->over_limit) {
            res.set_header("Retry-After", "5");
            return reply_error(res, 503, "the register is still reading this kiosk's earlier batches; try again shortly");
        }
        if (delivery->stored) {
            std::lock_guard lock(service.store_mutex);
            service.exit_if_test_hook_says();
        }
        service.checker->wake();
        auto received = protocol::sign_received(sha, service.signing_secret);
        if (!received) {
            std::cerr << "flytthit-register: signing a delivery: " << received.error().message << std::endl;
            return reply_error(res, 500, "the register could not sign its receipt; the batch is stored, send it again");
        }
        res.status = 202;
        res.set_content(protocol::encode_received(*received), "application/json");
    });

    // A delivered batch's results: 202 while it is read, 200 with exactly the reply POST
    // /v1/leads would have given, 422 when it was refused whole, 404 when this device never
    // delivered it.
    server.Get(std::string(batch_state_prefix) + "[0-9a-f]{64}", [&service](const httplib::Request& req, httplib::Response& res) {
        const auto device = request_device;
        if (!device) return reply_error(res, 401, "unknown or missing device token");
        const std::string sha = req.path.substr(batch_state_prefix.size());
        // The inbox first: the checker commits a batch's results before it forgets the batch
        // there, so a batch in neither place was never delivered (or the register was restored
        // from a backup taken before it came: the kiosk then sends its leads again).
        auto state_now = [&]() -> Result<BatchState> {
            auto waiting = service.store.inbox().holds(*device, sha);
            if (!waiting) return waiting.error();
            if (*waiting) return BatchState{BatchState::Kind::checking, {}};
            std::lock_guard lock(service.store_mutex);
            return service.store.checked_state(*device, sha);
        };
        // ?wait=S: while the batch is being read, answer when it has been, or after S seconds
        // (at most max_results_wait): one request instead of a kiosk asking again and again.
        // The state is looked at with read_mutex held, so the checker's notify (made after
        // taking that lock) cannot fall between a look and the wait that follows it.
        const auto until = std::chrono::steady_clock::now() + results_wait_asked(req);
        std::unique_lock wait_lock(service.read_mutex);
        Result<BatchState> state = state_now();
        while (state && state->kind == BatchState::Kind::checking && std::chrono::steady_clock::now() < until) {
            service.batch_read.wait_until(wait_lock, until);
            state = state_now();
        }
        wait_lock.unlock();
        if (!state) {
            std::cerr << "flytthit-register: looking up a batch: " << state.error().message << std::endl;
            return reply_error(res, 503, "the register cannot look up the batch just now; try again later");
        }
        switch (state->kind) {
            case BatchState::Kind::unknown: return reply_error(res, 404, "no batch " + sha + " from this device");
            case BatchState::Kind::checking:
                res.status = 202;
                return res.set_content(protocol::encode_checking(), "application/json");
            case BatchState::Kind::refused: return reply_error(res, 422, state->text);
            case BatchState::Kind::checked: return res.set_content(state->text, "application/json");
        }
    });

    server.Get("/v1/content", [&service](const httplib::Request& req, httplib::Response& res) {
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

    // A handler that throws is a bug: logged, answered 500 in the protocol's shape, and
    // cpp-httplib's own answer (which puts the exception's text in a header) never sent.
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
        std::string what = "an unknown exception";
        try {
            if (thrown) std::rethrow_exception(thrown);
        } catch (const std::exception& error) {
            what = error.what();
        } catch (...) {
        }
        std::cerr << "flytthit-register: " << req.method.substr(0, 10) << " " << req.path.substr(0, 100) << ": " << what << std::endl;
        reply_error(res, 500, "the register failed on this request; it is logged");
    });
    server.set_error_handler([&service](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        // cpp-httplib says 400 when a header line is too long: the request line was read, the
        // headers were not.
        const RequestProgress& progress = Listener::request_progress();
        if (res.status == 400 && !progress.headers_done && progress.lines >= 2) res.status = 431;
        // A request whose line could not be read has no path: it gets the protocol's JSON.
        if (is_web_path(service, req.path)) return service.web_app.refusal_page(req, res, res.status);
        reply_error(res, res.status, error_reason(res.status));
    });
}

// Stops the server on SIGINT or SIGTERM: a thread waits for the signal, so no handler has
// to touch the server from signal context.
class StopOnSignal {
public:
    explicit StopOnSignal(Listener& server) {
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

struct ApiServer::State {
    State(RegisterStore store, SealingKeyPair sealing, std::string signing, const ServeOptions& options)
        : service(std::move(store), std::move(sealing), std::move(signing), options.dir, options.exit_after_commits) {}
    Service service;
    Listener server;
};

ApiServer::ApiServer(std::unique_ptr<State> state) : state_(std::move(state)) {}
ApiServer::~ApiServer() = default;
Listener& ApiServer::listener() { return state_->server; }

Result<std::unique_ptr<ApiServer>> ApiServer::open(const ServeOptions& options) {
    auto store = RegisterStore::open(options.dir);
    if (!store) return store.error();
    auto keys = read_sealing_key_pair(options.dir);
    if (!keys) return keys.error();
    auto signing = read_signing_secret(options.dir);
    if (!signing) return signing.error();
    auto state = std::make_unique<State>(std::move(*store), std::move(*keys), std::move(*signing), options);
    Service& service = state->service;
    Listener& server = state->server;
    service.checker = std::make_unique<BatchChecker>([&service] { return service.check_next_batch(); });
    const bool tls = options.tls_cert && options.tls_key;
    if (tls) {
        if (auto secure = server.use_tls(*options.tls_cert, *options.tls_key); !secure) return secure.error();
    }
    // No request but a batch or a web form has a body: a batch's cap is enforced as it is read,
    // a form's (max_form_bytes) by the request gate before it is read.
    server.set_payload_max_length(protocol::max_batch_bytes);
    add_routes(server, service);
    if (options.web) {
        auto web = options.web(server, service.store, service.store_mutex, tls);
        if (!web) return with_context("the web app", web.error());
        service.web_app = std::move(*web);
    }
    return std::unique_ptr<ApiServer>(new ApiServer(std::move(state)));
}

int serve(const ServeOptions& options) {
    const bool tls = options.tls_cert && options.tls_key;
    if (!tls && !protocol::is_loopback_host(options.host)) {
        std::cerr << "flytthit-register: refusing plain HTTP on " << options.host
                  << ": give --tls-cert and --tls-key (plain HTTP is only for loopback addresses)\n";
        return 2;
    }
    auto api = ApiServer::open(options);
    if (!api) {
        std::cerr << "flytthit-register: " << api.error().message << "\n";
        return 1;
    }
    Listener& server = (*api)->listener();
    StopOnSignal stop(server);

    auto port = server.bind(options.host, options.port);
    if (!port) {
        std::cerr << "flytthit-register: " << port.error().message << "\n";
        return 1;
    }
    std::cout << "flytthit-register: listening on " << (tls ? "https" : "http") << "://" << options.host << ":" << *port
              << std::endl;
    // Under systemd (Type=notify): ready once listening, and alive while the accept loop turns.
    sd_notify(0, "READY=1");
    std::uint64_t watchdog_usec = 0;
    const bool watchdog = sd_watchdog_enabled(0, &watchdog_usec) > 0 && watchdog_usec > 0;
    auto last_ping = std::chrono::steady_clock::now();
    server.run([&] {
        const auto now = std::chrono::steady_clock::now();
        if (watchdog && now - last_ping >= std::chrono::microseconds(watchdog_usec / 3)) {
            sd_notify(0, "WATCHDOG=1");
            last_ping = now;
        }
    });
    sd_notify(0, "STOPPING=1");
    return 0;
}

}  // namespace flytthit::reg
