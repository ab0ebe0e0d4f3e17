// flytthit-register's HTTP(S) service: protocol v1 (common/protocol/PROTOCOL.md) over cpp-httplib.
#pragma once

#include "common/base/result.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace flytthit::reg {

class RegisterStore;

// What the hosts' web app (register/web) gives the server: the app itself, which must live as
// long as the server, and the HTML page for a request the server refuses on a web path (the
// request gate's refusals and cpp-httplib's own; the request may be only partly read).
struct WebApp {
    std::shared_ptr<void> app;
    std::function<void(const httplib::Request&, httplib::Response&, int status)> refusal_page;
};

// Adds the web app to the server: its routes on the same listener and TLS, every path outside
// /v1/ its own. The server's request gate applies the web's rules to those paths.
using WebHook = std::function<Result<WebApp>(httplib::Server&, RegisterStore&, std::mutex&, bool tls)>;

struct ServeOptions {
    std::filesystem::path dir;
    std::string host = "127.0.0.1";
    int port = 8443;  // 0: any free port (printed when listening)
    std::optional<std::filesystem::path> tls_cert;
    std::optional<std::filesystem::path> tls_key;
    // Test hook (FLYTTHIT_REGISTER_EXIT_AFTER_COMMITS): exit right after the Nth committed
    // batch, before replying, as a crash there would. 0: never.
    int exit_after_commits = 0;
    WebHook web;  // empty: protocol v1 only
};

// True for 127.0.0.0/8, ::1 and localhost: the only places plain HTTP is allowed.
bool is_loopback_host(const std::string& host);

class Listener;

// The service without its socket: the store and keys opened, every route and the request gate
// on a Listener that is not bound yet. serve() binds and runs one; the request fuzzer
// (fuzz/register_request_fuzz.cpp) hands its Listener connections directly.
class ApiServer {
public:
    // Opens the register in options.dir and adds the routes (and the web app, when
    // options.web is set). Errors name what could not be opened.
    static Result<std::unique_ptr<ApiServer>> open(const ServeOptions& options);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    Listener& listener();

private:
    struct State;
    explicit ApiServer(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Serves until SIGINT or SIGTERM. Returns the exit code; errors go to stderr.
int serve(const ServeOptions& options);

}  // namespace flytthit::reg
