/*
** store/db.c -- the store's schema, connection and article writes (stage "db").
**
** WAL journal, synchronous=NORMAL: a commit survives the process being
** killed, and readers (query, the ingest pre-check) never block the writer.
** Articles are keyed by id and by a 64-bit text hash; an article whose id
** is stored with other text has its events replaced (and the incidents
** they belonged to recomputed).  The full-text index lives in a second
** file written by its own thread (fts.c).
*/
#include <stdlib.h>
#include <string.h>

#include "../text/text.h"
#include "store_int.h"

#define SCHEMA_VERSION "1"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);\n"
    "CREATE TABLE IF NOT EXISTS articles(\n"
    "  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash INTEGER NOT NULL, len INTEGER NOT NULL,\n"
    "  outlet TEXT, url TEXT, title TEXT, date TEXT, pub_day INTEGER, nevents INTEGER NOT NULL DEFAULT 0,\n"
    "  text TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(rowid), idx INTEGER NOT NULL,\n"
    "  eid TEXT NOT NULL, incident INTEGER,\n"
    "  event TEXT, mode TEXT, acled_type TEXT, acled_subtype TEXT, day INTEGER, day_end INTEGER,\n"
    "  date_prec INTEGER, background INTEGER NOT NULL DEFAULT 0,\n"
    "  actor1 TEXT, actor1_country TEXT, actor1_sector TEXT, assoc_actor1 TEXT,\n"
    "  actor2 TEXT, actor2_country TEXT, actor2_sector TEXT, assoc_actor2 TEXT,\n"
    "  location TEXT, location_ar TEXT, country TEXT, admin1 TEXT, admin2 TEXT, has_geo INTEGER,\n"
    "  lat REAL, lon REAL, geo_precision INTEGER, dead INTEGER, injured INTEGER, arrested INTEGER,\n"
    "  dead_qual INTEGER, dead_min INTEGER, dead_max INTEGER, evidence TEXT, confidence REAL, json TEXT);\n"
    "DROP INDEX IF EXISTS events_link;\n"
    "CREATE INDEX IF NOT EXISTS events_link2 ON events(event, country, day, has_geo, lat, lon, geo_precision, admin1,\n"
    "  location, actor1, actor1_country);\n"
    "CREATE INDEX IF NOT EXISTS events_article ON events(article);\n"
    "CREATE INDEX IF NOT EXISTS events_incident ON events(incident);\n"
    "CREATE TABLE IF NOT EXISTS spans(event INTEGER NOT NULL REFERENCES events(id), role TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS spans_event ON spans(event);\n"
    "CREATE TABLE IF NOT EXISTS incidents(\n"
    "  id INTEGER PRIMARY KEY, rep_event INTEGER, nreports INTEGER, nsources INTEGER, sources TEXT,\n"
    "  first_report TEXT, last_report TEXT, day_first INTEGER, day_last INTEGER,\n"
    "  event TEXT, mode TEXT, acled_type TEXT, acled_subtype TEXT, day INTEGER, day_end INTEGER,\n"
    "  date_prec INTEGER, background INTEGER NOT NULL DEFAULT 0,\n"
    "  actor1 TEXT, actor1_country TEXT, actor1_sector TEXT, assoc_actor1 TEXT,\n"
    "  actor2 TEXT, actor2_country TEXT, actor2_sector TEXT, assoc_actor2 TEXT,\n"
    "  location TEXT, location_ar TEXT, country TEXT, admin1 TEXT, admin2 TEXT, has_geo INTEGER,\n"
    "  lat REAL, lon REAL, geo_precision INTEGER, dead INTEGER, injured INTEGER, arrested INTEGER,\n"
    "  dead_qual INTEGER, dead_min INTEGER, dead_max INTEGER, evidence TEXT, confidence REAL);\n"
    "CREATE INDEX IF NOT EXISTS incidents_day ON incidents(day);\n"
    "INSERT OR IGNORE INTO meta VALUES('schema', '" SCHEMA_VERSION "');\n";

