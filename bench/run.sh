#!/bin/sh
# bench/run.sh -- throughput of `rasd annotate` (and `rasd code`) over the
# team's shared corpus: MB/s of article text and of input, articles/s, wall
# time and peak memory.  A command, not a test (make bench).
#
#   sh bench/run.sh                 text layer, annotate and code, once each
#   BENCH_RUNS=3 sh bench/run.sh    best of 3
#   BENCH_CMDS="annotate-text annotate"
#                                   only some: annotate-text is `rasd annotate
#                                   --no-places`, the text layer (sentences,
#                                   tokens, numbers, dates: what issue #2 holds
#                                   to 50 MB/s); text is bench/textlayer.c, the
#                                   same without the command's JSON output
#   BENCH_ARTICLES=5000             only the first N articles
#   BENCH_CORPUS=FILE[.gz]          another JSON Lines corpus
#   B=DIR / RASD=BIN                the binary to measure
#
# The corpus is decompressed to a temporary file first, so gzip is not
# measured.  Rates are given per wall second and per CPU second (user + sys;
# steadier when other work shares the machine).  Timing and peak RSS come from getrusage (via python3), as
# /usr/bin/time may not be installed; hyperfine is used when present.
cd "$(dirname "$0")/.." || exit 2
B=${B:-build}
RASD=${RASD:-$B/rasd}
CORPUS=${BENCH_CORPUS:-../shared/corpus/saudinewsnet.jsonl.gz}
RUNS=${BENCH_RUNS:-1}
CMDS=${BENCH_CMDS:-text annotate-text annotate code}
if [ ! -f "$CORPUS" ]; then
  echo "bench: no corpus at $CORPUS: the shared data (../shared beside the repo) is not here;" >&2
  echo "       set BENCH_CORPUS=FILE to measure another JSON Lines file" >&2
  exit 1
fi
[ -x "$RASD" ] || make --no-print-directory -s B="$B" "$B/rasd" || exit 1
command -v python3 > /dev/null 2>&1 || { echo "bench: python3 is needed for timing" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
case "$CORPUS" in
  *.gz) gzip -dc "$CORPUS" ;;
  *) cat "$CORPUS" ;;
esac | if [ -n "$BENCH_ARTICLES" ]; then head -n "$BENCH_ARTICLES"; else cat; fi > "$tmp/in.jsonl"

case " $CMDS " in *" text "*)
  objs=$(ls "$B"/obj/src/*/*.o | grep -v '/src/cli/')
  ${CC:-cc} -O2 -g -std=c11 -D_GNU_SOURCE -I"$B/gen" bench/textlayer.c $objs -o "$tmp/textlayer" \
    -lstemmer -lutf8proc -lgumbo -lcjson -lsqlite3 -lz -lpthread -lm || exit 1
  i=0; while [ $i -lt "$RUNS" ]; do "$tmp/textlayer" "$tmp/in.jsonl"; i=$((i + 1)); done
  CMDS=$(echo " $CMDS " | sed 's/ text / /') ;;
esac
python3 - "$RASD" "$tmp/in.jsonl" "$RUNS" $CMDS <<'PY'
import json, os, resource, subprocess, sys, time
rasd, path, runs, cmds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
n_in = os.path.getsize(path)
n_art = n_text = 0
with open(path, 'rb') as f:
    for line in f:
        try: rec = json.loads(line)
        except ValueError: continue
        t = rec.get('text') if isinstance(rec, dict) else None
        if isinstance(t, str) and t.strip():
            n_art += 1; n_text += len(t.encode('utf-8', 'surrogatepass'))
print(f"corpus: {n_art} articles, {n_in/1e6:.1f} MB of JSON Lines, {n_text/1e6:.1f} MB of article text")
for cmd in cmds:
    best = None
    for _ in range(runs):
        t0 = time.monotonic()
        argv = [rasd, 'annotate', '--no-places'] if cmd == 'annotate-text' else [rasd, cmd]
        p = subprocess.Popen(argv + ['-q', path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            print(f"rasd {cmd}: exit {code}; not measured"); break
        r = (wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss)
        if best is None or r[0] < best[0]: best = r
    if best is None: continue
    wall, user, sys_, rss = best
    name = 'annotate --no-places' if cmd == 'annotate-text' else cmd
    print(f"rasd {name}: {wall:.2f} s wall ({user:.2f} user, {sys_:.2f} sys), peak RSS {rss/1024:.1f} MB")
    print(f"  {n_text/1e6/wall:.1f} MB/s of article text, {n_in/1e6/wall:.1f} MB/s of input, {n_art/wall:.0f} articles/s")
    cpu = user + sys_
    print(f"  per CPU second: {n_text/1e6/cpu:.1f} MB/s of article text, {n_in/1e6/cpu:.1f} MB/s of input,"
          f" {n_art/cpu:.0f} articles/s")
PY
if command -v hyperfine > /dev/null 2>&1 && [ "$RUNS" -gt 1 ]; then
  for c in $CMDS; do
    [ "$c" = annotate-text ] && c="annotate --no-places"
    hyperfine -w 1 -r "$RUNS" "$RASD $c -q $tmp/in.jsonl > /dev/null 2>&1 || true"
  done
fi
