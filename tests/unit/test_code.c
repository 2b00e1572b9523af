/*
** tests/unit/test_code.c -- the event coder on Arabic sentences written for
** these tests (modelled on wire reporting): each trigger family, the
** modality filters, the passive agent, casualty-only reports, background
** versus recent context, in-article dedup, --explain lines, and the seed
** article end to end (read from ../shared at run time; skipped when absent).
*/
#include <stdio.h>
#include <stdlib.h>

#include "../../src/code/evt.h"
#include "test.h"

#define PUB "2021-04-30"

/* The first event of category cat (and background flag bg, -1 = any). */
static const rasd_event *find(const rasd_doc *d, const char *cat, int bg) {
  for (uint32_t i = 0; i < d->nevents; i++)
    if (!strcmp(d->events[i].event, cat) && (bg < 0 || d->events[i].background == bg)) return &d->events[i];
  return NULL;
}

static int count(const rasd_doc *d, const char *cat, int bg) {
  int n = 0;
  for (uint32_t i = 0; i < d->nevents; i++)
    n += !strcmp(d->events[i].event, cat) && (bg < 0 || d->events[i].background == bg);
  return n;
}

static int has_mode(const rasd_event *e, const char *m) {
  for (int i = 0; i < RASD_MAX_MODES && e->mode[i]; i++)
    if (!strcmp(e->mode[i], m)) return 1;
  return 0;
}

static int day(const char *s) {
  int32_t d = RASD_NO_DAY;
  rasd_day_parse(s, &d);
  return d;
}

/* ---- trigger families ------------------------------------------------ */
TEST(code_aerial_shelling_with_casualties_is_one_assault) {
  rasd_doc *d = t_doc("قصفت طائرات حربية روسية بلدة كفرنبل في ريف إدلب أمس، ما أدى إلى مقتل 4 مدنيين وإصابة 7 آخرين.",
                      PUB, 2);
  CHECK_INT(count(d, "ASSAULT", -1), 1);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(e->dead, 4);
  CHECK_INT(e->injured, 7);
  CHECK(has_mode(e, "aerial"));
  CHECK_STR(e->acled_subtype, "Air/drone strike");
  CHECK_INT(e->day, day("2021-04-29"));
  CHECK_INT(e->date_prec, RASD_PREC_DAY);
  CHECK_STR(t_span(e->trig_start, e->trig_end), "قصفت");
}

