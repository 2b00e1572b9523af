/*
** text/clitic.c -- clitic readings of a word token (see rasd_tok_forms).
**
** Arabic writes conjunctions, prepositions, the article and object pronouns
** onto the word: وبالبوكمال = و + ب + ال + بوكمال, قواتها = قوات + ها.  The
** text layer does not guess one segmentation; it offers every plausible
** reading, least stripped first, and the lexicon that finds a match decides.
** All readings are slices of the token's key.  Many stages ask for the
** readings of the same token, so rasd_tok_forms_ref computes them once per
** document and keeps them (with their strmap hashes) in the arena, in
** chunks that never move.
*/
#include <string.h>

#include "../core/strmap.h"
#include "letters.h"
#include "text.h"

uint32_t rasd_key_noart(const char *s, uint32_t n) {
  if (n >= 8 && rasd_key_at(s, n, 0, ALEF) && rasd_key_at(s, n, 2, LAM)) return 4;
  return 0;
}

/* Bytes of the enclitic pronoun that ends the n-byte key p (هما هم ها كم
** كن نا ه ي ك), or 0.  No two of them can end the same key, so one look at
** the last three letters decides. */
static uint32_t enclitic_len(const char *p, uint32_t n) {
  if (n < 6) return 0;
  const unsigned char *e = (const unsigned char *)p + n;
#define LETTER(k, b) (e[-2 * (k)] == 0xD9 - ((b) >> 8) && e[-2 * (k) + 1] == ((b) & 0xFF))
  /* b = 0x0087 for U+0647 (D9 87), 0x0127 for U+0627 (D8 A7) */
  enum { HA = 0x087, YA_ = 0x08A, KAF_ = 0x083, MIM = 0x085, NUN_ = 0x086, ALEF_ = 0x1A7 };
  if (LETTER(1, HA) || LETTER(1, YA_) || LETTER(1, KAF_)) return 2;
  if (LETTER(1, MIM)) return LETTER(2, HA) || LETTER(2, KAF_) ? 4 : 0;
  if (LETTER(1, NUN_)) return LETTER(2, KAF_) ? 4 : 0;
  if (LETTER(1, ALEF_)) {
    if (LETTER(2, MIM)) return n >= 6 && LETTER(3, HA) ? 6 : 0;
    return LETTER(2, HA) || LETTER(2, NUN_) ? 4 : 0;
  }
  return 0;
#undef LETTER
}

static int add(rasd_form *out, int k, const char *p, uint32_t n, uint8_t cl) {
  if (k >= RASD_MAX_FORMS || n < 4) return k; /* keep >= 2 letters */
  for (int j = 0; j < k; j++)
    if (out[j].p == p && out[j].n == n) return k;
  out[k].p = p;
  out[k].n = n;
  out[k].clitics = cl;
  return k + 1;
}

static int forms_compute(const rasd_doc *d, uint32_t i, rasd_form out[RASD_MAX_FORMS]) {
  const rasd_token *t = &d->toks[i];
  const char *p = d->keys + t->key;
  uint32_t n = t->key_len;
  int k = 0;
  if (t->kind != RASD_TOK_WORD) {
    out[0].p = p;
    out[0].n = n;
    out[0].clitics = 0;
    return 1;
  }
  out[k].p = p; out[k].n = n; out[k].clitics = 0; k++;
  /* proclitic chains: [و|ف] [ب|ك|ل] [ال]  or [و|ف] لل  or [و|ف] س+imperfect */
  uint32_t offs[3] = {0, 0, 0};
  uint8_t cls[3] = {0, 0, 0};
  int nc = 1;
  if (rasd_key_at(p, n, 0, WAW) || rasd_key_at(p, n, 0, FA)) { offs[nc] = 2; cls[nc] = RASD_CL_CONJ; nc++; }
  for (int c = 0; c < nc; c++) {
    uint32_t o = offs[c];
    uint8_t cl = cls[c];
    /* article directly */
    if (rasd_key_at(p, n, o, ALEF) && rasd_key_at(p, n, o + 2, LAM)) k = add(out, k, p + o + 4, n - o - 4, cl | RASD_CL_ART);
    if (c > 0) k = add(out, k, p + o, n - o, cl);
    if (rasd_key_at(p, n, o, BA) || rasd_key_at(p, n, o, KAF) || rasd_key_at(p, n, o, LAM)) {
      uint32_t o2 = o + 2;
      uint8_t cl2 = cl | RASD_CL_PREP;
      if (rasd_key_at(p, n, o, LAM) && rasd_key_at(p, n, o2, LAM)) /* لل = ل + ال */
        k = add(out, k, p + o2 + 2, n - o2 - 2, cl2 | RASD_CL_ART);
      if (rasd_key_at(p, n, o2, ALEF) && rasd_key_at(p, n, o2 + 2, LAM)) k = add(out, k, p + o2 + 4, n - o2 - 4, cl2 | RASD_CL_ART);
      k = add(out, k, p + o2, n - o2, cl2);
    }
    if (rasd_key_at(p, n, o, SIN) && (rasd_key_at(p, n, o + 2, YA) || rasd_key_at(p, n, o + 2, TA) || rasd_key_at(p, n, o + 2, NUN) || rasd_key_at(p, n, o + 2, ALEF)))
      k = add(out, k, p + o + 2, n - o - 2, cl | RASD_CL_FUT);
  }
  /* one enclitic pronoun off each reading so far (leaving >= 3 letters) */
  int base = k;
  for (int j = 0; j < base; j++) {
    /* three letters must stay */
    uint32_t el = enclitic_len(out[j].p, out[j].n);
    if (el && out[j].n >= el + 6) k = add(out, k, out[j].p, out[j].n - el, out[j].clitics | RASD_CL_ENC);
  }
  return k;
}

