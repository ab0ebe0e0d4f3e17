// flytthit-register: the host register the kiosks sync to after an event, and the tools
// the region's staff use on it (devices, statistics, per-municipality export).
#include "common/content/content_pack.h"
#include "common/content/content_results.h"
#include "common/content/content_signature.h"
#include "common/base/file_io.h"
#include "common/base/device_clock.h"
#include "register/http_api.h"
#include "register/lead_checks.h"
#include "register/register_operations.h"
#include "common/protocol/rfc3339.h"
#include "common/protocol/export_file.h"
#include "common/protocol/pairing.h"
#include "common/protocol/sync_protocol.h"
#include "register/register_secrets.h"
#include "register/register_store.h"
#include "register/web/export_rows.h"
#include "register/web/oslo_time.h"
#include "register/web/results_for_pack.h"
#include "register/web/web_app.h"
#include "register/web/web_store.h"
#include "common/base/version.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstdlib>
#include <unistd.h>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace flytthit;
using namespace flytthit::reg;

constexpr const char* usage = R"(usage: flytthit-register COMMAND [ARGS]

Commands:
  init DIR [--demo-keys yes]             create a register: database and key pairs (the
                                         published demo pairs with --demo-keys: demos only)
  serve --dir DIR --listen HOST:PORT [--tls-cert F --tls-key F]
                                         serve protocol v1 (TLS; plain HTTP on loopback only)
  add-device --dir DIR NAME [--url URL] [--ca-file F] [--pairing-file FILE]
                                         create a kiosk's token (printed as the last line)
                                         and optionally its pairing file for a USB stick
  stats --dir DIR                        leads, conflicts, devices, delivered batches waiting
                                         and refused, leads per municipality
  export --dir DIR --municipality ID|NAME [--since DATE|TIME]
                                         CSV for that municipality's host on stdout: the
                                         web app's export (its columns, names not ids, Oslo
                                         times, follow-up state); --since counts from when
                                         the register received a lead
  import --dir DIR FILE                  import a kiosk's USB export; importing the same
                                         file again changes nothing
  publish-content --dir DIR PACKDIR [--results yes]
                                         check and sign a content pack with the register's
                                         key and serve it to kiosks (GET /v1/content); the
                                         signed copy in DIR/content can go on a USB stick too;
                                         --results yes writes the register's counts per
                                         campaign into the pack's results first
  results --dir DIR                      those counts, as the pack's region.results entries
  add-user --dir DIR NAME --role coordinator|host|viewer [--municipality ID ...]
                                         a user of the web app; the password is read from
                                         stdin (one line) and stored as an Argon2id hash
  set-password --dir DIR NAME            a new password for NAME from stdin (ends NAME's sessions)
  retention --dir DIR                    erase now the personal data of leads whose follow-up
                                         ended longer ago than the coordinator's setting
  devices --dir DIR                      every device: leads, last sync, revoked or not
  revoke --dir DIR DEVICE                its token stops working at once (a stolen kiosk)
  rotate --dir DIR DEVICE [--url URL] [--ca-file F] --pairing-file FILE
                                         a new token and pairing file; the old token stops
  conflicts --dir DIR [show ID | resolve ID keep-first|keep-second]
                                         leads sent twice with different content
  backup --dir DIR FILE                  a consistent copy of the database while it serves;
                                         restore: stop the service, copy FILE over
                                         DIR/register.db (remove register.db-wal and -shm), start
  --help, --version
)";

// Arguments after the command: "--name value" options and positional words.
struct Arguments {
    std::map<std::string, std::string> options;
    std::vector<std::string> words;

    std::optional<std::string> get(const std::string& name) const {
        const auto found = options.find(name);
        if (found == options.end()) return std::nullopt;
        return found->second;
    }
};

std::optional<Arguments> parse(const std::vector<std::string>& args) {
    Arguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("--", 0) == 0) {
            if (i + 1 >= args.size()) {
                std::cerr << "flytthit-register: " << args[i] << " needs a value\n";
                return std::nullopt;
            }
            parsed.options[args[i]] = args[i + 1];
            ++i;
        } else {
            parsed.words.push_back(args[i]);
        }
    }
    return parsed;
}

