/*
** tests/unit/test_number.c -- numbers: digits, number words, vague amounts,
** qualifiers, counted nouns, and what is not a count (times, dates, years).
** The sentences are written for these tests in the style of conflict reporting.
*/
#include <stdlib.h>

#include "../../src/text/text.h"
#include "test.h"

#define PUB "2021-05-01"

/* The number whose span text is exactly s, or NULL. */
static const rasd_number *num(const rasd_doc *d, const char *s) {
  for (uint32_t i = 0; i < d->nnums; i++)
    if (!strcmp(t_span(d->nums[i].start, d->nums[i].end), s)) return &d->nums[i];
  fprintf(stderr, "  no number \"%s\"; found:", s);
  for (uint32_t i = 0; i < d->nnums; i++) fprintf(stderr, " [%s]", t_span(d->nums[i].start, d->nums[i].end));
  fprintf(stderr, "\n");
  return NULL;
}

/* One number in text: its span text, value, qualifier and unit (NULL = none). */
static void one(const char *text, const char *span, double value, int qual, const char *unit) {
  rasd_doc *d = t_doc(text, PUB, 0);
  const rasd_number *n = num(d, span);
  CHECK(n != NULL);
  if (!n) return;
  if (n->value != value) {
    fprintf(stderr, "  \"%s\": value %.15g, expected %.15g\n", span, n->value, value);
    rasd_test_failed++;
  }
  CHECK_INT(n->qual, qual);
  if (unit) CHECK_STR(n->unit, unit);
  else CHECK(n->unit == NULL);
}

TEST(number_digits_with_counted_noun) {
  rasd_doc *d = t_doc("أرسلت الميليشيا 150 عنصراً إلى المدينة.", PUB, 0);
  CHECK_INT(d->nnums, 1);
  const rasd_number *n = num(d, "150 عنصراً");
  CHECK(n && n->value == 150 && n->qual == RASD_Q_EXACT && !n->vague);
  if (n) {
    CHECK_STR(n->unit, "fighters");
    CHECK_STR(t_span(n->unit_start, n->unit_end), "عنصراً");
    CHECK_STR(t_span(d->toks[n->tok_begin].start, d->toks[n->tok_end - 1].end), "150 عنصراً");
  }
}

TEST(number_arabic_indic_digits_and_separators) {
  one("قُتل ١٥ مدنياً في القصف.", "١٥ مدنياً", 15, RASD_Q_EXACT, "civilians");
  one("نزح 1,500 شخص من القرى.", "1,500 شخص", 1500, RASD_Q_EXACT, "people");
  one("فرّ 75.000 مواطن من المنطقة.", "75.000 مواطن", 75000, RASD_Q_EXACT, "people");
  one("بلغت الخسائر 2.5 مليون دولار.", "2.5 مليون", 2500000, RASD_Q_EXACT, NULL);
  one("استقبل المخيم 3 آلاف نازح.", "3 آلاف", 3000, RASD_Q_EXACT, NULL);
  one("يضم الفصيل ١٠ آلاف مقاتل.", "١٠ آلاف مقاتل", 10000, RASD_Q_EXACT, "fighters");
}

TEST(number_words_simple_and_compound) {
  one("قتل خمسة أشخاص بانفجار عبوة.", "خمسة أشخاص", 5, RASD_Q_EXACT, "people");
  one("أصيب ثلاث نساء بجروح.", "ثلاث", 3, RASD_Q_EXACT, NULL);
  one("قتل خمسة وعشرون شخصاً في الهجوم.", "خمسة وعشرون شخصاً", 25, RASD_Q_EXACT, "people");
  one("أسر المسلحون ثلاثة وأربعين جندياً.", "ثلاثة وأربعين جندياً", 43, RASD_Q_EXACT, "soldiers");
  one("قُتل أحد عشر جندياً قرب الحدود.", "أحد عشر جندياً", 11, RASD_Q_EXACT, "soldiers");
  one("اعتقلت الشرطة اثني عشر شخصاً.", "اثني عشر شخصاً", 12, RASD_Q_EXACT, "people");
  one("قتل ثلاثة عشر مدنياً.", "ثلاثة عشر مدنياً", 13, RASD_Q_EXACT, "civilians");
  one("وصلت عشرون سيارة إلى البلدة.", "عشرون سيارة", 20, RASD_Q_EXACT, "vehicles");
  one("انتشر تسعين عنصراً حول المطار.", "تسعين عنصراً", 90, RASD_Q_EXACT, "fighters");
}

