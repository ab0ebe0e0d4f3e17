// The hosts' web app; see web_app.h.
//
// [SECTION] Request helpers: cookies, forms, the session, rendering
// [SECTION] Login, logout, language
// [SECTION] Inbox and exports
// [SECTION] Lead page, follow-up, owner, erasure
// [SECTION] Results and the funnel chart
// [SECTION] Coordinator: users, audit, retention; password change
#include "register/web/web_app.h"

#include "common/base/device_clock.h"
#include "common/content/builtin_content.h"
#include "register/web/export_rows.h"
#include "register/web/oslo_time.h"
#include "register/web/web_store.h"
#include "register/web/web_templates.h"
#include "register/web/web_text.h"

#include <httplib.h>
#include <kainjow/mustache.hpp>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

namespace flytthit::reg::web {

namespace {

using nlohmann::json;
namespace mustache = kainjow::mustache;

constexpr const char* session_cookie = "flytthit_session";
constexpr const char* login_cookie = "flytthit_login";
constexpr const char* lang_cookie = "flytthit_lang";

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool same_secret(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// nlohmann JSON to Mustache data: objects, arrays, strings, numbers and booleans.
mustache::data to_data(const json& value) {
    if (value.is_object()) {
        mustache::data out{mustache::data::type::object};
        for (const auto& [key, item] : value.items()) out.set(key, to_data(item));
        return out;
    }
    if (value.is_array()) {
        mustache::data out{mustache::data::type::list};
        for (const auto& item : value) out.push_back(to_data(item));
        return out;
    }
    // An empty string is false, so {{#phone}}...{{/phone}} shows only what was given.
    if (value.is_string()) {
        if (value.get_ref<const std::string&>().empty()) return mustache::data(false);
        return mustache::data(value.get<std::string>());
    }
    if (value.is_boolean()) return mustache::data(value.get<bool>());
    if (value.is_number()) return mustache::data(value.dump());
    return mustache::data(false);
}

std::string url_encode(const std::string& text) {
    std::string out;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
        const std::size_t end = header.find(';', at);
        const std::string pair = header.substr(at, end == std::string::npos ? std::string::npos : end - at);
        const std::size_t equals = pair.find('=');
        if (equals != std::string::npos && pair.substr(0, equals) == name) return pair.substr(equals + 1);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return "";
}

std::string param(const httplib::Request& req, const std::string& name) {
    if (!req.has_param(name.c_str())) return "";
    std::string value = req.get_param_value(name.c_str());
    if (value.size() > 8000) value.resize(8000);
    return value;
}

WebLanguage language_of(const httplib::Request& req) {
    return cookie_value(req, lang_cookie) == "en" ? WebLanguage::en : WebLanguage::nb;
}

// What one request knows about its caller.
struct Caller {
    std::optional<Session> session;
    std::string token;
    WebLanguage language = WebLanguage::nb;
};

// The app: store, names, templates, and the options; shared by every handler.
class App {
public:
    App(RegisterStore& store, std::mutex& mutex, WebOptions options, Names names)
        : store_(store), mutex_(mutex), options_(std::move(options)), names_(std::move(names)) {}

    Status check_templates() const {
        for (const auto& [name, text] : embedded_templates()) {
            if (name.size() < 9 || name.substr(name.size() - 9) != ".mustache") continue;
            mustache::mustache parsed(text);
            if (!parsed.is_valid()) return make_error(name + ": " + parsed.error_message(), ErrorKind::failed);
        }
        return ok_status();
    }

    void add_routes(httplib::Server& server);

    // The page for a request the server's gate (or cpp-httplib) refused on a web path. The
    // request may be only partly read, so nothing here touches the store or the session.
    void refusal(const httplib::Request& req, httplib::Response& res, int status) {
        Caller c;
        c.language = language_of(req);
        const std::string detail = status == 413 ? "error.too_large_text" : status == 415 ? "error.unsupported_text"
                                   : status == 404 ? "error.not_found_text" : "error.refused_text";
        error_page(res, c, req, status, detail);
    }

private:
    // [SECTION] Request helpers

    WebStore web() { return WebStore(store_.database()); }

    Caller caller(const httplib::Request& req) {
        Caller c;
        c.language = language_of(req);
        c.token = cookie_value(req, session_cookie);
        if (c.token.empty()) return c;
        std::lock_guard lock(mutex_);
        if (now_seconds() - last_retention_ > 3600) {  // retention runs at most hourly, on use
            last_retention_ = now_seconds();
            if (auto applied = web().apply_retention(utc_timestamp_now()); !applied) {
                std::cerr << "flytthit-register: web: retention: " << applied.error().message << std::endl;
            }
        }
        auto found = web().session(c.token, now_seconds(), options_.idle_seconds, options_.absolute_seconds);
        if (found) c.session = std::move(*found);
        else std::cerr << "flytthit-register: web: reading a session: " << found.error().message << std::endl;
        return c;
    }

    std::string cookie(const std::string& name, const std::string& value, const std::string& extra = "") const {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (options_.tls ? "; Secure" : "") + extra;
    }

    static void security_headers(httplib::Response& res) {
        res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                                  "frame-ancestors 'none'; base-uri 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Cache-Control", "no-store");
    }

    std::string render_template(const std::string& name, const json& view) const {
        const auto& files = embedded_templates();
        const auto found = files.find(name + ".mustache");
        if (found == files.end()) return "template " + name + " missing";
        mustache::mustache page(found->second);
        return page.render(to_data(view));
    }

    void page(httplib::Response& res, const Caller& c, const httplib::Request& req, const std::string& name,
              json view, const std::string& title, int status = 200) {
        view["t"] = texts(c.language);
        if (c.session) view["csrf"] = c.session->csrf;
        const std::string body = render_template(name, view);
        json layout{{"t", texts(c.language)},
                    {"lang", c.language == WebLanguage::en ? "en" : "nb"},
                    {"other_lang", c.language == WebLanguage::en ? "nb" : "en"},
                    {"path", url_encode(req.path)},
                    {"title", title},
                    {"body", body}};
        if (c.session) {
            const Role role = c.session->user.role;
            layout["user"] = {{"name", c.session->user.name},
                              {"csrf", c.session->csrf},
                              {"can_inbox", role != Role::viewer},
                              {"can_results", role != Role::host},
                              {"is_coordinator", role == Role::coordinator},
                              {"on_inbox", req.path == "/inbox"},
                              {"on_results", req.path == "/results"}};
        }
        security_headers(res);
        res.status = status;
        res.set_content(render_template("layout", layout), "text/html; charset=utf-8");
    }

    // The page for an error status; detail is the catalogue key of the text under the heading
    // (by default the one that goes with the status).
    void error_page(httplib::Response& res, const Caller& c, const httplib::Request& req, int status,
                    const std::string& detail = "") {
        const std::string key = status == 404 ? "error.not_found" : status == 403 ? "error.forbidden"
                                : status == 400 ? "error.bad_input" : status < 500 ? "error.refused" : "error.failed";
        const std::string text_key = !detail.empty() ? detail : status == 404 ? "error.not_found_text" : key;
        page(res, c, req, "error", {{"heading", text(c.language, key)}, {"text", text(c.language, text_key)}},
             text(c.language, key), status);
    }

    void failed(httplib::Response& res, const Caller& c, const httplib::Request& req, const Error& error) {
        std::cerr << "flytthit-register: web " << req.path << ": " << error.message << std::endl;
        error_page(res, c, req, error.kind == ErrorKind::bad_input ? 400 : 503);
    }

    static void redirect(httplib::Response& res, const std::string& to) {
        res.status = 303;
        res.set_header("Location", to);
        security_headers(res);
    }

    // The session for a page: redirects to /login and returns false without one.
    bool require_login(const Caller& c, httplib::Response& res) {
        if (c.session) return true;
        redirect(res, "/login?expired=1");
        return false;
    }

    // A state-changing form: a session and its CSRF token, or 403 (nothing changes).
    bool require_form(const Caller& c, const httplib::Request& req, httplib::Response& res) {
        if (!require_login(c, res)) return false;
        if (!same_secret(param(req, "csrf"), c.session->csrf)) {
            page(res, c, req, "error",
                 {{"heading", text(c.language, "error.forbidden")}, {"text", text(c.language, "error.csrf")}},
                 text(c.language, "error.forbidden"), 403);
            return false;
        }
        return true;
    }

    LeadFilter filter_of(const httplib::Request& req) {
        LeadFilter f;
        f.event = param(req, "event");
        f.campaign = param(req, "campaign");
        f.state = param(req, "state");
        f.from = param(req, "from");
        f.to = param(req, "to");
        f.query = param(req, "q");
        return f;
    }

    std::string lead_name(const LeadView& lead) const {
        const std::string name = lead.lead.value("contact", json::object()).value("name", "");
        if (!name.empty()) return name;
        return lead.lead.value("initials", std::string("—"));
    }

    std::string names_of(const std::vector<std::string>& ids) const {
        std::string out;
        for (const auto& id : ids) out += (out.empty() ? "" : ", ") + names_.municipality(id);
        return out;
    }

    void login_routes(httplib::Server& server);
    void inbox_routes(httplib::Server& server);
    void lead_routes(httplib::Server& server);
    void results_routes(httplib::Server& server);
    void coordinator_routes(httplib::Server& server);

    RegisterStore& store_;
    std::mutex& mutex_;
    WebOptions options_;
    Names names_;
    std::int64_t last_retention_ = now_seconds();  // guarded by mutex_; add_web_routes ran it at start
};

// [SECTION] Login, logout, language

void App::login_routes(httplib::Server& server) {
    server.Get("/login", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (c.session) return redirect(res, "/");
        // The login form's CSRF token is a double-submit cookie: there is no session yet.
        const std::string token = random_hex(16);
        res.set_header("Set-Cookie", cookie(login_cookie, token, "; Max-Age=3600"));
        json view{{"login_csrf", token}};
        if (req.has_param("expired")) view["message"] = text(c.language, "login.expired");
        if (req.has_param("changed")) view["message"] = text(c.language, "password.saved");
        page(res, c, req, "login", view, text(c.language, "login.title"));
    });

