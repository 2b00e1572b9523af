#!/bin/sh
# fuzz/run.sh -- run every libFuzzer target (make fuzz) for FUZZ_SECONDS
# seconds each (default 20), starting from fuzz/corpus/<target>/.  New
# interesting inputs go to $B/fuzz/work/<target>/ (the committed corpus is
# left alone); a crash is saved as $B/fuzz/crashes/<target>-crash-<sha1> and
# the target counts as failed: copy the file into fuzz/corpus/<target>/ once
# it is fixed, so fuzz/replay.sh keeps checking it.
# Prints each target's executions and "N passed, N failed" (one per target).
# FUZZ_JOBS=N runs N workers per target (default 1).
cd "$(dirname "$0")/.." || exit 2
B=${B:-build}
SECS=${FUZZ_SECONDS:-20}
if ! command -v clang > /dev/null 2>&1; then
  echo "fuzz: clang is not installed; skipped"
  echo "0 passed, 0 failed"
  exit 0
fi
if ! make --no-print-directory -s B="$B" fuzz > /dev/null; then
  echo "fuzz: could not build the fuzz targets"
  echo "0 passed, 1 failed"
  exit 1
fi
mkdir -p "$B/fuzz/crashes"
log=$(mktemp); trap 'rm -f "$log"' EXIT
pass=0; fail=0
for src in fuzz/fuzz_*.c; do
  t=$(basename "$src" .c)
  mkdir -p "$B/fuzz/work/$t" "fuzz/corpus/$t"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$B/fuzz/$t" \
    -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$B/fuzz/crashes/$t-" \
    ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} \
    "$B/fuzz/work/$t" "fuzz/corpus/$t" > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1))
    echo "  $t: ${execs:-?} runs in ${SECS}s, no crash"
  else
    fail=$((fail + 1))
    echo "FAIL $t (exit $rc) after ${execs:-?} runs:"
    grep -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written|#[0-9]+ 0x' "$log" | head -20
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