TEST(number_words_hundreds_thousands_millions) {
  one("قتل مئة وخمسون مسلحاً.", "مئة وخمسون مسلحاً", 150, RASD_Q_EXACT, "fighters");
  one("نشر الجيش مائة آلية.", "مائة آلية", 100, RASD_Q_EXACT, "vehicles");
  one("دخلت مئتا شاحنة إلى المدينة.", "مئتا شاحنة", 200, RASD_Q_EXACT, "vehicles");
  one("احتجزت القوات مائتي شخص.", "مائتي شخص", 200, RASD_Q_EXACT, "people");
  one("أطلق الجيش ثلاثمئة قذيفة.", "ثلاثمئة قذيفة", 300, RASD_Q_EXACT, "projectiles");
  one("أطلق الجيش ثلاث مئة قذيفة.", "ثلاث مئة قذيفة", 300, RASD_Q_EXACT, "projectiles");
  one("قتل ثلاثمائة وخمسة وعشرون شخصاً.", "ثلاثمائة وخمسة وعشرون شخصاً", 325, RASD_Q_EXACT, "people");
  one("شارك ألف عنصر في الحملة.", "ألف عنصر", 1000, RASD_Q_EXACT, "fighters");
  one("شارك ألفا عنصر في الحملة.", "ألفا عنصر", 2000, RASD_Q_EXACT, "fighters");
  one("شارك ثلاثة آلاف عنصر في الحملة.", "ثلاثة آلاف عنصر", 3000, RASD_Q_EXACT, "fighters");
  one("نزح خمسة عشر ألف شخص.", "خمسة عشر ألف شخص", 15000, RASD_Q_EXACT, "people");
  one("قتل ألف وخمسمئة مقاتل.", "ألف وخمسمئة مقاتل", 1500, RASD_Q_EXACT, "fighters");
  one("يعيش في المخيمات مليون شخص.", "مليون شخص", 1000000, RASD_Q_EXACT, "people");
  one("نزح مليونان من السكان.", "مليونان", 2000000, RASD_Q_EXACT, NULL);
  one("لا يزال 60 ألفاً يعيشون في خيام.", "60 ألفاً", 60000, RASD_Q_EXACT, NULL);
  one("قدرت اللجنة عدد الضحايا بأكثر من أربعين ألفاً.", "بأكثر من أربعين ألفاً", 40000, RASD_Q_AT_LEAST, NULL);
}

TEST(number_ordinals_are_not_counts) {
  rasd_doc *d = t_doc("تعود المخطوطة إلى القرن التاسع عشر، وجاء الفريق في المركز الثالث.", PUB, 0);
  CHECK_INT(d->nnums, 0);
}

TEST(number_duals_count_two) {
  rasd_doc *d = t_doc("سقط قتيلان وجريحين بقصف على البلدة، واعتقل عنصرين.", PUB, 0);
  CHECK_INT(d->nnums, 3);
  const rasd_number *n = num(d, "قتيلان");
  CHECK(n && n->value == 2);
  if (n) CHECK_STR(n->unit, "killed");
  n = num(d, "وجريحين");
  CHECK(n && n->value == 2);
  if (n) CHECK_STR(n->unit, "injured");
  n = num(d, "عنصرين");
  CHECK(n && n->value == 2);
  if (n) CHECK_STR(n->unit, "fighters");
  /* a plural that looks like a dual is not one */
  d = t_doc("قتل المقاتلين في المعركة.", PUB, 0);
  CHECK_INT(d->nnums, 0);
}

