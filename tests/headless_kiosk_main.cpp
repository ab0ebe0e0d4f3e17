// A helper for the process-kill test: the real kiosk (core, store and UI, headless) taking
// sign-ups by synthetic touch as fast as it can, printing each lead's id and name once the
// thank-you screen confirms it. The test SIGKILLs it at random moments.
#include "firmware/boot_content.h"
#include "ui/headless_driver.h"
#include "firmware/kiosk.h"
#include "firmware/store/store_recovery.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace flytthit;
    if (argc != 2) return 2;
    const std::filesystem::path data_dir = argv[1];
    auto opened = open_store_recovering(data_dir);
    if (!opened) {
        std::cerr << opened.error().message << "\n";
        return 1;
    }
    // The same boot path as flytthit-kiosk: an installed signed pack, else the built-in one.
    auto boot = boot_content(std::nullopt, data_dir);
    if (!boot) {
        std::cerr << boot.error().message << "\n";
        return 1;
    }
    const ContentPack& content = boot->choice.pack;
    KioskSettings settings;
    settings.data_dir = data_dir;
    Kiosk kiosk(opened->store, content, settings, MonotonicClock::now());
    ui::HeadlessDriver driver(kiosk, {1280, 800}, MonotonicClock::now());
    for (int visitor = 0;; ++visitor) {
        const std::string name = "Visitor " + std::to_string(getpid()) + "-" + std::to_string(visitor);
        // who, household and interests pass with their defaults
        for (const char* tap : {"start", "sign_up", "next", "next", "next", "field:name"}) driver.tap(tap);
        driver.type_on_keyboard(name);
        driver.tap("field:phone");
        driver.type_on_keyboard("91234567");
        driver.tap("next");
        driver.tap("consent");
        driver.tap("submit");
        if (kiosk.screen() != ScreenId::thank_you || !kiosk.confirmed_lead_id()) return 3;
        std::cout << *kiosk.confirmed_lead_id() << " " << name << std::endl;  // after the commit, flushed
        driver.tap("done");
    }
}
