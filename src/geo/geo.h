/*
** geo/geo.h -- the gazetteer and place resolution (stage "gaz").
**
** rasd_gaz_open loads the compiled gazetteer from a data directory;
** rasd_geo_find fills doc->places with every place mention in the text,
** resolved to coordinates and admin areas where possible (entry -1 and
** NULL fields when a mention is recognised but not resolved).
*/
#ifndef RASD_GEO_H
#define RASD_GEO_H
#include "../core/diag.h"
#include "../text/doc.h"

typedef struct rasd_gaz rasd_gaz;

/* Load the gazetteer found under dir (see docs/GAZETTEER.md).  On failure
** returns LEXICON or IO with *diag filled and *out NULL. */
rasd_rc rasd_gaz_open(const char *dir, rasd_gaz **out, rasd_diag *diag);
void rasd_gaz_free(rasd_gaz *g);
/* Find and resolve place mentions (needs rasd_text_analyze first). */
void rasd_geo_find(const rasd_gaz *g, rasd_doc *doc);

#endif
