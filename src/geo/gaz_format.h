/*
** geo/gaz_format.h -- the compiled gazetteer's on-disk layout (internal to src/geo).
**
** One file, host byte order, every section 8-byte aligned:
**   header | entries[] | names[] | groups[] | slots[] | string pool
** A name is the folded key of one spelling, words separated by one space,
** the first word without its article (rasd_key_noart).  Names are grouped
** by first word; a group's names are sorted longest (most words) first.
** slots[] is an open-addressing table (power of two) of group index + 1,
** hashed with FNV-1a on the first word.  Strings in the pool are
** NUL-terminated; offset 0 is the empty string (= NULL for optional fields).
*/
#ifndef RASD_GAZ_FORMAT_H
#define RASD_GAZ_FORMAT_H
#include <stdint.h>

#include "geo.h"

#define RASD_GAZ_MAGIC "RASDGAZ"
#define RASD_GAZ_VERSION 4

typedef struct gaz_header {
  char magic[8];
  uint32_t version;
  uint32_t nentries, nnames, ngroups, nslots, pool_len;
  uint32_t off_entries, off_names, off_groups, off_slots, off_pool;
  uint32_t flags; /* GAZ_HAS_* */
  uint32_t pad;
} gaz_header;

enum { GAZ_HAS_GEONAMES = 1, GAZ_HAS_MO = 2 };

/* entry flags */
enum { GEF_CUE = 1, GEF_CURATED = 2, GEF_IMPORT = 4, GEF_CAPITAL = 8, GEF_SEAT = 16, GEF_CORE = 32 };
/* GEF_CORE: in the Arabic-speaking world or a neighbour (kept whole from cities500) */
/* name flags */
/* GNF_ART: every spelling with this key has the article; GNF_SOMEART: one has */
enum { GNF_ART = 1, GNF_CUE = 2, GNF_NEVER = 4, GNF_JOINED = 8, GNF_SOMEART = 16 };

typedef struct gaz_entry {
  double lat, lon;
  uint32_t name_en, name_ar, country, admin1, admin2; /* pool offsets */
  uint32_t geonameid, population;
  uint8_t kind, prec, flags, pad;
} gaz_entry;

typedef struct gaz_name {
  uint32_t key;     /* pool offset of the key */
  uint16_t klen;
  uint8_t nwords;
  uint8_t flags;    /* GNF_* */
  int32_t entry;    /* -1: a stop name (GNF_NEVER) */
} gaz_name;

typedef struct gaz_group {
  uint32_t word;    /* pool offset of the first word */
  uint16_t wlen;
  uint16_t n;       /* names in the group */
  uint32_t first;   /* index of its first name */
} gaz_group;

struct rasd_gaz {
  const gaz_header *h;
  const gaz_entry *entries;
  const gaz_name *names;
  const gaz_group *groups;
  const uint32_t *slots;
  const char *pool;
  void *map; size_t map_len; int mapped; /* munmap or free */
  char *path;
  uint64_t *wbloom; uint64_t wmask; /* first words' rasd_strmap_hash, two bits each (built at load) */
};

static inline uint64_t gaz_hash(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
  return h;
}

/* The group for first word s[0..n), or NULL. */
const gaz_group *rasd__gaz_group(const rasd_gaz *g, const char *s, size_t n);
/* The same with h == rasd_strmap_hash(s, n): most words are turned away by
** a filter without hashing or probing. */
static inline const gaz_group *rasd__gaz_group_h(const rasd_gaz *g, const char *s, size_t n, uint64_t h) {
  uint64_t b1 = (h >> 40) & g->wmask, b2 = (h >> 17) & g->wmask;
  if (!((g->wbloom[b1 >> 6] >> (b1 & 63)) & (g->wbloom[b2 >> 6] >> (b2 & 63)) & 1)) return NULL;
  return rasd__gaz_group(g, s, n);
}
/* Fold s[0..n) to a name key: words separated by one space, first word
** without the article.  Returns the length written to out (room: 3n+8). */
size_t rasd__gaz_fold_name(const char *s, size_t n, char *out, int *nwords, int *had_art);

#endif