    server.Post("/login", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!same_secret(param(req, "csrf"), cookie_value(req, login_cookie))) {
            return page(res, c, req, "error",
                        {{"heading", text(c.language, "error.forbidden")}, {"text", text(c.language, "error.csrf")}},
                        text(c.language, "error.forbidden"), 403);
        }
        const std::string name = param(req, "username");
        std::pair<LoginResult, std::optional<User>> outcome{LoginResult::wrong, std::nullopt};
        std::string token;
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto tried = store.login(name, param(req, "password"), now_seconds());
            if (!tried) return failed(res, c, req, tried.error());
            outcome = *tried;
            if (outcome.first == LoginResult::ok) {
                if (!c.token.empty()) (void)store.end_session(c.token);  // rotate: never reuse an old id
                auto made = store.create_session(outcome.second->id, now_seconds());
                if (!made) return failed(res, c, req, made.error());
                token = *made;
                (void)store.audit(name, "login", "", "");
            } else {
                (void)store.audit(name.substr(0, 100), outcome.first == LoginResult::locked ? "login-locked" : "login-failed",
                                  "", req.remote_addr);
            }
        }
        if (outcome.first != LoginResult::ok) {
            const std::string fresh = random_hex(16);
            res.set_header("Set-Cookie", cookie(login_cookie, fresh, "; Max-Age=3600"));
            return page(res, c, req, "login",
                        {{"login_csrf", fresh},
                         {"message", text(c.language, outcome.first == LoginResult::locked ? "login.locked" : "login.wrong")}},
                        text(c.language, "login.title"), outcome.first == LoginResult::locked ? 429 : 401);
        }
        res.set_header("Set-Cookie", cookie(session_cookie, token));
        redirect(res, "/");
    });

    server.Post("/logout", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        {
            std::lock_guard lock(mutex_);
            if (auto ended = web().end_session(c.token); !ended) return failed(res, c, req, ended.error());
        }
        res.set_header("Set-Cookie", cookie(session_cookie, "", "; Max-Age=0"));
        redirect(res, "/login");
    });

    server.Get("/lang", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string to = param(req, "to") == "en" ? "en" : "nb";
        std::string back = param(req, "back");
        if (back.empty() || back[0] != '/' || (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) back = "/";
        res.set_header("Set-Cookie", cookie(lang_cookie, to, "; Max-Age=31536000"));
        redirect(res, back);
    });

    server.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!c.session) return redirect(res, "/login");
        redirect(res, c.session->user.role == Role::viewer ? "/results" : "/inbox");
    });

    server.Get("/style.css", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "max-age=3600");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(embedded_templates().at("style.css"), "text/css; charset=utf-8");
    });
}

