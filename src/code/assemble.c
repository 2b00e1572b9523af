/*
** code/assemble.c -- rasd_code_doc: from trigger hits to event records.
**
** Per sentence: hits (trigger.c) -> modality (modality.c) -> one event per
** PLOVER category, fed by every reported trigger of that category in the
** sentence ("قصف ... ما أدى إلى مقتل 5" is one ASSAULT with dead = 5).  For
** each event:
**   strength  a trigger is kept when strong (a verb or a specific noun), or
**             when weak but supported by a count, a date, a place or an actor;
**   counts    the number a casualty word governs (مقتل 5، 28 شخصا قتلوا),
**             numbers counting killed/injured people; size = forces/objects
**             counted after a MOBILIZE/COERCE trigger;
**   parties   speakers (أعلنت الشرطة) are left out; agent cues (من قبل، شنه،
**             بقصف لـ) and target cues (ضد، على، استهدف) decide roles; else
**             the subject before the verb, or the first actor after it, acts
**             and the next one receives; a casualty word's actors are its
**             victims; a clause-initial verb with no subject takes the actor
**             of the previous event (كذلك أرسلت ...);
**   place     the most specific resolved place in the clause, else in the
**             sentence, else the previous event's place, else the article's
**             first resolved place;
**   date      the date expression nearest the trigger in the sentence, else
**             the publication date with precision "week" (GUIDE.md);
**   background, then in-article dedup (background.c, dedup.c).
** All arrays live in the document arena; nothing is kept between articles.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../text/text.h"
#include "evt.h"

void rasd__evt_explain(rasd_doc *d, rasd_event *ev, const char *fmt, ...) {
  if (ev->nexplain >= RASD_MAX_EXPLAIN) return;
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  ev->explain[ev->nexplain++] = rasd_arena_strndup(d->arena, buf, (size_t)n);
}

/* ---- numbers --------------------------------------------------------- */
typedef struct num {
  int32_t value;
  uint8_t qual, vague;
  const char *unit;
  uint32_t tb, te;
} num;

/* Numbers of the sentence: doc->nums, or bare digit tokens while the
** number stage finds none. */
static uint32_t sentence_nums(const rasd_doc *d, uint32_t sb, uint32_t se, num *out, uint32_t cap) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < d->nnums && k < cap; i++) {
    const rasd_number *n = &d->nums[i];
    if (n->tok_begin < sb || n->tok_begin >= se) continue;
    if (n->value < 0 || n->value > 1e7) continue;
    out[k++] = (num){(int32_t)(n->value + 0.5), n->qual, n->vague, n->unit, n->tok_begin, n->tok_end};
  }
  if (d->nnums == 0)
    for (uint32_t i = sb; i < se && k < cap; i++)
      if (d->toks[i].kind == RASD_TOK_NUM && d->toks[i].num >= 0 && d->toks[i].num < 1e7) {
        /* a year or a date part is not a count */
        if (d->toks[i].num >= 1900 && d->toks[i].num <= 2100) continue;
        out[k++] = (num){(int32_t)d->toks[i].num, RASD_Q_EXACT, 0, NULL, i, i + 1};
      }
  return k;
}

static int unit_is(const num *n, const char *u) { return n->unit && !strcmp(n->unit, u); }
static int unit_forces(const num *n) {
  static const char *const u[] = {"fighters", "soldiers", "vehicles"};
  for (size_t i = 0; i < sizeof u / sizeof *u; i++)
    if (unit_is(n, u[i])) return 1;
  return 0;
}
/* A count of people (victims, detainees); bare numbers only right after the word. */
static int unit_people(const num *n) {
  static const char *const u[] = {"people", "civilians", "children", "soldiers", "fighters", "detainees"};
  for (size_t i = 0; i < sizeof u / sizeof *u; i++)
    if (unit_is(n, u[i])) return 1;
  return 0;
}

/* ---- per-article state ------------------------------------------------ */
typedef struct coder {
  const rasd_lex *lex;
  rasd_doc *d;
  rasd_event *ev;
  uint32_t nev, cap;
  int32_t last_place;       /* place of the previous event */
  int32_t first_place;      /* first resolved place of the article */
  int32_t last;             /* index of the previous event (subject carry-over), -1 */
  int violent;              /* firm news of violence seen in an earlier sentence */
} coder;

static rasd_event *new_event(coder *c) {
  if (c->nev == c->cap) {
    uint32_t nc = c->cap ? c->cap * 2 : 16;
    c->ev = rasd_arena_grow(c->d->arena, c->ev, c->cap, nc, sizeof *c->ev);
    c->cap = nc;
  }
  rasd_event *e = &c->ev[c->nev++];
  memset(e, 0, sizeof *e);
  e->place = -1;
  e->dead = e->injured = e->arrested = -1;
  e->size_n = -1;
  e->day = e->day_end = RASD_NO_DAY;
  return e;
}

static void add_mode(rasd_event *e, const char *m) {
  if (!m) return;
  int k = 0;
  for (; k < RASD_MAX_MODES && e->mode[k]; k++)
    if (!strcmp(e->mode[k], m)) return;
  if (k < RASD_MAX_MODES) e->mode[k] = m;
}

static int cue_kind(const coder *c, const rasd__hits *h, uint32_t i) { return c->lex->cue[h->cue[i].row].kind; }

/* ---- parties ------------------------------------------------------------ */
enum { ROLE_NONE, ROLE_ACTOR, ROLE_RECIP, ROLE_SPEAKER };

static void push_party(rasd_actor *arr, uint8_t *n, const rasd_actor *a) {
  for (int i = 0; i < *n; i++)
    if (arr[i].start == a->start && arr[i].end == a->end) return;
  if (*n < RASD_MAX_PARTIES) arr[(*n)++] = *a;
}

/* 1 when ev has the PLOVER mode m. */
static int has_mode(const rasd_event *ev, const char *m) {
  for (int k = 0; k < RASD_MAX_MODES && ev->mode[k]; k++)
    if (!strcmp(ev->mode[k], m)) return 1;
  return 0;
}

/* A party the text leaves unnamed, spanning the trigger. */
static rasd_actor trigger_party(const rasd_event *ev, const rasd__hit *t, const char *name, const char *sector,
                                const char *rule) {
  rasd_actor a;
  memset(&a, 0, sizeof a);
  a.start = ev->trig_start;
  a.end = ev->trig_end;
  a.tok_begin = t->tb;
  a.tok_end = t->te;
  a.entity_name = name;
  a.sector = sector;
  a.entry = -1;
  a.rule = rule;
  return a;
}

/* Give ev an actor the text leaves unnamed. */
static void default_actor(rasd_doc *d, rasd_event *ev, const rasd__hit *t, const char *name, const char *sector,
                          const char *rule, const char *explain) {
  rasd_actor a = trigger_party(ev, t, name, sector, rule);
  push_party(ev->actor, &ev->nactor, &a);
  if (explain) rasd__evt_explain(d, ev, "%s", explain);
}


static int is_statement(const char *cat) {
  return !strcmp(cat, "ACCUSE") || !strcmp(cat, "REQUEST") || !strcmp(cat, "THREATEN") || !strcmp(cat, "REJECT") ||
         !strcmp(cat, "SUPPORT") || !strcmp(cat, "AGREE") || !strcmp(cat, "CONSULT") || !strcmp(cat, "SANCTION");
}

