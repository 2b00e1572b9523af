/*
** code/lexicon.c -- actor and trigger lexicons (STUB: filled by the event-coding work).
*/
#include <stdlib.h>

#include "code.h"

struct rasd_lex {
  int unused;
};

rasd_rc rasd_lex_open(const char *dir, const char *const *extra, int nextra, rasd_lex **out, rasd_diag *diag) {
  (void)dir; (void)extra; (void)nextra; (void)diag;
  *out = calloc(1, sizeof **out);
  return *out ? RASD_OK : RASD_NOMEM;
}

void rasd_lex_free(rasd_lex *lex) { free(lex); }

void rasd_code_doc(const rasd_lex *lex, const rasd_gaz *gaz, rasd_doc *doc) {
  (void)gaz;
  (void)lex;
  (void)doc;
}
