/*
** core/buf.h -- growable byte buffer, with JSON and CSV escaping.
**
** Output stages build each record in a rasd_buf and write it in one call.
** Appending may move b->p: never keep pointers into it across appends.
*/
#ifndef RASD_BUF_H
#define RASD_BUF_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct rasd_buf {
  char *p;
  size_t n, cap;
} rasd_buf;

void rasd_buf_free(rasd_buf *b);
void rasd_buf_grow(rasd_buf *b, size_t extra);
static inline void rasd_buf_add(rasd_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) rasd_buf_grow(b, n + 1);
  if (n) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
void rasd_buf_puts(rasd_buf *b, const char *s);
void rasd_buf_putc(rasd_buf *b, char c);
/* Decimal digits of v (no printf: spans are written for every sentence). */
void rasd_buf_u32(rasd_buf *b, uint32_t v);
void rasd_buf_printf(rasd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "..." with JSON escapes; s may be NULL (writes null). */
void rasd_buf_json_str(rasd_buf *b, const char *s, size_t n);
void rasd_buf_json_cstr(rasd_buf *b, const char *s);
/* A CSV field, quoted when it holds , " CR or LF. */
void rasd_buf_csv_field(rasd_buf *b, const char *s);

#endif