/* A casualty verb after its subject is passive (جنديان قتلا بانفجار، قتلوا في
** هجوم) unless an object follows it (القوات قتلت أربعة مسلحين): the next word,
** past time words, is a number or a bare noun. */
static int active_reading(const rasd_doc *d, const rasd__hit *t, uint32_t se) {
  if (!(d->toks[t->tb].kind == RASD_TOK_WORD) || t->te >= se) return 0;
  static const char *const skip[] = {"\xd8\xa7\xd9\x85\xd8\xb3",                         /* امس */
                                     "\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85",     /* اليوم */
                                     "\xd8\xa7\xd9\x8a\xd8\xb6\xd8\xa7",               /* ايضا */
                                     "\xd8\xa7\xd9\x88\xd9\x84", "\xd9\x85\xd9\x86"}; /* اول من */
  static const char *const passive_next[] = {"\xd9\x81\xd9\x8a", "\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1", /* في جراء */
                                             "\xd8\xa7\xd8\xab\xd8\xb1", "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84", /* اثر خلال */
                                             "\xd8\xb9\xd9\x86\xd8\xaf\xd9\x85\xd8\xa7", "\xd8\xb9\xd9\x84\xd9\x8a", /* عندما علي */
                                             "\xd9\x88\xd8\xa7\xd8\xb5\xd9\x8a\xd8\xa8"};                      /* واصيب */
  uint32_t j = t->te;
  for (int guard = 0; j < se && guard < 4; guard++) {
    int skipped = 0;
    for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
      if (rasd__evt_tok_is(d, j, skip[i])) skipped = 1;
    if (d->toks[j].kind == RASD_TOK_PUNCT && !(d->toks[j].flags & RASD_TOKF_QUOTE)) {
      const char *p = d->text + d->toks[j].start;
      if (*p == ',' || !memcmp(p, "\xd8\x8c", 2)) skipped = 1; /* ، أمس، */
      else return 0;
    }
    if (!skipped) break;
    j++;
  }
  if (j >= se) return 0;
  const rasd_token *n = &d->toks[j];
  if (n->kind == RASD_TOK_NUM) return 1;
  if (n->kind != RASD_TOK_WORD) return 0;
  for (size_t i = 0; i < sizeof passive_next / sizeof *passive_next; i++)
    if (rasd__evt_tok_is(d, j, passive_next[i])) return 0;
  const char *k = d->keys + n->key;
  if (n->key_len > 2 && (!memcmp(k, "\xd8\xa8", 2) || !memcmp(k, "\xd9\x88", 2))) return 0; /* بـ (agent/means), و (next clause) */
  return 1;
}

/* A number or another actor in tokens [b, e): an object after a subject. */
static int object_follows(const rasd_doc *d, uint32_t b, uint32_t e) {
  for (uint32_t i = 0; i < d->nnums; i++)
    if (d->nums[i].tok_begin >= b && d->nums[i].tok_begin < e && d->nums[i].tok_begin <= b + 2) return 1;
  for (uint32_t i = 0; i < d->nactors; i++)
    if (d->actors[i].tok_begin >= b && d->actors[i].tok_begin < e && d->actors[i].tok_begin <= b + 2) return 1;
  return 0;
}

/* The start of the first trigger hit in [b, e), else e. */
static uint32_t next_trigger(const rasd__hits *h, uint32_t b, uint32_t e) {
  for (uint32_t k = 0; k < h->ntrig; k++)
    if (h->trig[k].tb >= b && h->trig[k].tb < e) return h->trig[k].tb;
  return e;
}

/* A subject after a verb (VSO) is definite or named (قتلت القوات، قتل داعش); an
** indefinite noun right after a casualty verb is its victim (قتل جندي عراقي). */
static int definite_subject(const rasd_doc *d, const rasd_actor *x) {
  if (x->entry >= 0) return 1;
  const char *k = d->keys + d->toks[x->tok_begin].key;
  uint32_t n = d->toks[x->tok_begin].key_len, o = 0;
  if (n > 2 && (!memcmp(k, "\xd9\x88", 2) || !memcmp(k, "\xd9\x81", 2))) o = 2; /* و ف */
  return n > o + 4 && !memcmp(k + o, "\xd8\xa7\xd9\x84", 4);                     /* ال */
}

