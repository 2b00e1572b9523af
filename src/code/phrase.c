/*
** code/phrase.c -- phrase lexicon (see phrase.h).
**
** Two hash maps: the whole phrase key ("w1 w2 w3", each word folded and
** without its article) -> value, and the first word -> the most words any
** phrase starting with it has.  Matching at a token tries each clitic
** reading of it in the first-word map, then builds the candidate keys of
** decreasing length in a stack buffer: a handful of lookups per token that
** starts a phrase, one per reading for the rest.
*/
#include "phrase.h"

#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "../text/words.h"

struct rasd_phrase_lex {
  rasd_strmap *full;  /* phrase key -> value */
  rasd_strmap *first; /* first word -> max words */
  uint32_t count;
  const void *memo_owner; /* rasd_phrase_memo; NULL: no memo */
  int memo_bit;
};

void rasd_phrase_memo(rasd_phrase_lex *lx, const void *owner, int bit) {
  lx->memo_owner = bit >= 0 && bit < 16 ? owner : NULL;
  lx->memo_bit = bit;
}

rasd_phrase_lex *rasd_phrase_new(void) {
  rasd_phrase_lex *lx = rasd_xcalloc(1, sizeof *lx);
  lx->full = rasd_strmap_new(256);
  lx->first = rasd_strmap_new(256);
  return lx;
}

void rasd_phrase_free(rasd_phrase_lex *lx) {
  if (!lx) return;
  rasd_strmap_free(lx->full);
  rasd_strmap_free(lx->first);
  free(lx);
}

uint32_t rasd_phrase_count(const rasd_phrase_lex *lx) { return lx->count; }

#define KEYMAX 512

int rasd_phrase_add(rasd_phrase_lex *lx, const char *phrase, size_t n, uint32_t value, uint32_t *old) {
  char folded[KEYMAX * 3 + 8];
  if (n > KEYMAX) return 0;
  size_t fn = rasd_uni_key(phrase, n, folded);
  /* split on spaces and punctuation-free word boundaries: words are runs of non-space */
  char key[KEYMAX * 3 + 8];
  size_t kn = 0;
  int words = 0;
  size_t first_len = 0;
  for (size_t i = 0; i < fn;) {
    while (i < fn && (folded[i] == ' ' || folded[i] == '\t' || folded[i] == '-' || folded[i] == '"')) i++;
    size_t s = i;
    while (i < fn && folded[i] != ' ' && folded[i] != '\t' && folded[i] != '"') i++;
    if (i == s) break;
    uint32_t skip = rasd_key_noart(folded + s, (uint32_t)(i - s));
    if (words) key[kn++] = ' ';
    memcpy(key + kn, folded + s + skip, i - s - skip);
    kn += i - s - skip;
    if (!words) first_len = kn;
    words++;
  }
  if (!words || words > RASD_PHRASE_MAX_WORDS) return 0;
  uint32_t prev;
  if (!rasd_strmap_add(lx->full, key, kn, value, &prev)) {
    if (old) *old = prev;
    return -1;
  }
  uint32_t maxw = 0;
  if (!rasd_strmap_get(lx->first, key, first_len, &maxw) || maxw < (uint32_t)words)
    rasd_strmap_put(lx->first, key, first_len, (uint32_t)words);
  lx->count++;
  return 1;
}

