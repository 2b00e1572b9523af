# tests/cli/test_code.sh -- `rasd code`: help, --explain, user lexicons, exit codes, the seed article.
. tests/cli/lib.sh

ok "code --help names --explain" sh -c "'$RASD' code --help | grep -q -- '--explain'"
ok "code --help tells the lexicon file kinds" sh -c "'$RASD' code --help | grep -q 'trigger'"
ok "code --help exit codes" sh -c "'$RASD' code --help | grep -q 'Exit status'"
ok "code unknown option: exit 2" sh -c "'$RASD' code --frob </dev/null 2>'$TMP/e'; [ \$? -eq 2 ] && grep -q frob '$TMP/e'"

printf '%s\n' '{"id":"k1","date":"2021-04-30","text":"قصفت طائرات حربية بلدة كفرنبل في ريف إدلب أمس، ما أدى إلى مقتل 4 مدنيين وإصابة 7 آخرين."}' \
  '{"id":"k2","date":"2021-04-30","text":"لم تقصف الطائرات مدينة حلب أمس."}' > "$TMP/in.jsonl"
"$RASD" code "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
ok "code: exit 0" [ $rc -eq 0 ]
ok "code: one event (the negated one is not coded)" [ "$(wc -l < "$TMP/out")" -eq 1 ]
ok "code: PLOVER category" contains "$TMP/out" '"event":"ASSAULT"'
ok "code: record id" contains "$TMP/out" '"id":"k1-1"'
ok "code: article id" contains "$TMP/out" '"article_id":"k1"'
ok "code: dead" contains "$TMP/out" '"dead":4'
ok "code: injured" contains "$TMP/out" '"injured":7'
ok "code: date from أمس" contains "$TMP/out" '"date":"2021-04-29","date_precision":"day"'
ok "code: trigger span" contains "$TMP/out" '"trigger":{"text":"قصفت","span":[0,8]}'
ok "code: no explain by default" lacks "$TMP/out" '"explain"'
"$RASD" code --explain "$TMP/in.jsonl" > "$TMP/outx" 2>/dev/null
ok "code --explain: lexicon row" contains "$TMP/outx" 'triggers.tsv:'
ok "code --explain: weight rule" contains "$TMP/outx" '"weight '

# a later sentence with no place or date of its own goes on with the same report
printf '%s\n' '{"id":"p1","date":"2021-04-30","text":"قتل جنود إسرائيليون شابا فلسطينيا في بلدة بيت أمر صباح اليوم. وتابع المصدر أن شقيقه أصيب بجروح ونقل إلى المستشفى."}' > "$TMP/p1.jsonl"
"$RASD" code "$TMP/p1.jsonl" > "$TMP/p1out" 2>/dev/null
ok "code: follow-up sentence merged into the report" [ "$(grep -c '"event":"ASSAULT"' "$TMP/p1out")" -eq 1 ]

# a user trigger lexicon (the name holds "trigger") adds a verb without a rebuild
printf 'اقتحم\tCOERCE\traid\tStrategic developments\tArrests\tverb,stem\n' > "$TMP/my-triggers.tsv"
printf '%s\n' '{"id":"u1","date":"2021-04-30","text":"اقتحمت قوات الأمن بلدة الحراك صباح اليوم واعتقلت 9 أشخاص."}' > "$TMP/u.jsonl"
"$RASD" code --explain --lexicon "$TMP/my-triggers.tsv" "$TMP/u.jsonl" > "$TMP/uout" 2>/dev/null
ok "user trigger lexicon used" contains "$TMP/uout" 'my-triggers.tsv:1'
printf 'اقتحم\tRAID\t-\t-\t-\tverb\n' > "$TMP/bad-triggers.tsv"
"$RASD" code --lexicon "$TMP/bad-triggers.tsv" "$TMP/u.jsonl" > /dev/null 2> "$TMP/lerr"; rc=$?
ok "bad lexicon row: exit 3" [ $rc -eq 3 ]
ok "bad lexicon row: file:line" contains "$TMP/lerr" 'bad-triggers.tsv:1'
"$RASD" code --lexicon "$TMP/missing-triggers.tsv" "$TMP/u.jsonl" > /dev/null 2>&1; rc=$?
ok "missing lexicon file: exit 4" [ $rc -eq 4 ]

# the seed article: news and history apart
if have_shared "the seed article"; then
  "$RASD" code ../shared/seed/syria-tv-2021-05-01.txt > "$TMP/seed" 2>/dev/null
  ok "seed: MOBILIZE of 150 fighters" contains "$TMP/seed" '"size":{"n":150,"unit":"fighters","approx":true}'
  ok "seed: the seizure of 10 vehicles" contains "$TMP/seed" '"size":{"n":10,"unit":"vehicles","approx":false}'
  ok "seed: background events" contains "$TMP/seed" '"background":true'
fi
finish
