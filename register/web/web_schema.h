// The web app's schema step (version 10 of the register's database; register_store.cpp
// lists it). Header-only so register_core's migration list can name it without linking the
// web app. What each table promises:
// - web_users: one row per person; the password only as libsodium's Argon2id string; the
//   failed-login counter and lock survive a restart.
// - web_sessions: the SHA-256 of a random 256-bit token (never the token), its CSRF token,
//   and when it was made and last used (Unix seconds) for idle and absolute expiry.
// - follow_up_log: append-only (triggers refuse UPDATE and DELETE, except blanking a note
//   when the person is erased): who, when, which lead and municipality, a state or a comment.
// - lead_owners: the coordinator's choice of the municipality that owns a lead (without
//   one, the staff's followed-up-by municipality owns it).
// - audit_log: every view of personal data, every export, erasure and user change.
// - tombstones: leads whose personal data was erased; a resend is acknowledged, not stored.
// - web_settings: the coordinator's settings (retention_months).
#pragma once

#include <string_view>

namespace flytthit::reg::web {

inline constexpr std::string_view schema_step_10 = R"sql(
CREATE TABLE web_users (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    role             TEXT NOT NULL CHECK (role IN ('coordinator', 'host', 'viewer')),
    municipalities   TEXT NOT NULL DEFAULT '',
    password_hash    TEXT NOT NULL,
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     INTEGER NOT NULL DEFAULT 0,
    last_inbox_visit TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
) STRICT;
CREATE TABLE web_sessions (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES web_users (id) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
) STRICT;
CREATE TABLE follow_up_log (
    id           INTEGER PRIMARY KEY,
    lead_id      TEXT NOT NULL,
    municipality TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    at           TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT '' CHECK (state IN ('', 'new', 'contacted', 'visit', 'moved', 'not_moving',
                                                           'on_hold', 'withdrawn')),
    moved_on     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX follow_up_log_by_lead ON follow_up_log (lead_id, municipality, id);
CREATE TRIGGER follow_up_log_no_delete BEFORE DELETE ON follow_up_log
BEGIN SELECT RAISE(ABORT, 'the follow-up log is append-only'); END;
CREATE TRIGGER follow_up_log_no_update BEFORE UPDATE ON follow_up_log
WHEN NOT (NEW.note = '' AND NEW.id = OLD.id AND NEW.lead_id = OLD.lead_id AND NEW.municipality = OLD.municipality
          AND NEW.user_name = OLD.user_name AND NEW.at = OLD.at AND NEW.state = OLD.state
          AND NEW.moved_on = OLD.moved_on)
BEGIN SELECT RAISE(ABORT, 'the follow-up log is append-only'); END;
CREATE TABLE lead_owners (
    lead_id      TEXT PRIMARY KEY NOT NULL,
    municipality TEXT NOT NULL,
    set_by       TEXT NOT NULL,
    set_at       TEXT NOT NULL
) STRICT;
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action    TEXT NOT NULL,
    leads     TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE tombstones (
    lead_id   TEXT PRIMARY KEY NOT NULL,
    erased_at TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    reason    TEXT NOT NULL
) STRICT;
CREATE TABLE web_settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
INSERT INTO web_settings (key, value) VALUES ('retention_months', '12');
)sql";

}  // namespace flytthit::reg::web