// [SECTION] Inbox and exports

void App::inbox_routes(httplib::Server& server) {
    server.Get("/inbox", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        const User& user = c.session->user;
        if (user.role == Role::viewer) return redirect(res, "/results");
        const LeadFilter filter = filter_of(req);
        std::vector<LeadView> leads;
        std::vector<LeadView> all;
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto found = store.leads_for(user, filter);
            if (!found) return failed(res, c, req, found.error());
            leads = std::move(*found);
            auto everything = store.leads_for(user, {});
            if (!everything) return failed(res, c, req, everything.error());
            all = std::move(*everything);
            std::string ids;
            for (const auto& lead : leads) ids += (ids.empty() ? "" : ",") + lead.id;
            if (auto logged = store.audit(user.name, "inbox", ids, std::to_string(leads.size()) + " leads"); !logged) {
                return failed(res, c, req, logged.error());
            }
            if (auto marked = store.mark_inbox_visit(user.id, utc_timestamp_now()); !marked) {
                return failed(res, c, req, marked.error());
            }
        }
        std::set<std::string> events, campaigns;
        for (const auto& lead : all) {
            events.insert(lead.lead.value("event_id", ""));
            campaigns.insert(lead.lead.value("campaign_id", ""));
        }
        json view{{"filter", {{"from", filter.from}, {"to", filter.to}, {"query", filter.query}}},
                  {"events", json::array()},
                  {"campaigns", json::array()},
                  {"states", json::array()},
                  {"leads", json::array()}};
        for (const auto& e : events) {
            if (!e.empty()) view["events"].push_back({{"id", e}, {"name", names_.event(e, c.language)}, {"selected", e == filter.event}});
        }
        for (const auto& k : campaigns) {
            view["campaigns"].push_back({{"id", k}, {"name", names_.campaign(k, c.language)}, {"selected", !k.empty() && k == filter.campaign}});
        }
        for (std::string_view s : follow_up_states) {
            view["states"].push_back({{"id", s}, {"name", names_.state(std::string(s), c.language)}, {"selected", s == filter.state}});
        }
        int new_count = 0;
        for (const auto& lead : leads) {
            const bool is_new = user.last_inbox_visit.empty() || lead.received_at > user.last_inbox_visit;
            new_count += is_new;
            json states = json::array();
            for (const auto& m : lead.municipalities) {
                states.push_back({{"municipality", names_.municipality(m)},
                                  {"state", lead.states.at(m)},
                                  {"name", names_.state(lead.states.at(m), c.language)}});
            }
            view["leads"].push_back({{"id", lead.id},
                                     {"name", lead_name(lead)},
                                     {"is_new", is_new},
                                     {"municipalities", names_of(lead.municipalities)},
                                     {"states", states},
                                     {"event", names_.event(lead.lead.value("event_id", ""), c.language)},
                                     {"campaign", names_.campaign(lead.lead.value("campaign_id", ""), c.language)},
                                     {"created", oslo_display(lead.created_utc)},
                                     {"last_activity", oslo_display(lead.last_activity)}});
        }
        view["count"] = std::to_string(leads.size());
        view["new_count"] = new_count > 0 ? std::to_string(new_count) : "";
        view["has_leads"] = !leads.empty();
        std::string query;
        for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
                 {"event", filter.event}, {"campaign", filter.campaign}, {"state", filter.state},
                 {"from", filter.from}, {"to", filter.to}, {"q", filter.query}}) {
            if (!value.empty()) query += (query.empty() ? "" : "&") + key + "=" + url_encode(value);
        }
        view["query"] = query;
        page(res, c, req, "inbox", view, text(c.language, "inbox.title"));
    });

    auto export_handler = [this](bool xlsx) {
        return [this, xlsx](const httplib::Request& req, httplib::Response& res) {
            Caller c = caller(req);
            if (!require_login(c, res)) return;
            const User& user = c.session->user;
            if (user.role == Role::viewer) return error_page(res, c, req, 403);
            std::vector<LeadView> leads;
            {
                std::lock_guard lock(mutex_);
                WebStore store = web();
                auto found = store.leads_for(user, filter_of(req));
                if (!found) return failed(res, c, req, found.error());
                leads = std::move(*found);
                std::string ids;
                for (const auto& lead : leads) ids += (ids.empty() ? "" : ",") + lead.id;
                if (auto logged = store.audit(user.name, xlsx ? "export-xlsx" : "export-csv", ids,
                                              std::to_string(leads.size()) + " leads");
                    !logged) {
                    return failed(res, c, req, logged.error());
                }
            }
            const std::string stamp = oslo_date(utc_timestamp_now());
            security_headers(res);
            if (!xlsx) {
                std::ostringstream out;
                write_csv(out, leads, names_, c.language);
                res.set_header("Content-Disposition", "attachment; filename=\"flytthit-leads-" + stamp + ".csv\"");
                return res.set_content(out.str(), "text/csv; charset=utf-8");
            }
            const auto path = options_.dir / ("web-export-" + random_hex(8) + ".xlsx");
            auto written = write_xlsx(path.string(), leads, names_, c.language);
            std::string bytes;
            if (written) {
                std::ifstream file(path, std::ios::binary);
                std::stringstream content;
                content << file.rdbuf();
                bytes = content.str();
            }
            std::error_code ignored;
            std::filesystem::remove(path, ignored);  // personal data: never left behind
            if (!written) return failed(res, c, req, written.error());
            res.set_header("Content-Disposition", "attachment; filename=\"flytthit-leads-" + stamp + ".xlsx\"");
            res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        };
    };
    server.Get("/export.xlsx", export_handler(true));
    server.Get("/export.csv", export_handler(false));
}

