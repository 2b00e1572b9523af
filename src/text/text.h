/*
** text/text.h -- the Arabic text layer's entry points.
**
** rasd_doc_init + rasd_text_analyze turn an article into sentences, tokens
** (with folded keys), numbers and dates, all with byte spans (see doc.h).
** Everything allocated lives in the arena passed to rasd_doc_init.
*/
#ifndef RASD_TEXT_H
#define RASD_TEXT_H
#include "doc.h"

/* Prepare doc for art (zeroes every array).  Does not copy the text. */
void rasd_doc_init(rasd_doc *doc, const rasd_article *art, rasd_arena *arena);

/* Run the whole text layer: publication date (from art->date or the
** dateline), sentences + tokens, numbers, dates.  Cannot fail: invalid
** UTF-8 bytes are skipped (readers reject such articles before this). */
void rasd_text_analyze(rasd_doc *doc);

/* -- steps, in the order rasd_text_analyze runs them ------------------- */
void rasd_tok_split(rasd_doc *doc);     /* tokens + sentences (token.c) */
void rasd_num_find(rasd_doc *doc);      /* numbers (number.c) */
void rasd_date_pub(rasd_doc *doc);      /* publication day (date.c) */
void rasd_date_find(rasd_doc *doc);     /* dates (date.c) */

/* -- token helpers ------------------------------------------------------ */
/* Key of token i (not NUL-terminated; length in *n). */
static inline const char *rasd_tok_key(const rasd_doc *d, uint32_t i, uint32_t *n) {
  *n = d->toks[i].key_len;
  return d->keys + d->toks[i].key;
}
/* 1 when token i's key equals the NUL-terminated folded string s. */
int rasd_tok_is(const rasd_doc *d, uint32_t i, const char *s);

/* The clitic readings of token i, least stripped first: the key itself,
** then the key without proclitics (و ف, ب ك ل, ال/لل, س) and/or one enclitic
** pronoun (ه ها هم هما كم كن نا ي ك), each leaving >= 2 letters.
** A leading ال is always stripped in some reading, so lexicons store their
** first word without it (rasd_key_noart).  Returns the count (<= RASD_MAX_FORMS). */
int rasd_tok_forms(const rasd_doc *d, uint32_t i, rasd_form out[RASD_MAX_FORMS]);
/* The same readings without a copy: computed on first use and kept in the
** document's arena (valid until it is reset), with their rasd_strmap_hash
** values in *hash when hash is non-NULL.  *n gets the count. */
static inline const rasd_form *rasd_tok_forms_ref(const rasd_doc *d, uint32_t i, int *n, const uint64_t **hash);
/* Set up d->fcache for d->ntoks tokens (rasd_tok_split calls it). */
void rasd__tok_forms_init(rasd_doc *d);
/* Internals of rasd_tok_forms_ref (clitic.c): compute and keep token i's readings. */
struct rasd_formcache {
  uint32_t ntoks;
  struct rasd_formtok { const rasd_form *f; uint32_t n; } *tok; /* set once the token has RASD_TOKF_FORMS */
  unsigned char *chunk; /* free room in the current chunk */
  uint32_t room;
  uint32_t (*tl_h)[4];  /* per token: the hits (allocated on first use) */
};
const rasd_form *rasd__tok_forms_fill(const rasd_doc *d, uint32_t i, int *n, const uint64_t **hash);
static inline const rasd_form *rasd_tok_forms_ref(const rasd_doc *d, uint32_t i, int *n, const uint64_t **hash) {
  const struct rasd_formcache *c = d->fcache;
  if (c && i < c->ntoks && (d->toks[i].flags & RASD_TOKF_FORMS)) {
    const struct rasd_formtok *t = &c->tok[i];
    *n = (int)t->n;
    if (hash) *hash = (const uint64_t *)(t->f + t->n);
    return t->f;
  }
  return rasd__tok_forms_fill(d, i, n, hash);
}
/* Length of s[0..n) after dropping a leading ال (keeping >= 2 letters):
** returns the offset to skip (0 or 2 bytes' worth: 4). */
uint32_t rasd_key_noart(const char *s, uint32_t n);

/* Snowball Arabic stem of token i's key (word tokens; others: the key).
** Computed on the first request through a per-thread cache and kept in
** doc->stems, which never moves: the pointer lives as long as the doc.
** (The doc is logically const: only its stem cache fills in.) */
const char *rasd_tok_stem(const rasd_doc *d, uint32_t i, uint32_t *n);
/* Stem an arbitrary folded key into out (room for n+8 bytes); returns length.
** Uses the same per-thread cache. */
size_t rasd_stem_key(const char *key, size_t n, char *out);

/* Free this thread's stem cache, Snowball stemmer and word cache
** (text/words.h): a worker thread calls it before it ends.  The next use
** starts afresh. */
void rasd_text_thread_free(void);

/* Append bytes to doc->keys, returning their offset.  Only the text layer
** appends; after rasd_text_analyze doc->keys never moves. */
uint32_t rasd_doc_keys_append(rasd_doc *d, const char *s, uint32_t n);

/* -- calendar ----------------------------------------------------------- */
int32_t rasd_days_from_civil(int y, int m, int d);
void rasd_civil_from_days(int32_t z, int *y, int *m, int *d);
/* 0 = Sunday ... 6 = Saturday */
int rasd_weekday(int32_t days);
/* Write YYYY-MM-DD and a NUL into out (11 bytes). */
void rasd_day_str(int32_t days, char out[11]);
/* Parse YYYY-MM-DD at the start of s (also accepts YYYY-MM-DD hh:mm...). */
int rasd_day_parse(const char *s, int32_t *days);

#endif
