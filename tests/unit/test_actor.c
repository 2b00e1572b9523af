/*
** tests/unit/test_actor.c -- the actor lexicon (data/lex/actors.tsv,
** actor-roles.tsv, nationalities.tsv) and actor mentions: named actors
** through clitics, validity dates, composition of role + nationality, UAF,
** longest match, anaphora, and no actors on common words.
*/
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/code/actor.h"
#include "test.h"

static rasd_actor_lex *open_lex(void) {
  rasd_actor_lex *lx = NULL;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  rasd_rc rc = rasd_actor_lex_open(rasd_engine_default_data(), NULL, 0, &lx, &dg);
  if (rc != RASD_OK) rasd_diag_print(stderr, "error", &dg);
  CHECK_INT(rc, RASD_OK);
  return lx;
}

/* Analyse text published on date and find its actors. */
static rasd_doc *actors(rasd_actor_lex *lx, const char *text, const char *date) {
  rasd_doc *d = t_doc(text, date, 0);
  rasd_actor_find(lx, d);
  return d;
}

/* The actor whose span is exactly `surface`, or NULL. */
static const rasd_actor *at(const rasd_doc *d, const char *surface) {
  for (uint32_t i = 0; i < d->nactors; i++)
    if (!strcmp(t_span(d->actors[i].start, d->actors[i].end), surface)) return &d->actors[i];
  return NULL;
}

static void dump(const rasd_doc *d) {
  for (uint32_t i = 0; i < d->nactors; i++)
    fprintf(stderr, "    [%s] %s | %s | %s (%s)\n", t_span(d->actors[i].start, d->actors[i].end),
            d->actors[i].entity_name, d->actors[i].country ? d->actors[i].country : "-", d->actors[i].sector,
            d->actors[i].rule);
}

#define EXPECT(d, surface, name, cc, sec)                                      \
  do {                                                                         \
    const rasd_actor *act_ = at(d, surface);                                     \
    CHECK(act_ != NULL);                                                         \
    if (!act_) { dump(d); break; }                                               \
    CHECK_STR(act_->entity_name, name);                                          \
    if (cc) CHECK_STR(act_->country, (const char *)cc); else CHECK(act_->country == NULL); \
    CHECK_STR(act_->sector, sec);                                                \
    CHECK(act_->rule != NULL);                                                   \
  } while (0)

TEST(actor_lexicon_loads) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  uint32_t named, roles, nats, phrases;
  rasd_actor_lex_counts(lx, &named, &roles, &nats, &phrases);
  CHECK(named > 150);
  CHECK(roles > 100);
  CHECK(nats > 50);
  CHECK(phrases > 1000);
  rasd_actor_lex_free(lx);
}

TEST(actor_named_through_clitics) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "قصفت الطائرات مواقع لتنظيم الدولة شرقي حماة، وتقدمت وقوات النظام نحو البلدة.", "2021-05-01");
  EXPECT(d, "لتنظيم الدولة", "Islamic State", "IMG", "REB");
  EXPECT(d, "وقوات النظام", "Military Forces of Syria", "SYR", "MIL");
  CHECK_INT(d->nactors, 2);
  d = actors(lx, "هاجمت ميليشيا \"الدفاع الوطني\" نقطة لداعش قرب الميادين.", "2021-05-01");
  EXPECT(d, "ميليشيا \"الدفاع الوطني\"", "National Defence Forces", "SYR", "PRM");
  EXPECT(d, "لداعش", "Islamic State", "IMG", "REB");
  d = actors(lx, "أعلن الحوثيون سيطرتهم على المديرية بعد معارك مع المقاومة الشعبية.", "2015-08-01");
  EXPECT(d, "الحوثيون", "Houthis (Ansar Allah)", "YEM", "REB");
  EXPECT(d, "المقاومة الشعبية", "Popular Resistance (pro-Hadi)", "YEM", "PRM");
  rasd_actor_lex_free(lx);
}

