/*
** tests/unit/test_input.c -- the input stage: JSON Lines records, HTML
** main-text extraction, and the reader over files (CRLF, BOM, NUL bytes,
** long lines, gzip, sniffing).
*/
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/input/reader.h"
#include "test.h"

static rasd_arena ta;
static rasd_article tart;
static rasd_diag tdiag;

static rasd_rc parse(const char *line, size_t max) {
  rasd_arena_reset(&ta);
  memset(&tdiag, 0, sizeof tdiag);
  return rasd_in_parse_json(line, strlen(line), "t.jsonl", 7, max ? max : 1 << 20, &ta, &tart, &tdiag);
}

/* Extracted text of an HTML page (static copy), title in *title. */
static const char *html(const char *page, const char **title) {
  static char out[4096];
  char *t, *ti = NULL;
  size_t n;
  rasd_arena_reset(&ta);
  if (rasd_in_html_text(page, strlen(page), &ta, &t, &n, &ti) != RASD_OK) return "(error)";
  snprintf(out, sizeof out, "%.*s", (int)n, t);
  if (title) *title = ti;
  return out;
}

/* ---- JSON Lines records ------------------------------------------------ */

TEST(json_fields_read) {
  CHECK_INT(parse("{\"id\":\"a1\",\"date\":\"2021-05-01\",\"url\":\"u\",\"outlet\":\"o\",\"title\":\"قصف\","
                  "\"text\":\"قتل شخص في حلب.\",\"other\":[1,2]}", 0), RASD_OK);
  CHECK_STR(tart.id, "a1");
  CHECK_STR(tart.date, "2021-05-01");
  CHECK_STR(tart.title, "قصف");
  CHECK_STR(tart.outlet, "o");
  CHECK_STR(tart.text, "قتل شخص في حلب.");
  CHECK_INT(tart.text_len, strlen("قتل شخص في حلب."));
  CHECK_INT(tart.line, 7);
}

TEST(json_id_number_and_default) {
  CHECK_INT(parse("{\"id\":42,\"text\":\"نص\"}", 0), RASD_OK);
  CHECK_STR(tart.id, "42");
  CHECK_INT(parse("{\"text\":\"نص\"}", 0), RASD_OK);
  CHECK_STR(tart.id, "line-7");
  CHECK_INT(parse("{\"id\":\"\",\"published\":\"2020-02-02\",\"text\":\"نص\"}", 0), RASD_OK);
  CHECK_STR(tart.id, "line-7");
  CHECK_STR(tart.date, "2020-02-02");
}

TEST(json_escapes_decoded_text_kept_exact) {
  CHECK_INT(parse("{\"text\":\"\\u0642\\u062a\\u0644 \\\"\\u0634\\u062e\\u0635\\\"\\r\\n\\ud83d\\ude00\"}", 0), RASD_OK);
  CHECK_STR(tart.text, "قتل \"شخص\"\r\n😀");
  /* clutter in JSON text is kept as given: spans index the input text */
  CHECK_INT(parse("{\"text\":\"حجم الخط\\n+A\\nقتل شخص.\"}", 0), RASD_OK);
  CHECK_STR(tart.text, "حجم الخط\n+A\nقتل شخص.");
}

TEST(json_bad_records_reported) {
  CHECK_INT(parse("{\"id\":\"x\",\"text\":\"بلا نهاية", 0), RASD_BADJSON);
  CHECK(strstr(tdiag.msg, "invalid JSON near column") != NULL);
  CHECK_INT(tdiag.line, 7);
  CHECK_INT(parse("[1,2]", 0), RASD_BADJSON);
  CHECK(strstr(tdiag.msg, "must be an object") != NULL);
  CHECK_INT(parse("\"نص\"", 0), RASD_BADJSON);
  CHECK_INT(parse("{\"id\":\"b\",\"title\":\"t\"}", 0), RASD_BADINPUT);
  CHECK_STR(tdiag.id, "b");
  CHECK_INT(parse("{\"text\":7}", 0), RASD_BADINPUT);
  CHECK_INT(parse("{\"text\":\"\"}", 0), RASD_EMPTY);
  CHECK_INT(parse("{\"text\":\" \\n\\t \"}", 0), RASD_EMPTY);
}

