/*
** core/buf.c -- growable byte buffer (see buf.h).
*/
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

void rasd_buf_free(rasd_buf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}

void rasd_buf_grow(rasd_buf *b, size_t extra) {
  size_t cap = b->cap ? b->cap : 256;
  while (b->n + extra + 1 > cap) cap *= 2;
  if (cap != b->cap) {
    b->p = rasd_xrealloc(b->p, cap);
    b->cap = cap;
  }
}

void rasd_buf_puts(rasd_buf *b, const char *s) { rasd_buf_add(b, s, strlen(s)); }
void rasd_buf_putc(rasd_buf *b, char c) { rasd_buf_add(b, &c, 1); }

void rasd_buf_u32(rasd_buf *b, uint32_t v) {
  char tmp[10];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  rasd_buf_grow(b, (size_t)n);
  while (n) b->p[b->n++] = tmp[--n];
  b->p[b->n] = 0;
}

void rasd_buf_printf(rasd_buf *b, const char *fmt, ...) {
  va_list ap;
  /* format straight into the free space; measure and retry only when short */
  if (b->cap > b->n + 1) {
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    if (n < 0) { b->p[b->n] = 0; return; }
    if ((size_t)n < b->cap - b->n) { b->n += (size_t)n; return; }
    b->p[b->n] = 0;
  }
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0) return;
  rasd_buf_grow(b, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)n;
}

void rasd_buf_json_str(rasd_buf *b, const char *s, size_t n) {
  if (!s) { rasd_buf_add(b, "null", 4); return; }
  rasd_buf_grow(b, n * 2 + 2);
  rasd_buf_putc(b, '"');
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    /* eight bytes at a time while none needs escaping (< 0x20, '"', '\\') */
    while (i + 8 <= n) {
      uint64_t w, q, bs;
      memcpy(&w, s + i, 8);
      q = w ^ 0x2222222222222222ULL;
      bs = w ^ 0x5C5C5C5C5C5C5C5CULL;
      uint64_t any = ((w - 0x2020202020202020ULL) & ~w) | ((q - 0x0101010101010101ULL) & ~q) |
                     ((bs - 0x0101010101010101ULL) & ~bs);
      if (any & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    rasd_buf_add(b, s + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': rasd_buf_add(b, "\\\"", 2); break;
      case '\\': rasd_buf_add(b, "\\\\", 2); break;
      case '\n': rasd_buf_add(b, "\\n", 2); break;
      case '\r': rasd_buf_add(b, "\\r", 2); break;
      case '\t': rasd_buf_add(b, "\\t", 2); break;
      default: rasd_buf_printf(b, "\\u%04x", c);
    }
  }
  rasd_buf_add(b, s + run, n - run);
  rasd_buf_putc(b, '"');
}

void rasd_buf_json_cstr(rasd_buf *b, const char *s) { rasd_buf_json_str(b, s, s ? strlen(s) : 0); }

void rasd_buf_csv_field(rasd_buf *b, const char *s) {
  if (!s) return;
  if (!strpbrk(s, ",\"\r\n")) { rasd_buf_puts(b, s); return; }
  rasd_buf_putc(b, '"');
  for (; *s; s++) {
    if (*s == '"') rasd_buf_putc(b, '"');
    rasd_buf_putc(b, *s);
  }
  rasd_buf_putc(b, '"');
}
