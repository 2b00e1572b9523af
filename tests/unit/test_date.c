/*
** tests/unit/test_date.c -- publication day (input or dateline), absolute
** dates (Levantine, Egyptian/Gulf, Maghrebi and Hijri months, numeric
** formats), relative dates and their precision.  Publication day in most
** tests: Saturday 2021-05-01.  Sentences written for these tests.
*/
#include "../../src/text/num_lex.h"
#include "../../src/text/text.h"
#include "test.h"

#define PUB "2021-05-01"

static int32_t D(const char *s) {
  int32_t z = RASD_NO_DAY;
  if (!rasd_day_parse(s, &z)) fprintf(stderr, "  bad test date %s\n", s);
  return z;
}

/* The date whose span text is exactly s, or NULL. */
static const rasd_date *date(const rasd_doc *d, const char *s) {
  for (uint32_t i = 0; i < d->ndates; i++)
    if (!strcmp(t_span(d->dates[i].start, d->dates[i].end), s)) return &d->dates[i];
  fprintf(stderr, "  no date \"%s\"; found:", s);
  for (uint32_t i = 0; i < d->ndates; i++) fprintf(stderr, " [%s]", t_span(d->dates[i].start, d->dates[i].end));
  fprintf(stderr, "\n");
  return NULL;
}

static void show(const char *what, int32_t got, const char *want) {
  char g[11];
  if (got == RASD_NO_DAY) strcpy(g, "none");
  else rasd_day_str(got, g);
  if (strcmp(g, want)) {
    fprintf(stderr, "  %s: %s, expected %s\n", what, g, want);
    rasd_test_failed++;
  }
}

/* One date in text (published `pub`): span, first and last day, precision, relative. */
static void one_at(const char *pub, const char *text, const char *span, const char *day, const char *end, int prec,
                   int relative) {
  rasd_doc *d = t_doc(text, pub, 0);
  const rasd_date *t = date(d, span);
  CHECK(t != NULL);
  if (!t) return;
  show(span, t->day, day);
  show(span, t->day_end, end ? end : day);
  if (t->prec != prec) {
    fprintf(stderr, "  \"%s\": precision %d, expected %d\n", span, t->prec, prec);
    rasd_test_failed++;
  }
  if (t->relative != relative) {
    fprintf(stderr, "  \"%s\": relative %d, expected %d\n", span, t->relative, relative);
    rasd_test_failed++;
  }
}
static void one(const char *text, const char *span, const char *day, const char *end, int prec, int relative) {
  one_at(PUB, text, span, day, end, prec, relative);
}
static void none(const char *text) {
  rasd_doc *d = t_doc(text, PUB, 0);
  if (d->ndates) {
    fprintf(stderr, "  \"%s\": unexpected date [%s]\n", text, t_span(d->dates[0].start, d->dates[0].end));
    rasd_test_failed++;
  }
}

/* ---- publication day --------------------------------------------------- */
TEST(date_pub_from_input) {
  rasd_doc *d = t_doc("قصفت الطائرات البلدة أمس.", "2015-07-21 02:51:32", 0);
  CHECK(d->pub_day == D("2015-07-21"));
  CHECK(!d->pub_from_dateline);
  one_at("2015-07-21 02:51:32", "قصفت الطائرات البلدة أمس.", "أمس", "2015-07-20", NULL, RASD_PREC_DAY, 1);
}

TEST(date_pub_from_input_day_first) {
  rasd_doc *d = t_doc("قصفت الطائرات البلدة أمس.", "21/07/2015 10:15", 0);
  CHECK(d->pub_day == D("2015-07-21"));
  d = t_doc("قصفت الطائرات البلدة أمس.", "not a date", 0);
  CHECK(d->pub_day == RASD_NO_DAY);
}

