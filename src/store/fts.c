/*
** store/fts.c -- the full-text index of article text (stage "db").
**
** FTS5 indexing costs more than coding, so it runs on its own thread into
** its own file, "DB-fts", next to the database: SQLite allows one writer
** per file, and a second file lets the index be built on another core
** while the main writer stores events.  The index is derived data:
**   idx(docid, article, hash)   which article text each FTS row indexes
**   ftext(title, text)          contentless FTS5, rowid = docid
** Text is indexed as the engine's matching keys (rasd_uni_key: no
** tashkeel or tatweel, أإآٱ->ا ى->ي ة->ه; Arabic punctuation blanked) and
** split by FTS5's 'ascii' tokenizer (a third faster than unicode61 on
** Arabic); queries are folded the same way, so ادلب finds إدلب.  A search keeps only docids whose (article, hash) still matches the
** stored article, so replaced texts drop out without deletes, and at each
** ingest start and end the indexer adds whatever stored article the index
** lacks.  A killed ingest therefore never leaves search wrong for long:
** the next ingest (even of nothing) completes the index.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../text/uni.h"
#include "store_int.h"

#define FTS_BATCH 2000 /* articles per FTS transaction */

struct rasd__fts {
  sqlite3 *h;
  FILE *diag;
  pthread_t th;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int64_t *q;
  int nq, capq, done, failed;
  sqlite3_stmt *st_idx, *st_txt;
};

static const char fts_schema[] =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
    "CREATE TABLE IF NOT EXISTS idx(docid INTEGER PRIMARY KEY, article INTEGER NOT NULL, hash INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS idx_article ON idx(article, hash);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS ftext USING fts5(title, text, content='', tokenize='ascii');"
    /* no incremental merging while loading (crisis merges still bound the
    ** segment count): about a third less indexing work */
    "INSERT INTO ftext(ftext, rank) VALUES('automerge', 0);"
    /* flush pending terms once per transaction, not every 1 MB */
    "INSERT INTO ftext(ftext, rank) VALUES('hashsize', 33554432);";

/* The indexed form of text: its matching key (rasd_uni_key) with every
** non-ASCII character that is not a letter, digit or mark (، ؛ ؟ « » “ ”...)
** blanked out, so FTS5's fast 'ascii' tokenizer, which splits on ASCII
** separators only, sees Arabic words as the unicode61 one would.  out needs
** 3n+8 bytes; returns the length. */
static size_t fts_key(const char *s, size_t n, char *out) {
  size_t m = rasd_uni_key(s, n, out);
  unsigned char *u = (unsigned char *)out;
  for (size_t i = 0; i < m;) {
    unsigned c = u[i];
    if (c < 0x80) { i++; continue; }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + len > m) break;
    unsigned d = u[i + 1];
    int blank = (c == 0xC2 && d >= 0xA0) ||                               /* U+00A0-00BF: « » NBSP ... */
                (c == 0xD8 && (d == 0x8C || d == 0x9B || d == 0x9F)) ||    /* ، ؛ ؟ */
                (c == 0xD9 && d >= 0xAA && d <= 0xAD) ||                   /* ٪ ٫ ٬ ٭ */
                (c == 0xDB && d == 0x94) ||                                /* ۔ */
                (c == 0xE2 && (d == 0x80 || d == 0x81));                   /* U+2000-207F: “ ” – — … */
    if (blank) memset(out + i, ' ', len);
    i += len;
  }
  return m;
}

/* SQL function rasd_key(text): the indexed form of text (fts_key). */
static void sql_key(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *s = (const char *)sqlite3_value_text(argv[0]);
  if (!s) { sqlite3_result_null(ctx); return; }
  size_t n = (size_t)sqlite3_value_bytes(argv[0]);
  char *out = sqlite3_malloc64(3 * n + 8);
  if (!out) { sqlite3_result_error_nomem(ctx); return; }
  size_t m = fts_key(s, n, out);
  sqlite3_result_text64(ctx, out, m, sqlite3_free, SQLITE_UTF8);
}

