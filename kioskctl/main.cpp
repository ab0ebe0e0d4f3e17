// flytthit-kioskctl: the kiosk's core from a shell, for admins, scripts and tests.
#include "kioskctl/commands.h"
#include "firmware/data_dir.h"
#include "firmware/sync/http_client.h"
#include "common/base/version.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* usage = R"(usage: flytthit-kioskctl [--data-dir DIR] COMMAND [ARGS]

Commands:
  status               leads stored, pending sync, durability settings
  check-content DIR    check a content pack; exit 0 only when it is valid
  add-lead FILE|-      store leads from JSON Lines (one lead a line, the shape of
                       register/examples/lead.json); prints each id after its commit
  list                 one line a lead, starting with its id
  pair FILE            pair with a register from its pairing file (USB stick)
  pair URL TOKEN [CA-FILE]
                       pair online: fetch the register's keys over verified TLS
  sync                 send every pending lead to the register; exit 0 only when
                       nothing is left pending
  export DIR           write every lead to one file in DIR (a USB stick) for
                       flytthit-register import; written atomically, read back
  set-pin              set the staff PIN (4 to 8 digits) from a line on stdin
  install-content DIR  install a signed content pack (from a USB stick); refused
                       unless signed by the paired register
  update-content       fetch the register's signed content pack and install it
  salvage FILE DIR     read what is readable from a damaged database that was moved
                       aside, into an export file in DIR for flytthit-register import
  set-retention DAYS   keep sealed personal data DAYS days after the register has
                       acknowledged it (default 7), then delete it

Options:
  --data-dir DIR       the kiosk's data directory (default: $FLYTTHIT_DATA_DIR,
                       else ~/.local/share/flytthit-kiosk)
  --help, --version
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace flytthit;
    const CurlGlobal curl;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::filesystem::path data_dir = default_data_dir();
    std::size_t next = 0;
    while (next < args.size() && args[next].rfind("--", 0) == 0) {
        const std::string& option = args[next];
        if (option == "--help") {
            std::cout << usage;
            return 0;
        }
        if (option == "--version") {
            std::cout << "flytthit-kioskctl " << app_version << "\n";
            return 0;
        }
        if (option == "--data-dir" && next + 1 < args.size()) {
            data_dir = args[next + 1];
            next += 2;
            continue;
        }
        std::cerr << "flytthit-kioskctl: unknown option or missing value: " << option << "\n" << usage;
        return 2;
    }
    if (next >= args.size()) {
        std::cerr << usage;
        return 2;
    }
    const std::string command = args[next];
    const std::vector<std::string> rest(args.begin() + static_cast<long>(next) + 1, args.end());
    const kioskctl::Context context{data_dir, std::cout, std::cerr};

    if (command == "status" && rest.empty()) return kioskctl::status(context);
    if (command == "list" && rest.empty()) return kioskctl::list(context);
    if (command == "check-content" && rest.size() == 1) return kioskctl::check_content(context, rest[0]);
    if (command == "add-lead" && rest.size() == 1) return kioskctl::add_lead(context, rest[0]);
    if (command == "pair" && rest.size() == 1) return kioskctl::pair_from_file(context, rest[0]);
    if (command == "pair" && (rest.size() == 2 || rest.size() == 3)) {
        return kioskctl::pair_online(context, rest[0], rest[1], rest.size() == 3 ? rest[2] : "");
    }
    if (command == "sync" && rest.empty()) return kioskctl::sync(context);
    if (command == "export" && rest.size() == 1) return kioskctl::export_to(context, rest[0]);
    if (command == "set-pin" && rest.empty()) return kioskctl::set_pin(context, std::cin);
    if (command == "salvage" && rest.size() == 2) return kioskctl::salvage(context, rest[0], rest[1]);
    if (command == "install-content" && rest.size() == 1) return kioskctl::install_content(context, rest[0]);
    if (command == "update-content" && rest.empty()) return kioskctl::update_content(context);
    if (command == "set-retention" && rest.size() == 1) return kioskctl::set_retention(context, rest[0]);
    std::cerr << "flytthit-kioskctl: unknown command or wrong arguments: " << command << "\n" << usage;
    return 2;
}
