/*
** core/arena.h -- bump allocator for per-article data.
**
** Every token, span, number, date, place and event of one article lives in
** one arena, which is reset (not freed) once the article's records are
** written.  Blocks grow geometrically and are kept across resets, so a
** steady stream of articles allocates nothing after warm-up.
** Allocation failure aborts with a message (an arena only grows by what one
** article needs; callers cap article size before coding it).
*/
#ifndef RASD_ARENA_H
#define RASD_ARENA_H
#include <stddef.h>

typedef struct rasd_arena_block rasd_arena_block;
typedef struct rasd_arena {
  rasd_arena_block *head; /* current block; older blocks follow ->next */
  size_t total;           /* bytes reserved across all blocks */
} rasd_arena;

void rasd_arena_init(rasd_arena *a);
/* Zeroed memory of n bytes, aligned to 16.  Never returns NULL. */
void *rasd_arena_alloc(rasd_arena *a, size_t n);
/* Copy of s[0..n) with a NUL after it. */
char *rasd_arena_strndup(rasd_arena *a, const char *s, size_t n);
/* Grow an array allocated in the arena: returns a copy with room for
** new_cap elements of size elt (old contents copied). */
void *rasd_arena_grow(rasd_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elt);
/* rasd_arena_grow without zeroing the new part (the caller writes it). */
void *rasd_arena_grow_raw(rasd_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elt);
/* Forget every allocation but keep the largest block for reuse. */
void rasd_arena_reset(rasd_arena *a);
void rasd_arena_free(rasd_arena *a);

/* Malloc wrappers for long-lived objects: abort with a message on failure. */
void *rasd_xmalloc(size_t n);
void *rasd_xcalloc(size_t n, size_t m);
void *rasd_xcalloc_aligned(size_t align, size_t n); /* zeroed, align a power of two */
void *rasd_xrealloc(void *p, size_t n);
char *rasd_xstrndup(const char *s, size_t n);

#endif
