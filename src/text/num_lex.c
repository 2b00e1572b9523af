/*
** text/num_lex.c -- the word lists of the number and date finders (see num_lex.h).
**
** Built once from the generated tables; all memory is long-lived (one
** process-wide table, never freed).  The suffix filter: clitic readings only
** strip letters from the front, so a word w can match token key k only if k
** ends with w.  Bit sets over the last 3 letters (words >= 6 bytes), the last
** 2 letters (4-5 byte words) and whole short keys (< 4 bytes) answer "maybe"
** for almost every token that is not a lexicon word in O(1).
*/
#include "num_lex.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "gen_month.h"
#include "gen_numqual.h"
#include "gen_numunit.h"
#include "gen_numword.h"
#include "gen_reldate.h"
#include "uni.h"
#include "words.h"

#define NBITS 65536
static uint64_t bits[NBITS / 64]; /* one 8 KB set, salted by suffix length */
static rasd_strmap *words_map;
static rasd__tword *words;
static uint32_t nwords, capwords;
static rasd__tphrase *phrases;
static uint32_t nphrases, capphrases;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* A multiplicative hash of the first n & 15 bytes (at most 8) of s, salted
** by n: cheap enough to run on every token. */
static unsigned hbits(const char *s, size_t n) {
  uint64_t x = 0;
  size_t len = n & 15;
  memcpy(&x, s, len > 8 ? 8 : len);
  x ^= (uint64_t)n << 56;
  return (unsigned)((x * 0x9E3779B97F4A7C15ull) >> 48);
}
static void setbit(uint64_t *b, unsigned h) { b[h >> 6] |= 1ull << (h & 63); }
static int getbit(const uint64_t *b, unsigned h) { return (int)((b[h >> 6] >> (h & 63)) & 1); }

/* Folded, interned copy of s[0..n) (long-lived). */
static const char *fold(const char *s, size_t n, uint32_t *out_n) {
  char *buf = rasd_xmalloc(3 * n + 8);
  size_t k = rasd_uni_key(s, n, buf);
  buf[k] = 0;
  *out_n = (uint32_t)k;
  return buf;
}

static rasd__tword *intern(const char *key, uint32_t n) {
  uint32_t v;
  if (rasd_strmap_get(words_map, key, n, &v)) return &words[v];
  if (nwords == capwords) {
    capwords = capwords ? capwords * 2 : 512;
    words = rasd_xrealloc(words, capwords * sizeof *words);
  }
  rasd__tword *w = &words[nwords];
  memset(w, 0, sizeof *w);
  w->phr = -1;
  rasd_strmap_put(words_map, key, n, nwords++);
  if (n >= 6) setbit(bits, hbits(key + n - 6, 6));
  else if (n >= 4) setbit(bits, hbits(key + n - 4, 4 + 16));
  else setbit(bits, hbits(key, n + 32));
  return w;
}
/* words[] may move while interning: callers re-fetch by key. */
static rasd__tword *intern_surface(const char *s) {
  uint32_t n;
  const char *k = fold(s, strlen(s), &n);
  rasd__tword *w = intern(k, n);
  free((void *)k);
  return w;
}

static void add_phrase(const char *s, int tab, int a, int b, int c) {
  if (nphrases == capphrases) {
    capphrases = capphrases ? capphrases * 2 : 256;
    phrases = rasd_xrealloc(phrases, capphrases * sizeof *phrases);
  }
  rasd__tphrase *p = &phrases[nphrases];
  memset(p, 0, sizeof *p);
  p->tab = (uint8_t)tab;
  p->a = (int16_t)a;
  p->b = (int16_t)b;
  p->c = (int16_t)c;
  const char *q = s;
  while (*q && p->nw < RASD__PHRASE_MAX) {
    const char *e = strchr(q, ' ');
    size_t len = e ? (size_t)(e - q) : strlen(q);
    p->w[p->nw] = fold(q, len, &p->wn[p->nw]);
    p->nw++;
    q += len;
    while (*q == ' ') q++;
  }
  rasd__tword *w = intern(p->w[0], p->wn[0]);
  w->ptabs |= (uint8_t)(1u << tab);
  if (tab == RASD__PT_REL) w->pkinds |= RASD__K(a);
  /* append at the chain's end so the data file's order is kept */
  p->next = -1;
  if (w->phr < 0) w->phr = (int32_t)nphrases;
  else {
    int32_t k = w->phr;
    while (phrases[k].next >= 0) k = phrases[k].next;
    phrases[k].next = (int32_t)nphrases;
  }
  nphrases++;
}