// [SECTION] Lead page, follow-up, owner, erasure

void App::lead_routes(httplib::Server& server) {
    server.Get(R"(/leads/([0-9a-f-]{1,64}))", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        const User& user = c.session->user;
        const std::string id = req.matches[1];
        std::optional<LeadView> lead;
        std::vector<LogEntry> log;
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto found = store.lead_for(user, id);
            if (!found) return failed(res, c, req, found.error());
            lead = std::move(*found);
            if (lead) {
                auto entries = store.log_of(id);
                if (!entries) return failed(res, c, req, entries.error());
                log = std::move(*entries);
                if (auto logged = store.audit(user.name, "view", id, ""); !logged) return failed(res, c, req, logged.error());
            }
        }
        if (!lead) return error_page(res, c, req, 404);
        const auto row = export_row(*lead, names_, c.language);
        const json& l = lead->lead;
        const json contact = l.value("contact", json::object());
        std::string phone_link;
        for (char ch : contact.value("phone", std::string())) {
            if ((ch >= '0' && ch <= '9') || (ch == '+' && phone_link.empty())) phone_link += ch;
        }
        if (phone_link.size() == 8) phone_link = "+47" + phone_link;
        json view{{"id", lead->id},
                  {"name", lead_name(*lead)},
                  {"phone", row[1].text},
                  {"phone_link", phone_link},
                  {"email", row[2].text},
                  {"municipalities", row[3].text},
                  {"owner", row[4].text},
                  {"created", oslo_display(row[7].text)},
                  {"time_status", row[8].text},
                  {"received", oslo_display(row[9].text)},
                  {"event", row[10].text},
                  {"campaign", row[11].text},
                  {"adults", row[12].text},
                  {"children", row[13].text},
                  {"topics", row[14].text},
                  {"free_text", row[15].text},
                  {"profile", row[16].text},
                  {"school_start", row[17].text},
                  {"business_idea", row[18].text},
                  {"tipper", row[19].text},
                  {"consent", row[20].text},
                  {"consent_at", oslo_display(row[21].text)},
                  {"device", row[22].text},
                  {"rating", row[23].text},
                  {"staff_note", row[24].text},
                  {"assisted", row[25].text},
                  {"language", row[26].text},
                  {"is_coordinator", user.role == Role::coordinator},
                  {"places", json::array()},
                  {"my_places", json::array()},
                  {"all_places", json::array()},
                  {"states", json::array()},
                  {"log", json::array()}};
        if (req.has_param("done")) view["message"] = text(c.language, "state." + param(req, "done"));
        for (const auto& m : lead->municipalities) {
            view["places"].push_back({{"municipality", names_.municipality(m)},
                                      {"is_owner", m == lead->owner},
                                      {"state", lead->states.at(m)},
                                      {"state_name", names_.state(lead->states.at(m), c.language)}});
            if (user.acts_for(m)) view["my_places"].push_back({{"id", m}, {"name", names_.municipality(m)}});
        }
        for (const auto& m : names_.pack().municipalities) {
            view["all_places"].push_back({{"id", m.id}, {"name", m.name}, {"selected", m.id == lead->owner}});
        }
        view["can_record"] = !view["my_places"].empty();
        view["note_max"] = std::to_string(max_note_characters);
        for (std::string_view s : follow_up_states) {
            if (s != "new") view["states"].push_back({{"id", s}, {"name", names_.state(std::string(s), c.language)}});
        }
        for (const auto& entry : log) {
            view["log"].push_back({{"at", oslo_display(entry.at)},
                                   {"who", entry.user_name},
                                   {"municipality", names_.municipality(entry.municipality)},
                                   {"state", names_.state(entry.state, c.language)},
                                   {"moved_on", oslo_date_display(entry.moved_on)},
                                   {"note", entry.note}});
        }
        page(res, c, req, "lead", view, lead_name(*lead));
    });

    server.Post(R"(/leads/([0-9a-f-]{1,64})/follow-up)", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        const User& user = c.session->user;
        const std::string id = req.matches[1];
        LogEntry entry{0, id, param(req, "municipality"), user.name, utc_timestamp_now(), param(req, "state"),
                       param(req, "moved_on"), param(req, "note")};
        if (entry.state != "moved") entry.moved_on.clear();
        if (!entry.moved_on.empty() && (entry.moved_on.size() != 10 || entry.moved_on[4] != '-' || entry.moved_on[7] != '-')) {
            return error_page(res, c, req, 400);
        }
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto lead = store.lead_for(user, id);
            if (!lead) return failed(res, c, req, lead.error());
            if (!*lead || (*lead)->erased) return error_page(res, c, req, 404);
            const auto& places = (*lead)->municipalities;
            if (std::find(places.begin(), places.end(), entry.municipality) == places.end() ||
                !user.acts_for(entry.municipality)) {
                return error_page(res, c, req, 403);
            }
            if (auto appended = store.append_log(entry); !appended) return failed(res, c, req, appended.error());
        }
        redirect(res, "/leads/" + id + "?done=" + (entry.state.empty() ? std::string("comment") : entry.state));
    });

    server.Post(R"(/leads/([0-9a-f-]{1,64})/owner)", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        const std::string id = req.matches[1];
        const std::string municipality = param(req, "municipality");
        if (names_.pack().find_municipality(municipality) == nullptr) return error_page(res, c, req, 400);
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto lead = store.lead_for(c.session->user, id);
            if (!lead) return failed(res, c, req, lead.error());
            if (!*lead) return error_page(res, c, req, 404);
            if (auto set = store.set_owner(id, municipality, c.session->user.name); !set) return failed(res, c, req, set.error());
            (void)store.audit(c.session->user.name, "set-owner", id, municipality);
        }
        redirect(res, "/leads/" + id);
    });

    server.Post(R"(/leads/([0-9a-f-]{1,64})/erase)", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        const User& user = c.session->user;
        const std::string id = req.matches[1];
        if (param(req, "confirm") != "yes") return error_page(res, c, req, 400);
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto lead = store.lead_for(user, id);
            if (!lead) return failed(res, c, req, lead.error());
            if (!*lead || (*lead)->erased || user.role == Role::viewer) return error_page(res, c, req, 404);
            if (auto erased = store.erase(id, user.name, "the person asked"); !erased) return failed(res, c, req, erased.error());
            if (auto logged = store.audit(user.name, "erase", id, "the person asked"); !logged) {
                return failed(res, c, req, logged.error());
            }
        }
        redirect(res, "/inbox");
    });
}

