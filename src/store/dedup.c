/*
** store/dedup.c -- linking reports of one happening into incidents (stage "db").
**
** Rule (docs/STORE.md): a news event (not background, dated to the day or
** the week) joins an incident when it is compatible with the incident's
** first report (comparing with the first report, not any member, keeps
** chains of near-matches from growing into one blob), from another
** article, and all hold:
**   - same PLOVER category, same country of the place (or neither has one);
**   - dates within a day: the other starts in [day-1, day_end+1];
**   - places: both with coordinates no more than 10 km apart; or, when
**     either is coarser than a town (geo_precision >= 2), the same country
**     and admin1; or neither has a place, and then both name the same
**     actor, which is not civilians;
**   - actors: on each side (actor, recipient) either is missing, or they
**     share the entity name, or the country and sector; for statements
**     and exchanges (AGREE ... THREATEN) both must name the actor;
**   - the incident has no event of this article yet (one article's
**     distinct events stay distinct).
** Among several matches the closest in days, then in km, then the oldest
** incident wins.  Otherwise the event starts a new incident.  Runs inside
** the ingest transaction, article by article in input order, so the
** result does not depend on the number of workers.
**
** An incident's summary keeps, over its reports: the most reported day
** (ties: earliest), the most precise place, the most reported actors, the
** highest credible death count (with 3+ counts, the highest within 3x
** their median; else the maximum) with the min/max spread, the number of reports
** and distinct outlets, and the first and last publication dates.
*/
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../text/text.h"
#include "store_int.h"

#define NEAR_KM 10.0

static double km_between(double lat1, double lon1, double lat2, double lon2) {
  const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
  double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
  return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

static int streq(const char *a, const char *b) { return a && b && !strcmp(a, b); }

static int party_ok(const char *n1, const char *c1, const char *s1, const char *n2, const char *c2, const char *s2) {
  if (!n1 && !c1) return 1;
  if (!n2 && !c2) return 1;
  if (streq(n1, n2)) return 1;
  return streq(c1, c2) && streq(s1, s2);
}

/* Geo compatibility; *km gets the distance (0 when not measured). */
static int place_ok(const rasd_evrow *a, const rasd_evrow *b, double *km) {
  *km = 0;
  if (!a->has_geo && !b->has_geo) return !a->location && !b->location;
  if (!a->has_geo || !b->has_geo) return 0;
  *km = km_between(a->lat, a->lon, b->lat, b->lon);
  if (*km <= NEAR_KM) return 1;
  if (a->geo_precision >= 2 || b->geo_precision >= 2)
    return streq(a->country, b->country) && streq(a->admin1, b->admin1);
  return 0;
}

/* Statements and exchanges: told by many outlets, but each speaker's is
** its own event, so they link only with the same speaker named. */
static int verbal(const char *ev) {
  static const char *const v[] = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE",
                                  "REQUEST", "ACCUSE", "REJECT", "THREATEN"};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++)
    if (streq(ev, v[i])) return 1;
  return 0;
}

static int compatible(const rasd_evrow *a, const rasd_evrow *b, double *km, int *ddays) {
  if (!streq(a->event, b->event)) return 0;
  if (a->day == RASD_NO_DAY || b->day == RASD_NO_DAY) return 0;
  if (a->date_prec > RASD_PREC_WEEK || b->date_prec > RASD_PREC_WEEK) return 0;
  if (!streq(a->country, b->country) && (a->country || b->country)) return 0;
  int32_t ae = a->day_end == RASD_NO_DAY ? a->day : a->day_end;
  int32_t be = b->day_end == RASD_NO_DAY ? b->day : b->day_end;
  if (a->day - 1 > be || ae + 1 < b->day) return 0;
  *ddays = abs(a->day - b->day);
  if (!place_ok(a, b, km)) return 0;
  if (verbal(a->event) && (!a->actor1 || !b->actor1 ||
                           !(streq(a->actor1, b->actor1) ||
                             (streq(a->actor1_country, b->actor1_country) && streq(a->actor1_sector, b->actor1_sector)))))
    return 0;
  /* Without a place, only a named, non-civilian actor doing the same thing
  ** on the same day ties two reports together. */
  if (!a->has_geo && !b->has_geo &&
      (!a->actor1 || !streq(a->actor1, b->actor1) || streq(a->actor1_sector, "CVL")))
    return 0;
  if (!party_ok(a->actor1, a->actor1_country, a->actor1_sector, b->actor1, b->actor1_country, b->actor1_sector))
    return 0;
  if (!party_ok(a->actor2, a->actor2_country, a->actor2_sector, b->actor2, b->actor2_country, b->actor2_sector))
    return 0;
  return 1;
}