// Who runs a command, for the audit log: the login name (sudo's caller when run by sudo).
std::string operator_name() {
    for (const char* variable : {"SUDO_USER", "USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') return std::string("cli:") + value;
    }
    return "cli:uid " + std::to_string(getuid());
}

int fail(const std::string& message, int code = 1) {
    std::cerr << "flytthit-register: " << message << "\n";
    return code;
}

int init(const Arguments& args) {
    if (args.words.size() != 1) return fail("init needs one directory", 2);
    const std::filesystem::path dir = args.words[0];
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return fail("creating " + dir.string() + ": " + error.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, error);
    if (auto store = RegisterStore::open(dir); !store) return fail(store.error().message);
    const bool demo = args.get("--demo-keys") == "yes";
    if (auto keys = create_key_pairs(dir, demo); !keys) return fail(keys.error().message);
    std::cout << "register created in " << dir.string() << (demo ? " with the DEMO keys: not for real events" : "") << "\n";
    return 0;
}

int serve_command(const Arguments& args) {
    const auto dir = args.get("--dir");
    const auto listen = args.get("--listen");
    if (!dir || !listen) return fail("serve needs --dir DIR and --listen HOST:PORT", 2);
    ServeOptions options;
    options.dir = *dir;
    const auto colon = listen->rfind(':');
    if (colon == std::string::npos) return fail("--listen \"" + *listen + "\": expected HOST:PORT", 2);
    options.host = listen->substr(0, colon);
    if (options.host.size() > 2 && options.host.front() == '[') options.host = options.host.substr(1, options.host.size() - 2);
    try {
        options.port = std::stoi(listen->substr(colon + 1));
    } catch (const std::exception&) {
        return fail("--listen \"" + *listen + "\": the port is not a number", 2);
    }
    if (args.get("--tls-cert").has_value() != args.get("--tls-key").has_value()) {
        return fail("--tls-cert and --tls-key go together", 2);
    }
    if (auto cert = args.get("--tls-cert")) options.tls_cert = *cert;
    if (auto key = args.get("--tls-key")) options.tls_key = *key;
    options.web = [dir = *dir](httplib::Server& server, RegisterStore& store, std::mutex& mutex, bool tls) {
        return web::add_web_routes(server, store, mutex, {dir, tls});
    };
    if (const char* hook = std::getenv("FLYTTHIT_REGISTER_EXIT_AFTER_COMMITS")) options.exit_after_commits = std::atoi(hook);
    return serve(options);
}

// add-device, and rotate (rotate: a new token for a device that exists).
int add_device(const Arguments& args, bool rotate = false) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail(std::string(rotate ? "rotate" : "add-device") + " needs --dir DIR and a NAME", 2);
    if (rotate && !args.get("--pairing-file")) return fail("rotate needs --pairing-file FILE: the kiosk's new pairing", 2);
    // kioskctl pair refuses a file without the register's address, so none is written.
    if (args.get("--pairing-file") && !args.get("--url")) {
        return fail("--pairing-file needs --url https://HOST:PORT, the address the kiosk syncs to (kioskctl pair refuses a "
                    "pairing without it)",
                    2);
    }
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto keys = read_public_keys(*dir);
    if (!keys) return fail(keys.error().message);
    std::string ca_pem;
    if (auto ca_file = args.get("--ca-file")) {
        std::ifstream file(*ca_file);
        if (!file) return fail("cannot read --ca-file " + *ca_file);
        std::stringstream text;
        text << file.rdbuf();
        ca_pem = text.str();
    }
    const std::string token = new_device_token();
    if (rotate) {
        if (auto rotated = rotate_device(*store, args.words[0], token_hash(token)); !rotated) return fail(rotated.error().message);
        if (auto logged = audit(*store, operator_name(), "rotate device", 0, args.words[0]); !logged) return fail(logged.error().message);
    }
    auto device = rotate ? Result<Device>(Device{0, args.words[0]}) : store->add_device(args.words[0], token_hash(token));
    if (!device) return fail(device.error().message);
    if (auto pairing_file = args.get("--pairing-file")) {
        const Pairing pairing{args.get("--url").value_or(""), args.words[0], token, keys->sealing, keys->signing, ca_pem, {}};
        if (auto written = write_file_atomically(*pairing_file, pairing_to_json(pairing), 0600); !written) {
            return fail(written.error().message);
        }
        std::cout << "pairing file: " << *pairing_file << "\n";
    }
    std::cout << "device \"" << device->name << "\" " << (rotate ? "has a new token; the old one no longer works" : "added")
              << "; its token (shown once):\n" << token << std::endl;
    return 0;
}

