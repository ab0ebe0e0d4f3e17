// Headless UI driver; see headless_driver.h.
#include "ui/headless_driver.h"

#include "common/base/utf8.h"

#include <utility>

namespace flytthit::ui {

namespace {

constexpr std::chrono::milliseconds frame_time{16};

// The Norwegian keyboard's key for an upper-case letter, or nullopt for a lower-case one.
std::optional<std::string> lower_of(const std::string& character) {
    if (character == "Æ") return "æ";
    if (character == "Ø") return "ø";
    if (character == "Å") return "å";
    if (character.size() == 1 && character[0] >= 'A' && character[0] <= 'Z') {
        return std::string(1, static_cast<char>(character[0] - 'A' + 'a'));
    }
    return std::nullopt;
}

bool is_lower_letter(const std::string& character) {
    return character == "æ" || character == "ø" || character == "å" ||
           (character.size() == 1 && character[0] >= 'a' && character[0] <= 'z');
}

// The accented letters the keyboard offers on a long press, with the key that holds them.
struct Accent {
    const char* lower;
    const char* upper;
    const char* key;
};
constexpr Accent accents[] = {{"é", "É", "e"}, {"è", "È", "e"}, {"ë", "Ë", "e"}, {"ê", "Ê", "e"}, {"ä", "Ä", "a"}, {"á", "Á", "a"},
                              {"à", "À", "a"}, {"â", "Â", "a"}, {"ü", "Ü", "u"}, {"ú", "Ú", "u"}, {"ù", "Ù", "u"}, {"ö", "Ö", "o"},
                              {"ó", "Ó", "o"}, {"ò", "Ò", "o"}, {"ô", "Ô", "o"}, {"ï", "Ï", "i"}, {"í", "Í", "i"}, {"ñ", "Ñ", "n"},
                              {"ç", "Ç", "c"}};

}  // namespace

HeadlessDriver::HeadlessDriver(Kiosk& kiosk, ImVec2 display_size, MonotonicClock::time_point start,
                               std::optional<std::filesystem::path> font_cache_dir, bool audit_text)
    : kiosk_(kiosk), display_size_(display_size), ui_(display_size, std::move(font_cache_dir)), start_(start), now_(start) {
    if (audit_text) ui_.set_text_audit(&audit_);
    ImGui::GetIO().MousePos = {-1, -1};
    frame();
}

void HeadlessDriver::apply_all(const std::vector<Intent>& intents) {
    for (const auto& intent : intents) kiosk_.apply(intent, now_);
}

void HeadlessDriver::frame() { run_frame(frame_time); }

void HeadlessDriver::run_frame(std::chrono::milliseconds elapsed) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_size_;
    io.DeltaTime = std::chrono::duration<float>(elapsed).count();
    now_ += elapsed;
    // Timers first, then the frame, as the window's loop does: what is drawn is current.
    kiosk_.tick(now_);
    ui_.use_large_text_fonts(kiosk_.large_text());  // as the window's loop does, without a texture
    const double seconds = std::chrono::duration<double>(now_ - start_).count();
    apply_all(ui_.run_frame(kiosk_, seconds));
}

bool HeadlessDriver::tap(const std::string& name) { return long_press(name, std::chrono::milliseconds(0)); }

bool HeadlessDriver::long_press(const std::string& name, std::chrono::milliseconds duration) {
    const auto target = ui_.touch_targets().find(name);
    if (!target) return false;
    ImGuiIO& io = ImGui::GetIO();
    // A finger lands where it lands: position and press arrive in the same frame, with no
    // hover frame before them (unlike a mouse).
    io.MousePos = target->centre();
    io.MouseDown[0] = true;
    frame();
    for (auto held = std::chrono::milliseconds(0); held < duration; held += std::chrono::milliseconds(100)) {
        run_frame(std::chrono::milliseconds(100));
    }
    io.MouseDown[0] = false;
    frame();  // release: ImGui buttons fire here
    // The pointer stays where the finger lifted, as SDL's touch-to-mouse events leave it:
    // the next tap starts with this item hovered in the previous frame.
    frame();
    return true;
}

bool HeadlessDriver::keyboard_shift() const {
    // Staff fields have a shift of their own in staff mode; the visitor's draft keeps its own.
    return is_staff_screen(kiosk_.screen()) ? kiosk_.staff().shift() : kiosk_.draft().shift;
}

bool HeadlessDriver::type_on_keyboard(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        const std::string character = text.substr(i, length);
        i += length;
        if (character == " ") {
            if (!tap("key:space")) return false;
            continue;
        }
        const Accent* accent = nullptr;
        for (const auto& candidate : accents) {
            if (character == candidate.lower || character == candidate.upper) accent = &candidate;
        }
        if (accent != nullptr) {
            const bool capital = character == accent->upper;
            if (capital != keyboard_shift() && !tap("key:shift")) return false;
            if (!long_press_and_slide(std::string("key:") + accent->key, std::string("key:") + accent->key + ":" + accent->lower)) {
                return false;
            }
            continue;
        }
        const auto lower = lower_of(character);
        const bool is_letter = lower.has_value() || is_lower_letter(character);
        const bool shift_on = keyboard_shift();
        if (is_letter && lower.has_value() != shift_on && ui_.touch_targets().find("key:shift")) {
            if (!tap("key:shift")) return false;
        }
        if (!tap("key:" + lower.value_or(character))) return false;
    }
    return true;
}

bool HeadlessDriver::long_press_and_slide(const std::string& name, const std::string& target) {
    const auto key = ui_.touch_targets().find(name);
    if (!key) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = key->centre();
    io.MouseDown[0] = true;
    frame();
    for (int held = 0; held < 6; ++held) run_frame(std::chrono::milliseconds(100));
    const auto accent = ui_.touch_targets().find(target);
    if (accent) {
        io.MousePos = accent->centre();  // the finger slides, still down
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    frame();
    return accent.has_value();
}

void HeadlessDriver::advance(std::chrono::milliseconds elapsed) {
    now_ += elapsed;
    frame();
}

}  // namespace flytthit::ui
