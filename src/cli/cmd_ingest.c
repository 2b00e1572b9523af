/*
** cli/cmd_ingest.c -- `rasd ingest`: code articles on every core into the
** SQLite event store (store/ingest.c does the work; docs/STORE.md).
*/
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../input/reader.h"
#include "../store/store.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd ingest [--db FILE] [OPTIONS] [INPUT...]\n"
    "Code Arabic news articles into the SQLite event store: the articles, their\n"
    "events and the spans they came from; reports of one happening from several\n"
    "articles are linked into incidents (docs/STORE.md).  INPUT is JSON Lines\n"
    "(plain or .gz), HTML/text files, or directories of them; none or '-' reads stdin.\n\n"
    "Re-running is safe: an article already stored (same id, or same text) is not\n"
    "coded again; new text under a stored id replaces that article's events.\n"
    "Articles are committed in batches, so an interrupted ingest keeps what it\n"
    "committed and a re-run completes the rest.\n\n"
    "Options:\n"
    "  --db FILE           the database (default: $RASD_DB, else rasd.db)\n"
    "  -j, --jobs N        coding threads (default: the number of cores)\n"
    "  --batch N           articles per transaction (default 500)\n"
    "  --stats             add CPU time (by thread), peak memory, database size and store totals\n"
    "  --no-fts            skip full-text indexing (the next ingest without it catches up)\n"
    "  --relink            rebuild every incident from the stored events, then exit\n"
    "  --lexicon FILE      load an extra actor/trigger lexicon (TSV; repeatable)\n" RASD_HELP_COMMON
    "\nA progress line (articles, MB, rate, ETA) is shown when stderr is a terminal;\n"
    "a summary (read, coded, skipped with reasons, events) always, unless -q.\n"
    "Articles skipped because they are already stored do not make the exit status 1;\n"
    "unreadable records do.\n\n" RASD_HELP_EXIT;


const char *rasd__default_db(void);
const char *rasd__default_db(void) {
  const char *e = getenv("RASD_DB");
  return e && *e ? e : "rasd.db";
}

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

static int positive(const char *s, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*end || v <= 0 || v > 1000000) return 0;
  *out = (int)v;
  return 1;
}

