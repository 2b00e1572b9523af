/*
** geo/gazetteer.c -- gazetteer loading (STUB: filled by the places work).
*/
#include <stdlib.h>

#include "geo.h"

struct rasd_gaz {
  int unused;
};

rasd_rc rasd_gaz_open(const char *dir, rasd_gaz **out, rasd_diag *diag) {
  (void)dir;
  (void)diag;
  *out = calloc(1, sizeof **out);
  return *out ? RASD_OK : RASD_NOMEM;
}

void rasd_gaz_free(rasd_gaz *g) { free(g); }

void rasd_geo_find(const rasd_gaz *g, rasd_doc *doc) {
  (void)g;
  (void)doc;
}
