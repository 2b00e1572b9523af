/*
** text/words.c -- the per-thread cache of word types (see words.h).
**
** Four-way set-associative: the low bits of a token's hash pick its set,
** the high half is its tag, which turns other words away before their bytes
** are compared.  A slot's
** stamp changes when it is refilled, so tokens that point at the old word
** see a different stamp and fall back to computing.
*/
#include "words.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"

_Thread_local rasd__wtab *rasd__wt;
static atomic_uint_fast64_t next_gen = 1;

void rasd__words_begin(rasd_doc *d) {
  rasd__wtab *t = rasd__wt;
  if (!t) {
    t = rasd__wt = rasd_xcalloc_aligned(64, sizeof *t);
    t->gen = atomic_fetch_add(&next_gen, 1);
    t->next_stamp = 1;
  }
  d->wgen = t->gen;
  d->wmemo_owner = t->memo_owner[RASD_WMEMO_GEO]; /* the slot tokens copy */
}

uint32_t rasd__word_add(const char *s, uint32_t n, uint64_t h, const char *key, uint32_t kl, uint8_t kind) {
  rasd__wtab *t = rasd__wt;
  if (n > RASD_WORD_MAX || kl > RASD_WORD_MAX) return 0;
  uint32_t set = RASD__WSET(h), slot = set;
  for (uint32_t k = set; k < set + RASD__WWAYS; k++) {
    if (t->freq[k] < t->freq[slot]) slot = k;
    t->freq[k] -= t->freq[k] >> 2;
  }
  uint32_t stamp = t->next_stamp++;
  if (stamp >= 1u << (32 - RASD_WORD_BITS)) { /* stamps wrap: forget every word (and every doc's wids) */
    for (uint32_t k = 0; k < 1u << RASD_WORD_BITS; k++) t->w[k].tag = 0;
    memset(t->freq, 0, sizeof t->freq);
    t->gen = atomic_fetch_add(&next_gen, 1);
    t->next_stamp = 2;
    stamp = 1;
  }
  rasd_word *w = &t->w[slot];
  memset(w, 0, offsetof(rasd_word, raw));
  w->tag = RASD__WTAG(h);
  t->freq[slot] = 1;
  t->stem_len[slot] = 0;
  w->stamp = stamp;
  w->raw_len = (uint8_t)n;
  w->key_len = (uint8_t)kl;
  w->kind = kind;
  memcpy(w->raw, s, n);
  memcpy(w->key, key, kl);
  return (stamp << RASD_WORD_BITS) | slot;
}

int rasd__words_memo_claim(const rasd_doc *d, int slot, const void *owner) {
  rasd__wtab *t = rasd__wt;
  if (!t || t->gen != d->wgen) return 0;
  if (t->memo_owner[slot] != owner) {
    for (uint32_t k = 0; k < 1u << RASD_WORD_BITS; k++) t->w[k].memo[slot] = 0;
    t->memo_owner[slot] = owner;
  }
  return 1;
}

void rasd_words_thread_free(void) {
  free(rasd__wt);
  rasd__wt = NULL;
}
