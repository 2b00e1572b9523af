/*
** core/diag.h -- a diagnostic about one input record, and how the CLI prints it.
**
** The failing stage fills a rasd_diag; the command prints it as
**   rasd: FILE:LINE: error: MESSAGE (article ID)
** on stderr and goes on with the next record.
*/
#ifndef RASD_DIAG_H
#define RASD_DIAG_H
#include <stdio.h>

#include "err.h"

typedef struct rasd_diag {
  const char *source; /* file name or "<stdin>" */
  long line;          /* 1-based line, 0 when the whole file is the record */
  char id[128];       /* article id when known, else "" */
  char msg[256];
} rasd_diag;

void rasd_diag_set(rasd_diag *d, const char *source, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Print "rasd: SOURCE[:LINE]: LEVEL: MSG[ (article ID)]" to f. */
void rasd_diag_print(FILE *f, const char *level, const rasd_diag *d);

#endif
