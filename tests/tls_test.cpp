// The sync over real TLS to a real register: a test CA made here with the openssl CLI, and
// certificates that must be refused: another CA's, an expired one, one for another host.
#include "common/base/device_clock.h"
#include "common/base/file_io.h"
#include "firmware/store/lead_store.h"
#include "common/protocol/pairing.h"
#include "tests/register_process.h"
#include "firmware/sync/sync_client.h"

#include <doctest/doctest.h>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::RegisterProcess;
using flytthit::test::TempDir;
using flytthit::test::run_command;
using flytthit::test::valid_draft;

namespace {

// Makes ca.crt and, signed by it: server.crt (localhost, valid), expired.crt (localhost,
// expired in 2020), otherhost.crt (valid, but for other.example); and a second CA's
// stranger.crt for localhost.
void make_certificates(const std::filesystem::path& dir) {
    const std::string script = R"sh(
set -e
cd ')sh" + dir.string() + R"sh('
key() { openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.crt -days 3 -subj "/CN=Flytthit Test CA" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout stranger-ca.key -out stranger-ca.crt -days 3 -subj "/CN=Stranger CA" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > localhost.ext
printf 'subjectAltName=DNS:other.example\n' > other.ext
key server localhost
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 3 -extfile localhost.ext 2>/dev/null
key otherhost other.example
openssl x509 -req -in otherhost.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out otherhost.crt -days 3 -extfile other.ext 2>/dev/null
key stranger localhost
openssl x509 -req -in stranger.csr -CA stranger-ca.crt -CAkey stranger-ca.key -CAcreateserial -out stranger.crt -days 3 -extfile localhost.ext 2>/dev/null
key expired localhost
touch index.txt; echo 01 > serial
printf '[ca]\ndefault_ca=t\n[t]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n' > ca.cnf
openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in expired.csr -out expired.crt -startdate 20200101000000Z -enddate 20200102000000Z -extfile localhost.ext -notext 2>/dev/null
)sh";
    const auto made = run_command("bash -c \"$(cat <<'SCRIPT'\n" + script + "\nSCRIPT\n)\"", dir);
    REQUIRE(made.exit_code == 0);
}

struct TlsSetup {
    TempDir dir;
    TempDir kiosk_dir;
    LeadStore store = std::move(*LeadStore::open(kiosk_dir.path()));
    TlsSetup() { make_certificates(dir.path()); }

    RegisterProcess start(const std::string& cert) {
        return RegisterProcess(dir / ("register-" + cert), RegisterProcess::Tls{dir / (cert + ".crt"), dir / (cert + ".key")});
    }
    // Pairs the kiosk with reg (so leads are sealed to its key), then adds leads.
    Pairing pair_and_add(RegisterProcess& reg, int leads) {
        auto text = read_file_limited(reg.add_device("stand", (dir / "ca.crt").string()), 1 << 20);
        REQUIRE(text.ok());
        auto pairing = pairing_from_json(*text);
        REQUIRE(pairing.ok());
        CHECK(pairing->ca_certificate_pem.find("BEGIN CERTIFICATE") != std::string::npos);
        REQUIRE(save_pairing(kiosk_dir.path(), *pairing).ok());
        add_leads(leads);
        return *pairing;
    }
    SyncProgress sync_with(const Pairing& pairing) {
        SyncSettings settings;
        settings.max_attempts = 2;
        settings.backoff_base = 10ms;
        SyncClient client(store, pairing, settings);
        return client.run([](const SyncProgress&) {}, {});
    }
    void add_leads(int count) {
        for (int i = 0; i < count; ++i) REQUIRE(store.add(valid_draft(), test::current_rules()).ok());
    }
};

}  // namespace

TEST_CASE("sync over TLS with the register's CA from the pairing file") {
    TlsSetup setup;
    RegisterProcess reg = setup.start("server");
    CHECK(reg.url().rfind("https://localhost:", 0) == 0);
    const SyncProgress done = setup.sync_with(setup.pair_and_add(reg, 25));
    CAPTURE(done.last_error);
    CHECK(done.succeeded);
    CHECK(reg.lead_count() == 25);
    CHECK(*setup.store.count_pending() == 0);
}

TEST_CASE("certificates that must not be trusted are refused, and nothing is sent or lost") {
    for (const auto& [cert, expected] : {std::pair{"stranger", "certificate"}, std::pair{"expired", "expired"},
                                         std::pair{"otherhost", "localhost"}}) {
        CAPTURE(cert);
        TlsSetup setup;
        RegisterProcess reg = setup.start(cert);
        const SyncProgress done = setup.sync_with(setup.pair_and_add(reg, 3));
        CAPTURE(done.last_error);
        CHECK_FALSE(done.succeeded);
        CHECK(done.last_error.find(expected) != std::string::npos);
        CHECK(done.attempt == 1);  // a certificate problem is not retried
        CHECK(reg.lead_count() == 0);
        CHECK(*setup.store.count_pending() == 3);
    }
}

TEST_CASE("the register refuses plain HTTP on a non-loopback address") {
    TempDir dir;
    const auto init = run_command(flytthit::test::register_binary + " init '" + (dir / "r").string() + "'", dir.path());
    REQUIRE(init.exit_code == 0);
    const auto served =
        run_command(flytthit::test::register_binary + " serve --dir '" + (dir / "r").string() + "' --listen 0.0.0.0:0",
                    dir.path());
    CHECK(served.exit_code == 2);
    CHECK(served.err.find("refusing plain HTTP") != std::string::npos);
}

TEST_CASE("an HTTPS client that trusts the register's CA is answered, and one that trusts another CA is refused") {
    TlsSetup setup;
    RegisterProcess reg = setup.start("server");
    auto trusting = test::http_client(reg, setup.dir / "ca.crt");
    auto time = trusting.Get("/v1/time");
    REQUIRE(time);
    CHECK(time->status == 200);
    auto stranger = test::http_client(reg, setup.dir / "stranger-ca.crt");
    CHECK_FALSE(stranger.Get("/v1/time"));
}
