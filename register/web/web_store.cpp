// The web app's data on the register's database; see web_store.h.
#include "register/web/web_store.h"

#include "common/base/device_clock.h"
#include "register/register_secrets.h"
#include "register/web/oslo_time.h"

#include <sodium.h>

#include <algorithm>
#include <set>

namespace flytthit::reg::web {

namespace {

using nlohmann::json;

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text) {
        if (c == ',') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    if (!item.empty()) out.push_back(item);
    return out;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

Result<std::string> hash_password(const std::string& password) {
    if (password.empty()) return make_error("the password is empty", ErrorKind::bad_input);
    if (password.size() > 1024) return make_error("the password is longer than 1024 bytes", ErrorKind::bad_input);
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hashed, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return make_error("hashing the password ran out of memory", ErrorKind::transient);
    }
    return std::string(hashed);
}

// 0 new, 1 contacted, 2 visit, 3 moved; the funnel stage a state has reached.
int stage_of(const std::string& state) {
    if (state == "contacted" || state == "on_hold") return 1;
    if (state == "visit") return 2;
    if (state == "moved") return 3;
    return 0;
}

User read_user(Statement& row) {
    User user;
    user.id = row.column_int(0);
    user.name = row.column_text(1);
    user.role = role_from_name(row.column_text(2)).value_or(Role::viewer);
    user.municipalities = split_list(row.column_text(3));
    user.last_inbox_visit = row.column_text(4);
    return user;
}

constexpr const char* user_columns = "id, name, role, municipalities, last_inbox_visit";

}  // namespace

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::size_t note_length(std::string_view text) {
    std::size_t length = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xc0) == 0x80) continue;              // a UTF-8 continuation byte
        if (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CR LF is one line break
        ++length;
    }
    return length;
}

std::string_view role_name(Role role) {
    switch (role) {
        case Role::coordinator: return "coordinator";
        case Role::host: return "host";
        case Role::viewer: return "viewer";
    }
    return "viewer";
}

std::optional<Role> role_from_name(std::string_view name) {
    if (name == "coordinator") return Role::coordinator;
    if (name == "host") return Role::host;
    if (name == "viewer") return Role::viewer;
    return std::nullopt;
}

bool is_follow_up_state(std::string_view state) {
    return std::find(std::begin(follow_up_states), std::end(follow_up_states), state) != std::end(follow_up_states);
}

bool is_ended_state(std::string_view state) {
    return state == "moved" || state == "not_moving" || state == "withdrawn";
}

bool User::acts_for(const std::string& municipality) const {
    if (role == Role::coordinator) return true;
    if (role == Role::viewer) return false;
    return std::find(municipalities.begin(), municipalities.end(), municipality) != municipalities.end();
}

Result<User> WebStore::add_user(const std::string& name, Role role, const std::vector<std::string>& municipalities,
                                const std::string& password) {
    if (name.empty() || name.size() > 100) return make_error("the user name must be 1 to 100 characters", ErrorKind::bad_input);
    if (role == Role::host && municipalities.empty()) {
        return make_error("a host needs at least one --municipality", ErrorKind::bad_input);
    }
    auto hashed = hash_password(password);
    if (!hashed) return hashed.error();
    auto insert = db_.prepare(
        "INSERT INTO web_users (name, role, municipalities, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, name)
        .bind(2, std::string(role_name(role)))
        .bind(3, join_list(role == Role::host ? municipalities : std::vector<std::string>{}))
        .bind(4, *hashed)
        .bind(5, utc_timestamp_now());
    if (auto ran = insert->run(); !ran) {
        return make_error("adding user \"" + name + "\": the name is taken or the database refused (" +
                              ran.error().message + ")",
                          ErrorKind::bad_input);
    }
    return User{sqlite3_last_insert_rowid(db_.raw()), name, role,
                role == Role::host ? municipalities : std::vector<std::string>{}, ""};
}

Status WebStore::set_password(const std::string& name, const std::string& password) {
    auto hashed = hash_password(password);
    if (!hashed) return hashed.error();
    auto update = db_.prepare(
        "UPDATE web_users SET password_hash = ?2, failed_logins = 0, locked_until = 0 WHERE name = ?1");
    if (!update) return update.error();
    update->bind(1, name).bind(2, *hashed);
    if (auto ran = update->run(); !ran) return ran.error();
    if (sqlite3_changes(db_.raw()) == 0) return make_error("no user \"" + name + "\"", ErrorKind::bad_input);
    auto user = user_by_name(name);
    if (!user) return user.error();
    if (*user) return end_sessions_of((*user)->id);  // a new password ends every old session
    return ok_status();
}

Result<std::optional<User>> WebStore::user_by_name(const std::string& name) {
    auto select = db_.prepare(std::string("SELECT ") + user_columns + " FROM web_users WHERE name = ?1");
    if (!select) return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return std::optional<User>{};
    return std::optional<User>{read_user(*select)};
}

Result<std::vector<User>> WebStore::users() {
    auto select = db_.prepare(std::string("SELECT ") + user_columns + " FROM web_users ORDER BY name");
    if (!select) return select.error();
    std::vector<User> out;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read_user(*select));
    }
}

