/*
** text/letters.h -- the folded Arabic letters the clitic rules test, as
** UTF-8 (two bytes each), and rasd_key_at, the test itself.  For the .c
** files that read keys letter by letter (clitic.c, code/trigger.c); the
** short names are not exported any further.
*/
#ifndef RASD_LETTERS_H
#define RASD_LETTERS_H
#include <stdint.h>

#define ALEF "\xd8\xa7"
#define BA "\xd8\xa8"
#define TA "\xd8\xaa"
#define SIN "\xd8\xb3"
#define FA "\xd9\x81"
#define KAF "\xd9\x83"
#define LAM "\xd9\x84"
#define NUN "\xd9\x86"
#define WAW "\xd9\x88"
#define YA "\xd9\x8a"

/* 1 when the n-byte key p has the letter ch (two bytes) at byte off. */
static inline int rasd_key_at(const char *p, uint32_t n, uint32_t off, const char *ch) {
  return off + 2 <= n && p[off] == ch[0] && p[off + 1] == ch[1];
}

#endif
