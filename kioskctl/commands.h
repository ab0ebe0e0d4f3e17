// The commands of flytthit-kioskctl, each a function of its arguments and streams so that
// main() stays a dispatcher and tests can see exactly what a command prints.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace flytthit::kioskctl {

struct Context {
    std::filesystem::path data_dir;
    std::ostream& out;
    std::ostream& err;
};

// Each returns the process exit code: 0 success, 1 the command ran but found problems
// (invalid pack, rejected lines), 2 it could not run (bad arguments, unreadable store).
int status(const Context& context);
int check_content(const Context& context, const std::filesystem::path& pack_dir);
int add_lead(const Context& context, const std::string& source);  // a file path or "-"
int list(const Context& context);
int pair_from_file(const Context& context, const std::filesystem::path& file);
int pair_online(const Context& context, const std::string& url, const std::string& token,
                const std::string& ca_file);  // ca_file may be empty: the system's CAs
int sync(const Context& context);
int export_to(const Context& context, const std::filesystem::path& dir);
int set_pin(const Context& context, std::istream& in);  // reads the new PIN from a line of in
int set_retention(const Context& context, const std::string& days);
int install_content(const Context& context, const std::filesystem::path& pack);  // from a USB stick
int update_content(const Context& context);  // from the paired register, over verified TLS
// Reads what is readable from a damaged database moved aside, into an export file in dir.
int salvage(const Context& context, const std::filesystem::path& damaged, const std::filesystem::path& dir);

}  // namespace flytthit::kioskctl
