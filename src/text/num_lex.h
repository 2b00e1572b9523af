/*
** text/num_lex.h -- the word lists of the number and date finders (internal).
**
** One table, built once per process (pthread_once) from the generated data
** tables gen_numword.h, gen_numunit.h, gen_numqual.h, gen_month.h and
** gen_reldate.h: every word is folded with rasd_uni_key and interned in one
** hash map.  A word carries its number-word class, its counted-noun class and
** the chain of phrases (qualifiers, month names, date words) it starts.
** Lookups never allocate; the table is read-only after the build, so
** concurrent lookups are safe.  Words are stored without enclitics, so a cheap
** suffix filter (rasd__tl_maybe) rules most tokens out before any lookup.
*/
#ifndef RASD_NUM_LEX_H
#define RASD_NUM_LEX_H
#include "text.h"

/* number-word classes (data/text/numword.tsv) */
enum { RASD__NW_UNIT = 1, RASD__NW_TEENHEAD, RASD__NW_TEN, RASD__NW_HUNDRED, RASD__NW_SCALE,
       RASD__NW_SCALEPL, RASD__NW_SCALEDUAL, RASD__NW_VAGUE, RASD__NW_ORDINAL };
/* counted-noun forms (data/text/numunit.tsv) */
enum { RASD__NU_SG = 1, RASD__NU_PL, RASD__NU_DUAL, RASD__NU_OF, RASD__NU_ADJ, RASD__NU_BLOCK };
/* date-word kinds (data/text/reldate.tsv) */
enum { RASD__RD_DAY = 1, RASD__RD_TOD, RASD__RD_WDAY, RASD__RD_DIR, RASD__RD_WEEK, RASD__RD_MONTH,
       RASD__RD_YEAR, RASD__RD_YTD, RASD__RD_RECENT, RASD__RD_LATEYEAR, RASD__RD_SINCE, RASD__RD_AGO,
       RASD__RD_DUR, RASD__RD_DUR2, RASD__RD_DURPL, RASD__RD_YEARWORD, RASD__RD_MONTHWORD, RASD__RD_CUE,
       RASD__RD_OF, RASD__RD_HIJRI, RASD__RD_AD, RASD__RD_BLOCK, RASD__RD_BLOCKPRE };
/* phrase tables */
enum { RASD__PT_QUAL = 1, RASD__PT_MONTH, RASD__PT_REL };

#define RASD__PHRASE_MAX 6

typedef struct rasd__tword {
  uint8_t ncls;      /* RASD__NW_* or 0 */
  uint8_t uform;     /* RASD__NU_* or 0 */
  double nval;       /* value of a number word */
  const char *unit;  /* counted-noun class ("fighters"...) or NULL */
  int32_t phr;       /* first phrase starting with this word, -1 when none */
  uint8_t ptabs;     /* bit (1 << RASD__PT_*) for each table with a phrase starting here */
  uint32_t pkinds;   /* RASD__K(kind) for each REL phrase starting here */
} rasd__tword;

typedef struct rasd__tphrase {
  uint8_t tab, nw;   /* RASD__PT_*, number of words */
  int16_t a, b, c;   /* QUAL: qual, post.  MONTH: month, hijri, amb.  REL: kind, n */
  int32_t next;      /* next phrase with the same first word, -1 */
  const char *w[RASD__PHRASE_MAX]; /* folded words (w[0] is the first) */
  uint32_t wn[RASD__PHRASE_MAX];
} rasd__tphrase;

/* Build the table (idempotent, thread-safe). */
void rasd__tl_init(void);
/* 0 when no clitic reading of a key can be a lexicon word (cheap filter). */
int rasd__tl_maybe(const char *key, uint32_t n);
/* 1 when token i is known to hold no lexicon word in any reading (most
** tokens; the finders skip them without asking further). */
static inline int rasd__tl_none(const rasd_doc *d, uint32_t i) { return i < d->ntoks && d->toks[i].tl_n == 1; }
/* The lexicon word for an exact folded key, or NULL. */
const rasd__tword *rasd__tl_word(const char *key, uint32_t n);
/* The first clitic reading of token i (least stripped first) that is a
** lexicon word with one of the properties in want (bit 1: number word,
** 2: counted noun, 4: starts a phrase), using only clitics in allow
** (RASD_CL_*; enclitic readings are never used).  *cl gets the stripped
** clitics.  NULL when none. */
#define RASD__TW_NUM 1
#define RASD__TW_UNIT 2
#define RASD__TW_PHR 4
const rasd__tword *rasd__tl_tok_(const rasd_doc *d, uint32_t i, unsigned want, unsigned allow, uint8_t *cl);
static inline const rasd__tword *rasd__tl_tok(const rasd_doc *d, uint32_t i, unsigned want, unsigned allow, uint8_t *cl) {
  return rasd__tl_none(d, i) ? NULL : rasd__tl_tok_(d, i, want, allow, cl);
}
/* A counted noun read through an enclitic reading of token i (عناصرها ->
** عناصر), or NULL.  Not cached: only asked right after a number. */
const rasd__tword *rasd__tl_unit_enc(const rasd_doc *d, uint32_t i);
/* The longest phrase of table tab (for REL: kind bit (1u << kind) set in
** kinds; other tables ignore kinds) that starts at token i (its first word
** read with clitics in allow, the rest exact) and stays in token i's
** sentence.  Returns the phrase and sets *end (exclusive token index); NULL
** when none. */
const rasd__tphrase *rasd__tl_phrase_(const rasd_doc *d, uint32_t i, int tab, uint32_t kinds, unsigned allow,
                                      uint32_t *end);
static inline const rasd__tphrase *rasd__tl_phrase(const rasd_doc *d, uint32_t i, int tab, uint32_t kinds,
                                                   unsigned allow, uint32_t *end) {
  return rasd__tl_none(d, i) ? NULL : rasd__tl_phrase_(d, i, tab, kinds, allow, end);
}
#define RASD__K(kind) (1u << (kind))
/* 1 when some phrase of a table in tabs (bits 1 << RASD__PT_*; for REL only
** the kinds in kinds) starts with a reading of token i allowed by allow, or
** a reading allowed by num_allow is a number word. */
int rasd__tl_starts(const rasd_doc *d, uint32_t i, unsigned tabs, uint32_t kinds, unsigned allow, unsigned num_allow);
/* (rasd__tl_tok and rasd__tl_phrase turn away, inline, tokens known to hold
** no lexicon word.) */

/* Tabular Islamic calendar (civil epoch 622-07-16 Julian): days since
** 1970-01-01 of Hijri y/m/d, and back. */
int32_t rasd__hijri_days(int y, int m, int d);
void rasd__hijri_from_days(int32_t z, int *y, int *m, int *d);

#endif
