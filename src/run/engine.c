/*
** run/engine.c -- load shared resources and run the stages on an article.
*/
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

const char *rasd_engine_default_data(void) {
  const char *env = getenv("RASD_DATA");
  return env && *env ? env : RASD_DATA_DIR;
}

rasd_rc rasd_engine_open(rasd_engine *e, const char *data_dir, int upto, const char *const *extra_lex, int nextra,
                         rasd_diag *diag) {
  memset(e, 0, sizeof *e);
  e->data_dir = data_dir ? data_dir : rasd_engine_default_data();
  rasd_rc rc;
  if (upto >= 1 && (rc = rasd_gaz_open(e->data_dir, &e->gaz, diag)) != RASD_OK) return rc;
  if (upto >= 2 && (rc = rasd_lex_open(e->data_dir, extra_lex, nextra, &e->lex, diag)) != RASD_OK) {
    rasd_engine_close(e);
    return rc;
  }
  return RASD_OK;
}

void rasd_engine_close(rasd_engine *e) {
  rasd_gaz_free(e->gaz);
  rasd_lex_free(e->lex);
  e->gaz = NULL;
  e->lex = NULL;
}

void rasd_engine_run(const rasd_engine *e, rasd_doc *doc) {
  rasd_text_analyze(doc);
  if (e->gaz) rasd_geo_find(e->gaz, doc);
  if (e->lex) rasd_code_doc(e->lex, e->gaz, doc);
}
