/*
** code/code.h -- the event coder (stage "evt"): actors, triggers, events.
**
** rasd_lex_open loads the actor lexicons (actor.h), the trigger table
** data/lex/triggers.tsv and the cue table data/lex/cues.tsv, plus user files
** given with --lexicon: a name holding "trigger" is a trigger table, "cue" a
** cue table, any other an actor lexicon (docs/FORMAT.md).  rasd_code_doc
** fills doc->actors and doc->events (one record per reported happening, in
** the document arena) from an analysed document whose places are found.
** The loaded lexicon is read-only: threads share it.
*/
#ifndef RASD_CODE_H
#define RASD_CODE_H
#include "../core/diag.h"
#include "../geo/geo.h"
#include "../text/doc.h"
#include "actor.h"
#include "event.h"

typedef struct rasd_lex rasd_lex;

/* Load the lexicons under dir/lex/, plus extra files (may be NULL/0).  A
** malformed row fails with LEXICON and *diag naming file:line; a missing file
** with IO.  On failure *out is NULL.  Free with rasd_lex_free (NULL is fine). */
rasd_rc rasd_lex_open(const char *dir, const char *const *extra, int nextra, rasd_lex **out, rasd_diag *diag);
void rasd_lex_free(rasd_lex *lex);

/* Code the events of doc (finds actor mentions first, see actor.h).  Cannot
** fail; allocates only in doc->arena. */
void rasd_code_doc(const rasd_lex *lex, const rasd_gaz *gaz, rasd_doc *doc);

#endif
