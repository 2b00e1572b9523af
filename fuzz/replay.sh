#!/bin/sh
# fuzz/replay.sh -- replay fuzz/corpus/<target>/ through every fuzz target
# built without libFuzzer (fuzz/replay_main.c + the ASan/UBSan engine, in
# $B/replay/), as regression tests.  Inputs that once crashed are kept in
# the corpus, so a fix that regresses fails here.  Prints "N passed, N failed"
# (one per target: a target passes when every input of its corpus does).  Run from anywhere; B= picks the build directory.
cd "$(dirname "$0")/.." || exit 2
B=${B:-build}
if ! make --no-print-directory -s B="$B" fuzz-replay > /dev/null; then
  echo "replay: could not build the replay drivers"
  echo "0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
pass=0; fail=0
for src in fuzz/fuzz_*.c; do
  t=$(basename "$src" .c)
  dir=fuzz/corpus/$t
  [ -d "$dir" ] || continue
  if ASAN_OPTIONS=detect_leaks=1 "$B/replay/$t" "$dir" > "$tmp" 2>&1; then
    p=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$tmp")
    pass=$((pass + 1))
    echo "  $t: ${p:-0} inputs ok"
  else
    # something crashed: run each input alone to name the bad ones
    fail=$((fail + 1))
    for f in "$dir"/*; do
      if ! ASAN_OPTIONS=detect_leaks=1 "$B/replay/$t" "$f" > "$tmp" 2>&1; then
        echo "FAIL $t $f"
        grep -E 'ERROR|SUMMARY|invariant|runtime error|#[0-9] ' "$tmp" | head -12
      fi
    done
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
