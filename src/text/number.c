/*
** text/number.c -- numbers and what they count (rasd_num_find).
**
** A number is digits (150, ١٥٠, 1,500, 2.5), digits with a scale word
** (3 آلاف، 2.5 مليون), a number-word phrase (خمسة وعشرون، ثلاثمئة وخمسون، أحد
** عشر، ثلاثة آلاف), a vague plural with ACLED's conservative value (عشرات = 10,
** مئات = 100, آلاف = 1000, vague=1) or a dual noun that counts on its own
** (قتيلان = 2).  Around it: a qualifier before (نحو = approx, ما لا يقل عن =
** at_least, أقل من = at_most) or after (على الأقل), and the counted noun after,
** possibly behind "من" or a filler word (150 عنصراً -> "fighters"; 200 من
** عناصرها with its pronoun).  A number right after a label word (الساعة،
** رقم، المادة) is not a count.  All words come from data/text/num*.tsv
** through num_lex.c.
**
** Not numbers: times and dates written with : or / or two dots (13:31,
** 27/11/2020, 2021.05.01), and a bare 4-digit year 1900-2100 with no noun,
** qualifier or scale.  Numbers inside a date span (18 آب 2020, منذ ثلاثة أيام)
** are dropped by rasd_date_find, which runs after this.
** doc->nums is sorted by start; spans never overlap.
*/
#include <string.h>

#include "num_lex.h"
#include "text.h"

#define ALLOW_FIRST (RASD_CL_CONJ | RASD_CL_PREP)

typedef struct {
  double v;
  uint32_t end;  /* first token after the number */
  uint8_t vague, scaled, dual_noun;
  const rasd__tword *noun; /* dual noun (value 2 on its own) */
} nparse;

/* A number-word reading of token i with exactly the clitics in `need`
** (0 or CONJ), optionally also the article. */
static const rasd__tword *numw(const rasd_doc *d, uint32_t i, uint8_t need, int art, uint32_t sent) {
  if (i >= d->ntoks || d->toks[i].sent != sent || d->toks[i].kind != RASD_TOK_WORD) return NULL;
  uint8_t cl = 0;
  const rasd__tword *w = rasd__tl_tok(d, i, RASD__TW_NUM, need | (art ? RASD_CL_ART : 0), &cl);
  if (!w || (cl & ~RASD_CL_ART) != need) return NULL;
  return w;
}

/* A scale word after a count: ثلاثة آلاف، 60 ألفاً (the accusative ألفا reads
** as a dual on its own, ألفا عنصر = 2000, but multiplies after a count). */
static double scale_of(const rasd__tword *w) { return w->ncls == RASD__NW_SCALEDUAL ? w->nval / 2 : w->nval; }

static int is_unit10(const rasd__tword *w) { return w && w->ncls == RASD__NW_UNIT && w->nval == 10; }

/* 1 and *val = the value of digits token i; 0 for times, dates and anything
** else with : or / (13:31, 27/11/2020, 2021.05.01) or glued to a dash.  Dots
** between 3-digit groups are thousands separators (75.000, 1.500.000), as
** many papers write them. */
static int plain_digits(const rasd_doc *d, uint32_t i, double *val) {
  uint32_t n;
  const char *k = rasd_tok_key(d, i, &n);
  int dots = 0, run = 0, grp3 = 1;
  double all = 0;
  for (uint32_t j = 0; j < n; j++) {
    if (k[j] == ':' || k[j] == '/') return 0;
    if (k[j] == '.') {
      if (dots && run != 3) grp3 = 0;
      dots++;
      run = 0;
    } else if (k[j] >= '0' && k[j] <= '9') {
      all = all * 10 + (k[j] - '0');
      run++;
    }
  }
  if (dots && run != 3) grp3 = 0;
  *val = d->toks[i].num;
  if (dots && grp3) *val = all;
  else if (dots > 1) return 0;
  /* a dash glued to digits: 2021-05-01, 10-15 (dates and ranges) */
  if (i + 1 < d->ntoks && !(d->toks[i + 1].flags & RASD_TOKF_SPACE_BEFORE) && d->toks[i + 1].key_len == 1 &&
      d->keys[d->toks[i + 1].key] == '-' && i + 2 < d->ntoks && d->toks[i + 2].kind == RASD_TOK_NUM &&
      !(d->toks[i + 2].flags & RASD_TOKF_SPACE_BEFORE))
    return 0;
  if (i >= 2 && !(d->toks[i].flags & RASD_TOKF_SPACE_BEFORE) && d->toks[i - 1].key_len == 1 &&
      d->keys[d->toks[i - 1].key] == '-' && d->toks[i - 2].kind == RASD_TOK_NUM &&
      !(d->toks[i - 1].flags & RASD_TOKF_SPACE_BEFORE))
    return 0;
  return 1;
}

