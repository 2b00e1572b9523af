/*
** cli/cmd_code.c -- `rasd code`: articles in, PLOVER event records out
** (one JSON line per event, docs/FORMAT.md); --explain adds the lexicon
** rows and rules behind each record; --format csv|geojson writes the same
** events as ACLED-style CSV rows or a GeoJSON FeatureCollection.
*/
#include <stdlib.h>
#include <string.h>

#include "../out/out.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd code [OPTIONS] [FILE...]\n"
    "Code Arabic news articles into PLOVER event records, one JSON object a\n"
    "line on standard output (fields: docs/FORMAT.md).  Background events the\n"
    "article recalls as history carry \"background\": true.\n\n"
    "Options:\n"
    "  --explain           add to each event the lexicon entries and rules that made it\n"
    "  --format FMT        jsonl (default), csv (ACLED columns, docs/STORE.md) or geojson\n"
    "  --lexicon FILE      load an extra lexicon (TSV; repeatable): a file whose name\n"
    "                      holds \"trigger\" adds trigger rows, \"cue\" cue rows, any\n"
    "                      other actor rows (formats: docs/FORMAT.md)\n" RASD_HELP_COMMON "\n" RASD_HELP_EXIT;

enum { FMT_JSONL, FMT_CSV, FMT_GEOJSON };

typedef struct {
  const rasd_cli_opts *o;
  int fmt;
  int first; /* no GeoJSON feature written yet */
} code_ctx;

static void one(void *ctx, const rasd_doc *doc, rasd_buf *out) {
  code_ctx *c = ctx;
  for (uint32_t i = 0; i < doc->nevents; i++) {
    const rasd_event *ev = &doc->events[i];
    if (c->fmt == FMT_CSV) rasd_out_event_csv(out, doc, ev, (int)i + 1);
    else if (c->fmt == FMT_GEOJSON) {
      rasd_out_event_geojson(out, doc, ev, (int)i + 1, c->first);
      c->first = 0;
    } else rasd_out_event_json(out, doc, ev, (int)i + 1, c->o->explain);
  }
}

/* Write what a format puts before (begin) or after the records. */
static void frame(int fmt, int begin) {
  rasd_buf b = {0};
  if (fmt == FMT_CSV && begin) rasd_out_csv_header(&b);
  if (fmt == FMT_GEOJSON) {
    if (begin) rasd_out_geojson_begin(&b);
    else rasd_out_geojson_end(&b);
  }
  if (b.n) fwrite(b.p, 1, b.n, stdout);
  rasd_buf_free(&b);
}

int rasd_cmd_code(int argc, char **argv) {
  rasd_cli_opts o = {0};
  int code = rasd_cli_parse_args("code", help, argc, argv, &o, RASD_CLI_EXPLAIN);
  if (code >= 0) {
    free(o.paths);
    free(o.lex);
    return code;
  }
  code_ctx c = {&o, FMT_JSONL, 1};
  if (o.format && !strcmp(o.format, "csv")) c.fmt = FMT_CSV;
  else if (o.format && !strcmp(o.format, "geojson")) c.fmt = FMT_GEOJSON;
  else if (o.format && strcmp(o.format, "jsonl") && strcmp(o.format, "json")) {
    free(o.paths);
    free(o.lex);
    return rasd_cli_usage_error("code", "--format takes jsonl, csv or geojson, not '%s'", o.format);
  }
  rasd_engine e;
  if ((code = rasd_cli_open_engine(&e, &o, 2)) == RASD_EXIT_OK) {
    frame(c.fmt, 1);
    code = rasd_cli_run(&e, &o, one, &c);
    frame(c.fmt, 0);
    rasd_engine_close(&e);
  }
  free(o.paths);
  free(o.lex);
  return rasd_cli_finish_stdout(code);
}
