#!/usr/bin/env bash
# Run by screenshot_test inside xvfb-run: the kiosk under a real window manager (openbox)
# gets the key combinations that close or switch applications, and must still be running;
# then SIGTERM must end it cleanly. Prints what it saw; exit 0 only when all held.
set -u
kiosk=$1 data=$2
# shellcheck source=tests/kiosk_under_wm.sh
. "$(dirname "${BASH_SOURCE[0]}")/kiosk_under_wm.sh"
settle=$(settle 0.3)   # for a key to take effect
start_wm
start_kiosk --windowed --data-dir "$data"
# A key sent while another window has the focus tests nothing: each goes to the kiosk's window.
focused() {
  [ "$(xdotool getactivewindow 2>/dev/null)" = "$window" ] && return 0
  xdotool windowactivate "$window" >/dev/null 2>&1
  return 1
}
for keys in alt+F4 ctrl+q Escape alt+Tab ctrl+w super; do
  wait_for focused || fail "the kiosk's window did not get the focus before $keys"
  xdotool key "$keys"
  sleep "$settle"
  alive "closed by $keys"
done
echo "survived: alt+F4 ctrl+q Escape alt+Tab ctrl+w super"
stop_kiosk
