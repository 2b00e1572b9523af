/*
** store/fts.c -- the full-text index of article text (stage "db").
**
** FTS5 indexing is the costliest part of storing (about 4.5 CPU-s for
** 96 MB of text), so it runs on its own thread into its own file,
** "DB-fts", next to the database: SQLite allows one writer per file, and a
** second file lets the index be built on another core while the main
** writer stores events.  The index is derived data:
**   idx(docid, article, hash)   which article text each FTS row indexes
**   ftext(title, text)          contentless FTS5, rowid = docid
** Text is indexed as the engine's matching keys (rasd_uni_key: no
** tashkeel or tatweel, أإآٱ->ا ى->ي ة->ه; Arabic punctuation blanked) and
** split by FTS5's 'ascii' tokenizer (a third faster than unicode61 on
** Arabic); queries are folded the same way, so ادلب finds إدلب.
**
** The ingest writer hands each stored article's rowid, hash, title and
** text to the indexer in memory (rasd__fts_add), and releases them when
** their transaction has committed (rasd__fts_commit): the indexer never
** reads the main database while it is being written, and never indexes
** what a rollback undid.  At most FTS_MAX_QUEUED bytes wait; then the
** writer waits.  The indexer keeps one FTS transaction open over FTS_BATCH
** articles or more (or to the end of the input): FTS5 writes a segment at
** each commit (and every 8 MB of pending terms), and the fewer segments,
** the less merging.  Every statement in a transaction is a plain one-row
** write (see index_doc).
**
** A search keeps only docids whose (article, hash) still matches the
** stored article, so replaced texts drop out without deletes.  At each
** ingest start and end the indexer also reads back from the database
** whatever stored article the index lacks, so a killed ingest never leaves
** search wrong for long: the next ingest (even of nothing) completes the
** index.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../text/uni.h"
#include "store_int.h"

/* Articles per FTS transaction (at least): each commit writes a segment,
** and FTS5 merges them when a level reaches 16 (2000 made 16 for 30,000
** articles, and a merge that cost a fifth of the indexing). */
#define FTS_BATCH 8000
#define FTS_MAX_QUEUED (8u << 20) /* bytes of text waiting before the writer waits */

/* Committed articles waiting for the indexer: one list per store commit;
** the strings live in bytes (offsets, since the buffer grows). */
typedef struct fts_doc {
  int64_t rowid;
  uint64_t hash;
  size_t title, ntitle, text, ntext; /* offsets into bytes; title == (size_t)-1 when none */
} fts_doc;
typedef struct fts_list {
  fts_doc *docs;
  int n, cap;
  rasd_buf bytes;
  struct fts_list *next;
} fts_list;

struct rasd__fts {
  sqlite3 *h;
  FILE *diag;
  pthread_t th;
  pthread_mutex_t mu;
  pthread_cond_t cv, cv_space;
  fts_list *open;              /* the writer's articles of its open transaction */
  fts_list *qhead, *qtail;     /* committed, waiting for the indexer */
  fts_list *spare;             /* indexed lists, kept for reuse */
  int done, failed;
  size_t qbytes;
  double cpu;                  /* the indexer thread's CPU seconds, at its end */
  rasd_buf key;                /* the indexer's folded text */
  sqlite3_stmt *st_has, *st_idx, *st_txt, *st_read;
};

static const char fts_schema[] =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192;"
    "CREATE TABLE IF NOT EXISTS idx(docid INTEGER PRIMARY KEY, article INTEGER NOT NULL, hash INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS idx_article ON idx(article, hash);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS ftext USING fts5(title, text, content='', tokenize='ascii');"
    /* no incremental merging while loading (crisis merges still bound the
    ** segment count): about a third less indexing work */
    "INSERT INTO ftext(ftext, rank) VALUES('automerge', 0);"
    /* flush pending terms every 8 MB, not every 1 MB: a few segments for
    ** 100 MB of text; bigger was no faster and cost memory */
    "INSERT INTO ftext(ftext, rank) VALUES('hashsize', 8388608);";

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

/* Bind the indexed form of s[0..n) (NULL: SQL NULL) at parameter i; the
** folded bytes go after those already in f->key (several binds per row). */
static void bind_key(rasd__fts *f, sqlite3_stmt *st, int i, const char *s, size_t n) {
  if (!s) { sqlite3_bind_null(st, i); return; }
  size_t at = f->key.n;
  if (at + 3 * n + 8 > f->key.cap) rasd_buf_grow(&f->key, 3 * n + 8);
  size_t m = fts_key(s, n, f->key.p + at);
  f->key.n = at + m;
  sqlite3_bind_text64(st, i, f->key.p + at, m, SQLITE_STATIC, SQLITE_UTF8);
}