const char *rasd_db_errmsg(rasd_db *db) { return db && db->h ? sqlite3_errmsg(db->h) : "no database"; }

rasd_rc rasd__db_exec(rasd_db *db, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
    sqlite3_free(msg);
    return RASD_DB;
  }
  return RASD_OK;
}

sqlite3_stmt *rasd__db_stmt(rasd_db *db, sqlite3_stmt **slot, const char *sql) {
  if (!*slot) {
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK) {
      *slot = NULL;
      return NULL;
    }
  } else {
    sqlite3_reset(*slot);
    sqlite3_clear_bindings(*slot);
  }
  return *slot;
}

rasd_rc rasd_db_open(const char *path, int readonly, rasd_db **out, char *err, size_t errlen) {
  *out = NULL;
  rasd_db *db = rasd_xcalloc(1, sizeof *db);
  db->path = rasd_xstrndup(path, strlen(path));
  int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "cannot open database %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
    rasd_db_close(db);
    return RASD_IO;
  }
  sqlite3_busy_timeout(db->h, 10000);
  /* A file that is not a database fails on the first read. */
  const char *setup = readonly ? "PRAGMA query_only=1; SELECT count(*) FROM sqlite_master;"
                               /* 16 KB pages (new databases only): most article texts
                               ** fit in one page instead of an overflow chain; about
                               ** a tenth less storing work and a smaller file */
                               : "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                 "PRAGMA foreign_keys=OFF;"
                                 "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";
  char *msg = NULL;
  if (sqlite3_exec(db->h, setup, NULL, NULL, &msg) != SQLITE_OK ||
      (!readonly && sqlite3_exec(db->h, schema, NULL, NULL, &msg) != SQLITE_OK)) {
    snprintf(err, errlen, "%s: %s", path, msg ? msg : sqlite3_errmsg(db->h));
    sqlite3_free(msg);
    rasd_db_close(db);
    return RASD_DB;
  }
  if (readonly) {
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!ok) {
      snprintf(err, errlen, "%s: not a rasd event store (run 'rasd ingest --db %s' first)", path, path);
      rasd_db_close(db);
      return RASD_DB;
    }
  }
  *out = db;
  return RASD_OK;
}

void rasd_db_close(rasd_db *db) {
  if (!db) return;
  sqlite3_stmt **all[] = {&db->st_by_id,     &db->st_by_hash,  &db->st_ins_art,   &db->st_upd_art,    &db->st_ins_ev,   &db->st_ins_span,  &db->st_ev_of_art,  &db->st_del_spans,
                          &db->st_del_evs,   &db->st_cand,     &db->st_new_inc,   &db->st_set_inc,    &db->st_members,
                          &db->st_del_inc,   &db->st_put_inc,  &db->st_inc_has_art};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(*all[i]);
  if (db->h) {
    if (db->in_tx) sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db->h);
  }
  free(db->touched);
  free(db->path);
  free(db);
}

uint64_t rasd_db_hash(const char *text, size_t len) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)text[i];
    h *= 1099511628211ull;
  }
  return h;
}

/* Same text as the stored article at rowid? (hash collisions are checked) */
static int same_text(rasd_db *db, int64_t rowid, const char *text, size_t len) {
  sqlite3_stmt *st = NULL;
  int same = 0;
  if (sqlite3_prepare_v2(db->h, "SELECT text FROM articles WHERE rowid=?", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, rowid);
    if (sqlite3_step(st) == SQLITE_ROW) {
      const void *p = sqlite3_column_blob(st, 0);
      size_t n = (size_t)sqlite3_column_bytes(st, 0);
      same = n == len && (len == 0 || (p && !memcmp(p, text, len)));
    }
  }
  sqlite3_finalize(st);
  return same;
}

