/*
** text/token.c -- one pass over the article text: tokens and sentences.
**
** Each token gets its byte span, its kind and its folded matching key
** (appended to doc->keys).  Sentences end after . ? ! ؟ ؛ ; … (with any
** closing quotes or brackets that follow) and at line breaks; a full stop
** does not end a sentence inside a number (2021.05.01, handled by the number
** token), after a one-letter abbreviation (د. م.), or when no space follows
** it (syria.tv).  The Arabic comma ، separates clauses, not sentences: the
** event coder works on clauses inside a sentence.
*/
#include <pthread.h>
#include <string.h>

#include "text.h"
#include "uni.h"
#include "words.h"
#include "../core/strmap.h"

/* Character classes of the code points below U+0800 (Latin, Arabic), read
** from a table built once from the rasd_uni_is_* functions: the word loop
** asks three questions of every character. */
enum { C_AR = 1, C_LETTER = 2, C_MARK = 4, C_SPACE = 8 };
#define CLS_MAX 0x800
static uint8_t cls_tab[CLS_MAX];
/* The classes of the two-byte sequences D8..DB xx (U+0600..U+06FF), by
** (lead - D8) << 8 | second byte: 0 unless the second byte continues the
** sequence and the character belongs in an Arabic word (C_AR). */
static uint8_t ar_tab[4 << 8];
static pthread_once_t cls_once = PTHREAD_ONCE_INIT;
static void cls_init(void) {
  for (int32_t c = 0; c < CLS_MAX; c++)
    cls_tab[c] = (uint8_t)((rasd_uni_is_arabic_letter(c) || (c >= 0x0600 && c <= 0x06FF && rasd_uni_is_mark(c)) ? C_AR : 0) |
                           (rasd_uni_is_letter(c) ? C_LETTER : 0) | (c >= 0x300 && rasd_uni_is_mark(c) ? C_MARK : 0) |
                           (rasd_uni_is_space(c) ? C_SPACE : 0));
  for (int k = 0; k < 4 << 8; k++) {
    int lead = 0xD8 + (k >> 8), b = k & 0xFF;
    int cl = (b & 0xC0) == 0x80 ? cls_tab[((lead & 0x1F) << 6) | (b & 0x3F)] : 0;
    ar_tab[k] = (uint8_t)(cl & C_AR ? cl : 0);
  }
}
static inline int cls_of(int32_t c) {
  if (c >= 0 && c < CLS_MAX) return cls_tab[c];
  return (rasd_uni_is_arabic_letter(c) || (c >= 0x0600 && c <= 0x06FF && rasd_uni_is_mark(c)) ? C_AR : 0) |
         (rasd_uni_is_letter(c) ? C_LETTER : 0) | (c >= 0x300 && rasd_uni_is_mark(c) ? C_MARK : 0) |
         (rasd_uni_is_space(c) ? C_SPACE : 0);
}

static int is_digit_cp(int32_t cp, int *v) {
  if (cp >= '0' && cp <= '9') { *v = cp - '0'; return 1; }
  if (cp < 0x0660) return 0;
  if (cp <= 0x0669) { *v = cp - 0x0660; return 1; }
  if (cp >= 0x06F0 && cp <= 0x06F9) { *v = cp - 0x06F0; return 1; }
  return 0;
}

static int is_quote_cp(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x201E;
}
static int is_closer_cp(int32_t cp) { return is_quote_cp(cp) || cp == ')' || cp == ']' || cp == 0xBB; }
static int is_final_cp(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x061B || cp == ';' || cp == 0x2026 || cp == 0x06D4;
}

uint32_t rasd_doc_keys_append(rasd_doc *d, const char *s, uint32_t n) {
  if (d->keys_len + n + 1 > d->keys_cap) {
    uint32_t cap = d->keys_cap ? d->keys_cap : 4096;
    while (d->keys_len + n + 1 > cap) cap *= 2;
    d->keys = rasd_arena_grow_raw(d->arena, d->keys, d->keys_len, cap, 1);
    d->keys_cap = cap;
  }
  uint32_t off = d->keys_len;
  memcpy(d->keys + off, s, n);
  d->keys_len += n;
  d->keys[d->keys_len] = 0;
  return off;
}