TEST(json_bad_utf8_text_rejected_metadata_repaired) {
  CHECK_INT(parse("{\"id\":\"u\",\"text\":\"\xd9\x82\xd8\xaa \x80\"}", 0), RASD_BADUTF8);
  CHECK(strstr(tdiag.msg, "at byte 5") != NULL);
  CHECK_INT(parse("{\"text\":\"\xc0\xaf\"}", 0), RASD_BADUTF8);         /* overlong '/' */
  CHECK_INT(parse("{\"text\":\"\xed\xa0\x80\"}", 0), RASD_BADUTF8);     /* surrogate */
  CHECK_INT(parse("{\"id\":\"m\xff\",\"title\":\"\xd8\",\"text\":\"نص\"}", 0), RASD_OK);
  CHECK_STR(tart.id, "m\xef\xbf\xbd");
  CHECK_STR(tart.title, "\xef\xbf\xbd");
}

TEST(json_size_limit) {
  CHECK_INT(parse("{\"text\":\"1234567890\"}", 10), RASD_OK);
  CHECK_INT(parse("{\"text\":\"12345678901\"}", 10), RASD_TOOBIG);
  CHECK(strstr(tdiag.msg, "11 bytes is over the 10-byte limit") != NULL);
}

TEST(json_html_field_extracted) {
  CHECK_INT(parse("{\"title\":\"من الإدخال\",\"html\":\"<title>عنوان</title><p>شارك</p><p>قتل شخص في حلب.</p>\"}", 0),
            RASD_OK);
  CHECK_STR(tart.text, "قتل شخص في حلب.");
  CHECK_STR(tart.title, "من الإدخال");
  CHECK_INT(parse("{\"html\":\"<script>x()</script><p>+A</p>\"}", 0), RASD_EMPTY);
}

/* ---- HTML -------------------------------------------------------------- */

TEST(html_blocks_become_lines_whitespace_collapsed) {
  CHECK_STR(html("<div>قصف   مدفعي\n\t على <b>بلدة</b></div><p>وقتل&nbsp;شخص<br>وأصيب آخر</p><ul><li>أ</li><li>ب</li></ul>",
                 NULL),
            "قصف مدفعي على بلدة\nوقتل شخص\nوأصيب آخر\nأ\nب");
}

TEST(html_entities_decoded) {
  CHECK_STR(html("<p>&#1602;&#x62A;&#1604; &amp; &lt;b&gt; &quot;x&quot;</p>", NULL), "قتل & <b> \"x\"");
}

TEST(html_furniture_dropped) {
  const char *t = html("<body><nav>الرئيسية</nav><div class=\"post-share-bar\">فيسبوك</div>"
                       "<div id=\"comments-area\">تعليق</div><div class=\"ad\">إعلان</div>"
                       "<div class=\"head-line\">عنوان فرعي</div><p>قتل شخص.</p><aside>جانبي</aside>"
                       "<script>var a='نص';</script><style>p{}</style><form><button>أرسل</button></form></body>", NULL);
  CHECK_STR(t, "عنوان فرعي\nقتل شخص.");
}

TEST(html_layout_modifier_classes_keep_content) {
  CHECK_STR(html("<div class=\"container has-sidebar with-comments\"><p>قتل شخص.</p></div>"
                 "<div class=\"widget sidebar\">جانبي</div><div class=\"x no-ads\"><p>وأصيب آخر.</p></div>", NULL),
            "قتل شخص.\nوأصيب آخر.");
}

TEST(html_clutter_lines_dropped_only_whole) {
  CHECK_STR(html("<p>+A</p><p>حجم الخط</p><p>-A</p><p>A A A</p><p>icon</p><p>التغطية الحية</p><p>طباعة</p>"
                 "<p>شارك</p><p>شارك مئات في المظاهرة</p>", NULL),
            "شارك مئات في المظاهرة");
}

TEST(html_article_preferred) {
  const char *t = html("<body><div><p>قائمة أخبار أخرى طويلة جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا</p></div>"
                       "<article><h1>العنوان</h1><p>قتل ثلاثة مدنيين في قصف على بلدة كفرنبل جنوبي إدلب اليوم.</p>"
                       "<p>وقال الدفاع المدني إن فرقه انتشلت الجرحى.</p></article></body>", NULL);
  CHECK_STR(t, "العنوان\nقتل ثلاثة مدنيين في قصف على بلدة كفرنبل جنوبي إدلب اليوم.\nوقال الدفاع المدني إن فرقه انتشلت الجرحى.");
}