// [SECTION] Results and the funnel chart

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

// A horizontal bar chart: for each row, four bars (interested, contacted, visited, moved).
std::string funnel_svg(const std::vector<std::pair<std::string, Funnel>>& rows, WebLanguage language) {
    const int label_width = 170, bar_area = 430, bar_height = 12, row_gap = 14;
    const int row_height = 4 * bar_height + row_gap;
    const int height = 30 + static_cast<int>(rows.size()) * row_height;
    std::int64_t largest = 1;
    for (const auto& [name, f] : rows) largest = std::max(largest, f.interested);
    static constexpr const char* colours[] = {"#9fb8c2", "#5b9bd5", "#2f6fb0", "#0b6e4f"};
    const char* keys[] = {"results.interested", "results.contacted", "results.visited", "results.moved"};
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << label_width + bar_area + 60 << " " << height
        << "\" role=\"img\" aria-label=\"" << xml_escape(text(language, "results.title")) << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">";
    for (int k = 0; k < 4; ++k) {
        svg << "<rect x=\"" << label_width + k * 110 << "\" y=\"4\" width=\"10\" height=\"10\" fill=\"" << colours[k]
            << "\"/><text x=\"" << label_width + k * 110 + 14 << "\" y=\"13\" fill=\"#1d2a30\">"
            << xml_escape(text(language, keys[k])) << "</text>";
    }
    int y = 26;
    for (const auto& [name, f] : rows) {
        const std::int64_t values[] = {f.interested, f.contacted, f.visited, f.moved};
        svg << "<text x=\"0\" y=\"" << y + 2 * bar_height + 4 << "\" fill=\"#1d2a30\">" << xml_escape(name) << "</text>";
        for (int k = 0; k < 4; ++k) {
            const int width = static_cast<int>(bar_area * values[k] / largest);
            const int top = y + k * bar_height;
            svg << "<rect x=\"" << label_width << "\" y=\"" << top << "\" width=\"" << std::max(width, 1) << "\" height=\""
                << bar_height - 2 << "\" fill=\"" << colours[k] << "\"/><text x=\"" << label_width + width + 4 << "\" y=\""
                << top + bar_height - 3 << "\" font-size=\"10\" fill=\"#1d2a30\">" << values[k] << "</text>";
        }
        y += row_height;
    }
    svg << "</svg>";
    return svg.str();
}