/* Index one stored article text unless it is indexed already (same
** article and hash).  1 indexed, 0 already there, -1 error.
** Each statement here is a plain one-row write: a statement that could
** need a statement journal (INSERT ... SELECT) makes SQLite open a
** savepoint on every virtual table in the transaction, and FTS5 flushes
** its pending terms to a new segment at each savepoint -- one segment per
** article, which cost more than all the tokenizing. */
static int index_doc(rasd__fts *f, int64_t rowid, uint64_t hash, const char *title, size_t ntitle, const char *text,
                     size_t ntext) {
  sqlite3_stmt *st = f->st_has;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, rowid);
  sqlite3_bind_int64(st, 2, (int64_t)hash);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 0;
  if (rc != SQLITE_DONE) return -1;
  st = f->st_idx;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, rowid);
  sqlite3_bind_int64(st, 2, (int64_t)hash);
  if (sqlite3_step(st) != SQLITE_DONE) return -1;
  st = f->st_txt;
  sqlite3_reset(st);
  f->key.n = 0;
  if (f->key.cap < 3 * (ntitle + ntext) + 16) rasd_buf_grow(&f->key, 3 * (ntitle + ntext) + 16);
  sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(f->h));
  bind_key(f, st, 2, title, ntitle);
  bind_key(f, st, 3, text, ntext);
  return sqlite3_step(st) == SQLITE_DONE ? 1 : -1;
}

/* Index one article read back from the database (catch_up). */
static int index_stored(rasd__fts *f, int64_t rowid) {
  sqlite3_stmt *st = f->st_read;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, rowid);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) return 0; /* gone since */
  if (rc != SQLITE_ROW) return -1;
  const char *title = (const char *)sqlite3_column_text(st, 1);
  size_t ntitle = (size_t)sqlite3_column_bytes(st, 1);
  const char *text = (const char *)sqlite3_column_text(st, 2);
  size_t ntext = (size_t)sqlite3_column_bytes(st, 2);
  rc = index_doc(f, rowid, (uint64_t)sqlite3_column_int64(st, 0), title, ntitle, text ? text : "", ntext);
  sqlite3_reset(st);
  return rc;
}

