/*
** tests/unit/test_uni.c -- Unicode layer: validation, the folded key, tokens, clitics, stems.
*/
#include "../../src/text/text.h"
#include "../../src/text/uni.h"
#include "test.h"

static const char *key(const char *s) {
  static char out[512];
  size_t n = rasd_uni_key(s, strlen(s), out);
  out[n] = 0;
  return out;
}

TEST(uni_key_folds_alef_ya_ta_marbuta_and_tashkeel) {
  CHECK_STR(key("أحمد"), "احمد");
  CHECK_STR(key("إدلب"), "ادلب");
  CHECK_STR(key("آب"), "اب");
  CHECK_STR(key("مستشفى"), "مستشفي");
  CHECK_STR(key("مدينة"), "مدينه");
  CHECK_STR(key("عنصراً"), "عنصرا");
  CHECK_STR(key("الروسيّة"), "الروسيه");
  CHECK_STR(key("مِن"), "من");
  CHECK_STR(key("قـــوات"), "قوات");
  CHECK_STR(key("Getty"), "getty");
}

TEST(uni_key_reads_arabic_indic_and_persian_digits) {
  CHECK_STR(key("١٥٠"), "150");
  CHECK_STR(key("۲۰۰"), "200");
}

TEST(uni_key_applies_nfkc_to_presentation_forms) {
  /* U+FEDF U+FEE0 ... : "لا" ligature U+FEFB -> ل ا */
  CHECK_STR(key("\xef\xbb\xbb"), "لا");
  /* U+FE8D ALEF isolated form */
  CHECK_STR(key("\xef\xba\x8d"), "ا");
}

TEST(uni_key_of_long_ligatures_stays_within_bound) {
  /* ten U+FDFA (a whole formula each): the key may not exceed 3n+8 bytes */
  char in[64], out[3 * 30 + 8 + 64];
  for (int i = 0; i < 10; i++) memcpy(in + 3 * i, "\xef\xb7\xba", 3);
  memset(out, 0x55, sizeof out);
  size_t n = rasd_uni_key(in, 30, out);
  CHECK(n <= 3 * 30 + 8);
  CHECK((unsigned char)out[3 * 30 + 8] == 0x55);
  CHECK_INT(rasd_uni_invalid_at(out, n), 0);
}

TEST(uni_validation_finds_bad_bytes) {
  CHECK_INT(rasd_uni_invalid_at("دير الزور", strlen("دير الزور")), 0);
  CHECK_INT(rasd_uni_invalid_at("ab\xff", 3), 3);
  CHECK_INT(rasd_uni_invalid_at("\xd8", 1), 1);         /* truncated */
  CHECK_INT(rasd_uni_invalid_at("\xc0\xaf", 2), 1);     /* overlong */
  CHECK_INT(rasd_uni_invalid_at("\xed\xa0\x80", 3), 1); /* surrogate */
}

/* The reference: one code point at a time (rasd_uni_decode). */
static size_t invalid_at_slow(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t at = i;
    if (rasd_uni_decode(s, n, &i) < 0) return at + 1;
  }
  return 0;
}

TEST(uni_validation_agrees_with_decoding_on_mixed_text) {
  /* Arabic and ASCII with one bad or unusual piece put at every offset
  ** (the fast path works eight bytes at a time, a lead byte may end a block) */
  static const char *const pieces[] = {"\xc0\xaf", "\xc1", "\xd8", "\x80", "\xe2\x80\x9c", "\xe2\x80", "\xf0\x9f\x98\x80",
                                       "\xf5\x80", "\xed\xa0\x80", "\xc2\xa0", "\xdf\xbf", "\xff", "a"};
  const char *base = "قال مصدر ان 150 عنصرا وصلوا الي دير الزور amid fighting";
  size_t bn = strlen(base), bad = 0;
  char buf[256];
  for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++)
    for (size_t at = 0; at <= 24; at++) {
      size_t pn = strlen(pieces[p]);
      memcpy(buf, base, at);
      memcpy(buf + at, pieces[p], pn);
      memcpy(buf + at + pn, base + at, bn - at);
      size_t n = bn + pn;
      for (size_t cut = n - 9; cut <= n; cut++) bad += rasd_uni_invalid_at(buf, cut) != invalid_at_slow(buf, cut);
    }
  CHECK_INT(bad, 0);
  CHECK_INT(rasd_uni_invalid_at("\xd8\xa7\xd9\x84\xd9\x82\xd8\xaa\xd9\x84\xc0\x80", 12), 11); /* overlong after 8 good bytes */
}