/* Parse a number starting at token i.  Returns 1 and fills *np. */
static int parse_number(const rasd_doc *d, uint32_t i, nparse *np) {
  const rasd_token *t = &d->toks[i];
  uint32_t sent = t->sent;
  memset(np, 0, sizeof *np);
  if (t->kind == RASD_TOK_NUM) {
    if (!plain_digits(d, i, &np->v)) return 0;
    np->end = i + 1;
    const rasd__tword *s = numw(d, i + 1, 0, 0, sent);
    if (s && (s->ncls == RASD__NW_SCALE || s->ncls == RASD__NW_SCALEPL || s->ncls == RASD__NW_SCALEDUAL)) {
      np->v *= scale_of(s);
      np->end = i + 2;
      np->scaled = 1;
    }
    return 1;
  }
  if (t->kind != RASD_TOK_WORD) return 0;
  uint8_t cl = 0;
  const rasd__tword *w = rasd__tl_tok(d, i, RASD__TW_NUM | RASD__TW_UNIT, ALLOW_FIRST | RASD_CL_ART, &cl);
  if (!w) return 0;
  if (!w->ncls) {
    /* a dual noun counts 2 on its own */
    if (w->uform != RASD__NU_DUAL || (cl & RASD_CL_ART)) return 0;
    np->v = 2;
    np->end = i + 1;
    np->dual_noun = 1;
    np->noun = w;
    return 1;
  }
  /* عشر after an ordinal: القرن التاسع عشر */
  if (is_unit10(w) && i > 0 && d->toks[i - 1].sent == sent) {
    const rasd__tword *o = rasd__tl_tok(d, i - 1, RASD__TW_NUM, RASD_CL_CONJ | RASD_CL_PREP, NULL);
    if (o && o->ncls == RASD__NW_ORDINAL) return 0;
  }
  if (w->ncls == RASD__NW_ORDINAL) return 0;
  /* the article only on vague plurals: العشرات، الآلاف (not المئة of في المئة) */
  if ((cl & RASD_CL_ART) && w->ncls != RASD__NW_VAGUE && w->ncls != RASD__NW_SCALEPL) return 0;
  double total = 0, cur = 0;
  int last = w->ncls;
  uint32_t j = i + 1;
  switch (w->ncls) {
  case RASD__NW_UNIT:
    cur = w->nval;
    if (w->nval < 10) {
      const rasd__tword *x = numw(d, j, 0, 0, sent);
      if (is_unit10(x)) { cur += 10; j++; last = RASD__NW_TEN; }
      else if (x && x->ncls == RASD__NW_HUNDRED && x->nval == 100 && w->nval >= 3) {
        cur *= 100; j++; last = RASD__NW_HUNDRED;
      }
    }
    break;
  case RASD__NW_TEENHEAD:
    if (!is_unit10(numw(d, j, 0, 0, sent))) return 0;
    cur = w->nval + 10;
    j++;
    last = RASD__NW_TEN;
    break;
  case RASD__NW_TEN:
  case RASD__NW_HUNDRED:
    cur = w->nval;
    break;
  case RASD__NW_SCALE:
  case RASD__NW_SCALEDUAL:
    total = w->nval;
    break;
  case RASD__NW_SCALEPL:
  case RASD__NW_VAGUE: {
    total = w->nval;
    np->vague = 1;
    /* عشرات الآلاف، مئات الآلاف */
    const rasd__tword *x = numw(d, j, 0, 1, sent);
    if (x && (x->ncls == RASD__NW_SCALE || x->ncls == RASD__NW_SCALEPL)) {
      total *= x->nval;
      j++;
    }
    np->v = total;
    np->end = j;
    return 1;
  }
  default:
    return 0;
  }
  /* continuation: a scale without و, or و + a smaller part */
  for (;;) {
    const rasd__tword *x = numw(d, j, 0, 0, sent);
    if (x && (x->ncls == RASD__NW_SCALE || x->ncls == RASD__NW_SCALEPL || x->ncls == RASD__NW_SCALEDUAL) && cur > 0 &&
        (last == RASD__NW_UNIT || last == RASD__NW_TEN || last == RASD__NW_HUNDRED)) {
      total += cur * scale_of(x);
      cur = 0;
      last = RASD__NW_SCALE;
      j++;
      continue;
    }
    x = numw(d, j, RASD_CL_CONJ, 0, sent);
    if (!x) break;
    int big = last == RASD__NW_SCALE || last == RASD__NW_SCALEPL || last == RASD__NW_SCALEDUAL;
    if (x->ncls == RASD__NW_TEN && last == RASD__NW_UNIT) {
      cur += x->nval;
      last = RASD__NW_TEN;
      j++;
    } else if ((x->ncls == RASD__NW_UNIT || x->ncls == RASD__NW_TEN) && (big || last == RASD__NW_HUNDRED)) {
      cur += x->nval;
      last = x->ncls;
      j++;
      if (x->ncls == RASD__NW_UNIT && x->nval < 10 && is_unit10(numw(d, j, 0, 0, sent))) {
        cur += 10;
        last = RASD__NW_TEN;
        j++;
      }
    } else if (x->ncls == RASD__NW_TEENHEAD && (big || last == RASD__NW_HUNDRED) &&
               is_unit10(numw(d, j + 1, 0, 0, sent))) {
      cur += x->nval + 10;
      last = RASD__NW_TEN;
      j += 2;
    } else if (x->ncls == RASD__NW_HUNDRED && big) {
      cur += x->nval;
      last = RASD__NW_HUNDRED;
      j++;
    } else
      break;
  }
  np->v = total + cur;
  np->end = j;
  return np->v > 0;
}

