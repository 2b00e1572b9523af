/*
** store/query.c -- reading the store: filtered events or incidents, the
** reports of an incident, and full-text article search (stage "db").
**
** Filters become one SELECT with bound parameters (no user text is ever
** pasted into SQL).  A radius filter is a bounding box in SQL refined by
** the great-circle distance in C.  Rows come in date order, then id.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../text/text.h"
#include "store_int.h"

/* Stored articles whose current text matches an FTS5 query (fts.c). */
#define FTS_MATCH                                                                         \
  "SELECT i.article FROM fts.idx i JOIN articles a2 ON a2.rowid = i.article AND a2.hash = i.hash" \
  " WHERE i.docid IN (SELECT rowid FROM fts.ftext WHERE ftext MATCH ?)"

typedef struct {
  rasd_buf sql;
  const char *s[16];   /* text parameters, in order */
  double d[16];
  char kind[32];       /* 's' text or 'd' double, per parameter */
  int n, ns, nd;
} qb;

static void add_s(qb *q, const char *sql, const char *v) {
  rasd_buf_puts(&q->sql, sql);
  q->s[q->ns++] = v;
  q->kind[q->n++] = 's';
}
static void add_d(qb *q, const char *sql, double v) {
  rasd_buf_puts(&q->sql, sql);
  q->d[q->nd++] = v;
  q->kind[q->n++] = 'd';
}

static void bind_all(sqlite3_stmt *st, const qb *q) {
  int is = 0, id = 0;
  for (int i = 0; i < q->n; i++) {
    if (q->kind[i] == 's') sqlite3_bind_text(st, i + 1, q->s[is++], -1, SQLITE_STATIC);
    else sqlite3_bind_double(st, i + 1, q->d[id++]);
  }
}

static double km_between(double lat1, double lon1, double lat2, double lon2) {
  const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
  double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
  return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

/* The columns both row queries start with: id, article id, outlet, url,
** publication date (the rest of r zeroed). */
static void row_head(sqlite3_stmt *st, rasd_evrow *r) {
  memset(r, 0, sizeof *r);
  r->id = (const char *)sqlite3_column_text(st, 0);
  r->article_id = (const char *)sqlite3_column_text(st, 1);
  r->outlet = (const char *)sqlite3_column_text(st, 2);
  r->url = (const char *)sqlite3_column_text(st, 3);
  r->pub_date = (const char *)sqlite3_column_text(st, 4);
}

rasd_rc rasd_db_query(rasd_db *db, const rasd_db_filter *f, rasd_db_row_fn fn, void *ctx) {
  qb q;
  memset(&q, 0, sizeof q);
  char upper_event[32] = "";
  char *folded = NULL; /* the search, folded like the index */
  if (f->incidents)
    rasd_buf_puts(&q.sql,
                  "SELECT 'I' || x.id, a.id, a.outlet, a.url, a.date, x.nreports, x.nsources, x.sources, x.id, NULL, "
                  RASD__ROW_COLS_X " FROM incidents x JOIN events r ON r.id = x.rep_event"
                  " JOIN articles a ON a.rowid = r.article WHERE 1");
  else
    rasd_buf_puts(&q.sql,
                  "SELECT x.eid, a.id, a.outlet, a.url, a.date, 1, 1, a.outlet, x.incident, x.json, " RASD__ROW_COLS_X
                  " FROM events x JOIN articles a ON a.rowid = x.article WHERE 1");
  if (f->from != RASD_NO_DAY) add_d(&q, " AND coalesce(x.day_end, x.day) >= ?", f->from);
  if (f->to != RASD_NO_DAY) add_d(&q, " AND x.day <= ?", f->to);
  if (f->country) add_s(&q, " AND x.country = ? COLLATE NOCASE", f->country);
  if (f->admin1) add_s(&q, " AND x.admin1 = ? COLLATE NOCASE", f->admin1);
  if (f->has_bbox) {
    add_d(&q, " AND x.has_geo AND x.lon >= ?", f->min_lon);
    add_d(&q, " AND x.lat >= ?", f->min_lat);
    add_d(&q, " AND x.lon <= ?", f->max_lon);
    add_d(&q, " AND x.lat <= ?", f->max_lat);
  }
  if (f->has_radius) {
    double dlat = f->radius_km / 111.0, dlon = f->radius_km / (111.0 * fmax(0.05, cos(f->lat * 3.14159265 / 180)));
    add_d(&q, " AND x.has_geo AND x.lat BETWEEN ?", f->lat - dlat);
    add_d(&q, " AND ?", f->lat + dlat);
    add_d(&q, " AND x.lon BETWEEN ?", f->lon - dlon);
    add_d(&q, " AND ?", f->lon + dlon);
  }
  if (f->event) {
    size_t i = 0;
    for (; f->event[i] && i + 1 < sizeof upper_event; i++)
      upper_event[i] = (char)(f->event[i] >= 'a' && f->event[i] <= 'z' ? f->event[i] - 32 : f->event[i]);
    upper_event[i] = 0;
    add_s(&q, " AND x.event = ?", upper_event);
  }
  if (f->acled) {
    add_s(&q, " AND (x.acled_type = ? COLLATE NOCASE", f->acled);
    add_s(&q, " OR x.acled_subtype = ? COLLATE NOCASE)", f->acled);
  }
  if (f->actor) {
    add_s(&q, " AND (instr(lower(x.actor1), lower(?))", f->actor);
    add_s(&q, " OR instr(lower(x.actor2), lower(?))", f->actor);
    add_s(&q, " OR instr(lower(x.assoc_actor1), lower(?))", f->actor);
    add_s(&q, " OR instr(lower(x.assoc_actor2), lower(?)))", f->actor);
  }
  if (f->actor_country || f->actor_sector) {
    rasd_buf_puts(&q.sql, " AND (");
    for (int side = 1; side <= 2; side++) {
      rasd_buf_puts(&q.sql, side == 1 ? "(1" : " OR (1");
      if (f->actor_country) add_s(&q, side == 1 ? " AND x.actor1_country = ?" : " AND x.actor2_country = ?",
                                  f->actor_country);
      if (f->actor_sector) add_s(&q, side == 1 ? " AND x.actor1_sector = ?" : " AND x.actor2_sector = ?",
                                 f->actor_sector);
      rasd_buf_puts(&q.sql, ")");
    }
    rasd_buf_puts(&q.sql, ")");
  }
  if (!f->incidents && !f->background) rasd_buf_puts(&q.sql, " AND x.background = 0");
  if (f->search) {
    if (!rasd__fts_attach(db)) {
      rasd_buf_free(&q.sql);
      return RASD_NOTFOUND;
    }
    folded = rasd__fts_fold_query(f->search);
    if (f->incidents)
      add_s(&q, " AND x.id IN (SELECT e2.incident FROM events e2 WHERE e2.article IN (" FTS_MATCH "))", folded);
    else add_s(&q, " AND x.article IN (" FTS_MATCH ")", folded);
  }
  rasd_buf_puts(&q.sql, " ORDER BY x.day, x.id");

  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->h, q.sql.p, -1, &st, NULL) != SQLITE_OK) {
    rasd_buf_free(&q.sql);
    free(folded);
    return RASD_DB;
  }
  bind_all(st, &q);
  rasd_rc out = RASD_OK;
  long n = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rasd_evrow r;
    row_head(st, &r);
    r.nreports = sqlite3_column_int(st, 5);
    r.nsources = sqlite3_column_int(st, 6);
    r.sources = (const char *)sqlite3_column_text(st, 7);
    r.incident = sqlite3_column_int64(st, 8);
    const char *json = (const char *)sqlite3_column_text(st, 9);
    rasd__db_read_row(st, 10, &r);
    if (f->has_radius && (!r.has_geo || km_between(f->lat, f->lon, r.lat, r.lon) > f->radius_km)) continue;
    if (fn(ctx, &r, json)) break;
    if (f->limit && ++n >= f->limit) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) out = RASD_DB;
  sqlite3_finalize(st);
  rasd_buf_free(&q.sql);
  free(folded);
  return out;
}

