// flytthit-bench: measures what a Raspberry Pi kiosk lives by (start time, frame cost, idle
// CPU, commit latency, sync throughput, memory) and prints a table and writes results.json.
// Benchmarks are not tests: nothing here fails because a machine is slow.
#include "bench/bench_support.h"
#include "common/base/file_io.h"
#include "common/content/builtin_content.h"
#include "ui/headless_driver.h"
#include "firmware/sync/http_client.h"
#include "firmware/boot_content.h"
#include "firmware/kiosk.h"
#include "firmware/visitor_script.h"
#include "firmware/store/lead_store.h"
#include "firmware/store/wal_checkpoints.h"

#include <fcntl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>
#include <variant>

namespace {

using namespace flytthit;
using namespace flytthit::bench;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

const std::string kiosk_binary = FLYTTHIT_KIOSK_PATH;
const std::string kioskctl_binary = FLYTTHIT_KIOSKCTL_PATH;
const std::string register_binary = FLYTTHIT_REGISTER_PATH;
// This program again, for work in a process of its own; with the run prefix (qemu in the
// arm64 tier), which /proc/self/exe would leave out.
const std::string bench_binary = FLYTTHIT_BENCH_PATH;

struct Sizes {
    int start_leads = 100'000;
    int frames = 300;
    int idle_seconds = 30;
    int commits = 500;
    int sync_leads = 10'000;
};

struct Row {
    std::string name;
    double value;
    std::string unit;
    std::string target;
};

class Report {
public:
    void add(std::string name, double value, std::string unit, std::string target = "") {
        rows_.push_back({std::move(name), value, std::move(unit), std::move(target)});
        const Row& row = rows_.back();
        std::printf("%-52s %12.2f %-8s %s\n", row.name.c_str(), row.value, row.unit.c_str(), row.target.c_str());
        std::fflush(stdout);
    }
    void write_json(const fs::path& path, const std::string& machine, bool smoke) const {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : rows_) {
            rows.push_back({{"name", row.name}, {"value", row.value}, {"unit", row.unit}, {"target", row.target}});
        }
        std::ofstream(path) << nlohmann::json{{"machine", machine}, {"smoke", smoke}, {"results", rows}}.dump(2) << "\n";
    }

private:
    std::vector<Row> rows_;
};

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "flytthit-bench-XXXXXX").string();
        path = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

std::string machine_description() {
    utsname name{};
    uname(&name);
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line, model = "unknown cpu";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores, " + name.machine + ", Linux " +
           name.release;
}

double start_to_first_frame_ms(const fs::path& data_dir) {
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        const auto started = Clock::now();
        Child kiosk({kiosk_binary, "--windowed", "--size", "1280x800", "--data-dir", data_dir.string(), "--report-first-frame"});
        const std::string line = kiosk.read_line(std::chrono::seconds(30));
        if (line == "first-frame") runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    return percentile(runs, 0.5);
}

void bench_start(Report& report, const Sizes& sizes) {
    TempDir empty, full;
    fill_leads(full.path, sizes.start_leads);
    report.add("start to first frame, default content", start_to_first_frame_ms(empty.path), "ms", "flat in stored leads");
    report.add("start to first frame, " + std::to_string(sizes.start_leads) + " leads stored",
               start_to_first_frame_ms(full.path), "ms", "same as above");
}

