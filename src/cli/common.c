/*
** cli/common.c -- common options and the article loop shared by commands.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../input/reader.h"
#include "cli.h"

const char rasd_version[] = "rasd 0.1.0";

int rasd_cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "rasd %s: error: ", cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'rasd %s --help'.\n", cmd);
  return RASD_EXIT_USAGE;
}

int rasd_cli_common_opt(rasd_cli_opts *o, int argc, char **argv, int *i) {
  const char *a = argv[*i];
#define NEEDVAL()                                                   \
  do {                                                              \
    if (*i + 1 >= argc) {                                           \
      fprintf(stderr, "rasd: error: option %s needs a value\n", a); \
      return -1;                                                    \
    }                                                               \
  } while (0)
  if (!strcmp(a, "--data")) { NEEDVAL(); o->data_dir = argv[++*i]; return 1; }
  if (!strcmp(a, "--strict")) { o->strict = 1; return 1; }
  if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) { o->quiet = 1; return 1; }
  if (!strcmp(a, "--format")) { NEEDVAL(); o->format = argv[++*i]; return 1; }
  if (!strcmp(a, "--lexicon")) {
    NEEDVAL();
    o->lex = realloc(o->lex, (size_t)(o->nlex + 1) * sizeof *o->lex);
    o->lex[o->nlex++] = argv[++*i];
    return 1;
  }
  if (!strcmp(a, "--max-article")) {
    NEEDVAL();
    char *end;
    long long v = strtoll(argv[++*i], &end, 10);
    if (*end || v <= 0) {
      fprintf(stderr, "rasd: error: --max-article wants a positive number of bytes, not '%s'\n", argv[*i]);
      return -1;
    }
    o->max_article = (size_t)v;
    return 1;
  }
  return 0;
#undef NEEDVAL
}

int rasd_cli_finish_stdout(int code) {
  if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
    fprintf(stderr, "rasd: error: writing standard output failed\n");
    return RASD_EXIT_IO;
  }
  return code;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int rasd_cli_run(const rasd_engine *e, const rasd_cli_opts *o, rasd_cli_article_fn fn, void *ctx) {
  rasd_reader *r = rasd_in_open(o->paths, o->npaths, o->max_article);
  rasd_arena arena;
  rasd_arena_init(&arena);
  rasd_buf out = {0};
  long n_ok = 0, n_bad = 0;
  int code = RASD_EXIT_OK;
  int tty = !o->quiet && isatty(2);
  double t0 = now(), last = t0;
  for (;;) {
    rasd_article art;
    rasd_diag diag;
    memset(&diag, 0, sizeof diag);
    rasd_arena_reset(&arena);
    rasd_rc rc = rasd_in_next(r, &arena, &art, &diag);
    if (rc == RASD_NOTFOUND) break;
    if (rc != RASD_OK) {
      rasd_diag_print(stderr, "error", &diag);
      n_bad++;
      if (rc == RASD_IO) code = RASD_EXIT_IO; /* an I/O error outranks skipped records */
      else if (code == RASD_EXIT_OK) code = RASD_EXIT_SKIPPED;
      if (o->strict) break;
      continue;
    }
    rasd_doc doc;
    rasd_doc_init(&doc, &art, &arena);
    rasd_engine_run(e, &doc);
    out.n = 0;
    fn(ctx, &doc, &out);
    if (out.n && fwrite(out.p, 1, out.n, stdout) != out.n) {
      fprintf(stderr, "rasd: error: writing standard output failed\n");
      code = RASD_EXIT_IO;
      break;
    }
    n_ok++;
    if (tty && (n_ok & 255) == 0) {
      double t = now();
      if (t - last > 0.5) {
        double mb = rasd_in_bytes(r) / 1e6;
        fprintf(stderr, "\rrasd: %ld articles, %.1f MB read, %.0f articles/s ", n_ok, mb, n_ok / (t - t0));
        last = t;
      }
    }
  }
  if (tty) fprintf(stderr, "\r\033[K");
  if (!o->quiet && (n_bad || tty))
    fprintf(stderr, "rasd: %ld articles coded, %ld skipped, %.2f s\n", n_ok, n_bad, now() - t0);
  rasd_buf_free(&out);
  rasd_arena_free(&arena);
  rasd_in_close(r);
  return code;
}

int rasd_cli_parse_args(const char *cmd, const char *help, int argc, char **argv, rasd_cli_opts *o, unsigned allow) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(help, stdout);
      return rasd_cli_finish_stdout(RASD_EXIT_OK);
    }
    if ((allow & RASD_CLI_EXPLAIN) && !strcmp(a, "--explain")) { o->explain = 1; continue; }
    if ((allow & RASD_CLI_NO_PLACES) && !strcmp(a, "--no-places")) { o->no_places = 1; continue; }
    if (!strcmp(a, "--")) {
      for (i++; i < argc; i++) {
        o->paths = realloc(o->paths, (size_t)(o->npaths + 1) * sizeof *o->paths);
        o->paths[o->npaths++] = argv[i];
      }
      break;
    }
    int t = rasd_cli_common_opt(o, argc, argv, &i);
    if (t < 0) return rasd_cli_usage_error(cmd, "bad option value");
    if (t > 0) continue;
    if (a[0] == '-' && a[1]) return rasd_cli_usage_error(cmd, "unknown option '%s'", a);
    o->paths = realloc(o->paths, (size_t)(o->npaths + 1) * sizeof *o->paths);
    o->paths[o->npaths++] = a;
  }
  return -1;
}

int rasd_cli_open_engine(rasd_engine *e, const rasd_cli_opts *o, int upto) {
  rasd_diag diag;
  memset(&diag, 0, sizeof diag);
  rasd_rc rc = rasd_engine_open(e, o->data_dir, upto, o->lex, o->nlex, &diag);
  if (rc != RASD_OK) {
    rasd_diag_print(stderr, "error", &diag);
    return rc == RASD_IO ? RASD_EXIT_IO : RASD_EXIT_CONFIG;
  }
  return RASD_EXIT_OK;
}
