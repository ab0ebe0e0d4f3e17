// The web app's data: users and sessions, which leads a user may see, the follow-up log,
// owners, the audit log, erasure and retention, and the results funnel. All on the register's
// own Database (RegisterStore::database()); callers hold the register's store lock.
// Every function returns an Error (kind from common/base/result.h) rather than guessing.
#pragma once

#include "common/base/result.h"
#include "common/base/sqlite_db.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flytthit::reg::web {

// bytes random bytes from libsodium as lower-case hex: session tokens, CSRF tokens, file names.
std::string random_hex(std::size_t bytes);

enum class Role { coordinator, host, viewer };
std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

// Follow-up states, in the order of the funnel; "" in the log means a comment only.
inline constexpr std::string_view follow_up_states[] = {"new",  "contacted", "visit",    "moved",
                                                        "not_moving", "on_hold", "withdrawn"};
bool is_follow_up_state(std::string_view state);
// moved, not_moving and withdrawn end a follow-up (retention counts from then).
bool is_ended_state(std::string_view state);

struct User {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::viewer;
    std::vector<std::string> municipalities;  // a host's; empty for coordinator and viewer
    std::string last_inbox_visit;             // UTC ISO 8601; empty before the first visit

    bool sees_personal_data() const { return role != Role::viewer; }
    // A coordinator acts for every municipality, a host for theirs, a viewer for none.
    bool acts_for(const std::string& municipality) const;
};

struct Session {
    User user;
    std::string csrf;
};

// What the inbox's filters ask for; empty fields do not filter.
struct LeadFilter {
    std::string event;
    std::string campaign;
    std::string state;  // a follow-up state, for any of the lead's municipalities the user acts for
    std::string from;   // YYYY-MM-DD, Oslo date of creation, inclusive
    std::string to;     // YYYY-MM-DD, inclusive
    std::string query;  // part of the person's name, any case
};

// The longest note, in characters (a line break, sent as CR LF, is one): the lead page's
// textarea maxlength. Even when every character is æ, ø or å (two bytes, six once URL-encoded)
// the follow-up form stays within the register's 8 KiB form limit.
inline constexpr std::size_t max_note_characters = 1200;
// The number of characters of UTF-8 text as max_note_characters counts them.
std::size_t note_length(std::string_view text);

struct LogEntry {
    std::int64_t id = 0;
    std::string lead_id;
    std::string municipality;
    std::string user_name;
    std::string at;  // UTC ISO 8601
    std::string state;  // "" for a comment
    std::string moved_on;  // YYYY-MM-DD for "moved"
    std::string note;
};

// One lead with everything the web app shows of it.
struct LeadView {
    std::string id;
    nlohmann::json lead;  // the clear wire lead as stored (personal fields empty once erased)
    std::string created_utc;
    std::string time_status;
    std::string received_at;
    std::string device;
    std::string rating;
    std::string staff_note;
    std::string staff_follow_up;  // the municipality staff gave it to; may be empty
    std::string owner;            // the owning municipality: the coordinator's choice, else staff's
    std::vector<std::string> municipalities;  // named by the visitor, then follow-up and owner if others
    std::map<std::string, std::string> states;  // municipality -> current state ("new" without entries)
    std::string last_activity;  // UTC of the newest log entry; empty when none
    bool erased = false;
};

// Counts of one row of the funnel.
struct Funnel {
    std::string key;  // campaign, event or municipality id; "" for none
    std::int64_t interested = 0;
    std::int64_t contacted = 0;  // reached contacted or further
    std::int64_t visited = 0;    // reached a visit or meeting or further
    std::int64_t moved = 0;
    std::int64_t on_the_way = 0;  // now contacted, visiting or on hold: still in follow-up
};

struct Results {
    std::vector<Funnel> campaigns;
    std::vector<Funnel> events;
    std::vector<Funnel> municipalities;
    Funnel total;
};

struct AuditEntry {
    std::string at;
    std::string user_name;
    std::string action;
    std::string leads;
    std::string detail;
};

enum class LoginResult { ok, wrong, locked };

class WebStore {
public:
    explicit WebStore(Database& db) : db_(db) {}

    // Users. add_user fails (bad_input) for a taken name, an empty password or a host without
    // municipalities. Passwords are stored as Argon2id strings only.
    Result<User> add_user(const std::string& name, Role role, const std::vector<std::string>& municipalities,
                          const std::string& password);
    Status set_password(const std::string& name, const std::string& password);
    Result<std::optional<User>> user_by_name(const std::string& name);
    Result<std::vector<User>> users();

    // Checks a password and keeps the failure count and lock: after max_failures wrong tries
    // the account locks for 30 s, doubling with each further failure (at most an hour).
    static constexpr int max_failures = 5;
    Result<std::pair<LoginResult, std::optional<User>>> login(const std::string& name, const std::string& password,
                                                              std::int64_t now);

    // Sessions: returns the token for the cookie (only its hash is stored).
    Result<std::string> create_session(std::int64_t user_id, std::int64_t now);
    // The session for token, refreshing its idle clock; nullopt when unknown or expired (and
    // then deleted).
    Result<std::optional<Session>> session(const std::string& token, std::int64_t now, std::int64_t idle_seconds,
                                           std::int64_t absolute_seconds);
    Status end_session(const std::string& token);
    Status end_sessions_of(std::int64_t user_id);
    Status mark_inbox_visit(std::int64_t user_id, const std::string& at);

    // The leads the user may see (a host: naming, given to or owned by their municipalities),
    // newest first, filtered. A viewer sees none. Erased leads are not listed.
    Result<std::vector<LeadView>> leads_for(const User& user, const LeadFilter& filter);
    // One lead, or nullopt when it does not exist or the user may not see it (the caller
    // answers 404 for both).
    Result<std::optional<LeadView>> lead_for(const User& user, const std::string& id);
    Result<std::vector<LogEntry>> log_of(const std::string& lead_id);
    Status append_log(const LogEntry& entry);
    Status set_owner(const std::string& lead_id, const std::string& municipality, const std::string& by);

    Status audit(const std::string& user_name, const std::string& action, const std::string& leads,
                 const std::string& detail);
    Result<std::vector<AuditEntry>> audit_entries(int limit);

    // Erases a lead's personal data (contact, free text, answers, birth years, staff note,
    // comments, conflicts kept aside) in one transaction, keeping a tombstone and the
    // follow-up states, so the counts stay and a resend is acknowledged but not stored.
    Status erase(const std::string& lead_id, const std::string& by, const std::string& reason);
    Result<int> retention_months();
    Status set_retention_months(int months);
    // Erases every lead whose follow-up ended (in every municipality that followed it up)
    // more than retention_months before now_utc. Returns how many were erased.
    Result<int> apply_retention(const std::string& now_utc);

    Result<Results> results();

private:
    Result<std::vector<LeadView>> load_leads(const std::string& only_id);
    Database& db_;
};

}  // namespace flytthit::reg::web
