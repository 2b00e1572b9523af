/*
** cli/main.c -- the `rasd` command: dispatch to a subcommand.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
  const char *name;
  int (*fn)(int, char **);
  const char *what;
} commands[] = {
    {"code", rasd_cmd_code, "code articles into PLOVER event records (JSON Lines)"},
    {"annotate", rasd_cmd_annotate, "show sentences, numbers, dates and places found in articles"},
    {"ingest", rasd_cmd_ingest, "code articles into an SQLite event store"},
    {"query", rasd_cmd_query, "query the event store; export JSON Lines, ACLED CSV, GeoJSON"},
    {"gazetteer", rasd_cmd_gazetteer, "build, import into and look up the gazetteer"},
};

static void usage(FILE *f) {
  fprintf(f,
          "Usage: rasd COMMAND [OPTIONS] [FILE...]\n"
          "rasd reads Arabic news reports and writes structured, geocoded event data.\n\n"
          "Commands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].what);
  fprintf(f,
          "\nInput: JSON Lines ({\"id\",\"text\" or \"html\",\"date\",...} a line, .gz too),\n"
          "HTML or text files, directories of them; no FILE or '-' reads stdin.\n"
          "'rasd COMMAND --help' tells more.  'rasd --version' prints the version.\n\n" RASD_HELP_EXIT);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return RASD_EXIT_USAGE;
  }
  if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return rasd_cli_finish_stdout(RASD_EXIT_OK);
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
    printf("%s\n", rasd_version);
    return rasd_cli_finish_stdout(RASD_EXIT_OK);
  }
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
  fprintf(stderr, "rasd: error: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return RASD_EXIT_USAGE;
}
