# tests/cli/lib.sh -- helpers for command-line tests (sourced).
# $RASD is the binary under test.  Each `ok NAME CMD...` / `expect` records a
# result; `finish` prints "N passed, N failed".
RASD=${RASD:-build/rasd}
PASS=0; FAIL=0
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ok() { name=$1; shift; if "$@"; then PASS=$((PASS+1)); else FAIL=$((FAIL+1)); echo "FAIL $name"; fi; }
# contains FILE STRING: FILE holds STRING (fixed string)
contains() { grep -qF -- "$2" "$1" || { echo "  '$2' not in $1:"; head -c 600 "$1"; echo; return 1; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "  '$2' unexpectedly in $1"; return 1; }; }
have_shared() { [ -d ../shared ] || { echo "  skip: $1 needs ../shared, which is not here"; return 1; }; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
