/*
** cli/cmd_annotate.c -- `rasd annotate`: the text layer's view of articles.
*/
#include <stdlib.h>

#include "../out/out.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd annotate [OPTIONS] [FILE...]\n"
    "Print, for each article, one JSON line with the publication date and the\n"
    "sentences, numbers (value, qualifier, counted noun), dates (resolved, with\n"
    "precision) and places found, each with its [start, end) byte span.\n\n"
    "Options:\n"
    "  --no-places         the text layer only: no gazetteer, \"places\":[]\n" RASD_HELP_COMMON "\n" RASD_HELP_EXIT;

static void one(void *ctx, const rasd_doc *doc, rasd_buf *out) {
  (void)ctx;
  rasd_out_annotations(out, doc);
}

int rasd_cmd_annotate(int argc, char **argv) {
  rasd_cli_opts o = {0};
  int code = rasd_cli_parse_args("annotate", help, argc, argv, &o, RASD_CLI_NO_PLACES);
  if (code >= 0) return code;
  rasd_engine e;
  if ((code = rasd_cli_open_engine(&e, &o, o.no_places ? 0 : 1)) != RASD_EXIT_OK) return code;
  code = rasd_cli_run(&e, &o, one, NULL);
  rasd_engine_close(&e);
  free(o.paths);
  free(o.lex);
  return rasd_cli_finish_stdout(code);
}
