/*
** code/code.h -- the event coder (stage "evt"): actors, triggers, events.
**
** rasd_lex_open loads the actor and trigger lexicons (data/lex/ TSV files, plus
** any user files named in data/lex/MANIFEST or given with --lexicon);
** rasd_code_doc fills doc->actors and doc->events from an analysed
** document whose places are found.
*/
#ifndef RASD_CODE_H
#define RASD_CODE_H
#include "../core/diag.h"
#include "../geo/geo.h"
#include "../text/doc.h"
#include "actor.h"
#include "event.h"

typedef struct rasd_lex rasd_lex;

/* Load the lexicons under dir (dir/lex/MANIFEST), plus extra files (may be
** NULL/0).  A malformed row fails with LEXICON and *diag naming file:line. */
rasd_rc rasd_lex_open(const char *dir, const char *const *extra, int nextra, rasd_lex **out, rasd_diag *diag);
void rasd_lex_free(rasd_lex *lex);

/* Code the events of doc (finds actor mentions first, see actor.h). */
void rasd_code_doc(const rasd_lex *lex, const rasd_gaz *gaz, rasd_doc *doc);

#endif
