/*
** code/actor.c -- actor lexicon and mentions (STUB: filled by the actors work).
*/
#include "actor.h"

#include <stdlib.h>

struct rasd_actor_lex {
  int unused;
};

rasd_rc rasd_actor_lex_open(const char *dir, const char *const *extra, int nextra, rasd_actor_lex **out,
                            rasd_diag *diag) {
  (void)dir; (void)extra; (void)nextra; (void)diag;
  *out = calloc(1, sizeof **out);
  return *out ? RASD_OK : RASD_NOMEM;
}

void rasd_actor_lex_free(rasd_actor_lex *lx) { free(lx); }

void rasd_actor_find(const rasd_actor_lex *lx, rasd_doc *doc) { (void)lx; (void)doc; }