Result<std::pair<LoginResult, std::optional<User>>> WebStore::login(const std::string& name,
                                                                    const std::string& password, std::int64_t now) {
    auto select = db_.prepare(std::string("SELECT ") + user_columns +
                              ", password_hash, failed_logins, locked_until FROM web_users WHERE name = ?1");
    if (!select) return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row || password.size() > 1024) return std::pair{LoginResult::wrong, std::optional<User>{}};
    const User user = read_user(*select);
    const std::string stored = select->column_text(5);
    const std::int64_t failures = select->column_int(6);
    const std::int64_t locked_until = select->column_int(7);
    if (locked_until > now) return std::pair{LoginResult::locked, std::optional<User>{}};
    const bool good = crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
    auto update = db_.prepare("UPDATE web_users SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1");
    if (!update) return update.error();
    if (good) {
        update->bind(1, user.id).bind(2, std::int64_t{0}).bind(3, std::int64_t{0});
    } else {
        const std::int64_t count = failures + 1;
        std::int64_t lock = 0;
        if (count >= max_failures) {
            const std::int64_t doublings = std::min<std::int64_t>(count - max_failures, 7);
            lock = now + std::min<std::int64_t>(30LL << doublings, 3600);
        }
        update->bind(1, user.id).bind(2, count).bind(3, lock);
    }
    if (auto ran = update->run(); !ran) return ran.error();
    if (!good) return std::pair{LoginResult::wrong, std::optional<User>{}};
    return std::pair{LoginResult::ok, std::optional<User>{user}};
}

Result<std::string> WebStore::create_session(std::int64_t user_id, std::int64_t now) {
    const std::string token = random_hex(32);
    auto insert = db_.prepare(
        "INSERT INTO web_sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)");
    if (!insert) return insert.error();
    insert->bind(1, token_hash(token)).bind(2, user_id).bind(3, random_hex(32)).bind(4, now);
    if (auto ran = insert->run(); !ran) return ran.error();
    return token;
}

Result<std::optional<Session>> WebStore::session(const std::string& token, std::int64_t now,
                                                 std::int64_t idle_seconds, std::int64_t absolute_seconds) {
    if (token.empty() || token.size() > 128) return std::optional<Session>{};
    const std::string hash = token_hash(token);
    auto select = db_.prepare(
        "SELECT u.id, u.name, u.role, u.municipalities, u.last_inbox_visit, s.csrf, s.created_at, s.last_seen "
        "FROM web_sessions s JOIN web_users u ON u.id = s.user_id WHERE s.token_hash = ?1");
    if (!select) return select.error();
    select->bind(1, hash);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Session>{};
    Session found{read_user(*select), select->column_text(5)};
    const std::int64_t created = select->column_int(6);
    const std::int64_t last_seen = select->column_int(7);
    if (now - last_seen > idle_seconds || now - created > absolute_seconds) {
        if (auto ended = end_session(token); !ended) return ended.error();
        return std::optional<Session>{};
    }
    auto touch = db_.prepare("UPDATE web_sessions SET last_seen = ?2 WHERE token_hash = ?1");
    if (!touch) return touch.error();
    touch->bind(1, hash).bind(2, now);
    if (auto ran = touch->run(); !ran) return ran.error();
    return std::optional<Session>{std::move(found)};
}