rasd_rc rasd_db_link_event(rasd_db *db, int64_t evid, int64_t art, const rasd_evrow *r) {
  int32_t end = r->day_end == RASD_NO_DAY ? r->day : r->day_end;
  /* Candidates: same category and country, starting within the date
  ** window (index events_link2).  The SQL narrows by the cheap parts of
  ** the rule (place box or admin1, actor country), which the index holds,
  ** so most rows are turned down without reading the event; compatible()
  ** decides. */
  sqlite3_stmt *st = rasd__db_stmt(
      db, &db->st_cand,
      "SELECT id, incident, " RASD__ROW_COLS
      " FROM events WHERE event=?1 AND country IS ?5 AND day BETWEEN ?2 AND ?3"
      " AND incident IS NOT NULL AND article != ?4"
      " AND id = (SELECT rep_event FROM incidents WHERE incidents.id = events.incident)"
      " AND (CASE WHEN ?6 THEN has_geo AND ((lat BETWEEN ?7 - 0.1 AND ?7 + 0.1 AND lon BETWEEN ?8 - 0.13 AND ?8 + 0.13)"
      "                                       OR ((geo_precision >= 2 OR ?9 >= 2) AND admin1 IS ?10))"
      "           ELSE NOT has_geo AND location IS NULL AND actor1 = ?12 END)"
      " AND (actor1_country IS NULL OR ?11 IS NULL OR actor1_country = ?11 OR actor1 = ?12)"
      " ORDER BY incident");
  if (!st) return RASD_DB;
  sqlite3_bind_text(st, 1, r->event, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, r->day - 1);
  sqlite3_bind_int(st, 3, end + 1);
  sqlite3_bind_int64(st, 4, art);
  if (r->country) sqlite3_bind_text(st, 5, r->country, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 6, r->has_geo ? 1 : 0);
  sqlite3_bind_double(st, 7, r->lat);
  sqlite3_bind_double(st, 8, r->lon);
  sqlite3_bind_int(st, 9, r->geo_precision);
  if (r->admin1) sqlite3_bind_text(st, 10, r->admin1, -1, SQLITE_STATIC);
  if (r->actor1_country) sqlite3_bind_text(st, 11, r->actor1_country, -1, SQLITE_STATIC);
  if (r->actor1) sqlite3_bind_text(st, 12, r->actor1, -1, SQLITE_STATIC);
  int64_t best = 0;
  double best_km = 0;
  int best_dd = 0, rc;
  /* collect matches first: the has-article check uses another statement */
  int64_t cands[64];
  double ckm[64];
  int cdd[64], nc = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rasd_evrow o;
    memset(&o, 0, sizeof o);
    rasd__db_read_row(st, 2, &o);
    double km;
    int dd;
    if (!compatible(r, &o, &km, &dd)) continue;
    if (nc < 64) {
      cands[nc] = sqlite3_column_int64(st, 1);
      ckm[nc] = km;
      cdd[nc] = dd;
      nc++;
    }
  }
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return RASD_DB;
  for (int i = 0; i < nc; i++) {
    if (best && (cdd[i] > best_dd || (cdd[i] == best_dd && ckm[i] >= best_km))) continue;
    sqlite3_stmt *h = rasd__db_stmt(db, &db->st_inc_has_art, "SELECT 1 FROM events WHERE incident=? AND article=?");
    if (!h) return RASD_DB;
    sqlite3_bind_int64(h, 1, cands[i]);
    sqlite3_bind_int64(h, 2, art);
    int has = sqlite3_step(h) == SQLITE_ROW;
    sqlite3_reset(h);
    if (has) continue;
    best = cands[i];
    best_km = ckm[i];
    best_dd = cdd[i];
  }
  if (!best) {
    st = rasd__db_stmt(db, &db->st_new_inc, "INSERT INTO incidents(rep_event, nreports, event) VALUES(?, 1, ?)");
    if (!st) return RASD_DB;
    sqlite3_bind_int64(st, 1, evid);
    sqlite3_bind_text(st, 2, r->event, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
    best = sqlite3_last_insert_rowid(db->h);
  }
  st = rasd__db_stmt(db, &db->st_set_inc, "UPDATE events SET incident=? WHERE id=?");
  if (!st) return RASD_DB;
  sqlite3_bind_int64(st, 1, best);
  sqlite3_bind_int64(st, 2, evid);
  if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
  rasd__db_touch(db, best);
  return RASD_OK;
}

