#!/usr/bin/env bash
# Run by screenshot_test inside xvfb-run: the kiosk under a real window manager (openbox)
# gets the key combinations that close or switch applications, and must still be running;
# then SIGTERM must end it cleanly. Prints what it saw; exit 0 only when all held.
set -u
kiosk=$1 data=$2
openbox >/dev/null 2>&1 &
wm=$!
sleep 0.7
# $kiosk may lead with the emulator of a cross build (qemu-aarch64 -L / ...): left unquoted.
$kiosk --windowed --data-dir "$data" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do xdotool search --name Flytthit >/dev/null 2>&1 && break; sleep 0.1; done
window=$(xdotool search --name Flytthit | head -1)
[ -n "$window" ] || { echo "no kiosk window"; exit 1; }
xdotool windowactivate --sync "$window" >/dev/null 2>&1
for keys in alt+F4 ctrl+q Escape alt+Tab ctrl+w super; do
  xdotool key "$keys"
  sleep 0.3
  kill -0 "$pid" 2>/dev/null || { echo "closed by $keys"; kill $wm; exit 1; }
done
echo "survived: alt+F4 ctrl+q Escape alt+Tab ctrl+w super"
kill -TERM "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "SIGTERM ignored"; kill -9 "$pid"; kill $wm; exit 1; fi
wait "$pid"
status=$?
kill $wm 2>/dev/null
echo "SIGTERM: exit $status"
[ "$status" -eq 0 ]
