/*
** bench/textlayer.c -- throughput of the input and text layers alone:
** reader + rasd_text_analyze + the annotate record, no places or events.
** Built and run by bench/run.sh (BENCH_CMDS=text); prints wall and CPU
** time and the throughput per CPU second (steady on a busy machine).
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../src/core/buf.h"
#include "../src/input/reader.h"
#include "../src/out/out.h"
#include "../src/text/text.h"

static double now(clockid_t c) {
  struct timespec ts;
  clock_gettime(c, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  const char *const *paths = (const char *const *)argv + 1;
  rasd_reader *r = rasd_in_open(paths, argc - 1, 0);
  rasd_arena a;
  rasd_arena_init(&a);
  rasd_buf out = {0};
  size_t n_text = 0, n_out = 0;
  long n_art = 0;
  double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
  for (;;) {
    rasd_article art;
    rasd_diag diag;
    memset(&diag, 0, sizeof diag);
    rasd_arena_reset(&a);
    rasd_rc rc = rasd_in_next(r, &a, &art, &diag);
    if (rc == RASD_NOTFOUND) break;
    if (rc != RASD_OK) continue;
    rasd_doc d;
    rasd_doc_init(&d, &art, &a);
    rasd_text_analyze(&d);
    out.n = 0;
    rasd_out_annotations(&out, &d);
    n_out += out.n;
    n_text += art.text_len;
    n_art++;
  }
  double t = now(CLOCK_MONOTONIC) - t0, c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
  size_t n_in = rasd_in_bytes(r);
  printf("text layer: %.2f s wall, %.2f s CPU, %ld articles, %.1f MB out\n", t, c, n_art, n_out / 1e6);
  printf("  per CPU second: %.1f MB/s of article text, %.1f MB/s of input, %.0f articles/s\n", n_text / 1e6 / c,
         n_in / 1e6 / c, n_art / c);
  rasd_buf_free(&out);
  rasd_arena_free(&a);
  rasd_in_close(r);
  return 0;
}
