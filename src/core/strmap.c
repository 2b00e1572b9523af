/*
** core/strmap.c -- open-addressing string map (see strmap.h).
** Linear probing, power-of-two capacity, load factor <= 1/2.  Keys live in
** one growing byte pool so the map is a handful of allocations in total.
*/
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

typedef struct {
  uint64_t hash; /* 0 = empty slot */
  uint32_t off, len, val;
} slot;

struct rasd_strmap {
  uint64_t *bloom; /* cap * 8 bits, two per key: most lookups of absent keys stop here;
                      NULL past BLOOM_MAX slots (a big map, like the stem cache, mostly hits) */
  size_t cap;      /* these two first: struct rasd__strmap_head (strmap.h) */
  slot *slots;
  size_t count;
  char *pool;
  size_t pool_len, pool_cap;
};

/* Eight bytes at a time, each word multiplied in, then a final mix (the
** keys are short: most are one Arabic word of 6-16 bytes).  The mix matters:
** Arabic UTF-8 is all 0xD8/0xD9 lead bytes with continuation bytes, and the
** slot index is the hash's low bits.  Never 0 (0 marks an empty slot).
** Nothing stores these hashes outside the process. */
static inline uint64_t load_tail(const unsigned char *p, size_t n) { /* n in [1, 7] */
  uint64_t w = 0;
  if (n & 4) {
    uint32_t x;
    memcpy(&x, p, 4);
    w = x;
    p += 4;
  }
  if (n & 2) {
    uint16_t x;
    memcpy(&x, p, 2);
    w = (w << 16) | x;
    p += 2;
  }
  if (n & 1) w = (w << 8) | *p;
  return w;
}

static inline uint64_t hkey(const char *k, size_t n) {
  const unsigned char *p = (const unsigned char *)k;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  if (n) {
    h = (h ^ load_tail(p, n)) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
  }
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 29;
  return h ? h : 1;
}

uint64_t rasd_strmap_hash(const char *k, size_t n) { return hkey(k, n); }

#define BLOOM_MAX (1u << 16)
static uint64_t *bloom_new(size_t cap) { return cap <= BLOOM_MAX ? rasd_xcalloc(cap / 8, sizeof(uint64_t)) : NULL; }

rasd_strmap *rasd_strmap_new(size_t expected) {
  rasd_strmap *m = rasd_xcalloc(1, sizeof *m);
  size_t cap = 16;
  while (cap < expected * 2) cap *= 2;
  m->slots = rasd_xcalloc(cap, sizeof(slot));
  m->cap = cap;
  m->bloom = bloom_new(cap);
  m->pool_cap = expected * 16 + 64;
  m->pool = rasd_xmalloc(m->pool_cap);
  return m;
}

void rasd_strmap_free(rasd_strmap *m) {
  if (!m) return;
  free(m->slots);
  free(m->bloom);
  free(m->pool);
  free(m);
}

/* The filter's two bits for hash h (bits: cap * 8). */
static inline void bloom_set(uint64_t *b, size_t cap, uint64_t h) {
  size_t mask = cap * 8 - 1, b1 = (h >> 40) & mask, b2 = (h >> 17) & mask;
  b[b1 >> 6] |= 1ULL << (b1 & 63);
  b[b2 >> 6] |= 1ULL << (b2 & 63);
}
static inline int bloom_maybe(const uint64_t *b, size_t cap, uint64_t h) {
  size_t mask = cap * 8 - 1, b1 = (h >> 40) & mask, b2 = (h >> 17) & mask;
  return (b[b1 >> 6] >> (b1 & 63)) & (b[b2 >> 6] >> (b2 & 63)) & 1;
}

static slot *find(const rasd_strmap *m, const char *k, size_t n, uint64_t h) {
  size_t mask = m->cap - 1, i = h & mask;
  for (;;) {
    slot *s = &m->slots[i];
    if (!s->hash) return s;
    if (s->hash == h && s->len == n && rasd_key_eq(m->pool + s->off, k, n)) return s;
    i = (i + 1) & mask;
  }
}

static void grow(rasd_strmap *m) {
  slot *old = m->slots;
  size_t oldcap = m->cap;
  m->cap *= 2;
  m->slots = rasd_xcalloc(m->cap, sizeof(slot));
  free(m->bloom);
  m->bloom = bloom_new(m->cap);
  for (size_t i = 0; i < oldcap; i++) {
    if (!old[i].hash) continue;
    if (m->bloom) bloom_set(m->bloom, m->cap, old[i].hash);
    size_t j = old[i].hash & (m->cap - 1);
    while (m->slots[j].hash) j = (j + 1) & (m->cap - 1);
    m->slots[j] = old[i];
  }
  free(old);
}

int rasd_strmap_add(rasd_strmap *m, const char *k, size_t n, uint32_t val, uint32_t *old) {
  uint64_t h = hkey(k, n);
  slot *s = find(m, k, n, h);
  if (s->hash) {
    if (old) *old = s->val;
    return 0;
  }
  if (m->pool_len + n > m->pool_cap) {
    while (m->pool_len + n > m->pool_cap) m->pool_cap *= 2;
    m->pool = rasd_xrealloc(m->pool, m->pool_cap);
  }
  memcpy(m->pool + m->pool_len, k, n);
  s->hash = h;
  if (m->bloom) bloom_set(m->bloom, m->cap, h);
  s->off = (uint32_t)m->pool_len;
  s->len = (uint32_t)n;
  s->val = val;
  m->pool_len += n;
  if (++m->count * 2 > m->cap) grow(m);
  return 1;
}

void rasd_strmap_put(rasd_strmap *m, const char *k, size_t n, uint32_t val) {
  uint64_t h = hkey(k, n);
  slot *s = find(m, k, n, h);
  if (s->hash) {
    s->val = val;
    return;
  }
  rasd_strmap_add(m, k, n, val, NULL);
}

int rasd_strmap_get(const rasd_strmap *m, const char *k, size_t n, uint32_t *val) {
  uint64_t h = hkey(k, n);
  if (m->bloom && !bloom_maybe(m->bloom, m->cap, h)) return 0;
  slot *s = find(m, k, n, h);
  if (!s->hash) return 0;
  if (val) *val = s->val;
  return 1;
}

int rasd__strmap_get_h(const rasd_strmap *m, const char *k, size_t n, uint64_t h, uint32_t *val) {
  slot *s = find(m, k, n, h);
  if (!s->hash) return 0;
  if (val) *val = s->val;
  return 1;
}

size_t rasd_strmap_count(const rasd_strmap *m) { return m->count; }
size_t rasd_strmap_cap(const rasd_strmap *m) { return m->cap; }

int rasd_strmap_slot(const rasd_strmap *m, size_t i, const char **key, size_t *n, uint32_t *val) {
  if (i >= m->cap || !m->slots[i].hash) return 0;
  *key = m->pool + m->slots[i].off;
  *n = m->slots[i].len;
  *val = m->slots[i].val;
  return 1;
}