static void build(void) {
  words_map = rasd_strmap_new(1024);
  for (size_t i = 0; i < sizeof rasd__numword_rows / sizeof *rasd__numword_rows; i++) {
    rasd__tword *w = intern_surface(rasd__numword_rows[i].word);
    w->ncls = (uint8_t)rasd__numword_rows[i].cls;
    w->nval = rasd__numword_rows[i].value;
  }
  for (size_t i = 0; i < sizeof rasd__numunit_rows / sizeof *rasd__numunit_rows; i++) {
    const char *s = rasd__numunit_rows[i].word;
    rasd__tword *w = intern_surface(s);
    w->unit = rasd__numunit_rows[i].unit;
    w->uform = (uint8_t)rasd__numunit_rows[i].form;
    if (w->uform == RASD__NU_SG) {
      /* the accusative with tanween: عنصراً -> عنصرا (not after ة or ا) */
      uint32_t n;
      const char *k = fold(s, strlen(s), &n);
      if (n >= 2 && !(k[n - 2] == '\xd9' && k[n - 1] == '\x87') && !(k[n - 2] == '\xd8' && k[n - 1] == '\xa7')) {
        char *acc = rasd_xmalloc(n + 3);
        memcpy(acc, k, n);
        memcpy(acc + n, "\xd8\xa7", 2);
        rasd__tword *w2 = intern(acc, n + 2);
        if (!w2->uform) {
          w2->unit = rasd__numunit_rows[i].unit;
          w2->uform = RASD__NU_SG;
        }
        free(acc);
      }
      free((void *)k);
    }
  }
  for (size_t i = 0; i < sizeof rasd__numqual_rows / sizeof *rasd__numqual_rows; i++)
    add_phrase(rasd__numqual_rows[i].phrase, RASD__PT_QUAL, rasd__numqual_rows[i].qual, rasd__numqual_rows[i].post, 0);
  for (size_t i = 0; i < sizeof rasd__month_rows / sizeof *rasd__month_rows; i++)
    add_phrase(rasd__month_rows[i].name, RASD__PT_MONTH, rasd__month_rows[i].month, rasd__month_rows[i].hijri,
               rasd__month_rows[i].amb);
  for (size_t i = 0; i < sizeof rasd__reldate_rows / sizeof *rasd__reldate_rows; i++)
    add_phrase(rasd__reldate_rows[i].phrase, RASD__PT_REL, rasd__reldate_rows[i].kind, rasd__reldate_rows[i].n, 0);
}

void rasd__tl_init(void) { pthread_once(&once, build); }

int rasd__tl_maybe(const char *key, uint32_t n) {
  if (n < 4) return n > 0 && getbit(bits, hbits(key, n + 32));
  if (getbit(bits, hbits(key + n - 4, 4 + 16))) return 1;
  return n >= 6 && getbit(bits, hbits(key + n - 6, 6));
}

const rasd__tword *rasd__tl_word(const char *key, uint32_t n) {
  uint32_t v;
  return rasd_strmap_get(words_map, key, n, &v) ? &words[v] : NULL;
}

static int has(const rasd__tword *w, unsigned want) {
  return ((want & RASD__TW_NUM) && w->ncls) || ((want & RASD__TW_UNIT) && w->uform) ||
         ((want & RASD__TW_PHR) && w->phr >= 0);
}