TEST(actor_validity_dates) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  const char *s = "اشتبكت قوات النظام مع عناصر هيئة تحرير الشام في ريف اللاذقية.";
  rasd_doc *d = actors(lx, s, "2021-05-01");
  EXPECT(d, "قوات النظام", "Military Forces of Syria", "SYR", "MIL");
  EXPECT(d, "هيئة تحرير الشام", "Hayat Tahrir al-Sham", "SYR", "REB");
  d = actors(lx, s, "2025-03-07");
  EXPECT(d, "قوات النظام", "Assad regime remnants", "SYR", "REB");
  EXPECT(d, "هيئة تحرير الشام", "Military Forces of Syria (2024-)", "SYR", "MIL");
  /* the composed Syrian army follows the state's row */
  d = actors(lx, "انتشر الجيش السوري في المدينة.", "2025-03-07");
  EXPECT(d, "الجيش السوري", "Military Forces of Syria (2024-)", "SYR", "MIL");
  d = actors(lx, "انتشر الجيش السوري في المدينة.", "2019-03-07");
  EXPECT(d, "الجيش السوري", "Military Forces of Syria", "SYR", "MIL");
  /* re-resolving a named actor for an older event */
  d = actors(lx, s, "2025-03-07");
  rasd_actor a = *at(d, "قوات النظام");
  int32_t old;
  CHECK(rasd_day_parse("2019-06-01", &old));
  CHECK_INT(rasd_actor_redate(lx, d, &a, old), 1);
  CHECK_STR(a.entity_name, "Military Forces of Syria");
  CHECK_STR(a.sector, "MIL");
  /* the general security service after December 2024 */
  d = actors(lx, "أوقف الأمن العام خلية في حمص.", "2025-02-01");
  EXPECT(d, "الأمن العام", "Police Forces of Syria (2024-)", "SYR", "COP");
  rasd_actor_lex_free(lx);
}

TEST(actor_role_plus_nationality) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "قصفت القوات الروسية مواقع في البادية، وشنت طائرات حربية روسية غارات.", "2021-05-01");
  EXPECT(d, "القوات الروسية", "Military Forces of Russia", "RUS", "MIL");
  EXPECT(d, "طائرات حربية روسية", "Military Forces of Russia", "RUS", "MIL");
  d = actors(lx, "اعتقلت الشرطة التركية ثلاثة أشخاص، وقالت الحكومة العراقية إنها تتابع القضية.", "2021-05-01");
  EXPECT(d, "الشرطة التركية", "Police Forces of Turkey", "TUR", "COP");
  EXPECT(d, "الحكومة العراقية", "Government of Iraq", "IRQ", "GOV");
  d = actors(lx, "قال وزير الخارجية الأمريكي إن الرئيس التركي وافق على الخطة.", "2021-05-01");
  EXPECT(d, "وزير الخارجية الأمريكي", "Government of the United States", "USA", "GOV");
  EXPECT(d, "الرئيس التركي", "Government of Turkey", "TUR", "GOV");
  d = actors(lx, "قتل جنود إسرائيليون شابا، واستهدفت القوات الأميركية والبريطانية مواقع للمسلحين.", "2021-05-01");
  EXPECT(d, "جنود إسرائيليون", "Military Forces of Israel", "ISR", "MIL");
  EXPECT(d, "القوات الأميركية", "Military Forces of the United States", "USA", "MIL");
  EXPECT(d, "والبريطانية", "Military Forces of the United Kingdom", "GBR", "MIL");
  d = actors(lx, "أصيب مدنيون سوريون بنيران حرس الحدود.", "2021-05-01");
  EXPECT(d, "مدنيون سوريون", "Civilians (Syria)", "SYR", "CVL");
  rasd_actor_lex_free(lx);
}

