# tests/cli/test_input.sh -- bad and odd input never crashes the reader and
# never loses the rest: bad JSON, bad UTF-8, empty and huge articles, NUL
# bytes, CRLF, gzip, directories, stdin, HTML clutter, --strict, I/O errors.
. tests/cli/lib.sh
FIX=tests/fixtures/input

# run: annotate with args; stdout in $TMP/out, stderr in $TMP/err, status in $rc
run() { "$RASD" annotate "$@" > "$TMP/out" 2> "$TMP/err"; rc=$?; }
lines() { [ "$(wc -l < "$1" | tr -d ' ')" -eq "$2" ] || { echo "  $1 has $(wc -l < "$1") lines, expected $2"; return 1; }; }
no_crash() { ! grep -qE 'Sanitizer|runtime error|Segmentation|Aborted|core dumped' "$TMP/err" || { cat "$TMP/err"; return 1; }; }
ids() { grep -o '"article_id":"[^"]*"' "$TMP/out" | sed 's/"article_id":"\(.*\)"/\1/' | tr '\n' ' '; }
has_ids() { [ "$(ids)" = "$1" ] || { echo "  ids '$(ids)', expected '$1'"; return 1; }; }

A1='{"id":"a1","date":"2021-05-01","text":"قصفت طائرات حربية بلدة كفرنبل جنوبي إدلب. وقتل مدنيان."}'
A2='{"id":"a2","text":"اعتقلت قوات الأمن ثلاثة شبان في درعا."}'
A3='{"id":"a3","text":"انفجرت عبوة ناسفة في سوق مدينة الباب."}'

# -- an invalid JSON line in the middle: named file:line, the rest goes on
printf '%s\n%s\n%s\n' "$A1" '{"id":"x", "text": "بلا نهاية' "$A2" > "$TMP/mid.jsonl"
run "$TMP/mid.jsonl"
ok "bad json: exit 1" [ $rc -eq 1 ]
ok "bad json: file:line named" contains "$TMP/err" "mid.jsonl:2: error: invalid JSON"
ok "bad json: both neighbours coded" has_ids "a1 a2 "

# -- --strict stops at the first bad record
printf '%s\n%s\n%s\n' "$A1" 'not json at all' "$A2" > "$TMP/strict.jsonl"
run --strict "$TMP/strict.jsonl"
ok "strict: exit 1" [ $rc -eq 1 ]
ok "strict: stops before the next line" has_ids "a1 "
ok "strict: names the line" contains "$TMP/err" "strict.jsonl:2:"

# -- invalid UTF-8 in "text" (a lone continuation byte, an overlong)
printf '%s\n{"id":"u1","text":"\331\202\330\252\331\204 \200 \300\257"}\n%s\n' "$A1" "$A2" > "$TMP/utf.jsonl"
run "$TMP/utf.jsonl"
ok "bad utf-8: exit 1" [ $rc -eq 1 ]
ok "bad utf-8: reported with byte" contains "$TMP/err" "utf.jsonl:2: error: invalid UTF-8 in text at byte 7"
ok "bad utf-8: article id given" contains "$TMP/err" "(article u1)"
ok "bad utf-8: rest coded" has_ids "a1 a2 "
ok "bad utf-8: no crash" no_crash

# -- invalid UTF-8 in metadata only: replaced, record kept, output stays valid UTF-8
printf '{"id":"m\3771","title":"\330","text":"قتل شخص في حلب."}\n' > "$TMP/meta.jsonl"
run "$TMP/meta.jsonl"
ok "bad utf-8 in id: record kept" [ $rc -eq 0 ]
ok "bad utf-8 in id: U+FFFD" contains "$TMP/out" '"article_id":"m�1"'

# -- empty text, whitespace-only text, missing text field, non-object JSON
printf '%s\n' '{"id":"e1","text":""}' '{"id":"e2","text":" \n\t "}' '{"id":"e3","title":"بلا نص"}' \
  '{"id":"e4","text":42}' '[1,2,3]' '"نص"' 'null' '{}' "$A3" > "$TMP/empty.jsonl"
run "$TMP/empty.jsonl"
ok "empty: exit 1" [ $rc -eq 1 ]
ok "empty text reported" contains "$TMP/err" "empty.jsonl:1: error: empty article"
ok "blank text reported" contains "$TMP/err" "empty.jsonl:2: error: empty article"
ok "missing text reported" contains "$TMP/err" 'empty.jsonl:3: error: record has no "text" or "html" string'
ok "number text reported" contains "$TMP/err" 'empty.jsonl:4: error: record has no "text"'
ok "array record reported" contains "$TMP/err" "empty.jsonl:5: error: a JSON Lines record must be an object"
ok "string record reported" contains "$TMP/err" "empty.jsonl:6: error: a JSON Lines record must be an object"
ok "null record reported" contains "$TMP/err" "empty.jsonl:7:"
ok "{} reported" contains "$TMP/err" "empty.jsonl:8:"
ok "only the good one coded" has_ids "a3 "