TEST(code_arrest_counts_arrested) {
  rasd_doc *d = t_doc("اعتقلت قوات الأمن 12 شخصا في مدينة حلب صباح اليوم.", PUB, 2);
  const rasd_event *e = find(d, "COERCE", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(e->arrested, 12);
  CHECK(has_mode(e, "arrest"));
  CHECK_STR(e->acled_subtype, "Arrests");
  CHECK_INT(e->day, day(PUB));
}

TEST(code_reinforcements_are_mobilize_with_size) {
  rasd_doc *d = t_doc("أرسلت ميليشيا الدفاع الوطني 300 عنصر إلى مدينة حمص اليوم الجمعة.", PUB, 2);
  const rasd_event *e = find(d, "MOBILIZE", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(e->size_n, 300);
  CHECK_STR(e->size_unit, "fighters");
  CHECK_STR(e->acled_subtype, "Change to group/activity");
  d = t_doc("أعلنت قوات الجيش النفير العام في محافظة حماة.", PUB, 2);
  CHECK(find(d, "MOBILIZE", 0) != NULL);
  d = t_doc("وأرسلت الوزارة رسالة إلى الأمم المتحدة.", PUB, 2); /* a letter is not a force */
  CHECK(find(d, "MOBILIZE", -1) == NULL);
}

TEST(code_seizure_is_coerce_seize) {
  rasd_doc *d = t_doc("وصادرت الميليشيا، أمس الخميس، 15 سيارة مدنية في بلدة الميادين.", PUB, 2);
  const rasd_event *e = find(d, "COERCE", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK(has_mode(e, "seize"));
  CHECK_INT(e->size_n, 15);
  CHECK_STR(e->size_unit, "vehicles");
  CHECK_INT(e->day, day("2021-04-29"));
}

TEST(code_protest_and_statements) {
  rasd_doc *d = t_doc("تظاهر مئات الطلاب أمس في مدينة بغداد احتجاجا على قرار الحكومة.", PUB, 2);
  const rasd_event *e = find(d, "PROTEST", 0);
  CHECK(e != NULL);
  if (e) CHECK_STR(e->acled_type, "Protests");
  d = t_doc("طالب وزير الخارجية الحكومة بالإفراج عن المعتقلين.", PUB, 2);
  CHECK(find(d, "REQUEST", 0) != NULL);
  d = t_doc("هدد قائد الميليشيا بقصف المدينة إذا لم تنسحب القوات.", PUB, 2);
  CHECK(find(d, "THREATEN", 0) != NULL);
  CHECK(find(d, "ASSAULT", -1) == NULL); /* the threatened shelling is not coded */
  d = t_doc("اتهمت الحكومة المعارضة بتفجير خط الغاز.", PUB, 2);
  CHECK(find(d, "ACCUSE", 0) != NULL);
  CHECK(find(d, "ASSAULT", -1) == NULL);
}

/* ---- modality ------------------------------------------------------------ */
TEST(code_negation_future_denial_condition_not_coded) {
  const char *no[] = {
      "لم تقصف الطائرات مدينة حلب أمس.",
      "وسوف تقصف الطائرات مدينة حلب غدا.",
      "ستقصف الطائرات مدينة حلب خلال الأيام المقبلة.",
      "ونفى الجيش أن يكون قد قصف سوق مدينة حلب أمس وقتل 5 مدنيين.",
      "وإذا هاجمت الميليشيا مدينة حلب فإن الرد سيكون قاسيا.",
      "من المتوقع أن تشارك القوات الروسية في الهجوم على مدينة حلب.",
      "وتخطط الميليشيا لشن هجوم على مدينة حلب.",
  };
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
    rasd_doc *d = t_doc(no[i], PUB, 2);
    if (find(d, "ASSAULT", -1)) fprintf(stderr, "  coded: %s\n", no[i]);
    CHECK(find(d, "ASSAULT", -1) == NULL);
  }
  /* ما أدى إلى is not a negation */
  rasd_doc *d = t_doc("انفجرت عبوة ناسفة في سوق مدينة حلب أمس، ما أدى إلى مقتل 3 أشخاص.", PUB, 2);
  CHECK(find(d, "ASSAULT", 0) != NULL);
}

TEST(code_generic_talk_about_violence_not_coded) {
  const char *no[] = {
      "ويرى محللون أن الاغتيالات تهدد الاستقرار في البلاد.",
      "وأدان البيان الهجوم ووصفه بالجريمة.",
      "وطالبت المنظمة بوقف القصف على المدنيين.",
  };
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
    rasd_doc *d = t_doc(no[i], PUB, 2);
    if (find(d, "ASSAULT", -1)) fprintf(stderr, "  coded: %s\n", no[i]);
    CHECK(find(d, "ASSAULT", -1) == NULL);
  }
}

/* ---- parties, counts --------------------------------------------------------- */
TEST(code_passive_with_agent) {
  rasd_doc *d = t_doc("قتل خمسة مدنيين بقصف لقوات النظام على بلدة سراقب أمس.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(e->dead, 5);
  CHECK(has_mode(e, "heavy-weapons"));
  if (d->nactors) { /* with the actor lexicon: the agent acts, the victims receive */
    CHECK(e->nactor >= 1);
    if (e->nactor) CHECK_STR(e->actor[0].sector, "MIL");
    CHECK(e->nrecipient >= 1);
    if (e->nrecipient) CHECK_STR(e->recipient[0].sector, "CVL");
  }
}

TEST(code_casualty_phrase_alone_is_assault) {
  rasd_doc *d = t_doc("أعلنت مصادر محلية مقتل 5 عناصر من الشرطة في مدينة الموصل أمس.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(e->dead, 5);
  CHECK_INT(e->dead_qual, RASD_Q_EXACT);
  d = t_doc("وقال مصدر أمني إن ما لا يقل عن 20 شخصا قتلوا في انفجار سيارة مفخخة بمدينة كركوك.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) {
    CHECK_INT(e->dead, 20);
    CHECK_INT(e->dead_qual, RASD_Q_AT_LEAST);
    CHECK(has_mode(e, "explosives"));
  }
}

TEST(code_two_counts_in_two_clauses_are_two_events) {
  rasd_doc *d = t_doc("وانسحبت القوات بعد مقتل 3 جنود في كمين قرب مدينة تدمر أمس، فضلا عن مقتل 40 عنصرا في معارك الشهر الماضي.",
                      PUB, 2);
  CHECK(count(d, "ASSAULT", -1) >= 2);
}

TEST(code_subject_carried_over) {
  rasd_doc *d = t_doc("أرسلت ميليشيا الدفاع الوطني 150 عنصرا إلى مدينة دير الزور صباح اليوم.\n"
                      "كذلك أرسلت 200 عنصر من قطاع الميادين إلى مدينة دير الزور.",
                      PUB, 2);
  CHECK_INT(count(d, "MOBILIZE", 0), 2); /* two sizes: two events, not one told twice */
  if (d->nactors && d->nevents == 2) {
    CHECK(d->events[1].nactor >= 1);
    if (d->events[1].nactor && d->events[0].nactor)
      CHECK_STR(d->events[1].actor[0].entity_name, d->events[0].actor[0].entity_name);
  }
}

/* ---- background ------------------------------------------------------------ */
TEST(code_background_by_date_and_cue) {
  rasd_doc *d = t_doc("وكان الجيش قد قصف بلدة سراقب في 3 آذار 2019 وقتل 7 مدنيين.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", -1);
  CHECK(e != NULL);
  if (e) {
    CHECK_INT(e->background, 1);
    CHECK_INT(e->day, day("2019-03-03"));
  }
  d = t_doc("وكانت الطائرات قد قصفت بلدة سراقب صباح اليوم وقتلت 3 مدنيين.", PUB, 2);
  e = find(d, "ASSAULT", -1);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->background, 0); /* recent context stays news */
  d = t_doc("يشار إلى أن الميليشيا سبق أن اعتقلت 30 شخصا في مدينة الرقة.", PUB, 2);
  e = find(d, "COERCE", -1);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->background, 1);
}

/* ---- dedup ----------------------------------------------------------------- */
TEST(code_headline_and_lead_are_one_event) {
  rasd_doc *d = t_doc("مقتل 3 جنود بانفجار عبوة ناسفة في درعا\n\n"
                      "قتل 3 جنود من قوات النظام، صباح اليوم، بانفجار عبوة ناسفة استهدفت سيارتهم في مدينة درعا.\n\n"
                      "وقالت مصادر محلية إن العبوة زرعت على جانب الطريق.\n\n"
                      "وتشهد المنطقة توترا أمنيا منذ أشهر.",
                      PUB, 2);
  CHECK_INT(count(d, "ASSAULT", 0), 1);
  const rasd_event *e = find(d, "ASSAULT", 0);
  if (e) CHECK_INT(e->dead, 3);
}

/* ---- explain and lexicon --------------------------------------------------- */
TEST(code_explain_names_lexicon_rows_and_rules) {
  rasd_doc *d = t_doc("اعتقلت قوات الأمن 12 شخصا في مدينة حلب صباح اليوم.", PUB, 2);
  const rasd_event *e = find(d, "COERCE", 0);
  CHECK(e != NULL);
  if (!e) return;
  CHECK(e->nexplain >= 2);
  CHECK(e->nexplain && strstr(e->explain[0], "triggers.tsv:") != NULL);
  int weight = 0;
  for (int i = 0; i < e->nexplain; i++) weight |= strstr(e->explain[i], "weight") != NULL;
  CHECK(weight);
}

TEST(code_lexicon_bad_row_names_file_and_line) {
  char path[] = "/tmp/rasd-test-triggersXXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "w");
  fputs("# user triggers\nاقتحم\tASSAULT\t-\t-\t-\tverb\nفجر\tBOMBING\t-\t-\t-\tverb\n", f);
  fclose(f);
  rasd_lex *lx = NULL;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  const char *extra[] = {path};
  /* a file whose name holds "trigger" is read as a trigger table */
  CHECK_INT(rasd_lex_open(rasd_engine_default_data(), extra, 1, &lx, &dg), RASD_LEXICON);
  CHECK(lx == NULL);
  CHECK_INT(dg.line, 3);
  CHECK(strstr(dg.msg, "BOMBING") != NULL);
  f = fopen(path, "w");
  fputs("اقتحم\tASSAULT\t-\t-\t-\tverb,stem\n", f);
  fclose(f);
  CHECK_INT(rasd_lex_open(rasd_engine_default_data(), extra, 1, &lx, &dg), RASD_OK);
  if (lx) {
    CHECK(lx->ntrig > 100);
    rasd_lex_free(lx);
  }
  remove(path);
}

/* ---- the seed article end to end ------------------------------------------- */
TEST(code_seed_article_end_to_end) {
  if (!t_have_shared("the seed article")) return;
  FILE *f = fopen(SHARED_DIR "/seed/syria-tv-2021-05-01.txt", "rb");
  CHECK(f != NULL);
  if (!f) return;
  static char text[1 << 16];
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = 0;
  rasd_doc *d = t_doc(text, "2021-05-01", 2);
  /* news: the mobilisation (sizes 150 and 200) and the seizure of 10 cars */
  int s150 = 0, s200 = 0, seize = 0, news_assault = 0, bg = 0;
  for (uint32_t i = 0; i < d->nevents; i++) {
    const rasd_event *e = &d->events[i];
    if (e->background) { bg++; continue; }
    if (!strcmp(e->event, "MOBILIZE") && e->size_n == 150) s150 = 1;
    if (!strcmp(e->event, "MOBILIZE") && e->size_n == 200) s200 = 1;
    if (!strcmp(e->event, "COERCE") && e->size_n == 10 && e->day == day("2021-04-30")) seize = 1;
    if (!strcmp(e->event, "ASSAULT")) news_assault++;
  }
  CHECK(s150);
  CHECK(s200);
  CHECK(seize);
  CHECK_INT(news_assault, 0); /* every attack in it is history */
  CHECK(count(d, "MOBILIZE", 0) >= 3);
  CHECK(bg >= 4);
  const rasd_event *old = NULL;
  for (uint32_t i = 0; i < d->nevents; i++)
    if (d->events[i].background && d->events[i].day == day("2020-08-18")) old = &d->events[i];
  CHECK(old != NULL);
}

TEST(code_single_victim_and_count_before_passive) {
  rasd_doc *d = t_doc("وقتل جندي عراقي في قصف على ثكنة عسكرية قرب مدينة الفلوجة أمس.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->dead, 1);
  d = t_doc("لقي 22 مسلحا مصرعهم في عملية أمنية نفذتها القوات العراقية شمال مدينة الرمادي أمس.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->dead, 22);
}

TEST(code_casualty_verb_active_or_passive) {
  rasd_doc *d = t_doc("وقتلت القوات العراقية أربعة مسلحين في مدينة الرمادي أمس.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e && d->nactors) {
    CHECK(e->nactor >= 1);
    if (e->nactor) CHECK_STR(e->actor[0].sector, "MIL");
  }
  d = t_doc("وقال مصدر أمني إن جنديين عراقيين قتلا بانفجار عبوة ناسفة في مدينة كركوك أمس.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e && d->nactors) {
    CHECK(e->nrecipient >= 1);
    if (e->nrecipient) CHECK_STR(e->recipient[0].sector, "MIL");
  }
}

/* ---- references, accidents, courts, states ------------------------------- */
TEST(code_reference_accident_judicial_state_not_coded) {
  const char *no[] = {
      /* a reference: the news is the diplomatic step, the attack is known */
      "وقطعت الحكومة علاقاتها مع جارتها أمس غداة هجوم شنه مسلحون على مدينة حدودية.",
      "وبدأت الشرطة حملة تفتيش في المدينة أمس على خلفية إطلاق صاروخ على مبنى البلدية.",
      /* ... and the consequence clause of the act referred to goes with it */
      "وقطعت الحكومة علاقاتها مع جارتها أمس غداة هجوم شنه مسلحون على مدينة حدودية، وأسفر عن سقوط 40 قتيلا.",
      "وتحدث الوزير أمس فيما يتعلق بالهجوم على الثكنة والذي أدى إلى مقتل 15 جنديا.",
      "ولم يحرز الجانبان تقدما أمس في التحقيقات في الهجوم الذي استهدف القطار.",
      /* an accident or a disaster */
      "وقتل خمسة أشخاص أمس في حادث سير على الطريق بين المدينتين.",
      "ولقي ثلاثة عمال مصرعهم أمس في حريق اندلع داخل مصنع للنسيج في المدينة.",
      /* a sentence carried out */
      "وأعدمت السلطات أمس ثلاثة رجال شنقا في سجن العاصمة.",
      /* an act named as a crime or a case is talked about */
      "وندد النائب أمس بجريمة اغتيال الضابط في المدينة.",
      "وتسلم القاضي أمس ملف اغتيال الضابط في المدينة.",
      /* a state, not an event */
      "وتقع البلدة في منطقة تسيطر عليها فصائل المعارضة منذ سنوات.",
  };
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
    rasd_doc *d = t_doc(no[i], PUB, 2);
    if (find(d, "ASSAULT", 0)) fprintf(stderr, "  coded: %s\n", no[i]);
    CHECK(find(d, "ASSAULT", 0) == NULL);
  }
  /* the report before the reference word stays */
  rasd_doc *d = t_doc("وقتل ثلاثة جنود أمس في هجوم على حاجز للجيش قرب مدينة الموصل عقب اشتباكات استمرت ساعات.", PUB, 2);
  CHECK(find(d, "ASSAULT", 0) != NULL);
  /* taking a town, and expelling a force from it, is fighting */
  d = t_doc("قصفت طائرات حربية مواقع المسلحين في مدينة الرمادي أمس. وطردت القوات العراقية المسلحين من بلدة هيت اليوم.",
            PUB, 2);
  CHECK(count(d, "ASSAULT", 0) == 2);
}

/* ---- victims as recipients ------------------------------------------------ */
static int has_recipient_sector(const rasd_event *e, const char *sector) {
  for (int i = 0; e && i < e->nrecipient; i++)
    if (e->recipient[i].sector && !strcmp(e->recipient[i].sector, sector)) return 1;
  return 0;
}

TEST(code_victims_are_recipients) {
  /* the victims named after a later casualty word of the same event */
  rasd_doc *d = t_doc("وقصفت طائرات حربية حيا في مدينة حلب أمس، ما أدى إلى مقتل ثلاثة من رجال الشرطة.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_recipient_sector(e, "COP"));
  /* counted people are civilians; counted soldiers the military */
  d = t_doc("وانفجرت سيارة مفخخة في سوق مدينة بعقوبة أمس، ما أسفر عن مقتل خمسة أشخاص.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_recipient_sector(e, "CVL"));
  d = t_doc("وانفجرت عبوة ناسفة على طريق قرب مدينة كركوك أمس، ما أسفر عن إصابة ثلاثة عسكريين بجروح.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_recipient_sector(e, "MIL"));
}

static int has_actor_sector(const rasd_event *e, const char *sector) {
  for (int i = 0; e && i < e->nactor; i++)
    if (e->actor[i].sector && !strcmp(e->actor[i].sector, sector)) return 1;
  return 0;
}

TEST(code_attack_noun_names_its_agent) {
  /* an attack noun with a nationality: that state's forces act, the counted dead are victims */
  rasd_doc *d = t_doc("وقتل ثلاثة مسلحين في ضربة جوية أميركية قرب مدينة الموصل أمس.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_actor_sector(e, "MIL"));
  /* an air strike with no named perpetrator: a military */
  d = t_doc("وأسفرت غارة جوية على سوق بلدة كفرنبل أمس عن مقتل خمسة مدنيين.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_actor_sector(e, "MIL"));
  CHECK(has_recipient_sector(e, "CVL"));
}

TEST(code_air_strikes_and_ground_fighting_are_two_events) {
  rasd_doc *d = t_doc("وسيطرت القوات العراقية على مدينة الرمادي أمس وسط اشتباكات عنيفة مع المسلحين، فيما شنت طائرات التحالف "
                      "غارات على مواقع المسلحين في المدينة.",
                      PUB, 2);
  CHECK_INT(count(d, "ASSAULT", 0), 2);
  int air = 0;
  for (uint32_t i = 0; i < d->nevents; i++) air += has_mode(&d->events[i], "aerial");
  CHECK_INT(air, 1);
}

TEST(code_dead_counts_more_forms) {
  /* a single victim "and another" */
  rasd_doc *d = t_doc("وقتل جندي تركي وآخر من التنظيم في تبادل لإطلاق النار أمس قرب الحدود.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->dead, 2);
  /* counts joined by و under one casualty word add up */
  d = t_doc("وأسفرت الاشتباكات عن مقتل 25 مسلحا وسبعة من المقاتلين الموالين لهم أمس في مدينة حلب.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->dead, 32);
  /* an indefinite noun right after a casualty verb is its victim, even when a count follows in the next clause */
  d = t_doc("وقتل جندي عراقي وأصيب خمسة آخرون في قصف على ثكنة عسكرية قرب مدينة الفلوجة أمس.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  if (e) {
    CHECK_INT(e->dead, 1);
    CHECK_INT(e->injured, 5);
    CHECK(has_recipient_sector(e, "MIL"));
  }
}

TEST(code_statements_of_concern_hope_support) {
  rasd_doc *d = t_doc("وأعرب وزير الخارجية خلال الاجتماع أمس عن قلقه إزاء الهجمات على المدنيين.", PUB, 2);
  CHECK(find(d, "ACCUSE", 0) != NULL);
  d = t_doc("وأعرب الأمين العام أمس عن أمله في أن تلتزم الأطراف بالهدنة.", PUB, 2);
  CHECK(find(d, "REQUEST", 0) != NULL);
  d = t_doc("وأعرب وزير الخارجية أمس عن دعمه للحكومة في حربها على الإرهاب.", PUB, 2);
  CHECK(find(d, "SUPPORT", 0) != NULL);
}

TEST(code_control_verb_loser_and_kin_victims) {
  /* the side losing ground, after من (أيدي), receives a control verb */
  rasd_doc *d = t_doc("واستعادت القوات العراقية بلدة هيت من أيدي تنظيم داعش اليوم.", PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_actor_sector(e, "MIL"));
  CHECK(has_recipient_sector(e, "REB"));
  /* a young man, a father, a farmer named as victims are civilians */
  d = t_doc("وقتل شاب برصاص قوات الأمن في مدينة الخليل أمس.", PUB, 2);
  e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_recipient_sector(e, "CVL"));
}

TEST(code_parties_around_the_act_not_a_reference) {
  rasd_doc *d = t_doc("وبعد ساعات على قصف منزل في المدينة، قامت دبابة إسرائيلية بقصف أحد المنازل في مخيم جباليا أمس، ما أدى "
                      "إلى مقتل ثلاثة مواطنين.",
                      PUB, 2);
  const rasd_event *e = find(d, "ASSAULT", 0);
  CHECK(e != NULL);
  CHECK(has_actor_sector(e, "MIL"));
  CHECK(has_recipient_sector(e, "CVL"));
}

TEST(code_toll_since_a_starting_point_is_no_event) {
  rasd_doc *d = t_doc("وقال المتحدث إن أكثر من ثلاثة آلاف جندي قتلوا منذ بداية الحرب في البلاد.", PUB, 2);
  CHECK(find(d, "ASSAULT", -1) == NULL);
  /* منذ + a span of time dates one event ("two days ago") */
  d = t_doc("وقتل خمسة أشخاص منذ يومين في قصف على مدينة حلب.", PUB, 2);
  CHECK(find(d, "ASSAULT", -1) != NULL);
}

TEST(code_strike_on_military_targets_is_an_operation) {
  rasd_doc *d = t_doc("وأعلنت الحكومة أن القوات المسلحة ضربت، أمس، أهدافا تابعة للتنظيم في شمال البلاد.", PUB, 2);
  CHECK(find(d, "ASSAULT", 0) != NULL);
  /* no target, no count, no place: talk */
  d = t_doc("وقالت الحكومة إن القوات المسلحة ضربت بقوة.", PUB, 2);
  CHECK(find(d, "ASSAULT", 0) == NULL);
}

TEST(code_capture_is_coerce) {
  rasd_doc *d = t_doc("وطرد المقاتلون المتمردين من المدينة أمس وأسروا 12 من عناصرهم.", PUB, 2);
  const rasd_event *e = find(d, "COERCE", 0);
  CHECK(e != NULL);
  if (e) CHECK_INT(e->arrested, 12);
  /* families (أسر) are no capture */
  d = t_doc("وقدمت الحكومة أمس مساعدات إلى أسر الضحايا في المدينة.", PUB, 2);
  CHECK(find(d, "COERCE", -1) == NULL);
}