/* state, plus the rowid stored under this id (0 when none) */
static rasd_rc state_of(rasd_db *db, const char *id, const char *text, size_t len, uint64_t hash, int *state,
                        int64_t *rowid) {
  *state = RASD_DB_NEW;
  *rowid = 0;
  sqlite3_stmt *st = rasd__db_stmt(db, &db->st_by_id, "SELECT rowid, hash, len FROM articles WHERE id=?");
  if (!st) return RASD_DB;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *rowid = sqlite3_column_int64(st, 0);
    int match = (uint64_t)sqlite3_column_int64(st, 1) == hash && (size_t)sqlite3_column_int64(st, 2) == len;
    sqlite3_reset(st);
    if (match && same_text(db, *rowid, text, len)) { *state = RASD_DB_SAME; return RASD_OK; }
    *state = RASD_DB_CHANGED;
  } else {
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return RASD_DB;
  }
  if (*state == RASD_DB_NEW) {
    st = rasd__db_stmt(db, &db->st_by_hash, "SELECT rowid FROM articles WHERE hash=? AND len=?");
    if (!st) return RASD_DB;
    sqlite3_bind_int64(st, 1, (int64_t)hash);
    sqlite3_bind_int64(st, 2, (int64_t)len);
    int64_t cand[8];
    int nc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && nc < 8) cand[nc++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    for (int i = 0; i < nc; i++)
      if (same_text(db, cand[i], text, len)) { *state = RASD_DB_DUPTEXT; break; }
  }
  return RASD_OK;
}

rasd_rc rasd_db_article_state(rasd_db *db, const char *id, const char *text, size_t len, uint64_t hash, int *state) {
  int64_t rowid;
  return state_of(db, id, text, len, hash, state, &rowid);
}

rasd_rc rasd_db_begin(rasd_db *db) {
  if (db->in_tx) return RASD_OK;
  if (rasd__db_exec(db, "BEGIN IMMEDIATE") != RASD_OK) return RASD_DB;
  db->in_tx = 1;
  return RASD_OK;
}

rasd_rc rasd_db_commit(rasd_db *db) {
  if (!db->in_tx) return RASD_OK;
  if (rasd_db_update_incidents(db) != RASD_OK) return RASD_DB;
  if (rasd__db_exec(db, "COMMIT") != RASD_OK) return RASD_DB;
  db->in_tx = 0;
  return RASD_OK;
}

void rasd__db_touch(rasd_db *db, int64_t inc) {
  for (int i = 0; i < db->ntouched; i++)
    if (db->touched[i] == inc) return;
  if (db->ntouched == db->captouched) {
    db->captouched = db->captouched ? db->captouched * 2 : 64;
    db->touched = rasd_xrealloc(db->touched, (size_t)db->captouched * sizeof *db->touched);
  }
  db->touched[db->ntouched++] = inc;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s) {
  if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}
static void bind_int(sqlite3_stmt *st, int i, int64_t v, int null_if_neg) {
  if (null_if_neg && v < 0) sqlite3_bind_null(st, i);
  else sqlite3_bind_int64(st, i, v);
}
static void bind_day(sqlite3_stmt *st, int i, int32_t d) {
  if (d == RASD_NO_DAY) sqlite3_bind_null(st, i);
  else sqlite3_bind_int(st, i, d);
}

void rasd__db_bind_row(sqlite3_stmt *st, int k, const rasd_evrow *r) {
  bind_str(st, k++, r->event);
  bind_str(st, k++, r->mode);
  bind_str(st, k++, r->acled_type);
  bind_str(st, k++, r->acled_subtype);
  bind_day(st, k++, r->day);
  bind_day(st, k++, r->day_end);
  bind_int(st, k++, r->date_prec, 0);
  bind_int(st, k++, r->background ? 1 : 0, 0);
  bind_str(st, k++, r->actor1);
  bind_str(st, k++, r->actor1_country);
  bind_str(st, k++, r->actor1_sector);
  bind_str(st, k++, r->assoc_actor1);
  bind_str(st, k++, r->actor2);
  bind_str(st, k++, r->actor2_country);
  bind_str(st, k++, r->actor2_sector);
  bind_str(st, k++, r->assoc_actor2);
  bind_str(st, k++, r->location);
  bind_str(st, k++, r->location_ar);
  bind_str(st, k++, r->country);
  bind_str(st, k++, r->admin1);
  bind_str(st, k++, r->admin2);
  bind_int(st, k++, r->has_geo ? 1 : 0, 0);
  if (r->has_geo) { sqlite3_bind_double(st, k++, r->lat); sqlite3_bind_double(st, k++, r->lon); }
  else { sqlite3_bind_null(st, k++); sqlite3_bind_null(st, k++); }
  bind_int(st, k++, r->geo_precision, 0);
  bind_int(st, k++, r->dead, 1);
  bind_int(st, k++, r->injured, 1);
  bind_int(st, k++, r->arrested, 1);
  bind_int(st, k++, r->dead_qual, 0);
  bind_int(st, k++, r->dead_min, 1);
  bind_int(st, k++, r->dead_max, 1);
  bind_str(st, k++, r->evidence);
  sqlite3_bind_double(st, k++, r->confidence);
}

