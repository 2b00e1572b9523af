/*
** core/arena.c -- bump allocator (see arena.h) and checked malloc wrappers.
*/
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rasd_arena_block {
  rasd_arena_block *next;
  size_t cap, used;
  _Alignas(16) unsigned char data[];
};

static void oom(size_t n) {
  fprintf(stderr, "rasd: out of memory (asked for %zu bytes)\n", n);
  abort();
}

void *rasd_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom(n);
  return p;
}
void *rasd_xcalloc_aligned(size_t align, size_t n) {
  n = (n + align - 1) / align * align; /* aligned_alloc wants a multiple */
  void *p = aligned_alloc(align, n);
  if (!p) oom(n);
  memset(p, 0, n);
  return p;
}
void *rasd_xcalloc(size_t n, size_t m) {
  void *p = calloc(n ? n : 1, m ? m : 1);
  if (!p) oom(n * m);
  return p;
}
void *rasd_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom(n);
  return q;
}
char *rasd_xstrndup(const char *s, size_t n) {
  char *p = rasd_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void rasd_arena_init(rasd_arena *a) { a->head = NULL; a->total = 0; }

/* n bytes, aligned to 16, not zeroed. */
static void *alloc_raw(rasd_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  rasd_arena_block *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = b ? b->cap * 2 : 64 * 1024;
    while (cap < n) cap *= 2;
    rasd_arena_block *nb = malloc(sizeof *nb + cap);
    if (!nb) oom(cap);
    nb->cap = cap;
    nb->used = 0;
    nb->next = b;
    a->head = b = nb;
    a->total += cap;
  }
  void *p = b->data + b->used;
  b->used += n;
  return p;
}

void *rasd_arena_alloc(rasd_arena *a, size_t n) {
  void *p = alloc_raw(a, n);
  memset(p, 0, n);
  return p;
}

char *rasd_arena_strndup(rasd_arena *a, const char *s, size_t n) {
  char *p = alloc_raw(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void *rasd_arena_grow(rasd_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elt) {
  unsigned char *p = alloc_raw(a, new_cap * elt);
  size_t kept = old && old_cap ? (old_cap < new_cap ? old_cap : new_cap) * elt : 0;
  if (kept) memcpy(p, old, kept);
  memset(p + kept, 0, new_cap * elt - kept); /* only the new part is zeroed */
  return p;
}

void *rasd_arena_grow_raw(rasd_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elt) {
  unsigned char *p = alloc_raw(a, new_cap * elt);
  size_t kept = old && old_cap ? (old_cap < new_cap ? old_cap : new_cap) * elt : 0;
  if (kept) memcpy(p, old, kept);
  return p;
}

void rasd_arena_reset(rasd_arena *a) {
  /* keep only the newest (largest) block */
  rasd_arena_block *b = a->head;
  if (!b) return;
  rasd_arena_block *rest = b->next;
  while (rest) {
    rasd_arena_block *n = rest->next;
    a->total -= rest->cap;
    free(rest);
    rest = n;
  }
  b->next = NULL;
  b->used = 0;
}

void rasd_arena_free(rasd_arena *a) {
  rasd_arena_block *b = a->head;
  while (b) {
    rasd_arena_block *n = b->next;
    free(b);
    b = n;
  }
  a->head = NULL;
  a->total = 0;
}
