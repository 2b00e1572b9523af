/*
** tests/unit/main.c -- runs the registered unit tests (see test.h).
*/
#include <stdlib.h>
#include <unistd.h>

#include "../../src/text/text.h"
#include "test.h"

typedef struct {
  const char *name;
  rasd_test_fn fn;
} entry;
static entry tests[1024];
static int ntests;
int rasd_test_failed;

void rasd_test_register(const char *name, rasd_test_fn fn) {
  if (ntests < 1024) tests[ntests++] = (entry){name, fn};
}

static rasd_engine engines[3];
static int engine_ok[3];
static rasd_arena arena;
static rasd_article art;
static rasd_doc doc;
static char *span_copy;

rasd_doc *t_doc(const char *text, const char *date, int upto) {
  if (upto > 2) upto = 2;
  if (!engine_ok[upto]) {
    rasd_diag d;
    memset(&d, 0, sizeof d);
    if (rasd_engine_open(&engines[upto], NULL, upto, NULL, 0, &d) != RASD_OK) {
      rasd_diag_print(stderr, "error", &d);
      exit(3);
    }
    engine_ok[upto] = 1;
  }
  rasd_arena_reset(&arena);
  memset(&art, 0, sizeof art);
  art.id = "test";
  art.text = text;
  art.text_len = strlen(text);
  art.date = date;
  rasd_doc_init(&doc, &art, &arena);
  rasd_engine_run(&engines[upto], &doc);
  return &doc;
}

const char *t_span(uint32_t s, uint32_t e) {
  free(span_copy);
  if (e < s || e > doc.len) e = s;
  span_copy = rasd_xstrndup(doc.text + s, e - s);
  return span_copy;
}

int t_have_shared(const char *what) {
  if (access(SHARED_DIR, R_OK) == 0) return 1;
  fprintf(stderr, "  skip: %s needs %s, which is not here\n", what, SHARED_DIR);
  return 0;
}

int main(int argc, char **argv) {
  int passed = 0, failed = 0;
  rasd_arena_init(&arena);
  for (int i = 0; i < ntests; i++) {
    if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
    rasd_test_failed = 0;
    tests[i].fn();
    if (rasd_test_failed) {
      failed++;
      fprintf(stderr, "FAIL %s\n", tests[i].name);
    } else
      passed++;
  }
  for (int i = 0; i < 3; i++)
    if (engine_ok[i]) rasd_engine_close(&engines[i]);
  rasd_arena_free(&arena);
  free(span_copy);
  printf("unit: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