/* Make room for the key of a token of n source bytes; returns its offset. */
static uint32_t key_reserve(rasd_doc *d, size_t n) {
  size_t need = 3 * n + 8 < RASD_WORD_MAX + 8 ? RASD_WORD_MAX + 8 : 3 * n + 8;
  if (d->keys_len + need + 1 > d->keys_cap) {
    /* first call: room for the keys and stems of a typical article at once */
    uint32_t cap = d->keys_cap ? d->keys_cap : 4096 + 2 * d->len;
    while (d->keys_len + need + 1 > cap) cap *= 2;
    d->keys = rasd_arena_grow_raw(d->arena, d->keys, d->keys_len, cap, 1);
    d->keys_cap = cap;
  }
  return d->keys_len;
}

static rasd_token *push_tok(rasd_doc *d, uint32_t *cap) {
  if (d->ntoks == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 256 + d->len / 8; /* tokens are seldom shorter than 8 bytes with the space */
    d->toks = rasd_arena_grow_raw(d->arena, d->toks, *cap, nc, sizeof(rasd_token)); /* push_tok zeroes each */
    *cap = nc;
  }
  rasd_token *t = &d->toks[d->ntoks++];
  memset(t, 0, sizeof *t);
  t->sent = d->nsents; /* sentences are pushed before the token that follows them */
  return t;
}

static void push_sent(rasd_doc *d, uint32_t *cap, uint32_t tb, uint32_t te) {
  if (tb >= te) return;
  if (d->nsents == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 64;
    d->sents = rasd_arena_grow(d->arena, d->sents, *cap, nc, sizeof(rasd_sentence));
    *cap = nc;
  }
  rasd_sentence *s = &d->sents[d->nsents];
  s->tok_begin = tb;
  s->tok_end = te;
  s->start = d->toks[tb].start;
  s->end = d->toks[te - 1].end;
  /* a short line with no final punctuation: headline, caption or page clutter */
  const rasd_token *last = &d->toks[te - 1];
  int final = 0;
  if (last->kind == RASD_TOK_PUNCT) {
    size_t k = last->start;
    final = is_final_cp(rasd_uni_next(d->text, d->len, &k));
  }
  s->is_title = !final && (te - tb) <= 14;
  d->nsents++;
}

/* A letter that is not a presentation form: a word with one has a key. */
static inline int plain_letter(int32_t cp) {
  return cp < CLS_MAX ? (cls_tab[cp] & C_LETTER) != 0 : rasd_uni_is_letter(cp) && !(cp >= 0xFB50 && cp <= 0xFEFC);
}

/* Give token ti (whose bytes hash to h) its key and word-cache entry: the
** cached key when this spelling was seen before, else rasd_uni_key's. */
#define LAG 4
static void tok_key(rasd_doc *d, uint32_t ti, uint64_t h) {
  rasd_token *t = &d->toks[ti];
  const char *raw = d->text + t->start;
  uint32_t tn = t->end - t->start, ko = key_reserve(d, tn), id = 0;
  const rasd_word *w = rasd__word_find(raw, tn, h, &id);
  size_t kl;
  if (w) {
    kl = w->key_len;
    memcpy(d->keys + ko, w->key, RASD_WORD_MAX); /* key_reserve leaves room */
    t->kind = w->kind;
    t->tl_n = w->tl_n;
    t->memo = w->memo[RASD_WMEMO_GEO];
  } else {
    kl = rasd_uni_key(raw, tn, d->keys + ko);
    if (kl == 0 && t->kind == RASD_TOK_WORD) t->kind = RASD_TOK_PUNCT; /* only marks */
    id = rasd__word_add(raw, tn, h, d->keys + ko, (uint32_t)kl, t->kind);
  }
  d->keys_len += (uint32_t)kl;
  d->keys[d->keys_len] = 0;
  t->key = ko;
  t->key_len = (uint32_t)kl;
  t->wid = id;
}

