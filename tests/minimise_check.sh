#!/usr/bin/env bash
# Run by screenshot_test inside xvfb-run: the real kiosk window under a window manager
# (openbox) minimised and restored, shrunk to odd sizes and back, must keep running (a
# minimised window reports a zero size; ImGui asserts on items of no size). Prints the
# window's UTF-8 title (_NET_WM_NAME) as the window manager sees it. Exit 0 only when all held.
set -u
kiosk=$1 data=$2
scale=${FLYTTHIT_TEST_TIME_SCALE:-1}
tries=$(awk -v s="$scale" 'BEGIN { n = int(300 * (s < 1 ? 1 : s)); print n }')   # of 0.1 s: 30 s at scale 1
settle=$(awk -v s="$scale" 'BEGIN { print 0.5 * (s < 1 ? 1 : s) }')              # for the kiosk to draw a few frames
openbox >/dev/null 2>&1 &
wm=$!
for _ in $(seq "$tries"); do xdotool get_num_desktops >/dev/null 2>&1 && break; sleep 0.1; done
xdotool get_num_desktops >/dev/null 2>&1 || { echo "no window manager"; kill $wm; exit 1; }
# $kiosk may lead with the emulator of a cross build: left unquoted.
$kiosk --windowed --size 800x480 --data-dir "$data" >/dev/null 2>&1 &
pid=$!
for _ in $(seq "$tries"); do xdotool search --name Flytthit >/dev/null 2>&1 && break; sleep 0.1; done
window=$(xdotool search --name Flytthit | head -1)
[ -n "$window" ] || { echo "no kiosk window"; kill $wm; exit 1; }
# xprop prints UTF-8 only in a UTF-8 locale (else octal escapes).
echo "title: $(LC_ALL=C.UTF-8 xprop -id "$window" _NET_WM_NAME | sed 's/^[^=]*= //')"
alive() { kill -0 "$pid" 2>/dev/null || { echo "crashed after $1"; kill $wm; exit 1; }; }
for round in 1 2 3; do
  xdotool windowminimize --sync "$window" >/dev/null 2>&1 || xdotool windowminimize "$window"
  sleep "$settle"; alive "minimise $round"
  xdotool windowactivate --sync "$window" >/dev/null 2>&1 || xdotool windowmap "$window"
  sleep "$settle"; alive "restore $round"
done
echo "survived: minimise and restore, 3 times"
for size in "1 1" "333 211" "2000 40" "800 480"; do
  # shellcheck disable=SC2086
  xdotool windowsize "$window" $size
  sleep "$settle"; alive "resize to $size"
done
echo "survived: resized to 1x1, 333x211, 2000x40 and back"
kill -TERM "$pid"
for _ in $(seq "$tries"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "SIGTERM ignored"; kill -9 "$pid"; kill $wm; exit 1; fi
wait "$pid"
status=$?
kill $wm 2>/dev/null
echo "SIGTERM: exit $status"
[ "$status" -eq 0 ]
