/*
** code/actor.h -- actor lexicon and actor mentions (stage "evt").
**
** Named actors (قوات النظام، الدفاع الوطني، داعش، الحوثيون...) come from
** data/lex/actors.tsv; generic actors are composed from a role noun (جيش،
** قوات، شرطة، مسلحون، مدنيون...) and a nationality or country (الروسي،
** التركية، العراق...).  rasd_actor_find fills doc->actors in text order.
*/
#ifndef RASD_ACTOR_H
#define RASD_ACTOR_H
#include "../core/diag.h"
#include "../text/doc.h"

typedef struct rasd_actor_lex rasd_actor_lex;

/* Load the actor lexicons under dir/lex/ plus extra user files (may be
** NULL/0).  LEXICON with *diag at file:line for a malformed row. */
rasd_rc rasd_actor_lex_open(const char *dir, const char *const *extra, int nextra, rasd_actor_lex **out,
                            rasd_diag *diag);
void rasd_actor_lex_free(rasd_actor_lex *lx);

/* Find actor mentions in doc (after the text layer). */
void rasd_actor_find(const rasd_actor_lex *lx, rasd_doc *doc);

#endif
