/*
** run/engine.h -- everything loaded once and shared by all articles: the
** gazetteer and the lexicons; and the function that runs every stage on
** one article.
**
** An engine is read-only after rasd_engine_open, so worker threads share
** one.  Data directory: --data DIR, else $RASD_DATA, else the repository's
** data/ directory compiled in at build time (RASD_DATA_DIR).
*/
#ifndef RASD_ENGINE_H
#define RASD_ENGINE_H
#include "../code/code.h"
#include "../core/diag.h"
#include "../geo/geo.h"
#include "../text/text.h"

typedef struct rasd_engine {
  const char *data_dir;
  rasd_gaz *gaz;
  rasd_lex *lex;
} rasd_engine;

/* The data directory to use when none is given. */
const char *rasd_engine_default_data(void);
/* Load what the stages up to `upto` need: 0 text only, 1 +places, 2 +events. */
rasd_rc rasd_engine_open(rasd_engine *e, const char *data_dir, int upto, const char *const *extra_lex, int nextra,
                         rasd_diag *diag);
void rasd_engine_close(rasd_engine *e);
/* Run text (always), geo (when loaded) and code (when loaded) on doc. */
void rasd_engine_run(const rasd_engine *e, rasd_doc *doc);

#endif
