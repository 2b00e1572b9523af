/*
** tests/unit/test_store.c -- the event store: article states, idempotent
** puts, dedup of one happening reported by three outlets, incident
** summaries, queries, and the CSV / GeoJSON writers.
**
** Events are built by hand (rasd_evrow) and stored through the store API,
** so these tests do not depend on the event coder.
*/
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/out/out.h"
#include "../../src/store/store.h"
#include "../../src/text/text.h"
#include "test.h"

static char dbpath[256];

static rasd_db *fresh_db(void) {
  snprintf(dbpath, sizeof dbpath, "/tmp/rasd-unit-store-%d.db", (int)getpid());
  char p[300];
  const char *sfx[] = {"", "-wal", "-shm", "-fts", "-fts-wal", "-fts-shm"};
  for (int i = 0; i < 6; i++) {
    snprintf(p, sizeof p, "%s%s", dbpath, sfx[i]);
    unlink(p);
  }
  rasd_db *db = NULL;
  char err[256];
  if (rasd_db_open(dbpath, 0, &db, err, sizeof err) != RASD_OK) fprintf(stderr, "  %s\n", err);
  return db;
}

static void drop_db(rasd_db *db) {
  rasd_db_close(db);
  char p[300];
  const char *sfx[] = {"", "-wal", "-shm", "-fts", "-fts-wal", "-fts-shm"};
  for (int i = 0; i < 6; i++) {
    snprintf(p, sizeof p, "%s%s", dbpath, sfx[i]);
    unlink(p);
  }
}

static rasd_db_article art(const char *id, const char *outlet, const char *date, const char *text) {
  rasd_db_article a;
  memset(&a, 0, sizeof a);
  a.id = id;
  a.outlet = outlet;
  a.date = date;
  a.text = text;
  a.len = strlen(text);
  a.hash = rasd_db_hash(text, a.len);
  if (!rasd_day_parse(date, &a.pub_day)) a.pub_day = RASD_NO_DAY;
  return a;
}

/* An airstrike on a place, by Russian aircraft, killing `dead` civilians. */
static rasd_db_event strike(const char *id, const char *date, const char *place, double lat, double lon, int prec,
                            int dead) {
  rasd_db_event e;
  memset(&e, 0, sizeof e);
  rasd_evrow *r = &e.row;
  r->id = id;
  r->event = "ASSAULT";
  r->mode = "aerial";
  r->acled_type = "Explosions/Remote violence";
  r->acled_subtype = "Air/drone strike";
  rasd_day_parse(date, &r->day);
  r->day_end = r->day;
  r->date_prec = RASD_PREC_DAY;
  r->actor1 = "Military Forces of Russia";
  r->actor1_country = "RUS";
  r->actor1_sector = "MIL";
  r->actor2 = "Civilians (Syria)";
  r->actor2_country = "SYR";
  r->actor2_sector = "CVL";
  r->location = place;
  r->country = "SYR";
  r->admin1 = "Idlib";
  r->has_geo = 1;
  r->lat = lat;
  r->lon = lon;
  r->geo_precision = prec;
  r->dead = r->dead_min = r->dead_max = dead;
  r->injured = r->arrested = -1;
  r->evidence = "قصفت طائرات حربية روسية مدينة إدلب، ما أدى إلى مقتل مدنيين.";
  r->confidence = 0.8;
  r->nreports = r->nsources = 1;
  return e;
}

static const char T1[] = "قصفت طائرات حربية روسية مدينة إدلب صباح اليوم، ما أدى إلى مقتل خمسة مدنيين.";
static const char T2[] = "قتل سبعة مدنيين بغارات جوية روسية على مدينة إدلب شمال غربي سوريا.";
static const char T3[] = "أفاد ناشطون بمقتل ستة مدنيين في قصف جوي روسي استهدف أحياء إدلب السكنية.";
static const char T4[] = "شنت طائرات روسية غارات على بلدة الأتارب في ريف حلب الغربي.";

/* Collect query rows into a small summary for checks. */
typedef struct {
  int n;
  char ids[16][32];
  int reports[16], dead[16], dmin[16], dmax[16], nsrc[16];
} rows;

