#!/usr/bin/env bash
# Run by screenshot_test inside xvfb-run: the kiosk under a real window manager (openbox)
# gets the key combinations that close or switch applications, and must still be running;
# then SIGTERM must end it cleanly. Prints what it saw; exit 0 only when all held.
set -u
kiosk=$1 data=$2
# Waits go by outcome, bounded by tries that stretch with FLYTTHIT_TEST_TIME_SCALE (tests/test_support.h).
scale=${FLYTTHIT_TEST_TIME_SCALE:-1}
tries=$(awk -v s="$scale" 'BEGIN { n = int(300 * (s < 1 ? 1 : s)); print n }')   # of 0.1 s: 30 s at scale 1
settle=$(awk -v s="$scale" 'BEGIN { print 0.3 * (s < 1 ? 1 : s) }')              # for a key to take effect
openbox >/dev/null 2>&1 &
wm=$!
for _ in $(seq "$tries"); do xdotool get_num_desktops >/dev/null 2>&1 && break; sleep 0.1; done
xdotool get_num_desktops >/dev/null 2>&1 || { echo "no window manager"; kill $wm; exit 1; }
# $kiosk may lead with the emulator of a cross build (qemu-aarch64 -L / ...): left unquoted.
$kiosk --windowed --data-dir "$data" >/dev/null 2>&1 &
pid=$!
for _ in $(seq "$tries"); do xdotool search --name Flytthit >/dev/null 2>&1 && break; sleep 0.1; done
window=$(xdotool search --name Flytthit | head -1)
[ -n "$window" ] || { echo "no kiosk window"; exit 1; }
xdotool windowactivate --sync "$window" >/dev/null 2>&1
for keys in alt+F4 ctrl+q Escape alt+Tab ctrl+w super; do
  xdotool key "$keys"
  sleep "$settle"
  kill -0 "$pid" 2>/dev/null || { echo "closed by $keys"; kill $wm; exit 1; }
done
echo "survived: alt+F4 ctrl+q Escape alt+Tab ctrl+w super"
kill -TERM "$pid"
for _ in $(seq "$tries"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "SIGTERM ignored"; kill -9 "$pid"; kill $wm; exit 1; fi
wait "$pid"
status=$?
kill $wm 2>/dev/null
echo "SIGTERM: exit $status"
[ "$status" -eq 0 ]