void bench_frames(Report& report, const Sizes& sizes) {
    TempDir dir;
    auto store = LeadStore::open(dir.path);
    auto boot = boot_content(std::nullopt, dir.path);  // the kiosk's own boot path
    if (!boot) std::abort();
    const ContentPack& content = boot->choice.pack;
    const std::vector<std::pair<const char*, std::vector<Intent>>> screens{
        {"attract", {}},
        {"jewel_box", {intent::Start{}}},
        {"sign_up_household", {intent::Start{}, intent::OpenSignUp{}, intent::Next{}}},
        {"sign_up_contact", intents_to_contact_step()},
        {"thank_you", default_sign_up_intents("Kari", VisitorField::phone, "91234567")},
        {"pin_entry", {intent::OpenStaffEntry{}}},
    };
    for (const auto& [name, path] : screens) {
        KioskSettings settings;
        settings.data_dir = dir.path;
        Kiosk kiosk(*store, content, settings, MonotonicClock::now());
        ui::HeadlessDriver driver(kiosk, {1920, 1080}, MonotonicClock::now());
        for (const auto& step : path) kiosk.apply(step, driver.now());
        std::vector<double> times;
        for (int i = 0; i < sizes.frames; ++i) {
            const auto started = Clock::now();
            driver.frame();
            times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
        }
        report.add(std::string("UI frame CPU (NewFrame..Render) ") + name + " p50", percentile(times, 0.5), "us", "1920x1080");
        report.add(std::string("UI frame CPU (NewFrame..Render) ") + name + " p99", percentile(times, 0.99), "us", "");
    }
    for (const char* screen : {"attract", "jewel_box", "contact"}) {
        Child kiosk({kiosk_binary, "--windowed", "--size", "1920x1080", "--data-dir", dir.path.string(), "--screen", screen,
                     "--bench-frames", std::to_string(sizes.frames)});
        for (std::string line; !(line = kiosk.read_line(std::chrono::seconds(120))).empty();) {
            double p50 = 0, p99 = 0;
            if (std::sscanf(line.c_str(), "frame-draw-us p50 %lf p99 %lf", &p50, &p99) == 2) {
                report.add(std::string("GL draw + swap (Mesa llvmpipe) ") + screen + " p50", p50, "us", "1920x1080, software GL");
                report.add(std::string("GL draw + swap (Mesa llvmpipe) ") + screen + " p99", p99, "us", "");
            }
        }
    }
}

void bench_idle(Report& report, const Sizes& sizes) {
    TempDir dir;
    struct Case {
        const char* screen;
        const char* name;
        std::vector<std::string> environment;
        const char* target;
    };
    // offscreen: SDL's driver with no descriptor to block on, as KMSDRM on the board; the
    // loop pumps it in bounded steps (ui/platform/sdl_handles.h).
    for (const Case& run : {Case{"attract", "attract (animated, 12 fps)", {}, "software GL here"},
                            Case{"jewel_box", "jewel box (static), X11", {}, "<= 0.2%"},
                            Case{"jewel_box", "jewel box (static), SDL_VIDEODRIVER=offscreen", {"SDL_VIDEODRIVER=offscreen"}, "<= 0.2%"}}) {
        Child kiosk({kiosk_binary, "--windowed", "--size", "1280x800", "--data-dir", dir.path.string(), "--screen", run.screen,
                     "--report-first-frame"},
                    run.environment);
        kiosk.read_line(std::chrono::seconds(30));
        std::this_thread::sleep_for(std::chrono::seconds(2));  // settle: the first frames after start
        const double before = kiosk.cpu_seconds();
        std::this_thread::sleep_for(std::chrono::seconds(sizes.idle_seconds));
        const double used = kiosk.cpu_seconds() - before;
        report.add(std::string("idle CPU, ") + run.name, 100.0 * used / sizes.idle_seconds, "% core", run.target);
    }
}

// Bytes this process has handed to write calls so far (/proc/self/io's wchar): what a commit
// wrote is the difference across it.
std::uint64_t bytes_written_so_far() {
    std::ifstream io("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (io >> key >> value) {
        if (key == "wchar:") return value;
    }
    throw std::runtime_error("/proc/self/io has no wchar line");
}

// Sign-ups at a fair come seconds apart, never back to back, and so does each write the floor
// stands for. The pause changes what both cost: a write changes the file's modification time
// only once the kernel's timestamp clock has moved on (a tick, 1-10 ms), and on ext4 without a
// journal (this machine's) fdatasync then writes the inode too, a second I/O that waits. Back
// to back, a 110 us write+fdatasync shares a tick with the next ones and skips that most times;
// after a pause it never does (floor p50 107-166 us without pauses, 190 us with 2 ms pauses,
// measured 2026-12-07). Both loops pause alike, so commit and floor are measured as a kiosk
// meets them: after a pause, caches and CPU gone cold as well.
constexpr std::chrono::milliseconds pause_before_each_sign_up{10};
void pause_between_sign_ups() { std::this_thread::sleep_for(pause_before_each_sign_up); }

