# Sourced by board/run-tests, run-sanitizers, run-fuzzers, cross-test-arm64 and .ci/run: each
# tier records one line with its counts ("normal: 113 passed, 0 failed") and its wall time,
# and whichever script started first prints them all at its end, closing with the total
# "total: N passed, N failed" alone on a line. A tier's ctest gets FLYTTHIT_TEST_TIME_SCALE
# (tests/test_support.h): the tier's own factor times the caller's, if the caller set one.

if [ -z "${FLYTTHIT_TIER_LOG:-}" ]; then
  FLYTTHIT_TIER_LOG=$(mktemp /tmp/flytthit-tiers-XXXXXX)
  export FLYTTHIT_TIER_LOG
  tier_owner=1
else
  tier_owner=0
fi
tier_failed=0

# tier_record NAME PASSED FAILED SECONDS [TEXT]: one tier's result; TEXT replaces the counts
# in the printed line (the fuzz tier counts harnesses and crashes).
tier_record() {
  local text=${5:-"$2 passed, $3 failed"}
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$text" >>"$FLYTTHIT_TIER_LOG"
  echo "$1: $text"
  [ "$3" = 0 ] || tier_failed=1
}

# tier_scale FACTOR: the time scale for a tier, FACTOR times the caller's FLYTTHIT_TEST_TIME_SCALE.
tier_scale() {
  awk -v f="$1" -v s="${FLYTTHIT_TEST_TIME_SCALE:-1}" 'BEGIN { print f * s }'
}

# tier_ctest NAME FACTOR START_SECONDS [ctest arguments]: runs ctest in the current directory
# with the tier's time scale and records its counts. Returns ctest's status.
tier_ctest() {
  local name=$1 scale start=$3 out status=0 total failed
  scale=$(tier_scale "$2")
  shift 3
  out=$(mktemp /tmp/flytthit-ctest-XXXXXX)
  echo "$name: FLYTTHIT_TEST_TIME_SCALE=$scale ctest -j $(nproc)"
  FLYTTHIT_TEST_TIME_SCALE=$scale ctest --output-on-failure -j "$(nproc)" "$@" 2>&1 | tee "$out" || status=$?
  total=$(sed -nE 's/.*tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2/p' "$out" | tail -1)
  failed=$(sed -nE 's/.*tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/p' "$out" | tail -1)
  rm -f "$out"
  if [ -z "$total" ]; then  # ctest printed no summary: count the run as one failure
    total=1 failed=1
    [ "$status" != 0 ] || status=1
  fi
  tier_record "$name" "$((total - failed))" "$failed" "$((SECONDS - start))"
  return "$status"
}

# tier_run NAME START_SECONDS command...: runs a tier's script; one that stopped before
# recording its line (a build that failed) is recorded as a failure.
tier_run() {
  local name=$1 start=$2 status=0
  shift 2
  "$@" || status=$?
  if [ "$status" != 0 ]; then
    tier_failed=1
    cut -f1 "$FLYTTHIT_TIER_LOG" | grep -qx "$name" ||
      tier_record "$name" 0 1 "$((SECONDS - start))" "did not finish (exit $status), 0 passed, 1 failed"
  fi
  return 0
}

# tier_summary: the owner prints every tier's line, the wall times and the total, last.
# Returns non-zero when any tier failed.
tier_summary() {
  [ "$tier_owner" = 1 ] || return "$tier_failed"
  local name passed failed seconds text all_passed=0 all_failed=0 times=""
  echo
  echo "=== tiers ==="
  while IFS=$'\t' read -r name passed failed seconds text; do
    echo "$name: $text"
    all_passed=$((all_passed + passed))
    all_failed=$((all_failed + failed))
    times="$times${times:+, }$name ${seconds} s"
  done <"$FLYTTHIT_TIER_LOG"
  rm -f "$FLYTTHIT_TIER_LOG"
  echo "wall time: $times"
  echo "total: $all_passed passed, $all_failed failed"
  [ "$all_failed" = 0 ] && [ "$tier_failed" = 0 ]
}
