/*
** code/trigger.c -- finding trigger words and cue words in a sentence.
**
** Triggers are matched first as phrases (clitic-aware, longest match: قصف،
** عبوة ناسفة، أرسل تعزيزات), then, for rows marked "stem", on the Snowball
** stem of a word (قتلوا -> قتل) and on the stem of an imperfect verb with
** its person prefix removed (يستهدفون -> ستهدف...).  A verb row is never
** read on a word that carries the article or a preposition (القتل، بقصف are
** nouns).  Cue words (negation, future, speech verbs...) are found in a
** separate pass; a word may be both.  Hit arrays are allocated in the
** document arena: one array of each per sentence, sized by its tokens.
*/
#include <string.h>

#include "../text/letters.h"
#include "../text/text.h"
#include "../text/words.h"
#include "evt.h"

int rasd__evt_tok_is(const rasd_doc *d, uint32_t i, const char *s) {
  if (i >= d->ntoks) return 0;
  const rasd_token *t = &d->toks[i];
  const char *k = d->keys + t->key;
  if (!t->key_len || k[0] != s[0] || (t->key_len > 1 && k[1] != s[1])) return 0; /* cheap reject */
  size_t n = strlen(s);
  return t->key_len == n && memcmp(k, s, n) == 0;
}

/* A word that starts with the article (after و/ف and ب/ك/ل): a noun. */
static int has_article(const char *p, uint32_t n) {
  uint32_t o = 0;
  if (rasd_key_at(p, n, o, WAW) || rasd_key_at(p, n, o, FA)) o += 2;
  if (rasd_key_at(p, n, o, LAM) && rasd_key_at(p, n, o + 2, LAM)) return 1;
  if (rasd_key_at(p, n, o, BA) || rasd_key_at(p, n, o, KAF) || rasd_key_at(p, n, o, LAM)) {
    if (rasd_key_at(p, n, o + 2, ALEF) && rasd_key_at(p, n, o + 4, LAM)) return 1;
    return 0;
  }
  return rasd_key_at(p, n, o, ALEF) && rasd_key_at(p, n, o + 2, LAM) && n > o + 6;
}

int rasd__evt_clause_break(const rasd_doc *d, uint32_t i) {
  const rasd_token *t = &d->toks[i];
  if (t->kind == RASD_TOK_PUNCT) {
    const char *p = d->text + t->start;
    uint32_t n = t->end - t->start;
    if (n == 2 && (!memcmp(p, "\xd8\x8c", 2) || !memcmp(p, "\xd8\x9b", 2) || !memcmp(p, "\xd8\x9f", 2)))
      return 1; /* ، ؛ ؟ */
    if (n == 1 && strchr(",;:.!?()", p[0])) return 1;
    return 0;
  }
  /* clause-opening connectives (three to six letters) */
  if (t->key_len < 6 || t->key_len > 12) return 0;
  static const char *const conn[] = {"\xd9\x81\xd9\x8a\xd9\x85\xd8\xa7",             /* فيما */
                                     "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x85\xd8\xa7",     /* بينما */
                                     "\xd9\x88\xd8\xa8\xd9\x8a\xd9\x86\xd9\x85\xd8\xa7", /* وبينما */
                                     "\xd9\x84\xd9\x83\xd9\x86",                     /* لكن */
                                     "\xd9\x88\xd9\x84\xd9\x83\xd9\x86",             /* ولكن */
                                     "\xd9\x83\xd9\x85\xd8\xa7",                     /* كما */
                                     "\xd9\x88\xd9\x83\xd9\x85\xd8\xa7",             /* وكما */
                                     "\xd8\xad\xd9\x8a\xd8\xab"};                    /* حيث */
  for (size_t k = 0; k < sizeof conn / sizeof *conn; k++)
    if (rasd__evt_tok_is(d, i, conn[k])) return 1;
  return 0;
}

void rasd__evt_clause(const rasd_doc *d, const rasd__hits *h, uint32_t i, uint32_t *cb, uint32_t *ce) {
  uint32_t sb = h->tb, se = h->te;
  uint32_t b = i, e = i + 1;
  while (b > sb && !rasd__evt_brk(h, b - 1) && !rasd__evt_brk(h, b)) b--;
  if (b > sb && rasd__evt_brk(h, b) && d->toks[b].kind == RASD_TOK_PUNCT) b++;
  while (e < se && !rasd__evt_brk(h, e)) e++;
  if (b > i) b = i;
  *cb = b;
  *ce = e;
}

