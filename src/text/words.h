/*
** text/words.h -- the per-thread cache of word types.
**
** News text is Zipfian: a few thousand spellings make most of the tokens.
** What the pipeline works out about a token from its bytes alone -- its
** folded key, its number/date lexicon hits, its stem, the memos later
** stages keep (geo: "could this word start a place name? is it a cue
** word?"; the coder: its stem-trigger search; the phrase lexicons: "does
** it start none of my phrases?") -- is kept per spelling in a four-way
** cache of 32K words, about 3 MB a thread: small enough to stay in the
** CPU's caches (a table of every word seen costs a memory access a token,
** more than working the key out again).  The tokenizer looks every token up (one
** hash of its bytes) and records the slot and the slot's stamp in the token
** (rasd_token.wid); later stages reach the entry through rasd_tok_word,
** which returns NULL once the slot has been refilled with another word, or
** when the document is read on another thread.  Callers then work the
** answer out as they would without a cache.  Nothing in a document points
** into the cache.
*/
#ifndef RASD_WORDS_H
#define RASD_WORDS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../core/strmap.h"
#include "doc.h"

/* Memo slots: the geo stage's (tokens carry a copy: rasd_token.memo), the
** event coder's and the phrase lexicons' (code/phrase.c). */
enum { RASD_WMEMO_GEO = 0, RASD_WMEMO_CODE = 1, RASD_WMEMO_PHRASE = 2, RASD_WMEMO_N = 3 };
#define RASD_WORD_MAX 20      /* longest token (and key) kept, in bytes: 99.7% of news tokens */
#define RASD_WORD_BITS 15

/* One cache line a word: what a token takes from it when found. */
typedef struct rasd_word {
  uint32_t tag;         /* RASD__WTAG of its word, 0 = empty */
  uint32_t stamp;       /* changes whenever the slot is refilled (0: never filled) */
  uint8_t raw_len, key_len;
  uint8_t kind;         /* RASD_TOK_* */
  uint8_t tl_n;         /* 1 + number/date lexicon hits (rasd__word_tl); 0 until computed (num_lex.c) */
  uint32_t memo[RASD_WMEMO_N]; /* a stage's own answer about the word; 0 = not yet */
  char raw[RASD_WORD_MAX], key[RASD_WORD_MAX];
} rasd_word;
_Static_assert(sizeof(rasd_word) == 64, "a word is one cache line");

typedef struct rasd__wtab {
  _Alignas(64) rasd_word w[1u << RASD_WORD_BITS];
  uint8_t freq[1u << RASD_WORD_BITS];   /* per slot: how often found since filled (decaying) */
  uint32_t tl_h[1u << RASD_WORD_BITS][4]; /* per slot: the lexicon hits, packed by num_lex.c */
  uint8_t stem_len[1u << RASD_WORD_BITS]; /* per slot: its Snowball stem's length, 0 = not known (stem.c) */
  char stem[1u << RASD_WORD_BITS][RASD_WORD_MAX];
  uint64_t gen;         /* unique over the process (a document stamps it) */
  uint32_t next_stamp;
  const void *memo_owner[RASD_WMEMO_N]; /* what each memo slot's answers depend on */
} rasd__wtab;
extern _Thread_local rasd__wtab *rasd__wt;

/* The entry of token i, or NULL (see above). */
static inline rasd_word *rasd_tok_word(const rasd_doc *d, uint32_t i) {
  rasd__wtab *t = rasd__wt;
  uint32_t id = d->toks[i].wid;
  if (!id || !t || t->gen != d->wgen) return NULL;
  rasd_word *w = &t->w[id & ((1u << RASD_WORD_BITS) - 1)];
  return w->stamp == id >> RASD_WORD_BITS ? w : NULL;
}

/* The number/date lexicon hits of a word (4 packed; num_lex.c). */
static inline uint32_t *rasd__word_tl(rasd_word *w) { return rasd__wt->tl_h[w - rasd__wt->w]; }

/* Token i's stem from the word cache: 1 and *s, *n set when known. */
static inline int rasd__word_stem(const rasd_doc *d, uint32_t i, const char **s, size_t *n) {
  rasd_word *w = rasd_tok_word(d, i);
  if (!w) return 0;
  size_t k = (size_t)(w - rasd__wt->w);
  if (!rasd__wt->stem_len[k]) return 0;
  *s = rasd__wt->stem[k];
  *n = rasd__wt->stem_len[k];
  return 1;
}
/* Keep token i's stem s[0..n) with its word (when it has an entry and fits). */
static inline void rasd__word_stem_put(const rasd_doc *d, uint32_t i, const char *s, size_t n) {
  rasd_word *w = rasd_tok_word(d, i);
  if (!w || !n || n > RASD_WORD_MAX) return;
  size_t k = (size_t)(w - rasd__wt->w);
  memcpy(rasd__wt->stem[k], s, n);
  rasd__wt->stem_len[k] = (uint8_t)n;
}

