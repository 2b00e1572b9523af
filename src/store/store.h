/*
** store/store.h -- the event store (stage "db"): articles, their coded
** events and spans, and the incidents that link reports of one happening,
** in one SQLite database (schema: docs/STORE.md).
**
** A rasd_db is one connection; use it from one thread at a time.  The
** ingest pool (rasd_db_ingest) opens its own extra read connection and
** does all writing from a single writer thread, committing in batches in
** input order, so a run with N workers stores exactly what a run with one
** stores, and a killed run leaves a consistent database that a re-run
** completes.
*/
#ifndef RASD_STORE_H
#define RASD_STORE_H
#include <stdint.h>
#include <stdio.h>

#include "../core/err.h"
#include "../out/out.h"
#include "../run/engine.h"

typedef struct rasd_db rasd_db;

/* What the store holds of an article already, by id and by text. */
enum rasd_db_state {
  RASD_DB_NEW = 0,  /* not stored */
  RASD_DB_SAME,     /* stored under this id with this text: nothing to do */
  RASD_DB_DUPTEXT,  /* this exact text is stored under another id */
  RASD_DB_CHANGED   /* stored under this id with other text: replace */
};

/* Open (creating when absent, unless readonly) the database at path.
** On failure returns IO or DB, *out is NULL and err holds a message. */
rasd_rc rasd_db_open(const char *path, int readonly, rasd_db **out, char *err, size_t errlen);
/* Commits nothing: an open transaction is rolled back. */
void rasd_db_close(rasd_db *db);
/* The last SQLite error message of db. */
const char *rasd_db_errmsg(rasd_db *db);

/* 64-bit FNV-1a hash of the text (stored to find re-sent articles fast). */
uint64_t rasd_db_hash(const char *text, size_t len);

/* ---- writing ---------------------------------------------------------- */

typedef struct rasd_db_article {
  const char *id, *outlet, *url, *title, *date;
  const char *text;
  size_t len;
  uint64_t hash;   /* rasd_db_hash(text, len) */
  int32_t pub_day; /* RASD_NO_DAY when unknown */
} rasd_db_article;

/* A span an event came from: role is "trigger", "sentence", "actor",
** "recipient" or "place"; [start, end) bytes of the article text. */
typedef struct rasd_db_span {
  const char *role;
  uint32_t start, end;
} rasd_db_span;

typedef struct rasd_db_event {
  rasd_evrow row;          /* id = "ARTICLE-N" */
  const char *json;        /* the PLOVER JSON line (rasd_out_event_json), may be NULL */
  const rasd_db_span *spans;
  int nspans;
} rasd_db_event;

/* State of an article in the store (see enum rasd_db_state). */
rasd_rc rasd_db_article_state(rasd_db *db, const char *id, const char *text, size_t len, uint64_t hash, int *state);

rasd_rc rasd_db_begin(rasd_db *db);
/* Bring the touched incidents up to date, then commit. */
rasd_rc rasd_db_commit(rasd_db *db);

/* Store an article with its events inside the open transaction: a NEW
** article is added, a CHANGED one has its text and events replaced; SAME
** and DUPTEXT store nothing.  The new events are linked into incidents
** (dedup.c).  *state (may be NULL) tells which case it was. */
rasd_rc rasd_db_put(rasd_db *db, const rasd_db_article *a, const rasd_db_event *ev, int nev, int *state);

/* ---- ingest: reader -> worker pool -> one writer ----------------------- */

typedef struct rasd_ingest_opts {
  const char *const *paths;
  int npaths;
  size_t max_article;
  int jobs;        /* coding threads (>= 1) */
  int batch;       /* articles per transaction */
  int strict;      /* stop at the first bad record */
  int no_fts;      /* leave the full-text index for a later ingest */
  FILE *diag;      /* diagnostics (NULL: none) */
  FILE *progress;  /* a terminal for the progress line, or NULL */
} rasd_ingest_opts;

typedef struct rasd_ingest_stats {
  long read;          /* articles read from the input */
  long coded;         /* coded and stored (new or replaced) */
  long replaced;      /* of which replaced an older text under the same id */
  long skip_same;     /* already stored */
  long skip_dup;      /* same text as a stored article with another id */
  long skip_bad;      /* unreadable records (reported) */
  long events;        /* events stored */
  long incidents;     /* incidents in the database at the end */
  double text_mb;     /* article text read, MB */
  double seconds;
  double cpu_read, cpu_code, cpu_write, cpu_fts; /* CPU seconds by thread: reader, workers (sum), writer, indexer */
  int io_error;       /* the input had an I/O error */
} rasd_ingest_stats;

/* Ingest every article of opts->paths.  Returns OK, or DB/IO when the
** database could not be written (the committed batches stay). */
rasd_rc rasd_db_ingest(rasd_db *db, const rasd_engine *e, const rasd_ingest_opts *opts, rasd_ingest_stats *st);

/* ---- dedup (dedup.c) ------------------------------------------------- */

/* Link one stored event into an incident (an existing compatible one, or
** a new one).  Called by rasd_db_put. */
rasd_rc rasd_db_link_event(rasd_db *db, int64_t event_id, int64_t article_rowid, const rasd_evrow *r);
/* Recompute every incident touched since the last call. */
rasd_rc rasd_db_update_incidents(rasd_db *db);
/* Rebuild every incident from scratch (in event order). */
rasd_rc rasd_db_relink_all(rasd_db *db);

/* ---- query (query.c) --------------------------------------------------- */

typedef struct rasd_db_filter {
  int32_t from, to;               /* day range, RASD_NO_DAY = open */
  const char *country, *admin1;   /* ISO3 (or name), admin1 name */
  int has_bbox;
  double min_lon, min_lat, max_lon, max_lat;
  int has_radius;
  double lat, lon, radius_km;
  const char *event;              /* PLOVER category */
  const char *acled;              /* ACLED event_type or sub_event_type */
  const char *actor;              /* substring of an actor name */
  const char *actor_country, *actor_sector;
  int background;                 /* include background events */
  int incidents;                  /* 1: incidents, 0: raw events */
  const char *search;             /* FTS5 query over article text */
  long limit;                     /* 0 = all */
} rasd_db_filter;

/* Called for each matching row; json is the stored PLOVER line for raw
** events (NULL for incidents).  Return non-zero to stop. */
typedef int (*rasd_db_row_fn)(void *ctx, const rasd_evrow *row, const char *json);
rasd_rc rasd_db_query(rasd_db *db, const rasd_db_filter *f, rasd_db_row_fn fn, void *ctx);

/* The reports of incident id, in order: fn gets each event row. */
rasd_rc rasd_db_incident_reports(rasd_db *db, int64_t id, rasd_db_row_fn fn, void *ctx);

/* Articles matching an FTS5 query (or all when search is NULL): fn gets
** id, date, outlet, title, a snippet, and the article's event count. */
typedef int (*rasd_db_article_fn)(void *ctx, const char *id, const char *date, const char *outlet, const char *title,
                                  const char *snippet, long nevents);
rasd_rc rasd_db_query_articles(rasd_db *db, const char *search, long limit, rasd_db_article_fn fn, void *ctx);

/* Counts for a summary: articles, events, incidents. */
rasd_rc rasd_db_counts(rasd_db *db, long *articles, long *events, long *incidents);

#endif
