/*
** tests/unit/test.h -- a tiny unit-test harness.
**
** TEST(name) { ... } registers a test at load time (no central list to
** edit); CHECK(cond) and CHECK_STR/CHECK_INT record failures with file:line
** and let the test go on.  tests/unit/main.c runs them all, or those whose
** name contains argv[1], and ends with "N passed, N failed".
**
** Helpers for Arabic fixtures: t_doc() analyses a text with a publication
** date through the real engine (text layer; places and events when the
** data is there).
*/
#ifndef RASD_TEST_H
#define RASD_TEST_H
#include <stdio.h>
#include <string.h>

#include "../../src/run/engine.h"

typedef void (*rasd_test_fn)(void);
void rasd_test_register(const char *name, rasd_test_fn fn);
extern int rasd_test_failed; /* failures in the current test */

#define TEST(name)                                                                   \
  static void test_##name(void);                                                     \
  __attribute__((constructor)) static void reg_##name(void) { rasd_test_register(#name, test_##name); } \
  static void test_##name(void)

#define CHECK(c)                                                                     \
  do {                                                                               \
    if (!(c)) {                                                                      \
      fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c);        \
      rasd_test_failed++;                                                            \
    }                                                                                \
  } while (0)

#define CHECK_INT(a, b)                                                              \
  do {                                                                               \
    long long _a = (long long)(a), _b = (long long)(b);                              \
    if (_a != _b) {                                                                  \
      fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); \
      rasd_test_failed++;                                                            \
    }                                                                                \
  } while (0)

#define CHECK_STR(a, b)                                                              \
  do {                                                                               \
    const char *_a = (a), *_b = (b);                                                 \
    if (!_a || !_b || strcmp(_a, _b)) {                                              \
      fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
              _a ? _a : "(null)", _b ? _b : "(null)");                               \
      rasd_test_failed++;                                                            \
    }                                                                                \
  } while (0)

/* Analyse text (published on `date`, "YYYY-MM-DD" or NULL) with the shared
** test engine up to stage upto (0 text, 1 places, 2 events).  The document
** lives until the next t_doc call. */
rasd_doc *t_doc(const char *text, const char *date, int upto);
/* The text of span [s, e) of the last t_doc, as a NUL-terminated copy
** valid until the next call. */
const char *t_span(uint32_t s, uint32_t e);
/* 1 when ../shared (the team's data) is present; else prints a skip note. */
int t_have_shared(const char *what);
#define SHARED_DIR "../shared"

#endif