Status WebStore::end_session(const std::string& token) {
    auto remove = db_.prepare("DELETE FROM web_sessions WHERE token_hash = ?1");
    if (!remove) return remove.error();
    remove->bind(1, token_hash(token));
    return remove->run();
}

Status WebStore::end_sessions_of(std::int64_t user_id) {
    auto remove = db_.prepare("DELETE FROM web_sessions WHERE user_id = ?1");
    if (!remove) return remove.error();
    remove->bind(1, user_id);
    return remove->run();
}

Status WebStore::mark_inbox_visit(std::int64_t user_id, const std::string& at) {
    auto update = db_.prepare("UPDATE web_users SET last_inbox_visit = ?2 WHERE id = ?1");
    if (!update) return update.error();
    update->bind(1, user_id).bind(2, at);
    return update->run();
}

Result<std::vector<LeadView>> WebStore::load_leads(const std::string& only_id) {
    std::map<std::string, std::vector<std::string>> places;
    {
        auto select = db_.prepare(only_id.empty()
                                      ? "SELECT lead_id, municipality FROM lead_municipalities"
                                      : "SELECT lead_id, municipality FROM lead_municipalities WHERE lead_id = ?1");
        if (!select) return select.error();
        if (!only_id.empty()) select->bind(1, only_id);
        for (;;) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            places[select->column_text(0)].push_back(select->column_text(1));
        }
    }
    std::map<std::string, std::vector<LogEntry>> logs;
    {
        auto select = db_.prepare(only_id.empty() ? "SELECT lead_id, municipality, state, at FROM follow_up_log ORDER BY id"
                                                  : "SELECT lead_id, municipality, state, at FROM follow_up_log "
                                                    "WHERE lead_id = ?1 ORDER BY id");
        if (!select) return select.error();
        if (!only_id.empty()) select->bind(1, only_id);
        for (;;) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            LogEntry entry;
            entry.municipality = select->column_text(1);
            entry.state = select->column_text(2);
            entry.at = select->column_text(3);
            logs[select->column_text(0)].push_back(std::move(entry));
        }
    }
    auto select = db_.prepare(std::string(R"sql(
SELECT l.id, l.canonical, l.created_utc, l.time_status, l.received_at, d.name, l.rating, l.staff_note, l.follow_up,
       coalesce(o.municipality, ''), t.lead_id IS NOT NULL
FROM leads l JOIN devices d ON d.id = l.device_id
LEFT JOIN lead_owners o ON o.lead_id = l.id LEFT JOIN tombstones t ON t.lead_id = l.id)sql") +
                              (only_id.empty() ? "" : " WHERE l.id = ?1") + " ORDER BY l.created_utc DESC, l.id");
    if (!select) return select.error();
    if (!only_id.empty()) select->bind(1, only_id);
    std::vector<LeadView> out;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return out;
        LeadView view;
        view.id = select->column_text(0);
        view.lead = json::parse(select->column_text(1), nullptr, false);
        if (!view.lead.is_object()) return make_error("lead " + view.id + ": the stored lead is not JSON", ErrorKind::damaged_store);
        view.created_utc = select->column_text(2);
        view.time_status = select->column_text(3);
        view.received_at = select->column_text(4);
        view.device = select->column_text(5);
        view.rating = select->column_text(6);
        view.staff_note = select->column_text(7);
        view.staff_follow_up = select->column_text(8);
        view.owner = select->column_text(9);
        if (view.owner.empty()) view.owner = view.staff_follow_up;
        view.erased = select->column_int(10) != 0;
        // In the visitor's order; the register's index of them as a fallback.
        if (view.lead.contains("municipalities") && view.lead["municipalities"].is_array()) {
            for (const auto& m : view.lead["municipalities"]) {
                if (m.is_string()) view.municipalities.push_back(m.get<std::string>());
            }
        }
        for (const auto& m : places[view.id]) {
            if (std::find(view.municipalities.begin(), view.municipalities.end(), m) == view.municipalities.end()) {
                view.municipalities.push_back(m);
            }
        }
        for (const auto& extra : {view.staff_follow_up, view.owner}) {
            if (!extra.empty() && std::find(view.municipalities.begin(), view.municipalities.end(), extra) ==
                                      view.municipalities.end()) {
                view.municipalities.push_back(extra);
            }
        }
        for (const auto& municipality : view.municipalities) view.states[municipality] = "new";
        for (const auto& entry : logs[view.id]) {
            if (!entry.state.empty()) view.states[entry.municipality] = entry.state;
            view.last_activity = entry.at;
        }
        out.push_back(std::move(view));
    }
}

