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
  slot *slots;
  size_t cap, count;
  char *pool;
  size_t pool_len, pool_cap;
};

/* FNV-1a, then a final mix: FNV's low bits (the slot index) depend only on
** the low bits of each byte, and Arabic UTF-8 is all 0xD8/0xD9 lead bytes
** with continuation bytes, so without the mix keys pile into long probe
** chains (the stem cache spent a fifth of the text layer's time here). */
static uint64_t hkey(const char *k, size_t n) {
  uint64_t h = rasd_hash_bytes(RASD_HASH_INIT, k, n);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h ? h : 1;
}

rasd_strmap *rasd_strmap_new(size_t expected) {
  rasd_strmap *m = rasd_xcalloc(1, sizeof *m);
  size_t cap = 16;
  while (cap < expected * 2) cap *= 2;
  m->slots = rasd_xcalloc(cap, sizeof(slot));
  m->cap = cap;
  m->pool_cap = expected * 16 + 64;
  m->pool = rasd_xmalloc(m->pool_cap);
  return m;
}

void rasd_strmap_free(rasd_strmap *m) {
  if (!m) return;
  free(m->slots);
  free(m->pool);
  free(m);
}

static slot *find(const rasd_strmap *m, const char *k, size_t n, uint64_t h) {
  size_t mask = m->cap - 1, i = h & mask;
  for (;;) {
    slot *s = &m->slots[i];
    if (!s->hash) return s;
    if (s->hash == h && s->len == n && memcmp(m->pool + s->off, k, n) == 0) return s;
    i = (i + 1) & mask;
  }
}

static void grow(rasd_strmap *m) {
  slot *old = m->slots;
  size_t oldcap = m->cap;
  m->cap *= 2;
  m->slots = rasd_xcalloc(m->cap, sizeof(slot));
  for (size_t i = 0; i < oldcap; i++) {
    if (!old[i].hash) continue;
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
  slot *s = find(m, k, n, hkey(k, n));
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
