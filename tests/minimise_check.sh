#!/usr/bin/env bash
# Run by screenshot_test inside xvfb-run: the real kiosk window under a window manager
# (openbox) minimised and restored, shrunk to odd sizes and back, must keep running (a
# minimised window reports a zero size; ImGui asserts on items of no size). Prints the
# window's UTF-8 title (_NET_WM_NAME) as the window manager sees it. Exit 0 only when all held.
set -u
kiosk=$1 data=$2
# shellcheck source=tests/kiosk_under_wm.sh
. "$(dirname "${BASH_SOURCE[0]}")/kiosk_under_wm.sh"
settle=$(settle 0.5)   # for the kiosk to draw a few frames
start_wm
start_kiosk --windowed --size 800x480 --data-dir "$data"
# xprop prints UTF-8 only in a UTF-8 locale (else octal escapes).
echo "title: $(LC_ALL=C.UTF-8 xprop -id "$window" _NET_WM_NAME | sed 's/^[^=]*= //')"
for round in 1 2 3; do
  xdotool windowminimize --sync "$window" >/dev/null 2>&1 || xdotool windowminimize "$window"
  sleep "$settle"; alive "crashed after minimise $round"
  xdotool windowactivate --sync "$window" >/dev/null 2>&1 || xdotool windowmap "$window"
  sleep "$settle"; alive "crashed after restore $round"
done
echo "survived: minimise and restore, 3 times"
for size in "1 1" "333 211" "2000 40" "800 480"; do
  # shellcheck disable=SC2086
  xdotool windowsize "$window" $size
  sleep "$settle"; alive "crashed after resize to $size"
done
echo "survived: resized to 1x1, 333x211, 2000x40 and back"
stop_kiosk