namespace {

bool visible_to(const User& user, const LeadView& lead) {
    if (user.role == Role::coordinator) return true;
    if (user.role == Role::viewer) return false;
    return std::any_of(lead.municipalities.begin(), lead.municipalities.end(),
                       [&](const std::string& m) { return user.acts_for(m); });
}

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// Lower-cases ASCII and the Norwegian letters, so "ø" finds "Ø".
std::string fold(const std::string& text) {
    std::string out = lower(text);
    for (const auto& [upper, lower_case] : {std::pair{"Æ", "æ"}, std::pair{"Ø", "ø"}, std::pair{"Å", "å"}}) {
        for (std::size_t at = out.find(upper); at != std::string::npos; at = out.find(upper, at)) {
            out.replace(at, 2, lower_case);
        }
    }
    return out;
}

bool matches(const User& user, const LeadFilter& filter, const LeadView& lead) {
    if (!filter.event.empty() && lead.lead.value("event_id", "") != filter.event) return false;
    if (!filter.campaign.empty() && lead.lead.value("campaign_id", "") != filter.campaign) return false;
    if (!filter.state.empty()) {
        const bool any = std::any_of(lead.states.begin(), lead.states.end(), [&](const auto& entry) {
            return user.acts_for(entry.first) && entry.second == filter.state;
        });
        if (!any) return false;
    }
    const std::string date = oslo_date(lead.created_utc);
    if (!filter.from.empty() && date < filter.from) return false;
    if (!filter.to.empty() && date > filter.to) return false;
    if (!filter.query.empty()) {
        const std::string name = lead.lead.contains("contact") ? lead.lead["contact"].value("name", "") : "";
        if (fold(name).find(fold(filter.query)) == std::string::npos) return false;
    }
    return true;
}

}  // namespace

Result<std::vector<LeadView>> WebStore::leads_for(const User& user, const LeadFilter& filter) {
    auto all = load_leads("");
    if (!all) return all.error();
    std::vector<LeadView> out;
    for (auto& lead : *all) {
        if (!lead.erased && visible_to(user, lead) && matches(user, filter, lead)) out.push_back(std::move(lead));
    }
    return out;
}

Result<std::optional<LeadView>> WebStore::lead_for(const User& user, const std::string& id) {
    if (id.empty() || id.size() > 64) return std::optional<LeadView>{};
    auto found = load_leads(id);
    if (!found) return found.error();
    if (found->empty() || !visible_to(user, found->front())) return std::optional<LeadView>{};
    return std::optional<LeadView>{std::move(found->front())};
}

Result<std::vector<LogEntry>> WebStore::log_of(const std::string& lead_id) {
    auto select = db_.prepare(
        "SELECT id, lead_id, municipality, user_name, at, state, moved_on, note FROM follow_up_log "
        "WHERE lead_id = ?1 ORDER BY id DESC");
    if (!select) return select.error();
    select->bind(1, lead_id);
    std::vector<LogEntry> out;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back({select->column_int(0), select->column_text(1), select->column_text(2), select->column_text(3),
                       select->column_text(4), select->column_text(5), select->column_text(6), select->column_text(7)});
    }
}