/* ---- per-document cache ------------------------------------------------ */
#define CHUNK 2048 /* bytes of forms + hashes per chunk */

void rasd__tok_forms_init(rasd_doc *d) {
  struct rasd_formcache *c = rasd_arena_alloc(d->arena, sizeof *c);
  c->ntoks = d->ntoks;
  /* not zeroed: an entry is valid once its token has RASD_TOKF_FORMS */
  c->tok = rasd_arena_grow_raw(d->arena, NULL, 0, d->ntoks + 1, sizeof *c->tok);
  d->fcache = c;
}

/* A token's readings are stored as n rasd_form then n hashes, in chunks of
** the arena that never move. */
const rasd_form *rasd__tok_forms_fill(const rasd_doc *d, uint32_t i, int *n, const uint64_t **hash) {
  struct rasd_formcache *c = d->fcache;
  enum { MAXB = RASD_MAX_FORMS * (sizeof(rasd_form) + sizeof(uint64_t)) };
  rasd_form tmp[RASD_MAX_FORMS];
  int k = forms_compute(d, i, tmp);
  size_t bytes = (size_t)k * (sizeof(rasd_form) + sizeof(uint64_t));
  if (!c || i >= c->ntoks) { /* a document built by hand: a copy (in a ring without an arena) */
    static _Thread_local _Alignas(16) unsigned char ring_b[8][MAXB];
    static _Thread_local unsigned ring;
    unsigned char *b = d->arena ? rasd_arena_alloc(d->arena, MAXB) : ring_b[ring++ % 8];
    rasd_form *f = (rasd_form *)b;
    uint64_t *h = (uint64_t *)(f + k);
    memcpy(f, tmp, (size_t)k * sizeof *f);
    for (int j = 0; j < k; j++) h[j] = rasd_strmap_hash(f[j].p, f[j].n);
    *n = k;
    if (hash) *hash = h;
    return f;
  }
  if (c->room < bytes) {
    c->chunk = rasd_arena_alloc(d->arena, CHUNK);
    c->room = CHUNK;
  }
  rasd_form *f = (rasd_form *)c->chunk;
  uint64_t *h = (uint64_t *)(f + k);
  memcpy(f, tmp, (size_t)k * sizeof *f);
  for (int j = 0; j < k; j++) h[j] = rasd_strmap_hash(f[j].p, f[j].n);
  c->chunk += bytes;
  c->room -= (uint32_t)bytes;
  c->tok[i].f = f;
  c->tok[i].n = (uint32_t)k;
  d->toks[i].flags |= RASD_TOKF_FORMS;
  *n = k;
  if (hash) *hash = h;
  return f;
}

int rasd_tok_forms(const rasd_doc *d, uint32_t i, rasd_form out[RASD_MAX_FORMS]) {
  if (!d->fcache || i >= d->fcache->ntoks) return forms_compute(d, i, out);
  int n;
  const rasd_form *f = rasd_tok_forms_ref(d, i, &n, NULL);
  memcpy(out, f, (size_t)n * sizeof *f);
  return n;
}