/* Assign the sentence's actors to ev around the trigger hit t. */
static void parties(coder *c, const rasd__hits *h, uint32_t sb, uint32_t se, const rasd__hit *t, rasd_event *ev,
                    int recip_only) {
  rasd_doc *d = c->d;
  const rasd__trig *row = &c->lex->trig[t->row];
  uint32_t cb, ce;
  rasd__evt_clause(d, h, t->tb, &cb, &ce);
  int statement = is_statement(row->cat);
  int victim_word = (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED | RASD__TF_ARRESTED)) != 0;
  int before_done = 0, after_seen = 0;
  /* the nearest actor before the trigger in its clause (subject of SVO) */
  int32_t subj = -1;
  for (uint32_t a = 0; a < d->nactors; a++) {
    const rasd_actor *x = &d->actors[a];
    if (x->tok_begin < sb || x->tok_begin >= se) continue;
    if (x->tok_end <= t->tb && x->tok_begin >= cb) subj = (int32_t)a;
  }
  for (uint32_t a = 0; a < d->nactors; a++) {
    const rasd_actor *x = &d->actors[a];
    if (x->tok_begin < sb || x->tok_begin >= se) continue;
    int role = ROLE_NONE;
    /* speakers: right after (or just before) a speech verb */
    int speaker = 0;
    for (uint32_t k = 0; k < h->ncue; k++) {
      if (cue_kind(c, h, k) != RASD__CUE_SPEECH && cue_kind(c, h, k) != RASD__CUE_SOURCE) continue;
      /* قال الجيش / أعلنت مصادر الشرطة; not the subject after إن/أن (قال مصدر إن جنديين قتلا) */
      if (x->tok_begin == h->cue[k].te ||
          (x->tok_begin == h->cue[k].te + 1 && !rasd__evt_tok_is(d, h->cue[k].te, "\xd8\xa7\xd9\x86")))
        speaker = 1;
      if (x->tok_end <= h->cue[k].tb && x->tok_end + 1 >= h->cue[k].tb) speaker = 1;
    }
    /* explicit cues right before the actor */
    int agent = 0, target = 0;
    for (uint32_t k = 0; k < h->ncue; k++) {
      int kind = cue_kind(c, h, k);
      if (h->cue[k].te <= x->tok_begin && x->tok_begin <= h->cue[k].te + 1 && kind == RASD__CUE_AGENT) agent = 1;
      /* استهدف نقطة تفتيش للشرطة: the target may be a few words on */
      if (h->cue[k].te <= x->tok_begin && x->tok_begin <= h->cue[k].te + 3 && kind == RASD__CUE_TARGET &&
          !rasd__evt_brk(h, h->cue[k].te))
        target = 1;
    }
    /* غارة روسية، ضربة جوية أميركية، قصف إسرائيلي: the attack noun composed with a
       nationality names its agent */
    int own_attack = 0;
    for (uint32_t k = 0; k < h->ntrig && !statement && !strcmp(row->cat, "ASSAULT"); k++)
      if (!h->trig[k].blocked && h->trig[k].tb >= x->tok_begin && h->trig[k].tb < x->tok_end &&
          !strcmp(c->lex->trig[h->trig[k].row].cat, row->cat) &&
          !(c->lex->trig[h->trig[k].row].flags & (RASD__TF_DEAD | RASD__TF_INJURED | RASD__TF_ARRESTED)))
        own_attack = 1;
    /* استعادت القوات القاعدة من (أيدي) المتمردين، طردوا المسلحين من: the side losing
       ground, after من, receives a control verb */
    int loser = 0;
    if ((row->flags & RASD__TF_PERFECT) && x->tok_begin > t->te && x->tok_begin < ce) {
      uint32_t p = x->tok_begin - 1;
      if (p > t->te && (rasd__evt_tok_is(d, p, "\xd8\xa7\xd9\x8a\xd8\xaf\xd9\x8a") ||  /* ايدي */
                        rasd__evt_tok_is(d, p, "\xd9\x82\xd8\xa8\xd8\xb6\xd9\x87") ||  /* قبضه */
                        rasd__evt_tok_is(d, p, "\xd8\xb3\xd9\x8a\xd8\xb7\xd8\xb1\xd9\x87"))) /* سيطره */
        p--;
      loser = rasd__evt_tok_is(d, p, "\xd9\x85\xd9\x86"); /* من */
    }
    if (loser && !speaker) {
      role = ROLE_RECIP;
    } else if (own_attack && !speaker) {
      role = ROLE_ACTOR;
    } else if (statement) {
      if (speaker || (x->tok_end <= t->tb && (int32_t)a == subj) ||
          (x->tok_begin >= t->te && x->tok_begin <= t->te + 1 && !before_done))
        role = ROLE_ACTOR;
      else if (x->tok_begin >= t->te && x->tok_begin < ce + 6)
        role = ROLE_RECIP;
      if (role == ROLE_ACTOR) before_done = 1;
    } else if (speaker && !agent && !target) {
      role = ROLE_SPEAKER;
    } else if (agent) {
      role = ROLE_ACTOR;
    } else if (target) {
      role = ROLE_RECIP;
    } else if (x->tok_begin >= cb && x->tok_end <= t->tb) {
      if ((int32_t)a == subj)
        role = victim_word && (row->flags & RASD__TF_PASSIVE) && !active_reading(d, t, se) ? ROLE_RECIP : ROLE_ACTOR;
    } else if (x->tok_begin >= t->te && x->tok_begin < ce) {
      uint32_t gap = x->tok_begin - t->te;
      if (victim_word && (row->flags & RASD__TF_VERB) && gap == 0 && !after_seen && subj < 0 &&
          object_follows(d, x->tok_end, next_trigger(h, x->tok_end, ce)) && definite_subject(d, x))
        role = ROLE_ACTOR; /* قتلت القوات أربعة مسلحين: verb, subject, object */
      else if (victim_word) role = gap <= 6 ? ROLE_RECIP : ROLE_NONE;
      else if (row->flags & RASD__TF_NOUN) role = gap <= 1 && !after_seen ? ROLE_ACTOR : ROLE_NONE;
      else if (!after_seen && subj < 0 && gap <= 3) role = ROLE_ACTOR;
      else if (gap <= 8) role = ROLE_RECIP;
      after_seen = 1;
    }
    if (recip_only && role != ROLE_RECIP) continue;
    if (role == ROLE_ACTOR) {
      /* one that another trigger of the event already took as its victim stays a victim */
      int victim = 0;
      for (int r = 0; r < ev->nrecipient; r++) victim |= ev->recipient[r].start == x->start;
      if (!victim) push_party(ev->actor, &ev->nactor, x);
    } else if (role == ROLE_RECIP) {
      int acting = 0;
      for (int r = 0; r < ev->nactor; r++) acting |= ev->actor[r].start == x->start;
      if (!acting) push_party(ev->recipient, &ev->nrecipient, x);
    }
    if (role == ROLE_ACTOR && agent && !statement) rasd__evt_explain(d, ev, "rule: agent after an agent cue (passive or by-phrase)");
    if (role == ROLE_SPEAKER) rasd__evt_explain(d, ev, "rule: speaker left out of the parties");
  }
  if (recip_only) return;
  /* omitted subject: a clause-initial verb carries the previous actor over */
  const rasd_event *last = c->last >= 0 ? &c->ev[c->last] : NULL;
  if (!ev->nactor && (row->flags & RASD__TF_VERB) && last && last != ev && last->nactor && t->tb <= cb + 1) {
    memcpy(ev->actor, last->actor, sizeof ev->actor);
    ev->nactor = last->nactor;
    rasd__evt_explain(d, ev, "rule: omitted subject carried over from the previous event");
  }
}

static void fix_sectors(coder *c, rasd_event *ev) {
  const char *pc = NULL;
  if (ev->place >= 0 && (uint32_t)ev->place < c->d->nplaces) pc = c->d->places[ev->place].country;
  int force = !strcmp(ev->event, "ASSAULT") || !strcmp(ev->event, "MOBILIZE");
  for (int i = 0; i < ev->nactor; i++) {
    rasd_actor *a = &ev->actor[i];
    if (force && a->sector && !strcmp(a->sector, "GOV")) a->sector = "MIL";
    if ((!a->country || !*a->country) && pc) a->country = pc;
  }
  for (int i = 0; i < ev->nrecipient; i++) {
    rasd_actor *a = &ev->recipient[i];
    if ((!a->country || !*a->country) && pc) a->country = pc;
  }
}

/* ---- place and date ------------------------------------------------------ */
/* The place of tokens [b, e): the most specific resolved place; among equals
** the destination (إلى مدينة X) or one named with a cue word (مدينة، بلدة). */
static int32_t pick_place(const rasd_doc *d, uint32_t b, uint32_t e) {
  int32_t best = -1;
  int bestscore = 1 << 20;
  for (uint32_t i = 0; i < d->nplaces; i++) {
    const rasd_place *p = &d->places[i];
    if (p->entry < 0 || p->tok_begin < b || p->tok_begin >= e) continue;
    int score = p->geo_precision * 10 - (p->cue ? 2 : 0);
    for (uint32_t k = p->tok_begin > 2 ? p->tok_begin - 2 : 0; k < p->tok_begin; k++)
      if (rasd__evt_tok_is(d, k, "\xd8\xa7\xd9\x84\xd9\x8a")) score -= 3; /* الي (إلى folded) */
    if (score < bestscore) { bestscore = score; best = (int32_t)i; }
  }
  return best;
}

static uint32_t absdiff(uint32_t a, uint32_t b) { return a > b ? a - b : b - a; }

/* The date for a trigger at token `at`: the nearest date of its clause, else
** the nearest of the sentence that no other reported trigger is closer to. */
static int32_t pick_date(const rasd_doc *d, const rasd__hits *h, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce,
                         uint32_t at) {
  int32_t best = -1;
  uint32_t bestdist = UINT32_MAX;
  for (uint32_t i = 0; i < d->ndates; i++) {
    const rasd_date *t = &d->dates[i];
    if (t->tok_begin < sb || t->tok_begin >= se || t->day == RASD_NO_DAY) continue;
    uint32_t dist = absdiff(t->tok_begin, at);
    if (t->tok_begin < cb || t->tok_begin >= ce) {
      int other = 0;
      for (uint32_t k = 0; k < h->ntrig; k++)
        if (!h->trig[k].blocked && h->trig[k].tb != at && absdiff(t->tok_begin, h->trig[k].tb) < dist) other = 1;
      if (other) continue;
      dist += 1000;
    }
    if (dist < bestdist) { bestdist = dist; best = (int32_t)i; }
  }
  return best;
}