int rasd_cmd_ingest(int argc, char **argv) {
  rasd_cli_opts o = {0};
  const char *dbpath = NULL;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  int jobs = ncpu > 0 ? (int)ncpu : 1, batch = 500, stats = 0, relink = 0, no_fts = 0;
  int code = RASD_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(help, stdout);
      free(o.paths);
      free(o.lex);
      return rasd_cli_finish_stdout(RASD_EXIT_OK);
    }
    int needs = !strcmp(a, "--db") || !strcmp(a, "-j") || !strcmp(a, "--jobs") || !strcmp(a, "--batch");
    if (needs && i + 1 >= argc) { code = rasd_cli_usage_error("ingest", "option %s needs a value", a); goto done; }
    if (!strcmp(a, "--db")) { dbpath = argv[++i]; continue; }
    if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
      if (!positive(argv[++i], &jobs)) { code = rasd_cli_usage_error("ingest", "--jobs wants a positive number"); goto done; }
      continue;
    }
    if (!strcmp(a, "--batch")) {
      if (!positive(argv[++i], &batch)) { code = rasd_cli_usage_error("ingest", "--batch wants a positive number"); goto done; }
      continue;
    }
    if (!strcmp(a, "--stats")) { stats = 1; continue; }
    if (!strcmp(a, "--no-fts")) { no_fts = 1; continue; }
    if (!strcmp(a, "--relink")) { relink = 1; continue; }
    if (!strcmp(a, "--")) {
      for (i++; i < argc; i++) {
        o.paths = realloc(o.paths, (size_t)(o.npaths + 1) * sizeof *o.paths);
        o.paths[o.npaths++] = argv[i];
      }
      break;
    }
    int t = rasd_cli_common_opt(&o, argc, argv, &i);
    if (t < 0) { code = rasd_cli_usage_error("ingest", "bad option value"); goto done; }
    if (t > 0) continue;
    if (a[0] == '-' && a[1]) { code = rasd_cli_usage_error("ingest", "unknown option '%s'", a); goto done; }
    o.paths = realloc(o.paths, (size_t)(o.npaths + 1) * sizeof *o.paths);
    o.paths[o.npaths++] = a;
  }
  if (o.format) { code = rasd_cli_usage_error("ingest", "--format is for 'rasd query'"); goto done; }
  if (jobs > 256) jobs = 256;
  if (!dbpath) dbpath = rasd__default_db();

  rasd_db *db = NULL;
  char err[512];
  if (rasd_db_open(dbpath, 0, &db, err, sizeof err) != RASD_OK) {
    fprintf(stderr, "rasd ingest: error: %s\n", err);
    code = RASD_EXIT_IO;
    goto done;
  }
  if (relink) {
    long ni = 0;
    if (rasd_db_relink_all(db) != RASD_OK) {
      fprintf(stderr, "rasd ingest: error: %s: %s\n", dbpath, rasd_db_errmsg(db));
      code = RASD_EXIT_IO;
    } else if (!o.quiet && rasd_db_counts(db, NULL, NULL, &ni) == RASD_OK)
      fprintf(stderr, "rasd ingest: %ld incidents rebuilt\n", ni);
    rasd_db_close(db);
    goto done;
  }
  rasd_engine e;
  if ((code = rasd_cli_open_engine(&e, &o, 2)) != RASD_EXIT_OK) {
    rasd_db_close(db);
    goto done;
  }
  rasd_ingest_opts io = {0};
  io.paths = o.paths;
  io.npaths = o.npaths;
  io.max_article = o.max_article ? o.max_article : RASD_MAX_ARTICLE_DEFAULT;
  io.jobs = jobs;
  io.batch = batch;
  io.strict = o.strict;
  io.no_fts = no_fts;
  io.diag = stderr;
  io.progress = !o.quiet && isatty(2) ? stderr : NULL;
  rasd_ingest_stats st;
  rasd_rc rc = rasd_db_ingest(db, &e, &io, &st);
  if (!o.quiet) {
    double t = st.seconds > 0 ? st.seconds : 1e-9;
    fprintf(stderr,
            "rasd ingest: %ld articles read, %ld coded (%ld replaced), %ld skipped (%ld already stored, "
            "%ld duplicate text, %ld unreadable); %ld events; %ld incidents in store; %.2f s, %.1f MB/s, "
            "%.0f articles/s\n",
            st.read, st.coded, st.replaced, st.skip_same + st.skip_dup + st.skip_bad, st.skip_same, st.skip_dup,
            st.skip_bad, st.events, st.incidents, st.seconds, st.text_mb / t, st.read / t);
  }
  if (stats) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long na = 0, ne = 0, ni = 0;
    rasd_db_counts(db, &na, &ne, &ni);
    char wal[1024];
    snprintf(wal, sizeof wal, "%s-wal", dbpath);
    fprintf(stderr,
            "rasd ingest: stats: jobs %d, cpu %.1f s (reading %.1f, coding %.1f, storing %.1f, full-text index %.1f), "
            "peak memory %.1f MB, database %.1f MB (+ %.1f MB WAL), store: %ld articles, %ld events, %ld incidents\n",
            jobs, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
            st.cpu_read, st.cpu_code, st.cpu_write, st.cpu_fts, ru.ru_maxrss / 1024.0, file_size(dbpath) / 1e6,
            file_size(wal) / 1e6, na, ne, ni);
  }
  rasd_db_close(db);
  rasd_engine_close(&e);
  if (rc != RASD_OK) code = RASD_EXIT_IO;
  else if (st.io_error) code = RASD_EXIT_IO;
  else if (st.skip_bad) code = RASD_EXIT_SKIPPED;
done:
  free(o.paths);
  free(o.lex);
  return rasd_cli_finish_stdout(code);
}
