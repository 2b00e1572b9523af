/*
** cli/cli.h -- what the command files share: the command table, common
** options, and the loop that runs the pipeline over an article stream.
**
** Conventions (jq's): no path or "-" reads stdin; records go to stdout,
** diagnostics to stderr; a bad record is reported and skipped unless
** --strict; exit codes are RASD_EXIT_* (core/err.h).
*/
#ifndef RASD_CLI_H
#define RASD_CLI_H
#include <stdio.h>

#include "../core/buf.h"
#include "../run/engine.h"

typedef struct rasd_cli_opts {
  const char *data_dir;   /* --data */
  int strict;             /* --strict: stop at the first bad record */
  int explain;            /* --explain (code) */
  int no_places;          /* --no-places (annotate) */
  int quiet;              /* -q: no progress, no summary */
  size_t max_article;     /* --max-article BYTES */
  const char *format;     /* --format */
  const char **paths; int npaths;
  const char **lex; int nlex; /* --lexicon FILE (repeatable) */
} rasd_cli_opts;

/* Try to consume one common option at argv[*i] (advancing *i past its
** value).  Returns 1 when taken, 0 when not a common option, -1 on a
** missing/bad value (message printed). */
int rasd_cli_common_opt(rasd_cli_opts *o, int argc, char **argv, int *i);

/* Parse a command line made only of common options, the command's own
** flags among RASD_CLI_* (allow) and paths.  Returns -1 to go on, else the
** exit code to return (after --help, or a usage error). */
enum { RASD_CLI_EXPLAIN = 1, RASD_CLI_NO_PLACES = 2 };
int rasd_cli_parse_args(const char *cmd, const char *help, int argc, char **argv, rasd_cli_opts *o, unsigned allow);
/* Open the engine up to a stage (see rasd_engine_open); prints the
** diagnostic and returns an exit code other than 0 on failure. */
int rasd_cli_open_engine(rasd_engine *e, const rasd_cli_opts *o, int upto);

/* Per-article callback: write the article's records into out. */
typedef void (*rasd_cli_article_fn)(void *ctx, const rasd_doc *doc, rasd_buf *out);

/* Read every article of o->paths, run the engine on it, call fn, write
** the records to stdout.  Returns an exit code. */
int rasd_cli_run(const rasd_engine *e, const rasd_cli_opts *o, rasd_cli_article_fn fn, void *ctx);

/* Flush and close stdout; returns RASD_EXIT_IO (with a message) on failure. */
int rasd_cli_finish_stdout(int code);

/* Print "rasd: error: MSG" and the command's usage hint; returns RASD_EXIT_USAGE. */
int rasd_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The commands (one file each). */
int rasd_cmd_code(int argc, char **argv);
int rasd_cmd_annotate(int argc, char **argv);
int rasd_cmd_ingest(int argc, char **argv);
int rasd_cmd_query(int argc, char **argv);
int rasd_cmd_gazetteer(int argc, char **argv);

extern const char rasd_version[];

/* Text shared by every command's --help. */
#define RASD_HELP_EXIT                                                          \
  "Exit status: 0 all records processed; 1 some records skipped; 2 usage;\n"   \
  "             3 lexicon/gazetteer/configuration error; 4 I/O error.\n"

#define RASD_HELP_COMMON                                                        \
  "  --data DIR          data directory (default: $RASD_DATA or the built-in)\n" \
  "  --strict            stop at the first bad record instead of skipping it\n" \
  "  --max-article N     skip articles over N bytes (default 8 MiB)\n"         \
  "  -q, --quiet         no progress line and no summary on stderr\n"         \
  "  -h, --help          this help\n"

#endif
