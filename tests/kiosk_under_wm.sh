# shellcheck shell=bash
# Sourced by lockdown_check.sh and minimise_check.sh (inside xvfb-run): a window manager
# (openbox) and the real kiosk under it, started and stopped the one way both checks need.
# Sets wm, pid and window; every failure prints why, kills what was started, and exits 1.
# The sourcing script sets kiosk: the kiosk program, perhaps led by an emulator.
#
# Waits go by outcome, bounded by tries that stretch with FLYTTHIT_TEST_TIME_SCALE, like
# tests/test_support.h: a number in (0, 1000], below 1 counts as 1.
: "${kiosk:?set kiosk before sourcing kiosk_under_wm.sh}"
scale=${FLYTTHIT_TEST_TIME_SCALE:-1}
awk -v s="$scale" 'BEGIN { exit !(s ~ /^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$/ && s + 0 > 0 && s + 0 <= 1000) }' || {
  echo "FLYTTHIT_TEST_TIME_SCALE must be a number in (0, 1000], not '$scale'"
  exit 1
}
scale=$(awk -v s="$scale" 'BEGIN { print (s < 1 ? 1 : s + 0) }')
tries=$(awk -v s="$scale" 'BEGIN { print int(300 * s) }')   # of 0.1 s: 30 s at scale 1
wm='' pid='' window=''

# settle SECONDS: that many seconds at scale 1, stretched; for a key or a frame to take effect
# where there is no outcome to wait for (a kiosk that ignores a key shows nothing).
settle() { awk -v s="$scale" -v base="$1" 'BEGIN { print base * s }'; }

# fail MESSAGE: prints it, kills the kiosk and the window manager, exits 1.
fail() {
  echo "$1"
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  [ -n "$wm" ] && kill "$wm" 2>/dev/null
  exit 1
}

# wait_for COMMAND...: runs it every 0.1 s until it succeeds, at most $tries times.
wait_for() {
  for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}

start_wm() {
  openbox >/dev/null 2>&1 &
  wm=$!
  wait_for xdotool get_num_desktops || fail "no window manager"
}

# start_kiosk ARGS...: the kiosk with ARGS, until its window is mapped; sets pid and window.
# $kiosk may lead with the emulator of a cross build (qemu-aarch64 -L / ...): left unquoted.
start_kiosk() {
  # shellcheck disable=SC2086
  $kiosk "$@" >/dev/null 2>&1 &
  pid=$!
  wait_for xdotool search --name Flytthit || fail "no kiosk window"
  window=$(xdotool search --name Flytthit | head -1)
  [ -n "$window" ] || fail "no kiosk window"
}

# alive WHAT: fails unless the kiosk is still running after WHAT.
alive() { kill -0 "$pid" 2>/dev/null || fail "$1"; }

# stop_kiosk: SIGTERM must end the kiosk, which must still have been running, with exit 0.
# Prints "SIGTERM: exit N"; returns 0 only for exit 0. Stops the window manager.
stop_kiosk() {
  alive "the kiosk had ended before SIGTERM"
  kill -TERM "$pid"
  for _ in $(seq "$tries"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && fail "SIGTERM ignored"
  wait "$pid"
  local status=$?
  pid=''
  kill "$wm" 2>/dev/null
  wm=''
  echo "SIGTERM: exit $status"
  [ "$status" -eq 0 ]
}
