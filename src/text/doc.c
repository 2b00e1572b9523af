/*
** text/doc.c -- document set-up and the text layer's driver.
*/
#include <string.h>

#include "text.h"

void rasd_doc_init(rasd_doc *doc, const rasd_article *art, rasd_arena *arena) {
  memset(doc, 0, sizeof *doc);
  doc->art = art;
  doc->text = art->text;
  doc->len = (uint32_t)art->text_len;
  doc->arena = arena;
  doc->pub_day = RASD_NO_DAY;
}

void rasd_text_analyze(rasd_doc *doc) {
  rasd_tok_split(doc);
  rasd_date_pub(doc);
  rasd_num_find(doc);
  rasd_date_find(doc);
}
