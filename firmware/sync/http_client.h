// HTTPS requests to the register through libcurl, with the settings a kiosk on an unknown
// network needs: certificates always verified, bounded waits, bounded replies, no redirects
// followed, and cancellation from another thread. One HttpClient per thread.
#pragma once

#include "common/base/result.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <stop_token>
#include <variant>
#include <string>
#include <vector>

namespace flytthit {

struct CurlCleanup {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct CurlListFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlCleanup>;
using CurlList = std::unique_ptr<curl_slist, CurlListFree>;

struct HttpSettings {
    // libcurl's defaults are 300 s to connect and no limit at all after: a kiosk on fair Wi-Fi
    // would hang. These bound every request.
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};
    std::chrono::seconds low_speed_time{15};  // abort when under 1 byte/s for this long
    std::size_t max_reply_bytes = 1024 * 1024;
    std::string ca_certificate_pem;  // empty: the system's CAs
    std::string pinned_public_key;   // optional CURLOPT_PINNEDPUBLICKEY
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string location;  // for 3xx: where the server wanted to send us (never followed)
    std::chrono::seconds retry_after{0};  // a 429's or 503's Retry-After in seconds; 0 when none
};

// A failed request: what went wrong in plain words, and whether trying again later can help
// (a dropped connection can; a certificate that does not verify cannot).
struct HttpFailure {
    std::string message;
    bool transient = false;
    bool cancelled = false;
};

class HttpClient {
public:
    explicit HttpClient(HttpSettings settings);

    // GET or POST (when body is set) with the headers given. A reply with any HTTP status is
    // a response; only transport failures are HttpFailure.
    std::variant<HttpResponse, HttpFailure> request(const std::string& url, const std::vector<std::string>& headers,
                                                    const std::string* body, std::stop_token stop);

private:
    HttpSettings settings_;
    CurlHandle curl_;
};

// True for http:// URLs to a loopback host; plain HTTP is refused for anything else.
bool is_loopback_http(const std::string& url);

}  // namespace flytthit

namespace flytthit {

// curl_global_init/cleanup for a program's lifetime: construct one in main() before any thread.
class CurlGlobal {
public:
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

}  // namespace flytthit