void bench_commit(Report& report, const Sizes& sizes) {
    TempDir dir;
    auto store = LeadStore::open(dir.path);
    if (!store) throw std::runtime_error("opening the store failed: " + store.error().message);
    // As the kiosk's store: checkpoints between sign-ups, and the WAL preallocated to their
    // threshold (its first tick does that, on a worker).
    store->defer_checkpoints();
    if (auto preallocated = preallocate_wal(dir.path, store->checkpoint_pages()); !preallocated) {
        throw std::runtime_error(preallocated.error().message);
    }
    ValidationRules rules;
    rules.current_year = current_year();
    LeadDraft draft;
    draft.consent = {true, "contact-v1"};
    draft.contact = {"Bench Person", "91234567", ""};
    std::vector<double> commit_us;
    std::vector<std::uint64_t> commit_bytes;
    int checkpoints = 0;
    for (int i = 0; i < sizes.commits; ++i) {
        pause_between_sign_ups();
        // As the kiosk does between sign-ups (its tick): the sealing key pair is made ahead,
        // and a checkpoint that is due is taken (the kiosk takes it on a worker).
        if (!store->prepare_next_seal()) throw std::runtime_error("preparing the seal failed");
        if (store->checkpoint_due()) {
            if (auto taken = checkpoint_wal(dir.path); !taken) throw std::runtime_error(taken.error().message);
            store->checkpoint_taken();
            ++checkpoints;
        }
        const auto bytes_before = bytes_written_so_far();
        const auto started = Clock::now();
        if (auto added = store->add(draft, rules); !added) throw std::runtime_error("commit failed: " + added.error().message);
        commit_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
        commit_bytes.push_back(bytes_written_so_far() - bytes_before);
    }
    // The floor: what a commit writes (the median commit's bytes: its WAL frames), written and
    // fdatasync'ed on the same file system. The file is written and synced in full first and
    // then overwritten in place, as a steady WAL is (SQLite reuses the WAL from its start after
    // a checkpoint): extending a file costs a metadata update per sync.
    std::sort(commit_bytes.begin(), commit_bytes.end());
    const std::string block(std::max<std::uint64_t>(commit_bytes[commit_bytes.size() / 2], 4096), 'x');
    const int fd = open((dir.path / "bare").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const auto offset_of = [&](int i) { return static_cast<off_t>(i) * static_cast<off_t>(block.size()); };
    for (int i = 0; i < sizes.commits; ++i) {
        if (pwrite(fd, block.data(), block.size(), offset_of(i)) < 0) throw std::runtime_error("preallocating the bare file failed");
    }
    if (fsync(fd) != 0) throw std::runtime_error("syncing the bare file failed");
    std::vector<double> bare_us;
    for (int i = 0; i < sizes.commits; ++i) {
        pause_between_sign_ups();
        const auto started = Clock::now();
        if (pwrite(fd, block.data(), block.size(), offset_of(i)) < 0 || fdatasync(fd) != 0) {
            throw std::runtime_error("bare write failed");
        }
        bare_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - started).count());
    }
    close(fd);
    report.add("sign-up commit p50", percentile(commit_us, 0.5), "us", "");
    report.add("sign-up commit p99", percentile(commit_us, 0.99), "us", "");
    report.add("bytes a sign-up commit writes, median", static_cast<double>(block.size()), "bytes", "");
    report.add("checkpoints taken between the sign-ups", checkpoints, "", "none in a commit");
    report.add("pause before each sign-up and each floor write", static_cast<double>(pause_before_each_sign_up.count()), "ms", "as at a fair");
    const std::string bare = "bare overwrite+fdatasync of " + std::to_string(block.size()) + " bytes";
    report.add(bare + " p50", percentile(bare_us, 0.5), "us", "");
    report.add(bare + " p99", percentile(bare_us, 0.99), "us", "");
    report.add("commit / bare ratio p50", percentile(commit_us, 0.5) / percentile(bare_us, 0.5), "x", "");
    report.add("commit / bare ratio p99", percentile(commit_us, 0.99) / percentile(bare_us, 0.99), "x", "<= 1.2");
}

// A self-signed certificate for localhost in dir, made by the openssl tool (board/setup-debian
// installs it): the sync and the upload it is measured against both go over TLS, as a
// kiosk's sync to its register does.
struct LoopbackCertificate {
    fs::path certificate;
    fs::path key;
};

LoopbackCertificate make_loopback_certificate(const fs::path& dir) {
    const LoopbackCertificate made{dir / "localhost.crt", dir / "localhost.key"};
    const auto [status, peak] = Child(std::vector<std::string>{
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", made.key.string(), "-out",
        made.certificate.string()}).wait();
    (void)peak;
    if (status != 0 || !fs::exists(made.certificate)) {
        throw std::runtime_error("openssl req could not make a certificate for localhost (apt-get install openssl)");
    }
    return made;
}