TEST(html_main_container_by_paragraph_text) {
  char page[4096];
  snprintf(page, sizeof page,
           "<body><div class=\"top\"><p>رابط</p><p>رابط آخر</p></div><div class=\"body\">%s%s%s</div>"
           "<div><p>حقوق</p></div></body>",
           "<p>أفادت مصادر محلية بأن قوات النظام قصفت بلدة كفرنبل بالمدفعية الثقيلة صباح اليوم.</p>",
           "<p>وأضافت المصادر أن القصف أسفر عن مقتل ثلاثة مدنيين وإصابة خمسة آخرين بجروح.</p>",
           "<p>ولم تعلق قوات النظام على الحادثة حتى ساعة إعداد هذا الخبر.</p>");
  const char *t = html(page, NULL);
  CHECK(strncmp(t, "أفادت مصادر", strlen("أفادت مصادر")) == 0);
  CHECK(strstr(t, "رابط") == NULL);
  CHECK(strstr(t, "حقوق") == NULL);
}

TEST(html_title_sources) {
  const char *ti = NULL;
  html("<html><head><title> قصف   على حلب </title><meta property=\"og:title\" content=\"og\"></head><p>نص</p></html>", &ti);
  CHECK_STR(ti, "قصف على حلب");
  ti = NULL;
  html("<html><head><meta property=\"og:title\" content=\"عنوان og\"></head><h1>ح</h1><p>نص</p></html>", &ti);
  CHECK_STR(ti, "عنوان og");
  ti = NULL;
  html("<h1>عنوان <i>الخبر</i></h1><p>نص</p>", &ti);
  CHECK_STR(ti, "عنوان الخبر");
  ti = "x";
  html("<p>نص</p>", &ti);
  CHECK(ti == NULL);
}

TEST(html_hostile_input_survives) {
  /* deep nesting, unclosed tags, NUL and invalid bytes: gumbo repairs, we cap depth */
  size_t n = 200000 * 5;
  char *deep = malloc(n + 16);
  for (size_t i = 0; i < n; i += 5) memcpy(deep + i, "<div>", 5);
  memcpy(deep + n, "\xd9\x86\xd8\xb5", 5);
  char *t, *ti;
  size_t tl;
  rasd_arena_reset(&ta);
  CHECK_INT(rasd_in_html_text(deep, n + 4, &ta, &t, &tl, &ti), RASD_BADINPUT); /* refused, at once */
  /* 300 levels (and any number of unclosed <p>, <li>, <br>) are fine */
  for (size_t i = 0; i < 2000; i++) memcpy(deep + 5 * i, i < 300 ? "<div>" : i & 1 ? "<p>x " : "<li>y", 5);
  memcpy(deep + 10000, "\xd9\x86\xd8\xb5", 5);
  rasd_arena_reset(&ta);
  CHECK_INT(rasd_in_html_text(deep, 10004, &ta, &t, &tl, &ti), RASD_OK);
  CHECK(tl > 0 && strstr(t, "نص") != NULL);
  free(deep);
  const char bad[] = "<p>\x80\xff\0نص<b";
  rasd_arena_reset(&ta);
  CHECK_INT(rasd_in_html_text(bad, sizeof bad - 1, &ta, &t, &tl, &ti), RASD_OK);
  CHECK(tl == strlen(t));
  CHECK_STR(html("", NULL), "");
}

/* ---- the reader over files --------------------------------------------- */

static char tdir[64];

static void tdir_remove(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tdir);
  if (system(cmd) != 0) fprintf(stderr, "  could not remove %s\n", tdir);
}

static const char *tfile(const char *name, const char *data, size_t n, int gz) {
  static char path[128];
  if (!tdir[0]) {
    snprintf(tdir, sizeof tdir, "/tmp/rasd-unit-XXXXXX");
    if (!mkdtemp(tdir)) return NULL;
    atexit(tdir_remove);
  }
  snprintf(path, sizeof path, "%s/%s", tdir, name);
  if (gz) {
    gzFile g = gzopen(path, "wb");
    gzwrite(g, data, (unsigned)n);
    gzclose(g);
  } else {
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
  }
  return path;
}

/* Read every record of path; writes "id|" for articles and "!rc@line|" for
** errors into a static string. */
static const char *read_all(const char *path, size_t max) {
  static char out[2048];
  out[0] = 0;
  rasd_reader *r = rasd_in_open(&path, 1, max);
  for (;;) {
    rasd_arena_reset(&ta);
    memset(&tdiag, 0, sizeof tdiag);
    rasd_rc rc = rasd_in_next(r, &ta, &tart, &tdiag);
    if (rc == RASD_NOTFOUND) break;
    size_t l = strlen(out);
    if (rc == RASD_OK) snprintf(out + l, sizeof out - l, "%s|", tart.id);
    else snprintf(out + l, sizeof out - l, "!%s@%ld|", rasd_errstr(rc), tdiag.line);
  }
  rasd_in_close(r);
  return out;
}

#define JL(id) "{\"id\":\"" id "\",\"text\":\"قتل شخص.\"}"