/* ---- one sentence ------------------------------------------------------------ */
typedef struct cand {
  uint32_t ei;     /* index in c->ev */
  uint8_t drop;
  uint32_t last_te;  /* end of its last trigger */
  int maxbase;       /* best hit_base of its triggers */
  int counted;       /* a count or size was found */
  int has_dead;      /* a casualty (dead) trigger is in it */
  const rasd__hit *first;
  const rasd__hit *best;       /* its strongest trigger (the act told, not a reference to one) */
  int first_base;              /* hit_base of its first trigger (0: a reference) */
  const rasd__hit *victims[4]; /* later casualty triggers of the event (مقتل، إصابة after قصف) */
  int nvictims;
  const char *victim_unit;     /* the counted noun of its casualties (people, soldiers...) */
  int theatre;                 /* ASSAULT: 1 from the air, 2 on the ground (clashes, control), 0 either */
  int strength;
} cand;

/* 1 when a reported trigger other than t starts in tokens [a, b). */
static int trig_between(const rasd__hits *h, const rasd__hit *t, uint32_t a, uint32_t b) {
  for (uint32_t k = 0; k < h->ntrig; k++)
    if (&h->trig[k] != t && !h->trig[k].blocked && h->trig[k].tb >= a && h->trig[k].tb < b) return 1;
  return 0;
}

/* A number followed by سنة / عاما / ساعة / يوما... (an age or a span of time) counts no one. */
static int is_age(const rasd_doc *d, const num *n, uint32_t se) {
  static const char *const yr[] = {"\xd8\xb3\xd9\x86\xd9\x87", "\xd8\xb9\xd8\xa7\xd9\x85\xd8\xa7", /* سنه عاما */
                                   "\xd8\xb9\xd8\xa7\xd9\x85",                                            /* عام */
                                   "\xd8\xb3\xd8\xa7\xd8\xb9\xd9\x87", "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xa7\xd8\xaa", /* ساعه ساعات */
                                   "\xd9\x8a\xd9\x88\xd9\x85\xd8\xa7", "\xd8\xa7\xd9\x8a\xd8\xa7\xd9\x85", /* يوما ايام */
                                   "\xd8\xb3\xd9\x86\xd9\x88\xd8\xa7\xd8\xaa", "\xd8\xb4\xd9\x87\xd8\xb1\xd8\xa7", /* سنوات شهرا */
                                   "\xd8\xa7\xd8\xb4\xd9\x87\xd8\xb1", "\xd8\xaf\xd9\x82\xd9\x8a\xd9\x82\xd9\x87"}; /* اشهر دقيقه */
  if (n->te >= se) return 0;
  for (size_t k = 0; k < sizeof yr / sizeof *yr; k++)
    if (rasd__evt_tok_is(d, n->te, yr[k])) return 1;
  return 0;
}

static void counts(coder *c, const rasd__hits *h, const rasd__hit *t, const num *nums, uint32_t nn, uint32_t se,
                   rasd_event *ev, int *support, const char **victim_unit) {
  const rasd__trig *row = &c->lex->trig[t->row];
  uint32_t fl = row->flags;
  /* مقتل أحد الجنود: one */
  if ((fl & (RASD__TF_DEAD | RASD__TF_INJURED)) && t->te < se && rasd__evt_tok_is(c->d, t->te, "\xd8\xa7\xd8\xad\xd8\xaf")) {
    int32_t *slot = (fl & RASD__TF_DEAD) ? &ev->dead : &ev->injured;
    if (*slot < 0) *slot = 1;
    *support += 1;
  }
  for (uint32_t i = 0; i < nn; i++) {
    const num *n = &nums[i];
    if (is_age(c->d, n, se)) continue; /* فلاح (52 سنة): an age, not a count */
    int after = n->tb >= t->te && n->tb <= t->te + 3 && !trig_between(h, t, t->te, n->tb) &&
                (n->tb <= t->te + 1 || unit_people(n)); /* مقتل 5، مقتل مدنيين اثنين */
    /* 28 شخصا قتلوا، خمسة من أفرادها قتلوا، لقي 22 مسلحا مصرعهم: the count before a passive form */
    const char *tk = c->d->keys + c->d->toks[t->te - 1].key;
    uint32_t tn = c->d->toks[t->te - 1].key_len;
    int their = tn >= 4 && !memcmp(tk + tn - 4, "\xd9\x87\xd9\x85", 4); /* ...هم */
    int before = ((fl & RASD__TF_VERB) || ((fl & RASD__TF_PASSIVE) && their)) && n->te <= t->tb &&
                 n->te + 6 >= t->tb && !trig_between(h, t, n->te, t->tb) && (unit_people(n) || !n->unit);
    int32_t *slot = NULL;
    if ((fl & RASD__TF_DEAD) && (after || (before && (fl & RASD__TF_PASSIVE)))) slot = &ev->dead;
    else if ((fl & RASD__TF_INJURED) && (after || (before && (fl & RASD__TF_PASSIVE))))
      slot = &ev->injured;
    else if ((fl & RASD__TF_ARRESTED) && (unit_people(n) || n->tb == t->te) && n->tb >= t->te && n->tb <= t->te + 8)
      slot = &ev->arrested;
    else if (unit_is(n, "killed") && n->tb + 12 >= t->tb && n->tb <= t->te + 12)
      slot = &ev->dead;
    else if (unit_is(n, "injured") && n->tb + 12 >= t->tb && n->tb <= t->te + 12)
      slot = &ev->injured;
    if (slot) {
      /* مقتل 25 مسلحا وسبعة من المقاتلين: counts joined by و under one casualty word add up */
      int32_t extra = 0;
      uint32_t last_te = n->te;
      for (uint32_t q = i + 1; q < nn && (slot == &ev->dead || slot == &ev->injured); q++) {
        const num *m = &nums[q];
        if (m->tb > last_te + 4 || trig_between(h, t, last_te, m->te) || is_age(c->d, m, se)) break;
        const char *mk = c->d->keys + c->d->toks[m->tb].key;
        int conj = c->d->toks[m->tb].key_len > 2 && !memcmp(mk, "\xd9\x88", 2); /* و + number word */
        if (!conj && m->tb > 0) conj = rasd__evt_tok_is(c->d, m->tb - 1, "\xd9\x88");
        if (!conj || !(unit_people(m) || !m->unit) || m->unit == NULL) break;
        int sep = 0;
        for (uint32_t x = last_te; x < m->tb; x++) sep |= rasd__evt_brk(h, x);
        if (sep) break;
        extra += m->value;
        last_te = m->te;
        i = q;
      }
      if ((slot == &ev->dead || slot == &ev->injured) && victim_unit && !*victim_unit && n->unit && unit_people(n))
        *victim_unit = n->unit;
      if (*slot < 0) {
        *slot = n->value + extra;
        if (slot == &ev->dead) ev->dead_qual = n->qual;
      }
      *support += 1;
      continue;
    }
    /* the act counted: خطف تسعة جنود، قتلت أربعة، عشرون قذيفة هاون، خمسة صواريخ */
    if (!strcmp(row->cat, "ASSAULT") && !(fl & (RASD__TF_DEAD | RASD__TF_INJURED)) &&
        ((n->tb >= t->te && n->tb <= t->te + 1 && unit_people(n)) ||
         (n->te == t->tb && (unit_is(n, "projectiles") || unit_is(n, "airstrikes"))) ||
         (n->tb >= t->te && n->tb <= t->te + 1 && (unit_is(n, "projectiles") || unit_is(n, "airstrikes"))))) {
      *support += 1;
      continue;
    }
    /* protesters counted: 300 متظاهر، مئات المتظاهرين، تظاهر الآلاف */
    if (!strcmp(row->cat, "PROTEST") && ev->size_n < 0 &&
        ((n->te == t->tb) || (n->tb >= t->te && n->tb <= t->te + 1))) {
      ev->size_n = n->value;
      ev->size_unit = "protesters";
      ev->size_approx = n->qual == RASD_Q_APPROX || n->vague;
      *support += 1;
      continue;
    }
    /* sizes: forces or objects moved or seized, after the trigger */
    if ((!strcmp(row->cat, "MOBILIZE") || !strcmp(row->cat, "COERCE")) && ev->size_n < 0 && n->tb >= t->te &&
        n->tb <= t->te + 14 && n->tb < se && unit_forces(n)) {
      ev->size_n = n->value;
      ev->size_unit = n->unit;
      ev->size_approx = n->qual == RASD_Q_APPROX || n->vague;
      *support += 1;
    }
  }
}

