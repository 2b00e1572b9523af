/*
** fuzz/fuzz_text.c -- libFuzzer target for the text layer: rasd_doc_init +
** rasd_text_analyze on arbitrary bytes (invalid UTF-8 included, which the
** readers would reject: the text layer must still not crash).  The first
** byte picks a publication date or none.  Every span must lie inside the
** text, tokens must be ordered, and keys inside doc->keys.
*/
#include "../src/text/text.h"
#include "fuzz.h"

static void check_doc(const rasd_doc *d) {
  uint32_t prev_end = 0;
  for (uint32_t i = 0; i < d->ntoks; i++) {
    const rasd_token *t = &d->toks[i];
    FUZZ_CHECK(t->start < t->end && t->end <= d->len);
    FUZZ_CHECK(t->start >= prev_end);
    prev_end = t->end;
    FUZZ_CHECK(t->key + t->key_len <= d->keys_len);
    if (t->stem_len) FUZZ_CHECK(t->stem + t->stem_len <= d->keys_len);
    FUZZ_CHECK(t->sent < d->nsents);
    rasd_form f[RASD_MAX_FORMS];
    int nf = rasd_tok_forms(d, i, f);
    FUZZ_CHECK(nf >= 1 && nf <= RASD_MAX_FORMS);
    for (int k = 0; k < nf; k++)
      FUZZ_CHECK(f[k].p >= d->keys + t->key && f[k].p + f[k].n <= d->keys + t->key + t->key_len);
  }
  for (uint32_t i = 0; i < d->nsents; i++) {
    const rasd_sentence *s = &d->sents[i];
    FUZZ_CHECK(s->tok_begin < s->tok_end && s->tok_end <= d->ntoks);
    FUZZ_CHECK(s->start <= s->end && s->end <= d->len);
    if (i) FUZZ_CHECK(s->tok_begin == d->sents[i - 1].tok_end);
  }
  for (uint32_t i = 0; i < d->nnums; i++) {
    const rasd_number *n = &d->nums[i];
    FUZZ_CHECK(n->start <= n->end && n->end <= d->len);
    FUZZ_CHECK(n->tok_begin <= n->tok_end && n->tok_end <= d->ntoks);
    FUZZ_CHECK(n->unit_start <= n->unit_end && n->unit_end <= d->len);
  }
  for (uint32_t i = 0; i < d->ndates; i++) {
    const rasd_date *t = &d->dates[i];
    FUZZ_CHECK(t->start <= t->end && t->end <= d->len);
    FUZZ_CHECK(t->tok_begin <= t->tok_end && t->tok_end <= d->ntoks);
    FUZZ_CHECK(t->day_end >= t->day);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  static const char *const dates[] = {NULL, "2021-05-01", "2015-07-21 02:51:32", "garbage", "", "9999-99-99"};
  const char *date = dates[data[0] % 6];
  char *text = fuzz_copy(data + 1, size - 1);
  rasd_arena a;
  rasd_arena_init(&a);
  rasd_article art;
  memset(&art, 0, sizeof art);
  art.id = "fuzz";
  art.source = "fuzz";
  art.text = text;
  art.text_len = size - 1;
  art.date = date;
  rasd_doc d;
  rasd_doc_init(&d, &art, &a);
  rasd_text_analyze(&d);
  check_doc(&d);
  rasd_arena_free(&a);
  free(text);
  return 0;
}