static const char *col_str(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }
static int32_t col_int(sqlite3_stmt *st, int i, int32_t null_value) {
  return sqlite3_column_type(st, i) == SQLITE_NULL ? null_value : (int32_t)sqlite3_column_int64(st, i);
}

void rasd__db_read_row(sqlite3_stmt *st, int k, rasd_evrow *r) {
  r->event = col_str(st, k++);
  r->mode = col_str(st, k++);
  r->acled_type = col_str(st, k++);
  r->acled_subtype = col_str(st, k++);
  r->day = col_int(st, k++, RASD_NO_DAY);
  r->day_end = col_int(st, k++, RASD_NO_DAY);
  r->date_prec = col_int(st, k++, 0);
  r->background = col_int(st, k++, 0);
  r->actor1 = col_str(st, k++);
  r->actor1_country = col_str(st, k++);
  r->actor1_sector = col_str(st, k++);
  r->assoc_actor1 = col_str(st, k++);
  r->actor2 = col_str(st, k++);
  r->actor2_country = col_str(st, k++);
  r->actor2_sector = col_str(st, k++);
  r->assoc_actor2 = col_str(st, k++);
  r->location = col_str(st, k++);
  r->location_ar = col_str(st, k++);
  r->country = col_str(st, k++);
  r->admin1 = col_str(st, k++);
  r->admin2 = col_str(st, k++);
  r->has_geo = col_int(st, k++, 0);
  r->lat = sqlite3_column_double(st, k++);
  r->lon = sqlite3_column_double(st, k++);
  r->geo_precision = col_int(st, k++, 0);
  r->dead = col_int(st, k++, -1);
  r->injured = col_int(st, k++, -1);
  r->arrested = col_int(st, k++, -1);
  r->dead_qual = col_int(st, k++, 0);
  r->dead_min = col_int(st, k++, -1);
  r->dead_max = col_int(st, k++, -1);
  r->evidence = col_str(st, k++);
  r->confidence = sqlite3_column_double(st, k++);
}

/* Remove an article's events and spans (incidents are recomputed at commit). */
static rasd_rc drop_article(rasd_db *db, int64_t rowid) {
  sqlite3_stmt *st = rasd__db_stmt(db, &db->st_ev_of_art,
                                   "SELECT DISTINCT incident FROM events WHERE article=? AND incident IS NOT NULL");
  if (!st) return RASD_DB;
  sqlite3_bind_int64(st, 1, rowid);
  while (sqlite3_step(st) == SQLITE_ROW) rasd__db_touch(db, sqlite3_column_int64(st, 0));
  sqlite3_reset(st);
  st = rasd__db_stmt(db, &db->st_del_spans, "DELETE FROM spans WHERE event IN (SELECT id FROM events WHERE article=?)");
  if (!st) return RASD_DB;
  sqlite3_bind_int64(st, 1, rowid);
  if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
  st = rasd__db_stmt(db, &db->st_del_evs, "DELETE FROM events WHERE article=?");
  if (!st) return RASD_DB;
  sqlite3_bind_int64(st, 1, rowid);
  if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
  return RASD_OK;
}

