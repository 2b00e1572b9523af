/*
** core/err.h -- result codes shared by every stage.
**
** One X-macro list generates both `enum rasd_rc` and rasd_errstr(), so a
** code and its message can never drift apart.  Functions return rasd_rc and
** pass results through out-parameters; RASD_OK is always 0.
*/
#ifndef RASD_ERR_H
#define RASD_ERR_H

#define RASD_RC_MAP(X)                                   \
  X(OK, "success")                                       \
  X(NOMEM, "out of memory")                              \
  X(IO, "input/output error")                            \
  X(BADJSON, "invalid JSON")                             \
  X(BADUTF8, "invalid UTF-8")                            \
  X(BADINPUT, "invalid input")                           \
  X(TOOBIG, "input too large")                           \
  X(EMPTY, "empty article")                              \
  X(LEXICON, "lexicon error")                            \
  X(DB, "database error")                                \
  X(USAGE, "usage error")                                \
  X(NOTFOUND, "not found")

typedef enum rasd_rc {
#define RASD__RC_ENUM(name, msg) RASD_##name,
  RASD_RC_MAP(RASD__RC_ENUM)
#undef RASD__RC_ENUM
  RASD__RC_COUNT
} rasd_rc;

/* Static English message for a code; never NULL. */
const char *rasd_errstr(rasd_rc rc);

/* Process exit codes (documented in every command's --help). */
enum {
  RASD_EXIT_OK = 0,      /* everything processed */
  RASD_EXIT_SKIPPED = 1, /* some records were rejected and skipped */
  RASD_EXIT_USAGE = 2,   /* bad command line */
  RASD_EXIT_CONFIG = 3,  /* lexicon / gazetteer / configuration error */
  RASD_EXIT_IO = 4       /* I/O error, including a failed write to stdout */
};

#endif