char *rasd__fts_fold_query(const char *q) {
  size_t n = strlen(q);
  char *out = rasd_xmalloc(3 * n + 8);
  size_t i = 0, o = 0;
  while (i < n) {
    if ((unsigned char)q[i] < 0x80) { out[o++] = q[i++]; continue; } /* FTS syntax stays as typed */
    size_t j = i;
    while (j < n && (unsigned char)q[j] >= 0x80) j++;
    o += fts_key(q + i, j - i, out + o);
    i = j;
  }
  out[o] = 0;
  return out;
}

static char *fts_path(const char *dbpath) {
  size_t n = strlen(dbpath);
  char *p = rasd_xmalloc(n + 5);
  memcpy(p, dbpath, n);
  memcpy(p + n, "-fts", 5);
  return p;
}

/* Index one stored article unless its current text is indexed already. */
static int index_one(rasd__fts *f, int64_t rowid) {
  sqlite3_stmt *st = f->st_idx;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, rowid);
  if (sqlite3_step(st) != SQLITE_DONE) return -1;
  if (sqlite3_changes(f->h) == 0) return 0;
  int64_t docid = sqlite3_last_insert_rowid(f->h);
  st = f->st_txt;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, docid);
  sqlite3_bind_int64(st, 2, rowid);
  return sqlite3_step(st) == SQLITE_DONE ? 1 : -1;
}

/* Index every stored article the index lacks (one transaction). */
static int catch_up(rasd__fts *f) {
  sqlite3_stmt *st = NULL;
  int64_t *ids = NULL;
  int n = 0, cap = 0, rc;
  if (sqlite3_prepare_v2(f->h,
                         "SELECT a.rowid FROM m.articles a WHERE NOT EXISTS"
                         " (SELECT 1 FROM idx i WHERE i.article = a.rowid AND i.hash = a.hash) ORDER BY a.rowid",
                         -1, &st, NULL) != SQLITE_OK)
    return -1;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      ids = rasd_xrealloc(ids, (size_t)cap * sizeof *ids);
    }
    ids[n++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  int ok = rc == SQLITE_DONE ? 0 : -1;
  if (!ok && n) {
    sqlite3_exec(f->h, "BEGIN", NULL, NULL, NULL);
    for (int i = 0; i < n && !ok; i++)
      if (index_one(f, ids[i]) < 0) ok = -1;
    if (sqlite3_exec(f->h, ok ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL) != SQLITE_OK) ok = -1;
  }
  free(ids);
  return ok;
}

