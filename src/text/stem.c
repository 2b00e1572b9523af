/*
** text/stem.c -- Snowball Arabic stems, cached per thread.
**
** libstemmer runs at ~35 MB/s, so each distinct key is stemmed once per
** thread and remembered in a string map (cleared when it grows past
** STEM_CACHE_MAX entries, to bound memory on endless streams).
*/
#include <libstemmer.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "text.h"

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

size_t rasd_stem_key(const char *key, size_t n, char *out) {
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

void rasd_tok_stem_all(rasd_doc *d) {
  char buf[1024];
  for (uint32_t i = 0; i < d->ntoks; i++) {
    rasd_token *t = &d->toks[i];
    if (t->kind != RASD_TOK_WORD || !t->key_len) continue;
    size_t kl = t->key_len < 1000 ? t->key_len : 1000;
    size_t len = rasd_stem_key(d->keys + t->key, kl, buf);
    if (len == 0) { len = kl; memcpy(buf, d->keys + t->key, kl); }
    t->stem = rasd_doc_keys_append(d, buf, (uint32_t)len);
    t->stem_len = (uint16_t)len;
  }
}
