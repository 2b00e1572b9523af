/*
** store/ingest.c -- `rasd ingest`'s engine: reader -> worker pool -> writer
** (stage "db").
**
**   reader (calling thread)   reads each article into its own job arena,
**                             skips what the store already holds (its own
**                             read connection), numbers the rest 0,1,2...
**   N workers                 run the engine on a job (own arena + doc) and
**                             flatten the events into the job arena
**   writer thread             takes jobs back in sequence order (a ring of
**                             `window` slots), stores them, commits every
**                             `batch` articles, and hands the committed
**                             articles' texts to the full-text indexer
**                             thread (fts.c), which writes its own file
** At most `window` jobs are in flight, which bounds memory.  Because the
** writer stores (and dedups) in input order, N workers store exactly what
** one does.  Each batch is one transaction: a killed ingest loses at most
** the open batch, which a re-run codes again.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../input/reader.h"
#include "../text/text.h"
#include "store_int.h"

typedef struct job {
  long seq;
  rasd_arena arena; /* the article's strings and its flattened events */
  rasd_article art;
  rasd_db_article dba;
  rasd_db_event *ev;
  int nev;
  struct job *next;
} job;

typedef struct pool {
  const rasd_engine *e;
  rasd_db *db;
  const rasd_ingest_opts *o;
  rasd_ingest_stats *st;
  pthread_mutex_t mu;
  pthread_cond_t cv_work, cv_space, cv_done;
  job *qhead, *qtail;  /* read, waiting for a worker */
  job **ring;          /* coded, waiting for the writer, at seq % window */
  long window, next_seq, written;
  int reading_done, failed;
  long w_same, w_dup;  /* writer-side skips (duplicates within this run) */
  job *free_jobs;      /* recycled jobs (arena blocks kept) */
  rasd__fts *fts;      /* the full-text indexer thread */
} pool;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double rasd__thread_cpu(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static job *job_get(pool *p) {
  pthread_mutex_lock(&p->mu);
  job *j = p->free_jobs;
  if (j) p->free_jobs = j->next;
  pthread_mutex_unlock(&p->mu);
  if (!j) {
    j = rasd_xcalloc(1, sizeof *j);
    rasd_arena_init(&j->arena);
  }
  rasd_arena_reset(&j->arena);
  j->ev = NULL;
  j->nev = 0;
  j->next = NULL;
  return j;
}

static void job_put(pool *p, job *j) {
  pthread_mutex_lock(&p->mu);
  j->next = p->free_jobs;
  p->free_jobs = j;
  pthread_mutex_unlock(&p->mu);
}

/* ---- worker: code one article, flatten its events into the job arena ---- */

static const char *keep(rasd_arena *a, const char *s) { return s ? rasd_arena_strndup(a, s, strlen(s)) : NULL; }

static void keep_row(rasd_evrow *r, rasd_arena *a) {
  const char **s[] = {&r->id,          &r->article_id,     &r->outlet,         &r->url,          &r->pub_date,
                      &r->event,       &r->mode,           &r->acled_type,     &r->acled_subtype, &r->actor1,
                      &r->actor1_country, &r->actor1_sector, &r->assoc_actor1, &r->actor2,        &r->actor2_country,
                      &r->actor2_sector, &r->assoc_actor2, &r->location,       &r->location_ar,   &r->country,
                      &r->admin1,      &r->admin2,         &r->evidence,       &r->sources};
  for (size_t i = 0; i < sizeof s / sizeof *s; i++) *s[i] = keep(a, *s[i]);
}

static void code_job(const rasd_engine *e, job *j, rasd_arena *wa, rasd_buf *b) {
  rasd_doc doc;
  rasd_arena_reset(wa);
  rasd_doc_init(&doc, &j->art, wa);
  rasd_engine_run(e, &doc);
  j->dba.pub_day = doc.pub_day;
  j->nev = (int)doc.nevents;
  if (!j->nev) return;
  j->ev = rasd_arena_alloc(&j->arena, (size_t)j->nev * sizeof *j->ev);
  for (int i = 0; i < j->nev; i++) {
    const rasd_event *ev = &doc.events[i];
    rasd_db_event *out = &j->ev[i];
    rasd_out_event_row(&out->row, &doc, ev, i + 1, wa);
    keep_row(&out->row, &j->arena);
    b->n = 0;
    rasd_out_event_json(b, &doc, ev, i + 1, 0);
    while (b->n && b->p[b->n - 1] == '\n') b->n--;
    out->json = rasd_arena_strndup(&j->arena, b->p, b->n);
    int ns = 2 + ev->nactor + ev->nrecipient + 1;
    rasd_db_span *sp = rasd_arena_alloc(&j->arena, (size_t)ns * sizeof *sp);
    int k = 0;
    sp[k++] = (rasd_db_span){"trigger", ev->trig_start, ev->trig_end};
    if (ev->sent < doc.nsents) sp[k++] = (rasd_db_span){"sentence", doc.sents[ev->sent].start, doc.sents[ev->sent].end};
    for (int a = 0; a < ev->nactor; a++) sp[k++] = (rasd_db_span){"actor", ev->actor[a].start, ev->actor[a].end};
    for (int a = 0; a < ev->nrecipient; a++)
      sp[k++] = (rasd_db_span){"recipient", ev->recipient[a].start, ev->recipient[a].end};
    if (ev->place >= 0 && (uint32_t)ev->place < doc.nplaces)
      sp[k++] = (rasd_db_span){"place", doc.places[ev->place].start, doc.places[ev->place].end};
    out->spans = sp;
    out->nspans = k;
  }
}

static void *worker(void *arg) {
  pool *p = arg;
  rasd_arena wa;
  rasd_arena_init(&wa);
  rasd_buf b = {0};
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (!p->qhead && !p->reading_done) pthread_cond_wait(&p->cv_work, &p->mu);
    job *j = p->qhead;
    if (j) {
      p->qhead = j->next;
      if (!p->qhead) p->qtail = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    if (!j) break;
    code_job(p->e, j, &wa, &b);
    pthread_mutex_lock(&p->mu);
    p->ring[j->seq % p->window] = j;
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
  }
  rasd_buf_free(&b);
  rasd_arena_free(&wa);
  rasd_text_thread_free(); /* the text layer's per-thread caches (stems, words) */
  double cpu = rasd__thread_cpu();
  pthread_mutex_lock(&p->mu);
  p->st->cpu_code += cpu;
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* ---- writer: store jobs in sequence order, commit in batches ------------ */

static void *writer(void *arg) {
  pool *p = arg;
  int in_batch = 0;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    long seq = p->written;
    while (!p->ring[seq % p->window] && !(p->reading_done && seq == p->next_seq))
      pthread_cond_wait(&p->cv_done, &p->mu);
    job *j = p->ring[seq % p->window];
    p->ring[seq % p->window] = NULL;
    int failed = p->failed;
    pthread_mutex_unlock(&p->mu);
    if (!j) break;
    if (!failed) {
      int state = RASD_DB_NEW;
      rasd_rc rc = rasd_db_begin(p->db);
      if (rc == RASD_OK) rc = rasd_db_put(p->db, &j->dba, j->ev, j->nev, &state);
      if (rc == RASD_OK) {
        switch (state) {
          case RASD_DB_SAME: p->w_same++; break;
          case RASD_DB_DUPTEXT: p->w_dup++; break;
          case RASD_DB_CHANGED: p->st->replaced++; /* fall through */
          default:
            p->st->coded++;
            p->st->events += j->nev;
            rasd__fts_add(p->fts, p->db->put_rowid, j->dba.hash, j->dba.title, j->dba.text, j->dba.len);
        }
        if (++in_batch >= p->o->batch) {
          rc = rasd_db_commit(p->db);
          in_batch = 0;
          if (rc == RASD_OK) rasd__fts_commit(p->fts);
        }
      }
      if (rc != RASD_OK) {
        if (p->o->diag)
          fprintf(p->o->diag, "rasd: error: database %s: %s (article %s)\n", p->db->path, rasd_db_errmsg(p->db),
                  j->dba.id);
        failed = 1;
      }
    }
    job_put(p, j);
    pthread_mutex_lock(&p->mu);
    if (failed) p->failed = 1;
    p->written++;
    pthread_cond_broadcast(&p->cv_space);
    pthread_mutex_unlock(&p->mu);
  }
  if (!p->failed && rasd_db_commit(p->db) != RASD_OK) {
    if (p->o->diag) fprintf(p->o->diag, "rasd: error: database %s: %s\n", p->db->path, rasd_db_errmsg(p->db));
    p->failed = 1;
  }
  if (!p->failed) rasd__fts_commit(p->fts);
  p->st->cpu_write = rasd__thread_cpu();
  return NULL;
}

/* ---- reader (the calling thread) --------------------------------------- */

static void progress(const rasd_ingest_opts *o, const rasd_ingest_stats *st, size_t bytes, size_t total, double t0) {
  double t = now() - t0;
  double rate = t > 0 ? st->read / t : 0;
  fprintf(o->progress, "\rrasd ingest: %ld articles, %.1f MB, %.0f articles/s", st->read, st->text_mb, rate);
  if (total && bytes > 0 && bytes < total && t > 0.5) {
    double eta = t * (double)(total - bytes) / (double)bytes;
    fprintf(o->progress, ", ETA %.0f s", eta);
  }
  fputs("\033[K", o->progress);
  fflush(o->progress);
}

static size_t input_size(const rasd_ingest_opts *o) {
  /* only for the ETA: the sum of the named regular files */
  size_t total = 0;
  for (int i = 0; i < o->npaths; i++) {
    FILE *f = strcmp(o->paths[i], "-") ? fopen(o->paths[i], "rb") : NULL;
    if (!f) return 0;
    if (fseek(f, 0, SEEK_END) == 0) {
      long n = ftell(f);
      if (n > 0) total += (size_t)n;
    }
    fclose(f);
  }
  return total;
}

rasd_rc rasd_db_ingest(rasd_db *db, const rasd_engine *e, const rasd_ingest_opts *o, rasd_ingest_stats *st) {
  memset(st, 0, sizeof *st);
  double t0 = now(), last = t0, cpu0 = rasd__thread_cpu();
  char err[512];
  rasd_db *rdb = NULL; /* the reader's own connection for the pre-check */
  if (rasd_db_open(db->path, 1, &rdb, err, sizeof err) != RASD_OK) {
    if (o->diag) fprintf(o->diag, "rasd: error: %s\n", err);
    return RASD_DB;
  }
  pool p;
  memset(&p, 0, sizeof p);
  p.e = e;
  p.db = db;
  p.o = o;
  p.st = st;
  int jobs = o->jobs > 0 ? o->jobs : 1;
  p.window = 64 + 32L * jobs;
  if (p.window > 1024) p.window = 1024; /* bounds memory: a job holds one article */
  p.ring = rasd_xcalloc((size_t)p.window, sizeof *p.ring);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv_work, NULL);
  pthread_cond_init(&p.cv_space, NULL);
  pthread_cond_init(&p.cv_done, NULL);
  p.fts = o->no_fts ? NULL : rasd__fts_start(db->path, o->diag);
  if (!p.fts && !o->no_fts) {
    rasd_db_close(rdb);
    free(p.ring);
    return RASD_DB;
  }
  pthread_t *th = rasd_xcalloc((size_t)jobs + 1, sizeof *th);
  pthread_create(&th[jobs], NULL, writer, &p);
  for (int i = 0; i < jobs; i++) pthread_create(&th[i], NULL, worker, &p);

  size_t total = o->progress ? input_size(o) : 0;
  rasd_reader *r = rasd_in_open(o->paths, o->npaths, o->max_article);
  rasd_rc out = RASD_OK;
  job *j = NULL;
  for (;;) {
    if (!j) j = job_get(&p);
    else rasd_arena_reset(&j->arena);
    rasd_diag diag;
    memset(&diag, 0, sizeof diag);
    rasd_rc rc = rasd_in_next(r, &j->arena, &j->art, &diag);
    if (rc == RASD_NOTFOUND) break;
    if (rc != RASD_OK) {
      if (o->progress) fputs("\r\033[K", o->progress); /* clear the progress line first */
      if (o->diag) rasd_diag_print(o->diag, "error", &diag);
      st->skip_bad++;
      if (rc == RASD_IO) st->io_error = 1;
      if (o->strict) break;
      continue;
    }
    st->read++;
    st->text_mb += j->art.text_len / 1e6;
    rasd_db_article *a = &j->dba;
    memset(a, 0, sizeof *a);
    a->id = j->art.id ? j->art.id : "";
    a->outlet = j->art.outlet;
    a->url = j->art.url;
    a->title = j->art.title;
    a->date = j->art.date;
    a->text = j->art.text;
    a->len = j->art.text_len;
    a->hash = rasd_db_hash(a->text, a->len);
    a->pub_day = RASD_NO_DAY;
    int state = RASD_DB_NEW;
    if (rasd_db_article_state(rdb, a->id, a->text, a->len, a->hash, &state) != RASD_OK) state = RASD_DB_NEW;
    if (state == RASD_DB_SAME || state == RASD_DB_DUPTEXT) {
      if (state == RASD_DB_SAME) st->skip_same++;
      else st->skip_dup++;
    } else {
      pthread_mutex_lock(&p.mu);
      while (p.next_seq - p.written >= p.window && !p.failed) pthread_cond_wait(&p.cv_space, &p.mu);
      int failed = p.failed;
      if (!failed) {
        j->seq = p.next_seq++;
        if (p.qtail) p.qtail->next = j;
        else p.qhead = j;
        p.qtail = j;
        pthread_cond_signal(&p.cv_work);
      }
      pthread_mutex_unlock(&p.mu);
      if (failed) break;
      j = NULL;
    }
    if (o->progress && (st->read & 63) == 0) {
      double t = now();
      if (t - last > 0.25) {
        progress(o, st, rasd_in_bytes(r), total, t0);
        last = t;
      }
    }
  }
  if (j) job_put(&p, j);
  st->cpu_read = rasd__thread_cpu() - cpu0;
  pthread_mutex_lock(&p.mu);
  p.reading_done = 1;
  pthread_cond_broadcast(&p.cv_work);
  pthread_cond_broadcast(&p.cv_done);
  pthread_mutex_unlock(&p.mu);
  for (int i = 0; i <= jobs; i++) pthread_join(th[i], NULL);
  if (p.fts && rasd__fts_finish(p.fts, &st->cpu_fts) != RASD_OK) p.failed = 1;
  /* fold the WAL back into the database file now that no reader is left */
  sqlite3_exec(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (o->progress) {
    fputs("\r\033[K", o->progress);
    fflush(o->progress);
  }
  if (p.failed) out = RASD_DB;
  st->skip_same += p.w_same;
  st->skip_dup += p.w_dup;
  rasd_db_counts(db, NULL, NULL, &st->incidents);
  st->seconds = now() - t0;

  rasd_in_close(r);
  rasd_db_close(rdb);
  while (p.free_jobs) {
    job *n = p.free_jobs->next;
    rasd_arena_free(&p.free_jobs->arena);
    free(p.free_jobs);
    p.free_jobs = n;
  }
  free(p.ring);
  free(th);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.cv_work);
  pthread_cond_destroy(&p.cv_space);
  pthread_cond_destroy(&p.cv_done);
  return out;
}
