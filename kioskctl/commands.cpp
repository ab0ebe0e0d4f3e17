// The commands of flytthit-kioskctl; see commands.h.
#include "kioskctl/commands.h"

#include "common/protocol/keys_reply.h"

#include "common/content/builtin_content.h"
#include "common/content/content_pack.h"
#include "common/content/content_signature.h"
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "common/base/whole_number.h"
#include "firmware/staff/usb_export.h"
#include "firmware/staff/staff_mode.h"
#include "firmware/store/store_recovery.h"
#include "firmware/staff/staff_pin.h"
#include "common/protocol/pairing.h"
#include "common/protocol/sealing.h"
#include "firmware/sync/sync_client.h"
#include "common/protocol/sync_protocol.h"
#include "common/lead/lead_json.h"
#include "firmware/store/lead_store.h"
#include "ui/text/ui_text.h"
#include "common/base/version.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <iostream>

namespace flytthit::kioskctl {

namespace {

// Opens the store or explains why not; the caller returns 2 on nullopt.
std::optional<LeadStore> open_store(const Context& context) {
    auto opened = open_store_recovering(context.data_dir);
    if (!opened) {
        context.err << "flytthit-kioskctl: " << opened.error().message << "\n";
        return std::nullopt;
    }
    if (opened->alert) context.err << "flytthit-kioskctl: " << *opened->alert << "\n";
    return std::move(opened->store);
}

std::string alert_text(LeadStore& store) {
    auto alert = store.setting(store_alert_key);
    return alert && *alert ? **alert : "none";
}

std::string retention_text(LeadStore& store) {
    auto days = retention_days(store);
    if (!days) return "unreadable (nothing is purged until it is set again): " + days.error().message;
    return std::to_string(*days) + " days after sync";
}

std::string paired_with(const std::filesystem::path& data_dir) {
    auto pairing = load_pairing(data_dir);
    return pairing ? pairing->register_url : "no";
}

std::string sealing_description(const std::filesystem::path& data_dir) {
    auto key = current_sealing_key(data_dir);
    if (!key) return "broken pairing: " + key.error().message;
    if (key->demo) return "DEMO key (published; not for real events): pair the kiosk with its register";
    return "register key " + key->public_hex.substr(0, 16) + "…";
}

ValidationRules rules_for_builtin_content() {
    ValidationRules rules;
    rules.current_year = current_year();
    if (auto load = load_content_pack(builtin_content_dir()); load.pack) {
        for (const auto& municipality : load.pack->municipalities) rules.municipality_ids.insert(municipality.id);
    }
    return rules;
}

}  // namespace

int status(const Context& context) {
    auto store = open_store(context);
    if (!store) return 2;
    auto total = store->count();
    auto pending = store->count_pending();
    auto durability = store->durability_settings();
    if (!total || !pending || !durability) {
        context.err << "flytthit-kioskctl: status: "
                    << (!total ? total.error() : !pending ? pending.error() : durability.error()).message << "\n";
        return 2;
    }
    // The end-of-fair reconciliation of the current event, from the register's signed receipts.
    auto event = read_current_event(*store);
    auto counts = event ? store->reconciliation(event->id) : Result<Reconciliation>(event.error());
    if (!counts) {
        context.err << "flytthit-kioskctl: status: " << counts.error().message << "\n";
        return 2;
    }
    context.out << "version: " << app_version << "\n"
                << "data-dir: " << context.data_dir.string() << "\n"
                << "leads: " << *total << "\n"
                << "pending: " << *pending << "\n"
                << "paired: " << paired_with(context.data_dir) << "\n"
                << "sealing: " << sealing_description(context.data_dir) << "\n"
                << "retention: " << retention_text(*store) << "\n"
                << "alert: " << alert_text(*store) << "\n"
                << "event: " << event->id << ": taken " << counts->taken << ", acknowledged under a signed receipt "
                << counts->acknowledged << ", set aside " << counts->set_aside << ", missing " << counts->missing << "\n"
                << "journal: " << durability->journal_mode << " synchronous=" << durability->synchronous << "\n";
    return 0;
}

int check_content(const Context& context, const std::filesystem::path& pack_dir) {
    const ContentLoad load = load_content_pack(pack_dir);
    for (const auto& problem : load.problems) context.out << problem.to_string() << "\n";
    if (load.has_errors()) {
        context.err << "flytthit-kioskctl: " << pack_dir.string() << ": content pack refused\n";
        return 1;
    }
    context.out << "ok: " << pack_dir.string() << ": pack " << load.pack->pack_version << ", "
                << load.pack->municipalities.size() << " municipalities\n";
    return 0;
}

int add_lead(const Context& context, const std::string& source) {
    std::ifstream file;
    std::istream* input = &std::cin;
    if (source != "-") {
        file.open(source);
        if (!file) {
            context.err << "flytthit-kioskctl: add-lead: cannot open " << source << "\n";
            return 2;
        }
        input = &file;
    }
    auto store = open_store(context);
    if (!store) return 2;
    const ValidationRules rules = rules_for_builtin_content();

    int rejected = 0;
    std::string line;
    for (int number = 1; std::getline(*input, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = (source == "-" ? "stdin" : source) + ":" + std::to_string(number) + ": ";
        auto draft = lead_draft_from_json(line);
        if (!draft) {
            context.err << where << draft.error().message << "\n";
            ++rejected;
            continue;
        }
        if (auto problems = validate_lead(normalised(*draft), rules); !problems.empty()) {
            for (const auto& problem : problems) {
                context.err << where << problem.field << ": " << ui_text(Language::en, problem.message_key) << "\n";
            }
            ++rejected;
            continue;
        }
        auto lead = store->add(*draft, rules);
        if (!lead) {
            context.err << where << lead.error().message << "\n";
            ++rejected;
            continue;
        }
        // Printed and flushed only after the commit returned: a printed id is a stored lead.
        context.out << lead->id << std::endl;
    }
    if (rejected > 0) context.err << "flytthit-kioskctl: add-lead: " << rejected << " line(s) rejected\n";
    return rejected > 0 ? 1 : 0;
}

int list(const Context& context) {
    auto store = open_store(context);
    if (!store) return 2;
    auto listed = store->for_each_lead([&](const Lead& lead) {
        const auto& draft = lead.draft;
        context.out << lead.id << " " << lead.created.wall_clock_utc << " " << sync_state_name(lead.sync_state)
                    << " event=" << draft.event_id << " adults=" << draft.household.adults
                    << " children=" << lead.sealed.children_count << " initials=" << lead.sealed.initials
                << (lead.sealed.personal.empty() ? " personal=deleted" : "") << " municipalities=";
        for (std::size_t i = 0; i < draft.municipalities.size(); ++i) {
            context.out << (i ? "," : "") << draft.municipalities[i];
        }
        context.out << "\n";
    });
    if (!listed) {
        context.err << "flytthit-kioskctl: list: " << listed.error().message << "\n";
        return 2;
    }
    return 0;
}

int pair_from_file(const Context& context, const std::filesystem::path& file) {
    auto text = read_file_limited(file, 256 * 1024);
    if (!text) {
        context.err << "flytthit-kioskctl: pair: " << text.error().message << "\n";
        return 2;
    }
    auto pairing = pairing_from_json(*text);
    if (!pairing) {
        context.err << "flytthit-kioskctl: pair: " << file.string() << ": " << pairing.error().message << "\n";
        return 1;
    }
    if (auto saved = save_pairing(context.data_dir, *pairing); !saved) {
        context.err << "flytthit-kioskctl: pair: " << saved.error().message << "\n";
        return 2;
    }
    context.out << "paired with " << pairing->register_url << " as \"" << pairing->device << "\"\n";
    return 0;
}

int pair_online(const Context& context, const std::string& url, const std::string& token, const std::string& ca_file) {
    HttpSettings settings;
    if (!ca_file.empty()) {
        auto pem = read_file_limited(ca_file, 256 * 1024);
        if (!pem) {
            context.err << "flytthit-kioskctl: pair: " << pem.error().message << "\n";
            return 2;
        }
        settings.ca_certificate_pem = *pem;
    }
    HttpClient http(settings);
    std::string base = url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    auto outcome = http.request(base + "/v1/keys", {"Authorization: Bearer " + token}, nullptr, {});
    if (auto* failure = std::get_if<HttpFailure>(&outcome)) {
        context.err << "flytthit-kioskctl: pair: " << base << ": " << failure->message << "\n";
        return 1;
    }
    const auto& response = std::get<HttpResponse>(outcome);
    if (response.status != 200) {
        context.err << "flytthit-kioskctl: pair: " << base << " answered HTTP " << response.status
                    << (response.status == 401 ? ": the token is not known there" : "") << "\n";
        return 1;
    }
    auto keys = protocol::decode_keys_reply(response.body);
    if (!keys) {
        context.err << "flytthit-kioskctl: pair: the register's reply was not understood: " << keys.error().message << "\n";
        return 1;
    }
    const Pairing online{base, {}, token, keys->sealing_public_key, keys->signing_public_key, settings.ca_certificate_pem, {}};
    // Through the file decoder, so a pairing made online is checked exactly as one from a file.
    auto pairing = pairing_from_json(pairing_to_json(online));
    if (!pairing) {
        context.err << "flytthit-kioskctl: pair: " << pairing.error().message << "\n";
        return 1;
    }
    if (auto saved = save_pairing(context.data_dir, *pairing); !saved) {
        context.err << "flytthit-kioskctl: pair: " << saved.error().message << "\n";
        return 2;
    }
    context.out << "paired with " << base << "\n";
    return 0;
}

int sync(const Context& context) {
    auto pairing = load_pairing(context.data_dir);
    if (!pairing) {
        context.err << "flytthit-kioskctl: sync: " << pairing.error().message << "\n";
        return 2;
    }
    auto store = open_store(context);
    if (!store) return 2;
    SyncClient client(*store, std::move(*pairing), SyncSettings{});
    std::int64_t last_sent = 0;
    std::int64_t last_delivered = 0;
    bool begun = false;
    const SyncProgress result = client.run(
        [&](const SyncProgress& progress) {
            // Said once, as the sync begins (the store open, nothing sent yet): how much it
            // has to do, and for bench/ the moment a kiosk's own sync would start from.
            if (!begun) {
                context.err << "pending " << progress.total << "\n";
                begun = true;
            }
            if (progress.delivered != last_delivered) {
                context.err << "delivered " << progress.delivered << " / " << progress.total << "\n";
                last_delivered = progress.delivered;
            }
            if (progress.sent != last_sent) {
                context.err << "sent " << progress.sent << " / " << progress.total << "\n";
                last_sent = progress.sent;
            }
        },
        {});
    auto pending = store->count_pending();
    context.out << "delivered: " << result.delivered << "\nsent: " << result.sent << "\nstored: " << result.stored << "\nalready there: " << result.duplicates
                << "\nrejected: " << result.rejected << "\nconflicts: " << result.conflicts
                << "\npending: " << (pending ? *pending : -1) << "\n";
    if (!result.last_error.empty()) context.err << "flytthit-kioskctl: sync: " << result.last_error << "\n";
    return result.succeeded ? 0 : 1;
}

int export_to(const Context& context, const std::filesystem::path& dir) {
    auto store = open_store(context);
    if (!store) return 2;
    auto pairing = load_pairing(context.data_dir);
    auto exported = export_leads(*store, dir, pairing ? pairing->device : "kiosk");
    if (!exported) {
        context.err << "flytthit-kioskctl: export: " << exported.error().message << "\n";
        return 1;
    }
    context.out << "exported " << exported->leads << " leads to " << exported->file.string() << "\n";
    return 0;
}

int set_pin(const Context& context, std::istream& in) {
    std::string pin;
    std::getline(in, pin);
    if (!is_acceptable_pin(pin)) {
        context.err << "flytthit-kioskctl: set-pin: the PIN must be 4 to 8 digits\n";
        return 1;
    }
    auto store = open_store(context);
    if (!store) return 2;
    auto hash = hash_pin(pin);
    if (!hash) {
        context.err << "flytthit-kioskctl: set-pin: " << hash.error().message << "\n";
        return 2;
    }
    for (Status saved : {store->set_setting("staff_pin_hash", *hash), store->set_setting("staff_pin_failures", "0")}) {
        if (!saved) {
            context.err << "flytthit-kioskctl: set-pin: " << saved.error().message << "\n";
            return 2;
        }
    }
    context.out << "staff PIN set\n";
    return 0;
}

int set_retention(const Context& context, const std::string& days) {
    const auto parsed = parse_whole_number(days);
    const int value = parsed ? *parsed : -1;
    if (value < 0 || value > 365) {
        context.err << "flytthit-kioskctl: set-retention: \"" << days << "\": expected 0 to 365 days\n";
        return 1;
    }
    auto store = open_store(context);
    if (!store) return 2;
    if (auto saved = store->set_setting(retention_days_key, std::to_string(value)); !saved) {
        context.err << "flytthit-kioskctl: set-retention: " << saved.error().message << "\n";
        return 2;
    }
    auto purged = store->purge_personal_data(value);
    context.out << "personal data is kept " << value << " days after the register has it"
                << (purged ? "; deleted now: " + std::to_string(*purged) : "") << "\n";
    return 0;
}

int install_content(const Context& context, const std::filesystem::path& pack) {
    if (auto installed = install_pack(pack, context.data_dir, trusted_signing_key(context.data_dir)); !installed) {
        context.err << "flytthit-kioskctl: install-content: refused, the current pack stays: " << installed.error().message << "\n";
        return 1;
    }
    context.out << "installed " << pack.string() << "; the kiosk uses it from its next start\n";
    return 0;
}

int update_content(const Context& context) {
    auto pairing = load_pairing(context.data_dir);
    if (!pairing) {
        context.err << "flytthit-kioskctl: update-content: " << pairing.error().message << "\n";
        return 2;
    }
    HttpSettings settings;
    settings.ca_certificate_pem = pairing->ca_certificate_pem;
    settings.pinned_public_key = pairing->pinned_public_key;
    settings.max_reply_bytes = 64 * 1024 * 1024;
    HttpClient http(settings);
    auto outcome = http.request(pairing->register_url + "/v1/content", {"Authorization: Bearer " + pairing->token}, nullptr, {});
    if (auto* failure = std::get_if<HttpFailure>(&outcome)) {
        context.err << "flytthit-kioskctl: update-content: " << failure->message << "\n";
        return 1;
    }
    const auto& response = std::get<HttpResponse>(outcome);
    if (response.status != 200) {
        context.err << "flytthit-kioskctl: update-content: the register answered HTTP " << response.status << "\n";
        return 1;
    }
    // A bundle is a flat map of file names to their text; a file may be as large as the reply.
    auto bundle = protocol::parse_envelope(response.body, settings.max_reply_bytes, {8, 100'000, settings.max_reply_bytes});
    if (!bundle) {
        context.err << "flytthit-kioskctl: update-content: " << bundle.error().message << "\n";
        return 1;
    }
    const auto staging = context.data_dir / "content-download";
    std::error_code error;
    std::filesystem::remove_all(staging, error);
    std::filesystem::create_directories(staging, error);
    Status unpacked = unpack_bundle(*bundle, staging);
    if (unpacked) unpacked = install_pack(staging, context.data_dir, pairing->signing_public_key);
    std::filesystem::remove_all(staging, error);
    if (!unpacked) {
        context.err << "flytthit-kioskctl: update-content: refused, the current pack stays: " << unpacked.error().message << "\n";
        return 1;
    }
    context.out << "content updated from " << pairing->register_url << "; the kiosk uses it from its next start\n";
    return 0;
}

int salvage(const Context& context, const std::filesystem::path& damaged, const std::filesystem::path& dir) {
    std::string warning;
    auto leads = salvage_leads(damaged, warning);
    if (!leads) {
        context.err << "flytthit-kioskctl: salvage: " << leads.error().message << "\n";
        return 1;
    }
    if (!warning.empty()) context.err << "flytthit-kioskctl: salvage: " << warning << "\n";
    auto pairing = load_pairing(context.data_dir);
    auto exported = write_export_file(*leads, dir, pairing ? pairing->device : "kiosk");
    if (!exported) {
        context.err << "flytthit-kioskctl: salvage: " << exported.error().message << "\n";
        return 1;
    }
    context.out << "salvaged " << exported->leads << " leads to " << exported->file.string()
                << " (import it with flytthit-register import)\n";
    return 0;
}

}  // namespace flytthit::kioskctl