TEST(number_vague_amounts_use_acled_values) {
  rasd_doc *d = t_doc("قتل عشرات المدنيين في الغارات.", PUB, 0);
  const rasd_number *n = num(d, "عشرات المدنيين");
  CHECK(n && n->value == 10 && n->vague);
  if (n) CHECK_STR(n->unit, "civilians");
  d = t_doc("نزح مئات الأشخاص من القرية.", PUB, 0);
  n = num(d, "مئات الأشخاص");
  CHECK(n && n->value == 100 && n->vague);
  d = t_doc("تظاهر آلاف المواطنين في الساحة.", PUB, 0);
  n = num(d, "آلاف المواطنين");
  CHECK(n && n->value == 1000 && n->vague);
  if (n) CHECK_STR(n->unit, "people");
  d = t_doc("فرّ عشرات الآلاف من المدينة.", PUB, 0);
  n = num(d, "عشرات الآلاف");
  CHECK(n && n->value == 10000 && n->vague);
  d = t_doc("سقط العشرات من القتلى والجرحى.", PUB, 0);
  n = num(d, "العشرات من القتلى");
  CHECK(n && n->value == 10 && n->vague);
  if (n) CHECK_STR(n->unit, "killed");
  /* an exact number is not vague */
  d = t_doc("قتل 12 شخصاً.", PUB, 0);
  n = num(d, "12 شخصاً");
  CHECK(n && !n->vague);
}

TEST(number_qualifiers_before) {
  one("أرسلت الميليشيا نحو 150 عنصراً.", "نحو 150 عنصراً", 150, RASD_Q_APPROX, "fighters");
  one("قدرت الحصيلة بنحو 40 قتيلاً.", "بنحو 40 قتيلاً", 40, RASD_Q_APPROX, "killed");
  one("وصل قرابة 150 عنصراً.", "قرابة 150 عنصراً", 150, RASD_Q_APPROX, "fighters");
  one("اعتقل حوالي 30 شخصاً.", "حوالي 30 شخصاً", 30, RASD_Q_APPROX, "people");
  one("شارك زهاء ألف مقاتل.", "زهاء ألف مقاتل", 1000, RASD_Q_APPROX, "fighters");
  one("قتل ما يقارب 60 مدنياً.", "ما يقارب 60 مدنياً", 60, RASD_Q_APPROX, "civilians");
  one("قتل أكثر من 20 جندياً.", "أكثر من 20 جندياً", 20, RASD_Q_AT_LEAST, "soldiers");
  one("خسر النظام ما لا يقل عن مئة قتيل.", "ما لا يقل عن مئة قتيل", 100, RASD_Q_AT_LEAST, "killed");
  one("أصيب ما يزيد عن 50 شخصاً.", "ما يزيد عن 50 شخصاً", 50, RASD_Q_AT_LEAST, "people");
  one("أصيب ما يزيد على 50 شخصاً.", "ما يزيد على 50 شخصاً", 50, RASD_Q_AT_LEAST, "people");
  one("قتل أزيد من 70 مسلحاً.", "أزيد من 70 مسلحاً", 70, RASD_Q_AT_LEAST, "fighters");
  one("نجا أقل من عشرة أشخاص.", "أقل من عشرة أشخاص", 10, RASD_Q_AT_MOST, "people");
  one("شارك ما لا يزيد عن 200 عنصر.", "ما لا يزيد عن 200 عنصر", 200, RASD_Q_AT_MOST, "fighters");
}

TEST(number_qualifier_after) {
  one("قتل 67 شخصاً على الأقل في الانفجار.", "67 شخصاً على الأقل", 67, RASD_Q_AT_LEAST, "people");
  one("قتل 5 جنود تقريباً.", "5 جنود تقريباً", 5, RASD_Q_APPROX, "soldiers");
}