static void *indexer(void *arg) {
  rasd__fts *f = arg;
  if (catch_up(f) < 0) f->failed = 1;
  int64_t *mine = NULL;
  int cap = 0;
  for (;;) {
    pthread_mutex_lock(&f->mu);
    /* Index in large transactions: each commit flushes FTS segments. */
    while (f->nq < FTS_BATCH && !f->done) pthread_cond_wait(&f->cv, &f->mu);
    int n = f->nq, done = f->done;
    if (n > cap) {
      cap = n;
      mine = rasd_xrealloc(mine, (size_t)cap * sizeof *mine);
    }
    if (n) memcpy(mine, f->q, (size_t)n * sizeof *mine);
    f->nq = 0;
    pthread_mutex_unlock(&f->mu);
    if (n && !f->failed) {
      /* One transaction per wake-up: the more rows per commit, the fewer
      ** FTS segments to merge. */
      int ok = sqlite3_exec(f->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
      for (int i = 0; i < n && ok; i++) ok = index_one(f, mine[i]) >= 0;
      if (sqlite3_exec(f->h, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK) ok = 0;
      if (!ok) f->failed = 1;
    }
    if (done && !n) break;
  }
  free(mine);
  if (!f->failed && catch_up(f) < 0) f->failed = 1;
  return NULL;
}

rasd__fts *rasd__fts_start(const char *dbpath, FILE *diag) {
  rasd__fts *f = rasd_xcalloc(1, sizeof *f);
  f->diag = diag;
  char *path = fts_path(dbpath);
  char *msg = NULL;
  int ok = sqlite3_open_v2(path, &f->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) ==
           SQLITE_OK;
  if (ok) {
    sqlite3_busy_timeout(f->h, 10000);
    ok = sqlite3_create_function(f->h, "rasd_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_key, NULL,
                                 NULL) == SQLITE_OK;
  }
  if (ok) {
    ok = sqlite3_exec(f->h, fts_schema, NULL, NULL, &msg) == SQLITE_OK;
  }
  if (ok) {
    sqlite3_stmt *st = NULL;
    ok = sqlite3_prepare_v2(f->h, "ATTACH ? AS m", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
      sqlite3_bind_text(st, 1, dbpath, -1, SQLITE_STATIC);
      ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
  }
  ok = ok &&
       sqlite3_prepare_v2(f->h,
                          "INSERT INTO idx(article, hash) SELECT a.rowid, a.hash FROM m.articles a WHERE a.rowid = ?1"
                          " AND NOT EXISTS (SELECT 1 FROM idx i WHERE i.article = a.rowid AND i.hash = a.hash)",
                          -1, &f->st_idx, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2(f->h,
                          "INSERT INTO ftext(rowid, title, text) SELECT ?1, rasd_key(title), rasd_key(text)"
                          " FROM m.articles WHERE rowid = ?2",
                          -1, &f->st_txt, NULL) == SQLITE_OK;
  if (!ok) {
    if (diag)
      fprintf(diag, "rasd: error: full-text index %s: %s\n", path, msg ? msg : f->h ? sqlite3_errmsg(f->h) : "cannot open");
    sqlite3_free(msg);
    sqlite3_finalize(f->st_idx);
    sqlite3_finalize(f->st_txt);
    sqlite3_close(f->h);
    free(path);
    free(f);
    return NULL;
  }
  free(path);
  pthread_mutex_init(&f->mu, NULL);
  pthread_cond_init(&f->cv, NULL);
  pthread_create(&f->th, NULL, indexer, f);
  return f;
}

void rasd__fts_push(rasd__fts *f, const int64_t *rowids, int n) {
  if (!f || n <= 0) return;
  pthread_mutex_lock(&f->mu);
  if (f->nq + n > f->capq) {
    f->capq = (f->nq + n) * 2;
    f->q = rasd_xrealloc(f->q, (size_t)f->capq * sizeof *f->q);
  }
  memcpy(f->q + f->nq, rowids, (size_t)n * sizeof *rowids);
  f->nq += n;
  pthread_cond_signal(&f->cv);
  pthread_mutex_unlock(&f->mu);
}

rasd_rc rasd__fts_finish(rasd__fts *f) {
  if (!f) return RASD_DB;
  pthread_mutex_lock(&f->mu);
  f->done = 1;
  pthread_cond_signal(&f->cv);
  pthread_mutex_unlock(&f->mu);
  pthread_join(f->th, NULL);
  rasd_rc rc = f->failed ? RASD_DB : RASD_OK;
  if (!f->failed) sqlite3_exec(f->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (f->failed && f->diag) fprintf(f->diag, "rasd: error: full-text index: %s\n", sqlite3_errmsg(f->h));
  sqlite3_finalize(f->st_idx);
  sqlite3_finalize(f->st_txt);
  sqlite3_close(f->h);
  pthread_mutex_destroy(&f->mu);
  pthread_cond_destroy(&f->cv);
  free(f->q);
  free(f);
  return rc;
}

int rasd__fts_attach(rasd_db *db) {
  char *path = fts_path(db->path);
  FILE *probe = fopen(path, "rb");
  int ok = probe != NULL;
  if (probe) fclose(probe);
  if (ok) {
    sqlite3_stmt *st = NULL;
    ok = sqlite3_prepare_v2(db->h, "ATTACH ? AS fts", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
      sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
      ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
  }
  free(path);
  return ok;
}