// How long a sync took: until the register held every lead (its signed word of delivery for
// the last batch), until every lead's result was in, and the sync's peak RSS in KiB.
struct SyncTimes {
    double delivered = 0;
    double total = 0;
    long peak_kib = 0;
};

// A register on loopback behind TLS, paired with a kiosk holding `leads` pending leads; syncs
// them with kioskctl in a child, reading its progress lines as they come.
SyncTimes sync_once(int leads, const LoopbackCertificate& tls, std::uintmax_t* export_bytes) {
    TempDir dir;
    const auto reg = dir.path / "register";
    Child(std::vector<std::string>{register_binary, "init", reg.string()}).wait();
    Child server({register_binary, "serve", "--dir", reg.string(), "--listen", "127.0.0.1:0", "--tls-cert",
                  tls.certificate.string(), "--tls-key", tls.key.string()});
    // "listening on 127.0.0.1:PORT"; nothing, or anything else, is a register that did not
    // start, and a URL cut from it would only fail later and more obscurely.
    const std::string listening = server.read_line(std::chrono::seconds(30));
    const auto colon = listening.rfind(':');
    if (listening.find("listening on") == std::string::npos || colon == std::string::npos) {
        throw std::runtime_error("flytthit-register serve did not say where it listens within 30 s (printed \"" +
                                 listening + "\")");
    }
    const std::string url = "https://127.0.0.1:" + listening.substr(colon + 1);
    const auto pairing = dir.path / "pairing.json";
    Child(std::vector<std::string>{register_binary, "add-device", "--dir", reg.string(), "stand", "--url", url,
                                   "--pairing-file", pairing.string(), "--ca-file", tls.certificate.string()}).wait();
    const auto kiosk_dir = dir.path / "kiosk";
    Child(std::vector<std::string>{kioskctl_binary, "--data-dir", kiosk_dir.string(), "pair", pairing.string()}).wait();
    fill_leads(kiosk_dir, leads);
    if (export_bytes != nullptr) {
        const auto usb = dir.path / "usb";
        fs::create_directories(usb);
        Child(std::vector<std::string>{kioskctl_binary, "--data-dir", kiosk_dir.string(), "export", usb.string()}).wait();
        for (const auto& entry : fs::directory_iterator(usb)) *export_bytes = entry.file_size();
    }
    // Timed from kioskctl's "pending N", said once its store is open and before anything is
    // sent: a kiosk syncs from its running core, with no program to start and no store to
    // open (kioskctl's start alone is about 20 ms here, a twentieth of the figure).
    Child sync({kioskctl_binary, "--data-dir", kiosk_dir.string(), "sync"}, {}, true);
    std::optional<Clock::time_point> started;
    SyncTimes times;
    const std::string begun = "pending " + std::to_string(leads);
    const std::string all_delivered = "delivered " + std::to_string(leads) + " / " + std::to_string(leads);
    std::string said;
    for (std::string line = sync.read_line(std::chrono::minutes(10)); !line.empty(); line = sync.read_line(std::chrono::minutes(10))) {
        if (line == begun) started = Clock::now();
        if (line == all_delivered && started) times.delivered = std::chrono::duration<double>(Clock::now() - *started).count();
        said += line + "\n";
    }
    const auto [status, peak_kib] = sync.wait();
    if (status != 0) throw std::runtime_error("kioskctl sync failed: " + said.substr(0, 500));
    if (!started) throw std::runtime_error("kioskctl sync never said \"" + begun + "\": " + said.substr(0, 500));
    if (times.delivered == 0) throw std::runtime_error("kioskctl sync never said \"" + all_delivered + "\": " + said.substr(0, 500));
    times.total = std::chrono::duration<double>(Clock::now() - *started).count();
    times.peak_kib = peak_kib;
    return times;
}