/* The lexicon words among the clitic readings of a token (enclitic readings
** left out), least stripped first.  The finders ask about each token several
** times: the token keeps how many (rasd_token.tl_n), so the common answer
** "none" costs one load; the hits are a pure function of the token's bytes
** and live in the word cache (words.h), or in the document (fcache->tl_h)
** for a token without an entry there. */
#define CACHE_HITS 4
typedef struct {
  uint8_t cl;
  uint16_t w; /* index into words[] */
} hit;
_Static_assert(sizeof(hit) * CACHE_HITS <= sizeof(((rasd__wtab *)0)->tl_h[0]), "a word's tl_h holds its hits");
_Static_assert(sizeof(hit) * CACHE_HITS <= sizeof(((struct rasd_formcache *)0)->tl_h[0]), "tl_h holds a token's hits");

static int token_hits_(const rasd_doc *d, uint32_t i, hit out[CACHE_HITS]) {
  const rasd_token *t = &d->toks[i];
  const char *key = d->keys + t->key;
  uint32_t n = t->key_len, v;
  int nh = 0;
  if (!rasd__tl_maybe(key, n)) return 0;
  if (rasd_strmap_get(words_map, key, n, &v)) out[nh++] = (hit){0, (uint16_t)v};
  if (t->kind == RASD_TOK_WORD) {
    int nf;
    const uint64_t *fh;
    const rasd_form *f = rasd_tok_forms_ref(d, i, &nf, &fh);
    for (int k = 1; k < nf && nh < CACHE_HITS; k++) {
      if (f[k].clitics & RASD_CL_ENC) continue;
      if (rasd_strmap_get_h(words_map, f[k].p, f[k].n, fh[k], &v)) out[nh++] = (hit){f[k].clitics, (uint16_t)v};
    }
  }
  return nh;
}

static const hit *token_hits(const rasd_doc *d, uint32_t i, int *nh) {
  struct rasd_formcache *fc = d->fcache;
  if (!fc || i >= fc->ntoks) { /* a document built by hand */
    static _Thread_local hit one[CACHE_HITS];
    *nh = token_hits_(d, i, one);
    return one;
  }
  uint8_t k = d->toks[i].tl_n;
  if (k == 1) { /* most tokens: known to be no lexicon word */
    *nh = 0;
    return NULL;
  }
  if (k & 0x80) { /* hits the document keeps (below) */
    *nh = (k & 0x7F) - 1;
    return (const hit *)fc->tl_h[i];
  }
  /* the word cache keeps the hits (it is not refilled while d is analysed) */
  rasd_word *w = rasd_tok_word(d, i);
  if (w) {
    if (!w->tl_n) w->tl_n = (uint8_t)(token_hits_(d, i, (hit *)rasd__word_tl(w)) + 1);
    d->toks[i].tl_n = w->tl_n;
    *nh = w->tl_n - 1;
    return (const hit *)rasd__word_tl(w);
  }
  /* a token without an entry: the document keeps them, marked 0x80 */
  hit h[CACHE_HITS];
  int n = token_hits_(d, i, h);
  d->toks[i].tl_n = 1;
  if (n) {
    if (!fc->tl_h) fc->tl_h = rasd_arena_alloc(d->arena, (size_t)fc->ntoks * sizeof *fc->tl_h);
    memcpy(fc->tl_h[i], h, (size_t)n * sizeof *h);
    d->toks[i].tl_n = (uint8_t)(0x80 | (n + 1));
  }
  *nh = n;
  return n ? (const hit *)fc->tl_h[i] : NULL;
}

int rasd__tl_starts(const rasd_doc *d, uint32_t i, unsigned tabs, uint32_t kinds, unsigned allow, unsigned num_allow) {
  if (i >= d->ntoks) return 0;
  int nh;
  const hit *h = token_hits(d, i, &nh);
  for (int k = 0; k < nh; k++) {
    const rasd__tword *w = &words[h[k].w];
    if (w->ncls && !(h[k].cl & ~num_allow)) return 1;
    if (h[k].cl & ~allow) continue;
    if ((w->ptabs & tabs & ~(1u << RASD__PT_REL)) || ((tabs & (1u << RASD__PT_REL)) && (w->pkinds & kinds))) return 1;
  }
  return 0;
}

