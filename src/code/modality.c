/*
** code/modality.c -- which trigger hits are reported as having happened.
**
** News language codes an act only when it is told as done (or being done):
**   negation      لم، لن، لا، ليس + the trigger within two words, or a negated
**                 speech verb and what it reports (لم يؤكد الجيش مقتل...);
**   future        سوف / من المقرر / the prefix س on the trigger verb itself,
**                 up to the end of the clause;
**   condition     إذا، لو، في حال up to the end of the clause;
**   plans         يعتزم، تخطط، يسعى ل within the clause;
**   denial        نفى، نفت, anywhere before the trigger in the sentence;
**   governed      هدد بـ، طالب بـ، وقف، منع، أدان... right before an event
**                 noun: the act is threatened, demanded, condemned, not told;
**   habitual      عادة، غالبا before an imperfect verb;
**   statements    the content of a statement trigger (اتهم X بقتل، هدد
**                 بقصف، طالب بوقف القصف) is not a second event;
**   reference     غداة، في أعقاب، عقب، على خلفية، بشأن، يتعلق بـ: the rest of
**                 the clause names an act known already (the news is elsewhere);
**   accident      casualty words in a clause that names a disaster or an
**                 accident (زلزال، حادث سير، حريق) report no violence;
**   state         a "perfect" row read in the imperfect (تسيطر عليها) is a
**                 state, not an event;
**   consequence   وأسفر عن، ما أدى إلى مقتل: casualties told as the outcome of
**                 an act that was taken out of the report go with it;
**   totals        casualties counted "since" a starting point (منذ الاجتياح) are
**                 a toll, not one event;
**   judicial      an execution told with a court, a sentence, a prison or
**                 hanging (حكم، محكمة، شنقا) is a sentence carried out.
** A blocked hit keeps the cue kind in hit->blocked (for --explain).
*/
#include <string.h>

#include "evt.h"

static int clause_break_between(const rasd__hits *h, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++)
    if (rasd__evt_brk(h, i)) return 1;
  return 0;
}

/* 1 when a consequence verb (أسفر، أدى، أوقع، خلف، تسبب, with و/ما/مما before
** it as a word or a clitic) stands in the four words before token i. */
static int consequence_before(const rasd_doc *d, uint32_t i) {
  static const char *const v[] = {
      "\xd8\xa7\xd8\xb3\xd9\x81\xd8\xb1", "\xd8\xa7\xd8\xb3\xd9\x81\xd8\xb1\xd8\xaa", /* اسفر اسفرت */
      "\xd8\xa7\xd8\xaf\xd9\x8a", "\xd8\xa7\xd8\xaf\xd8\xaa",                               /* ادي ادت */
      "\xd8\xa7\xd9\x88\xd9\x82\xd8\xb9", "\xd8\xa7\xd9\x88\xd9\x82\xd8\xb9\xd8\xaa", /* اوقع اوقعت */
      "\xd8\xae\xd9\x84\xd9\x81", "\xd8\xae\xd9\x84\xd9\x81\xd8\xaa",                     /* خلف خلفت */
      "\xd8\xaa\xd8\xb3\xd8\xa8\xd8\xa8", "\xd8\xaa\xd8\xb3\xd8\xa8\xd8\xa8\xd8\xaa"}; /* تسبب تسببت */
  for (uint32_t j = i > 4 ? i - 4 : 0; j < i; j++) {
    if (d->toks[j].kind != RASD_TOK_WORD) continue;
    const char *k = d->keys + d->toks[j].key;
    uint32_t n = d->toks[j].key_len, o = 0;
    if (n > 2 && (!memcmp(k, "\xd9\x88", 2) || !memcmp(k, "\xd9\x81", 2))) o = 2; /* و ف */
    for (size_t q = 0; q < sizeof v / sizeof *v; q++) {
      size_t vn = strlen(v[q]);
      if (n - o == vn && !memcmp(k + o, v[q], vn)) return 1;
    }
  }
  return 0;
}

/* منذ after the casualty word tr in its clause, not followed by a span of time
** (a number, يوم/أيام/ساعات/أسبوع/أسابيع/شهر/أشهر/سنوات...). */
static int since_total(const rasd_doc *d, const rasd__hits *h, const rasd__hit *tr) {
  static const char *const span[] = {
      "\xd9\x8a\xd9\x88\xd9\x85", "\xd9\x8a\xd9\x88\xd9\x85\xd9\x8a\xd9\x86",             /* يوم يومين */
      "\xd8\xa7\xd9\x8a\xd8\xa7\xd9\x85", "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xa7\xd8\xaa",   /* ايام ساعات */
      "\xd8\xb3\xd8\xa7\xd8\xb9\xd9\x87", "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xaa\xd9\x8a\xd9\x86", /* ساعه ساعتين */
      "\xd8\xa7\xd8\xb3\xd8\xa8\xd9\x88\xd8\xb9", "\xd8\xa7\xd8\xb3\xd8\xa8\xd9\x88\xd8\xb9\xd9\x8a\xd9\x86", /* اسبوع اسبوعين */
      "\xd9\x84\xd9\x8a\xd9\x84\xd9\x87", "\xd9\x82\xd9\x84\xd9\x8a\xd9\x84",             /* ليله قليل */
      "\xd8\xa7\xd9\x84\xd8\xb5\xd8\xa8\xd8\xa7\xd8\xad", "\xd9\x81\xd8\xac\xd8\xb1"};  /* الصباح فجر */
  uint32_t cb, ce;
  rasd__evt_clause(d, h, tr->tb, &cb, &ce);
  for (uint32_t i = tr->te; i < ce && i < tr->te + 12; i++) {
    if (!rasd__evt_tok_is(d, i, "\xd9\x85\xd9\x86\xd8\xb0")) continue; /* منذ */
    if (i + 1 >= ce || d->toks[i + 1].kind != RASD_TOK_WORD) return 0;
    for (size_t k = 0; k < sizeof span / sizeof *span; k++)
      if (rasd__evt_tok_is(d, i + 1, span[k])) return 0;
    for (uint32_t n = 0; n < d->nnums; n++)
      if (d->nums[n].tok_begin == i + 1) return 0;
    return 1;
  }
  return 0;
}