// One POST of bytes over TLS to a server that only answers, on a new connection: the
// handshake and the bytes, what no sync can do with less.
double upload_seconds(std::uintmax_t bytes, const LoopbackCertificate& tls) {
    httplib::SSLServer sink(tls.certificate.c_str(), tls.key.c_str());
    if (!sink.is_valid()) throw std::runtime_error("the upload's TLS server did not take " + tls.certificate.string());
    sink.set_payload_max_length(bytes + 1024);
    sink.Post("/sink", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
    const int port = sink.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { sink.listen_after_bind(); });
    const std::string body(bytes, 'x');
    HttpSettings settings;
    auto certificate = flytthit::read_file_limited(tls.certificate, 1 << 20);
    if (!certificate) throw std::runtime_error("the upload's certificate: " + certificate.error().message);
    settings.ca_certificate_pem = *certificate;
    HttpClient client(settings);
    const auto started = Clock::now();
    const auto outcome = client.request("https://127.0.0.1:" + std::to_string(port) + "/sink", {"Content-Type: application/json"}, &body, {});
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    sink.stop();
    serving.join();
    const auto* response = std::get_if<HttpResponse>(&outcome);
    if (response == nullptr || response->status != 200) {
        throw std::runtime_error("the upload over TLS failed: " +
                                 (response == nullptr ? std::get<HttpFailure>(outcome).message : "HTTP " + std::to_string(response->status)));
    }
    return seconds;
}

void bench_sync(Report& report, const Sizes& sizes) {
    std::uintmax_t bytes = 0;
    TempDir certificates;
    const LoopbackCertificate tls = make_loopback_certificate(certificates.path);
    // One sync against one upload moves by a fifth from run to run (the upload is one 0.2 s
    // transfer): three of each, the medians' ratio reported, and the fastest and slowest sync
    // against the median upload beside it.
    constexpr int runs = 3;
    std::vector<double> held, results, uploads;
    long peak_kib = 0;
    for (int run = 0; run < runs; ++run) {
        const SyncTimes large = sync_once(sizes.sync_leads, tls, run == 0 ? &bytes : nullptr);
        held.push_back(large.delivered);
        results.push_back(large.total);
        peak_kib = std::max(peak_kib, large.peak_kib);
    }
    const SyncTimes small = sync_once(sizes.sync_leads / 10, tls, nullptr);
    for (int run = 0; run < runs; ++run) uploads.push_back(upload_seconds(bytes, tls));
    const double upload = percentile(uploads, 0.5);
    const std::string of_bytes = " / one upload of the same " + std::to_string(bytes / 1024) + " KiB (TLS)";
    report.add("sync " + std::to_string(sizes.sync_leads) + " leads to a local register (TLS), until all held, median of 3",
               sizes.sync_leads / percentile(held, 0.5), "leads/s", "");
    report.add("one upload of the same bytes (TLS), median of 3", upload * 1000, "ms", "");
    // Issue 18's figure: the register holds every lead (its signed word), as an upload does.
    report.add("sync until the register holds every lead" + of_bytes + ", medians", percentile(held, 0.5) / upload, "x", "<= 2");
    report.add("  the same, the fastest of the 3 syncs", percentile(held, 0.0) / upload, "x", "");
    report.add("  the same, the slowest of the 3 syncs", percentile(held, 1.0) / upload, "x", "");
    report.add("sync until every lead's result is in" + of_bytes + ", medians", percentile(results, 0.5) / upload, "x", "");
    report.add("kioskctl sync peak RSS, " + std::to_string(sizes.sync_leads) + " leads, highest of 3", peak_kib / 1024.0, "MiB", "flat in leads");
    report.add("kioskctl sync peak RSS, " + std::to_string(sizes.sync_leads / 10) + " leads", small.peak_kib / 1024.0, "MiB", "same as above");
}

