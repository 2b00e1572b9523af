/*
** text/doc.h -- the annotated document every pipeline stage reads and fills.
**
** Stage order (rasd_doc_analyze and the code stage):
**   text:  sentences, tokens (+ folded keys), numbers, dates
**   geo:   places
**   code:  actors, events
** Every array lives in the document's arena and is valid until that arena is
** reset.  Spans are [start, end) byte offsets into art->text; token ranges
** are [tok_begin, tok_end) indexes into toks[].
*/
#ifndef RASD_DOC_H
#define RASD_DOC_H
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../input/article.h"

/* ---- tokens --------------------------------------------------------- */
enum rasd_tok_kind {
  RASD_TOK_WORD = 1, /* Arabic or other letters */
  RASD_TOK_NUM,      /* digits (Arabic-Indic and Persian read as digits), may hold . , / inside */
  RASD_TOK_PUNCT,    /* one punctuation character */
  RASD_TOK_LATIN     /* ASCII/Latin letters */
};
enum rasd_tok_flags {
  RASD_TOKF_NL_BEFORE = 1,    /* a line break precedes the token */
  RASD_TOKF_PARA_BEFORE = 2,  /* a blank line precedes the token */
  RASD_TOKF_SPACE_BEFORE = 4, /* whitespace precedes the token */
  RASD_TOKF_QUOTE = 8,        /* punctuation that is a quote mark */
  RASD_TOKF_MARKS = 16,       /* a word with marks (tashkeel) or presentation forms in it */
  RASD_TOKF_FORMS = 32        /* its clitic readings are in doc->fcache (text/clitic.c) */
};

typedef struct rasd_token {
  uint32_t start, end;    /* bytes in the article text */
  uint32_t key, key_len;  /* matching key in doc->keys: NFKC, no tashkeel/tatweel,
                             أإآٱ->ا ى->ي ة->ه, ASCII lower-case, digits ASCII */
  uint32_t sent;          /* sentence index */
  uint8_t kind, flags;
  uint8_t tl_n;           /* 1 + number/date lexicon hits of its readings, 0 = not known yet (num_lex.c) */
  uint16_t stem_len;      /* Snowball stem (on the folded key) in doc->stems; */
  uint32_t stem;          /* stem_len == 0 until rasd_tok_stem() computed it */
  uint32_t wid;           /* entry in this thread's word cache (words.h), 0 = none */
  uint32_t memo;          /* the word cache's memo for it when tokenized (words.h), 0 = none */
  double num;             /* value of a RASD_TOK_NUM token (first run of digits) */
} rasd_token;

/* A clitic reading of a word token: a slice of its key. */
enum rasd_clitic {
  RASD_CL_CONJ = 1,   /* و ف */
  RASD_CL_PREP = 2,   /* ب ك ل */
  RASD_CL_ART = 4,    /* ال (or the ل of لل) */
  RASD_CL_FUT = 8,    /* س */
  RASD_CL_ENC = 16    /* an enclitic pronoun removed from the end */
};
typedef struct rasd_form {
  const char *p; /* into doc->keys, not NUL-terminated */
  uint32_t n;
  uint8_t clitics; /* RASD_CL_* stripped to get here */
} rasd_form;
#define RASD_MAX_FORMS 12

/* ---- sentences ------------------------------------------------------ */
typedef struct rasd_sentence {
  uint32_t start, end;
  uint32_t tok_begin, tok_end;
  uint8_t is_title;   /* a short line without final punctuation (headline, caption, clutter) */
} rasd_sentence;

/* ---- numbers -------------------------------------------------------- */
enum rasd_qual { RASD_Q_EXACT = 0, RASD_Q_APPROX, RASD_Q_AT_LEAST, RASD_Q_AT_MOST };

typedef struct rasd_number {
  uint32_t start, end;          /* the whole phrase, qualifier and noun included */
  uint32_t tok_begin, tok_end;
  double value;
  uint8_t qual;                 /* enum rasd_qual */
  uint8_t vague;                /* عشرات، مئات... : value is ACLED's conservative figure */
  const char *unit;             /* counted noun class: "fighters", "killed", "injured",
                                   "civilians", "vehicles", "people", ... or NULL */
  uint32_t unit_start, unit_end;/* span of the counted noun (0,0 when none) */
} rasd_number;

/* ---- dates ---------------------------------------------------------- */
enum rasd_prec { RASD_PREC_DAY = 0, RASD_PREC_WEEK, RASD_PREC_MONTH, RASD_PREC_YEAR, RASD_PREC_RANGE };

typedef struct rasd_date {
  uint32_t start, end;
  uint32_t tok_begin, tok_end;
  int32_t day;       /* days since 1970-01-01 (see rasd_days_from_civil) */
  int32_t day_end;   /* last day for RANGE/MONTH/YEAR precision, else == day */
  uint8_t prec;      /* enum rasd_prec */
  uint8_t relative;  /* resolved against the publication date */
  uint8_t hijri;     /* written as a Hijri date */
} rasd_date;

/* ---- places (filled by the geo stage) ------------------------------- */
typedef struct rasd_place {
  uint32_t start, end;
  uint32_t tok_begin, tok_end;
  int32_t entry;         /* gazetteer entry index, -1 when unresolved */
  uint8_t geo_precision; /* 1 town, 2 near/countryside/district, 3 governorate/region */
  uint8_t cue;           /* a cue word (مدينة، بلدة، ريف...) introduced it */
  const char *name, *name_ar, *country, *admin1, *admin2; /* resolved fields or NULL */
  double lat, lon;
  long geonameid;        /* 0 when none */
} rasd_place;

/* ---- actors (filled by the code stage) ------------------------------ */
typedef struct rasd_actor {
  uint32_t start, end;
  uint32_t tok_begin, tok_end;
  const char *entity_name;  /* canonical English name */
  const char *country;      /* ISO3 or IMG/UNO/IGO... */
  const char *sector;       /* PLOVER sector code: MIL GOV COP REB PRM UAF CVL ... */
  int32_t entry;            /* actor-lexicon entry index, -1 when composed */
  const char *rule;         /* for --explain: lexicon entry or composition rule */
} rasd_actor;

struct rasd_event; /* code/event.h */

typedef struct rasd_doc {
  const rasd_article *art;
  const char *text;
  uint32_t len;
  rasd_arena *arena;

  int32_t pub_day;        /* publication day (days since epoch), INT32_MIN if unknown */
  uint8_t pub_from_dateline;
  uint32_t dateline_start, dateline_end; /* span of the dateline when one was read */

  char *keys; uint32_t keys_len, keys_cap;   /* folded keys of all tokens */
  char *stems; uint32_t stems_len, stems_cap; /* stems, computed on first request
                                                 (sized once: pointers stay valid) */
  rasd_token *toks; uint32_t ntoks;
  rasd_sentence *sents; uint32_t nsents;
  rasd_number *nums; uint32_t nnums;
  rasd_date *dates; uint32_t ndates;
  rasd_place *places; uint32_t nplaces;
  rasd_actor *actors; uint32_t nactors;
  struct rasd_event *events; uint32_t nevents;

  uint64_t wgen;          /* the word cache the tokens' wid refer to (words.h) */
  const void *wmemo_owner; /* what the tokens' memo copies were worked out for (words.h) */
  struct rasd_formcache *fcache; /* clitic readings computed so far (text/clitic.c); set up by
                                    rasd_tok_split, NULL in a document built by hand */
} rasd_doc;

#define RASD_NO_DAY INT32_MIN

#endif