void rasd__evt_modality(const rasd_lex *lex, const rasd_doc *d, uint32_t sb, uint32_t se, rasd__hits *h) {
  (void)sb;
  (void)se;
  for (uint32_t t = 0; t < h->ntrig; t++) {
    rasd__hit *tr = &h->trig[t];
    const rasd__trig *row = &lex->trig[tr->row];
    if ((row->flags & RASD__TF_VERB) && (tr->clitics & RASD_CL_FUT)) {
      tr->blocked = RASD__CUE_FUTURE;
      continue;
    }
    if ((row->flags & RASD__TF_PERFECT) && tr->imperfect) {
      tr->blocked = RASD__CUE_GENERIC;
      continue;
    }
    /* قتل 3000 جندي منذ الاجتياح، منذ بداية العام: a toll counted from a starting point
       is a total, not one event (منذ يومين "two days ago" dates one) */
    if ((row->flags & (RASD__TF_DEAD | RASD__TF_INJURED)) && since_total(d, h, tr)) {
      tr->blocked = RASD__CUE_BG;
      continue;
    }
    /* accidents and judicial executions: cues anywhere in the clause (before or after) */
    if (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED | RASD__TF_EXEC)) {
      uint32_t cb, ce;
      rasd__evt_clause(d, h, tr->tb, &cb, &ce);
      for (uint32_t c = 0; c < h->ncue && !tr->blocked; c++) {
        const rasd__hit *cu = &h->cue[c];
        int k = lex->cue[cu->row].kind;
        if (k == RASD__CUE_ACCIDENT && (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED)) && cu->tb >= cb && cu->tb < ce)
          tr->blocked = RASD__CUE_ACCIDENT;
        /* the sentence: "صدرت أحكام ...، وأعدم" */
        if (k == RASD__CUE_JUDICIAL && (row->flags & RASD__TF_EXEC)) tr->blocked = RASD__CUE_JUDICIAL;
      }
      if (tr->blocked) continue;
    }
    for (uint32_t c = 0; c < h->ncue && !tr->blocked; c++) {
      const rasd__hit *cu = &h->cue[c];
      if (cu->te > tr->tb) break; /* cues are in text order: only those before the trigger */
      uint32_t gap = tr->tb - cu->te;
      int same_clause = !clause_break_between(h, cu->te, tr->tb);
      switch (lex->cue[cu->row].kind) {
      case RASD__CUE_NEG:
        if (gap <= 2) tr->blocked = RASD__CUE_NEG;
        /* لم يؤكد الجيش مقتل...: a negated statement takes its content with it */
        for (uint32_t c2 = c + 1; c2 < h->ncue && !tr->blocked; c2++) {
          const rasd__hit *sp = &h->cue[c2];
          int k2 = lex->cue[sp->row].kind;
          if (sp->tb > cu->te + 1 || sp->te > tr->tb) break;
          if ((k2 == RASD__CUE_SPEECH || k2 == RASD__CUE_SOURCE) && same_clause && tr->tb - sp->te <= 8)
            tr->blocked = RASD__CUE_NEG;
        }
        break;
      case RASD__CUE_FUTURE:
      case RASD__CUE_HYPO:
        if (same_clause && gap <= 8) tr->blocked = lex->cue[cu->row].kind;
        break;
      case RASD__CUE_PLAN:
        if (same_clause && gap <= 2) tr->blocked = RASD__CUE_PLAN;
        break;
      case RASD__CUE_DENY:
        if (gap <= 12) tr->blocked = RASD__CUE_DENY;
        break;
      case RASD__CUE_GOVERN:
        if (gap <= 2 && same_clause) tr->blocked = RASD__CUE_GOVERN;
        break;
      case RASD__CUE_REF:
        if (same_clause && gap <= 12) tr->blocked = RASD__CUE_REF;
        break;
      case RASD__CUE_GENERIC:
        if (same_clause && gap <= 4 && (tr->imperfect || (row->flags & RASD__TF_NOUN))) tr->blocked = RASD__CUE_GENERIC;
        break;
      default:
        break;
      }
    }
    /* وأسفر عن، ما أدى إلى، أوقع: a consequence clause goes with the act it follows;
       when that act was taken out of the report (a reference, a statement's content),
       so are its casualties */
    if (!tr->blocked && t > 0 && h->trig[t - 1].blocked && consequence_before(d, tr->tb))
      tr->blocked = h->trig[t - 1].blocked;
    /* the content of an earlier statement trigger in the same clause */
    for (uint32_t p = 0; p < t && !tr->blocked; p++) {
      const rasd__hit *pr = &h->trig[p];
      const rasd__trig *prow = &lex->trig[pr->row];
      if (!(prow->flags & RASD__TF_SPEECH) || pr->blocked) continue;
      if (row->flags & RASD__TF_SPEECH) continue;
      if (tr->tb - pr->te <= 6 && !clause_break_between(h, pr->te, tr->tb)) tr->blocked = RASD__CUE_GOVERN;
    }
  }
}
