#!/bin/sh
# bench/eval.sh -- score `rasd code` with ../shared/eval/score.py on the seed
# article, articles-dev and the OEDA Arabic gold (gsr-dev: ASSAULT, PROTEST),
# and print the figures.  Usage: sh bench/eval.sh [RASD_BINARY]
# Reads ../shared at run time; writes the event files to a temporary directory.
cd "$(dirname "$0")/.." || exit 2
RASD=${1:-${RASD:-build/rasd}}
E=${SHARED:-../shared}/eval
[ -d "$E" ] || { echo "bench/eval.sh: $E not found" >&2; exit 2; }
[ -x "$RASD" ] || { echo "bench/eval.sh: $RASD not built" >&2; exit 2; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
run() { # NAME INPUT -> $T/NAME.jsonl
  "$RASD" code -q < "$2" > "$T/$1.jsonl" || echo "bench/eval.sh: rasd code failed on $2" >&2
}
run seed "$E/seed.input.jsonl"
run dev "$E/articles-dev.input.jsonl"
run assault "$E/gsr-dev/assault.jsonl"
run protest "$E/gsr-dev/protest.jsonl"
echo "== seed article"
python3 "$E/score.py" articles --events "$T/seed.jsonl" --gold "$E/seed.gold.jsonl" | grep -v '^{'
echo "== articles-dev"
python3 "$E/score.py" articles --events "$T/dev.jsonl" --gold "$E/articles-dev.gold.jsonl" | grep -v '^{'
for k in assault protest; do
  echo "== gsr-dev $k"
  python3 "$E/score.py" gsr --events "$T/$k.jsonl" --gold "$E/gsr-dev/$k.jsonl" | tail -n 1 |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("  %s F1=%.3f P=%.3f R=%.3f tp=%d fp=%d fn=%d; sector agreement actor=%s recipient=%s" % (d["event"], d["f1"], d["precision"], d["recall"], d["tp"], d["fp"], d["fn"], d["actor_sector_agreement"], d["recipient_sector_agreement"]))'
done
