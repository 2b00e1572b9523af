/*
** tests/unit/test_phrase.c -- the phrase lexicon: clitic-aware longest match.
*/
#include "../../src/code/phrase.h"
#include "test.h"

static rasd_phrase_lex *lex(void) {
  rasd_phrase_lex *lx = rasd_phrase_new();
  const char *p[] = {"البوكمال", "دير الزور", "ريف دير الزور", "قوات النظام", "الدفاع الوطني", "قوات"};
  for (uint32_t i = 0; i < 6; i++) CHECK_INT(rasd_phrase_add(lx, p[i], strlen(p[i]), i, NULL), 1);
  uint32_t old = 99;
  CHECK_INT(rasd_phrase_add(lx, "البُوكمال", strlen("البُوكمال"), 7, &old), -1);
  CHECK_INT(old, 0);
  return lx;
}

TEST(phrase_matches_through_proclitics) {
  rasd_phrase_lex *lx = lex();
  rasd_doc *d = t_doc("وصلت التعزيزات وبالبوكمال ثم للبوكمال", NULL, 0);
  rasd_phrase_hit m;
  CHECK(!rasd_phrase_match(lx, d, 0, d->ntoks, 0, &m));
  CHECK(rasd_phrase_match(lx, d, 2, d->ntoks, 0, &m));
  CHECK_INT(m.value, 0);
  CHECK(m.clitics & RASD_CL_CONJ);
  CHECK(rasd_phrase_match(lx, d, 4, d->ntoks, 0, &m));
  CHECK_INT(m.value, 0);
  rasd_phrase_free(lx);
}

TEST(phrase_prefers_longest_and_skips_quotes) {
  rasd_phrase_lex *lx = lex();
  rasd_doc *d = t_doc("في ريف دير الزور الشرقي أرسلت قوات النظام وميليشيا \"الدفاع الوطني\" عناصر", NULL, 0);
  rasd_phrase_hit m;
  CHECK(rasd_phrase_match(lx, d, 1, d->ntoks, 0, &m));
  CHECK_INT(m.value, 2);
  CHECK_INT(m.tok_end - m.tok_begin, 3);
  CHECK(rasd_phrase_match(lx, d, 6, d->ntoks, 0, &m));
  CHECK_INT(m.value, 3);
  CHECK_STR(t_span(d->toks[m.tok_begin].start, d->toks[m.tok_end - 1].end), "قوات النظام");
  /* the bounded end stops a longer match */
  CHECK(rasd_phrase_match(lx, d, 6, 7, 0, &m));
  CHECK_INT(m.value, 5);
  CHECK(rasd_phrase_match(lx, d, 10, d->ntoks, 0, &m));
  CHECK_INT(m.value, 4);
  rasd_phrase_free(lx);
}

TEST(phrase_enclitic_only_when_allowed) {
  rasd_phrase_lex *lx = lex();
  rasd_doc *d = t_doc("قواتها", NULL, 0);
  rasd_phrase_hit m;
  CHECK(!rasd_phrase_match(lx, d, 0, d->ntoks, 0, &m));
  CHECK(rasd_phrase_match(lx, d, 0, d->ntoks, 1, &m));
  CHECK(m.clitics & RASD_CL_ENC);
  rasd_phrase_free(lx);
}