TEST(reader_jsonl_lines_crlf_blank_bom) {
  const char d[] = "\xef\xbb\xbf" JL("a") "\r\n\r\n  \n" JL("b") "\r\n" JL("c");
  CHECK_STR(read_all(tfile("a.jsonl", d, sizeof d - 1, 0), 0), "a|b|c|");
}

TEST(reader_bad_lines_numbered_and_skipped) {
  const char d[] = JL("a") "\nnot json\n" JL("b") "\n{\"id\":\"n\",\"text\":\"x\0y\"}\n" JL("c") "\n";
  CHECK_STR(read_all(tfile("b.jsonl", d, sizeof d - 1, 0), 0), "a|!invalid JSON@2|b|!invalid input@4|c|");
}

TEST(reader_long_line_skipped_then_next_read) {
  size_t n = 50000;
  char *d = malloc(n + 200);
  strcpy(d, JL("a") "\n{\"text\":\"");
  size_t l = strlen(d);
  memset(d + l, 'y', n);
  strcpy(d + l + n, "\"}\n" JL("b") "\n");
  /* max 1000 -> line limit 10096 */
  CHECK_STR(read_all(tfile("c.jsonl", d, strlen(d), 0), 1000), "a|!input too large@2|b|");
  /* the same with the long line last and no newline */
  d[l + n] = 0;
  CHECK_STR(read_all(tfile("c2.jsonl", d, strlen(d), 0), 1000), "a|!input too large@2|");
  free(d);
}

TEST(reader_gzip_and_truncated_gzip) {
  char d[8192] = "";
  for (int i = 0; i < 60; i++) {
    char line[128];
    snprintf(line, sizeof line, "{\"id\":\"g%d\",\"text\":\"خبر رقم %d عن قصف في مدينة %d.\"}\n", i, i * 7919, i * 31);
    strcat(d, line);
  }
  const char *p = tfile("g.jsonl.gz", d, strlen(d), 1);
  const char *all = read_all(p, 0);
  CHECK(strncmp(all, "g0|g1|g2|", 9) == 0);
  CHECK(strstr(all, "g59|") != NULL);
  /* cut the compressed file short: complete lines come, then an I/O error */
  FILE *f = fopen(p, "rb");
  char z[8192];
  size_t zn = fread(z, 1, sizeof z, f);
  fclose(f);
  const char *tr = read_all(tfile("t.jsonl.gz", z, zn - 40, 0), 0);
  CHECK(strncmp(tr, "g0|", 3) == 0);
  CHECK(strstr(tr, "!input/output error@") != NULL);
}

TEST(reader_whole_files) {
  const char txt[] = "\xef\xbb\xbfقتل شخص.\r\n";
  CHECK_STR(read_all(tfile("k.txt", txt, sizeof txt - 1, 0), 0), "k.txt|");
  rasd_reader *r;
  const char *p = tfile("k.txt", txt, sizeof txt - 1, 0);
  r = rasd_in_open(&p, 1, 0);
  rasd_arena_reset(&ta);
  CHECK_INT(rasd_in_next(r, &ta, &tart, &tdiag), RASD_OK);
  CHECK_STR(tart.text, "قتل شخص.\r\n"); /* BOM dropped, the rest byte for byte */
  rasd_in_close(r);
  const char nul[] = "قتل\0شخص";
  CHECK_STR(read_all(tfile("n.txt", nul, sizeof nul - 1, 0), 0), "!invalid input@0|");
  CHECK_STR(read_all(tfile("e.txt", " \n", 2, 0), 0), "!empty article@0|");
  CHECK_STR(read_all(tfile("e.jsonl", "", 0, 0), 0), "");
  const char bad[] = "قتل \xff";
  CHECK_STR(read_all(tfile("u.txt", bad, sizeof bad - 1, 0), 0), "!invalid UTF-8@0|");
  /* no suffix: sniffed */
  const char h[] = "  <p>شارك</p><p>قتل شخص.</p>";
  p = tfile("page", h, sizeof h - 1, 0);
  r = rasd_in_open(&p, 1, 0);
  rasd_arena_reset(&ta);
  CHECK_INT(rasd_in_next(r, &ta, &tart, &tdiag), RASD_OK);
  CHECK_STR(tart.text, "قتل شخص.");
  rasd_in_close(r);
  CHECK_STR(read_all(tfile("recs", JL("s") "\n", strlen(JL("s")) + 1, 0), 0), "s|");
  CHECK_STR(read_all(tfile("arr.json", "[1]\n", 4, 0), 0), "!invalid JSON@1|");
  CHECK_STR(read_all("/nonexistent/x.jsonl", 0), "!input/output error@0|");
}

