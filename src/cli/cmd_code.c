/*
** cli/cmd_code.c -- `rasd code`: articles in, PLOVER event records out
** (one JSON line per event, docs/FORMAT.md); --explain adds the lexicon
** rows and rules behind each record.
*/
#include <stdlib.h>

#include "../out/out.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd code [OPTIONS] [FILE...]\n"
    "Code Arabic news articles into PLOVER event records, one JSON object a\n"
    "line on standard output (fields: docs/FORMAT.md).  Background events the\n"
    "article recalls as history carry \"background\": true.\n\n"
    "Options:\n"
    "  --explain           add to each event the lexicon entries and rules that made it\n"
    "  --lexicon FILE      load an extra lexicon (TSV; repeatable): a file whose name\n"
    "                      holds \"trigger\" adds trigger rows, \"cue\" cue rows, any\n"
    "                      other actor rows (formats: docs/FORMAT.md)\n" RASD_HELP_COMMON "\n" RASD_HELP_EXIT;

static void one(void *ctx, const rasd_doc *doc, rasd_buf *out) {
  const rasd_cli_opts *o = ctx;
  for (uint32_t i = 0; i < doc->nevents; i++) rasd_out_event_json(out, doc, &doc->events[i], (int)i + 1, o->explain);
}

int rasd_cmd_code(int argc, char **argv) {
  rasd_cli_opts o = {0};
  int code = rasd_cli_parse_args("code", help, argc, argv, &o, 1);
  if (code >= 0) {
    free(o.paths);
    free(o.lex);
    return code;
  }
  rasd_engine e;
  if ((code = rasd_cli_open_engine(&e, &o, 2)) == RASD_EXIT_OK) {
    code = rasd_cli_run(&e, &o, one, &o);
    rasd_engine_close(&e);
  }
  free(o.paths);
  free(o.lex);
  return rasd_cli_finish_stdout(code);
}
