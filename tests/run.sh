#!/bin/sh
# tests/run.sh -- every test: unit tests and command-line tests, first on the
# plain build, then under AddressSanitizer + UBSan; then the fuzz corpus
# replay.  Ends with the total "N passed, N failed".  Run from the repo root
# (make check does).
cd "$(dirname "$0")/.." || exit 2
total_p=0; total_f=0
count() { # add the "N passed, N failed" at the end of file $1
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  p=$(echo "$line" | sed -E 's/(^|.*[^0-9])([0-9]+) passed.*/\2/'); f=$(echo "$line" | sed -E 's/.*[^0-9]([0-9]+) failed.*/\1/')
  if [ -z "$line" ]; then p=0; f=1; echo "  (no result line: counted as a failure)"; fi
  total_p=$((total_p + p)); total_f=$((total_f + f))
}
out=$(mktemp); trap 'rm -f "$out"' EXIT
for variant in plain san; do
  B=${B:-build}
  if [ $variant = plain ]; then unit=$B/unit; bin=$B/rasd; else unit=$B/unit-san; bin=$B/rasd-san; fi
  echo "== unit tests ($variant)"
  ASAN_OPTIONS=detect_leaks=1 "$unit" > "$out" 2>&1; cat "$out"; count "$out"
  for t in tests/cli/test_*.sh; do
    [ -f "$t" ] || continue
    echo "== $t ($variant)"
    RASD="$bin" sh "$t" > "$out" 2>&1; cat "$out"; count "$out"
  done
done
if [ -x fuzz/replay.sh ] || [ -f fuzz/replay.sh ]; then
  echo "== fuzz corpus replay"
  B=${B:-build} sh fuzz/replay.sh > "$out" 2>&1; cat "$out"; count "$out"
fi
# a short libFuzzer run of every target (FUZZ_SECONDS each, default 10) when
# clang is there, so CI fuzzes too; FUZZ_SECONDS=0 skips it
if [ -f fuzz/run.sh ] && command -v clang > /dev/null 2>&1 && [ "${FUZZ_SECONDS:-10}" -gt 0 ]; then
  echo "== fuzzing (${FUZZ_SECONDS:-10} s a target)"
  B=${B:-build} FUZZ_SECONDS=${FUZZ_SECONDS:-10} sh fuzz/run.sh > "$out" 2>&1; cat "$out"; count "$out"
fi
echo
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
