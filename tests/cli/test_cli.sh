# tests/cli/test_cli.sh -- the rasd command line: help, usage errors, exit codes, annotate.
. tests/cli/lib.sh

for c in code annotate ingest query gazetteer; do
  ok "$c --help" sh -c "'$RASD' $c --help > '$TMP/h' && grep -q 'Usage: rasd $c' '$TMP/h'"
done
ok "top-level help lists commands" sh -c "'$RASD' --help | grep -q annotate"
ok "no command: usage, exit 2" sh -c "'$RASD' 2>/dev/null; [ \$? -eq 2 ]"
ok "unknown command: exit 2" sh -c "'$RASD' frobnicate 2>'$TMP/e'; [ \$? -eq 2 ] && grep -q unknown '$TMP/e'"
ok "unknown option: exit 2" sh -c "'$RASD' annotate --nope 2>'$TMP/e' </dev/null; [ \$? -eq 2 ] && grep -q nope '$TMP/e'"
ok "version" sh -c "'$RASD' --version | grep -q '^rasd '"

# annotate reads JSON Lines from stdin and keeps going after a bad line
printf '%s\n' '{"id":"a1","date":"2021-05-01","text":"قصفت الطائرات بلدة في ريف إدلب. وقتل ثلاثة مدنيين."}' \
  'not json' '{"id":"a2","text":"خبر ثان."}' > "$TMP/in.jsonl"
"$RASD" annotate "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
ok "bad line skipped: exit 1" [ $rc -eq 1 ]
ok "bad line named with file:line" contains "$TMP/err" "in.jsonl:2:"
ok "both good articles annotated" [ "$(wc -l < "$TMP/out")" -eq 2 ]
ok "published date from input" contains "$TMP/out" '"published":"2021-05-01"'
ok "sentences split" contains "$TMP/out" '"text":"وقتل ثلاثة مدنيين."'

# --no-places: the text layer alone, the same sentences, numbers and dates, no places
"$RASD" annotate --no-places "$TMP/in.jsonl" > "$TMP/np" 2> /dev/null
ok "no-places: no places (Idlib found without it)" sh -c "grep -q '\"lat\"' '$TMP/out' && grep -q '\"places\":\[\]' '$TMP/np' && ! grep -q '\"lat\"' '$TMP/np'"
ok "no-places: same text layer" python3 -c "
import json
a=[json.loads(l) for l in open('$TMP/out')]; b=[json.loads(l) for l in open('$TMP/np')]
assert [(x['sentences'],x['numbers'],x['dates']) for x in a]==[(x['sentences'],x['numbers'],x['dates']) for x in b]"
ok "no-places: only for annotate" sh -c "'$RASD' code --no-places </dev/null 2>/dev/null; [ \$? -eq 2 ]"

# a plain-text file: id is the file name
printf 'اعتقلت الشرطة خمسة أشخاص في بغداد.\n' > "$TMP/khabar.txt"
"$RASD" annotate "$TMP/khabar.txt" > "$TMP/out2"
ok "text file id" contains "$TMP/out2" '"article_id":"khabar.txt"'

# a write error on stdout is reported, not a crash
if [ -w /dev/full ]; then
  "$RASD" annotate "$TMP/khabar.txt" > /dev/full 2> "$TMP/err3"; rc=$?
  ok "stdout write error: exit 4" [ $rc -eq 4 ]
fi
# an I/O error is not hidden by a later skipped record
"$RASD" annotate "$TMP/missing.jsonl" "$TMP/in.jsonl" > /dev/null 2> "$TMP/err4"; rc=$?
ok "missing file then bad line: exit 4" [ $rc -eq 4 ]
ok "missing file named" contains "$TMP/err4" "missing.jsonl"
# rasd code --format: the same events as ACLED CSV or GeoJSON
printf '%s\n' '{"id":"f1","date":"2021-05-01","text":"قصفت طائرات حربية روسية مدينة إدلب صباح اليوم، ما أدى إلى مقتل خمسة مدنيين."}' > "$TMP/f.jsonl"
"$RASD" code --format csv "$TMP/f.jsonl" > "$TMP/f.csv"
ok "code csv: ACLED header" sh -c "head -1 '$TMP/f.csv' | grep -q '^event_id_cnty,event_date,year,time_precision'"
ok "code csv: one row per event, parses" python3 -c "
import csv,sys; r=list(csv.DictReader(open('$TMP/f.csv'))); assert len(r)>=1 and r[0]['event_date']=='2021-05-01' and r[0]['fatalities']=='5', r"
"$RASD" code --format geojson "$TMP/f.jsonl" > "$TMP/f.geojson"
ok "code geojson: a FeatureCollection of points" python3 -c "
import json; d=json.load(open('$TMP/f.geojson')); assert d['type']=='FeatureCollection' and d['features'][0]['geometry']['type']=='Point'"
"$RASD" code --format xml < /dev/null 2> "$TMP/e5"; rc=$?
ok "code: unknown format is a usage error" [ $rc -eq 2 ]
finish
