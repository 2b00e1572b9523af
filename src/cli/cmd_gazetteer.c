/*
** cli/cmd_gazetteer.c -- `rasd gazetteer` (STUB: filled by its own work).
*/
#include <string.h>

#include "cli.h"

int rasd_cmd_gazetteer(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
    puts("Usage: rasd gazetteer ... (not implemented yet)");
    return rasd_cli_finish_stdout(RASD_EXIT_OK);
  }
  fprintf(stderr, "rasd gazetteer: not implemented yet\n");
  return RASD_EXIT_USAGE;
}
