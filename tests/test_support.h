// Helpers the test suites share: a temporary directory that cleans up after itself, file
// writing, running a real program and capturing what it printed, a lead that passes
// validation, and the one time scale every wait in a test goes through.
#pragma once

#include "common/protocol/demo_keys.h"
#include "tests/exec_program.h"
#include "common/base/device_clock.h"
#include "common/protocol/sealing.h"
#include "common/lead/lead.h"
#include "common/lead/lead_validation.h"
#include "ui/text/ui_text.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <set>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace flytthit::test {

// How much slower than a quiet developer machine this run may be: FLYTTHIT_TEST_TIME_SCALE,
// a number up to 1000, default 1 (below 1 counts as 1: waits never shrink). The test scripts
// set it for their tier (board/run-sanitizers 4, board/cross-test-arm64 10 for qemu-user
// emulation); set it by hand on a slow or loaded machine. No test asserts on elapsed time: a
// deadline in a test only bounds how long it waits for an outcome, so every such deadline goes
// through scaled() and is generous even at 1.
inline double test_time_scale() {
    static const double scale = [] {
        const char* text = std::getenv("FLYTTHIT_TEST_TIME_SCALE");
        if (text == nullptr || *text == '\0') return 1.0;
        char* end = nullptr;
        const double value = std::strtod(text, &end);
        if (end == text || *end != '\0' || !(value > 0) || value > 1000) {
            throw std::runtime_error(std::string("FLYTTHIT_TEST_TIME_SCALE must be a number in (0, 1000], not '") +
                                     text + "'");
        }
        return std::max(value, 1.0);
    }();
    return scale;
}

// A wait of `base` on a quiet machine, stretched by the time scale.
inline std::chrono::milliseconds scaled(std::chrono::milliseconds base) {
    return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(
        static_cast<double>(base.count()) * test_time_scale()));
}

// Waits for an outcome: polls done() until it holds or a generous, scaled limit passes.
// True if done() came true. The limit only keeps a broken run from hanging; never assert on
// how long the wait took.
template <class Done>
bool wait_until(Done done, std::chrono::milliseconds limit = scaled(std::chrono::seconds(60))) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "flytthit-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The font atlas cache every headless kiosk of one test process shares, a folder per display
// size (the atlas is made for the display's scale, so sizes would take turns overwriting one
// file; Display is ImVec2, or anything with x and y). Baking the atlas (stb_truetype) and
// faulting in its bitmaps were about half of ui_flow_test's CPU, which makes over 300 sessions,
// and cost several times more under ASan and qemu-user. A restored atlas holds the glyphs that
// were baked (font_atlas_test checks it).
template <class Display>
std::filesystem::path shared_font_cache_dir(const Display& display) {
    static const TempDir shared;  // one for the process, removed when it exits
    const auto dir = shared / (std::to_string(static_cast<int>(display.x)) + "x" + std::to_string(static_cast<int>(display.y)));
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs a shell command line, capturing stdout and stderr separately.
inline CommandResult run_command(const std::string& command_line, const std::filesystem::path& scratch) {
    const auto out_path = scratch / "command.out";
    const auto err_path = scratch / "command.err";
    const std::string full = command_line + " >'" + out_path.string() + "' 2>'" + err_path.string() + "'";
    const int status = std::system(full.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

// Validation rules for this year, accepting any municipality.
inline ValidationRules current_rules() {
    ValidationRules rules;
    rules.current_year = current_year();
    return rules;
}

// Opens a stored lead's sealed personal data, as only the register can: with the demo secret
// key unless told otherwise. Fails the test when it cannot.
inline PersonalData open_personal(const Lead& lead, const std::string& public_hex = demo::sealing_public_key,
                                  const std::string& secret_hex = demo::sealing_secret_key) {
    auto plaintext = open_sealed(lead.sealed.personal, public_hex, secret_hex);
    if (!plaintext) throw std::runtime_error("cannot open sealed lead: " + plaintext.error().message);
    auto personal = personal_from_json(*plaintext);
    if (!personal) throw std::runtime_error(personal.error().message);
    return *personal;
}

// A lead a visitor could have entered, valid under the default content's rules.
inline LeadDraft valid_draft(const std::string& name = "Kari Nordmann") {
    LeadDraft draft;
    draft.event_id = "oslo-plaza-2026";
    draft.language = Language::nb;
    draft.consent = {true, std::string(consent_text_version)};
    draft.household.adults = 2;
    draft.household.children_birth_years = {2019, 2022};
    draft.municipalities = {"tynset", "roros"};
    draft.topics = {"work", "childhood"};
    draft.contact = {name, "912 34 567", "kari@example.no"};
    draft.free_text = "Vi ser etter jobb for to.";
    return draft;
}

}  // namespace flytthit::test