/* Weight of a trigger hit: 2 a past-tense verb read as a verb, 1 a specific
** indefinite event noun, 0 what only names an act (definite or plural nouns,
** weak rows, imperfect verbs, a verbal noun after a preposition). */
static int hit_base(const coder *c, const rasd__hit *t) {
  const rasd_doc *d = c->d;
  const rasd__trig *row = &c->lex->trig[t->row];
  static const char *const preps[] = {"\xd9\x81\xd9\x8a", "\xd8\xb9\xd9\x84\xd9\x89", "\xd8\xb9\xd9\x84\xd9\x8a",
                                      "\xd9\x85\xd9\x86"};
  /* في على علي من (folded): a verbal noun after a preposition names an act
     (على مقتل، في قتل); إلى and عن are left out: أدى إلى مقتل، أسفر عن مقتل report one */
  int after_prep = 0;
  if (t->tb > 0)
    for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
      if (rasd__evt_tok_is(d, t->tb - 1, preps[i])) after_prep = 1;
  if (row->flags & RASD__TF_TREND) return 2; /* ازدياد الهجمات asserts a trend */
  /* a relative clause (الذي خطف، الهجوم الذي استهدف) refers to a known act */
  static const char *const rel[] = {"\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a",             /* الذي */
                                    "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x8a",             /* التي */
                                    "\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a\xd9\x86",     /* الذين */
                                    "\xd8\xa7\xd9\x84\xd9\x84\xd8\xb0\xd9\x8a\xd9\x86"}; /* اللذين */
  for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
    if (t->tb > 0 && (row->flags & RASD__TF_VERB) && rasd__evt_tok_is(d, t->tb - 1, rel[i])) return 0;
    if ((row->flags & RASD__TF_NOUN) && !(row->flags & RASD__TF_VERB) && rasd__evt_tok_is(d, t->te, rel[i])) return 0;
  }
  /* a noun (even a weak one): after a light verb (شن هجوما، تشن حملة، نفذ عملية) it is told as done */
  static const char *const light[] = {
      "\xd8\xb4\xd9\x86", "\xd8\xb4\xd9\x86\xd8\xaa", "\xd8\xb4\xd9\x86\xd9\x88\xd8\xa7", /* شن شنت شنوا */
      "\xd8\xaa\xd8\xb4\xd9\x86", "\xd9\x8a\xd8\xb4\xd9\x86",                     /* تشن يشن */
      "\xd9\x86\xd9\x81\xd8\xb0", "\xd9\x86\xd9\x81\xd8\xb0\xd8\xaa", "\xd9\x86\xd9\x81\xd8\xb0\xd9\x88\xd8\xa7", /* نفذ نفذت نفذوا */
      "\xd8\xaa\xd9\x86\xd9\x81\xd8\xb0", "\xd9\x8a\xd9\x86\xd9\x81\xd8\xb0",     /* تنفذ ينفذ */
      "\xd8\xae\xd8\xb1\xd8\xac", "\xd8\xae\xd8\xb1\xd8\xac\xd8\xaa", "\xd8\xae\xd8\xb1\xd8\xac\xd9\x88\xd8\xa7", /* خرج خرجت خرجوا */
      "\xd8\xaa\xd8\xac\xd9\x85\xd8\xb9", "\xd8\xaa\xd8\xac\xd9\x85\xd8\xb9\xd9\x88\xd8\xa7", /* تجمع تجمعوا */
      "\xd8\xa7\xd8\xad\xd8\xaa\xd8\xb4\xd8\xaf", "\xd8\xa7\xd8\xad\xd8\xaa\xd8\xb4\xd8\xaf\xd9\x88\xd8\xa7", /* احتشد احتشدوا */
      "\xd8\xa7\xd9\x86\xd8\xaf\xd9\x84\xd8\xb9", "\xd8\xa7\xd9\x86\xd8\xaf\xd9\x84\xd8\xb9\xd8\xaa", /* اندلع اندلعت */
      "\xd8\xaa\xd8\xac\xd8\xaf\xd8\xaf", "\xd8\xaa\xd8\xac\xd8\xaf\xd8\xaf\xd8\xaa", /* تجدد تجددت */
      "\xd8\xa7\xd9\x86\xd8\xb7\xd9\x84\xd9\x82\xd8\xaa", "\xd9\x86\xd8\xb8\xd9\x85", /* انطلقت نظم */
      "\xd9\x86\xd8\xb8\xd9\x85\xd8\xaa", "\xd9\x86\xd8\xb8\xd9\x85\xd9\x88\xd8\xa7", /* نظمت نظموا */
      "\xd8\xb9\xd9\x85\xd8\xaa", "\xd9\x88\xd9\x82\xd8\xb9\xd8\xaa",        /* عمت وقعت */
      "\xd8\xa7\xd8\xb7\xd9\x84\xd9\x82", "\xd8\xa7\xd8\xb7\xd9\x84\xd9\x82\xd8\xaa", /* اطلق اطلقت */
      "\xd8\xa7\xd8\xb7\xd9\x84\xd9\x82\xd9\x88\xd8\xa7",                           /* اطلقوا */
      "\xd8\xae\xd8\xa7\xd8\xb6", "\xd8\xae\xd8\xa7\xd8\xb6\xd8\xaa",             /* خاض خاضت */
      "\xd9\x82\xd8\xa7\xd9\x85", "\xd9\x82\xd8\xa7\xd9\x85\xd8\xaa", "\xd9\x82\xd8\xa7\xd9\x85\xd9\x88\xd8\xa7"}; /* قام قامت قاموا */
  for (uint32_t back = 1; (row->flags & RASD__TF_NOUN) && back <= 4 && back <= t->tb; back++) {
    const rasd_token *pt = &d->toks[t->tb - back];
    if (pt->kind != RASD_TOK_WORD) break;
    const char *pk = d->keys + pt->key;
    uint32_t pn = pt->key_len;
    if (pn > 2 && !memcmp(pk, "\xd9\x88", 2)) { pk += 2; pn -= 2; } /* و */
    for (size_t i = 0; i < sizeof light / sizeof *light; i++)
      if (strlen(light[i]) == pn && !memcmp(pk, light[i], pn)) return 2;
  }
  if (row->flags & (RASD__TF_WEAK | RASD__TF_PLURAL | RASD__TF_OBJ)) return (row->flags & RASD__TF_VERB) && !after_prep ? 1 : 0;
  if ((row->flags & RASD__TF_VERB) && !(t->clitics & (RASD_CL_ART | RASD_CL_PREP))) {
    if (t->imperfect || after_prep) return 0;
    return 2;
  }
  /* a noun: definite = a reference to a known act */
  const char *k = d->keys + d->toks[t->tb].key;
  uint32_t n = d->toks[t->tb].key_len;
  int definite = (t->clitics & RASD_CL_ART) || (n > 6 && !memcmp(k, "\xd8\xa7\xd9\x84", 4));
  if ((definite && t->te - t->tb == 1) || (t->clitics & RASD_CL_ENC)) return 0; /* الهجوم، هجومها: a known act */
  /* للقبض على، لتوقيف: a verbal noun of purpose (ل) names an aim, not an act */
  if (t->clitics & RASD_CL_PREP) {
    const char *pk = d->keys + d->toks[t->tb].key;
    uint32_t pn = d->toks[t->tb].key_len, o = 0;
    if (pn > 2 && (!memcmp(pk, "\xd9\x88", 2) || !memcmp(pk, "\xd9\x81", 2))) o = 2; /* و ف */
    if (pn > o + 2 && !memcmp(pk + o, "\xd9\x84", 2)) return 0;                         /* ل */
  }
  /* مقتل جندي، إصابة شرطي: a casualty noun told as such is a report; after a
     preposition (على مقتل، في مقتل) it refers to one */
  if (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED | RASD__TF_ARRESTED)) return after_prep ? 0 : 2;
  return 1;
}