const rasd__tword *rasd__tl_tok_(const rasd_doc *d, uint32_t i, unsigned want, unsigned allow, uint8_t *cl) {
  if (i >= d->ntoks) return NULL;
  int nh;
  const hit *h = token_hits(d, i, &nh);
  for (int k = 0; k < nh; k++) {
    if ((h[k].cl & ~allow) || !has(&words[h[k].w], want)) continue;
    if (cl) *cl = h[k].cl;
    return &words[h[k].w];
  }
  return NULL;
}

const rasd__tword *rasd__tl_unit_enc(const rasd_doc *d, uint32_t i) {
  if (i >= d->ntoks || d->toks[i].kind != RASD_TOK_WORD) return NULL;
  int nf;
  const rasd_form *f = rasd_tok_forms_ref(d, i, &nf, NULL);
  for (int k = 1; k < nf; k++) {
    if (!(f[k].clitics & RASD_CL_ENC) || (f[k].clitics & ~(RASD_CL_ENC | RASD_CL_ART))) continue;
    const rasd__tword *w = rasd__tl_word(f[k].p, f[k].n);
    if (w && w->unit) return w;
  }
  return NULL;
}

static int tok_eq(const rasd_doc *d, uint32_t i, const char *s, uint32_t n) {
  return d->toks[i].key_len == n && memcmp(d->keys + d->toks[i].key, s, n) == 0;
}

const rasd__tphrase *rasd__tl_phrase_(const rasd_doc *d, uint32_t i, int tab, uint32_t kinds, unsigned allow,
                                      uint32_t *end) {
  if (i >= d->ntoks) return NULL;
  int nh;
  const hit *h = token_hits(d, i, &nh);
  const rasd__tphrase *best = NULL;
  uint32_t best_end = 0;
  uint32_t sent = d->toks[i].sent;
  for (int k = 0; k < nh; k++) {
    const rasd__tword *w = &words[h[k].w];
    if (h[k].cl & ~allow) continue;
    if (!(w->ptabs & (1u << tab)) || (tab == RASD__PT_REL && !(w->pkinds & kinds))) continue;
    for (int32_t pi = w->phr; pi >= 0; pi = phrases[pi].next) {
      const rasd__tphrase *p = &phrases[pi];
      if (p->tab != tab) continue;
      if (tab == RASD__PT_REL && !(kinds & RASD__K(p->a))) continue;
      if (i + p->nw > d->ntoks || i + p->nw <= best_end) continue;
      int ok = 1;
      for (uint32_t j = 1; j < p->nw && ok; j++)
        ok = d->toks[i + j].sent == sent && tok_eq(d, i + j, p->w[j], p->wn[j]);
      if (ok) {
        best = p;
        best_end = i + p->nw;
      }
    }
  }
  if (best) *end = best_end;
  return best;
}

/* ---- tabular Islamic calendar ---------------------------------------- */
#define JD_UNIX_EPOCH 2440588 /* Julian day number of 1970-01-01 */
#define JD_HIJRI_EPOCH 1948439 /* the day before 1 Muharram 1 AH (civil) */

static int64_t floordiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int32_t rasd__hijri_days(int y, int m, int d) {
  int64_t jd = d + (59 * (int64_t)(m - 1) + 1) / 2 + (int64_t)(y - 1) * 354 + floordiv(3 + 11 * (int64_t)y, 30) +
               JD_HIJRI_EPOCH;
  return (int32_t)(jd - JD_UNIX_EPOCH);
}

void rasd__hijri_from_days(int32_t z, int *y, int *m, int *d) {
  int64_t jd = (int64_t)z + JD_UNIX_EPOCH;
  int yy = (int)floordiv(30 * (jd - JD_HIJRI_EPOCH) + 10646, 10631);
  if (rasd__hijri_days(yy, 1, 1) > z) yy--;
  else if (rasd__hijri_days(yy + 1, 1, 1) <= z) yy++;
  int mm = 12;
  while (mm > 1 && rasd__hijri_days(yy, mm, 1) > z) mm--;
  *y = yy;
  *m = mm;
  *d = (int)(z - rasd__hijri_days(yy, mm, 1)) + 1;
}
