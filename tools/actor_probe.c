/*
** tools/actor_probe.c -- print the actor mentions of articles, for
** tools/actor_coverage.py (not part of the engine; built by that script
** against the objects of a build directory).
**
** stdin: one article a line, "DATE<TAB>TEXT", with each newline of TEXT
** written as the byte 0x01 (byte offsets are unchanged).  stdout: one line
** per article, the actors as TSV records separated by 0x1e:
** start, end, entity_name, country ("" = none), sector, rule.
** Usage: actor_probe [DATA_DIR]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/code/actor.h"
#include "../src/run/engine.h"

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : rasd_engine_default_data();
  rasd_diag dg;
  memset(&dg, 0, sizeof dg);
  rasd_engine e;
  int upto = 1;
  if (rasd_engine_open(&e, dir, upto, NULL, 0, &dg) != RASD_OK) {
    upto = 0; /* no gazetteer: actors without place hints */
    if (rasd_engine_open(&e, dir, upto, NULL, 0, &dg) != RASD_OK) {
      rasd_diag_print(stderr, "error", &dg);
      return 3;
    }
  }
  rasd_actor_lex *lx;
  if (rasd_actor_lex_open(dir, NULL, 0, &lx, &dg) != RASD_OK) {
    rasd_diag_print(stderr, "error", &dg);
    return 3;
  }
  rasd_arena arena;
  rasd_arena_init(&arena);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, stdin)) >= 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    char *tab = strchr(line, '\t');
    if (!tab) { putchar('\n'); continue; }
    *tab = 0;
    for (char *p = tab + 1; *p; p++)
      if (*p == 1) *p = '\n';
    rasd_article art;
    memset(&art, 0, sizeof art);
    art.id = "probe";
    art.text = tab + 1;
    art.text_len = strlen(tab + 1);
    art.date = line;
    rasd_doc doc;
    rasd_arena_reset(&arena);
    rasd_doc_init(&doc, &art, &arena);
    rasd_engine_run(&e, &doc);
    rasd_actor_find(lx, &doc);
    for (uint32_t i = 0; i < doc.nactors; i++) {
      const rasd_actor *a = &doc.actors[i];
      printf("%s%u\t%u\t%s\t%s\t%s\t%s", i ? "\x1e" : "", a->start, a->end, a->entity_name,
             a->country ? a->country : "", a->sector, a->rule);
    }
    putchar('\n');
  }
  free(line);
  rasd_actor_lex_free(lx);
  rasd_engine_close(&e);
  rasd_arena_free(&arena);
  return fclose(stdout) ? 4 : 0;
}