int stats(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir) return fail("stats needs --dir DIR", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto stats = store->stats();
    if (!stats) return fail(stats.error().message);
    std::cout << "leads: " << stats->leads << "\nconflicts: " << stats->conflicts << "\ndevices: " << stats->devices
              << "\nbatches waiting to be read: " << stats->batches_waiting << "\nbatches refused: " << stats->batches_refused
              << "\n";
    for (const auto& [municipality, count] : stats->per_municipality) {
        std::cout << "municipality " << municipality << ": " << count << "\n";
    }
    return 0;
}

int export_csv(const Arguments& args) {
    const auto dir = args.get("--dir");
    const auto municipality = args.get("--municipality");
    if (!dir || !municipality) return fail("export needs --dir DIR and --municipality ID", 2);
    auto known = known_municipalities(*dir);
    if (!known) return fail(known.error().message);
    auto id = resolve_municipality(*municipality, *known);
    if (!id) return fail("--municipality: " + id.error().message, 2);
    std::string since;
    if (auto given = args.get("--since")) {
        auto parsed = protocol::parse_rfc3339_or_date(*given);
        if (!parsed) return fail("--since: " + parsed.error().message + "; give a date (2026-11-23) or a time (2026-11-23T10:00:00Z)", 2);
        since = protocol::utc_from_unix_ms(*parsed);
    }
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto pack = web::register_content(*dir);
    if (!pack) return fail(pack.error().message);
    // The host of that municipality sees these leads in the web app: the ones that name it and
    // the ones staff or the coordinator gave to it. --since counts from when the register
    // received a lead, so "what came in since my last export" is never missed.
    web::User host;
    host.name = operator_name();
    host.role = web::Role::host;
    host.municipalities = {*id};
    auto leads = web::WebStore(store->database()).leads_for(host, {});
    if (!leads) return fail("export of " + *id + ": " + leads.error().message);
    std::erase_if(*leads, [&since](const web::LeadView& lead) { return lead.received_at < since; });
    web::write_csv(std::cout, *leads, web::Names(std::move(*pack)), web::WebLanguage::nb);
    std::cout.flush();
    if (!std::cout) return fail("export of " + *id + ": writing to stdout failed");
    const auto rows = static_cast<std::int64_t>(leads->size());
    if (auto logged = audit(*store, operator_name(), "export", rows, "municipality " + *id + (since.empty() ? "" : ", since " + since));
        !logged) {
        return fail("the export is done but could not be logged: " + logged.error().message);
    }
    return 0;
}

int import_file(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail("import needs --dir DIR and a FILE", 2);
    const std::string& file = args.words[0];
    auto text = read_file_limited(file, 512 * 1024 * 1024);
    if (!text) return fail(text.error().message);
    auto keys = read_sealing_key_pair(*dir);
    if (!keys) return fail(keys.error().message);
    auto export_file = protocol::decode_export_file(*text, current_year(), &*keys);
    if (!export_file) return fail(file + ": " + export_file.error().message);
    auto known = known_municipalities(*dir);
    if (!known) return fail(known.error().message);
    reject_unknown_municipalities(export_file->items, *known);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    // Leads from a stick are filed under the kiosk they came from, as a device of its own
    // that no token can use.
    const std::string device_name = "usb:" + (export_file->device.empty() ? std::string("unknown") : export_file->device);
    auto device = store->device_by_name(device_name);
    if (!device) {
        auto added = store->add_device(device_name, token_hash(new_device_token()));
        if (!added) return fail(added.error().message);
        device = *added;
    }
    const auto& items = export_file->items;
    auto acks = store->store_batch(*device, items);
    if (!acks) return fail(acks.error().message);
    std::map<protocol::AckStatus, int> counts;
    for (const auto& ack : *acks) ++counts[ack.status];
    if (auto logged = audit(*store, operator_name(), "import", counts[protocol::AckStatus::stored],
                            std::filesystem::path(file).filename().string() + " from " + device_name);
        !logged) {
        return fail("the import is stored but could not be logged: " + logged.error().message);
    }
    std::cout << "leads in file: " << items.size() << "\nstored: " << counts[protocol::AckStatus::stored]
              << "\nalready there: " << counts[protocol::AckStatus::duplicate]
              << "\nrejected: " << counts[protocol::AckStatus::rejected]
              << "\nconflicts: " << counts[protocol::AckStatus::conflict] << "\n";
    for (const auto& ack : *acks) {
        if (!ack.reason.empty()) std::cerr << ack.id << ": " << ack.reason << "\n";
    }
    return 0;
}