/* Claim memo slot `slot` for answers that depend on `owner` (a gazetteer,
** a lexicon) before reading d's memos: when the slot last served another
** owner, every word's memo in it is cleared.  Returns 0 when d's tokens have
** no entries in this thread's cache (then rasd_tok_memo returns NULL). */
int rasd__words_memo_claim(const rasd_doc *d, int slot, const void *owner);
static inline int rasd_words_memo_own(const rasd_doc *d, int slot, const void *owner) {
  const rasd__wtab *t = rasd__wt;
  if (t && t->gen == d->wgen && t->memo_owner[slot] == owner) return 1; /* the usual case */
  return rasd__words_memo_claim(d, slot, owner);
}
/* Token i's memo in slot `slot` (0 = not known yet), or NULL when token i
** has no entry. */
static inline uint32_t *rasd_tok_memo(const rasd_doc *d, uint32_t i, int slot) {
  rasd_word *w = rasd_tok_word(d, i);
  return w ? &w->memo[slot] : NULL;
}

/* -- for the tokenizer ------------------------------------------------------ */
/* Start tokenizing d: set up this thread's cache and stamp d with it (and
** with the owner of the memos its tokens will copy). */
void rasd__words_begin(rasd_doc *d);
/* The cache's hash of a token's bytes: its first and last eight (tokens
** longer than 16 bytes share a set when those agree; the bytes decide). */
static inline uint64_t rasd__word_hash(const char *s, uint32_t n) {
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + n - 4, 4);
    a = x, b = y;
  } else if (n) {
    a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 | (uint64_t)(unsigned char)s[n - 1] << 16;
  }
  uint64_t h = (a ^ (n * 0x9E3779B97F4A7C15ULL)) * 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 31;
  h = (h ^ b) * 0x94d049bb133111ebULL;
  return h ^ (h >> 29);
}
/* Four ways a set: a word lives in one of the four slots of its set, four
** consecutive cache lines, each starting with its word's tag (the high half
** of the hash, never 0), which turns other words away before their bytes
** are compared. */
#define RASD__WWAYS 4
#define RASD__WSET(h) ((uint32_t)((h) & ((1u << RASD_WORD_BITS) / RASD__WWAYS - 1)) * RASD__WWAYS)
#define RASD__WTAG(h) ((uint32_t)((h) >> 32) | 1u)
/* 1 when a[0..n) == b[0..n), n <= RASD_WORD_MAX, reading whole words
** within both (overlapping at the end). */
static inline int rasd__raw_eq(const char *a, const char *b, uint32_t n) {
  uint64_t x, y;
  if (n >= 8) {
    for (uint32_t k = 0; k + 8 < n; k += 8) {
      memcpy(&x, a + k, 8);
      memcpy(&y, b + k, 8);
      if (x != y) return 0;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t p, q, r, v;
    memcpy(&p, a, 4);
    memcpy(&q, b, 4);
    memcpy(&r, a + n - 4, 4);
    memcpy(&v, b + n - 4, 4);
    return p == q && r == v;
  }
  return rasd_key_eq(a, b, n);
}
/* Fetch the set of the token with hash h ahead of its look-up: its four
** entries, one cache line each. */
static inline void rasd__word_prefetch(uint64_t h) {
  uint32_t set = RASD__WSET(h);
  for (uint32_t k = 0; k < RASD__WWAYS; k++) __builtin_prefetch(&rasd__wt->w[set + k]);
}
/* The token s[0..n) with hash h: its entry when cached (key, kind...), else NULL. */
static inline const rasd_word *rasd__word_find(const char *s, uint32_t n, uint64_t h, uint32_t *wid) {
  rasd__wtab *t = rasd__wt;
  uint32_t set = RASD__WSET(h), tag = RASD__WTAG(h);
  for (uint32_t k = set; k < set + RASD__WWAYS; k++)
    if (t->w[k].tag == tag && t->w[k].raw_len == n && rasd__raw_eq(t->w[k].raw, s, n)) {
      if (t->freq[k] < 255) t->freq[k]++;
      *wid = (t->w[k].stamp << RASD_WORD_BITS) | k;
      return &t->w[k];
    }
  return NULL;
}
/* Put the token s[0..n) with hash h, key[0..kl) and kind in its set, in
** place of the word found least often lately (the set's counts lose a
** quarter at each refill, so old favourites make way); returns its wid, 0
** when too long to keep. */
uint32_t rasd__word_add(const char *s, uint32_t n, uint64_t h, const char *key, uint32_t kl, uint8_t kind);

/* Free this thread's cache (a worker thread calls it before it ends). */
void rasd_words_thread_free(void);

#endif
