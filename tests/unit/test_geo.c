/*
** tests/unit/test_geo.c -- the gazetteer and place resolution (stage "gaz"):
** finding mentions (clitics, spellings, coordination, cues), refusing
** common words / months / person names, resolving (country context,
** precision), unresolved mentions, building and importing on fixtures.
** Sentences are written for these tests.  Checks that need GeoNames
** cities500 (fetched by `make setup`) say "skip" when the build lacks it;
** the seed-article test reads ../shared at run time and skips without it.
*/
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/geo/geo.h"
#include "../../src/text/text.h"
#include "test.h"

#define FIX "tests/fixtures/geo"

static double km(double la1, double lo1, double la2, double lo2) {
  const double r = M_PI / 180;
  double a = sin((la2 - la1) * r / 2), b = sin((lo2 - lo1) * r / 2);
  double h = a * a + cos(la1 * r) * cos(la2 * r) * b * b;
  return 6371 * 2 * asin(sqrt(h));
}

/* The i-th place whose text is s (NULL when none). */
static const rasd_place *place(const rasd_doc *d, const char *s, int nth) {
  for (uint32_t i = 0; i < d->nplaces; i++)
    if (!strcmp(t_span(d->places[i].start, d->places[i].end), s) && nth-- == 0) return &d->places[i];
  return NULL;
}

static int have_geonames(void) {
  static int known = -1;
  if (known < 0) {
    rasd_gaz *g;
    rasd_diag dg;
    memset(&dg, 0, sizeof dg);
    known = rasd_gaz_open(rasd_engine_default_data(), &g, &dg) == RASD_OK && rasd_gaz_has_geonames(g);
    if (known >= 0) rasd_gaz_free(known ? g : g);
  }
  if (!known) fprintf(stderr, "  skip: the gazetteer was built without GeoNames cities500 (run make setup)\n");
  return known;
}

TEST(geo_seed_article) {
  if (!t_have_shared("the seed article")) return;
  FILE *f = fopen(SHARED_DIR "/seed/syria-tv-2021-05-01.txt", "rb");
  CHECK(f != NULL);
  if (!f) return;
  static char text[65536];
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = 0;
  rasd_doc *d = t_doc(text, "2021-05-01", 1);
  static const struct { const char *ar, *en; double lat, lon; } towns[] = {
      {"دير الزور", "Deir ez-Zor", 35.33588, 40.14084},
      {"البوكمال", "Abu Kamal", 34.45226, 40.91854},
      {"الميادين", "Al Mayadin", 35.01982, 40.45154},
      {"العشارة", "Al Asharah", 34.92133, 40.56007},
  };
  for (size_t k = 0; k < sizeof towns / sizeof *towns; k++) {
    const rasd_place *p = place(d, towns[k].ar, 0);
    CHECK(p != NULL);
    if (!p) {
      fprintf(stderr, "  %s not found\n", towns[k].ar);
      continue;
    }
    CHECK(p->entry >= 0);
    CHECK_STR(p->country, "SYR");
    CHECK_STR(p->admin1, "Deir ez-Zor");
    CHECK(km(p->lat, p->lon, towns[k].lat, towns[k].lon) < 5);
    CHECK_INT(p->geo_precision, 1);
  }
  const rasd_place *p = place(d, "البادية السورية", 0);
  CHECK(p && p->entry >= 0 && p->geo_precision == 3);
  p = place(d, "محافظة دير الزور", 0);
  CHECK(p && p->geo_precision == 3);
  p = place(d, "ريف دير الزور الشرقي", 0);
  CHECK(p && p->geo_precision == 2 && p->cue);
  p = place(d, "كباجب", 0);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(p->entry, -1);
    CHECK_STR(p->name_ar, "كباجب");
  }
  for (uint32_t i = 1; i < d->nplaces; i++) CHECK(d->places[i - 1].start < d->places[i].start);
}