rasd_rc rasd_db_incident_reports(rasd_db *db, int64_t id, rasd_db_row_fn fn, void *ctx) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->h,
                         "SELECT x.eid, a.id, a.outlet, a.url, a.date, x.json, " RASD__ROW_COLS_X
                         " FROM events x JOIN articles a ON a.rowid = x.article WHERE x.incident = ? ORDER BY x.id",
                         -1, &st, NULL) != SQLITE_OK)
    return RASD_DB;
  sqlite3_bind_int64(st, 1, id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rasd_evrow r;
    row_head(st, &r);
    r.sources = r.outlet;
    r.nreports = r.nsources = 1;
    r.incident = id;
    const char *json = (const char *)sqlite3_column_text(st, 5);
    rasd__db_read_row(st, 6, &r);
    if (fn(ctx, &r, json)) break;
  }
  sqlite3_finalize(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASD_OK : RASD_DB;
}

rasd_rc rasd_db_query_articles(rasd_db *db, const char *search, long limit, rasd_db_article_fn fn, void *ctx) {
  sqlite3_stmt *st = NULL;
  if (search && !rasd__fts_attach(db)) return RASD_NOTFOUND;
  const char *sql = search ? "SELECT a.id, a.date, a.outlet, a.title, substr(a.text, 1, 80), a.nevents"
                             " FROM articles a WHERE a.rowid IN (" FTS_MATCH ")"
                             " ORDER BY a.pub_day, a.rowid LIMIT ?2"
                           : "SELECT a.id, a.date, a.outlet, a.title, substr(a.text, 1, 80), a.nevents"
                             " FROM articles a ORDER BY a.pub_day, a.rowid LIMIT ?2";
  if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) return RASD_DB;
  char *folded = search ? rasd__fts_fold_query(search) : NULL;
  if (folded) sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (fn(ctx, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
           (const char *)sqlite3_column_text(st, 4), (long)sqlite3_column_int64(st, 5)))
      break;
  }
  sqlite3_finalize(st);
  free(folded);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? RASD_OK : RASD_DB;
}
