/*
** fuzz/fuzz_pipeline.c -- libFuzzer target for the reader-level pipeline:
** one JSON Lines record through rasd_in_parse_json, the engine (text layer;
** RASD_FUZZ_UPTO=1 or 2 adds places and events when their data loads) and
** the `annotate` output.  The output must be one line of valid UTF-8.
*/
#include "../src/core/buf.h"
#include "../src/input/reader.h"
#include "../src/out/out.h"
#include "../src/run/engine.h"
#include "fuzz.h"

static rasd_engine engine;
static int engine_ready;

static void engine_init(void) {
  const char *u = getenv("RASD_FUZZ_UPTO");
  int upto = u ? atoi(u) : 0;
  rasd_diag diag;
  memset(&diag, 0, sizeof diag);
  if (upto > 0 && rasd_engine_open(&engine, NULL, upto, NULL, 0, &diag) == RASD_OK) { engine_ready = 1; return; }
  if (rasd_engine_open(&engine, NULL, 0, NULL, 0, &diag) != RASD_OK) {
    rasd_diag_print(stderr, "error", &diag);
    abort();
  }
  engine_ready = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine_ready) engine_init();
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  char *line = fuzz_copy(data, size);
  rasd_arena a;
  rasd_arena_init(&a);
  rasd_article art;
  rasd_diag diag;
  memset(&diag, 0, sizeof diag);
  if (rasd_in_parse_json(line, size, "fuzz", 1, 64u << 10, &a, &art, &diag) == RASD_OK) {
    rasd_doc d;
    rasd_doc_init(&d, &art, &a);
    rasd_engine_run(&engine, &d);
    rasd_buf out = {0};
    rasd_out_annotations(&out, &d);
    FUZZ_CHECK(out.n > 0 && out.p[out.n - 1] == '\n');
    FUZZ_CHECK(memchr(out.p, '\n', out.n) == out.p + out.n - 1);
    FUZZ_CHECK(rasd_uni_invalid_at(out.p, out.n) == 0);
    rasd_buf_free(&out);
  }
  rasd_arena_free(&a);
  free(line);
  return 0;
}