/* ---- incident summaries ------------------------------------------------- */

typedef struct member {
  rasd_evrow r;     /* strings owned (copied) */
  int64_t id;
  char *outlet, *date, *article;
} member;

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

static char *dup(const char *s) { return s ? rasd_xstrndup(s, strlen(s)) : NULL; }

static void own_row(rasd_evrow *r) {
  const char **s[] = {&r->event,        &r->mode,          &r->acled_type,    &r->acled_subtype, &r->actor1,
                      &r->actor1_country, &r->actor1_sector, &r->assoc_actor1, &r->actor2,        &r->actor2_country,
                      &r->actor2_sector, &r->assoc_actor2,  &r->location,      &r->location_ar,   &r->country,
                      &r->admin1,         &r->admin2,         &r->evidence};
  for (size_t i = 0; i < sizeof s / sizeof *s; i++) *s[i] = dup(*s[i]);
}
static void free_row(rasd_evrow *r) {
  const char *s[] = {r->event,   r->mode,         r->acled_type,   r->acled_subtype, r->actor1,   r->actor1_country,
                     r->actor1_sector, r->assoc_actor1, r->actor2, r->actor2_country, r->actor2_sector,
                     r->assoc_actor2, r->location, r->location_ar, r->country, r->admin1, r->admin2, r->evidence};
  for (size_t i = 0; i < sizeof s / sizeof *s; i++) free((void *)s[i]);
}

/* Index of the member whose string field (at offset off) is reported most
** often (non-NULL); ties go to the earliest member.  -1 when all NULL. */
static int most_reported(member *m, int n, size_t off) {
  int best = -1, bestc = 0;
  for (int i = 0; i < n; i++) {
    const char *v = *(const char **)((char *)&m[i].r + off);
    if (!v) continue;
    int c = 0;
    for (int j = 0; j < n; j++) c += streq(v, *(const char **)((char *)&m[j].r + off));
    if (c > bestc) { best = i; bestc = c; }
  }
  return best;
}