/* Weight a category needs: violence and protest must be anchored in the
** report (a date, a place, a party or a count); statements need a verb. */
static int need(const char *cat) {
  if (!strcmp(cat, "ASSAULT") || !strcmp(cat, "PROTEST")) return 3;
  return 2;
}

/* هذا الهجوم، تلك التفجيرات، هجمات مماثلة: the act was told before (or is
** one of a kind): not a report of its own. */
static int pointed_back(const rasd_doc *d, const rasd__hit *t) {
  static const char *const dem[] = {"\xd9\x87\xd8\xb0\xd8\xa7", "\xd9\x87\xd8\xb0\xd9\x87",               /* هذا هذه */
                                    "\xd9\x87\xd8\xb0\xd8\xa7\xd9\x86", "\xd9\x87\xd8\xb0\xd9\x8a\xd9\x86", /* هذان هذين */
                                    "\xd9\x87\xd8\xa7\xd8\xaa\xd8\xa7\xd9\x86", "\xd8\xaa\xd9\x84\xd9\x83", /* هاتان تلك */
                                    "\xd8\xb0\xd9\x84\xd9\x83"};                                   /* ذلك */
  static const char *const like[] = {"\xd9\x85\xd9\x85\xd8\xa7\xd8\xab\xd9\x84",                     /* مماثل */
                                     "\xd9\x85\xd9\x85\xd8\xa7\xd8\xab\xd9\x84\xd9\x87",             /* مماثله */
                                     "\xd9\x85\xd9\x85\xd8\xa7\xd8\xab\xd9\x84\xd9\x87"};
  for (size_t i = 0; i < sizeof dem / sizeof *dem; i++)
    if (t->tb > 0 && rasd__evt_tok_is(d, t->tb - 1, dem[i])) return 1;
  for (size_t i = 0; i < sizeof like / sizeof *like; i++)
    if (rasd__evt_tok_is(d, t->te, like[i])) return 1;
  return 0;
}

/* Where an ASSAULT trigger fights: 1 from the air (غارة، ضربة جوية), 2 on the
** ground (اشتباكات، معارك، سيطر، حرر), 0 either (قتل، هجوم، انفجار).  Ground
** fighting told "amid air strikes" or "backed by air strikes" is two events:
** the air strikes have their own agent. */
static int theatre(const rasd__trig *row) {
  if (strcmp(row->cat, "ASSAULT") || (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED))) return 0;
  for (int m = 0; m < RASD_MAX_MODES && row->mode[m]; m++)
    if (!strcmp(row->mode[m], "aerial") || !strcmp(row->mode[m], "drone")) return 1;
  if (row->acled_sub && (strstr(row->acled_sub, "territory") || !strcmp(row->acled_sub, "Armed clash")) &&
      (strstr(row->acled_sub, "territory") || (row->mode[0] && !strcmp(row->mode[0], "firearms"))))
    return 2;
  return 0;
}

