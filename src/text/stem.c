/*
** text/stem.c -- Snowball Arabic stems, cached per thread.
**
** libstemmer runs at ~35 MB/s, so a token's stem is kept with its word in
** the word cache (words.h) when it has an entry there; beyond that, each
** distinct key is stemmed once per thread and remembered in a string map
** (cleared when it grows past STEM_CACHE_MAX entries, to bound memory on
** endless streams), with a direct-mapped cache in front of it.
*/
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "text.h"
#include "words.h"

#define STEM_CACHE_MAX 500000

typedef struct {
  struct sb_stemmer *sb;
  rasd_strmap *map; /* key -> offset into pool (len in high bits? no: pool holds len-prefixed) */
  char *pool;
  size_t pool_len, pool_cap;
} stem_cache;

static _Thread_local stem_cache tc;

static void cache_reset(void) {
  rasd_strmap_free(tc.map);
  tc.map = rasd_strmap_new(4096);
  tc.pool_len = 0;
}

/* A direct-mapped front cache of one cache line per entry, key and stem
** inline: news text is Zipfian, so most tokens hit here without touching
** the big map and its pools (three cache misses a token on a 100 MB run). */
#define FRONT_BITS 16
#define FRONT_KEY 29
typedef struct {
  uint32_t hash;
  uint8_t klen, slen; /* klen 0 = empty */
  char key[FRONT_KEY], stem[FRONT_KEY];
} front_ent;
static _Thread_local front_ent *front;

static uint32_t front_hash(const char *k, size_t n) {
  uint64_t h = rasd_hash_bytes(RASD_HASH_INIT, k, n);
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return (uint32_t)h;
}

static size_t stem_slow(const char *key, size_t n, char *out);

size_t rasd_stem_key(const char *key, size_t n, char *out) {
  if (n == 0 || n > FRONT_KEY) return stem_slow(key, n, out);
  if (!front) front = rasd_xcalloc((size_t)1 << FRONT_BITS, sizeof *front);
  uint32_t h = front_hash(key, n);
  front_ent *e = &front[h & ((1u << FRONT_BITS) - 1)];
  if (e->klen == n && e->hash == h && rasd_key_eq(e->key, key, n)) {
    memcpy(out, e->stem, e->slen);
    return e->slen;
  }
  size_t len = stem_slow(key, n, out);
  if (len <= FRONT_KEY) {
    e->hash = h;
    e->klen = (uint8_t)n;
    e->slen = (uint8_t)len;
    memcpy(e->key, key, n);
    memcpy(e->stem, out, len);
  }
  return len;
}

static size_t stem_slow(const char *key, size_t n, char *out) {
  if (!tc.sb) {
    tc.sb = sb_stemmer_new("arabic", "UTF_8");
    if (!tc.sb) { memcpy(out, key, n); return n; }
    tc.pool_cap = 1 << 16;
    tc.pool = rasd_xmalloc(tc.pool_cap);
    cache_reset();
  }
  uint32_t off;
  if (rasd_strmap_get(tc.map, key, n, &off)) {
    uint16_t len;
    memcpy(&len, tc.pool + off, 2);
    memcpy(out, tc.pool + off + 2, len);
    return len;
  }
  const sb_symbol *r = sb_stemmer_stem(tc.sb, (const sb_symbol *)key, (int)n);
  size_t len = r ? (size_t)sb_stemmer_length(tc.sb) : n;
  if (!r) r = (const sb_symbol *)key;
  if (len > n + 8) len = n + 8;
  if (len > 65535) len = 65535;
  memcpy(out, r, len);
  if (rasd_strmap_count(tc.map) >= STEM_CACHE_MAX) cache_reset();
  if (tc.pool_len + len + 2 > tc.pool_cap) {
    while (tc.pool_len + len + 2 > tc.pool_cap) tc.pool_cap *= 2;
    tc.pool = rasd_xrealloc(tc.pool, tc.pool_cap);
  }
  uint16_t l16 = (uint16_t)len;
  memcpy(tc.pool + tc.pool_len, &l16, 2);
  memcpy(tc.pool + tc.pool_len + 2, r, len);
  rasd_strmap_put(tc.map, key, n, (uint32_t)tc.pool_len);
  tc.pool_len += len + 2;
  return len;
}

/* Room for every stem of the doc at once: a stem is at most its key + 8
** bytes, so the buffer is sized on first use and never moves. */
static void store_stem(rasd_doc *d, rasd_token *t, const char *s, size_t len) {
  if (!d->stems) {
    d->stems_cap = d->keys_len + 8 * d->ntoks + 16;
    d->stems = rasd_arena_alloc(d->arena, d->stems_cap);
    d->stems_len = 0;
  }
  if (d->stems_len + len > d->stems_cap) len = d->stems_cap - d->stems_len; /* cannot happen */
  memcpy(d->stems + d->stems_len, s, len);
  t->stem = d->stems_len;
  t->stem_len = (uint16_t)len;
  d->stems_len += (uint32_t)len;
}

const char *rasd_tok_stem(const rasd_doc *cd, uint32_t i, uint32_t *n) {
  rasd_doc *d = (rasd_doc *)cd; /* the stem cache is the only thing written */
  rasd_token *t = &d->toks[i];
  if (t->kind != RASD_TOK_WORD || !t->key_len) {
    *n = t->key_len;
    return d->keys + t->key;
  }
  if (!t->stem_len) {
    const char *ws;
    size_t wl;
    if (rasd__word_stem(d, i, &ws, &wl)) {
      store_stem(d, t, ws, wl);
    } else {
      char buf[1100];
      size_t kl = t->key_len < 1000 ? t->key_len : 1000;
      size_t len = rasd_stem_key(d->keys + t->key, kl, buf);
      if (len == 0 || len > kl + 8) { len = kl; memcpy(buf, d->keys + t->key, kl); }
      store_stem(d, t, buf, len);
      rasd__word_stem_put(d, i, buf, len);
    }
  }
  *n = t->stem_len;
  return d->stems + t->stem;
}

static void stem_thread_free(void) {
  if (tc.sb) sb_stemmer_delete(tc.sb);
  rasd_strmap_free(tc.map);
  free(tc.pool);
  free(front);
  memset(&tc, 0, sizeof tc);
  front = NULL;
}

void rasd_text_thread_free(void) {
  stem_thread_free();
  rasd_words_thread_free();
}