void rasd_tok_split(rasd_doc *d) {
  const char *s = d->text;
  size_t n = d->len, i = 0;
  uint32_t tcap = 0, scap = 0;
  uint8_t pending = 0; /* RASD_TOKF_* for the next token */
  uint32_t sent_begin = 0;
  int end_after = 0; /* the sentence ends after the current token (unless closers follow) */
  int marks_only = 0; /* the current token is a word without a plain letter */
  uint32_t lag_i[LAG], lag_at = 0, nlag = 0; /* tokens waiting for their key */
  uint64_t lag_h[LAG];

  pthread_once(&cls_once, cls_init);
  rasd__words_begin(d);
  d->ntoks = d->nsents = 0;
  while (i < n) {
    if (s[i] == ' ') { /* the common separator */
      pending |= RASD_TOKF_SPACE_BEFORE;
      i++;
      continue;
    }
    size_t at = i;
    int32_t cp = rasd_uni_next(s, n, &i);
    if (cp < 0) continue;
    if ((cp < CLS_MAX ? cls_tab[cp] & C_SPACE : rasd_uni_is_space(cp)) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF) {
      if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
        pending |= (pending & RASD_TOKF_NL_BEFORE) ? RASD_TOKF_PARA_BEFORE : 0;
        pending |= RASD_TOKF_NL_BEFORE;
      }
      pending |= RASD_TOKF_SPACE_BEFORE;
      continue;
    }
    /* a sentence boundary is decided when we see what follows it */
    if (d->ntoks > sent_begin) {
      int brk = 0;
      if (pending & RASD_TOKF_NL_BEFORE) brk = 1;
      else if (end_after && !(is_closer_cp(cp) && !(pending & RASD_TOKF_SPACE_BEFORE))) brk = 1;
      if (brk) {
        push_sent(d, &scap, sent_begin, d->ntoks);
        sent_begin = d->ntoks;
        end_after = 0;
      }
    }
    rasd_token *t = push_tok(d, &tcap);
    t->start = (uint32_t)at;
    t->flags = pending;
    pending = 0;
    int dv;
    if (is_digit_cp(cp, &dv)) {
      /* digits, with . , ٫ ٬ / : between digit runs */
      double v = dv, frac = 0, scale = 1;
      int in_first = 1, seps = 0, sep_dot = 0, grp3 = 1, run = 1;
      size_t j = i;
      for (;;) {
        size_t k = j;
        int32_t c2 = k < n ? rasd_uni_next(s, n, &k) : -1;
        int d2;
        if (c2 >= 0 && is_digit_cp(c2, &d2)) {
          if (in_first) v = v * 10 + d2;
          else if (sep_dot && seps == 1) { scale /= 10; frac += d2 * scale; }
          run++;
          j = k;
          continue;
        }
        if (c2 == '.' || c2 == ',' || c2 == 0x066B || c2 == 0x066C || c2 == '/' || c2 == ':') {
          size_t k2 = k;
          int32_t c3 = k2 < n ? rasd_uni_next(s, n, &k2) : -1;
          if (c3 >= 0 && is_digit_cp(c3, &d2)) {
            if (seps && run != 3) grp3 = 0;
            if (!seps && run > 3) grp3 = 0;
            seps++;
            if (seps == 1) sep_dot = (c2 == '.' || c2 == 0x066B);
            if (seps == 1 && (c2 == ',' || c2 == 0x066C)) sep_dot = 0;
            in_first = 0;
            run = 0;
            j = k;
            continue;
          }
        }
        break;
      }
      if (seps && run != 3) grp3 = 0;
      /* 10,000 / 1,500,000: thousands groups */
      if (seps && grp3 && !sep_dot) {
        v = 0;
        for (size_t k = at; k < j;) {
          int32_t c4 = rasd_uni_next(s, n, &k);
          int d4;
          if (is_digit_cp(c4, &d4)) v = v * 10 + d4;
        }
      } else if (seps == 1 && sep_dot) {
        v += frac;
      }
      i = j;
      t->kind = RASD_TOK_NUM;
      t->num = v;
    } else if (cp < CLS_MAX ? (cls_tab[cp] & C_LETTER) || (cp >= 0x0600 && cp <= 0x06FF && (cls_tab[cp] & C_MARK))
                            : rasd_uni_is_letter(cp)) {
      int latin = cp < 0x0600 || (cp > 0x06FF && !rasd_uni_is_arabic_letter(cp));
      int plain = plain_letter(cp); /* a letter that is not a presentation form */
      int marks = (cls_of(cp) & C_MARK) || cp >= 0xFB50;
      const unsigned char *u = (const unsigned char *)s;
      for (;;) {
        if (!latin) { /* Arabic letters and marks: two-byte sequences D8..DB xx */
          unsigned acc = 0, lead;
          while (i + 3 < n) { /* two at a time */
            unsigned l0 = u[i] - 0xD8u, l1 = u[i + 2] - 0xD8u;
            if ((l0 | l1) >= 4) break;
            unsigned c0 = ar_tab[l0 << 8 | u[i + 1]], c1 = ar_tab[l1 << 8 | u[i + 3]];
            if (!c0 || !c1) break;
            acc |= c0 | c1;
            i += 4;
          }
          while (i + 1 < n && (lead = u[i] - 0xD8u) < 4) {
            unsigned cl = ar_tab[lead << 8 | u[i + 1]];
            if (!cl) break;
            acc |= cl;
            i += 2;
          }
          plain |= (acc & C_LETTER) != 0;
          marks |= (acc & C_MARK) != 0;
          if (i + 1 < n && u[i] - 0xD8u < 4) break; /* D8..DB xx and not part of the word */
        }
        size_t k = i;
        if (k >= n) break;
        int32_t c2 = rasd_uni_next(s, n, &k);
        if (c2 < 0) break;
        int cl = cls_of(c2), ar = cl & C_AR;
        if (latin ? ((cl & C_LETTER) && !ar) || (cl & C_MARK) : (ar || c2 == 0x200C || c2 == 0x200D)) {
          plain |= plain_letter(c2);
          marks |= (cl & C_MARK) || c2 >= 0xFB50;
          i = k;
        } else {
          break;
        }
      }
      t->kind = latin ? RASD_TOK_LATIN : RASD_TOK_WORD;
      marks_only = !plain;
      if (marks) t->flags |= RASD_TOKF_MARKS;
    } else {
      t->kind = RASD_TOK_PUNCT;
      if (is_quote_cp(cp)) t->flags |= RASD_TOKF_QUOTE;
      if (is_final_cp(cp)) {
        int abbrev = 0;
        if (cp == '.') {
          /* no space after: URL, abbreviation chain; one-letter word before: abbreviation */
          size_t k = i;
          int32_t nx = k < n ? rasd_uni_next(s, n, &k) : ' ';
          if (!rasd_uni_is_space(nx) && !is_closer_cp(nx) && nx != '"' && nx >= 0) abbrev = 1;
          if (d->ntoks >= 2) {
            const rasd_token *p = &d->toks[d->ntoks - 2];
            if ((p->kind == RASD_TOK_WORD || p->kind == RASD_TOK_LATIN) && p->end == at) {
              size_t k2 = p->start;
              rasd_uni_next(s, n, &k2);
              if (k2 == p->end) abbrev = 1;
            }
          }
        }
        if (!abbrev) end_after = 1;
      } else if (end_after && !is_closer_cp(cp)) {
        end_after = 0;
      }
    }
    t->end = (uint32_t)i;
    /* The key comes LAG tokens later, its word-cache slot fetched now; a
    ** word of marks alone (its kind depends on its empty key) is keyed at once. */
    uint32_t ti = d->ntoks - 1;
    uint64_t h = rasd__word_hash(s + t->start, t->end - t->start);
    if (marks_only) {
      while (nlag) { tok_key(d, lag_i[lag_at % LAG], lag_h[lag_at % LAG]); lag_at++, nlag--; }
      tok_key(d, ti, h);
      marks_only = 0;
      continue;
    }
    rasd__word_prefetch(h);
    if (nlag == LAG) { tok_key(d, lag_i[lag_at % LAG], lag_h[lag_at % LAG]); lag_at++, nlag--; }
    lag_i[(lag_at + nlag) % LAG] = ti;
    lag_h[(lag_at + nlag) % LAG] = h;
    nlag++;
  }
  while (nlag) { tok_key(d, lag_i[lag_at % LAG], lag_h[lag_at % LAG]); lag_at++, nlag--; }
  push_sent(d, &scap, sent_begin, d->ntoks);
  rasd__tok_forms_init(d);
}

int rasd_tok_is(const rasd_doc *d, uint32_t i, const char *s) {
  size_t n = strlen(s);
  return i < d->ntoks && d->toks[i].key_len == n && memcmp(d->keys + d->toks[i].key, s, n) == 0;
}