// 20 scripted visitors through the real UI, headless: run in a process of its own (this
// program again, with --scripted-visitors), which says its own peak resident size as it ends.
int scripted_visitors() {
    TempDir dir;
    auto store = LeadStore::open(dir.path);
    if (!store) {
        std::fprintf(stderr, "flytthit-bench: scripted visitors: %s\n", store.error().message.c_str());
        return 1;
    }
    auto boot = boot_content(std::nullopt, dir.path);  // the kiosk's own boot path
    if (!boot) {
        std::fprintf(stderr, "flytthit-bench: scripted visitors: %s\n", boot.error().message.c_str());
        return 1;
    }
    const ContentPack& content = boot->choice.pack;
    KioskSettings settings;
    settings.data_dir = dir.path;
    Kiosk kiosk(*store, content, settings, MonotonicClock::now());
    ui::HeadlessDriver driver(kiosk, {1920, 1080}, MonotonicClock::now());
    // The project's one script of a sign-up (firmware/visitor_script.h), a UI frame drawn
    // after each step as a visitor would see it; every visitor must end stored.
    for (int visitor = 0; visitor < 20; ++visitor) {
        for (const Intent& intent : default_sign_up_intents("Kari Nordmann", VisitorField::phone, "91234567", "os")) {
            kiosk.apply(intent, driver.now());
            driver.frame();
        }
        const auto stored = store->count();
        if (kiosk.screen() != ScreenId::thank_you || !stored || *stored != visitor + 1) {
            std::fprintf(stderr, "flytthit-bench: scripted visitors: visitor %d was not stored (on screen %d)\n", visitor + 1,
                         static_cast<int>(kiosk.screen()));
            return 1;
        }
        kiosk.apply(intent::Finish{}, driver.now());
        driver.frame();
    }
    std::printf("peak-kib %ld\n", peak_resident_kib("/proc/self/status"));
    return 0;
}

void bench_memory(Report& report) {
    // A process of its own, started afresh: a fork of this one would count the bench's pages.
    Child visitors({bench_binary, "--scripted-visitors"});
    const std::string said = visitors.read_line(std::chrono::minutes(5));
    long peak_kib = 0;
    if (visitors.wait().first != 0 || std::sscanf(said.c_str(), "peak-kib %ld", &peak_kib) != 1) {
        throw std::runtime_error("the scripted visitors failed (said \"" + said + "\")");
    }
    report.add("peak RSS, 20 scripted visitors through the UI (headless)", peak_kib / 1024.0, "MiB", "");
    TempDir dir;
    Child kiosk({kiosk_binary, "--windowed", "--size", "1280x800", "--data-dir", dir.path.string(), "--bench-frames", "200"});
    kiosk.read_all();
    report.add("peak RSS, flytthit-kiosk with SDL + GL, 200 frames", kiosk.wait().second / 1024.0, "MiB", "");
    for (const auto& [name, path] : {std::pair{"flytthit-kiosk", kiosk_binary}, std::pair{"flytthit-kioskctl", kioskctl_binary},
                                     std::pair{"flytthit-register", register_binary}}) {
        report.add(std::string("binary size ") + name, file_size_or_zero(path) / 1024.0 / 1024.0, "MiB", "");
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "--scripted-visitors") return scripted_visitors();
    const bool smoke = std::find(args.begin(), args.end(), "--smoke") != args.end();
    fs::path out = "results.json";
    // --only NAME runs one group (start, frames, idle, commit, sync, memory): to look at one
    // figure while working on it. bench/run always runs them all.
    std::string only;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--out") out = args[i + 1];
        if (args[i] == "--only") only = args[i + 1];
    }
    const std::vector<std::string> groups{"start", "frames", "idle", "commit", "sync", "memory"};
    if (!only.empty() && std::find(groups.begin(), groups.end(), only) == groups.end()) {
        std::string names;
        for (const auto& group : groups) names += (names.empty() ? "" : ", ") + group;
        std::fprintf(stderr, "flytthit-bench: --only \"%s\": not a group (%s)\n", only.c_str(), names.c_str());
        return 2;
    }
    const auto wanted = [&](const char* group) { return only.empty() || only == group; };
    Sizes sizes;
    if (smoke) sizes = Sizes{2'000, 20, 2, 30, 500};
    const CurlGlobal curl;
    const std::string machine = machine_description();
    std::printf("flytthit-bench%s on %s\n\n%-52s %12s %-8s %s\n", smoke ? " (smoke sizes)" : "", machine.c_str(), "what",
                "value", "unit", "target");
    Report report;
    try {
        const VirtualDisplay display;
        if (wanted("start")) bench_start(report, sizes);
        if (wanted("frames")) bench_frames(report, sizes);
        if (wanted("idle")) bench_idle(report, sizes);
        if (wanted("commit")) bench_commit(report, sizes);
        if (wanted("sync")) bench_sync(report, sizes);
        if (wanted("memory")) bench_memory(report);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "flytthit-bench: %s\n", error.what());
        report.write_json(out, machine, smoke);
        return 1;
    }
    report.write_json(out, machine, smoke);
    std::printf("\nwritten: %s\n", out.c_str());
    return 0;
}