TEST(actor_uaf_civilians_and_country_fill) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "اغتال مسلحون مجهولون مختار القرية وأصابوا ثلاثة مدنيين.", "2021-05-01");
  EXPECT(d, "مسلحون مجهولون", "Unidentified Armed Group", NULL, "UAF");
  EXPECT(d, "مدنيين", "Civilians", NULL, "CVL");
  rasd_actor a = *at(d, "مدنيين");
  CHECK_INT(rasd_actor_set_country(lx, &a, "YEM", d->pub_day), 1);
  CHECK_STR(a.entity_name, "Civilians (Yemen)");
  CHECK_STR(a.country, "YEM");
  CHECK_INT(rasd_actor_set_country(lx, &a, "IRQ", d->pub_day), 0);
  /* gunmen of a named group are that group, not UAF */
  d = actors(lx, "قتل مسلحون من تنظيم داعش راعيا.", "2021-05-01");
  CHECK(at(d, "مسلحون") == NULL);
  EXPECT(d, "تنظيم داعش", "Islamic State", "IMG", "REB");
  /* a conjoined named actor is a second party, not the role's owner */
  d = actors(lx, "اندلعت مواجهات بين مقاتلي القبائل وميليشيات الحوثي.", "2015-08-01");
  EXPECT(d, "مقاتلي القبائل", "Tribal militia", NULL, "PRM");
  EXPECT(d, "وميليشيات الحوثي", "Houthis (Ansar Allah)", "YEM", "REB");
  /* من introduces an origin, not the role's nationality */
  d = actors(lx, "وصلت طائرات المؤن من السعودية إلى المطار.", "2015-08-01");
  CHECK(at(d, "طائرات المؤن من السعودية") == NULL);
  rasd_actor_lex_free(lx);
}

TEST(actor_bare_state) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "تشن روسيا حملة جوية على مواقع التنظيم في سوريا، وطلبت واشنطن من أنقرة المساعدة.", "2021-05-01");
  EXPECT(d, "روسيا", "Government of Russia", "RUS", "GOV");
  EXPECT(d, "واشنطن", "Government of the United States", "USA", "GOV");
  EXPECT(d, "أنقرة", "Government of Turkey", "TUR", "GOV");
  CHECK(at(d, "سوريا") == NULL); /* a place after في */
  rasd_actor a = *at(d, "روسيا");
  CHECK(rasd_actor_is_state(&a));
  CHECK_INT(rasd_actor_as_state(lx, a.country, "MIL", d->pub_day, &a), 1);
  CHECK_STR(a.entity_name, "Military Forces of Russia");
  CHECK_STR(a.sector, "MIL");
  d = actors(lx, "نقلت وكالة الأنباء السعودية الخبر.", "2021-05-01");
  CHECK_INT(d->nactors, 0);
  rasd_actor_lex_free(lx);
}

TEST(actor_longest_match) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "سيطرت قوات سوريا الديمقراطية على القرية.", "2021-05-01");
  EXPECT(d, "قوات سوريا الديمقراطية", "SDF: Syrian Democratic Forces", "SYR", "REB");
  CHECK_INT(d->nactors, 1);
  d = actors(lx, "شارك الجيش السوري الحر وحزب الله اللبناني في المعارك.", "2015-05-01");
  EXPECT(d, "الجيش السوري الحر", "Free Syrian Army", "SYR", "REB");
  EXPECT(d, "وحزب الله اللبناني", "Hezbollah", "LBN", "PRM");
  CHECK_INT(d->nactors, 2);
  d = actors(lx, "اقتحمت قوات الاحتلال الروسي القرية.", "2021-05-01");
  EXPECT(d, "قوات الاحتلال الروسي", "Military Forces of Russia", "RUS", "MIL");
  d = actors(lx, "هاجم تنظيم الدولة (داعش) نقطة للجيش.", "2021-05-01");
  EXPECT(d, "تنظيم الدولة (داعش)", "Islamic State", "IMG", "REB");
  rasd_actor_lex_free(lx);
}

