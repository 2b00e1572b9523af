/*
** core/err.c -- messages for the result codes declared in err.h.
*/
#include "err.h"

const char *rasd_errstr(rasd_rc rc) {
  static const char *const msgs[] = {
#define RASD__RC_MSG(name, msg) msg,
      RASD_RC_MAP(RASD__RC_MSG)
#undef RASD__RC_MSG
  };
  if ((unsigned)rc >= RASD__RC_COUNT) return "unknown error";
  return msgs[rc];
}