/* Stem lookup on a folded key (cached by the text layer). */
static int stem_row(const rasd_lex *lex, const char *key, uint32_t n, uint32_t *row) {
  char buf[1100];
  if (n < 6 || n > 1000) return 0;
  size_t sn = rasd_stem_key(key, n, buf);
  if (sn < 6) return 0;
  return rasd_strmap_get(lex->trig_stem, buf, sn, row);
}

/* The trigger row a word names by its stem: 2 (its stem), 3 (an imperfect
** verb's stem), 0 none. */
static int stem_search(const rasd_lex *lex, const rasd_doc *d, uint32_t i, const char *k, uint32_t n, uint32_t *out) {
  uint32_t sn, row = 0;
  const char *s = rasd_tok_stem(d, i, &sn);
  int how = 0;
  if (sn >= 6 && rasd_strmap_get(lex->trig_stem, s, sn, &row)) how = 2;
  if (!how) {
    /* imperfect: [و|ف][س] + ي/ت/ن + stem */
    uint32_t o = 0;
    if (rasd_key_at(k, n, o, WAW) || rasd_key_at(k, n, o, FA)) o += 2;
    if (rasd_key_at(k, n, o, SIN) && (rasd_key_at(k, n, o + 2, YA) || rasd_key_at(k, n, o + 2, TA) || rasd_key_at(k, n, o + 2, NUN))) o += 2;
    if ((rasd_key_at(k, n, o, YA) || rasd_key_at(k, n, o, TA) || rasd_key_at(k, n, o, NUN)) && n - o - 2 >= 6) {
      if (stem_row(lex, k + o + 2, n - o - 2, &row) && (lex->trig[row].flags & RASD__TF_VERB)) how = 3;
      if (!how) { /* يقصفون -> stem يقصف -> قصف */
        char buf[1100];
        size_t bn = n - o < 1000 ? rasd_stem_key(k + o, n - o, buf) : 0;
        if (bn >= 8 && (rasd_key_at(buf, (uint32_t)bn, 0, YA) || rasd_key_at(buf, (uint32_t)bn, 0, TA) || rasd_key_at(buf, (uint32_t)bn, 0, NUN)) &&
            rasd_strmap_get(lex->trig_stem, buf + 2, bn - 2, &row) && (lex->trig[row].flags & RASD__TF_VERB))
          how = 3;
      }
    }
  }
  *out = how ? row : 0;
  return how;
}

/* The word cache's memo for the coder (RASD_WMEMO_CODE), per spelling:
**   bit 0     stem_search was done; bits 1-2 its `how`, 8-31 its row
**   bit 3     the connective test was done;   bit 4 the word is one */
enum { CM_STEM = 1u, CM_CONN = 8u, CM_IS_CONN = 16u };

static int try_stem(const rasd_lex *lex, const rasd_doc *d, uint32_t i, rasd__hit *h, int own) {
  const rasd_token *t = &d->toks[i];
  if (t->kind != RASD_TOK_WORD) return 0;
  const char *k = d->keys + t->key;
  uint32_t n = t->key_len;
  uint32_t row = 0;
  int how = 0;
  uint32_t *m = own ? rasd_tok_memo(d, i, RASD_WMEMO_CODE) : NULL;
  if (m && (*m & CM_STEM)) {
    how = (int)((*m >> 1) & 3);
    row = *m >> 8;
  } else {
    how = stem_search(lex, d, i, k, n, &row);
    if (m && row < 1u << 24) *m = (*m & (CM_CONN | CM_IS_CONN)) | CM_STEM | (uint32_t)how << 1 | row << 8;
  }
  if (!how) return 0;
  const rasd__trig *tr = &lex->trig[row];
  int art = has_article(k, n);
  if ((tr->flags & RASD__TF_VERB) && !(tr->flags & RASD__TF_NOUN) && art) return 0;
  h->tb = i;
  h->te = i + 1;
  h->row = row;
  h->how = (uint8_t)how;
  h->clitics = art ? RASD_CL_ART : 0;
  h->blocked = 0;
  return 1;
}


