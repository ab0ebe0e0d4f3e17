// libFuzzer harness: the register's whole handling of a request, from the first byte on the
// connection to the reply: cpp-httplib's parsing under the listener's bounds, the request
// gate, the token check, the batch path into a real register (the web app's routes too). Each
// input is one connection's bytes, served through a socketpair by the same code as a real one.
// "@TOKEN@" in an input stands for a paired device's token, so the corpus reaches the store.
#include "register/http_api.h"
#include "register/http_listener.h"
#include "register/register_secrets.h"
#include "register/register_store.h"
#include "register/web/web_app.h"

#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace {

using namespace flytthit;
using namespace flytthit::reg;

// A register in a temporary directory (in memory where /dev/shm exists, so commits are cheap),
// opened once for the whole run, as libFuzzer harnesses keep their fixture.
struct FuzzedRegister {
    std::filesystem::path dir;
    std::string token;
    std::unique_ptr<ApiServer> api;

    FuzzedRegister() {
        const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        std::string pattern = (base / "flytthit-request-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) std::abort();
        dir = pattern;
        {
            auto store = RegisterStore::open(dir);
            if (!store || !create_key_pairs(dir, true)) std::abort();
            token = new_device_token();
            if (!store->add_device("stand-1", token_hash(token))) std::abort();
        }
        ServeOptions options;
        options.dir = dir;
        options.web = [dir = dir](httplib::Server& server, RegisterStore& store, std::mutex& mutex, bool tls) {
            return web::add_web_routes(server, store, mutex, {dir, tls});
        };
        auto opened = ApiServer::open(options);
        if (!opened) std::abort();
        api = std::move(*opened);
    }
    ~FuzzedRegister() {
        api.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

FuzzedRegister& fuzzed_register() {
    static FuzzedRegister instance;
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedRegister& reg = fuzzed_register();
    std::string request(reinterpret_cast<const char*>(data), size);
    for (std::size_t at = request.find("@TOKEN@"); at != std::string::npos; at = request.find("@TOKEN@", at + reg.token.size())) {
        request.replace(at, 7, reg.token);
    }
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) std::abort();
    // The client's side: send the request and stop sending; read whatever comes back until
    // the server closes, on a thread of its own so no reply can fill the socket and stall.
    std::string reply;
    std::thread client([&] {
        for (std::size_t sent = 0; sent < request.size();) {
            const ssize_t wrote = send(ends[0], request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (wrote <= 0) break;
            sent += static_cast<std::size_t>(wrote);
        }
        shutdown(ends[0], SHUT_WR);
        char buffer[16 * 1024];
        for (;;) {
            const ssize_t got = recv(ends[0], buffer, sizeof buffer, 0);
            if (got <= 0) break;
            reply.append(buffer, static_cast<std::size_t>(got));
        }
    });
    reg.api->listener().serve_socket(ends[1]);  // takes ends[1] over and closes it
    client.join();
    close(ends[0]);
    // Invariants: whatever came in, the register answered in HTTP or not at all, and never
    // with an internal error (every bad input is the client's 4xx, with its reason).
    const bool http = reply.empty() || reply.rfind("HTTP/1.1 ", 0) == 0;
    if (!http || reply.find("HTTP/1.1 500") != std::string::npos) {
        std::fprintf(stderr, "register_request_fuzz: the reply broke an invariant:\n%.2000s\n", reply.c_str());
        __builtin_trap();
    }
    return 0;
}
