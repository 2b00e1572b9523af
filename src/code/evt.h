/*
** code/evt.h -- internals shared by the event coder's files (stage "evt").
**
** The coder runs per sentence: trigger.c finds trigger and cue hits on the
** tokens, modality.c drops the hits a negation, denial, future, condition
** or governing word takes out of the report, assemble.c builds one event per
** category and sentence (actors, place, date, counts), background.c marks
** history, dedup.c merges one happening told twice.  Rows of the trigger
** and cue lexicons (data/lex/triggers.tsv, data/lex/cues.tsv) live in the
** rasd_lex, loaded once and read-only afterwards; per-article arrays live
** in the document arena.
*/
#ifndef RASD_EVT_H
#define RASD_EVT_H
#include "../core/strmap.h"
#include "code.h"
#include "phrase.h"

/* ---- trigger rows (data/lex/triggers.tsv) --------------------------- */
enum rasd__tflag {
  RASD__TF_VERB = 1,      /* a verb: never read with the article or a preposition */
  RASD__TF_NOUN = 2,
  RASD__TF_STEM = 4,      /* also matched on the Snowball stem of a word (and imperfect) */
  RASD__TF_WEAK = 8,      /* needs support (a count, a date, a place or an actor) */
  RASD__TF_PLURAL = 16,   /* a plural event noun: generic unless counted/dated */
  RASD__TF_OBJ = 32,      /* needs a military object (forces, fighters, a count) */
  RASD__TF_DEAD = 64,     /* casualty words: the number they govern fills a count */
  RASD__TF_INJURED = 128,
  RASD__TF_ARRESTED = 256,
  RASD__TF_PASSIVE = 512, /* casualty verbs (قتل، أصيب): the subject is the victim */
  RASD__TF_SPEECH = 1024, /* a statement event (ACCUSE, REQUEST...): the speaker acts */
  RASD__TF_TREND = 2048,  /* "the attacks increased": undated context (background) */
  RASD__TF_AUTO = 4096,   /* ACLED type from the recipient (civilians -> VAC) */
  RASD__TF_PERFECT = 8192, /* a state in the imperfect (يسيطر على): only the perfect tells an event */
  RASD__TF_EXEC = 16384   /* an execution: not violence when told with a court, a sentence or a prison */
};

typedef struct rasd__trig {
  const char *phrase;              /* as written in the file (for --explain) */
  const char *cat;                 /* PLOVER category */
  const char *mode[RASD_MAX_MODES];
  const char *acled_type, *acled_sub;
  uint32_t flags;
  const char *explain;             /* "trigger:FILE:LINE:PHRASE" */
} rasd__trig;

/* ---- cue rows (data/lex/cues.tsv) ----------------------------------- */
enum rasd__cue_kind {
  RASD__CUE_NEG = 1,   /* لم لن لا ليس: the next verb is negated */
  RASD__CUE_FUTURE,    /* سوف، من المقرر: the rest of the clause is future */
  RASD__CUE_HYPO,      /* إذا، لو، في حال: condition */
  RASD__CUE_DENY,      /* نفى، نفت: what follows is denied */
  RASD__CUE_PLAN,      /* يعتزم، تخطط، يهدف: plans and aims */
  RASD__CUE_GOVERN,    /* هدد بـ، طالب بـ، أدان: the next event noun is not reported as happening */
  RASD__CUE_GENERIC,   /* عادة، غالبا: habitual statements */
  RASD__CUE_SPEECH,    /* قال، أعلن، أفاد: the next actor is a source, not a party */
  RASD__CUE_BG,        /* سبق أن، منذ، في وقت سابق: history */
  RASD__CUE_RECENT,    /* اليوم، أمس، الآن: fresh report */
  RASD__CUE_MILOBJ,    /* تعزيزات، عناصر، قوات: objects of a mobilisation */
  RASD__CUE_AGENT,     /* من قبل، على يد، شنه، نفذه: the next actor is the agent */
  RASD__CUE_TARGET,    /* ضد، على، بحق، استهدف: the next actor is the recipient */
  RASD__CUE_MODE,      /* جوية، مدفعية، مسيرة: adds a mode (and ACLED sub-type) */
  RASD__CUE_CIVIL,     /* مدنيين، أطفال، نساء: civilian victims */
  RASD__CUE_CONT,      /* لا يزال، ما زال: "still" (shields لا from reading as a negation) */
  RASD__CUE_SOURCE,    /* مصدر أمني، شهود عيان، بحسب: the report is attributed (also a speech cue) */
  RASD__CUE_REF,       /* غداة، في أعقاب، على خلفية، بشأن: what follows in the clause is referred to, not told */
  RASD__CUE_ACCIDENT,  /* كارثة، زلزال، حادث سير، حريق: casualties of an accident are no violence */
  RASD__CUE_JUDICIAL,  /* حكم، محكمة، شنقا، سجن: an execution told with them is a sentence carried out */
  RASD__CUE_MTARGET,   /* أهدافا، مواقع، مقرات، تحصينات: a strike on them is an operation told as done */
  RASD__CUE_KINDS
};

