/*
** code/dedup.c -- one happening told twice in an article is one record.
**
** Two events are the same happening when they have the same category and
** background flag, their dates are compatible (within a day, or one only
** known to the week), their places agree (same resolved place, or one has
** none), their counts and sizes do not contradict, and at least one thing
** ties them positively: the same place, an actor or recipient in common,
** the same count, or one comes from the headline.  The later report is
** folded into the earlier one, filling what it lacks.  A headline event
** that ties to nothing is dropped when the article has a body: headlines
** repeat the lead in other words.
*/
#include <string.h>

#include "evt.h"

static int same_party(const rasd_actor *a, int na, const rasd_actor *b, int nb) {
  for (int i = 0; i < na; i++)
    for (int j = 0; j < nb; j++) {
      if (a[i].entity_name && b[j].entity_name && !strcmp(a[i].entity_name, b[j].entity_name)) return 1;
    }
  return 0;
}

static int aerial(const rasd_event *e) {
  for (int i = 0; i < RASD_MAX_MODES && e->mode[i]; i++)
    if (!strcmp(e->mode[i], "aerial") || !strcmp(e->mode[i], "drone")) return 1;
  return 0;
}

static int count_clash(int32_t a, int32_t b) { return a >= 0 && b >= 0 && a != b; }

static int place_of(const rasd_doc *d, const rasd_event *e) {
  return e->place >= 0 && (uint32_t)e->place < d->nplaces && d->places[e->place].entry >= 0 ? e->place : -1;
}

static int same_place(const rasd_doc *d, const rasd_event *a, const rasd_event *b, int *tie) {
  int pa = place_of(d, a), pb = place_of(d, b);
  if (pa < 0 || pb < 0) return 1;
  const rasd_place *x = &d->places[pa], *y = &d->places[pb];
  if (x->entry == y->entry || (x->name && y->name && !strcmp(x->name, y->name))) {
    *tie = 1;
    return 1;
  }
  /* a region and a town inside it (الضفة الغربية، بلدة بيت أمر): compatible, no tie by itself */
  if (x->geo_precision == 3 && y->geo_precision < 3 && x->admin1 && y->admin1 && !strcmp(x->admin1, y->admin1)) return 1;
  if (y->geo_precision == 3 && x->geo_precision < 3 && x->admin1 && y->admin1 && !strcmp(x->admin1, y->admin1)) return 1;
  return 0;
}

static int dates_ok(const rasd_event *a, const rasd_event *b) {
  if (a->day == RASD_NO_DAY || b->day == RASD_NO_DAY) return 1;
  if (a->date_prec != RASD_PREC_DAY || b->date_prec != RASD_PREC_DAY) return 1;
  int32_t dd = a->day - b->day;
  return dd >= -1 && dd <= 1;
}

static void fold(rasd_doc *d, rasd_event *a, const rasd_event *b) {
  if (place_of(d, a) < 0 && place_of(d, b) >= 0) a->place = b->place;
  else if (place_of(d, a) >= 0 && place_of(d, b) >= 0 &&
           d->places[b->place].geo_precision < d->places[a->place].geo_precision)
    a->place = b->place; /* the more specific place */
  if (a->date_prec != RASD_PREC_DAY && b->date_prec == RASD_PREC_DAY) {
    a->day = b->day;
    a->day_end = b->day_end;
    a->date_prec = b->date_prec;
  }
  if (!a->nactor && b->nactor) { memcpy(a->actor, b->actor, sizeof a->actor); a->nactor = b->nactor; }
  if (!a->nrecipient && b->nrecipient) {
    memcpy(a->recipient, b->recipient, sizeof a->recipient);
    a->nrecipient = b->nrecipient;
  }
  if (a->dead < 0 && b->dead >= 0) { a->dead = b->dead; a->dead_qual = b->dead_qual; }
  if (a->injured < 0) a->injured = b->injured;
  if (a->arrested < 0) a->arrested = b->arrested;
  if (a->size_n < 0 && b->size_n >= 0) { a->size_n = b->size_n; a->size_unit = b->size_unit; a->size_approx = b->size_approx; }
  for (int i = 0; i < RASD_MAX_MODES && b->mode[i]; i++) {
    int k = 0, seen = 0;
    for (; k < RASD_MAX_MODES && a->mode[k]; k++) seen |= !strcmp(a->mode[k], b->mode[i]);
    if (!seen && k < RASD_MAX_MODES) a->mode[k] = b->mode[i];
  }
  if (!a->acled_type && b->acled_type) { a->acled_type = b->acled_type; a->acled_subtype = b->acled_subtype; }
  if (b->confidence > a->confidence) a->confidence = b->confidence;
  /* a headline event takes the body's sentence and trigger */
  if (a->sent < d->nsents && d->sents[a->sent].is_title && b->sent < d->nsents && !d->sents[b->sent].is_title) {
    a->sent = b->sent;
    a->trig_start = b->trig_start;
    a->trig_end = b->trig_end;
  }
  rasd__evt_explain(d, a, "rule: merged a second report of the same happening (sentence %u)", b->sent + 1);
}

uint32_t rasd__evt_dedup(rasd_doc *d, rasd_event *ev, uint32_t n) {
  uint8_t *gone = rasd_arena_alloc(d->arena, n + 1);
  uint8_t *tied = rasd_arena_alloc(d->arena, n + 1);
  uint32_t body = 0;
  for (uint32_t i = 0; i < d->nsents; i++) body += !d->sents[i].is_title;
  for (uint32_t i = 0; i < n; i++) {
    if (gone[i]) continue;
    for (uint32_t j = i + 1; j < n; j++) {
      if (gone[j]) continue;
      rasd_event *a = &ev[i], *b = &ev[j];
      if (strcmp(a->event, b->event) || a->background != b->background) continue;
      if (!dates_ok(a, b)) continue;
      int tie = 0, place_tie = 0;
      if (!same_place(d, a, b, &place_tie)) continue;
      if (count_clash(a->dead, b->dead) || count_clash(a->injured, b->injured) ||
          count_clash(a->arrested, b->arrested) || count_clash(a->size_n, b->size_n))
        continue;
      /* one sentence told an air strike and ground fighting apart (assemble.c, theatre) */
      if (a->sent == b->sent && aerial(a) != aerial(b)) continue;
      if (a->sent == b->sent) tie = 1;
      /* a later sentence with no place and no date of its own goes on with the report
         of the same place (وتابع المصدر أن ...، أصيب ...) */
      if (place_tie && b->place_inherited && b->date_prec == RASD_PREC_WEEK && a->date_prec == RASD_PREC_DAY) tie = 1;
      if (same_party(a->actor, a->nactor, b->actor, b->nactor)) tie = 1;
      if (same_party(a->recipient, a->nrecipient, b->recipient, b->nrecipient)) tie = 1;
      if ((a->dead >= 0 && a->dead == b->dead) || (a->size_n >= 0 && a->size_n == b->size_n)) tie = 1;
      int ta = a->sent < d->nsents && d->sents[a->sent].is_title;
      int tb = b->sent < d->nsents && d->sents[b->sent].is_title;
      if (ta || tb) tie = 1;
      if (!tie) continue;
      fold(d, a, b);
      gone[j] = 1;
      tied[i] = 1;
    }
  }
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (gone[i]) continue;
    if (!tied[i] && body >= 3 && ev[i].sent < d->nsents && d->sents[ev[i].sent].is_title) continue;
    if (k != i) ev[k] = ev[i];
    k++;
  }
  return k;
}
