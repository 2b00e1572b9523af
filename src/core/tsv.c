/*
** core/tsv.c -- the data-file reader (see tsv.h).
*/
#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rasd_rc rasd_tsv_read(const char *path, rasd_tsv_fn fn, void *ctx, rasd_diag *diag) {
  FILE *f = fopen(path, "r");
  if (!f) {
    rasd_diag_set(diag, path, 0, "cannot read data file: %s", strerror(errno));
    return RASD_IO;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long lineno = 0;
  rasd_rc rc = RASD_OK;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    char *p = line;
    while (*p == ' ') p++;
    if (!*p || *p == '#') continue;
    char *fields[RASD_TSV_MAX_FIELDS];
    int nf = 0;
    char *s = line;
    for (;;) {
      char *tab = strchr(s, '\t');
      if (nf < RASD_TSV_MAX_FIELDS) fields[nf++] = s;
      if (!tab) break;
      *tab = 0;
      s = tab + 1;
    }
    diag->msg[0] = 0;
    if (fn(ctx, fields, nf, path, lineno, diag)) {
      diag->source = path;
      diag->line = lineno;
      if (!diag->msg[0]) snprintf(diag->msg, sizeof diag->msg, "bad row");
      rc = RASD_LEXICON;
      break;
    }
  }
  free(line);
  fclose(f);
  return rc;
}