static rasd_rc summarise(rasd_db *db, int64_t inc) {
  sqlite3_stmt *st = rasd__db_stmt(db, &db->st_members,
                                   "SELECT e.id, a.outlet, a.date, a.id, " RASD__ROW_COLS
                                   " FROM events e JOIN articles a ON a.rowid=e.article WHERE e.incident=? ORDER BY e.id");
  if (!st) return RASD_DB;
  sqlite3_bind_int64(st, 1, inc);
  member *m = NULL;
  int n = 0, cap = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      m = rasd_xrealloc(m, (size_t)cap * sizeof *m);
    }
    memset(&m[n], 0, sizeof m[n]);
    m[n].id = sqlite3_column_int64(st, 0);
    m[n].outlet = dup((const char *)sqlite3_column_text(st, 1));
    m[n].date = dup((const char *)sqlite3_column_text(st, 2));
    m[n].article = dup((const char *)sqlite3_column_text(st, 3));
    rasd__db_read_row(st, 4, &m[n].r);
    own_row(&m[n].r);
    n++;
  }
  sqlite3_reset(st);
  rasd_rc out = rc == SQLITE_DONE ? RASD_OK : RASD_DB;
  if (out == RASD_OK && n == 0) {
    st = rasd__db_stmt(db, &db->st_del_inc, "DELETE FROM incidents WHERE id=?");
    if (!st) return RASD_DB;
    sqlite3_bind_int64(st, 1, inc);
    if (sqlite3_step(st) != SQLITE_DONE) out = RASD_DB;
  } else if (out == RASD_OK) {
    rasd_evrow s = m[0].r; /* representative: the first report */
    /* day: most reported among day-precision reports, ties earliest */
    int32_t day = RASD_NO_DAY, day_first = m[0].r.day, day_last = m[0].r.day;
    int dayc = 0, prec = m[0].r.date_prec;
    for (int i = 0; i < n; i++) {
      if (m[i].r.day < day_first) day_first = m[i].r.day;
      int32_t e = m[i].r.day_end == RASD_NO_DAY ? m[i].r.day : m[i].r.day_end;
      if (e > day_last) day_last = e;
      if (m[i].r.date_prec < prec) prec = m[i].r.date_prec;
      if (m[i].r.date_prec != RASD_PREC_DAY) continue;
      int c = 0;
      for (int j = 0; j < n; j++) c += m[j].r.date_prec == RASD_PREC_DAY && m[j].r.day == m[i].r.day;
      if (c > dayc || (c == dayc && m[i].r.day < day)) { day = m[i].r.day; dayc = c; }
    }
    if (day == RASD_NO_DAY) { s.day = day_first; s.day_end = day_last; }
    else s.day = s.day_end = day;
    s.date_prec = prec;
    /* place: the most precise; ties: the most reported place; then earliest */
    int bp = -1;
    for (int i = 0; i < n; i++) {
      if (!m[i].r.has_geo && !m[i].r.location) continue;
      if (bp < 0 || (m[i].r.has_geo && !m[bp].r.has_geo) ||
          (m[i].r.has_geo == m[bp].r.has_geo && m[i].r.geo_precision < m[bp].r.geo_precision))
        bp = i;
      else if (m[i].r.geo_precision == m[bp].r.geo_precision && m[i].r.has_geo == m[bp].r.has_geo) {
        int ci = 0, cb = 0;
        for (int j = 0; j < n; j++) {
          ci += streq(m[j].r.location, m[i].r.location);
          cb += streq(m[j].r.location, m[bp].r.location);
        }
        if (ci > cb) bp = i;
      }
    }
    if (bp >= 0) {
      const rasd_evrow *p = &m[bp].r;
      s.location = p->location; s.location_ar = p->location_ar; s.country = p->country;
      s.admin1 = p->admin1; s.admin2 = p->admin2; s.has_geo = p->has_geo;
      s.lat = p->lat; s.lon = p->lon; s.geo_precision = p->geo_precision;
    }
    int a1 = most_reported(m, n, offsetof(rasd_evrow, actor1));
    if (a1 < 0) a1 = most_reported(m, n, offsetof(rasd_evrow, actor1_country));
    if (a1 >= 0) {
      s.actor1 = m[a1].r.actor1; s.actor1_country = m[a1].r.actor1_country;
      s.actor1_sector = m[a1].r.actor1_sector; s.assoc_actor1 = m[a1].r.assoc_actor1;
    }
    int a2 = most_reported(m, n, offsetof(rasd_evrow, actor2));
    if (a2 < 0) a2 = most_reported(m, n, offsetof(rasd_evrow, actor2_country));
    if (a2 >= 0) {
      s.actor2 = m[a2].r.actor2; s.actor2_country = m[a2].r.actor2_country;
      s.actor2_sector = m[a2].r.actor2_sector; s.assoc_actor2 = m[a2].r.assoc_actor2;
    }
    int at = most_reported(m, n, offsetof(rasd_evrow, acled_type));
    if (at >= 0) { s.acled_type = m[at].r.acled_type; s.acled_subtype = m[at].r.acled_subtype; }
    /* counts: the highest credible death toll, spread kept */
    int32_t *dv = rasd_xmalloc((size_t)n * sizeof *dv);
    int nd = 0;
    s.injured = s.arrested = -1;
    s.confidence = 0;
    for (int i = 0; i < n; i++) {
      if (m[i].r.injured > s.injured) s.injured = m[i].r.injured;
      if (m[i].r.arrested > s.arrested) s.arrested = m[i].r.arrested;
      if (m[i].r.confidence > s.confidence) s.confidence = m[i].r.confidence;
      if (m[i].r.dead >= 0) dv[nd++] = m[i].r.dead;
    }
    qsort(dv, (size_t)nd, sizeof *dv, cmp_i32);
    s.dead = s.dead_min = s.dead_max = -1;
    if (nd) {
      s.dead_min = dv[0];
      s.dead_max = dv[nd - 1];
      /* credible: with 3+ counts, the highest within 3x the median */
      int32_t cap = nd >= 3 ? 3 * (dv[(nd - 1) / 2] > 0 ? dv[(nd - 1) / 2] : 1) : INT32_MAX;
      for (int i = nd - 1; i >= 0 && s.dead < 0; i--)
        if (dv[i] <= cap) s.dead = dv[i];
      for (int i = 0; i < n; i++)
        if (m[i].r.dead == s.dead) { s.dead_qual = m[i].r.dead_qual; break; }
    }
    free(dv);
    s.background = 0;
    /* sources: distinct outlets in order of first report */
    rasd_buf src = {0};
    int nsrc = 0;
    const char *first = NULL, *last = NULL;
    for (int i = 0; i < n; i++) {
      const char *o = m[i].outlet ? m[i].outlet : m[i].article;
      int seen = 0;
      for (int j = 0; j < i && !seen; j++) seen = streq(o, m[j].outlet ? m[j].outlet : m[j].article);
      if (!seen) {
        if (src.n) rasd_buf_puts(&src, "; ");
        rasd_buf_puts(&src, o ? o : "");
        nsrc++;
      }
      if (m[i].date && (!first || strcmp(m[i].date, first) < 0)) first = m[i].date;
      if (m[i].date && (!last || strcmp(m[i].date, last) > 0)) last = m[i].date;
    }
    st = rasd__db_stmt(db, &db->st_put_inc,
                       "INSERT OR REPLACE INTO incidents(id, rep_event, nreports, nsources, sources, first_report,"
                       " last_report, day_first, day_last, " RASD__ROW_COLS
                       ") VALUES(?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st) out = RASD_DB;
    else {
      sqlite3_bind_int64(st, 1, inc);
      sqlite3_bind_int64(st, 2, m[0].id);
      sqlite3_bind_int(st, 3, n);
      sqlite3_bind_int(st, 4, nsrc);
      sqlite3_bind_text(st, 5, src.p ? src.p : "", -1, SQLITE_TRANSIENT);
      if (first) sqlite3_bind_text(st, 6, first, -1, SQLITE_STATIC); else sqlite3_bind_null(st, 6);
      if (last) sqlite3_bind_text(st, 7, last, -1, SQLITE_STATIC); else sqlite3_bind_null(st, 7);
      sqlite3_bind_int(st, 8, day_first);
      sqlite3_bind_int(st, 9, day_last);
      rasd__db_bind_row(st, 10, &s);
      if (sqlite3_step(st) != SQLITE_DONE) out = RASD_DB;
    }
    rasd_buf_free(&src);
  }
  for (int i = 0; i < n; i++) {
    free_row(&m[i].r);
    free(m[i].outlet);
    free(m[i].date);
    free(m[i].article);
  }
  free(m);
  return out;
}

