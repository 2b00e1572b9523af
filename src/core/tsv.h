/*
** core/tsv.h -- reading the project's data files: tab-separated rows,
** '#' comments and blank lines skipped.
**
** rasd_tsv_read calls fn once per row with the fields split in place
** (NUL-terminated, trailing CR removed).  fn returns 0 to go on, or
** non-zero after filling diag->msg to stop with RASD_LEXICON: the caller
** then reports "FILE:LINE: error: MSG".
*/
#ifndef RASD_TSV_H
#define RASD_TSV_H
#include "diag.h"

#define RASD_TSV_MAX_FIELDS 16

typedef int (*rasd_tsv_fn)(void *ctx, char **fields, int nfields, const char *file, long line, rasd_diag *diag);

/* IO when the file cannot be read; LEXICON when fn refused a row. */
rasd_rc rasd_tsv_read(const char *path, rasd_tsv_fn fn, void *ctx, rasd_diag *diag);

#endif
