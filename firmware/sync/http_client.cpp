// HTTPS requests through libcurl; see http_client.h.
#include "firmware/sync/http_client.h"

#include "common/protocol/loopback.h"

#include <cstring>

namespace flytthit {

namespace {

struct Transfer {
    std::string body;
    std::size_t limit = 0;
    bool too_large = false;
    std::stop_token stop;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer->body.size() + bytes > transfer->limit) {
        transfer->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

int check_cancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Transfer*>(user)->stop.stop_requested() ? 1 : 0;
}

std::string host_of(const std::string& url) {
    const auto start = url.find("://");
    if (start == std::string::npos) return {};
    std::string rest = url.substr(start + 3);
    rest = rest.substr(0, rest.find('/'));
    if (!rest.empty() && rest.front() == '[') return rest.substr(1, rest.find(']') - 1);
    return rest.substr(0, rest.rfind(':') == std::string::npos ? rest.size() : rest.rfind(':'));
}

bool transient_code(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool is_loopback_http(const std::string& url) {
    if (url.rfind("http://", 0) != 0) return false;
    return protocol::is_loopback_host(host_of(url));
}

HttpClient::HttpClient(HttpSettings settings) : settings_(std::move(settings)), curl_(curl_easy_init()) {}

std::variant<HttpResponse, HttpFailure> HttpClient::request(const std::string& url, const std::vector<std::string>& headers,
                                                            const std::string* body, std::stop_token stop) {
    if (!curl_) return HttpFailure{"libcurl could not start", false};
    const bool plain = url.rfind("http://", 0) == 0;
    if (plain && !is_loopback_http(url)) {
        return HttpFailure{"refusing plain http:// to " + host_of(url) + ": the register must use https://", false};
    }
    CURL* curl = curl_.get();
    curl_easy_reset(curl);
    Transfer transfer{{}, settings_.max_reply_bytes, false, stop};
    char error_text[CURL_ERROR_SIZE] = {};
    CurlList header_list;
    for (const auto& header : headers) header_list.reset(curl_slist_append(header_list.release(), header.c_str()));

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, plain ? "http" : "https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect is reported, never followed with the token
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.ca_certificate_pem.empty()) {
        curl_blob blob{const_cast<char*>(settings_.ca_certificate_pem.data()), settings_.ca_certificate_pem.size(),
                       CURL_BLOB_COPY};
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
    }
    if (!settings_.pinned_public_key.empty()) {
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, settings_.pinned_public_key.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings_.low_speed_time.count()));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(settings_.max_reply_bytes));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // runs on a worker thread
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, check_cancel);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    if (body != nullptr) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }

    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_ABORTED_BY_CALLBACK) return HttpFailure{"cancelled", false, true};
    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        return HttpFailure{"the register's reply is larger than " + std::to_string(settings_.max_reply_bytes) +
                               " bytes; refused",
                           false};
    }
    if (code != CURLE_OK) {
        std::string message = std::string(curl_easy_strerror(code));
        if (error_text[0] != '\0') message += ": " + std::string(error_text);
        if (std::strstr(error_text, "not yet valid") || std::strstr(error_text, "expired")) {
            message += " (if the certificate is fine, the kiosk's clock may be wrong: set it in staff mode)";
        }
        return HttpFailure{message, transient_code(code)};
    }
    HttpResponse response;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* location = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location != nullptr) {
        response.location = location;
    }
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
        response.retry_after = std::chrono::seconds(retry_after);
    }
    response.body = std::move(transfer.body);
    return response;
}

}  // namespace flytthit