/* Index every stored article the index lacks, FTS_BATCH a transaction. */
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
  int ok = rc == SQLITE_DONE;
  for (int i = 0; i < n && ok; i += FTS_BATCH) {
    ok = sqlite3_exec(f->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    for (int k = i; k < n && k < i + FTS_BATCH && ok; k++) ok = index_stored(f, ids[k]) >= 0;
    if (sqlite3_exec(f->h, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK) ok = 0;
  }
  free(ids);
  return ok ? 0 : -1;
}

/* Index one committed list inside the open FTS transaction. */
static int index_list(rasd__fts *f, const fts_list *l) {
  const char *b = l->bytes.p;
  for (int i = 0; i < l->n; i++) {
    const fts_doc *d = &l->docs[i];
    if (index_doc(f, d->rowid, d->hash, d->title == (size_t)-1 ? NULL : b + d->title, d->ntitle, b + d->text,
                  d->ntext) < 0)
      return -1;
  }
  return 0;
}

/* The indexer thread: catch up, then index the lists the writer commits,
** in order, FTS_BATCH articles (or more) per FTS transaction: each commit
** writes a new FTS segment, and the fewer segments, the less merging. */
static void *indexer(void *arg) {
  rasd__fts *f = arg;
  if (catch_up(f) < 0) f->failed = 1;
  int in_tx = 0, ntx = 0;
  for (;;) {
    pthread_mutex_lock(&f->mu);
    while (!f->qhead && !f->done) pthread_cond_wait(&f->cv, &f->mu);
    fts_list *l = f->qhead;
    if (l) {
      f->qhead = l->next;
      if (!f->qhead) f->qtail = NULL;
    }
    pthread_mutex_unlock(&f->mu);
    if (!l) break; /* done, and nothing queued */
    if (!f->failed) {
      if (!in_tx) in_tx = sqlite3_exec(f->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
      if (!in_tx || index_list(f, l) < 0) f->failed = 1;
      ntx += l->n;
      if (in_tx && ntx >= FTS_BATCH) {
        in_tx = 0;
        ntx = 0;
        if (sqlite3_exec(f->h, f->failed ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL) != SQLITE_OK) f->failed = 1;
      }
    }
    /* give the list back for reuse; the writer may queue more now */
    pthread_mutex_lock(&f->mu);
    f->qbytes -= l->bytes.n;
    l->n = 0;
    l->bytes.n = 0;
    l->next = f->spare;
    f->spare = l;
    pthread_cond_signal(&f->cv_space);
    pthread_mutex_unlock(&f->mu);
  }
  if (in_tx && sqlite3_exec(f->h, f->failed ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL) != SQLITE_OK) f->failed = 1;
  if (!f->failed && catch_up(f) < 0) f->failed = 1;
  f->cpu = rasd__thread_cpu();
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
    ok = sqlite3_exec(f->h, fts_schema, NULL, NULL, &msg) == SQLITE_OK;
  }
  if (ok) {
    /* the main database, for catching up only */
    sqlite3_stmt *st = NULL;
    ok = sqlite3_prepare_v2(f->h, "ATTACH ? AS m", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
      sqlite3_bind_text(st, 1, dbpath, -1, SQLITE_STATIC);
      ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
  }
  ok = ok &&
       sqlite3_prepare_v2(f->h, "SELECT 1 FROM idx WHERE article = ?1 AND hash = ?2", -1, &f->st_has, NULL) ==
           SQLITE_OK &&
       sqlite3_prepare_v2(f->h, "INSERT INTO idx(article, hash) VALUES(?1, ?2)", -1, &f->st_idx, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2(f->h, "INSERT INTO ftext(rowid, title, text) VALUES(?1, ?2, ?3)", -1, &f->st_txt, NULL) ==
           SQLITE_OK &&
       sqlite3_prepare_v2(f->h, "SELECT hash, title, text FROM m.articles WHERE rowid = ?1", -1, &f->st_read, NULL) ==
           SQLITE_OK;
  if (!ok) {
    if (diag)
      fprintf(diag, "rasd: error: full-text index %s: %s\n", path, msg ? msg : f->h ? sqlite3_errmsg(f->h) : "cannot open");
    sqlite3_free(msg);
    sqlite3_finalize(f->st_has);
    sqlite3_finalize(f->st_idx);
    sqlite3_finalize(f->st_txt);
    sqlite3_finalize(f->st_read);
    sqlite3_close(f->h);
    free(path);
    free(f);
    return NULL;
  }
  free(path);
  pthread_mutex_init(&f->mu, NULL);
  pthread_cond_init(&f->cv, NULL);
  pthread_cond_init(&f->cv_space, NULL);
  pthread_create(&f->th, NULL, indexer, f);
  return f;
}

/* Append s[0..n) to l's bytes; its offset. */
static size_t keep_bytes(fts_list *l, const char *s, size_t n) {
  size_t at = l->bytes.n;
  rasd_buf_add(&l->bytes, s, n);
  return at;
}

void rasd__fts_add(rasd__fts *f, int64_t rowid, uint64_t hash, const char *title, const char *text, size_t len) {
  if (!f) return;
  fts_list *l = f->open;
  if (!l) {
    pthread_mutex_lock(&f->mu);
    l = f->spare;
    if (l) f->spare = l->next;
    pthread_mutex_unlock(&f->mu);
    if (!l) l = rasd_xcalloc(1, sizeof *l);
    l->next = NULL;
    f->open = l;
  }
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 512;
    l->docs = rasd_xrealloc(l->docs, (size_t)l->cap * sizeof *l->docs);
  }
  fts_doc *d = &l->docs[l->n++];
  d->rowid = rowid;
  d->hash = hash;
  d->ntitle = title ? strlen(title) : 0;
  d->title = title ? keep_bytes(l, title, d->ntitle) : (size_t)-1;
  d->ntext = len;
  d->text = keep_bytes(l, text, len);
}

void rasd__fts_commit(rasd__fts *f) {
  if (!f || !f->open) return;
  fts_list *l = f->open;
  f->open = NULL;
  pthread_mutex_lock(&f->mu);
  /* bound memory: wait while the indexer is far behind (it drains the
  ** queue even after an error) */
  while (f->qbytes >= FTS_MAX_QUEUED) pthread_cond_wait(&f->cv_space, &f->mu);
  if (f->qtail) f->qtail->next = l;
  else f->qhead = l;
  f->qtail = l;
  f->qbytes += l->bytes.n;
  pthread_cond_signal(&f->cv);
  pthread_mutex_unlock(&f->mu);
}

static void free_lists(fts_list *l) {
  while (l) {
    fts_list *next = l->next;
    free(l->docs);
    rasd_buf_free(&l->bytes);
    free(l);
    l = next;
  }
}

rasd_rc rasd__fts_finish(rasd__fts *f, double *cpu) {
  if (!f) return RASD_DB;
  pthread_mutex_lock(&f->mu);
  f->done = 1;
  pthread_cond_signal(&f->cv);
  pthread_mutex_unlock(&f->mu);
  pthread_join(f->th, NULL);
  if (cpu) *cpu = f->cpu;
  rasd_rc rc = f->failed ? RASD_DB : RASD_OK;
  if (!f->failed) sqlite3_exec(f->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (f->failed && f->diag) fprintf(f->diag, "rasd: error: full-text index: %s\n", sqlite3_errmsg(f->h));
  sqlite3_finalize(f->st_has);
  sqlite3_finalize(f->st_idx);
  sqlite3_finalize(f->st_txt);
  sqlite3_finalize(f->st_read);
  sqlite3_close(f->h);
  pthread_mutex_destroy(&f->mu);
  pthread_cond_destroy(&f->cv);
  pthread_cond_destroy(&f->cv_space);
  free_lists(f->open); /* not committed: never indexed */
  free_lists(f->qhead);
  free_lists(f->spare);
  rasd_buf_free(&f->key);
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
