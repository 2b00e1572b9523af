/*
** text/clitic.c -- clitic readings of a word token (see rasd_tok_forms).
**
** Arabic writes conjunctions, prepositions, the article and object pronouns
** onto the word: وبالبوكمال = و + ب + ال + بوكمال, قواتها = قوات + ها.  The
** text layer does not guess one segmentation; it offers every plausible
** reading, least stripped first, and the lexicon that finds a match decides.
** All readings are slices of the token's key: nothing is allocated.
*/
#include <string.h>

#include "text.h"

/* folded letters (UTF-8, two bytes each) */
#define WAW "\xd9\x88"
#define FA "\xd9\x81"
#define BA "\xd8\xa8"
#define KAF "\xd9\x83"
#define LAM "\xd9\x84"
#define ALEF "\xd8\xa7"
#define SIN "\xd8\xb3"
#define YA "\xd9\x8a"
#define TA "\xd8\xaa"
#define NUN "\xd9\x86"

static int at(const char *p, uint32_t n, uint32_t off, const char *ch) {
  return off + 2 <= n && p[off] == ch[0] && p[off + 1] == ch[1];
}

uint32_t rasd_key_noart(const char *s, uint32_t n) {
  if (n >= 8 && at(s, n, 0, ALEF) && at(s, n, 2, LAM)) return 4;
  return 0;
}

/* longest first, so the first that matches is stripped; n = bytes */
static const struct {
  const char *s;
  uint32_t n;
} enclitics[] = {
    {"\xd9\x87\xd9\x85\xd8\xa7", 6}, /* هما */
    {"\xd9\x87\xd9\x85", 4},         /* هم */
    {"\xd9\x87\xd8\xa7", 4},         /* ها */
    {"\xd9\x83\xd9\x85", 4},         /* كم */
    {"\xd9\x83\xd9\x86", 4},         /* كن */
    {"\xd9\x86\xd8\xa7", 4},         /* نا */
    {"\xd9\x87", 2},                 /* ه */
    {"\xd9\x8a", 2},                 /* ي */
    {"\xd9\x83", 2},                 /* ك */
};

static int add(rasd_form *out, int k, const char *p, uint32_t n, uint8_t cl) {
  if (k >= RASD_MAX_FORMS || n < 4) return k; /* keep >= 2 letters */
  for (int j = 0; j < k; j++)
    if (out[j].p == p && out[j].n == n) return k;
  out[k].p = p;
  out[k].n = n;
  out[k].clitics = cl;
  return k + 1;
}

int rasd_tok_forms(const rasd_doc *d, uint32_t i, rasd_form out[RASD_MAX_FORMS]) {
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
  if (at(p, n, 0, WAW) || at(p, n, 0, FA)) { offs[nc] = 2; cls[nc] = RASD_CL_CONJ; nc++; }
  for (int c = 0; c < nc; c++) {
    uint32_t o = offs[c];
    uint8_t cl = cls[c];
    /* article directly */
    if (at(p, n, o, ALEF) && at(p, n, o + 2, LAM)) k = add(out, k, p + o + 4, n - o - 4, cl | RASD_CL_ART);
    if (c > 0) k = add(out, k, p + o, n - o, cl);
    if (at(p, n, o, BA) || at(p, n, o, KAF) || at(p, n, o, LAM)) {
      uint32_t o2 = o + 2;
      uint8_t cl2 = cl | RASD_CL_PREP;
      if (at(p, n, o, LAM) && at(p, n, o2, LAM)) /* لل = ل + ال */
        k = add(out, k, p + o2 + 2, n - o2 - 2, cl2 | RASD_CL_ART);
      if (at(p, n, o2, ALEF) && at(p, n, o2 + 2, LAM)) k = add(out, k, p + o2 + 4, n - o2 - 4, cl2 | RASD_CL_ART);
      k = add(out, k, p + o2, n - o2, cl2);
    }
    if (at(p, n, o, SIN) && (at(p, n, o + 2, YA) || at(p, n, o + 2, TA) || at(p, n, o + 2, NUN) || at(p, n, o + 2, ALEF)))
      k = add(out, k, p + o + 2, n - o - 2, cl | RASD_CL_FUT);
  }
  /* one enclitic pronoun off each reading so far (leaving >= 3 letters) */
  int base = k;
  for (int j = 0; j < base; j++) {
    /* the shortest enclitic is one letter, and three letters must stay */
    if (out[j].n < 8) continue;
    for (size_t e = 0; e < sizeof enclitics / sizeof *enclitics; e++) {
      uint32_t el = enclitics[e].n;
      if (out[j].n >= el + 6 && memcmp(out[j].p + out[j].n - el, enclitics[e].s, el) == 0) {
        k = add(out, k, out[j].p, out[j].n - el, out[j].clitics | RASD_CL_ENC);
        break;
      }
    }
  }
  return k;
}