static void bind_article(sqlite3_stmt *st, const rasd_db_article *a, int nev) {
  bind_str(st, 1, a->id);
  sqlite3_bind_int64(st, 2, (int64_t)a->hash);
  sqlite3_bind_int64(st, 3, (int64_t)a->len);
  bind_str(st, 4, a->outlet);
  bind_str(st, 5, a->url);
  bind_str(st, 6, a->title);
  bind_str(st, 7, a->date);
  bind_day(st, 8, a->pub_day);
  sqlite3_bind_int(st, 9, nev);
  sqlite3_bind_text(st, 10, a->text, (int)a->len, SQLITE_STATIC);
}

rasd_rc rasd_db_put(rasd_db *db, const rasd_db_article *a, const rasd_db_event *ev, int nev, int *state_out) {
  int state;
  int64_t rowid;
  sqlite3_stmt *st;
  if (state_of(db, a->id, a->text, a->len, a->hash, &state, &rowid) != RASD_OK) return RASD_DB;
  if (state_out) *state_out = state;
  if (state == RASD_DB_SAME || state == RASD_DB_DUPTEXT) return RASD_OK;
  if (state == RASD_DB_CHANGED) {
    if (drop_article(db, rowid) != RASD_OK) return RASD_DB;
    st = rasd__db_stmt(db, &db->st_upd_art,
                       "UPDATE articles SET id=?1, hash=?2, len=?3, outlet=?4, url=?5, title=?6, date=?7, "
                       "pub_day=?8, nevents=?9, text=?10 WHERE rowid=?11");
    if (!st) return RASD_DB;
    bind_article(st, a, nev);
    sqlite3_bind_int64(st, 11, rowid);
    if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
  } else {
    st = rasd__db_stmt(db, &db->st_ins_art,
                       "INSERT INTO articles(id, hash, len, outlet, url, title, date, pub_day, nevents, text) "
                       "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    if (!st) return RASD_DB;
    bind_article(st, a, nev);
    if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
    rowid = sqlite3_last_insert_rowid(db->h);
  }
  db->put_rowid = rowid;

  for (int i = 0; i < nev; i++) {
    const rasd_evrow *r = &ev[i].row;
    st = rasd__db_stmt(db, &db->st_ins_ev,
                       "INSERT INTO events(article, idx, eid, json, " RASD__ROW_COLS
                       ") VALUES(?,?,?,?, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st) return RASD_DB;
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_int(st, 2, i + 1);
    bind_str(st, 3, r->id);
    bind_str(st, 4, ev[i].json);
    rasd__db_bind_row(st, 5, r);
    if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
    int64_t evid = sqlite3_last_insert_rowid(db->h);
    for (int k = 0; k < ev[i].nspans; k++) {
      st = rasd__db_stmt(db, &db->st_ins_span, "INSERT INTO spans(event, role, start, end) VALUES(?,?,?,?)");
      if (!st) return RASD_DB;
      sqlite3_bind_int64(st, 1, evid);
      bind_str(st, 2, ev[i].spans[k].role);
      sqlite3_bind_int64(st, 3, ev[i].spans[k].start);
      sqlite3_bind_int64(st, 4, ev[i].spans[k].end);
      if (sqlite3_step(st) != SQLITE_DONE) return RASD_DB;
    }
    if (!r->background && r->day != RASD_NO_DAY && rasd_db_link_event(db, evid, rowid, r) != RASD_OK) return RASD_DB;
  }
  return RASD_OK;
}

rasd_rc rasd_db_counts(rasd_db *db, long *na, long *ne, long *ni) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->h,
                         "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                         "(SELECT count(*) FROM incidents)",
                         -1, &st, NULL) != SQLITE_OK)
    return RASD_DB;
  rasd_rc rc = RASD_DB;
  if (sqlite3_step(st) == SQLITE_ROW) {
    if (na) *na = (long)sqlite3_column_int64(st, 0);
    if (ne) *ne = (long)sqlite3_column_int64(st, 1);
    if (ni) *ni = (long)sqlite3_column_int64(st, 2);
    rc = RASD_OK;
  }
  sqlite3_finalize(st);
  return rc;
}