TEST(actor_anaphora) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "تقدم تنظيم القاعدة في المدينة. وفرض التنظيم حظرا على الأسواق.", "2015-08-01");
  EXPECT(d, "التنظيم", "Al Qaeda", "IMG", "REB");
  d = actors(lx, "وفرض التنظيم حظرا على الأسواق.", "2015-08-01");
  CHECK_INT(d->nactors, 0);
  d = actors(lx, "طرد الحوثيون السكان، ثم قصف المتمردون الحي.", "2015-08-01");
  EXPECT(d, "المتمردون", "Houthis (Ansar Allah)", "YEM", "REB");
  rasd_actor_lex_free(lx);
}

TEST(actor_no_false_actors_on_common_words) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  const char *texts[] = {
      "عاد الهدوء إلى المدينة بعد انقطاع الكهرباء ساعات طويلة.",
      "افتتح المجتمع المدني معرضا في القاعدة الجوية القديمة.",
      "وصل وزير الدفاع الوطني إلى المطار في زيارة رسمية.",
      "ارتفعت أسعار الخبز والوقود في الأسواق هذا الأسبوع.",
      "توجه الوفد إلى تركيا عبر الحدود السورية.",
      "استقبل الجمهور الفريق بكثير من الحماس.",             /* not حماس */
      "أصدرت هيئة المواصفات قرارا بشأن حشد الجهود.",          /* not الهيئة/الحشد */
      "قالت مصادر سعودية إن المؤتمر الصحفي تأجل.",           /* an adjective, not the state */
      "الرياض - أعلن المكتب الإعلامي افتتاح المعرض.",         /* a dateline */
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    rasd_doc *d = actors(lx, texts[i], "2021-05-01");
    if (d->nactors) {
      fprintf(stderr, "  unexpected actors in: %s\n", texts[i]);
      dump(d);
    }
    CHECK_INT(d->nactors, 0);
  }
  rasd_actor_lex_free(lx);
}

TEST(actor_malformed_rows_are_reported) {
  char path[] = "/tmp/rasd-actor-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  const char *rows = "# user lexicon\nلواء المثال\tExample Brigade\tSYR\tPRM\n"
                     "لواء آخر\tOther Brigade\tSYRIA\tPRM\n";
  CHECK(write(fd, rows, strlen(rows)) == (ssize_t)strlen(rows));
  close(fd);
  const char *extra[] = {path};
  rasd_actor_lex *lx = NULL;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  CHECK_INT(rasd_actor_lex_open(rasd_engine_default_data(), extra, 1, &lx, &dg), RASD_LEXICON);
  CHECK(lx == NULL);
  CHECK_INT(dg.line, 3);
  CHECK(dg.source && strstr(dg.source, "rasd-actor-"));
  CHECK(strstr(dg.msg, "SYRIA") != NULL);
  /* a good user row is matched like the shipped ones */
  fd = open(path, O_WRONLY | O_TRUNC);
  CHECK(fd >= 0);
  rows = "لواء المثال\tExample Brigade\tSYR\tPRM\n";
  CHECK(write(fd, rows, strlen(rows)) == (ssize_t)strlen(rows));
  close(fd);
  CHECK_INT(rasd_actor_lex_open(rasd_engine_default_data(), extra, 1, &lx, &dg), RASD_OK);
  if (lx) {
    rasd_doc *d = actors(lx, "هاجم لواء المثال حاجزا.", "2021-05-01");
    EXPECT(d, "لواء المثال", "Example Brigade", "SYR", "PRM");
    rasd_actor_lex_free(lx);
  }
  unlink(path);
}