TEST(number_counted_noun_classes) {
  one("سقط 7 قتلى.", "7 قتلى", 7, RASD_Q_EXACT, "killed");
  one("سقط 9 جرحى.", "9 جرحى", 9, RASD_Q_EXACT, "injured");
  one("أصيب 4 مصابين.", "4 مصابين", 4, RASD_Q_EXACT, "injured");
  one("صادرت 10 سيارات مدنية.", "10 سيارات", 10, RASD_Q_EXACT, "vehicles");
  one("دمرت 3 آليات عسكرية.", "3 آليات", 3, RASD_Q_EXACT, "vehicles");
  one("قتل 6 أطفال.", "6 أطفال", 6, RASD_Q_EXACT, "children");
  one("أسر 8 جنود.", "8 جنود", 8, RASD_Q_EXACT, "soldiers");
  one("أفرج عن 40 معتقلاً.", "40 معتقلاً", 40, RASD_Q_EXACT, "detainees");
  one("هدمت 12 منزلاً.", "12 منزلاً", 12, RASD_Q_EXACT, "buildings");
  one("أطلق 20 صاروخاً.", "20 صاروخاً", 20, RASD_Q_EXACT, "projectiles");
  one("شن الطيران 15 غارة على المنطقة.", "15 غارة", 15, RASD_Q_EXACT, "airstrikes");
  one("عثر الأهالي على 6 جثث في البئر.", "6 جثث", 6, RASD_Q_EXACT, "killed");
  one("أفرج الخاطفون عن 3 رهائن.", "3 رهائن", 3, RASD_Q_EXACT, "detainees");
  one("نزح 300 شخص.", "300 شخص", 300, RASD_Q_EXACT, "people");
  one("قتل 14 مقاتلاً.", "14 مقاتلاً", 14, RASD_Q_EXACT, "fighters");
  one("ارتفعت الأسعار 20%.", "20%", 20, RASD_Q_EXACT, "percent");
  one("ارتفعت الأسعار 20 بالمئة.", "20 بالمئة", 20, RASD_Q_EXACT, "percent");
  /* behind من or a filler word */
  one("قتل مئات من المدنيين.", "مئات من المدنيين", 100, RASD_Q_EXACT, "civilians");
  one("أصيب 3 آخرين من المدنيين.", "3", 3, RASD_Q_EXACT, NULL);
  one("أعدم التنظيم 5 آخرين عناصر.", "5 آخرين عناصر", 5, RASD_Q_EXACT, "fighters");
  /* the noun with a pronoun, behind من */
  one("أرسلت الميليشيا 200 من عناصرها إلى المدينة.", "200 من عناصرها", 200, RASD_Q_EXACT, "fighters");
  /* no noun: a value alone */
  one("قتل 5 في الهجوم.", "5", 5, RASD_Q_EXACT, NULL);
}

TEST(number_times_dates_and_years_are_not_counts) {
  rasd_doc *d = t_doc("2021.05.01 | 13:31 دمشق", PUB, 0);
  CHECK_INT(d->nnums, 0);
  d = t_doc("صدر القرار بتاريخ 27/11/2020 في دمشق.", PUB, 0);
  CHECK_INT(d->nnums, 0);
  d = t_doc("وقع الهجوم في 18 آب 2020 وقتل فيه 3 أشخاص.", PUB, 0);
  CHECK_INT(d->nnums, 1);
  CHECK(num(d, "3 أشخاص") != NULL);
  d = t_doc("انتهت المعركة عام 2019 وتجددت في 2020.", PUB, 0);
  CHECK_INT(d->nnums, 0);
  d = t_doc("تأسس الفصيل سنة 1999 في المدينة.", PUB, 0);
  CHECK_INT(d->nnums, 0);
  d = t_doc("جرى ذلك في 2021-05-01 صباحاً.", PUB, 0);
  CHECK_INT(d->nnums, 0);
  /* a bare year-like number without a noun is not a count either */
  d = t_doc("وأشار التقرير إلى أن 2014 كان الأسوأ.", PUB, 0);
  CHECK_INT(d->nnums, 0);
  /* ... but with a noun or a qualifier it is */
  one("نشر الجيش 2000 عنصر على الحدود.", "2000 عنصر", 2000, RASD_Q_EXACT, "fighters");
  one("نزح نحو 1950 شخصاً.", "نحو 1950 شخصاً", 1950, RASD_Q_APPROX, "people");
  /* durations are dates, not counts */
  d = t_doc("بدأ الحصار منذ ثلاثة أيام.", PUB, 0);
  CHECK_INT(d->nnums, 0);
}

