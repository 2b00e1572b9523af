#!/bin/sh
# bench/ingest.sh -- throughput of `rasd ingest` into a fresh database:
# wall time, MB/s, articles/s, CPU seconds (by thread), peak memory, database
# and index size; with all cores, with one worker, and with all cores but no
# full-text indexing (--no-fts).  A command, not a test:
#   sh bench/ingest.sh [CORPUS] [RASD]
# CORPUS defaults to ../shared/corpus/saudinewsnet.jsonl.gz, RASD to build/rasd.
cd "$(dirname "$0")/.." || exit 2
CORPUS=${1:-../shared/corpus/saudinewsnet.jsonl.gz}
RASD=${2:-${RASD:-build/rasd}}
[ -f "$CORPUS" ] || { echo "bench: no corpus at $CORPUS" >&2; exit 2; }
[ -x "$RASD" ] || { echo "bench: no binary at $RASD (run make)" >&2; exit 2; }
DIR=$(mktemp -d); trap 'rm -rf "$DIR"' EXIT
CORES=$(nproc 2>/dev/null || echo 1)
echo "bench: $RASD ingest $CORPUS on $(uname -m), $CORES cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # run LABEL JOBS [OPTION]
  rm -f "$DIR"/b.db*
  t0=$(date +%s.%N)
  "$RASD" ingest --stats --jobs "$2" $3 --db "$DIR/b.db" "$CORPUS" 2> "$DIR/err"
  t1=$(date +%s.%N)
  sum=$(grep 'articles read' "$DIR/err" | tail -1)
  stats=$(grep 'stats:' "$DIR/err" | tail -1)
  db=$(du -k "$DIR/b.db" | cut -f1); fts=$(du -k "$DIR/b.db-fts" 2>/dev/null | cut -f1)
  echo "== $1 (--jobs $2 $3)"
  echo "   ${sum#rasd ingest: }"
  echo "   ${stats#rasd ingest: stats: }"
  awk -v t0="$t0" -v t1="$t1" -v db="$db" -v fts="${fts:-0}" 'BEGIN {
    printf "   wall %.2f s; database %.1f MB + full-text index %.1f MB\n", t1 - t0, db / 1024, fts / 1024 }'
}
run "all cores" "$CORES"
run "one worker" 1
run "all cores, full-text index left for later" "$CORES" --no-fts