void App::results_routes(httplib::Server& server) {
    server.Get("/results", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        const User& user = c.session->user;
        if (user.role == Role::host) return error_page(res, c, req, 403);
        Results results;
        int retention = 12;
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto counted = store.results();
            if (!counted) return failed(res, c, req, counted.error());
            results = std::move(*counted);
            auto months = store.retention_months();
            if (!months) return failed(res, c, req, months.error());
            retention = *months;
        }
        auto counts = [](const Funnel& f) {
            return json{{"interested", std::to_string(f.interested)}, {"contacted", std::to_string(f.contacted)},
                        {"visited", std::to_string(f.visited)},       {"moved", std::to_string(f.moved)},
                        {"on_the_way", std::to_string(f.on_the_way)}};
        };
        json view{{"total", counts(results.total)}, {"groups", json::array()},
                  {"is_coordinator", user.role == Role::coordinator}, {"retention", std::to_string(retention)}};
        auto group = [&](const std::string& title_key, const std::vector<Funnel>& funnels, auto name_of) {
            std::vector<std::pair<std::string, Funnel>> named;
            json rows = json::array();
            for (const auto& f : funnels) {
                named.emplace_back(name_of(f.key), f);
                json row = counts(f);
                row["name"] = name_of(f.key);
                rows.push_back(row);
            }
            view["groups"].push_back({{"title", text(c.language, title_key)}, {"rows", rows}, {"svg", funnel_svg(named, c.language)}});
        };
        group("results.by_campaign", results.campaigns, [&](const std::string& id) { return names_.campaign(id, c.language); });
        group("results.by_event", results.events, [&](const std::string& id) { return names_.event(id, c.language); });
        group("results.by_municipality", results.municipalities, [&](const std::string& id) { return names_.municipality(id); });
        page(res, c, req, "results", view, text(c.language, "results.title"));
    });
}