TEST(number_after_a_label_is_not_a_count) {
  rasd_doc *d = t_doc("بدأ القصف عند الساعة 10 صباحاً بحسب القرار رقم 2254 والمادة 3 منه.", PUB, 0);
  CHECK_INT(d->nnums, 0);
}

TEST(number_percent_of_hundred_is_not_a_hundred) {
  rasd_doc *d = t_doc("ارتفعت البطالة 20 في المئة.", PUB, 0);
  CHECK_INT(d->nnums, 1);
  CHECK(num(d, "20") != NULL);
}

TEST(number_spans_sorted_and_disjoint) {
  rasd_doc *d = t_doc("قتل 3 أشخاص وأصيب خمسة آخرون، واعتقل نحو عشرين شاباً، وصودرت 4 سيارات و2 مدرعة.", PUB, 0);
  CHECK(d->nnums >= 4);
  for (uint32_t i = 1; i < d->nnums; i++) CHECK(d->nums[i - 1].end <= d->nums[i].start);
  for (uint32_t i = 0; i < d->nnums; i++) {
    CHECK(d->nums[i].tok_begin < d->nums[i].tok_end);
    CHECK(d->nums[i].start == d->toks[d->nums[i].tok_begin].start);
    CHECK(d->nums[i].end == d->toks[d->nums[i].tok_end - 1].end);
  }
}

TEST(number_clitics_on_the_number) {
  one("وتوزعوا على لأربعة مواقع، وقتل وخمسة عناصر.", "وخمسة عناصر", 5, RASD_Q_EXACT, "fighters");
  one("أعدم التنظيم بثلاثة أسرى.", "بثلاثة أسرى", 3, RASD_Q_EXACT, "detainees");
}

/* The generators reject malformed rows with file:line. */
static int gen_fails(const char *tool, const char *row, const char *want_msg) {
  char path[] = "/tmp/rasd-test-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  FILE *f = fdopen(fd, "w");
  fprintf(f, "# comment\n%s\n", row);
  fclose(f);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "awk -f tools/%s %s 2>&1 >/dev/null", tool, path);
  FILE *p = popen(cmd, "r");
  char out[512] = "";
  size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
  out[n] = 0;
  int rc = p ? pclose(p) : 0;
  char where[64];
  snprintf(where, sizeof where, "%s:2: error", path);
  int ok = rc != 0 && strstr(out, where) && strstr(out, want_msg);
  if (!ok) fprintf(stderr, "  %s on \"%s\": rc %d, output \"%s\"\n", tool, row, rc, out);
  remove(path);
  return ok;
}

TEST(number_data_generators_reject_bad_rows) {
  CHECK(gen_fails("mknumword.awk", "خمسة\tخمس\tunit", "bad number-word row"));
  CHECK(gen_fails("mknumword.awk", "خمسة\t5\tfive", "bad number-word row"));
  CHECK(gen_fails("mknumunit.awk", "عنصر\tfighters", "bad counted-noun row"));
  CHECK(gen_fails("mknumunit.awk", "من\tpeople\tof", "bad counted-noun row"));
  CHECK(gen_fails("mknumqual.awk", "نحو\tabout\tpre", "bad qualifier row"));
  CHECK(gen_fails("mkmonth.awk", "آب\t13\tg\t-", "bad month row"));
  CHECK(gen_fails("mkreldate.awk", "أمس\tyesterday\t-1", "bad date-word row"));
  CHECK(gen_fails("mkreldate.awk", "أمس\tday\tone", "bad date-word row"));
}