/* The counted noun at token j (behind "من" or a filler word); sets *unit_tok. */
static const rasd__tword *counted_noun(const rasd_doc *d, uint32_t j, uint32_t sent, uint32_t *unit_tok) {
  for (int skip = 0; skip < 2 && j < d->ntoks && d->toks[j].sent == sent; skip++, j++) {
    uint8_t cl = 0;
    const rasd__tword *w = rasd__tl_tok(d, j, RASD__TW_UNIT, RASD_CL_ART, &cl);
    if (!w && skip) w = rasd__tl_unit_enc(d, j); /* 200 من عناصرها */
    if (!w) return NULL;
    if (w->unit) {
      *unit_tok = j;
      return w;
    }
    if (cl) return NULL; /* من / آخرين are read bare */
  }
  return NULL;
}

static rasd_number *push_num(rasd_doc *d, uint32_t *cap) {
  if (d->nnums == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 32;
    d->nums = rasd_arena_grow(d->arena, d->nums, *cap, nc, sizeof(rasd_number));
    *cap = nc;
  }
  rasd_number *n = &d->nums[d->nnums++];
  memset(n, 0, sizeof *n);
  return n;
}

void rasd_num_find(rasd_doc *d) {
  rasd__tl_init();
  uint32_t cap = 0;
  uint32_t prev_end = 0; /* tokens before this belong to an earlier number */
  d->nnums = 0;
  d->nums = NULL;
  for (uint32_t i = 0; i < d->ntoks; i++) {
    const rasd_token *t = &d->toks[i];
    if (t->kind != RASD_TOK_NUM && (t->kind != RASD_TOK_WORD || rasd__tl_none(d, i))) continue;
    nparse np;
    if (!parse_number(d, i, &np)) continue;
    uint32_t sent = t->sent;
    /* الساعة 10، رقم 5، المادة 3: not counts */
    if (i > 0 && d->toks[i - 1].sent == sent) {
      const rasd__tword *b = rasd__tl_tok(d, i - 1, RASD__TW_UNIT, RASD_CL_CONJ | RASD_CL_PREP, NULL);
      if (b && b->uform == RASD__NU_BLOCK) {
        i = np.end - 1;
        continue;
      }
    }
    /* qualifier before: the longest phrase ending right before i */
    int qual = RASD_Q_EXACT;
    uint32_t begin = i;
    for (uint32_t s = i > 5 ? i - 5 : 0; s < i; s++) {
      if (s < prev_end || d->toks[s].sent != sent) continue;
      uint32_t e;
      const rasd__tphrase *p = rasd__tl_phrase(d, s, RASD__PT_QUAL, 0, ALLOW_FIRST, &e);
      if (p && !p->b && e == i) {
        qual = p->a;
        begin = s;
        break;
      }
    }
    /* the counted noun */
    const rasd__tword *noun = np.noun;
    uint32_t unit_tok = i, end = np.end;
    if (!noun) {
      noun = counted_noun(d, np.end, sent, &unit_tok);
      if (noun) end = unit_tok + 1;
    }
    /* a bare year is not a count */
    if (t->kind == RASD_TOK_NUM && !np.scaled && !noun && qual == RASD_Q_EXACT && np.v >= 1900 && np.v <= 2100 &&
        np.v == (double)(long)np.v)
      continue;
    /* qualifier after: 5 قتلى على الأقل */
    if (end < d->ntoks && d->toks[end].sent == sent) {
      uint32_t e;
      const rasd__tphrase *p = rasd__tl_phrase(d, end, RASD__PT_QUAL, 0, 0, &e);
      if (p && p->b) {
        if (qual == RASD_Q_EXACT) qual = p->a;
        end = e;
      }
    }
    rasd_number *n = push_num(d, &cap);
    n->tok_begin = begin;
    n->tok_end = end;
    n->start = d->toks[begin].start;
    n->end = d->toks[end - 1].end;
    n->value = np.v;
    n->qual = (uint8_t)qual;
    n->vague = np.vague;
    if (noun) {
      n->unit = noun->unit;
      n->unit_start = d->toks[unit_tok].start;
      n->unit_end = d->toks[unit_tok].end;
    }
    prev_end = end;
    i = end - 1;
  }
}