void rasd__evt_hits(const rasd_lex *lex, rasd_doc *d, uint32_t tb, uint32_t te, rasd__hits *out) {
  uint32_t n = te > tb ? te - tb : 0;
  out->trig = rasd_arena_alloc(d->arena, (n + 1) * sizeof *out->trig);
  out->cue = rasd_arena_alloc(d->arena, (n + 1) * sizeof *out->cue);
  out->ntrig = out->ncue = 0;
  out->tb = tb;
  out->te = te;
  out->brk = rasd_arena_alloc(d->arena, n + 1);
  int own = rasd_words_memo_own(d, RASD_WMEMO_CODE, lex);
  for (uint32_t i = tb; i < te; i++) {
    uint32_t *m = own && d->toks[i].kind == RASD_TOK_WORD ? rasd_tok_memo(d, i, RASD_WMEMO_CODE) : NULL;
    if (m && (*m & CM_CONN)) {
      out->brk[i - tb] = (*m & CM_IS_CONN) != 0;
      continue;
    }
    out->brk[i - tb] = (uint8_t)rasd__evt_clause_break(d, i);
    if (m) *m |= CM_CONN | (out->brk[i - tb] ? CM_IS_CONN : 0);
  }
  rasd_phrase_hit m;
  /* triggers */
  for (uint32_t i = tb; i < te;) {
    if (d->toks[i].kind != RASD_TOK_WORD) { i++; continue; }
    rasd__hit h;
    memset(&h, 0, sizeof h);
    int ok = 0;
    if (rasd_phrase_match(lex->trig_phr, d, i, te, 1, &m)) {
      const rasd__trig *tr = &lex->trig[m.value];
      ok = 1;
      /* a verb-only row never takes the article or a preposition; a verb+noun row
         (قصف) is read as the noun then (بقصف، القصف) */
      if ((tr->flags & RASD__TF_VERB) && !(tr->flags & RASD__TF_NOUN) && (m.clitics & (RASD_CL_ART | RASD_CL_PREP)) &&
          m.nwords == 1)
        ok = 0;
      if (!(tr->flags & RASD__TF_VERB) && (m.clitics & RASD_CL_FUT)) ok = 0;
      /* وزارة is not زار + ه: a pronoun is never read off a written ta marbuta */
      if (m.clitics & RASD_CL_ENC) {
        const rasd_token *ft = &d->toks[m.tok_begin];
        if (ft->end - ft->start >= 2 && (unsigned char)d->text[ft->end - 2] == 0xd8 &&
            (unsigned char)d->text[ft->end - 1] == 0xa9)
          ok = 0;
      }
      /* نشره، أرسلها: a force-moving verb whose object is a pronoun moves no force */
      if ((tr->flags & RASD__TF_OBJ) && (m.clitics & RASD_CL_ENC)) ok = 0;
      if (ok) {
        h.tb = m.tok_begin;
        h.te = m.tok_end;
        h.row = m.value;
        h.how = 1;
        h.clitics = m.clitics;
      }
    }
    if (!ok) ok = try_stem(lex, d, i, &h, own);
    if (ok) {
      const char *k = d->keys + d->toks[h.tb].key;
      uint32_t kn = d->toks[h.tb].key_len, o = 0;
      if (rasd_key_at(k, kn, o, WAW) || rasd_key_at(k, kn, o, FA)) o += 2;
      const rasd__trig *tr = &lex->trig[h.row];
      if ((tr->flags & RASD__TF_VERB) && h.how != 1 && rasd_key_at(k, kn, o, SIN) && strncmp(tr->phrase, SIN, 2) &&
          (rasd_key_at(k, kn, o + 2, YA) || rasd_key_at(k, kn, o + 2, TA) || rasd_key_at(k, kn, o + 2, NUN)))
        h.clitics |= RASD_CL_FUT;
      if (h.clitics & RASD_CL_FUT) o += 2;
      if ((lex->trig[h.row].flags & RASD__TF_VERB) && !(h.clitics & (RASD_CL_ART | RASD_CL_PREP)) &&
          (h.how == 3 || rasd_key_at(k, kn, o, YA)))
        h.imperfect = 1;
      out->trig[out->ntrig++] = h;
      i = h.te;
    } else
      i++;
  }
  if (!out->ntrig) return; /* no trigger: cues are not needed */
  /* cues */
  for (uint32_t i = tb; i < te; i++) {
    if (d->toks[i].kind != RASD_TOK_WORD) continue;
    if (rasd_phrase_match(lex->cue_phr, d, i, te, 0, &m)) {
      rasd__hit *h = &out->cue[out->ncue++];
      memset(h, 0, sizeof *h);
      h->tb = m.tok_begin;
      h->te = m.tok_end;
      h->row = m.value;
      h->clitics = m.clitics;
      h->how = 1;
    }
  }
}
