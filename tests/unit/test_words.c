/*
** tests/unit/test_words.c -- the per-thread word cache (text/words.c): what
** a token gets from it equals what it would work out alone, entries that
** were refilled are never handed out, memos follow their owner.
*/
#include <stdlib.h>

#include "../../src/text/text.h"
#include "../../src/text/uni.h"
#include "../../src/text/words.h"
#include "test.h"

/* A document of its own (t_doc keeps one at a time). */
typedef struct {
  rasd_arena arena;
  rasd_article art;
  rasd_doc doc;
} own_doc;

static rasd_doc *analyse(own_doc *o, const char *text) {
  rasd_arena_init(&o->arena);
  memset(&o->art, 0, sizeof o->art);
  o->art.id = "words";
  o->art.text = text;
  o->art.text_len = strlen(text);
  o->art.date = "2021-05-01";
  rasd_doc_init(&o->doc, &o->art, &o->arena);
  rasd_text_analyze(&o->doc);
  return &o->doc;
}

static const char report[] =
    "أفاد مصدر محلي أمس الجمعة بأن قرابة 150 عنصراً من قوات النظام وصلوا إلى مدينة البوكمال، "
    "وقال المصدر إن ما لا يقل عن مئة قتيل سقطوا في المعارك. وأضاف المصدر أن القوات انسحبت "
    "اليوم السبت من بلدة الميادين في ريف دير الزور الشرقي.";

/* Tokens, keys, numbers and dates of two analyses of one text are the same. */
static int same_analysis(const rasd_doc *a, const rasd_doc *b) {
  if (a->ntoks != b->ntoks || a->nsents != b->nsents || a->nnums != b->nnums || a->ndates != b->ndates) return 0;
  for (uint32_t i = 0; i < a->ntoks; i++) {
    const rasd_token *x = &a->toks[i], *y = &b->toks[i];
    if (x->start != y->start || x->end != y->end || x->kind != y->kind || x->key_len != y->key_len ||
        memcmp(a->keys + x->key, b->keys + y->key, x->key_len))
      return 0;
  }
  for (uint32_t i = 0; i < a->nnums; i++)
    if (a->nums[i].start != b->nums[i].start || a->nums[i].end != b->nums[i].end || a->nums[i].value != b->nums[i].value ||
        a->nums[i].qual != b->nums[i].qual || a->nums[i].unit != b->nums[i].unit)
      return 0;
  for (uint32_t i = 0; i < a->ndates; i++)
    if (a->dates[i].start != b->dates[i].start || a->dates[i].day != b->dates[i].day || a->dates[i].prec != b->dates[i].prec)
      return 0;
  return 1;
}

TEST(words_cached_analysis_equals_fresh_analysis) {
  own_doc cold, warm;
  rasd_words_thread_free(); /* an empty cache: every word is worked out */
  rasd_doc *a = analyse(&cold, report);
  rasd_doc *b = analyse(&warm, report); /* now every word comes from the cache */
  CHECK(a->nnums >= 2 && a->ndates >= 2);
  CHECK(same_analysis(a, b));
  /* both occurrences of المصدر share one entry, and it holds their key */
  uint32_t first = UINT32_MAX, n = 0;
  for (uint32_t i = 0; i < b->ntoks; i++)
    if (rasd_tok_is(b, i, "المصدر")) {
      CHECK(b->toks[i].wid != 0);
      if (first == UINT32_MAX) first = i;
      else CHECK_INT(b->toks[i].wid, b->toks[first].wid);
      n++;
    }
  CHECK_INT(n, 2);
  rasd_word *w = rasd_tok_word(b, first);
  CHECK(w && w->key_len == 12 && !memcmp(w->key, "المصدر", 12));
  rasd_arena_free(&cold.arena);
  rasd_arena_free(&warm.arena);
}

TEST(words_long_tokens_are_not_cached_but_keyed) {
  own_doc o;
  const char *text = "كلمةطويلةجداجدالاتدخلالذاكرة قصيرة";
  rasd_doc *d = analyse(&o, text);
  CHECK_INT(d->ntoks, 2);
  CHECK_INT(d->toks[0].wid, 0); /* more than RASD_WORD_MAX bytes */
  CHECK(d->toks[1].wid != 0);
  char key[256];
  size_t kn = rasd_uni_key(text, d->toks[0].end, key);
  CHECK_INT(d->toks[0].key_len, kn);
  CHECK(!memcmp(d->keys + d->toks[0].key, key, kn));
  rasd_arena_free(&o.arena);
}

TEST(words_refilled_entries_are_never_handed_out) {
  /* 40,000 different words: more than the cache holds, so words of this
  ** very document push out earlier ones */
  static const char *const letters[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض",
                                        "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي"};
  enum { NL = 27, NW = 40000 };
  size_t cap = (size_t)NW * 9 + 1, len = 0;
  char *text = malloc(cap);
  for (int w = 0; w < NW; w++) {
    int x = w;
    for (int k = 0; k < 4; k++, x /= NL) {
      memcpy(text + len, letters[x % NL], 2);
      len += 2;
    }
    text[len++] = ' ';
  }
  text[len] = 0;
  own_doc o;
  rasd_doc *d = analyse(&o, text);
  CHECK_INT(d->ntoks, NW);
  uint32_t gone = 0, wrong = 0;
  for (uint32_t i = 0; i < d->ntoks; i++) {
    rasd_word *w = rasd_tok_word(d, i);
    if (!w) { gone++; continue; }
    wrong += w->key_len != d->toks[i].key_len || memcmp(w->key, d->keys + d->toks[i].key, w->key_len) ||
             w->raw_len != d->toks[i].end - d->toks[i].start || memcmp(w->raw, text + d->toks[i].start, w->raw_len);
  }
  CHECK(gone > 0);       /* the cache did refill slots */
  CHECK(gone < NW);      /* and still holds the recent words */
  CHECK_INT(wrong, 0);   /* an entry handed out is the token's own */
  /* a document from before the cache was freed gets no entries */
  rasd_words_thread_free();
  CHECK(rasd_tok_word(d, d->ntoks - 1) == NULL);
  rasd_arena_free(&o.arena);
  free(text);
}

TEST(words_memos_follow_their_owner) {
  own_doc o;
  rasd_doc *d = analyse(&o, report);
  static const int owner_a = 1, owner_b = 2;
  CHECK(rasd_words_memo_own(d, RASD_WMEMO_CODE, &owner_a));
  uint32_t *m = rasd_tok_memo(d, 0, RASD_WMEMO_CODE);
  CHECK(m != NULL);
  if (m) *m = 12345;
  CHECK(rasd_words_memo_own(d, RASD_WMEMO_CODE, &owner_a));
  m = rasd_tok_memo(d, 0, RASD_WMEMO_CODE);
  CHECK(m && *m == 12345);
  CHECK(rasd_words_memo_own(d, RASD_WMEMO_CODE, &owner_b)); /* another lexicon: answers forgotten */
  m = rasd_tok_memo(d, 0, RASD_WMEMO_CODE);
  CHECK(m && *m == 0);
  rasd_arena_free(&o.arena);
}