TEST(geo_clitics_and_spellings) {
  rasd_doc *d = t_doc("وانسحبت المجموعة وبالبوكمال تمركزت قوات أخرى.", "2021-05-01", 1);
  const rasd_place *p = place(d, "البوكمال", 0);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->name, "Abu Kamal");
    CHECK_INT(p->geonameid, 174448);
    CHECK(p->tok_end == p->tok_begin + 1);
  }
  static const char *const spellings[] = {"وصلت الدورية إلى أبو كمال صباحاً.", "وصلت الدورية إلى البو كمال صباحاً.",
                                          "وصلت الدورية إلى ابوكمال صباحاً."};
  for (int k = 0; k < 3; k++) {
    d = t_doc(spellings[k], "2021-05-01", 1);
    CHECK_INT(d->nplaces, 1);
    if (d->nplaces) CHECK_STR(d->places[0].name, "Abu Kamal");
  }
  d = t_doc("انفجرت عبوة ناسفة في ديرالزور.", "2021-05-01", 1);
  CHECK(d->nplaces == 1 && d->places[0].entry >= 0 && !strcmp(d->places[0].admin1, "Deir ez-Zor"));
}

TEST(geo_coordination_and_countryside) {
  rasd_doc *d = t_doc("استقدمت القوات تعزيزات إلى مدينتي البوكمال والميادين بريف دير الزور الشرقي.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 3);
  const rasd_place *a = place(d, "البوكمال", 0), *b = place(d, "الميادين", 0), *c = place(d, "ريف دير الزور الشرقي", 0);
  CHECK(a && a->geo_precision == 1 && a->cue);
  CHECK(b && b->entry >= 0 && b->geo_precision == 1); /* a common word, admitted by the shared cue */
  CHECK(c && c->geo_precision == 2 && c->entry >= 0);
  d = t_doc("دارت اشتباكات عنيفة في أطراف دير الزور.", "2021-05-01", 1);
  CHECK(d->nplaces == 1 && d->places[0].geo_precision == 2);
}

TEST(geo_common_words_need_evidence) {
  /* الميادين = "the arenas", العشارة, آب = August (also إب), حماة = protectors */
  rasd_doc *d = t_doc("وشهدت الميادين الرياضية في الجامعة إقبالاً كبيراً من الطلاب.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("قتل ضابط برتبة لواء في 18 آب 2020 خلال هجوم.", "2021-05-01", 1);
  for (uint32_t i = 0; i < d->nplaces; i++) CHECK(!d->places[i].name || strcmp(d->places[i].name, "Ibb"));
  d = t_doc("وقف حماة الديار صفاً واحداً.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("سقطت قذائف على محافظة إب وسط اليمن.", "2021-05-01", 1);
  const rasd_place *p = place(d, "محافظة إب", 0);
  CHECK(p && p->entry >= 0 && p->geo_precision == 3 && !strcmp(p->country, "YEM"));
  /* a weekday is not a place */
  d = t_doc("وقعت الحادثة يوم الجمعة الماضي.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
}

TEST(geo_person_names) {
  rasd_doc *d = t_doc("وقال القيادي في الفصيل أبو درعا إن مقاتليه انسحبوا.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("التقى الوزير الشيخ حمص بن علي بالوفد.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
}

TEST(geo_unresolved_after_cue) {
  rasd_doc *d = t_doc("وسيطرت القوات على قرية كفرحلوة بعد معارك استمرت يومين.", "2021-05-01", 1);
  const rasd_place *p = place(d, "كفرحلوة", 0);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(p->entry, -1);
    CHECK(p->cue);
    CHECK_STR(p->name_ar, "كفرحلوة");
    CHECK(p->name == NULL && p->country == NULL);
  }
  /* adjectives after a cue are not names */
  d = t_doc("وتقع المنشأة في منطقة حساسة قرب مدينة كبيرة.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
}

TEST(geo_governorate_and_regions) {
  rasd_doc *d = t_doc("تنتشر خلايا التنظيم في البادية السورية وفي بادية الشام.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 2);
  for (uint32_t i = 0; i < d->nplaces; i++) CHECK(d->places[i].geo_precision == 3 && !strcmp(d->places[i].country, "SYR"));
  d = t_doc("أعلنت السلطات حظر التجوال في محافظة إدلب.", "2021-05-01", 1);
  const rasd_place *p = place(d, "محافظة إدلب", 0);
  CHECK(p && p->geo_precision == 3 && !strcmp(p->admin1, "Idlib"));
}

TEST(geo_resolution_context) {
  if (!have_geonames()) return;
  /* أريحا: Ariha (Idlib) or Jericho (Palestine) */
  rasd_doc *d = t_doc("سقطت قذائف على أريحا وجسر الشغور في ريف إدلب الجنوبي.", "2021-05-01", 1);
  const rasd_place *p = place(d, "أريحا", 0);
  CHECK(p && p->country && !strcmp(p->country, "SYR"));
  d = t_doc("اقتحمت قوات الاحتلال مدينة أريحا واعتقلت شابين قرب رام الله.", "2021-05-01", 1);
  p = place(d, "أريحا", 0);
  CHECK(p && p->country && !strcmp(p->country, "PSE"));
  d = t_doc("انفجرت سيارة مفخخة في مدينة الرمادي غرب بغداد.", "2021-05-01", 1);
  p = place(d, "الرمادي", 0);
  CHECK(p && p->country && !strcmp(p->country, "IRQ") && p->geo_precision == 1);
}

TEST(geo_edge_inputs) {
  rasd_doc *d = t_doc("", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("... !! ، ؟", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("دير", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  d = t_doc("مدينة", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
}

TEST(geo_build_and_lookup_fixtures) {
  rasd_gaz_sources src = {0};
  src.data_dir = FIX "/data";
  src.cities500 = FIX "/cities500-mini.txt";
  void *img = NULL;
  size_t len = 0;
  rasd_gaz_stats st;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  CHECK_INT(rasd_gaz_compile(&src, &img, &len, &st, &dg), RASD_OK);
  CHECK(st.from_geonames == 4 && st.entries > 4);
  free(img);
  const char *out = "build-test-geo.bin";
  CHECK_INT(rasd_gaz_build(&src, out, NULL, &dg), RASD_OK);
  rasd_gaz *g = NULL;
  CHECK_INT(rasd_gaz_open_file(out, &g, &dg), RASD_OK);
  if (g) {
    int32_t ids[4];
    CHECK_INT(rasd_gaz_lookup(g, "البو كمال", strlen("البو كمال"), ids, 4), 1);
    rasd_gaz_info in;
    CHECK(rasd_gaz_entry(g, ids[0], &in) && in.geonameid == 174448 && !strcmp(in.admin1, "Deir ez-Zor"));
    CHECK_INT(rasd_gaz_lookup(g, "تجربة", strlen("تجربة"), ids, 4), 1);
    CHECK(rasd_gaz_entry(g, ids[0], &in) && !strcmp(in.country, "SYR") && !strcmp(in.source, "geonames"));
    CHECK_INT(rasd_gaz_lookup(g, "السلام", strlen("السلام"), ids, 4), 1);
    CHECK(rasd_gaz_entry(g, ids[0], &in) && in.needs_cue);
    CHECK_INT(rasd_gaz_lookup(g, "نيسان", strlen("نيسان"), ids, 4), 0); /* a stop word */
    CHECK(!rasd_gaz_entry(g, -1, &in) && !rasd_gaz_entry(g, (int32_t)rasd_gaz_count(g), &in));
    rasd_gaz_free(g);
  }
  remove(out);
  /* a malformed row fails with its file and line */
  src.data_dir = FIX "/bad";
  src.cities500 = NULL;
  CHECK_INT(rasd_gaz_compile(&src, &img, &len, NULL, &dg), RASD_LEXICON);
  CHECK_INT(dg.line, 3);
  CHECK(strstr(dg.source, "bad/geo/places.tsv") != NULL);
  /* not a gazetteer */
  CHECK_INT(rasd_gaz_open_file(FIX "/README.md", &g, &dg), RASD_LEXICON);
  CHECK(g == NULL);
  CHECK_INT(rasd_gaz_open_file(FIX "/nonexistent.bin", &g, &dg), RASD_IO);
}

TEST(geo_importers) {
  FILE *f = tmpfile();
  size_t rows = 0;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  CHECK_INT(rasd_gaz_import_geonames(FIX "/SY-mini.txt", FIX "/alternateNames-mini.txt", 0, f, &rows, &dg), RASD_OK);
  CHECK_INT(rows, 5);
  rewind(f);
  char line[1024];
  int saw_alt = 0;
  while (fgets(line, sizeof line, f)) saw_alt |= strstr(line, "تل النموذج\tTall Namudhaj") != NULL;
  CHECK(saw_alt);
  fclose(f);
  f = tmpfile();
  CHECK_INT(rasd_gaz_import_geonames(FIX "/SY-mini.txt", NULL, 10000, f, &rows, &dg), RASD_OK);
  CHECK_INT(rows, 2); /* two small villages filtered; the ADM1 row has no Arabic name without alternateNames */
  fclose(f);
  f = tmpfile();
  CHECK_INT(rasd_gaz_import_opensyria(FIX "/opensyria", f, &rows, &dg), RASD_OK);
  CHECK_INT(rows, 3);
  fclose(f);
  f = tmpfile();
  CHECK_INT(rasd_gaz_import_opensyria(FIX "/nonexistent", f, &rows, &dg), RASD_IO);
  fclose(f);
}

TEST(geo_load_time) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  rasd_gaz *g = NULL;
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  CHECK_INT(rasd_gaz_open(rasd_engine_default_data(), &g, &dg), RASD_OK);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  CHECK(ms < 50 * 4); /* target 50 ms; generous under sanitizers */
  CHECK(g && rasd_gaz_count(g) > 100);
  rasd_gaz_free(g);
}

TEST(geo_refusals_and_evidence) {
  /* tanween marks an indefinite noun or adverb: دوماً is "always", not Douma */
  rasd_doc *d = t_doc("سيبقى هذا الخيار مطروحاً دوماً أمام الحكومة.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  /* ف and ك are not read off a name: فرانس برس, كبيرة */
  d = t_doc("ونقلت وكالة فرانس برس عن مصدر في قرية كبيرة أن الهدوء عاد.", "2021-05-01", 1);
  for (uint32_t i = 0; i < d->nplaces; i++) CHECK(d->places[i].entry < 0);
  /* a common word with a confident place nearby in the same sentence */
  d = t_doc("دارت اشتباكات في الميادين على بعد كيلومترات من دير الزور.", "2021-05-01", 1);
  const rasd_place *p = place(d, "الميادين", 0);
  CHECK(p && p->entry >= 0 && !strcmp(p->country, "SYR"));
  /* ... and without one it stays a word */
  d = t_doc("امتلأت الميادين بالمحتفلين.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  /* a country name is context, not a place */
  d = t_doc("وصل الوفد إلى سوريا أمس.", "2021-05-01", 1);
  CHECK_INT(d->nplaces, 0);
  /* token ranges and spans agree */
  d = t_doc("قصفت الطائرات أطراف مدينة البوكمال.", "2021-05-01", 1);
  for (uint32_t i = 0; i < d->nplaces; i++) {
    CHECK(d->places[i].tok_begin < d->places[i].tok_end && d->places[i].tok_end <= d->ntoks);
    CHECK(d->places[i].start >= d->toks[d->places[i].tok_begin].start);
    CHECK(d->places[i].end == d->toks[d->places[i].tok_end - 1].end);
  }
}