TEST(date_pub_from_dateline_formats) {
  static const struct {
    const char *text, *day, *line;
  } c[] = {
      {"عنوان الخبر\n\n2021.05.01 | 13:31 دمشق\n\nقصفت الطائرات البلدة أمس.", "2021-05-01", "2021.05.01 | 13:31 دمشق"},
      {"عنوان الخبر\n27/11/2020\nقصفت الطائرات البلدة أمس.", "2020-11-27", "27/11/2020"},
      {"الخميس 2 من كانون الأول 2021\nقصفت الطائرات البلدة أمس.", "2021-12-02", "الخميس 2 من كانون الأول 2021"},
      {"القاهرة - 1 مايو 2021\nقصفت الطائرات البلدة أمس.", "2021-05-01", "القاهرة - 1 مايو 2021"},
      {"نشر في 2021-05-01\nقصفت الطائرات البلدة أمس.", "2021-05-01", "نشر في 2021-05-01"},
      {"الجزائر في 3 جوان 2020\nقصفت الطائرات البلدة أمس.", "2020-06-03", "الجزائر في 3 جوان 2020"},
  };
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
    rasd_doc *d = t_doc(c[i].text, NULL, 0);
    show(c[i].text, d->pub_day, c[i].day);
    CHECK(d->pub_from_dateline);
    CHECK_STR(t_span(d->dateline_start, d->dateline_end), c[i].line);
    /* relative dates resolve against it */
    const rasd_date *t = date(d, "أمس");
    CHECK(t && t->day == d->pub_day - 1);
  }
}

TEST(date_pub_not_from_a_long_paragraph) {
  rasd_doc *d = t_doc("قالت مصادر محلية إن الطائرات الحربية قصفت البلدة الواقعة في ريف المحافظة الشرقي في 18 آب 2020 "
                      "ما أدى إلى مقتل عدد من المدنيين وإصابة آخرين بجروح متفاوتة.",
                      NULL, 0);
  CHECK(d->pub_day == RASD_NO_DAY);
  CHECK(!d->pub_from_dateline);
  /* the absolute date is still found */
  CHECK(date(d, "18 آب 2020") != NULL);
}

TEST(date_pub_unknown_relative_dates_listed_unresolved) {
  rasd_doc *d = t_doc("قصفت الطائرات البلدة أمس، وفي 5 أيار قتل شخص.", NULL, 0);
  CHECK(d->pub_day == RASD_NO_DAY);
  const rasd_date *t = date(d, "أمس");
  CHECK(t && t->day == RASD_NO_DAY && t->day_end == RASD_NO_DAY && t->relative && t->prec == RASD_PREC_DAY);
  t = date(d, "5 أيار");
  CHECK(t && t->day == RASD_NO_DAY);
  /* every kind of relative date, unresolved (and no arithmetic on the unknown day) */
  d = t_doc("اليوم السبت، والأسبوع الماضي، ومؤخراً، ومنذ أيام، وقبل أسبوعين، وقبل شهرين، ومنذ مطلع العام، والشهر الماضي، "
            "والعام الماضي، والجمعة الماضية، والاثنين المقبل، وقبل يومين، وفي شباط، ومنذ 2011، وفي الشهور الأخيرة من العام "
            "المنصرم.",
            NULL, 0);
  CHECK(d->ndates >= 14);
  for (uint32_t i = 0; i < d->ndates; i++) {
    CHECK(d->dates[i].day == RASD_NO_DAY || d->dates[i].prec == RASD_PREC_RANGE);
    if (d->dates[i].day == RASD_NO_DAY) CHECK(d->dates[i].day_end == RASD_NO_DAY);
  }
}

