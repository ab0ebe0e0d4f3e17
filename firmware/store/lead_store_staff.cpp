// The lead store's staff-mode queries: settings, events, annotations, pages and counters.
// See lead_store.h.
#include "common/base/device_clock.h"
#include "firmware/store/lead_rows.h"
#include "firmware/store/lead_store.h"
#include "common/protocol/sealing.h"

#include <nlohmann/json.hpp>

namespace flytthit {

namespace {

// Runs a two-column "name, count" query into pairs.
Result<std::vector<std::pair<std::string, std::int64_t>>> name_counts(Statement& query) {
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) return counts;
        counts.emplace_back(query.column_text(0), query.column_int(1));
    }
}

Result<std::vector<Lead>> read_leads(Statement& query) {
    std::vector<Lead> leads;
    for (;;) {
        auto row = query.step();
        if (!row) return with_context("reading leads", row.error());
        if (!*row) return leads;
        leads.push_back(detail::read_lead(query));
    }
}

}  // namespace

Result<std::optional<std::string>> LeadStore::setting(const std::string& key) {
    auto select = db_.prepare("SELECT value FROM settings WHERE key = ?1");
    if (!select) return select.error();
    select->bind(1, key);
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>{};
    return std::optional<std::string>{select->column_text(0)};
}

Status LeadStore::set_setting(const std::string& key, const std::string& value) {
    auto upsert = db_.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert) return upsert.error();
    upsert->bind(1, key).bind(2, value);
    return upsert->run();
}

Status LeadStore::save_event(const Event& event) {
    auto upsert = db_.prepare(R"sql(
INSERT INTO events (id, name, place, date, campaign_id, municipalities, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, place = excluded.place, date = excluded.date,
    campaign_id = excluded.campaign_id, municipalities = excluded.municipalities)sql");
    if (!upsert) return upsert.error();
    upsert->bind(1, event.id)
        .bind(2, event.name)
        .bind(3, event.place)
        .bind(4, event.date)
        .bind(5, event.campaign_id)
        .bind(6, nlohmann::json(event.municipalities).dump())
        .bind(7, utc_timestamp_now());
    return upsert->run();
}

Result<std::vector<Event>> LeadStore::events() {
    auto select = db_.prepare("SELECT id, name, place, date, campaign_id, municipalities FROM events ORDER BY created_at DESC");
    if (!select) return select.error();
    std::vector<Event> events;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) return events;
        Event event{select->column_text(0), select->column_text(1), select->column_text(2),
                    select->column_text(3), select->column_text(4), {}};
        const auto places = nlohmann::json::parse(select->column_text(5), nullptr, false);
        if (places.is_array()) {
            for (const auto& place : places) {
                if (place.is_string()) event.municipalities.push_back(place);
            }
        }
        events.push_back(std::move(event));
    }
}

Result<std::optional<Event>> LeadStore::event(const std::string& id) {
    auto all = events();
    if (!all) return all.error();
    for (auto& event : *all) {
        if (event.id == id) return std::optional<Event>{std::move(event)};
    }
    return std::optional<Event>{};
}

Result<std::optional<Lead>> LeadStore::lead(const std::string& id) {
    auto select = db_.prepare(std::string("SELECT ") + detail::lead_columns + " FROM leads WHERE id = ?1");
    if (!select) return select.error();
    select->bind(1, id);
    auto leads = read_leads(*select);
    if (!leads) return leads.error();
    if (leads->empty()) return std::optional<Lead>{};
    return std::optional<Lead>{std::move(leads->front())};
}

Result<std::vector<Lead>> LeadStore::leads_page(const std::string& event_id, std::size_t offset, std::size_t limit) {
    auto select = db_.prepare(std::string("SELECT ") + detail::lead_columns +
                              " FROM leads WHERE ?1 = '' OR event_id = ?1 ORDER BY rowid DESC LIMIT ?2 OFFSET ?3");
    if (!select) return select.error();
    select->bind(1, event_id).bind(2, static_cast<std::int64_t>(limit)).bind(3, static_cast<std::int64_t>(offset));
    return read_leads(*select);
}

Result<std::int64_t> LeadStore::count_leads(const std::string& event_id) {
    auto count = db_.prepare("SELECT count(*) FROM leads WHERE ?1 = '' OR event_id = ?1");
    if (!count) return count.error();
    count->bind(1, event_id);
    auto row = count->step();
    if (!row) return row.error();
    return count->column_int(0);
}