/* rasd_phrase_match once a reading of token i is known to start a phrase. */
static __attribute__((noinline)) int match_at(const rasd_phrase_lex *lx, const rasd_doc *d, uint32_t i, uint32_t end,
                                               int allow_enc, rasd_phrase_hit *m, const rasd_form *forms,
                                               const uint64_t *fh, int nf) {
  /* the later words: token index and key without article */
  uint32_t wtok[RASD_PHRASE_MAX_WORDS];
  int nw = 0;
  int best_words = 0;
  uint32_t best_val = 0;
  uint8_t best_cl = 0;
  for (int f = 0; f < nf; f++) {
    if ((forms[f].clitics & RASD_CL_ENC) && !allow_enc) continue;
    uint32_t maxw;
    if (!rasd_strmap_get_h(lx->first, forms[f].p, forms[f].n, fh[f], &maxw)) continue;
    if ((int)maxw <= best_words) continue;
    if (nw == 0) { /* collect following words lazily, once */
      uint32_t j = i + 1;
      while (nw < RASD_PHRASE_MAX_WORDS - 1 && j < end) {
        const rasd_token *t = &d->toks[j];
        if (t->kind == RASD_TOK_PUNCT && (t->flags & RASD_TOKF_QUOTE)) { j++; continue; }
        if (t->kind != RASD_TOK_WORD) break;
        wtok[nw++] = j++;
      }
      if (nw == 0) nw = -1; /* none */
    }
    int avail = nw < 0 ? 0 : nw;
    int top = (int)maxw - 1 < avail ? (int)maxw - 1 : avail;
    char key[KEYMAX + 8];
    size_t lens[RASD_PHRASE_MAX_WORDS];
    size_t kn = forms[f].n < KEYMAX ? forms[f].n : KEYMAX;
    memcpy(key, forms[f].p, kn);
    lens[0] = kn;
    int built = 0;
    for (int w = 0; w < top; w++) {
      const rasd_token *t = &d->toks[wtok[w]];
      const char *k = d->keys + t->key;
      uint32_t skip = rasd_key_noart(k, t->key_len);
      if (kn + 1 + t->key_len - skip > KEYMAX) break;
      key[kn++] = ' ';
      memcpy(key + kn, k + skip, t->key_len - skip);
      kn += t->key_len - skip;
      lens[++built] = kn;
    }
    for (int w = built; w >= 0; w--) {
      if (w + 1 <= best_words) break;
      uint32_t v;
      if (rasd_strmap_get(lx->full, key, lens[w], &v)) {
        best_words = w + 1;
        best_val = v;
        best_cl = forms[f].clitics;
        m->tok_end = w ? wtok[w - 1] + 1 : i + 1;
        break;
      }
    }
  }
  if (!best_words) return 0;
  m->tok_begin = i;
  m->value = best_val;
  m->clitics = best_cl;
  m->nwords = (uint8_t)best_words;
  return 1;
}

/* Most tokens start no phrase: one filtered probe per reading says so, and
** the word cache remembers it (bit pair memo_bit: asked, some reading hit). */
int rasd_phrase_match(const rasd_phrase_lex *lx, const rasd_doc *d, uint32_t i, uint32_t end, int allow_enc,
                      rasd_phrase_hit *m) {
  if (i >= end || i >= d->ntoks || d->toks[i].kind != RASD_TOK_WORD) return 0;
  uint32_t *memo = NULL, asked = 0, hit = 0;
  if (lx->memo_owner && rasd_words_memo_own(d, RASD_WMEMO_PHRASE, lx->memo_owner)) {
    memo = rasd_tok_memo(d, i, RASD_WMEMO_PHRASE);
    asked = 1u << (2 * lx->memo_bit), hit = asked << 1;
    if (memo && (*memo & asked) && !(*memo & hit)) return 0;
  }
  int nf;
  const uint64_t *fh;
  const rasd_form *forms = rasd_tok_forms_ref(d, i, &nf, &fh);
  int any = 0;
  for (int f = 0; f < nf; f++)
    if (rasd_strmap_get_h(lx->first, forms[f].p, forms[f].n, fh[f], NULL)) {
      any = 1;
      if (!(forms[f].clitics & RASD_CL_ENC) || allow_enc) {
        if (memo) *memo |= asked | hit;
        return match_at(lx, d, i, end, allow_enc, m, forms, fh, nf);
      }
    }
  if (memo) *memo |= asked | (any ? hit : 0);
  return 0;
}