typedef struct rasd__cue {
  const char *phrase;
  uint8_t kind;
  const char *mode, *acled_type, *acled_sub; /* MODE cues */
  const char *explain;
} rasd__cue;

struct rasd_lex {
  rasd_actor_lex *actors;
  rasd_phrase_lex *trig_phr;  /* trigger phrases -> row */
  rasd_strmap *trig_stem;     /* stem of single-word STEM rows -> row */
  rasd__trig *trig; uint32_t ntrig, cap_trig;
  rasd_phrase_lex *cue_phr;   /* cue phrases -> row */
  rasd__cue *cue; uint32_t ncue, cap_cue;
  char **strs; uint32_t nstrs, cap_strs; /* owned strings */
};

/* ---- per-sentence hits ---------------------------------------------- */
typedef struct rasd__hit {
  uint32_t tb, te;     /* tokens [tb, te) */
  uint32_t row;        /* trigger or cue row */
  uint8_t how;         /* 1 phrase, 2 stem, 3 imperfect stem */
  uint8_t clitics;     /* RASD_CL_* on the first token */
  uint8_t blocked;     /* modality: the cue kind that took it out, 0 = reported */
  uint8_t imperfect;   /* a verb read in the imperfect (present/habitual) */
} rasd__hit;

typedef struct rasd__hits {
  rasd__hit *trig; uint32_t ntrig;
  rasd__hit *cue; uint32_t ncue;
  uint8_t *brk; uint32_t tb, te; /* clause breaks of tokens [tb, te): brk[i - tb] */
} rasd__hits;

/* trigger.c: find trigger and cue hits in tokens [tb, te). Arrays in the arena. */
void rasd__evt_hits(const rasd_lex *lex, rasd_doc *d, uint32_t tb, uint32_t te, rasd__hits *out);
/* 1 when token i is a clause boundary (، ؛ : . and the like). */
int rasd__evt_clause_break(const rasd_doc *d, uint32_t i);
/* The clause [*cb, *ce) holding token i, within the sentence of h. */
void rasd__evt_clause(const rasd_doc *d, const rasd__hits *h, uint32_t i, uint32_t *cb, uint32_t *ce);
/* 1 when token i (inside h's sentence) is a clause boundary: the cached rasd__evt_clause_break. */
static inline int rasd__evt_brk(const rasd__hits *h, uint32_t i) { return i >= h->tb && i < h->te && h->brk[i - h->tb]; }
/* 1 when token i is a word whose key equals the folded UTF-8 string s. */
int rasd__evt_tok_is(const rasd_doc *d, uint32_t i, const char *s);

/* modality.c: set hit->blocked on triggers that are not reported as happening. */
void rasd__evt_modality(const rasd_lex *lex, const rasd_doc *d, uint32_t sb, uint32_t se, rasd__hits *h);

/* background.c: decide ev->background from cues, dates and publication;
** sib_bg: another event of the sentence is dated in the past. */
void rasd__evt_background(const rasd_lex *lex, const rasd_doc *d, const rasd__hits *h, uint32_t sb, uint32_t se,
                          const rasd__hit *trig, int own_date, int sib_bg, rasd_event *ev);

/* dedup.c: merge events of doc that report one happening; returns the new count. */
uint32_t rasd__evt_dedup(rasd_doc *d, rasd_event *ev, uint32_t n);

/* Add an --explain line (copied into the arena) to ev. */
void rasd__evt_explain(rasd_doc *d, rasd_event *ev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