static int collect(void *ctx, const rasd_evrow *r, const char *json) {
  rows *c = ctx;
  if (c->n < 16) {
    snprintf(c->ids[c->n], 32, "%s", r->id);
    c->reports[c->n] = r->nreports;
    c->dead[c->n] = r->dead;
    c->dmin[c->n] = r->dead_min;
    c->dmax[c->n] = r->dead_max;
    c->nsrc[c->n] = r->nsources;
  }
  c->n++;
  return 0;
}

static rasd_db_filter all(int incidents) {
  rasd_db_filter f;
  memset(&f, 0, sizeof f);
  f.from = f.to = RASD_NO_DAY;
  f.incidents = incidents;
  return f;
}

TEST(store_article_states) {
  rasd_db *db = fresh_db();
  CHECK(db != NULL);
  if (!db) return;
  rasd_db_article a = art("a1", "outlet-a", "2021-05-01", T1);
  int st = -1;
  CHECK_INT(rasd_db_article_state(db, "a1", T1, strlen(T1), a.hash, &st), RASD_OK);
  CHECK_INT(st, RASD_DB_NEW);
  CHECK_INT(rasd_db_begin(db), RASD_OK);
  CHECK_INT(rasd_db_put(db, &a, NULL, 0, &st), RASD_OK);
  CHECK_INT(st, RASD_DB_NEW);
  CHECK_INT(rasd_db_commit(db), RASD_OK);
  rasd_db_article_state(db, "a1", T1, strlen(T1), a.hash, &st);
  CHECK_INT(st, RASD_DB_SAME);
  rasd_db_article_state(db, "other", T1, strlen(T1), a.hash, &st);
  CHECK_INT(st, RASD_DB_DUPTEXT);
  rasd_db_article_state(db, "a1", T2, strlen(T2), rasd_db_hash(T2, strlen(T2)), &st);
  CHECK_INT(st, RASD_DB_CHANGED);
  /* a put of the same article again stores nothing */
  rasd_db_begin(db);
  CHECK_INT(rasd_db_put(db, &a, NULL, 0, &st), RASD_OK);
  CHECK_INT(st, RASD_DB_SAME);
  rasd_db_commit(db);
  long na = 0;
  rasd_db_counts(db, &na, NULL, NULL);
  CHECK_INT(na, 1);
  /* a hash collision with other text of the same length is not a duplicate */
  char fake[sizeof T1];
  memcpy(fake, T1, sizeof T1);
  fake[0] ^= 1;
  rasd_db_article_state(db, "x", fake, strlen(fake), a.hash, &st);
  CHECK_INT(st, RASD_DB_NEW);
  drop_db(db);
}

/* The same airstrike on Idlib reported by three outlets (dates within a
** day, places within 10 km, dead 5/7/6), plus an unrelated strike 60 km
** away and a protest in the same town: three incidents. */
static void put_three_reports(rasd_db *db) {
  rasd_db_article a1 = art("a1", "outlet-a", "2021-05-01", T1);
  rasd_db_article a2 = art("a2", "outlet-b", "2021-05-01", T2);
  rasd_db_article a3 = art("a3", "outlet-c", "2021-05-02", T3);
  rasd_db_article a4 = art("a4", "outlet-c", "2021-05-01", T4);
  rasd_db_event e1 = strike("a1-1", "2021-05-01", "Idlib", 35.9306, 36.6339, 1, 5);
  rasd_db_event e2 = strike("a2-1", "2021-05-01", "Idlib", 35.9306, 36.6339, 1, 7);
  rasd_db_event e3 = strike("a3-1", "2021-04-30", "Idlib", 35.95, 36.60, 1, 6); /* 3.7 km, a day before */
  e3.row.actor2 = NULL;                                                      /* compatible: missing */
  e3.row.actor2_country = e3.row.actor2_sector = NULL;
  rasd_db_event e4 = strike("a4-1", "2021-05-01", "Al-Atarib", 36.1353, 36.8303, 1, -1); /* 28 km */
  rasd_db_event e5 = strike("a1-2", "2021-05-01", "Idlib", 35.9306, 36.6339, 1, -1);
  e5.row.event = "PROTEST";
  e5.row.acled_type = "Protests";
  e5.row.acled_subtype = "Peaceful protest";
  rasd_db_event ev1[] = {e1, e5};
  rasd_db_begin(db);
  CHECK_INT(rasd_db_put(db, &a1, ev1, 2, NULL), RASD_OK);
  CHECK_INT(rasd_db_put(db, &a2, &e2, 1, NULL), RASD_OK);
  CHECK_INT(rasd_db_put(db, &a3, &e3, 1, NULL), RASD_OK);
  CHECK_INT(rasd_db_put(db, &a4, &e4, 1, NULL), RASD_OK);
  CHECK_INT(rasd_db_commit(db), RASD_OK);
}