// [SECTION] Coordinator: users, audit, retention; password change

void App::coordinator_routes(httplib::Server& server) {
    server.Get("/users", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        std::vector<User> users;
        {
            std::lock_guard lock(mutex_);
            auto listed = web().users();
            if (!listed) return failed(res, c, req, listed.error());
            users = std::move(*listed);
        }
        json view{{"users", json::array()}};
        if (req.has_param("done")) view["message"] = param(req, "done");
        for (const auto& u : users) {
            view["users"].push_back({{"name", u.name},
                                     {"role", text(c.language, "role." + std::string(role_name(u.role)))},
                                     {"municipalities", names_of(u.municipalities)},
                                     {"csrf", c.session->csrf}});
        }
        page(res, c, req, "users", view, text(c.language, "users.title"));
    });

    server.Post("/users/add", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        const auto role = role_from_name(param(req, "role"));
        if (!role) return error_page(res, c, req, 400);
        std::vector<std::string> places;
        std::string item;
        for (char ch : param(req, "municipalities") + ",") {
            if (ch == ',' || ch == ' ') {
                if (!item.empty()) {
                    if (names_.pack().find_municipality(item) == nullptr) return error_page(res, c, req, 400);
                    places.push_back(item);
                }
                item.clear();
            } else {
                item += ch;
            }
        }
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto added = store.add_user(param(req, "username"), *role, places, param(req, "password"));
            if (!added) return failed(res, c, req, added.error());
            (void)store.audit(c.session->user.name, "add-user", "", param(req, "username"));
        }
        redirect(res, "/users?done=" + url_encode(param(req, "username")));
    });

    server.Post("/users/reset", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            if (auto set = store.set_password(param(req, "username"), param(req, "password")); !set) {
                return failed(res, c, req, set.error());
            }
            (void)store.audit(c.session->user.name, "reset-password", "", param(req, "username"));
        }
        redirect(res, "/users?done=" + url_encode(param(req, "username")));
    });

    server.Get("/audit", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        std::vector<AuditEntry> entries;
        {
            std::lock_guard lock(mutex_);
            auto listed = web().audit_entries(500);
            if (!listed) return failed(res, c, req, listed.error());
            entries = std::move(*listed);
        }
        json view{{"entries", json::array()}};
        for (const auto& e : entries) {
            view["entries"].push_back({{"at", oslo_display(e.at)}, {"who", e.user_name}, {"action", e.action},
                                       {"detail", e.detail}, {"leads", e.leads}});
        }
        page(res, c, req, "audit", view, text(c.language, "audit.title"));
    });

    server.Post("/settings/retention", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        if (c.session->user.role != Role::coordinator) return error_page(res, c, req, 403);
        int months = -1;
        try {
            months = std::stoi(param(req, "months"));
        } catch (const std::exception&) {
            return error_page(res, c, req, 400);
        }
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            if (auto set = store.set_retention_months(months); !set) return failed(res, c, req, set.error());
            (void)store.audit(c.session->user.name, "set-retention", "", std::to_string(months) + " months");
            if (auto applied = store.apply_retention(utc_timestamp_now()); !applied) return failed(res, c, req, applied.error());
        }
        redirect(res, "/results");
    });

    server.Get("/account/password", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_login(c, res)) return;
        page(res, c, req, "password", json::object(), text(c.language, "password.title"));
    });

    server.Post("/account/password", [this](const httplib::Request& req, httplib::Response& res) {
        Caller c = caller(req);
        if (!require_form(c, req, res)) return;
        {
            std::lock_guard lock(mutex_);
            WebStore store = web();
            auto checked = store.login(c.session->user.name, param(req, "current"), now_seconds());
            if (!checked) return failed(res, c, req, checked.error());
            if (checked->first != LoginResult::ok) {
                return page(res, c, req, "password", {{"message", text(c.language, "login.wrong")}},
                            text(c.language, "password.title"), 401);
            }
            if (auto set = store.set_password(c.session->user.name, param(req, "password")); !set) {
                return failed(res, c, req, set.error());
            }
            (void)store.audit(c.session->user.name, "change-password", "", "");
        }
        res.set_header("Set-Cookie", cookie(session_cookie, "", "; Max-Age=0"));
        redirect(res, "/login?changed=1");
    });
}