rasd_rc rasd_db_update_incidents(rasd_db *db) {
  for (int i = 0; i < db->ntouched; i++)
    if (summarise(db, db->touched[i]) != RASD_OK) return RASD_DB;
  db->ntouched = 0;
  return RASD_OK;
}

rasd_rc rasd_db_relink_all(rasd_db *db) {
  if (rasd_db_begin(db) != RASD_OK) return RASD_DB;
  if (rasd__db_exec(db, "UPDATE events SET incident=NULL; DELETE FROM incidents;") != RASD_OK) return RASD_DB;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->h,
                         "SELECT id, article, " RASD__ROW_COLS
                         " FROM events WHERE background=0 AND day IS NOT NULL ORDER BY id",
                         -1, &st, NULL) != SQLITE_OK)
    return RASD_DB;
  rasd_rc out = RASD_OK;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rasd_evrow r;
    memset(&r, 0, sizeof r);
    rasd__db_read_row(st, 2, &r);
    own_row(&r);
    out = rasd_db_link_event(db, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), &r);
    free_row(&r);
    if (out != RASD_OK) break;
  }
  if (rc != SQLITE_DONE && out == RASD_OK) out = RASD_DB;
  sqlite3_finalize(st);
  if (out != RASD_OK) return out;
  return rasd_db_commit(db);
}