int devices(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir) return fail("devices needs --dir DIR", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto rows = list_devices(*store);
    if (!rows) return fail(rows.error().message);
    for (const auto& row : *rows) {
        std::cout << row.name << "\tleads " << row.leads << "\tlast sync " << (row.last_seen_at.empty() ? "never" : row.last_seen_at)
                  << "\t" << (row.revoked_at.empty() ? "active" : "revoked " + row.revoked_at) << "\n";
    }
    return 0;
}

int revoke(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail("revoke needs --dir DIR and a DEVICE", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    if (auto revoked = revoke_device(*store, args.words[0]); !revoked) return fail(revoked.error().message);
    if (auto logged = audit(*store, operator_name(), "revoke device", 0, args.words[0]); !logged) return fail(logged.error().message);
    std::cout << "device \"" << args.words[0] << "\" revoked: its token no longer works\n";
    return 0;
}

int conflicts(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir) return fail("conflicts needs --dir DIR", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto rows = list_conflicts(*store);
    if (!rows) return fail(rows.error().message);
    const auto& words = args.words;
    if (words.empty()) {
        for (const auto& row : *rows) {
            std::cout << row.id << "\tlead " << row.lead_id << "\tsecond version from " << row.device << " at " << row.received_at << "\n";
        }
        return 0;
    }
    std::int64_t id = 0;
    if (words.size() < 2 || words[1].empty() || words[1].size() > 18 || words[1].find_first_not_of("0123456789") != std::string::npos) {
        return fail("conflicts: give show ID or resolve ID keep-first|keep-second", 2);
    }
    id = std::stoll(words[1]);
    if (words[0] == "show" && words.size() == 2) {
        for (const auto& row : *rows) {
            if (row.id != id) continue;
            std::cout << "first (stored):\n" << row.first << "\nsecond (kept aside, from " << row.device << "):\n" << row.second << "\n";
            return 0;
        }
        return fail("no conflict " + words[1] + " (flytthit-register conflicts lists them)");
    }
    if (words[0] == "resolve" && words.size() == 3 && (words[2] == "keep-first" || words[2] == "keep-second")) {
        if (auto resolved = resolve_conflict(*store, id, words[2] == "keep-second"); !resolved) return fail(resolved.error().message);
        if (auto logged = audit(*store, operator_name(), "resolve conflict", 1, words[1] + " " + words[2]); !logged) {
            return fail(logged.error().message);
        }
        std::cout << "conflict " << id << " resolved: " << words[2] << "\n";
        return 0;
    }
    return fail("conflicts: give show ID or resolve ID keep-first|keep-second", 2);
}

int backup(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail("backup needs --dir DIR and a FILE", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    if (auto copied = backup_database(*store, args.words[0]); !copied) return fail(copied.error().message);
    std::cout << "backed up to " << args.words[0] << " (integrity ok); restore: stop the register, copy it over "
              << (std::filesystem::path(*dir) / RegisterStore::database_file_name).string() << ", remove the -wal and -shm files, start\n";
    return 0;
}

// The register's counted results written into the staged pack's manifest (--results yes).
Status carry_results(const std::filesystem::path& dir, const std::filesystem::path& stage, const ContentPack& pack) {
    auto store = RegisterStore::open(dir);
    if (!store) return store.error();
    auto results = web::WebStore(store->database()).results();
    if (!results) return with_context("counting the results", results.error());
    const auto counted = web::counted_results(*results, pack, utc_timestamp_now());
    for (const auto& note : counted.left_out) std::cerr << "flytthit-register: not carried into the pack: " << note << "\n";
    const auto manifest_path = stage / "manifest.json";
    auto text = read_file_limited(manifest_path, 1024 * 1024);
    if (!text) return text.error();
    auto manifest = nlohmann::json::parse(*text, nullptr, false);
    if (manifest.is_discarded()) return make_error(manifest_path.string() + ": not JSON", ErrorKind::bad_input);
    if (auto replaced = replace_counted_results(manifest, register_results_source, counted.results); !replaced) {
        return with_context(manifest_path.string(), replaced.error());
    }
    if (auto written = write_file_atomically(manifest_path, manifest.dump(2) + "\n", 0644); !written) return written.error();
    std::cout << "results carried: " << counted.results.size() << " campaigns, counted "
              << web::oslo_date(utc_timestamp_now()) << "\n";
    return ok_status();
}

int publish_content(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail("publish-content needs --dir DIR and a PACKDIR", 2);
    const auto carry = args.get("--results").value_or("no");
    if (carry != "yes" && carry != "no") return fail("--results \"" + carry + "\": expected yes or no", 2);
    const std::filesystem::path source = args.words[0];
    const ContentLoad load = load_content_pack(source);
    if (load.has_errors()) {
        for (const auto& problem : load.problems) std::cerr << problem.to_string() << "\n";
        return fail(source.string() + ": not a valid content pack");
    }
    const auto keys_dir = std::filesystem::path(*dir) / "keys";
    auto secret = read_file_limited(keys_dir / "signing.secret", 1024);
    auto public_key = read_file_limited(keys_dir / "signing.public", 1024);
    if (!secret || !public_key) return fail("cannot read the register's signing key in " + keys_dir.string());
    auto trimmed = [](std::string text) { return text.substr(0, text.find('\n')); };
    // Staged beside the served pack and swapped in only once it is complete, checked and
    // signed: a failure leaves the pack the kiosks get as it was.
    const auto target = std::filesystem::path(*dir) / "content";
    const auto stage = std::filesystem::path(*dir) / "content.publishing";
    const auto old = std::filesystem::path(*dir) / "content.replaced";
    std::error_code error;
    std::filesystem::remove_all(stage, error);
    std::filesystem::copy(source, stage, std::filesystem::copy_options::recursive, error);
    if (error) return fail("copying " + source.string() + " to " + stage.string() + ": " + error.message());
    std::filesystem::remove(stage / signature_file_name, error);
    auto discard = [&stage](const std::string& message) {
        std::error_code ignored;
        std::filesystem::remove_all(stage, ignored);
        return fail(message);
    };
    if (carry == "yes") {
        if (auto carried = carry_results(*dir, stage, *load.pack); !carried) {
            return discard("--results yes: " + carried.error().message);
        }
        const ContentLoad with_results = load_content_pack(stage);
        if (with_results.has_errors()) {
            for (const auto& problem : with_results.problems) std::cerr << problem.to_string() << "\n";
            return discard(source.string() + " with the register's results: not a valid content pack (the labels "
                           "region.figure.interested, .contacted, .visited, .moved and .on-the-way-now are needed, see "
                           "content/README.md)");
        }
    }
    if (auto signed_pack = sign_pack(stage, trimmed(*secret), trimmed(*public_key)); !signed_pack) {
        return discard(signed_pack.error().message);
    }
    std::filesystem::remove_all(old, error);
    if (std::filesystem::exists(target)) std::filesystem::rename(target, old, error);
    if (!error) std::filesystem::rename(stage, target, error);
    if (error) return fail("putting the signed pack in place as " + target.string() + ": " + error.message());
    std::filesystem::remove_all(old, error);
    std::cout << "published and signed: " << target.string() << " (pack " << load.pack->pack_version << ")\n";
    return 0;
}

// The counts publish-content --results yes would carry, as the pack's region.results entries.
int results_command(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir) return fail("results needs --dir DIR", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto pack = web::register_content(*dir);
    if (!pack) return fail(pack.error().message);
    auto results = web::WebStore(store->database()).results();
    if (!results) return fail("counting the results: " + results.error().message);
    const auto counted = web::counted_results(*results, *pack, utc_timestamp_now());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& result : counted.results) out.push_back(campaign_result_to_json(result));
    std::cout << out.dump(2) << "\n";
    for (const auto& note : counted.left_out) std::cerr << "flytthit-register: not counted per campaign: " << note << "\n";
    return 0;
}

}  // namespace