TEST(actor_places_and_adjectives_are_not_actors) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  /* a country joined to a place is a place too */
  rasd_doc *d = actors(lx, "تجند الشبكة مقاتلين للقتال في سوريا والعراق.", "2015-08-01");
  CHECK(at(d, "والعراق") == NULL);
  /* "armed" qualifying an actor is not a second, unidentified actor */
  d = actors(lx, "سيطر رجال القبائل مسلحون على التلال.", "2015-08-01");
  EXPECT(d, "رجال القبائل", "Tribal militia", NULL, "PRM");
  CHECK_INT(d->nactors, 1);
  /* a military action noun with a nationality names the state's forces */
  d = actors(lx, "رحب المتحدث بالغارات الروسية على مواقع التنظيم.", "2016-08-01");
  EXPECT(d, "بالغارات الروسية", "Military Forces of Russia", "RUS", "MIL");
  rasd_actor_lex_free(lx);
}

TEST(actor_where_steers_ambiguous_names) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  /* no places known: التحالف is the US-led coalition unless one was named */
  rasd_doc *d = actors(lx, "شن طيران التحالف غارات على مواقع التنظيم.", "2016-08-01");
  EXPECT(d, "طيران التحالف", "US-led international coalition", "USA", "MIL");
  d = actors(lx, "أعلن التحالف العربي هدنة. وقال التحالف إن الهدنة بدأت.", "2016-08-01");
  EXPECT(d, "التحالف", "Saudi-led Arab coalition", "SAU", "MIL");
  rasd_actor_lex_free(lx);
}

TEST(actor_where_uses_the_article_places) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = t_doc("شن طيران التحالف غارات على مواقع في مدينة صنعاء ومدينة تعز.", "2016-08-01", 1);
  int yem = 0;
  for (uint32_t i = 0; i < d->nplaces; i++) yem += d->places[i].country && !strcmp(d->places[i].country, "YEM");
  if (!yem) {
    fprintf(stderr, "  skip: the gazetteer does not resolve Yemeni towns here\n");
    rasd_actor_lex_free(lx);
    return;
  }
  rasd_actor_find(lx, d);
  EXPECT(d, "طيران التحالف", "Saudi-led Arab coalition", "SAU", "MIL");
  rasd_actor_lex_free(lx);
}

TEST(actor_nationality_beats_a_namesake) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  rasd_doc *d = actors(lx, "قصف الجيش السوداني مواقع لقوات الدعم السريع.", "2024-01-10");
  EXPECT(d, "الجيش السوداني", "Military Forces of Sudan", "SDN", "MIL");
  EXPECT(d, "لقوات الدعم السريع", "Rapid Support Forces", "SDN", "REB");
  d = actors(lx, "انتشرت قوات الدعم السريع في الخرطوم.", "2020-01-10");
  EXPECT(d, "قوات الدعم السريع", "Rapid Support Forces", "SDN", "PRM");
  rasd_actor_lex_free(lx);
}

TEST(actor_edges_of_sentences) {
  rasd_actor_lex *lx = open_lex();
  if (!lx) return;
  /* phrases cut by the end of the text, an unclosed bracket, lone quotes */
  const char *texts[] = {"قوات", "تنظيم الدولة (داعش", "\"\" قوات \"", "وصلت القوات", "(", "داعش (", "جنود",
                         "الجيش السوري\n\nالحر", "مسلحون مجهولون"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    rasd_doc *d = actors(lx, texts[i], NULL);
    for (uint32_t k = 0; k < d->nactors; k++) {
      CHECK(d->actors[k].tok_begin < d->actors[k].tok_end && d->actors[k].tok_end <= d->ntoks);
      CHECK(d->actors[k].start < d->actors[k].end && d->actors[k].end <= d->len);
    }
  }
  rasd_doc *d = actors(lx, "تنظيم الدولة (داعش", NULL);
  EXPECT(d, "تنظيم الدولة", "Islamic State", "IMG", "REB");
  /* no publication date: the first row of a dated surface */
  d = actors(lx, "قصفت قوات النظام البلدة.", NULL);
  EXPECT(d, "قوات النظام", "Military Forces of Syria", "SYR", "MIL");
  rasd_actor_lex_free(lx);
}
