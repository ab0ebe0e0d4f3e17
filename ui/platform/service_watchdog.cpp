// systemd notification; see service_watchdog.h.
#include "ui/platform/service_watchdog.h"

#include <systemd/sd-daemon.h>

namespace flytthit::ui {

ServiceWatchdog::ServiceWatchdog() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        enabled_ = true;
        interval_ = std::chrono::microseconds(usec / 2);
    }
}

void ServiceWatchdog::ready() { sd_notify(0, "READY=1"); }

void ServiceWatchdog::loop_alive() {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ping_ < interval_) return;
    sd_notify(0, "WATCHDOG=1");
    last_ping_ = now;
}

}  // namespace flytthit::ui