Status WebStore::append_log(const LogEntry& entry) {
    if (!entry.state.empty() && !is_follow_up_state(entry.state)) {
        return make_error("state \"" + entry.state + "\": not a follow-up state", ErrorKind::bad_input);
    }
    if (entry.state.empty() && entry.note.empty()) return make_error("a comment needs some text", ErrorKind::bad_input);
    if (note_length(entry.note) > max_note_characters) {
        return make_error("the note is longer than " + std::to_string(max_note_characters) + " characters", ErrorKind::bad_input);
    }
    auto insert = db_.prepare(
        "INSERT INTO follow_up_log (lead_id, municipality, user_name, at, state, moved_on, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return insert.error();
    insert->bind(1, entry.lead_id)
        .bind(2, entry.municipality)
        .bind(3, entry.user_name)
        .bind(4, entry.at.empty() ? utc_timestamp_now() : entry.at)
        .bind(5, entry.state)
        .bind(6, entry.moved_on)
        .bind(7, entry.note);
    return insert->run();
}

Status WebStore::set_owner(const std::string& lead_id, const std::string& municipality, const std::string& by) {
    auto upsert = db_.prepare(
        "INSERT INTO lead_owners (lead_id, municipality, set_by, set_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (lead_id) DO UPDATE SET municipality = excluded.municipality, set_by = excluded.set_by, "
        "set_at = excluded.set_at");
    if (!upsert) return upsert.error();
    upsert->bind(1, lead_id).bind(2, municipality).bind(3, by).bind(4, utc_timestamp_now());
    return upsert->run();
}

Status WebStore::audit(const std::string& user_name, const std::string& action, const std::string& leads,
                       const std::string& detail) {
    auto insert = db_.prepare("INSERT INTO audit_log (at, user_name, action, leads, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, utc_timestamp_now()).bind(2, user_name).bind(3, action).bind(4, leads).bind(5, detail);
    return insert->run();
}

Result<std::vector<AuditEntry>> WebStore::audit_entries(int limit) {
    auto select = db_.prepare("SELECT at, user_name, action, leads, detail FROM audit_log ORDER BY id DESC LIMIT ?1");
    if (!select) return select.error();
    select->bind(1, std::int64_t{limit});
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back({select->column_text(0), select->column_text(1), select->column_text(2), select->column_text(3),
                       select->column_text(4)});
    }
}

Status WebStore::erase(const std::string& lead_id, const std::string& by, const std::string& reason) {
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return transaction.error();
    auto select = db_.prepare("SELECT canonical FROM leads WHERE id = ?1");
    if (!select) return select.error();
    select->bind(1, lead_id);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return make_error("no lead " + lead_id, ErrorKind::bad_input);
    json lead = json::parse(select->column_text(0), nullptr, false);
    if (!lead.is_object()) return make_error("lead " + lead_id + ": the stored lead is not JSON", ErrorKind::damaged_store);
    // What stays is what the counts need: event, campaign, municipalities, topics, language,
    // adults, the consent's version and the moments.
    lead["contact"] = {{"name", ""}, {"phone", ""}, {"email", ""}};
    lead["free_text"] = "";
    if (lead.contains("household") && lead["household"].is_object()) lead["household"]["children_birth_years"] = json::array();
    if (lead.contains("answers") && lead["answers"].is_object()) {
        lead["answers"]["business_idea"] = "";
        lead["answers"]["tipper_name"] = "";
        lead["answers"]["school_start_year"] = 0;
    }
    lead.erase("staff");
    for (const auto& sql : {std::string("UPDATE leads SET canonical = ?2, staff_note = '' WHERE id = ?1"),
                            std::string("DELETE FROM conflicts WHERE lead_id = ?1"),
                            std::string("UPDATE follow_up_log SET note = '' WHERE lead_id = ?1 AND note <> ''"),
                            std::string("INSERT OR IGNORE INTO tombstones (lead_id, erased_at, erased_by, reason) "
                                        "VALUES (?1, ?3, ?4, ?5)")}) {
        auto statement = db_.prepare(sql);
        if (!statement) return statement.error();
        statement->bind(1, lead_id);
        if (sql.find("?2") != std::string::npos) statement->bind(2, lead.dump());
        if (sql.find("?5") != std::string::npos) statement->bind(3, utc_timestamp_now()).bind(4, by).bind(5, reason);
        if (auto ran = statement->run(); !ran) return with_context("erasing lead " + lead_id, ran.error());
    }
    return transaction->commit();
}

Result<int> WebStore::retention_months() {
    auto value = db_.query_int("SELECT CAST(value AS INTEGER) FROM web_settings WHERE key = 'retention_months'");
    if (!value) return value.error();
    return static_cast<int>(*value);
}

Status WebStore::set_retention_months(int months) {
    if (months < 0 || months > 120) return make_error("retention: 0 to 120 months", ErrorKind::bad_input);
    auto update = db_.prepare("UPDATE web_settings SET value = ?1 WHERE key = 'retention_months'");
    if (!update) return update.error();
    update->bind(1, std::to_string(months));
    return update->run();
}

Result<int> WebStore::apply_retention(const std::string& now_utc) {
    auto months = retention_months();
    if (!months) return months.error();
    const std::string cutoff = utc_months_before(now_utc, *months);
    auto all = load_leads("");
    if (!all) return all.error();
    // The moment each lead's follow-up ended: the newest state entry, when every municipality
    // that recorded a state ended it.
    std::map<std::string, std::string> last_state_at;
    {
        auto select = db_.prepare("SELECT lead_id, max(at) FROM follow_up_log WHERE state <> '' GROUP BY lead_id");
        if (!select) return select.error();
        for (;;) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            last_state_at[select->column_text(0)] = select->column_text(1);
        }
    }
    int erased = 0;
    for (const auto& lead : *all) {
        if (lead.erased) continue;
        const auto ended_at = last_state_at.find(lead.id);
        if (ended_at == last_state_at.end() || ended_at->second > cutoff) continue;
        bool any_ended = false, all_ended = true;
        for (const auto& [municipality, state] : lead.states) {
            if (is_ended_state(state)) any_ended = true;
            else if (state != "new") all_ended = false;
        }
        if (!any_ended || !all_ended) continue;
        if (auto done = erase(lead.id, "retention", "follow-up ended more than " + std::to_string(*months) + " months ago");
            !done) {
            return done.error();
        }
        ++erased;
    }
    if (erased > 0) {
        if (auto logged = audit("retention", "erase", "", std::to_string(erased) + " leads"); !logged) return logged.error();
    }
    return erased;
}