TEST(tokens_have_spans_keys_and_numbers) {
  rasd_doc *d = t_doc("أرسلت الميليشيا ١٥٠ عنصراً إلى المدينة.", NULL, 0);
  CHECK_INT(d->ntoks, 7);
  CHECK_STR(t_span(d->toks[0].start, d->toks[0].end), "أرسلت");
  CHECK(rasd_tok_is(d, 0, "ارسلت"));
  CHECK_INT(d->toks[2].kind, RASD_TOK_NUM);
  CHECK(d->toks[2].num == 150);
  CHECK_INT(d->toks[6].kind, RASD_TOK_PUNCT);
}

TEST(numbers_with_separators_are_one_token) {
  rasd_doc *d = t_doc("في 2021.05.01 قتل 1,500 شخص و2.5 مليون", NULL, 0);
  CHECK_STR(t_span(d->toks[1].start, d->toks[1].end), "2021.05.01");
  CHECK(d->toks[1].num == 2021);
  CHECK(d->toks[3].num == 1500);
  /* و2.5: the conjunction is its own word token */
  CHECK(d->toks[6].num == 2.5);
}

TEST(sentences_split_on_final_punctuation_and_lines_not_numbers) {
  rasd_doc *d = t_doc("قصفت الطائرات البلدة. وقتل مدنيان؟ نعم\nعنوان آخر\nقال د. أحمد إن الموعد 2021.05.01 ثابت.", NULL, 0);
  CHECK_INT(d->nsents, 5);
  CHECK_STR(t_span(d->sents[0].start, d->sents[0].end), "قصفت الطائرات البلدة.");
  CHECK_STR(t_span(d->sents[1].start, d->sents[1].end), "وقتل مدنيان؟");
  CHECK_STR(t_span(d->sents[4].start, d->sents[4].end), "قال د. أحمد إن الموعد 2021.05.01 ثابت.");
  CHECK(d->sents[3].is_title);
}

TEST(sentence_keeps_closing_quote) {
  rasd_doc *d = t_doc("قال المتحدث \"انتهت المعركة.\" ثم غادر.", NULL, 0);
  CHECK_INT(d->nsents, 2);
  CHECK_STR(t_span(d->sents[0].start, d->sents[0].end), "قال المتحدث \"انتهت المعركة.\"");
}

static int has_form(const rasd_doc *d, uint32_t i, const char *want) {
  rasd_form f[RASD_MAX_FORMS];
  int n = rasd_tok_forms(d, i, f);
  for (int k = 0; k < n; k++)
    if (f[k].n == strlen(want) && !memcmp(f[k].p, want, f[k].n)) return 1;
  return 0;
}

TEST(clitic_forms_strip_proclitics_and_article) {
  rasd_doc *d = t_doc("وبالبوكمال للبوكمال والميادين قواتها سيقصفون", NULL, 0);
  CHECK(has_form(d, 0, "بوكمال"));
  CHECK(has_form(d, 0, "البوكمال"));
  CHECK(has_form(d, 1, "بوكمال"));
  CHECK(has_form(d, 2, "ميادين"));
  CHECK(has_form(d, 3, "قوات"));
  CHECK(has_form(d, 4, "يقصفون"));
  CHECK(!has_form(d, 2, "ين"));
}

TEST(stems_match_across_clitics) {
  rasd_doc *d = t_doc("وبالبوكمال البوكمال", NULL, 0);
  uint32_t n1, n2;
  const char *s1 = rasd_tok_stem(d, 0, &n1), *s2 = rasd_tok_stem(d, 1, &n2);
  CHECK(n1 == n2 && !memcmp(s1, s2, n1));
}

TEST(calendar_roundtrip_and_weekday) {
  int32_t z = rasd_days_from_civil(2021, 5, 1);
  int y, m, dd;
  rasd_civil_from_days(z, &y, &m, &dd);
  CHECK_INT(y, 2021); CHECK_INT(m, 5); CHECK_INT(dd, 1);
  CHECK_INT(rasd_weekday(z), 6); /* Saturday */
  int32_t p;
  CHECK(rasd_day_parse("2015-07-21 02:51:32", &p));
  CHECK(!rasd_day_parse("2015-02-30", &p));
}
