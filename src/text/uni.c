/*
** text/uni.c -- UTF-8 decoding, validation and the folded matching key.
**
** Hot path: rasd_uni_key is called once per token.  Code points below
** U+0800 fold through a 2048-entry table built once from the generated
** pairs; presentation forms go through utf8proc's NFKC.
*/
#include "uni.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "gen_fold.h" /* build/gen, from data/text/fold.tsv */

#define LOW_MAX 0x800
static int32_t low_fold[LOW_MAX]; /* -1 = identity, 0 = drop, else target */
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* The key bytes of each two-byte code point (U+0080..U+07FF), ready to
** store: low_out[cp] holds up to four bytes, low_len[cp] how many count. */
static uint32_t low_out[LOW_MAX];
static uint8_t low_len[LOW_MAX];
int rasd_uni_encode(int32_t cp, char *o);

static void fold_init(void) {
  for (int i = 0; i < LOW_MAX; i++) low_fold[i] = -1;
  for (int i = 'A'; i <= 'Z'; i++) low_fold[i] = i + 32;
  for (size_t i = 0; i < sizeof rasd__fold_pairs / sizeof rasd__fold_pairs[0]; i++)
    if (rasd__fold_pairs[i].from < LOW_MAX) low_fold[rasd__fold_pairs[i].from] = (int32_t)rasd__fold_pairs[i].to;
  for (int32_t cp = 0x80; cp < LOW_MAX; cp++) {
    char b[4] = {0, 0, 0, 0};
    int32_t f = low_fold[cp];
    low_len[cp] = (uint8_t)(f < 0 ? rasd_uni_encode(cp, b) : f > 0 ? rasd_uni_encode(f, b) : 0);
    memcpy(&low_out[cp], b, 4);
  }
}

int32_t rasd_uni_decode(const char *str, size_t n, size_t *i) {
  const unsigned char *s = (const unsigned char *)str;
  size_t k = *i;
  unsigned c = s[k];
  if (c < 0x80) { *i = k + 1; return (int32_t)c; }
  int len;
  int32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
  else { *i = k + 1; return -1; }
  if (k + (size_t)len > n) { *i = k + 1; return -1; }
  for (int j = 1; j < len; j++) {
    unsigned cc = s[k + j];
    if ((cc & 0xC0) != 0x80) { *i = k + 1; return -1; }
    cp = (cp << 6) | (int32_t)(cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { *i = k + 1; return -1; }
  *i = k + (size_t)len;
  return cp;
}

int rasd_uni_encode(int32_t cp, char *o) {
  unsigned char *out = (unsigned char *)o;
  if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) { out[0] = (unsigned char)(0xC0 | (cp >> 6)); out[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    out[0] = (unsigned char)(0xE0 | (cp >> 12)); out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
  }
  out[0] = (unsigned char)(0xF0 | (cp >> 18)); out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Eight bytes at a time while they are ASCII and two-byte sequences (Latin
** and Arabic text): per byte, bit 7 says "not ASCII" and bit 6 "a lead
** byte", so a lead is 11xxxxxx and a continuation 10xxxxxx; the block is
** good when every continuation follows a lead (one carried over from the
** block before counts), no lead is C0/C1 or starts a longer sequence, and
** a lead in the last byte is followed by the next block's first.  Any other
** block is checked byte by byte. */
#define HI 0x8080808080808080ULL
size_t rasd_uni_invalid_at(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t carry = 0; /* a lead byte ended the previous block: its bit 7 in byte 0 */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      uint64_t hi = w & HI, b6 = (w << 1) & HI, b5 = (w << 2) & HI;
      uint64_t lead = hi & b6, cont = hi & ~b6;
      /* C0, C1: bits 1-4 of a lead all zero (lead & 0x1E == 0) */
      uint64_t low4 = (w & 0x1E1E1E1E1E1E1E1EULL) + 0x7E7E7E7E7E7E7E7EULL; /* bit 7 set iff any of bits 1-4 */
      if ((lead & b5) || (lead & ~low4 & HI) || ((lead << 8) | carry) != cont) break;
      carry = lead >> 56;
      i += 8;
    }
    if (carry) i--; /* let the byte loop see the lead and its continuation together */
#endif
    size_t stop = i + 8 < n ? i + 8 : n;
    while (i < stop) {
      unsigned c = s[i];
      if (c < 0x80) { i++; continue; }
      if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
      size_t at = i;
      if (rasd_uni_decode(str, n, &i) < 0) return at + 1;
    }
  }
  return 0;
}
#undef HI

int32_t rasd_uni_fold(int32_t cp) {
  pthread_once(&fold_once, fold_init);
  if (cp >= 0 && cp < LOW_MAX) {
    int32_t t = low_fold[cp];
    return t < 0 ? cp : t;
  }
  if ((cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
    return 0;
  return cp;
}

static int is_presentation(int32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

size_t rasd_uni_key(const char *s, size_t n, char *out) {
  pthread_once(&fold_once, fold_init);
  size_t i = 0, o = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* ASCII fast path */
      out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      i++;
      continue;
    }
    int32_t cp;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      /* two-byte fast path: Arabic letters, harakat, digits */
      cp = (int32_t)(((c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F));
      i += 2;
      if (o + 4 <= 3 * n + 8) memcpy(out + o, &low_out[cp], 4); /* four bytes stored, low_len[cp] kept */
      else memcpy(out + o, &low_out[cp], low_len[cp]);
      o += low_len[cp];
      continue;
    }
    cp = rasd_uni_decode(s, n, &i);
    if (cp < 0) continue;
    if (is_presentation(cp)) {
      /* A ligature may stand for many letters (U+FDFA is 18): keep at most
      ** 3 bytes of key per input byte, the bound rasd_uni_key promises. */
      utf8proc_int32_t buf[8];
      int last = 0;
      size_t room = 9; /* presentation forms are 3-byte sequences */
      utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
      for (utf8proc_ssize_t j = 0; j < k && j < 8; j++) {
        int32_t f = rasd_uni_fold(buf[j]);
        if (f <= 0 || f == ' ') continue;
        char tmp[4];
        size_t w = (size_t)rasd_uni_encode(f, tmp);
        if (w > room) break;
        for (size_t t = 0; t < w; t++) out[o + t] = tmp[t];
        o += w;
        room -= w;
      }
      continue;
    }
    int32_t f = cp < LOW_MAX ? (low_fold[cp] < 0 ? cp : low_fold[cp]) : rasd_uni_fold(cp);
    if (f > 0) o += (size_t)rasd_uni_encode(f, out + o);
  }
  return o;
}

int rasd_uni_is_arabic_letter(int32_t cp) {
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
         cp == 0x06D5 || (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

int rasd_uni_is_mark(int32_t cp) {
  if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || (cp >= 0x0610 && cp <= 0x061A) ||
      (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x200C || cp == 0x200D)
    return 1;
  if (cp < 0x300) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

int rasd_uni_is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (rasd_uni_is_arabic_letter(cp)) return 1;
  if (cp >= 0x0600 && cp <= 0x06FF) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int rasd_uni_is_space(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return 1;
  if (cp < 0x80) return 0;
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

size_t rasd_uni_clean(const char *s, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t at = i;
    if ((unsigned char)s[i] < 0x80) { out[o++] = s[i++]; continue; }
    if (rasd_uni_decode(s, n, &i) < 0) { memcpy(out + o, "\xEF\xBF\xBD", 3); o += 3; }
    else { memcpy(out + o, s + at, i - at); o += i - at; }
  }
  return o;
}
