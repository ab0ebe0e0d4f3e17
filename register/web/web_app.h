// The hosts' web app, served by flytthit-register on its own listener (same TLS): login,
// the host's inbox and lead pages, follow-up, results, exports, users, the audit log,
// erasure and retention. Server-rendered HTML from the embedded Mustache templates.
// Handlers run on httplib's worker threads; every use of the store holds the register's
// store lock.
#pragma once

#include "common/content/content_pack.h"
#include "register/http_api.h"
#include "register/register_store.h"

#include <filesystem>
#include <memory>
#include <mutex>

namespace httplib {
class Server;
}

namespace flytthit::reg::web {

struct WebOptions {
    std::filesystem::path dir;  // the register's directory (content pack, temporary exports)
    bool tls = false;           // cookies get Secure
    std::int64_t idle_seconds = 30 * 60;       // FLYTTHIT_WEB_IDLE_SECONDS overrides (tests)
    std::int64_t absolute_seconds = 12 * 3600;
};

// Adds the web routes to server and runs retention once. store and mutex must outlive it,
// and the caller keeps the returned app alive as long as the server runs. Fails when the
// content pack cannot be loaded (names come from it) or a template does not parse.
Result<WebApp> add_web_routes(httplib::Server& server, RegisterStore& store, std::mutex& mutex,
                                             const WebOptions& options);

// The register's content pack for names: DIR/content when published, else the built-in one.
Result<ContentPack> register_content(const std::filesystem::path& dir);

}  // namespace flytthit::reg::web