# -- an article over --max-article, and a line over the line limit
big=$(head -c 3000 /dev/zero | tr '\0' 'x')
printf '%s\n{"id":"big","text":"%s"}\n%s\n' "$A1" "$big" "$A2" > "$TMP/big.jsonl"
run --max-article 1000 "$TMP/big.jsonl"
ok "huge article: exit 1" [ $rc -eq 1 ]
ok "huge article: reported" contains "$TMP/err" "big.jsonl:2: error: article of 3000 bytes is over the 1000-byte limit"
ok "huge article: rest coded" has_ids "a1 a2 "
long=$(head -c 20000 /dev/zero | tr '\0' 'y')
printf '%s\n{"id":"long","text":"%s"}\n%s\n' "$A1" "$long" "$A2" > "$TMP/long.jsonl"
run --max-article 1000 "$TMP/long.jsonl"
ok "long line: exit 1" [ $rc -eq 1 ]
ok "long line: reported" contains "$TMP/err" "long.jsonl:2: error: line is over the 10096-byte size limit"
ok "long line: next line numbered right and coded" has_ids "a1 a2 "
printf '%s\n{"text":"%s"}\n{"text":"ok"}\n' "$A1" "$long" > "$TMP/long2.jsonl"
run --max-article 1000 "$TMP/long2.jsonl"
ok "line after a long line gets its own number" contains "$TMP/out" '"article_id":"line-3"'
run --max-article 1000 "$FIX/clutter.html" "$TMP/long.jsonl"
ok "long text file: over the limit" [ $rc -eq 1 ]
printf '%s' "$long" > "$TMP/long.txt"
run --max-article 1000 "$TMP/long.txt"
ok "long text file: reported" contains "$TMP/err" "long.txt: error: file is over the 1000-byte article limit"

# -- NUL bytes: in a JSON line, and in a text file
printf '%s\n{"id":"n1","text":"قتل@شخص"}\n%s\n' "$A1" "$A2" | tr '@' '\000' > "$TMP/nul.jsonl"
run "$TMP/nul.jsonl"
ok "NUL in line: exit 1" [ $rc -eq 1 ]
ok "NUL in line: reported with column" contains "$TMP/err" "nul.jsonl:2: error: NUL byte at column 26"
ok "NUL in line: rest coded" has_ids "a1 a2 "
printf 'قتل شخص@@@ في حلب.' | tr '@' '\000' > "$TMP/nul.txt"
run "$TMP/nul.txt" "$TMP/mid.jsonl"
ok "NUL in text file: reported" contains "$TMP/err" "nul.txt: error: NUL byte at byte 13"
ok "NUL in text file: next file read" contains "$TMP/out" '"article_id":"a2"'

# -- CRLF line endings: JSON Lines records, and a text file kept byte for byte
printf '%s\r\n%s\r\n\r\n%s\r\n' "$A1" "$A2" "$A3" > "$TMP/crlf.jsonl"
run "$TMP/crlf.jsonl"
ok "crlf jsonl: exit 0" [ $rc -eq 0 ]
ok "crlf jsonl: three articles" has_ids "a1 a2 a3 "
printf 'قتل شخص في حلب.\r\nوأصيب آخر.\r\n' > "$TMP/crlf.txt"
run "$TMP/crlf.txt"
ok "crlf text: second sentence span after the CR LF" contains "$TMP/out" '{"span":[28,46],"text":"وأصيب آخر."}'

# -- a UTF-8 byte-order mark before JSON Lines and before a text file
printf '\357\273\277%s\n%s\n' "$A1" "$A2" > "$TMP/bom.jsonl"
run "$TMP/bom.jsonl"
ok "bom jsonl: read" has_ids "a1 a2 "
printf '\357\273\277قتل شخص في حلب.' > "$TMP/bom.txt"
run "$TMP/bom.txt"
ok "bom text: not part of the text" contains "$TMP/out" '{"span":[0,26],"text":"قتل شخص في حلب."}'

# -- gzip input, and a corrupt gzip
printf '%s\n%s\n' "$A1" "$A2" | gzip -c > "$TMP/in.jsonl.gz"
run "$TMP/in.jsonl.gz"
ok "gz: exit 0" [ $rc -eq 0 ]
ok "gz: both read" has_ids "a1 a2 "
for i in 1 2 3 4 5 6 7 8; do printf '%s\n%s\n' "$A1" "$A2"; done | gzip -c > "$TMP/t.gz"
head -c $(( $(wc -c < "$TMP/t.gz") - 30 )) "$TMP/t.gz" > "$TMP/trunc.jsonl.gz"
run "$TMP/trunc.jsonl.gz"
ok "truncated gz: I/O error, exit 4" [ $rc -eq 4 ]
ok "truncated gz: reported" contains "$TMP/err" "error: read error: unexpected end of file; rest of the file skipped"
ok "truncated gz: complete lines kept" contains "$TMP/out" "\"article_id\":\"a1\""
run "$TMP/trunc.jsonl.gz" "$TMP/in.jsonl.gz"
ok "truncated gz: next file still read" contains "$TMP/out" '"article_id":"a2"'
ok "truncated gz: no crash" no_crash

