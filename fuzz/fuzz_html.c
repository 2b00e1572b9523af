/*
** fuzz/fuzz_html.c -- libFuzzer target for rasd_in_html_text: arbitrary
** bytes as an HTML page.  The extracted text must be valid UTF-8 without
** NUL, CR, blank lines or spaces at line ends, whatever the markup.
*/
#include "../src/input/reader.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  char *html = fuzz_copy(data, size);
  rasd_arena a;
  rasd_arena_init(&a);
  char *text = NULL, *title = NULL;
  size_t n = 0;
  if (rasd_in_html_text(html, size, &a, &text, &n, &title) == RASD_OK) {
    FUZZ_CHECK(text != NULL && strlen(text) == n);
    FUZZ_CHECK(rasd_uni_invalid_at(text, n) == 0);
    FUZZ_CHECK(memchr(text, '\r', n) == NULL);
    for (size_t i = 0; i < n; i++) {
      if (text[i] != '\n') continue;
      FUZZ_CHECK(i > 0 && i + 1 < n);             /* no empty first/last line */
      FUZZ_CHECK(text[i + 1] != '\n');            /* no blank line */
      FUZZ_CHECK(text[i - 1] != ' ' && text[i + 1] != ' ');
    }
    if (title) FUZZ_CHECK(rasd_uni_invalid_at(title, strlen(title)) == 0);
  }
  rasd_arena_free(&a);
  free(html);
  return 0;
}