void App::add_routes(httplib::Server& server) {
    login_routes(server);
    inbox_routes(server);
    lead_routes(server);
    results_routes(server);
    coordinator_routes(server);
}

}  // namespace

Result<ContentPack> register_content(const std::filesystem::path& dir) {
    const auto published = dir / "content";
    const auto source = std::filesystem::exists(published / "manifest.json") ? published : builtin_content_dir();
    ContentLoad load = load_content_pack(source);
    if (load.has_errors() || !load.pack) {
        std::string problems;
        for (const auto& p : load.problems) problems += "\n" + p.to_string();
        return make_error(source.string() + ": the content pack for names cannot be read:" + problems, ErrorKind::unavailable);
    }
    return std::move(*load.pack);
}

Result<WebApp> add_web_routes(httplib::Server& server, RegisterStore& store, std::mutex& mutex,
                                             const WebOptions& options) {
    auto pack = register_content(options.dir);
    if (!pack) return pack.error();
    WebOptions effective = options;
    if (const char* idle = std::getenv("FLYTTHIT_WEB_IDLE_SECONDS")) effective.idle_seconds = std::atoll(idle);
    {
        std::lock_guard lock(mutex);
        // Erased personal data is overwritten on disk, not left in free pages.
        if (auto set = store.database().exec("PRAGMA secure_delete = ON"); !set) return set.error();
        if (auto applied = WebStore(store.database()).apply_retention(utc_timestamp_now()); !applied) {
            return applied.error();
        }
    }
    auto app = std::make_shared<App>(store, mutex, effective, Names(std::move(*pack)));
    if (auto checked = app->check_templates(); !checked) return checked.error();
    app->add_routes(server);
    auto refusal = [app = app.get()](const httplib::Request& req, httplib::Response& res, int status) {
        app->refusal(req, res, status);
    };
    return WebApp{std::shared_ptr<void>(app), refusal};
}

}  // namespace flytthit::reg::web
