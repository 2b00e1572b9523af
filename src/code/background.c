/*
** code/background.c -- is an event news, or history the article recalls?
**
** GUIDE.md: background = told as history: dated more than about a week
** before publication, or undated context ("since the start of the year",
** "the attacks have increased"), typically after سبق أن، وكان ... قد، يشار
** إلى أن، منذ، في وقت سابق.  A recent event told as context ("وكانت ... قد
** استهدفت صباح اليوم") stays news.  Order of the rules:
**   1. the event's own date: start (or, for month/year spans, end) more
**      than RECENT_DAYS before publication -> background; within -> news;
**   2. no date of its own: a recent-time cue in the sentence (اليوم، أمس،
**      الآن) -> news; a history cue before the trigger (سبق أن، في وقت
**      سابق، منذ) or the pluperfect كان ... قد -> background;
**   3. trend nouns (ازدياد الهجمات) -> background (undated context).
*/
#include "evt.h"

#define RECENT_DAYS 7

static int is_kana(const rasd_doc *d, uint32_t i) {
  static const char *const forms[] = {"\xd9\x83\xd8\xa7\xd9\x86",                  /* كان */
                                      "\xd9\x88\xd9\x83\xd8\xa7\xd9\x86",          /* وكان */
                                      "\xd9\x83\xd8\xa7\xd9\x86\xd8\xaa",          /* كانت */
                                      "\xd9\x88\xd9\x83\xd8\xa7\xd9\x86\xd8\xaa",  /* وكانت */
                                      "\xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd8\xa7",  /* كانوا */
                                      "\xd9\x88\xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd8\xa7"}; /* وكانوا */
  for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
    if (rasd__evt_tok_is(d, i, forms[k])) return 1;
  return 0;
}

void rasd__evt_background(const rasd_lex *lex, const rasd_doc *d, const rasd__hits *h, uint32_t sb, uint32_t se,
                          const rasd__hit *trig, int own_date, int sib_bg, rasd_event *ev) {
  (void)se;
  ev->background = 0;
  if (own_date && d->pub_day != RASD_NO_DAY && ev->day != RASD_NO_DAY) {
    int32_t ref = ev->day;
    if ((ev->date_prec == RASD_PREC_MONTH || ev->date_prec == RASD_PREC_YEAR) && ev->day_end != RASD_NO_DAY)
      ref = ev->day_end;
    if (ref < d->pub_day - RECENT_DAYS) {
      ev->background = 1;
      rasd__evt_explain((rasd_doc *)d, ev, "rule: background (dated more than %d days before publication)",
                        RECENT_DAYS);
    }
    return;
  }
  int recent = 0, history = 0;
  for (uint32_t c = 0; c < h->ncue; c++) {
    uint8_t k = lex->cue[h->cue[c].row].kind;
    if (k == RASD__CUE_RECENT) recent = 1;
    if (k == RASD__CUE_BG && h->cue[c].te <= trig->tb + 1) history = 1;
  }
  /* pluperfect: (و)كان ... قد + verb */
  for (uint32_t i = sb; i < trig->tb && !history; i++) {
    if (!is_kana(d, i)) continue;
    for (uint32_t j = i + 1; j < trig->tb && j < i + 8; j++)
      if (rasd__evt_tok_is(d, j, "\xd9\x82\xd8\xaf")) history = 1; /* قد */
  }
  if (lex->trig[trig->row].flags & RASD__TF_TREND) history = 1;
  /* told in the same sentence as an event dated in the past: the same past */
  if (!history && sib_bg) history = 1;
  if (history && !recent) {
    ev->background = 1;
    rasd__evt_explain((rasd_doc *)d, ev, "rule: background (history cue, no recent date)");
  }
}
