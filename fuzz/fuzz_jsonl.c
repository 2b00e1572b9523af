/*
** fuzz/fuzz_jsonl.c -- libFuzzer target for rasd_in_parse_json: one JSON
** Lines record of arbitrary bytes.  An accepted record must have an id and a
** non-empty, valid UTF-8 text of the length it claims.
*/
#include "../src/input/reader.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  char *line = fuzz_copy(data, size);
  rasd_arena a;
  rasd_arena_init(&a);
  rasd_article art;
  rasd_diag diag;
  memset(&diag, 0, sizeof diag);
  rasd_rc rc = rasd_in_parse_json(line, size, "fuzz", 1, 64u << 10, &a, &art, &diag);
  if (rc == RASD_OK) {
    FUZZ_CHECK(art.id && art.text);
    FUZZ_CHECK(art.text_len > 0 && art.text_len <= (64u << 10));
    FUZZ_CHECK(rasd_uni_invalid_at(art.text, art.text_len) == 0);
    FUZZ_CHECK(rasd_uni_invalid_at(art.id, strlen(art.id)) == 0);
    if (art.title) FUZZ_CHECK(rasd_uni_invalid_at(art.title, strlen(art.title)) == 0);
  } else {
    FUZZ_CHECK(diag.msg[0] != 0);
  }
  rasd_arena_free(&a);
  free(line);
  return 0;
}