TEST(store_dedup_three_outlets) {
  rasd_db *db = fresh_db();
  if (!db) { CHECK(0); return; }
  put_three_reports(db);
  long na = 0, ne = 0, ni = 0;
  rasd_db_counts(db, &na, &ne, &ni);
  CHECK_INT(na, 4);
  CHECK_INT(ne, 5);
  CHECK_INT(ni, 3);
  rows r = {0};
  rasd_db_filter f = all(1);
  f.event = "assault";
  CHECK_INT(rasd_db_query(db, &f, collect, &r), RASD_OK);
  CHECK_INT(r.n, 2);
  /* the Idlib incident: three reports from three outlets, highest credible dead 7, spread 5-7 */
  int idlib = r.reports[0] == 3 ? 0 : 1;
  CHECK_INT(r.reports[idlib], 3);
  CHECK_INT(r.nsrc[idlib], 3);
  CHECK_INT(r.dead[idlib], 7);
  CHECK_INT(r.dmin[idlib], 5);
  CHECK_INT(r.dmax[idlib], 7);
  CHECK_INT(r.reports[1 - idlib], 1);
  /* raw events: all four news events, two in the Idlib incident's article set */
  rows e = {0};
  f = all(0);
  rasd_db_query(db, &f, collect, &e);
  CHECK_INT(e.n, 5);
  /* the incident's reports, in order */
  rows rep = {0};
  CHECK_INT(rasd_db_incident_reports(db, 1, collect, &rep), RASD_OK);
  CHECK_INT(rep.n, 3);
  CHECK_STR(rep.ids[0], "a1-1");
  CHECK_STR(rep.ids[2], "a3-1");

  /* updated text under a2 with no events: the incident drops to two reports */
  rasd_db_article a2b = art("a2", "outlet-b", "2021-05-01", "نص معدل لا يذكر أي حدث.");
  int st;
  rasd_db_begin(db);
  CHECK_INT(rasd_db_put(db, &a2b, NULL, 0, &st), RASD_OK);
  CHECK_INT(st, RASD_DB_CHANGED);
  rasd_db_commit(db);
  rows r2 = {0};
  f = all(1);
  f.event = "ASSAULT";
  rasd_db_query(db, &f, collect, &r2);
  CHECK_INT(r2.n, 2);
  idlib = r2.reports[0] == 2 ? 0 : 1;
  CHECK_INT(r2.reports[idlib], 2);
  CHECK_INT(r2.dead[idlib], 6);
  CHECK_INT(r2.dmin[idlib], 5);
  rasd_db_counts(db, &na, &ne, &ni);
  CHECK_INT(ne, 4);
  /* relinking from scratch gives the same incidents */
  CHECK_INT(rasd_db_relink_all(db), RASD_OK);
  long ni2 = 0;
  rasd_db_counts(db, NULL, NULL, &ni2);
  CHECK_INT(ni2, ni);
  drop_db(db);
}

