/*
** tests/unit/test_seed_text.c -- the text layer end to end on the team's seed
** article (../shared/seed/syria-tv-2021-05-01.txt, read at test time, never
** copied into the repo): publication day from the dateline, the article's
** dates and its counts.  Skipped when ../shared is absent.
*/
#include <stdlib.h>

#include "../../src/text/text.h"
#include "test.h"

#define SEED SHARED_DIR "/seed/syria-tv-2021-05-01.txt"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (n + 1 == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); buf = NULL; }
      else buf = nb;
    }
  }
  fclose(f);
  if (buf) buf[n] = 0;
  return buf;
}

static const rasd_date *date_at(const rasd_doc *d, const char *s) {
  for (uint32_t i = 0; i < d->ndates; i++)
    if (strstr(t_span(d->dates[i].start, d->dates[i].end), s)) return &d->dates[i];
  return NULL;
}
static const rasd_number *num_at(const rasd_doc *d, const char *s) {
  for (uint32_t i = 0; i < d->nnums; i++)
    if (!strcmp(t_span(d->nums[i].start, d->nums[i].end), s)) return &d->nums[i];
  return NULL;
}
static int32_t day(const char *s) {
  int32_t z = RASD_NO_DAY;
  rasd_day_parse(s, &z);
  return z;
}

TEST(seed_text_dates_and_numbers) {
  if (!t_have_shared("seed_text")) return;
  char *text = slurp(SEED);
  CHECK(text != NULL);
  if (!text) return;
  rasd_doc *d = t_doc(text, NULL, 0);
  /* publication day from the dateline "2021.05.01 | 13:31 دمشق" */
  CHECK(d->pub_day == day("2021-05-01"));
  CHECK(d->pub_from_dateline);
  CHECK(strstr(t_span(d->dateline_start, d->dateline_end), "2021.05.01") != NULL);

  const rasd_date *t = date_at(d, "أمس الجمعة");
  CHECK(t && t->day == day("2021-04-30") && t->prec == RASD_PREC_DAY && t->relative);
  t = date_at(d, "صباح اليوم السبت");
  CHECK(t && t->day == day("2021-05-01") && t->prec == RASD_PREC_DAY);
  t = date_at(d, "اليوم السبت");
  CHECK(t && t->day == day("2021-05-01"));
  t = date_at(d, "18 آب 2020");
  CHECK(t && t->day == day("2020-08-18") && t->prec == RASD_PREC_DAY && !t->relative);
  t = date_at(d, "مطلع العام");
  CHECK(t && t->prec == RASD_PREC_RANGE && t->day == day("2021-01-01") && t->day_end == day("2021-05-01"));
  t = date_at(d, "الشهور الأخيرة");
  CHECK(t && t->prec == RASD_PREC_RANGE && t->day == day("2020-09-01") && t->day_end == day("2020-12-31"));

  const rasd_number *n = num_at(d, "قرابة 150 عنصراً");
  CHECK(n && n->value == 150 && n->qual == RASD_Q_APPROX);
  if (n) CHECK_STR(n->unit, "fighters");
  n = num_at(d, "ما لا يقل عن مئة قتيل");
  CHECK(n && n->value == 100 && n->qual == RASD_Q_AT_LEAST);
  if (n) CHECK_STR(n->unit, "killed");
  n = num_at(d, "200 عنصر");
  CHECK(n && n->value == 200 && n->qual == RASD_Q_EXACT);
  n = num_at(d, "10 سيارات");
  CHECK(n && n->value == 10);
  if (n) CHECK_STR(n->unit, "vehicles");
  /* no count from the dateline, the time or the dates */
  for (uint32_t i = 0; i < d->nnums; i++) {
    CHECK(d->nums[i].value != 2021 && d->nums[i].value != 13 && d->nums[i].value != 18 && d->nums[i].value != 2020);
  }
  CHECK_INT(d->nnums, 4);
  t_doc("", NULL, 0); /* the document points into text */
  free(text);
}
