/*
** store/store_int.h -- what the store's files share (not for other stages):
** the connection struct, its prepared statements, and the column list that
** events and incidents have in common (read back into a rasd_evrow).
*/
#ifndef RASD_STORE_INT_H
#define RASD_STORE_INT_H
#include <sqlite3.h>
#include <stdio.h>

#include "store.h"

/* Columns events and incidents share, in rasd_evrow order (33). */
#define RASD__ROW_COLS                                                                     \
  "event, mode, acled_type, acled_subtype, day, day_end, date_prec, background, "          \
  "actor1, actor1_country, actor1_sector, assoc_actor1, actor2, actor2_country, "          \
  "actor2_sector, assoc_actor2, location, location_ar, country, admin1, admin2, has_geo, " \
  "lat, lon, geo_precision, dead, injured, arrested, dead_qual, dead_min, dead_max, "      \
  "evidence, confidence"
#define RASD__NROW_COLS 33
/* The same, qualified with the table alias x. */
#define RASD__ROW_COLS_X                                                                          \
  "x.event, x.mode, x.acled_type, x.acled_subtype, x.day, x.day_end, x.date_prec, x.background, " \
  "x.actor1, x.actor1_country, x.actor1_sector, x.assoc_actor1, x.actor2, x.actor2_country, "     \
  "x.actor2_sector, x.assoc_actor2, x.location, x.location_ar, x.country, x.admin1, x.admin2, "   \
  "x.has_geo, x.lat, x.lon, x.geo_precision, x.dead, x.injured, x.arrested, x.dead_qual, "        \
  "x.dead_min, x.dead_max, x.evidence, x.confidence"

struct rasd_db {
  sqlite3 *h;
  char *path;
  int in_tx;
  /* prepared statements (NULL until first use) */
  sqlite3_stmt *st_by_id, *st_by_hash, *st_ins_art, *st_upd_art, *st_ins_ev,
      *st_ins_span, *st_ev_of_art, *st_del_spans, *st_del_evs;
  sqlite3_stmt *st_cand, *st_new_inc, *st_set_inc, *st_members, *st_del_inc, *st_put_inc, *st_inc_has_art;
  /* incidents touched in the open transaction */
  int64_t *touched;
  int ntouched, captouched;
  /* rowid of the article the last rasd_db_put stored (NEW or CHANGED) */
  int64_t put_rowid;
};

/* ---- the full-text index (fts.c): a derived file "DB-fts" ---------------- */
typedef struct rasd__fts rasd__fts;
/* Open/create DB-fts and start the indexer thread, which first indexes any
** stored article the index lacks (e.g. after a killed run).  NULL on error
** (message printed to diag). */
rasd__fts *rasd__fts_start(const char *dbpath, FILE *diag);
/* An article stored (NEW or CHANGED) in the writer's open transaction:
** its rowid, text hash, title (may be NULL) and text, copied.  Called by
** the one writer thread; f may be NULL (no index). */
void rasd__fts_add(rasd__fts *f, int64_t rowid, uint64_t hash, const char *title, const char *text, size_t len);
/* The open transaction committed: queue its articles for indexing.  Waits
** while the indexer is far behind, which bounds memory. */
void rasd__fts_commit(rasd__fts *f);
/* Index what is queued, catch up, stop the thread; *cpu (may be NULL)
** gets the indexer thread's CPU seconds.  Returns OK or DB. */
rasd_rc rasd__fts_finish(rasd__fts *f, double *cpu);
/* CPU seconds the calling thread has used. */
double rasd__thread_cpu(void);
/* A full-text query with its non-ASCII words folded like the index
** (ASCII, the FTS5 syntax, is kept as typed).  Free with free(). */
char *rasd__fts_fold_query(const char *q);
/* Attach DB-fts to a read connection as schema "fts"; 0 when there is none. */
int rasd__fts_attach(rasd_db *db);

/* Prepare (once) and reset a cached statement; NULL on error (message in db). */
sqlite3_stmt *rasd__db_stmt(rasd_db *db, sqlite3_stmt **slot, const char *sql);
/* Bind row's shared columns at parameters first..first+32. */
void rasd__db_bind_row(sqlite3_stmt *st, int first, const rasd_evrow *r);
/* Read the shared columns from column first on into r (strings borrowed
** from the statement until its next step). */
void rasd__db_read_row(sqlite3_stmt *st, int first, rasd_evrow *r);
/* Remember an incident whose summary must be recomputed before commit. */
void rasd__db_touch(rasd_db *db, int64_t incident);
/* Run SQL without results; RASD_DB on error. */
rasd_rc rasd__db_exec(rasd_db *db, const char *sql);

#endif