TEST(store_dedup_outlier_and_rules) {
  rasd_db *db = fresh_db();
  if (!db) { CHECK(0); return; }
  rasd_db_article a[5] = {art("o1", "A", "2021-05-01", "أ"), art("o2", "B", "2021-05-01", "ب"),
                          art("o3", "C", "2021-05-01", "ج"), art("o4", "D", "2021-05-04", "د"),
                          art("o5", "E", "2021-05-01", "ه")};
  rasd_db_event e[5] = {strike("o1-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, 5),
                        strike("o2-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, 6),
                        strike("o3-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, 50), /* outlier */
                        strike("o4-1", "2021-05-04", "Idlib", 35.93, 36.63, 1, 5),  /* 3 days later */
                        strike("o5-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, 5)};
  e[4].row.actor1 = "Military Forces of Turkey"; /* incompatible actor */
  e[4].row.actor1_country = "TUR";
  rasd_db_begin(db);
  for (int i = 0; i < 5; i++) rasd_db_put(db, &a[i], &e[i], 1, NULL);
  rasd_db_commit(db);
  long ni = 0;
  rasd_db_counts(db, NULL, NULL, &ni);
  CHECK_INT(ni, 3);
  rows r = {0};
  rasd_db_filter f = all(1);
  rasd_db_query(db, &f, collect, &r);
  CHECK_INT(r.n, 3);
  CHECK_INT(r.reports[0], 3);
  CHECK_INT(r.dead[0], 6);  /* 50 is over 3x the median (6): set aside */
  CHECK_INT(r.dmin[0], 5);
  CHECK_INT(r.dmax[0], 50); /* the spread keeps it */
  drop_db(db);
}

TEST(store_coarse_place_same_admin1) {
  rasd_db *db = fresh_db();
  if (!db) { CHECK(0); return; }
  rasd_db_article a1 = art("c1", "A", "2021-05-01", "أ"), a2 = art("c2", "B", "2021-05-01", "ب");
  rasd_db_event e1 = strike("c1-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, 2);
  rasd_db_event e2 = strike("c2-1", "2021-05-01", "Idlib Governorate", 35.75, 36.50, 3, 2); /* ~23 km, coarse */
  rasd_db_begin(db);
  rasd_db_put(db, &a1, &e1, 1, NULL);
  rasd_db_put(db, &a2, &e2, 1, NULL);
  rasd_db_commit(db);
  long ni = 0;
  rasd_db_counts(db, NULL, NULL, &ni);
  CHECK_INT(ni, 1);
  drop_db(db);
}

TEST(store_query_filters) {
  rasd_db *db = fresh_db();
  if (!db) { CHECK(0); return; }
  put_three_reports(db);
  rows r;
  rasd_db_filter f;
#define COUNT(expect)                              \
  do {                                             \
    memset(&r, 0, sizeof r);                       \
    CHECK_INT(rasd_db_query(db, &f, collect, &r), RASD_OK); \
    CHECK_INT(r.n, expect);                        \
  } while (0)
  f = all(0); rasd_day_parse("2021-05-01", &f.from); f.to = f.from; COUNT(4);
  f = all(0); rasd_day_parse("2021-04-30", &f.to); COUNT(1);
  f = all(0); f.country = "syr"; COUNT(5);
  f = all(0); f.country = "IRQ"; COUNT(0);
  f = all(0); f.admin1 = "idlib"; COUNT(5);
  f = all(0); f.has_bbox = 1; f.min_lon = 36.5; f.min_lat = 35.8; f.max_lon = 36.7; f.max_lat = 36.0; COUNT(4);
  f = all(0); f.has_radius = 1; f.lat = 35.93; f.lon = 36.63; f.radius_km = 10; COUNT(4);
  f = all(0); f.has_radius = 1; f.lat = 35.93; f.lon = 36.63; f.radius_km = 40; COUNT(5);
  f = all(0); f.acled = "Air/drone strike"; COUNT(4);
  f = all(0); f.acled = "protests"; COUNT(1);
  f = all(0); f.actor = "russia"; COUNT(5);
  f = all(0); f.actor_country = "SYR"; f.actor_sector = "CVL"; COUNT(4);
  f = all(0); f.limit = 2; COUNT(2);
  f = all(1); f.event = "PROTEST"; COUNT(1);
#undef COUNT
  drop_db(db);
}

/* ---- writers ------------------------------------------------------------ */

/* Split one CSV record (RFC 4180) into fields; returns the count. */
static int csv_split(const char *s, char fields[][256], int max) {
  int n = 0;
  while (n < max) {
    size_t k = 0;
    if (*s == '"') {
      s++;
      for (; *s; s++) {
        if (*s == '"' && s[1] == '"') { if (k < 255) fields[n][k++] = '"'; s++; }
        else if (*s == '"') { s++; break; }
        else if (k < 255) fields[n][k++] = *s;
      }
    } else
      for (; *s && *s != ',' && *s != '\n'; s++)
        if (k < 255) fields[n][k++] = *s;
    fields[n++][k] = 0;
    if (*s != ',') break;
    s++;
  }
  return n;
}

static int col(char head[][256], int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (!strcmp(head[i], name)) return i;
  return -1;
}

TEST(out_csv_acled_columns) {
  static char head[40][256], f[40][256];
  rasd_buf b = {0};
  rasd_out_csv_header(&b);
  int nh = csv_split(b.p, head, 40);
  const char *need[] = {"event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "admin1",
                        "admin2", "location", "latitude", "longitude", "geo_precision", "time_precision",
                        "source", "notes", "fatalities"};
  for (size_t i = 0; i < sizeof need / sizeof *need; i++) CHECK(col(head, nh, need[i]) >= 0);
  b.n = 0;
  rasd_db_event e = strike("a1-1", "2021-05-01", "Idlib", 35.9306, 36.6339, 1, 5);
  e.row.evidence = "قصف، \"جوي\" على إدلب\nسطر ثان";
  e.row.outlet = "outlet-a";
  rasd_out_csv_row(&b, &e.row);
  /* the quoted notes hold a newline: the record is the whole buffer */
  int nf = csv_split(b.p, f, 40);
  CHECK_INT(nf, nh);
  CHECK_STR(f[col(head, nh, "event_date")], "2021-05-01");
  CHECK_STR(f[col(head, nh, "event_type")], "Explosions/Remote violence");
  CHECK_STR(f[col(head, nh, "inter1")], "8"); /* Russian forces in Syria: external */
  CHECK_STR(f[col(head, nh, "inter2")], "7");
  CHECK_STR(f[col(head, nh, "interaction")], "78");
  CHECK_STR(f[col(head, nh, "civilian_targeting")], "Civilian targeting");
  CHECK_STR(f[col(head, nh, "country")], "Syria");
  CHECK_STR(f[col(head, nh, "iso")], "760");
  CHECK_STR(f[col(head, nh, "latitude")], "35.9306");
  CHECK_STR(f[col(head, nh, "fatalities")], "5");
  CHECK_STR(f[col(head, nh, "time_precision")], "1");
  CHECK_STR(f[col(head, nh, "source")], "outlet-a");
  CHECK_STR(f[col(head, nh, "notes")], "قصف، \"جوي\" على إدلب\nسطر ثان");
  CHECK_INT(rasd_out_acled_inter("REB", 1), 2);
  CHECK_INT(rasd_out_acled_inter("PRM", 1), 3);
  CHECK_INT(rasd_out_acled_inter("CVL", 1), 7);
  CHECK_INT(rasd_out_acled_inter(NULL, 0), 0);
  rasd_buf_free(&b);
}

TEST(out_geojson_feature_collection) {
  rasd_buf b = {0};
  rasd_db_event e1 = strike("a1-1", "2021-05-01", "Idlib", 35.9306, 36.6339, 1, 5);
  rasd_db_event e2 = strike("a2-1", "2021-05-01", NULL, 0, 0, 0, -1);
  e2.row.has_geo = 0;
  rasd_out_geojson_begin(&b);
  rasd_out_geojson_row(&b, &e1.row, 1);
  rasd_out_geojson_row(&b, &e2.row, 0);
  rasd_out_geojson_end(&b);
  cJSON *j = cJSON_Parse(b.p);
  CHECK(j != NULL);
  if (j) {
    CHECK_STR(cJSON_GetObjectItem(j, "type")->valuestring, "FeatureCollection");
    cJSON *fs = cJSON_GetObjectItem(j, "features");
    CHECK_INT(cJSON_GetArraySize(fs), 2);
    cJSON *g = cJSON_GetObjectItem(cJSON_GetArrayItem(fs, 0), "geometry");
    CHECK_STR(cJSON_GetObjectItem(g, "type")->valuestring, "Point");
    cJSON *c = cJSON_GetObjectItem(g, "coordinates");
    CHECK(fabs(cJSON_GetArrayItem(c, 0)->valuedouble - 36.6339) < 1e-4); /* lon first */
    CHECK(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(fs, 1), "geometry")));
    cJSON *p = cJSON_GetObjectItem(cJSON_GetArrayItem(fs, 0), "properties");
    CHECK_INT(cJSON_GetObjectItem(p, "fatalities")->valueint, 5);
    cJSON_Delete(j);
  }
  rasd_buf_free(&b);
}

/* A coded event of a document, built by hand, through the doc-based writers. */
TEST(out_event_row_from_doc) {
  static const char text[] = "قصفت طائرات حربية روسية مدينة إدلب صباح اليوم، ما أدى إلى مقتل 5 مدنيين.";
  rasd_arena a;
  rasd_arena_init(&a);
  rasd_article ar;
  memset(&ar, 0, sizeof ar);
  ar.id = "doc1";
  ar.text = text;
  ar.text_len = strlen(text);
  ar.outlet = "outlet-a";
  rasd_doc d;
  rasd_doc_init(&d, &ar, &a);
  rasd_sentence s = {0, (uint32_t)strlen(text), 0, 0, 0};
  d.sents = &s;
  d.nsents = 1;
  rasd_place p;
  memset(&p, 0, sizeof p);
  p.entry = 0;
  p.name = "Idlib";
  p.country = "SYR";
  p.admin1 = "Idlib";
  p.lat = 35.93;
  p.lon = 36.63;
  p.geo_precision = 1;
  d.places = &p;
  d.nplaces = 1;
  rasd_event ev;
  memset(&ev, 0, sizeof ev);
  ev.event = "ASSAULT";
  ev.mode[0] = "aerial";
  ev.acled_type = "Explosions/Remote violence";
  ev.acled_subtype = "Air/drone strike";
  ev.day = ev.day_end = rasd_days_from_civil(2021, 5, 1);
  ev.actor[0] = (rasd_actor){0, 0, 0, 0, "Military Forces of Russia", "RUS", "MIL", -1, NULL};
  ev.actor[1] = (rasd_actor){0, 0, 0, 0, "Air Force of Russia", "RUS", "MIL", -1, NULL};
  ev.nactor = 2;
  ev.place = 0;
  ev.dead = 5;
  ev.injured = ev.arrested = ev.size_n = -1;
  rasd_evrow r;
  rasd_out_event_row(&r, &d, &ev, 1, &a);
  CHECK_STR(r.id, "doc1-1");
  CHECK_STR(r.assoc_actor1, "Air Force of Russia");
  CHECK_STR(r.evidence, text);
  CHECK_INT(r.dead_max, 5);
  rasd_buf b = {0};
  rasd_out_event_csv(&b, &d, &ev, 1);
  CHECK(strstr(b.p, "doc1-1,2021-05-01,2021,1,Political violence,Explosions/Remote violence") == b.p);
  b.n = 0;
  rasd_out_event_geojson(&b, &d, &ev, 1, 1);
  CHECK(strstr(b.p, "\"coordinates\":[36.63000,35.93000]") != NULL);
  rasd_buf_free(&b);
  rasd_arena_free(&a);
}

/* Statements link only when both reports name the same speaker. */
TEST(store_dedup_statements_need_speaker) {
  rasd_db *db = fresh_db();
  if (!db) { CHECK(0); return; }
  rasd_db_article a[3] = {art("s1", "A", "2021-05-01", "أ"), art("s2", "B", "2021-05-01", "ب"),
                          art("s3", "C", "2021-05-01", "ج")};
  rasd_db_event e[3];
  for (int i = 0; i < 3; i++) {
    e[i] = strike(i == 0 ? "s1-1" : i == 1 ? "s2-1" : "s3-1", "2021-05-01", "Idlib", 35.93, 36.63, 1, -1);
    e[i].row.event = "ACCUSE";
    e[i].row.acled_type = e[i].row.acled_subtype = NULL;
  }
  e[2].row.actor1 = e[2].row.actor1_country = e[2].row.actor1_sector = NULL; /* speaker not named */
  rasd_db_begin(db);
  for (int i = 0; i < 3; i++) rasd_db_put(db, &a[i], &e[i], 1, NULL);
  rasd_db_commit(db);
  long ni = 0;
  rasd_db_counts(db, NULL, NULL, &ni);
  CHECK_INT(ni, 2); /* s1 + s2 linked; s3 alone */
  drop_db(db);
}
