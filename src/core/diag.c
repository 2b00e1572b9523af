/*
** core/diag.c -- formatting diagnostics (see diag.h).
*/
#include "diag.h"

#include <stdarg.h>
#include <string.h>

void rasd_diag_set(rasd_diag *d, const char *source, long line, const char *fmt, ...) {
  d->source = source;
  d->line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->msg, sizeof d->msg, fmt, ap);
  va_end(ap);
}

void rasd_diag_print(FILE *f, const char *level, const rasd_diag *d) {
  if (d->line > 0)
    fprintf(f, "rasd: %s:%ld: %s: %s", d->source ? d->source : "<stdin>", d->line, level, d->msg);
  else
    fprintf(f, "rasd: %s: %s: %s", d->source ? d->source : "<stdin>", level, d->msg);
  if (d->id[0]) fprintf(f, " (article %s)", d->id);
  fputc('\n', f);
}