Status LeadStore::annotate(const std::string& lead_id, const StaffAnnotation& annotation) {
    auto key = current_sealing_key(data_dir_);
    if (!key) return key.error();
    // Staff cannot read the sealed note back, so an empty note keeps it; clearing is asked
    // for (note_cleared) and travels to the register as an empty note on the next sync. A
    // lead in a delivered batch leaves it: the annotation goes in the next batch.
    auto update = db_.prepare(R"sql(
UPDATE leads SET rating = ?2, follow_up = ?4,
    sealed_note = CASE WHEN ?5 THEN NULL ELSE coalesce(?3, sealed_note) END,
    sync_state = CASE sync_state WHEN 'synced' THEN 'pending' ELSE sync_state END
WHERE id = ?1 AND sealed_personal IS NOT NULL)sql");
    if (!update) return update.error();
    const bool clear = annotation.note_cleared && annotation.note.empty();
    update->bind(1, lead_id)
        .bind(2, annotation.rating)
        .bind_blob(3, annotation.note.empty() ? SealedBox{} : seal(annotation.note, *key))
        .bind(4, annotation.follow_up)
        .bind(5, std::int64_t{clear ? 1 : 0});
    auto transaction = Transaction::begin_immediate(db_);
    if (!transaction) return with_context("saving the staff's note on " + lead_id, transaction.error());
    if (auto ran = update->run(); !ran) return with_context("saving the staff's note on " + lead_id, ran.error());
    if (sqlite3_changes(db_.raw()) != 1) return make_error("no lead " + lead_id + " with personal data to annotate");
    auto leave_batch = db_.prepare("DELETE FROM delivered_leads WHERE lead_id = ?1");
    if (!leave_batch) return leave_batch.error();
    leave_batch->bind(1, lead_id);
    if (auto ran = leave_batch->run(); !ran) return with_context("saving the staff's note on " + lead_id, ran.error());
    return transaction->commit();
}

Result<std::int64_t> LeadStore::purge_personal_data(int retention_days) {
    auto purge = db_.prepare(R"sql(
UPDATE leads SET sealed_personal = NULL, sealed_note = NULL
WHERE sync_state = 'synced' AND sealed_personal IS NOT NULL
  AND synced_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || ?1 || ' days'))sql");
    if (!purge) return purge.error();
    purge->bind(1, static_cast<std::int64_t>(std::max(retention_days, 0)));
    if (auto ran = purge->run(); !ran) return with_context("deleting personal data after its retention", ran.error());
    return static_cast<std::int64_t>(sqlite3_changes(db_.raw()));
}

// A lead the register acknowledged under a receipt stays acknowledged while a newer
// annotation waits to be sent (it is pending again, but the register holds it).
Result<Reconciliation> LeadStore::reconciliation(const std::string& event_id) {
    auto query = db_.prepare(R"sql(
SELECT count(*),
       count(*) FILTER (WHERE receipt_sha256 IS NOT NULL OR id IN (SELECT lead_id FROM delivered_leads)),
       count(*) FILTER (WHERE receipt_sha256 IS NULL AND sync_state IN ('rejected', 'conflict'))
FROM leads WHERE event_id = ?1)sql");
    if (!query) return query.error();
    query->bind(1, event_id);
    auto row = query->step();
    if (!row) return with_context("counting the reconciliation of " + event_id, row.error());
    Reconciliation counts;
    counts.taken = query->column_int(0);
    counts.acknowledged = query->column_int(1);
    counts.set_aside = query->column_int(2);
    counts.missing = counts.taken - counts.acknowledged - counts.set_aside;
    return counts;
}

Result<LeadCounters> LeadStore::counters(const std::string& event_id, const UtcSpan& today_span) {
    LeadCounters counters;
    auto scalar = [&](const std::string& sql, const std::string& parameter, const std::string& second = {}) -> Result<std::int64_t> {
        auto query = db_.prepare(sql);
        if (!query) return query.error();
        query->bind(1, parameter);
        if (!second.empty()) query->bind(2, second);
        auto row = query->step();
        if (!row) return row.error();
        return query->column_int(0);
    };
    // The staff's day, not UTC's: a lead at 00:30 in Oslo is today's, though UTC says yesterday.
    // ISO 8601 UTC text orders as time does, so the span compares as text.
    auto today = scalar("SELECT count(*) FROM leads WHERE created_wall_utc >= ?1 AND created_wall_utc < ?2", today_span.start,
                        today_span.end);
    auto this_event = scalar("SELECT count(*) FROM leads WHERE event_id = ?1", event_id);
    auto pending = count_pending();
    auto total = count();
    for (auto* value : {&today, &this_event, &pending, &total}) {
        if (!*value) return value->error();
    }
    counters.today = *today;
    counters.this_event = *this_event;
    counters.pending = *pending;
    counters.total = *total;

    auto places = db_.prepare("SELECT place.value, count(*) FROM leads, json_each(leads.municipalities) AS place "
                              "WHERE ?1 = '' OR event_id = ?1 GROUP BY place.value ORDER BY count(*) DESC, place.value");
    if (!places) return places.error();
    places->bind(1, event_id);
    auto per_place = name_counts(*places);
    if (!per_place) return per_place.error();
    counters.per_municipality = std::move(*per_place);

    // This event's, like the municipalities': staff compare the two, and the screen says so.
    auto campaigns = db_.prepare("SELECT campaign_id, count(*) FROM leads WHERE ?1 = '' OR event_id = ?1 "
                                 "GROUP BY campaign_id ORDER BY count(*) DESC, campaign_id");
    if (!campaigns) return campaigns.error();
    campaigns->bind(1, event_id);
    auto per_campaign = name_counts(*campaigns);
    if (!per_campaign) return per_campaign.error();
    counters.per_campaign = std::move(*per_campaign);
    return counters;
}

}  // namespace flytthit
