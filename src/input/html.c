/*
** input/html.c -- HTML main-text extraction (STUB: the HTML work replaces it with gumbo).
*/
#include <string.h>

#include "reader.h"

rasd_rc rasd_in_html_text(const char *html, size_t n, rasd_arena *a, char **text, size_t *text_len, char **title) {
  char *out = rasd_arena_alloc(a, n + 1);
  size_t o = 0;
  int in_tag = 0;
  for (size_t i = 0; i < n; i++) {
    if (html[i] == '<') in_tag = 1;
    else if (html[i] == '>') in_tag = 0;
    else if (!in_tag) out[o++] = html[i];
  }
  out[o] = 0;
  *text = out;
  *text_len = o;
  if (title) *title = NULL;
  return RASD_OK;
}
