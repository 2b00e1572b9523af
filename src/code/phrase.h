/*
** code/phrase.h -- a phrase lexicon: Arabic phrases of one or more words
** matched on tokens, clitic-aware, longest match first.
**
** Phrases are stored by their folded key (text/uni.h) with the first
** word's article removed (rasd_key_noart) and every later word compared
** without its article too, so "البوكمال", "وبالبوكمال" and "للبوكمال" all
** meet the entry "البوكمال", and "دير الزور" meets "دير زور".  The first
** token may carry proclitics (و ف ب ك ل ال س); an enclitic pronoun on it
** (قواتها) is accepted only when the lexicon allows it.  Quote marks
** between the words of a phrase are skipped.
**
** Each phrase maps to one uint32 value (the caller's row index).  Lookups
** never allocate; a built lexicon can be shared between threads.
*/
#ifndef RASD_PHRASE_H
#define RASD_PHRASE_H
#include <stdint.h>

#include "../text/doc.h"

typedef struct rasd_phrase_lex rasd_phrase_lex;

typedef struct rasd_phrase_hit {
  uint32_t tok_begin, tok_end; /* tokens [begin, end) */
  uint32_t value;              /* what rasd_phrase_add stored */
  uint8_t clitics;             /* RASD_CL_* stripped from the first token */
  uint8_t nwords;
} rasd_phrase_hit;

#define RASD_PHRASE_MAX_WORDS 8

rasd_phrase_lex *rasd_phrase_new(void);
void rasd_phrase_free(rasd_phrase_lex *lx);

/* Add phrase (UTF-8, any spelling: it is folded here) -> value.
** Returns 1 when added, 0 when empty or over RASD_PHRASE_MAX_WORDS words,
** -1 when the phrase was already there (the old value is kept; *old set). */
int rasd_phrase_add(rasd_phrase_lex *lx, const char *phrase, size_t n, uint32_t value, uint32_t *old);

/* Longest phrase starting at token i and ending before token `end`.
** allow_enc: accept a first token read with an enclitic pronoun removed.
** Returns 1 with *m filled, else 0. */
int rasd_phrase_match(const rasd_phrase_lex *lx, const rasd_doc *d, uint32_t i, uint32_t end, int allow_enc,
                      rasd_phrase_hit *m);

/* Number of phrases. */
uint32_t rasd_phrase_count(const rasd_phrase_lex *lx);
/* Let matches remember, per spelling in the word cache (text/words.h), that
** a word starts none of lx's phrases: bit pair `bit` (0..15) of the slot
** owned by `owner`, which all lexicons used together share. */
void rasd_phrase_memo(rasd_phrase_lex *lx, const void *owner, int bit);

#endif
