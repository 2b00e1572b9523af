/*
** fuzz/fuzz.h -- what the libFuzzer targets share: input caps and the
** invariant checks they assert on every result.
**
** Each fuzz_<stage>.c defines LLVMFuzzerTestOneInput for one entry point.
** Built with clang -fsanitize=fuzzer (make fuzz) they are libFuzzer
** binaries; linked with replay_main.c (fuzz/replay.sh) they replay the
** saved corpus as regression tests.  A broken invariant calls abort() so
** both builds report it as a crash with the input that caused it.
*/
#ifndef RASD_FUZZ_H
#define RASD_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text/uni.h"

#define FUZZ_MAX_INPUT (256u << 10) /* bytes; longer inputs are cut */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(c)                                                          \
  do {                                                                         \
    if (!(c)) {                                                                \
      fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* An exact-size heap copy (no NUL after it), so ASan sees any over-read. */
static inline char *fuzz_copy(const uint8_t *data, size_t size) {
  char *p = malloc(size ? size : 1);
  if (size) memcpy(p, data, size);
  return p;
}

#endif
