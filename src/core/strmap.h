/*
** core/strmap.h -- open-addressing hash map from byte strings to uint32.
**
** Used by every lexicon (places, actors, triggers, count nouns) and by the
** stem cache.  Keys are copied into the map's own storage; values are small
** integers, usually an index into the caller's entry array.  Lookup never
** allocates.  Not thread-safe for concurrent writes; concurrent lookups on a
** map nobody writes are fine.
*/
#ifndef RASD_STRMAP_H
#define RASD_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct rasd_strmap rasd_strmap;

rasd_strmap *rasd_strmap_new(size_t expected);
void rasd_strmap_free(rasd_strmap *m);

/* Insert or overwrite key -> val.  Never fails (aborts on OOM). */
void rasd_strmap_put(rasd_strmap *m, const char *key, size_t n, uint32_t val);
/* If the key is absent insert val and return 1; else leave it, store the
** existing value in *old (if non-NULL) and return 0. */
int rasd_strmap_add(rasd_strmap *m, const char *key, size_t n, uint32_t val, uint32_t *old);
/* 1 and *val set when found, else 0. */
int rasd_strmap_get(const rasd_strmap *m, const char *key, size_t n, uint32_t *val);
/* The map's hash of a key (the same for every map): callers that look one
** key up in several maps hash it once and use rasd_strmap_get_h. */
uint64_t rasd_strmap_hash(const char *key, size_t n);
/* rasd_strmap_get with h == rasd_strmap_hash(key, n).  Inline: most keys
** asked for are absent, and the map's filter (two bits per key, cap * 8
** bits; lexicon-sized maps only) turns them away without a call. */
static inline int rasd_strmap_get_h(const rasd_strmap *m, const char *key, size_t n, uint64_t h, uint32_t *val);
/* The head every rasd_strmap starts with (strmap.c), for the inline test. */
struct rasd__strmap_head {
  const uint64_t *bloom;
  size_t cap;
};
int rasd__strmap_get_h(const rasd_strmap *m, const char *key, size_t n, uint64_t h, uint32_t *val);
static inline int rasd_strmap_get_h(const rasd_strmap *m, const char *key, size_t n, uint64_t h, uint32_t *val) {
  const struct rasd__strmap_head *hd = (const struct rasd__strmap_head *)(const void *)m;
  size_t mask = hd->cap * 8 - 1, b1 = (h >> 40) & mask, b2 = (h >> 17) & mask;
  if (hd->bloom && !((hd->bloom[b1 >> 6] >> (b1 & 63)) & (hd->bloom[b2 >> 6] >> (b2 & 63)) & 1)) return 0;
  return rasd__strmap_get_h(m, key, n, h, val);
}
size_t rasd_strmap_count(const rasd_strmap *m);
/* Stored copy of the key with this value's slot, for iteration: i in [0, cap). */
size_t rasd_strmap_cap(const rasd_strmap *m);
int rasd_strmap_slot(const rasd_strmap *m, size_t i, const char **key, size_t *n, uint32_t *val);

/* 1 when a[0..n) == b[0..n): for the short keys of the text layer, without
** a call into libc. */
static inline int rasd_key_eq(const void *a, const void *b, size_t n) {
  const unsigned char *p = a, *q = b;
  while (n >= 8) {
    uint64_t x, y;
    __builtin_memcpy(&x, p, 8);
    __builtin_memcpy(&y, q, 8);
    if (x != y) return 0;
    p += 8, q += 8, n -= 8;
  }
  while (n--)
    if (*p++ != *q++) return 0;
  return 1;
}

/* FNV-1a 64-bit; exposed for callers that hash incrementally. */
static inline uint64_t rasd_hash_bytes(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3ULL;
  return h;
}
#define RASD_HASH_INIT 0xcbf29ce484222325ULL

#endif