Result<Results> WebStore::results() {
    auto all = load_leads("");
    if (!all) return all.error();
    // Stages ever reached, per lead and municipality, from the whole log.
    std::map<std::pair<std::string, std::string>, int> reached;
    {
        auto select = db_.prepare("SELECT lead_id, municipality, state FROM follow_up_log WHERE state <> ''");
        if (!select) return select.error();
        for (;;) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            int& stage = reached[{select->column_text(0), select->column_text(1)}];
            stage = std::max(stage, stage_of(select->column_text(2)));
        }
    }
    Results results;
    std::map<std::string, Funnel> campaigns, events, municipalities;
    auto add = [](Funnel& funnel, int stage, bool on_the_way) {
        ++funnel.interested;
        if (stage >= 1) ++funnel.contacted;
        if (stage >= 2) ++funnel.visited;
        if (stage >= 3) ++funnel.moved;
        if (on_the_way) ++funnel.on_the_way;
    };
    for (const auto& lead : *all) {
        int lead_stage = 0;
        bool lead_on_the_way = false;
        for (const auto& municipality : lead.municipalities) {
            const auto at = reached.find({lead.id, municipality});
            const int stage = at == reached.end() ? 0 : at->second;
            const std::string& now = lead.states.at(municipality);
            const bool on_the_way = now == "contacted" || now == "visit" || now == "on_hold";
            lead_stage = std::max(lead_stage, stage);
            lead_on_the_way = lead_on_the_way || on_the_way;
            Funnel& place = municipalities[municipality];
            place.key = municipality;
            add(place, stage, on_the_way);
        }
        // A lead that moved somewhere is not also "on the way" in the region's count.
        if (lead_stage >= 3) lead_on_the_way = false;
        Funnel& campaign = campaigns[lead.lead.value("campaign_id", "")];
        campaign.key = lead.lead.value("campaign_id", "");
        add(campaign, lead_stage, lead_on_the_way);
        Funnel& event = events[lead.lead.value("event_id", "")];
        event.key = lead.lead.value("event_id", "");
        add(event, lead_stage, lead_on_the_way);
        add(results.total, lead_stage, lead_on_the_way);
    }
    for (auto& [key, funnel] : campaigns) results.campaigns.push_back(funnel);
    for (auto& [key, funnel] : events) results.events.push_back(funnel);
    for (auto& [key, funnel] : municipalities) results.municipalities.push_back(funnel);
    return results;
}

}  // namespace flytthit::reg::web
