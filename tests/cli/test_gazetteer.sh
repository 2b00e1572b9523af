#!/bin/sh
# tests/cli/test_gazetteer.sh -- `rasd gazetteer build|import|lookup|info|names` and the
# places `rasd annotate` shows, on the small made-up fixtures in tests/fixtures/geo/
# (no network, no GeoNames download needed).  Run by tests/run.sh with $RASD set.
. tests/cli/lib.sh
F=tests/fixtures/geo

# --help and usage errors
ok help sh -c '"$RASD" gazetteer --help > "$TMP/h" && grep -q "rasd gazetteer build" "$TMP/h" && grep -q "Exit status" "$TMP/h"'
ok usage-no-sub sh -c '"$RASD" gazetteer 2>/dev/null; [ $? -eq 2 ]'
ok usage-bad-sub sh -c '"$RASD" gazetteer frobnicate 2>/dev/null; [ $? -eq 2 ]'
ok usage-build-no-o sh -c '"$RASD" gazetteer build --data "$0/data" 2>/dev/null; [ $? -eq 2 ]' "$F"

# importers: GeoNames country dump (+ alternateNames) and OpenSyria JSON
ok import-geonames sh -c '"$RASD" gazetteer import geonames "$0/SY-mini.txt" --alternates "$0/alternateNames-mini.txt" -o "$1/gn.tsv" 2>"$1/gn.err"' "$F" "$TMP"
ok import-geonames-rows sh -c '[ "$(grep -c . "$1/gn.tsv")" -eq 5 ] && grep -q "imported 5 places" "$1/gn.err"' "$F" "$TMP"
ok import-geonames-alt contains "$TMP/gn.tsv" "تل النموذج	Tall Namudhaj	SY	SY.01"
ok import-geonames-adm1 contains "$TMP/gn.tsv" "التجربة	Muhafazat Tajriba	SY	SY.07	-	35.3	40.2	3	admin1	9000004"
ok import-geonames-no-farm lacks "$TMP/gn.tsv" "Nowhere Farm"
ok import-opensyria sh -c '"$RASD" gazetteer import opensyria "$0/opensyria" -o "$1/os.tsv" 2>/dev/null' "$F" "$TMP"
ok import-opensyria-rows sh -c '[ "$(grep -c . "$0/os.tsv")" -eq 3 ]' "$TMP"
ok import-opensyria-sub contains "$TMP/os.tsv" "المثال	Nahiyat Mithal	SY	Testiyah	Wadi Sample	35.45000	39.45000	2	admin2	9100003	9000"
ok import-opensyria-no-markaz lacks "$TMP/os.tsv" "مركز"
ok import-missing sh -c '"$RASD" gazetteer import opensyria /nonexistent 2>/dev/null; [ $? -eq 4 ]'
ok import-bad-dump sh -c '"$RASD" gazetteer import geonames "$0/data/geo/places.tsv" 2>"$1/e"; [ $? -eq 3 ] && grep -q "places.tsv:2" "$1/e"' "$F" "$TMP"

# build: curated fixture + cities500-format fixture + the imports
ok build sh -c '"$RASD" gazetteer build -q --data "$0/data" --cities500 "$0/cities500-mini.txt" --add "$1/gn.tsv" --add "$1/os.tsv" -o "$1/g.bin"' "$F" "$TMP"
ok build-reproducible sh -c '"$RASD" gazetteer build -q --data "$0/data" --cities500 "$0/cities500-mini.txt" --add "$1/gn.tsv" --add "$1/os.tsv" -o "$1/g2.bin" && cmp -s "$1/g.bin" "$1/g2.bin"' "$F" "$TMP"
ok build-bad-row sh -c '"$RASD" gazetteer build --data "$0/bad" -o "$1/bad.bin" 2>"$1/e"; [ $? -eq 3 ] && grep -q "bad/geo/places.tsv:3: error" "$1/e" && [ ! -e "$1/bad.bin" ]' "$F" "$TMP"

# lookup / info / names
ok lookup sh -c '"$RASD" gazetteer lookup --gazetteer "$0/g.bin" "أبو كمال" > "$0/l.json"' "$TMP"
ok lookup-fields contains "$TMP/l.json" '"name":"Abu Kamal","name_ar":"البوكمال","country":"SYR","admin1":"Deir ez-Zor"'
ok lookup-geonameid contains "$TMP/l.json" '"geonameid":174448'
ok lookup-import sh -c '"$RASD" gazetteer lookup --gazetteer "$0/g.bin" المثال | grep -q "\"source\":\"import\""' "$TMP"
ok lookup-missing sh -c '"$RASD" gazetteer lookup --gazetteer "$0/g.bin" لاشيء >/dev/null 2>&1; [ $? -eq 1 ]' "$TMP"
ok info sh -c '"$RASD" gazetteer info --gazetteer "$0/g.bin" | grep -q "\"geonames\":true"' "$TMP"
ok names sh -c '"$RASD" gazetteer names --gazetteer "$0/g.bin" | grep -q "^بوكمال	"' "$TMP"
ok corrupt sh -c 'head -c 100 "$0/g.bin" > "$0/c.bin"; "$RASD" gazetteer info --gazetteer "$0/c.bin" 2>/dev/null; [ $? -eq 3 ]' "$TMP"

# annotate shows resolved and unresolved places (with the test gazetteer)
printf '%s\n' '{"id":"g1","date":"2021-05-01","text":"وقالت مصادر محلية إن اشتباكات اندلعت في مدينة البوكمال وفي وادي التجربة، كما قصفت الطائرات قرية كفرحلوة."}' > "$TMP/a.jsonl"
ok annotate sh -c 'RASD_GAZETTEER="$0/g.bin" "$RASD" annotate -q "$0/a.jsonl" > "$0/a.out"' "$TMP"
ok annotate-resolved contains "$TMP/a.out" '"text":"البوكمال","resolved":true,"name":"Abu Kamal","name_ar":"البوكمال","country":"SYR","admin1":"Deir ez-Zor","admin2":null,"lat":34.45226,"lon":40.91854,"geo_precision":1,"geonameid":174448'
ok annotate-region contains "$TMP/a.out" '"text":"وادي التجربة","resolved":true,"name":"Test Valley"'
ok annotate-unresolved contains "$TMP/a.out" '"text":"كفرحلوة","resolved":false'

# the project's own gazetteer (whatever sources this machine has)
ok default-gazetteer sh -c '"$RASD" gazetteer lookup "دير الزور" | grep -q "\"country\":\"SYR\""'
ok curated-only sh -c 'RASD_GAZETTEER=- "$RASD" gazetteer info | grep -q "curated, in memory"'
finish