static void code_sentence(coder *c, uint32_t s) {
  rasd_doc *d = c->d;
  const rasd_sentence *S = &d->sents[s];
  uint32_t sb = S->tok_begin, se = S->tok_end;
  if (se <= sb) return;
  rasd__hits h;
  rasd__evt_hits(c->lex, d, sb, se, &h);
  if (!h.ntrig) return;
  rasd__evt_modality(c->lex, d, sb, se, &h);
  num nums[64];
  uint32_t nn = sentence_nums(d, sb, se, nums, 64);
  int recent = 0, sourced = 0; /* a recent-time word; a source the report is attributed to */
  for (uint32_t i = 0; i < h.ncue; i++) {
    recent |= cue_kind(c, &h, i) == RASD__CUE_RECENT;
    sourced |= cue_kind(c, &h, i) == RASD__CUE_SOURCE;
  }
  cand cands[16];
  int ncand = 0;
  for (uint32_t i = 0; i < h.ntrig; i++) {
    const rasd__hit *t = &h.trig[i];
    const rasd__trig *row = &c->lex->trig[t->row];
    if (t->blocked || pointed_back(d, t)) continue;
    cand *k = NULL;
    int th = theatre(row);
    for (int j = 0; j < ncand; j++)
      if (!strcmp(c->ev[cands[j].ei].event, row->cat) && (!th || !cands[j].theatre || cands[j].theatre == th))
        k = &cands[j];
    if (k && th && !k->theatre) k->theatre = th;
    if (k && (row->flags & RASD__TF_DEAD)) {
      /* "مقتل ضابط ...، فضلا عن مقتل مئة": another count in another clause is another event */
      rasd_event tmp;
      int sup = 0;
      memset(&tmp, 0, sizeof tmp);
      tmp.dead = tmp.injured = tmp.arrested = tmp.size_n = -1;
      counts(c, &h, t, nums, nn, se, &tmp, &sup, NULL);
      const rasd_event *ke = &c->ev[k->ei];
      int brk = 0;
      for (uint32_t q = k->last_te; q < t->tb; q++) brk |= rasd__evt_brk(&h, q);
      if (tmp.dead >= 0 && brk && ((ke->dead >= 0 && tmp.dead != ke->dead) || (ke->dead < 0 && k->has_dead))) k = NULL;
    }
    if (!k) {
      if (ncand == 16) continue;
      k = &cands[ncand++];
      memset(k, 0, sizeof *k);
      rasd_event *ne = new_event(c);
      k->ei = c->nev - 1;
      ne->event = row->cat;
      ne->sent = s;
      ne->trig_start = d->toks[t->tb].start;
      ne->trig_end = d->toks[t->te - 1].end;
      k->first = t;
      k->theatre = th;
    }
    rasd_event *ev = &c->ev[k->ei];
    k->last_te = t->te;
    if (row->flags & RASD__TF_DEAD) k->has_dead = 1;
    for (int m = 0; m < RASD_MAX_MODES && row->mode[m]; m++) add_mode(ev, row->mode[m]);
    if (!ev->acled_type && row->acled_type) { ev->acled_type = row->acled_type; ev->acled_subtype = row->acled_sub; }
    rasd__evt_explain(d, ev, "%s%s%s", row->explain, t->how == 2 ? " (stem)" : t->how == 3 ? " (imperfect stem)" : "",
                      t->imperfect ? " [imperfect]" : "");
    int strength = hit_base(c, t);
    int support = 0;
    counts(c, &h, t, nums, nn, se, ev, &support, &k->victim_unit);
    if (t != k->first && (row->flags & (RASD__TF_DEAD | RASD__TF_INJURED)) && k->nvictims < 4) k->victims[k->nvictims++] = t;
    if (row->flags & RASD__TF_OBJ) {
      for (uint32_t q = 0; q < h.ncue; q++)
        if (cue_kind(c, &h, q) == RASD__CUE_MILOBJ && h.cue[q].tb >= t->te && h.cue[q].tb <= t->te + 3) support++;
    }
    /* ضربت القوات، أمس، أهدافا للتنظيم؛ قصفت مواقع المسلحين: a strike verb whose
       object is a military target reports an operation */
    if (!strcmp(row->cat, "ASSAULT") && (row->flags & RASD__TF_VERB) && !t->imperfect && !(row->flags & RASD__TF_PASSIVE)) {
      for (uint32_t q = 0; q < h.ncue; q++) {
        if (cue_kind(c, &h, q) != RASD__CUE_MTARGET || h.cue[q].tb < t->te || h.cue[q].tb > t->te + 6) continue;
        uint32_t words = 0;
        for (uint32_t x = t->te; x < h.cue[q].tb; x++) words += d->toks[x].kind == RASD_TOK_WORD;
        if (words <= 3) {
          support++;
          rasd__evt_explain(d, ev, "rule: a strike on a military target");
          break;
        }
      }
    }
    if (row->flags & RASD__TF_TREND) support += 2;
    if ((row->flags & RASD__TF_OBJ) && !support) strength = 0; /* أرسل رسالة: not a force */
    if (t == k->first) k->first_base = strength;
    if (strength > k->maxbase) {
      k->maxbase = strength;
      k->best = t;
    }
    if (support) {
      strength += 2;
      k->counted = 1;
    }
    if (strength > k->strength) k->strength = strength;
  }
  /* modes and ACLED sub-types from modifiers (جوية، مفخخة، انتحاري...) */
  for (int j = 0; j < ncand; j++) {
    rasd_event *ev = &c->ev[cands[j].ei];
    if (strcmp(ev->event, "ASSAULT")) continue;
    for (uint32_t q = 0; q < h.ncue; q++) {
      const rasd__cue *cu = &c->lex->cue[h.cue[q].row];
      if (cu->kind != RASD__CUE_MODE) continue;
      add_mode(ev, cu->mode);
      if (cu->acled_type) { ev->acled_type = cu->acled_type; ev->acled_subtype = cu->acled_sub; }
    }
    /* from the air, shelling is an air strike: drop the ground default */
    int air = 0;
    for (int m = 0; m < RASD_MAX_MODES && ev->mode[m]; m++) air |= !strcmp(ev->mode[m], "aerial") || !strcmp(ev->mode[m], "drone");
    if (air) {
      int w = 0;
      for (int m = 0; m < RASD_MAX_MODES && ev->mode[m]; m++)
        if (strcmp(ev->mode[m], "heavy-weapons")) ev->mode[w++] = ev->mode[m];
      for (; w < RASD_MAX_MODES; w++) ev->mode[w] = NULL;
    }
  }
  int32_t splace = pick_place(d, sb, se);
  int sent_violent = 0; /* a firm report of violence earlier in this sentence */
  for (int j = 0; j < ncand; j++) {
    cand *k = &cands[j];
    rasd_event *ev = &c->ev[k->ei];
    const rasd__hit *t = k->first;
    uint32_t cb, ce;
    rasd__evt_clause(d, &h, t->tb, &cb, &ce);
    /* date */
    int32_t di = pick_date(d, &h, sb, se, cb, ce, t->tb);
    int own_date = di >= 0;
    if (own_date) {
      ev->day = d->dates[di].day;
      ev->day_end = d->dates[di].day_end;
      ev->date_prec = d->dates[di].prec;
      /* "in the past days" (a week up to the report): dated by the report, precision week (GUIDE.md) */
      if (ev->date_prec == RASD_PREC_WEEK && d->pub_day != RASD_NO_DAY && ev->day_end != RASD_NO_DAY &&
          ev->day_end >= d->pub_day - 1)
        ev->day = ev->day_end = d->pub_day;
    } else {
      ev->day = ev->day_end = d->pub_day;
      ev->date_prec = RASD_PREC_WEEK;
    }
    /* place */
    int32_t pl = pick_place(d, cb, ce);
    if (pl < 0) pl = splace;
    int inherited = 0;
    if (pl < 0) {
      pl = c->last_place >= 0 ? c->last_place : c->first_place;
      inherited = pl >= 0;
    }
    ev->place = pl;
    ev->place_inherited = (uint8_t)inherited;
    /* parties around the act told (قامت دبابة بقصف), not an earlier reference to one
       (بعد قصف، على قصف): the first trigger unless it is only a reference */
    const rasd__hit *pt = k->best && !k->first_base ? k->best : t;
    parties(c, &h, sb, se, pt, ev, 0);
    if (pt != t && (c->lex->trig[t->row].flags & (RASD__TF_DEAD | RASD__TF_INJURED)))
      parties(c, &h, sb, se, t, ev, 1);
    /* the victims named after a later casualty word (قصف ...، ما أدى إلى مقتل ثلاثة من رجال الشرطة) */
    for (int v = 0; v < k->nvictims; v++) parties(c, &h, sb, se, k->victims[v], ev, 1);
    if ((c->lex->trig[t->row].flags & (RASD__TF_DEAD | RASD__TF_INJURED)) &&
        (!k->counted || ((c->lex->trig[t->row].flags & RASD__TF_DEAD) ? ev->dead : ev->injured) < 0))
      for (int r = 0; r < ev->nrecipient; r++)
        if (ev->recipient[r].tok_begin == t->te) {
          k->counted = 1;
          rasd__evt_explain(d, ev, "rule: the victim named right after the casualty word");
          /* قتل جندي عراقي، مقتل ضابط روسي: one, when the victim is a single indefinite noun */
          const char *vk = d->keys + d->toks[t->te].key;
          uint32_t vn = d->toks[t->te].key_len;
          int plural = vn >= 4 && (!memcmp(vk + vn - 4, "\xd9\x8a\xd9\x86", 4) || !memcmp(vk + vn - 4, "\xd9\x88\xd9\x86", 4) ||
                                   !memcmp(vk + vn - 4, "\xd8\xa7\xd8\xaa", 4)); /* ين ون ات */
          int definite = vn > 4 && !memcmp(vk, "\xd8\xa7\xd9\x84", 4);
          int32_t *slot = (c->lex->trig[t->row].flags & RASD__TF_DEAD) ? &ev->dead : &ev->injured;
          /* قتل جندي تركي وآخر من التنظيم: one more */
          int more = 0;
          for (uint32_t q = t->te + 1; q < t->te + 5 && q < se; q++)
            if (rasd__evt_tok_is(d, q, "\xd9\x88\xd8\xa7\xd8\xae\xd8\xb1")) more = 1; /* واخر */
          if (*slot < 0 && !plural && !definite) *slot = 1 + more;
          break;
        }
    /* civilians as victims */
    if (!ev->nrecipient && !is_statement(ev->event)) {
      for (uint32_t q = 0; q < h.ncue; q++) {
        if (cue_kind(c, &h, q) != RASD__CUE_CIVIL) continue;
        int near_after = h.cue[q].tb >= t->te && h.cue[q].tb <= t->te + 14;
        int near_before = (c->lex->trig[t->row].flags & RASD__TF_PASSIVE) && h.cue[q].te <= t->tb && h.cue[q].te + 4 >= t->tb;
        if (!near_after && !near_before) continue;
        rasd_actor a;
        memset(&a, 0, sizeof a);
        a.start = d->toks[h.cue[q].tb].start;
        a.end = d->toks[h.cue[q].te - 1].end;
        a.tok_begin = h.cue[q].tb;
        a.tok_end = h.cue[q].te;
        a.entity_name = "Civilians";
        a.sector = "CVL";
        a.entry = -1;
        a.rule = "cue: civilians";
        push_party(ev->recipient, &ev->nrecipient, &a);
        break;
      }
    }
    int party_anchors = (ev->nactor > 0) + (ev->nrecipient > 0); /* before any default party */
    /* the counted victims (مقتل خمسة أشخاص، إصابة ثلاثة جنود): people are civilians, soldiers the military */
    if (!ev->nrecipient && k->victim_unit && !is_statement(ev->event)) {
      int mil = !strcmp(k->victim_unit, "soldiers");
      rasd_actor a = trigger_party(ev, t, mil ? "Military Forces" : "Civilians", mil ? "MIL" : "CVL", "rule: counted victims");
      push_party(ev->recipient, &ev->nrecipient, &a);
      rasd__evt_explain(d, ev, "rule: the counted victims are the recipient (%s)", k->victim_unit);
    }
    /* violence with no named perpetrator: an unidentified armed group (ACLED) */
    if (!strcmp(ev->event, "ASSAULT") && !ev->nactor &&
        (has_mode(ev, "explosives") || has_mode(ev, "suicide-attack") || has_mode(ev, "targeted") || has_mode(ev, "abduct")))
      default_actor(d, ev, t, "Unidentified armed group", "UAF", "rule: unnamed perpetrator",
                    "rule: no named perpetrator: unidentified armed group");
    /* from the air with no named perpetrator: air forces are a state's military */
    if (!strcmp(ev->event, "ASSAULT") && !ev->nactor && has_mode(ev, "aerial"))
      default_actor(d, ev, t, "Military Forces", "MIL", "rule: air strike",
                    "rule: an air strike with no named perpetrator: military forces");
    /* a protest with no named group: the protesters (ACLED "Protesters (country)") */
    if (!strcmp(ev->event, "PROTEST") && !ev->nactor)
      default_actor(d, ev, t, "Protesters", "CVL", "rule: unnamed protesters", NULL);
    fix_sectors(c, ev);
    /* ACLED: violence against civilians */
    if (!strcmp(ev->event, "ASSAULT") && ev->acled_type && !strcmp(ev->acled_type, "Battles")) {
      for (int r = 0; r < ev->nrecipient; r++)
        if (ev->recipient[r].sector && !strcmp(ev->recipient[r].sector, "CVL")) {
          ev->acled_type = "Violence against civilians";
          ev->acled_subtype = "Attack";
        }
    }
    /* strength: the trigger's own weight, plus the report's anchors: a
       date or a recent-time word, a place named in the sentence, a party */
    int strength = k->strength;
    int anchors = (own_date || recent) + (pick_place(d, sb, se) >= 0) + party_anchors + sourced;
    strength += anchors;
    /* violence: a count, or a verb told with two anchors */
    int firm = strength >= need(ev->event) && (k->maxbase || k->counted);
    /* alone, a verb of violence needs three anchors; in an article that has
       already reported violence, the next verbs continue the report */
    if (!strcmp(ev->event, "ASSAULT"))
      firm = (k->counted && (k->maxbase || c->violent || sent_violent)) || (k->maxbase >= 2 && anchors >= (c->violent ? 1 : 3)) ||
             (c->violent && k->maxbase && anchors >= 2);
    /* arrests and seizures: a count, a firm verb, or three anchors */
    if (!strcmp(ev->event, "COERCE")) firm = firm && (k->counted || k->maxbase >= 2 || anchors >= 3);
    if (!strcmp(ev->event, "PROTEST"))
      firm = (k->counted && k->maxbase) || (k->maxbase >= 2 && anchors >= 1) || (k->maxbase && anchors >= 3);
    if (firm && !strcmp(ev->event, "ASSAULT")) sent_violent = 1;
    if (!firm) {
      k->drop = 1; /* not reported firmly enough */
      continue;
    }
    /* only a reference (القتلى، الهجوم) with no date of its own: more about
       the last event of that kind, not a new one */
    if (!k->maxbase && !own_date) {
      for (int32_t p = (int32_t)cands[0].ei - 1; p >= 0; p--) {
        rasd_event *pe = &c->ev[p];
        if (strcmp(pe->event, ev->event) || pe->background) continue;
        if (pe->dead < 0 && ev->dead >= 0) { pe->dead = ev->dead; pe->dead_qual = ev->dead_qual; }
        if (pe->injured < 0) pe->injured = ev->injured;
        if (pe->arrested < 0) pe->arrested = ev->arrested;
        rasd__evt_explain(d, pe, "rule: a later reference (sentence %u) adds to this event", s + 1);
        k->drop = 1;
        break;
      }
      if (k->drop) continue;
    }
    rasd__evt_explain(d, ev, "weight %d (trigger %d, count %d, anchors %d; needs %d)", strength, k->maxbase, k->counted,
                      anchors, need(ev->event));
    if (inherited) rasd__evt_explain(d, ev, "rule: place inherited from the context");
    if (!own_date) rasd__evt_explain(d, ev, "rule: no date words: publication date, precision week");
    int sib_bg = 0;
    for (int q = 0; q < j; q++)
      if (!cands[q].drop && c->ev[cands[q].ei].background) sib_bg = 1;
    rasd__evt_background(c->lex, d, &h, sb, se, t, own_date, sib_bg, ev);
    ev->confidence = 0.35f + (k->strength < 2 ? 0.0f : 0.2f) + (ev->nactor ? 0.15f : 0.0f) +
                     (ev->place >= 0 && !inherited ? 0.15f : 0.0f) + (own_date ? 0.1f : 0.0f);
    if (ev->confidence > 0.95f) ev->confidence = 0.95f;
    if (S->is_title) ev->confidence *= 0.8f;
    if (ev->place >= 0) c->last_place = ev->place;
    c->last = (int32_t)k->ei;
  }
  /* drop the candidates that were too weak (they are the last events made) */
  uint32_t base = ncand ? cands[0].ei : c->nev, w = base;
  for (int j = 0; j < ncand; j++) {
    if (cands[j].drop) continue;
    if (c->last == (int32_t)cands[j].ei) c->last = (int32_t)w;
    if (w != cands[j].ei) c->ev[w] = c->ev[cands[j].ei];
    w++;
  }
  c->nev = w;
  for (uint32_t q = base; q < w; q++)
    if (!strcmp(c->ev[q].event, "ASSAULT")) c->violent = 1;
  if (c->last >= (int32_t)c->nev) c->last = c->nev ? (int32_t)c->nev - 1 : -1;
}

void rasd_code_doc(const rasd_lex *lex, const rasd_gaz *gaz, rasd_doc *doc) {
  (void)gaz;
  /* stems are asked for one by one (trigger.c): the word cache remembers
  ** each spelling's stem search, so most tokens never need theirs */
  if (lex->actors) rasd_actor_find(lex->actors, doc);
  coder c;
  memset(&c, 0, sizeof c);
  c.lex = lex;
  c.d = doc;
  c.last_place = c.first_place = -1;
  c.last = -1;
  for (uint32_t i = 0; i < doc->nplaces; i++)
    if (doc->places[i].entry >= 0) { c.first_place = (int32_t)i; break; }
  for (uint32_t s = 0; s < doc->nsents; s++) code_sentence(&c, s);
  doc->nevents = rasd__evt_dedup(doc, c.ev, c.nev);
  doc->events = c.ev;
}