# -- a directory of .html/.txt (and .jsonl) files, walked in sorted order
mkdir -p "$TMP/dir/sub"
cp "$FIX/clutter.html" "$TMP/dir/b-page.html"
printf 'اعتقلت الشرطة خمسة أشخاص في بغداد.\n' > "$TMP/dir/a-khabar.txt"
printf '%s\n' "$A3" > "$TMP/dir/sub/c.jsonl"
printf 'ignored' > "$TMP/dir/notes.md"
run "$TMP/dir"
ok "dir: exit 0" [ $rc -eq 0 ]
ok "dir: txt, html, then the subdirectory" has_ids "a-khabar.txt b-page.html a3 "

# -- stdin: a plain-text article, JSON Lines, and an empty stream
printf 'قصفت مدفعية النظام قرية في ريف حماة.\n' | "$RASD" annotate > "$TMP/out" 2> "$TMP/err"; rc=$?
ok "stdin text: exit 0" [ $rc -eq 0 ]
ok "stdin text: id <stdin>" contains "$TMP/out" '"article_id":"<stdin>"'
printf '%s\n%s\n' "$A1" "$A2" | "$RASD" annotate - > "$TMP/out" 2> "$TMP/err"; rc=$?
ok "stdin jsonl" has_ids "a1 a2 "
printf '' | "$RASD" annotate > "$TMP/out" 2> "$TMP/err"; rc=$?
ok "stdin empty: exit 0, no output" sh -c "[ $rc -eq 0 ] && [ ! -s '$TMP/out' ]"
printf '<html><body><p>قتل شخص في حلب اليوم.</p></body></html>' | "$RASD" annotate > "$TMP/out" 2> "$TMP/err"
ok "stdin html: tags gone" contains "$TMP/out" '"text":"قتل شخص في حلب اليوم."'

# -- an HTML file with clutter: only the article text is kept
run "$FIX/clutter.html"
ok "html: exit 0" [ $rc -eq 0 ]
ok "html: headline kept" contains "$TMP/out" '"text":"قصف على بلدة كفرنبل"'
ok "html: entities and nbsp decoded" contains "$TMP/out" 'قُتل ثلاثة مدنيين وأصيب خمسة آخرون، اليوم الأحد'
for junk in '+A' 'حجم الخط' 'التغطية الحية' 'icon' 'طباعة' 'شارك' 'فيسبوك' 'خبر آخر لا علاقة له' 'تعليق من قارئ' \
  'إعلان' 'الأكثر قراءة' 'جميع الحقوق' 'لا تظهر' 'color' 'الرئيسية'; do
  ok "html: drops '$junk'" lacks "$TMP/out" "$junk"
done
# the same clutter in plain text is kept as given (spans index the input)
printf 'حجم الخط\n+A\nقتل شخص في حلب.\n' > "$TMP/clutter.txt"
run "$TMP/clutter.txt"
ok "text: clutter kept as given" contains "$TMP/out" '"text":"حجم الخط"'
# "html" in a JSON record goes through the same extraction
printf '{"id":"h1","html":"<p>شارك</p><p>قتل شخص في حلب.</p><script>x()</script>"}\n' > "$TMP/h.jsonl"
run "$TMP/h.jsonl"
ok "json html: extracted" contains "$TMP/out" '"sentences":[{"span":[0,26],"text":"قتل شخص في حلب."}]'

# -- a file that does not exist: exit 4 with a message, other files still read
run "$TMP/nope.jsonl" "$TMP/mid.jsonl"
ok "missing file: named" contains "$TMP/err" "nope.jsonl: error: cannot open: No such file or directory"
run "$TMP/nope.jsonl"
ok "missing file: exit 4" [ $rc -eq 4 ]

# -- writing into a closed pipe ends quietly (SIGPIPE or exit 4), never a crash
for i in $(seq 1 300); do echo "$A1"; done > "$TMP/many.jsonl"
sh -c "'$RASD' annotate '$TMP/many.jsonl' 2> '$TMP/err' | head -c 10 > '$TMP/out'"
ok "closed stdout: 10 bytes read" [ "$(wc -c < "$TMP/out" | tr -d ' ')" -eq 10 ]
ok "closed stdout: no crash" no_crash
"$RASD" annotate "$TMP/many.jsonl" 2> "$TMP/err" | head -c 10 > /dev/null
ok "closed stdout: nothing alarming on stderr" sh -c "! grep -qiE 'sanitizer|segmentation|abort' '$TMP/err'"
finish