// One line from stdin without its line ending: how add-user and set-password take a password,
// so it never shows in the process list or the shell's history.
std::string password_from_stdin() {
    std::string line;
    std::getline(std::cin, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    return line;
}

int add_user(const std::vector<std::string>& raw) {
    // --municipality may repeat, so these arguments are read here rather than by parse().
    std::optional<std::string> dir, role;
    std::vector<std::string> municipalities, words;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const bool has_value = i + 1 < raw.size();
        if (raw[i] == "--dir" && has_value) dir = raw[++i];
        else if (raw[i] == "--role" && has_value) role = raw[++i];
        else if (raw[i] == "--municipality" && has_value) municipalities.push_back(raw[++i]);
        else if (raw[i].rfind("--", 0) == 0) return fail(raw[i] + ": unknown option or missing value for add-user", 2);
        else words.push_back(raw[i]);
    }
    if (!dir || !role || words.size() != 1) {
        return fail("add-user needs --dir DIR, a NAME and --role coordinator|host|viewer", 2);
    }
    const auto parsed_role = web::role_from_name(*role);
    if (!parsed_role) return fail("--role \"" + *role + "\": expected coordinator, host or viewer", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    auto pack = web::register_content(*dir);
    if (!pack) return fail(pack.error().message);
    for (const auto& municipality : municipalities) {
        if (pack->find_municipality(municipality) == nullptr) {
            return fail("--municipality \"" + municipality + "\": not a municipality of the content pack", 2);
        }
    }
    const std::string password = password_from_stdin();
    web::WebStore users(store->database());
    auto added = users.add_user(words[0], *parsed_role, municipalities, password);
    if (!added) return fail(added.error().message, added.error().kind == ErrorKind::bad_input ? 2 : 1);
    (void)users.audit("flytthit-register", "add-user", "", words[0]);
    std::cout << "user \"" << added->name << "\" added as " << web::role_name(added->role) << "\n";
    return 0;
}

int set_password(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir || args.words.size() != 1) return fail("set-password needs --dir DIR and a NAME", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    web::WebStore users(store->database());
    if (auto set = users.set_password(args.words[0], password_from_stdin()); !set) return fail(set.error().message);
    (void)users.audit("flytthit-register", "reset-password", "", args.words[0]);
    std::cout << "password of \"" << args.words[0] << "\" changed\n";
    return 0;
}

int retention(const Arguments& args) {
    const auto dir = args.get("--dir");
    if (!dir) return fail("retention needs --dir DIR", 2);
    auto store = RegisterStore::open(*dir);
    if (!store) return fail(store.error().message);
    web::WebStore web_store(store->database());
    if (auto set = store->database().exec("PRAGMA secure_delete = ON"); !set) return fail(set.error().message);
    auto erased = web_store.apply_retention(utc_timestamp_now());
    if (!erased) return fail(erased.error().message);
    std::cout << "erased: " << *erased << "\n";
    return 0;
}

int main(int argc, char** argv) {
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        std::cerr << usage;
        return 2;
    }
    if (all[0] == "--help") {
        std::cout << usage;
        return 0;
    }
    if (all[0] == "--version") {
        std::cout << "flytthit-register " << flytthit::app_version << "\n";
        return 0;
    }
    if (sodium_init() < 0) return fail("libsodium failed to start");
    const auto args = parse(std::vector<std::string>(all.begin() + 1, all.end()));
    if (!args) return 2;
    const std::string& command = all[0];
    if (command == "add-user") return add_user(std::vector<std::string>(all.begin() + 1, all.end()));
    if (command == "init") return init(*args);
    if (command == "set-password") return set_password(*args);
    if (command == "retention") return retention(*args);
    if (command == "serve") return serve_command(*args);
    if (command == "add-device") return add_device(*args);
    if (command == "stats") return stats(*args);
    if (command == "export") return export_csv(*args);
    if (command == "import") return import_file(*args);
    if (command == "publish-content") return publish_content(*args);
    if (command == "results") return results_command(*args);
    if (command == "devices") return devices(*args);
    if (command == "revoke") return revoke(*args);
    if (command == "rotate") return add_device(*args, true);
    if (command == "conflicts") return conflicts(*args);
    if (command == "backup") return backup(*args);
    std::cerr << "flytthit-register: unknown command " << command << "\n" << usage;
    return 2;
}
