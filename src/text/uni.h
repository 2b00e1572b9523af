/*
** text/uni.h -- Unicode for Arabic text: UTF-8 decoding and validation, the
** folded matching key, character classes.
**
** The matching key of a string is: NFKC applied to presentation forms,
** tashkeel/tatweel/format characters dropped, أ إ آ ٱ -> ا, ى -> ي, ة -> ه,
** ASCII upper-case -> lower-case, Arabic-Indic and Persian digits -> ASCII.
** The folding table is generated from data/text/fold.tsv.
** Every lexicon and every token is compared through this key.
*/
#ifndef RASD_UNI_H
#define RASD_UNI_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[*i] (n bytes in all) and advance *i.
** Invalid or truncated sequences return -1 and advance one byte. */
int32_t rasd_uni_decode(const char *s, size_t n, size_t *i);
/* rasd_uni_decode with the one- and two-byte cases (ASCII, Arabic) inline:
** the same results, for the hot loops of the text layer. */
static inline int32_t rasd_uni_next(const char *s, size_t n, size_t *i) {
  size_t k = *i;
  unsigned c = (unsigned char)s[k];
  if (c < 0x80) { *i = k + 1; return (int32_t)c; }
  if (c >= 0xC2 && c <= 0xDF && k + 1 < n && ((unsigned char)s[k + 1] & 0xC0) == 0x80) {
    *i = k + 2;
    return (int32_t)(((c & 0x1F) << 6) | ((unsigned char)s[k + 1] & 0x3F));
  }
  return rasd_uni_decode(s, n, i);
}
/* Encode cp into out (4 bytes of room); returns bytes written. */
int rasd_uni_encode(int32_t cp, char *out);
/* 0 when s[0..n) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF),
** else the byte offset of the first bad byte + 1. */
size_t rasd_uni_invalid_at(const char *s, size_t n);

/* Copy s[0..n) to out (room for 3n bytes) with each invalid byte replaced
** by U+FFFD; returns the bytes written.  The result is valid UTF-8. */
size_t rasd_uni_clean(const char *s, size_t n, char *out);

/* Fold one code point: returns the folded code point, 0 when it is dropped.
** Presentation forms are not handled here (see rasd_uni_key). */
int32_t rasd_uni_fold(int32_t cp);

/* Append the matching key of s[0..n) to out (room for 3*n+8 bytes is always
** enough); returns bytes written.  Invalid bytes are skipped. */
size_t rasd_uni_key(const char *s, size_t n, char *out);

/* Character classes on code points after folding. */
int rasd_uni_is_arabic_letter(int32_t cp);
int rasd_uni_is_letter(int32_t cp);   /* any script */
int rasd_uni_is_space(int32_t cp);    /* incl. NBSP and other Unicode spaces */
int rasd_uni_is_mark(int32_t cp);     /* combining marks that stay inside a word */

#endif
