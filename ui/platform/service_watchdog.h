// Tells systemd the kiosk is alive (sd_notify): READY=1 once the first frame is on screen,
// then WATCHDOG=1 from the frame loop at half the unit's WatchdogSec, so a hung loop stops
// the pings and systemd restarts the kiosk. Does nothing when not run by systemd.
#pragma once

#include <chrono>

namespace flytthit::ui {

class ServiceWatchdog {
public:
    ServiceWatchdog();

    // Call once the first frame has been presented.
    void ready();
    // Call on every pass of the frame loop; pings only as often as the watchdog needs.
    void loop_alive();

private:
    bool enabled_ = false;
    std::chrono::microseconds interval_{0};
    std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace flytthit::ui