/* ---- absolute dates -------------------------------------------------------- */
TEST(date_day_month_year_levantine) {
  one("قتل ضابط روسي في 18 آب 2020 قرب الرقة.", "18 آب 2020", "2020-08-18", NULL, RASD_PREC_DAY, 0);
  one("جرى اللقاء في 2 من كانون الأول 2019.", "2 من كانون الأول 2019", "2019-12-02", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في 14 تشرين الثاني 2020.", "14 تشرين الثاني 2020", "2020-11-14", NULL, RASD_PREC_DAY, 0);
  one("انتهت الهدنة في 5 شباط 2021.", "5 شباط 2021", "2021-02-05", NULL, RASD_PREC_DAY, 0);
}

TEST(date_day_month_year_egyptian_and_maghrebi) {
  one("أعلنت الوزارة في 1 مايو 2021 عن الخطة.", "1 مايو 2021", "2021-05-01", NULL, RASD_PREC_DAY, 0);
  one("وقع الانفجار يوم 9 إبريل 2019.", "يوم 9 إبريل 2019", "2019-04-09", NULL, RASD_PREC_DAY, 0);
  one("وقع الانفجار يوم 9 أبريل 2019.", "يوم 9 أبريل 2019", "2019-04-09", NULL, RASD_PREC_DAY, 0);
  one("بدأت المحاكمة في 30 يونيه 2013.", "30 يونيه 2013", "2013-06-30", NULL, RASD_PREC_DAY, 0);
  one("بدأت المحاكمة في 23 يوليه 2013.", "23 يوليه 2013", "2013-07-23", NULL, RASD_PREC_DAY, 0);
  one("عقدت الجلسة في 3 جانفي 2020.", "3 جانفي 2020", "2020-01-03", NULL, RASD_PREC_DAY, 0);
  one("عقدت الجلسة في 12 فيفري 2020.", "12 فيفري 2020", "2020-02-12", NULL, RASD_PREC_DAY, 0);
  one("عقدت الجلسة في 20 أوت 2019.", "20 أوت 2019", "2019-08-20", NULL, RASD_PREC_DAY, 0);
  one("اعتقل في 7 جويلية 2018.", "7 جويلية 2018", "2018-07-07", NULL, RASD_PREC_DAY, 0);
  one("اعتقل في 11 دجنبر 2018.", "11 دجنبر 2018", "2018-12-11", NULL, RASD_PREC_DAY, 0);
}

TEST(date_ordinal_days) {
  one("تنتهي المهلة في الثامن من آب 2020.", "الثامن من آب 2020", "2020-08-08", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في الأول من نيسان.", "الأول من نيسان", "2021-04-01", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في الحادي عشر من آذار.", "الحادي عشر من آذار", "2021-03-11", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في الحادي والعشرين من شباط.", "الحادي والعشرين من شباط", "2021-02-21", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في العشرين من شهر كانون الثاني 2020.", "العشرين من شهر كانون الثاني 2020", "2020-01-20", NULL,
      RASD_PREC_DAY, 0);
  one("احتفل بذكرى الثامن من شهر أغسطس (آب).", "الثامن من شهر أغسطس (آب)", "2020-08-08", NULL, RASD_PREC_DAY, 0);
}

TEST(date_year_from_the_same_sentence) {
  rasd_doc *d = t_doc("بدأ الهجوم في 8 آب 1953 واستمر حتى 12 أيلول.", PUB, 0);
  const rasd_date *t = date(d, "12 أيلول");
  CHECK(t && t->day == D("1953-09-12"));
  /* a chronology line: "1965 - ..." */
  d = t_doc("1965 - حرب بين البلدين توقفت في 22 سبتمبر بوساطة دولية.", PUB, 0);
  t = date(d, "1965");
  CHECK(t && t->prec == RASD_PREC_YEAR && t->day == D("1965-01-01"));
  t = date(d, "22 سبتمبر");
  CHECK(t && t->day == D("1965-09-22"));
  /* not across sentences */
  d = t_doc("بدأ الهجوم في 8 آب 1953. وانتهت الهدنة في 12 نيسان.", PUB, 0);
  t = date(d, "12 نيسان");
  CHECK(t && t->day == D("2021-04-12"));
}

TEST(date_month_pairs) {
  one("وقع الهجوم في 10 آب/أغسطس 2020.", "10 آب/أغسطس 2020", "2020-08-10", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في 10 أغسطس (آب) 2020.", "10 أغسطس (آب) 2020", "2020-08-10", NULL, RASD_PREC_DAY, 0);
  one("وقع الهجوم في 10 حزيران (يونيو) 2020.", "10 حزيران (يونيو) 2020", "2020-06-10", NULL, RASD_PREC_DAY, 0);
  one("تستمر المهلة حتى نهاية يوليو تموز 2020.", "يوليو تموز 2020", "2020-07-01", "2020-07-31", RASD_PREC_MONTH, 0);
  one("تم ذلك في أبريل (نيسان) الماضي.", "أبريل (نيسان) الماضي", "2021-04-01", "2021-04-30", RASD_PREC_MONTH, 0);
}

TEST(date_year_defaults_to_publication_year_or_the_one_before) {
  one("قصفت الطائرات البلدة في 28 نيسان.", "28 نيسان", "2021-04-28", NULL, RASD_PREC_DAY, 0);
  /* up to 7 days after publication stays in the year */
  one("ستعقد الجلسة في 5 أيار.", "5 أيار", "2021-05-05", NULL, RASD_PREC_DAY, 0);
  /* later than that: last year */
  one("قتل القيادي في 2 من كانون الأول.", "2 من كانون الأول", "2020-12-02", NULL, RASD_PREC_DAY, 0);
}

TEST(date_month_and_year_mentions) {
  one("تصاعدت الهجمات في آب 2020.", "آب 2020", "2020-08-01", "2020-08-31", RASD_PREC_MONTH, 0);
  one("تصاعدت الهجمات في شباط الماضي.", "شباط الماضي", "2021-02-01", "2021-02-28", RASD_PREC_MONTH, 0);
  one("تصاعدت الهجمات في أيار الماضي.", "أيار الماضي", "2020-05-01", "2020-05-31", RASD_PREC_MONTH, 0);
  one("تصاعدت الهجمات في أيار.", "أيار", "2021-05-01", "2021-05-31", RASD_PREC_MONTH, 0);
  one("تصاعدت الهجمات في حزيران.", "حزيران", "2020-06-01", "2020-06-30", RASD_PREC_MONTH, 0);
  one("تعقد الانتخابات في حزيران المقبل.", "حزيران المقبل", "2021-06-01", "2021-06-30", RASD_PREC_MONTH, 0);
  one("تعقد الانتخابات في شباط المقبل.", "شباط المقبل", "2022-02-01", "2022-02-28", RASD_PREC_MONTH, 0);
  one("تصاعدت الهجمات خلال شهر آب.", "شهر آب", "2020-08-01", "2020-08-31", RASD_PREC_MONTH, 0);
  one("انسحبت القوات عام 2019.", "عام 2019", "2019-01-01", "2019-12-31", RASD_PREC_YEAR, 0);
  one("انسحبت القوات في العام 2019.", "العام 2019", "2019-01-01", "2019-12-31", RASD_PREC_YEAR, 0);
  one("تراجعت الهجمات في 2020.", "2020", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 0);
  one("تراجعت الهجمات بين عامي 2014 و2015.", "عامي 2014", "2014-01-01", "2014-12-31", RASD_PREC_YEAR, 0);
  one("تراجعت الهجمات خلال 2020.", "2020", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 0);
  one("يسيطر التنظيم على المنطقة منذ 2014.", "منذ 2014", "2014-01-01", "2021-05-01", RASD_PREC_RANGE, 1);
}

TEST(date_ambiguous_month_names_need_context) {
  none("زار أب الضحية المستشفى.");
  none("في آب الماضي.");           /* آب could be أب: needs a day, a year or شهر */
  none("مارس الجيش ضغوطاً على السكان.");
  none("حصل على صفر في الامتحان.");
  none("قال رمضان إن الوضع هادئ.");
}

TEST(date_numeric_formats) {
  one("صدر القرار بتاريخ 27/11/2020.", "27/11/2020", "2020-11-27", NULL, RASD_PREC_DAY, 0);
  one("صدر القرار بتاريخ 2021.04.20 في دمشق.", "2021.04.20", "2021-04-20", NULL, RASD_PREC_DAY, 0);
  one("صدر القرار بتاريخ 2021-04-20 في دمشق.", "2021-04-20", "2021-04-20", NULL, RASD_PREC_DAY, 0);
  one("صدر القرار بتاريخ ٢٧/١١/٢٠٢٠.", "٢٧/١١/٢٠٢٠", "2020-11-27", NULL, RASD_PREC_DAY, 0);
  none("بلغت النسبة 13:31 في المئة.");
  none("صدر القرار رقم 45/2/99.");
}

TEST(date_hijri) {
  rasd_doc *d = t_doc("أعلن ذلك في 15 رمضان 1442 هـ.", PUB, 0);
  const rasd_date *t = date(d, "15 رمضان 1442 هـ");
  CHECK(t && t->hijri && t->prec == RASD_PREC_DAY);
  /* 1 Ramadan 1442 was 13 April 2021 (Umm al-Qura); the tabular calendar agrees within a day */
  if (t) CHECK(t->day >= D("2021-04-26") && t->day <= D("2021-04-28"));
  d = t_doc("صدر الأمر في 3 ذو القعدة 1436هـ.", PUB, 0);
  t = date(d, "3 ذو القعدة 1436هـ");
  CHECK(t && t->hijri);
  if (t) CHECK(t->day >= D("2015-08-17") && t->day <= D("2015-08-19"));
  d = t_doc("جرى ذلك في شهر محرم 1443 هـ.", PUB, 0);
  t = date(d, "شهر محرم 1443 هـ");
  CHECK(t && t->hijri && t->prec == RASD_PREC_MONTH && t->day_end - t->day >= 28 && t->day_end - t->day <= 29);
  /* numeric Hijri dates */
  d = t_doc("تبدأ المقابلات الأحد 10-10-1436هـ في الرياض.", PUB, 0);
  t = date(d, "الأحد 10-10-1436هـ");
  CHECK(t && t->hijri && t->prec == RASD_PREC_DAY);
  if (t) CHECK(t->day >= D("2015-07-25") && t->day <= D("2015-07-27"));
  d = t_doc("صدر التعميم بتاريخ 5/3/1437 هـ.", PUB, 0);
  t = date(d, "5/3/1437 هـ");
  CHECK(t && t->hijri && t->prec == RASD_PREC_DAY);
  /* a Hijri year */
  d = t_doc("ارتفعت الأسعار خلال عام 1436هـ.", PUB, 0);
  t = date(d, "عام 1436هـ");
  CHECK(t && t->hijri && t->prec == RASD_PREC_YEAR && t->day_end - t->day >= 353 && t->day_end - t->day <= 355);
  /* Hijri month with a day and no year: the latest such day not after publication + 7 */
  d = t_doc("هاجم المسلحون الحاجز في 10 رمضان.", PUB, 0);
  t = date(d, "10 رمضان");
  CHECK(t && t->hijri);
  if (t) CHECK(t->day >= D("2021-04-21") && t->day <= D("2021-04-23"));
}

TEST(date_hijri_calendar_roundtrip) {
  for (int32_t z = D("1990-01-01"); z < D("2030-01-01"); z += 17) {
    int y, m, dd;
    rasd__hijri_from_days(z, &y, &m, &dd);
    CHECK(m >= 1 && m <= 12 && dd >= 1 && dd <= 30);
    CHECK_INT(rasd__hijri_days(y, m, dd), z);
  }
  CHECK_INT(rasd__hijri_days(1, 1, 1), rasd_days_from_civil(622, 7, 19)); /* 16 July 622 Julian */
}

/* ---- relative dates ------------------------------------------------------------ */
TEST(date_relative_days) {
  one("قصفت الطائرات البلدة اليوم.", "اليوم", "2021-05-01", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة أمس.", "أمس", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة البارحة.", "البارحة", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة أول أمس.", "أول أمس", "2021-04-29", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة أول من أمس.", "أول من أمس", "2021-04-29", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة فجر اليوم.", "فجر اليوم", "2021-05-01", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة مساء أمس.", "مساء أمس", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة يوم أمس.", "يوم أمس", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة ليل أمس.", "ليل أمس", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة الليلة الماضية.", "الليلة الماضية", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة، وأمس انسحبت القوات.", "وأمس", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("تنعقد الجلسة غداً.", "غداً", "2021-05-02", NULL, RASD_PREC_DAY, 1);
}

TEST(date_relative_day_with_weekday) {
  one("صادرت الميليشيا، أمس الجمعة، 10 سيارات.", "أمس الجمعة", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("أفادت مصادر، اليوم السبت، بوصول التعزيزات.", "اليوم السبت", "2021-05-01", NULL, RASD_PREC_DAY, 1);
  one("وصلت التعزيزات صباح اليوم السبت.", "صباح اليوم السبت", "2021-05-01", NULL, RASD_PREC_DAY, 1);
}

TEST(date_day_word_with_weekday_in_brackets) {
  /* published on Tuesday 2015-07-21 but written on Monday: the weekday wins */
  one_at("2015-07-21", "قالت الوزارة في بيان، اليوم (الاثنين)، إن انفجاراً وقع.", "اليوم (الاثنين)", "2015-07-20", NULL,
         RASD_PREC_DAY, 1);
  one_at("2015-07-21", "وصل الوفد أمس (الأحد) إلى العاصمة.", "أمس (الأحد)", "2015-07-19", NULL, RASD_PREC_DAY, 1);
  one_at("2015-07-21", "وصل الوفد أمس (الاثنين) إلى العاصمة.", "أمس (الاثنين)", "2015-07-20", NULL, RASD_PREC_DAY, 1);
}

TEST(date_weekdays) {
  /* 2021-05-01 is a Saturday */
  one("قصفت الطائرات البلدة الخميس.", "الخميس", "2021-04-29", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة يوم الأحد.", "يوم الأحد", "2021-04-25", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة يوم السبت.", "يوم السبت", "2021-05-01", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة السبت الماضي.", "السبت الماضي", "2021-04-24", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة الجمعة الماضية.", "الجمعة الماضية", "2021-04-30", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة مساء الثلاثاء.", "مساء الثلاثاء", "2021-04-27", NULL, RASD_PREC_DAY, 1);
  one("تعقد الجلسة الاثنين المقبل.", "الاثنين المقبل", "2021-05-03", NULL, RASD_PREC_DAY, 1);
  one("تعقد الجلسة يوم السبت المقبل.", "يوم السبت المقبل", "2021-05-08", NULL, RASD_PREC_DAY, 1);
  /* a weekday before an absolute date: the date wins */
  one("جرى ذلك الخميس 22 نيسان 2021.", "الخميس 22 نيسان 2021", "2021-04-22", NULL, RASD_PREC_DAY, 0);
}

TEST(date_relative_week_month_year) {
  one("تصاعد القصف الأسبوع الماضي.", "الأسبوع الماضي", "2021-04-18", "2021-04-24", RASD_PREC_WEEK, 1);
  one("تصاعد القصف الشهر الماضي.", "الشهر الماضي", "2021-04-01", "2021-04-30", RASD_PREC_MONTH, 1);
  one("تصاعد القصف العام الماضي.", "العام الماضي", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 1);
  one("تصاعد القصف العام المنصرم.", "العام المنصرم", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 1);
  one("تصاعد القصف السنة الماضية.", "السنة الماضية", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 1);
  one("تصاعد القصف هذا العام.", "هذا العام", "2021-01-01", "2021-12-31", RASD_PREC_YEAR, 1);
  one("تصاعد القصف خلال الأيام الماضية.", "الأيام الماضية", "2021-04-24", "2021-05-01", RASD_PREC_WEEK, 1);
  one("تصاعد القصف مؤخراً.", "مؤخراً", "2021-04-24", "2021-05-01", RASD_PREC_WEEK, 1);
}

TEST(date_ranges_since_and_start_of_year) {
  one("قتل 40 مدنياً منذ مطلع العام.", "منذ مطلع العام", "2021-01-01", "2021-05-01", RASD_PREC_RANGE, 1);
  one("ومنذ مطلع العام الجديد تشن روسيا غارات.", "ومنذ مطلع العام الجديد", "2021-01-01", "2021-05-01", RASD_PREC_RANGE,
      1);
  one("ارتفعت الهجمات منذ بداية العام.", "منذ بداية العام", "2021-01-01", "2021-05-01", RASD_PREC_RANGE, 1);
  one("ارتفعت الهجمات مطلع العام.", "مطلع العام", "2021-01-01", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ ثلاثة أيام.", "منذ ثلاثة أيام", "2021-04-28", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ 3 أيام.", "منذ 3 أيام", "2021-04-28", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ أسبوعين.", "منذ أسبوعين", "2021-04-17", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ شهرين.", "منذ شهرين", "2021-03-01", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ سنوات.", "منذ سنوات", "2018-05-01", "2021-05-01", RASD_PREC_RANGE, 1);
  one("يحاصر الجيش البلدة منذ 18 آب 2020.", "منذ 18 آب 2020", "2020-08-18", "2021-05-01", RASD_PREC_RANGE, 1);
  one("أطلقت روسيا، في الشهور الأخيرة مِن العام المنصرم، عملية عسكرية.", "الشهور الأخيرة مِن العام المنصرم",
      "2020-09-01", "2020-12-31", RASD_PREC_RANGE, 1);
}

TEST(date_ago) {
  one("قصفت الطائرات البلدة قبل يومين.", "قبل يومين", "2021-04-29", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة قبل ثلاثة أيام.", "قبل ثلاثة أيام", "2021-04-28", NULL, RASD_PREC_DAY, 1);
  one("قصفت الطائرات البلدة قبل عام.", "قبل عام", "2020-01-01", "2020-12-31", RASD_PREC_YEAR, 1);
  one("قصفت الطائرات البلدة قبل ساعات.", "قبل ساعات", "2021-05-01", NULL, RASD_PREC_DAY, 1);
  none("انسحبت القوات قبل وصول التعزيزات.");
}

TEST(date_today_that_is_not_today) {
  none("احتفلت المملكة باليوم الوطني.");
  none("احتفلت المملكة اليوم الوطني.");
  none("وفي ذلك اليوم انسحبت القوات.");
  none("وفي اليوم التالي انسحبت القوات.");
  none("يدخل عشرة مفتشين في اليوم.");
}

TEST(date_spans_sorted_disjoint_and_numbers_dropped) {
  rasd_doc *d = t_doc("قتل 3 أشخاص أمس الجمعة، وفي 18 آب 2020 قتل 5 جنود، ومنذ 4 أيام نزح 100 شخص.", PUB, 0);
  CHECK_INT(d->ndates, 3);
  for (uint32_t i = 1; i < d->ndates; i++) CHECK(d->dates[i - 1].end <= d->dates[i].start);
  CHECK_INT(d->nnums, 3);
  for (uint32_t i = 0; i < d->nnums; i++)
    for (uint32_t j = 0; j < d->ndates; j++)
      CHECK(d->nums[i].end <= d->dates[j].start || d->nums[i].start >= d->dates[j].end);
}
