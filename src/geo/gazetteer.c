/*
** geo/gazetteer.c -- loading the compiled gazetteer (memory-mapped) and
** looking entries up.  See gaz_format.h for the layout.
**
** Where the file is found: $RASD_GAZETTEER, DIR/geo/gazetteer.bin, then
** the build's own (RASD_GAZ_FILE, set by the Makefile) when DIR is the
** built-in data directory.  Without any, the curated TSVs of DIR/geo are
** compiled in memory (a note goes to stderr once).  RASD_GAZETTEER=- asks
** for the curated data alone, quietly (tests use it).
*/
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "gaz_format.h"

#ifndef RASD_GAZ_FILE
#define RASD_GAZ_FILE ""
#endif
#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

/* ---- folding names ------------------------------------------------------ */
size_t rasd__gaz_fold_name(const char *s, size_t n, char *out, int *nwords, int *had_art) {
  char *tmp = rasd_xmalloc(3 * n + 8);
  size_t k = rasd_uni_key(s, n, tmp), o = 0;
  int nw = 0;
  *had_art = 0;
  size_t i = 0;
  while (i < k) {
    size_t j = i;
    int32_t cp;
    /* skip separators */
    size_t save = j;
    cp = rasd_uni_decode(tmp, k, &j);
    if (cp < 0 || rasd_uni_is_space(cp) || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '"' || cp == '\'' ||
        cp == '(' || cp == ')' || cp == ',' || cp == 0x060C || cp == '.' || cp == 0x200F || cp == 0x200E) {
      i = j;
      continue;
    }
    j = save;
    size_t ws = j;
    while (j < k) {
      size_t t = j;
      cp = rasd_uni_decode(tmp, k, &t);
      if (cp < 0 || rasd_uni_is_space(cp) || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '"' || cp == '\'' ||
          cp == '(' || cp == ')' || cp == ',' || cp == 0x060C || cp == '.' || cp == 0x200F || cp == 0x200E)
        break;
      j = t;
    }
    const char *w = tmp + ws;
    uint32_t wl = (uint32_t)(j - ws);
    if (nw == 0) {
      uint32_t skip = rasd_key_noart(w, wl);
      if (skip) *had_art = 1;
      w += skip;
      wl -= skip;
    }
    if (nw) out[o++] = ' ';
    memcpy(out + o, w, wl);
    o += wl;
    nw++;
    i = j;
  }
  free(tmp);
  *nwords = nw;
  return o;
}

/* ---- loading ------------------------------------------------------------ */
static rasd_rc attach(rasd_gaz *g, void *map, size_t len, const char *path, rasd_diag *diag) {
  const gaz_header *h = map;
  if (len < sizeof *h || memcmp(h->magic, RASD_GAZ_MAGIC, 7) != 0 || h->version != RASD_GAZ_VERSION) {
    rasd_diag_set(diag, path, 0, "not a rasd gazetteer (or another version): rebuild it with `rasd gazetteer build`");
    return RASD_LEXICON;
  }
  uint64_t need[5][2] = {{h->off_entries, (uint64_t)h->nentries * sizeof(gaz_entry)},
                         {h->off_names, (uint64_t)h->nnames * sizeof(gaz_name)},
                         {h->off_groups, (uint64_t)h->ngroups * sizeof(gaz_group)},
                         {h->off_slots, (uint64_t)h->nslots * 4},
                         {h->off_pool, h->pool_len}};
  for (int i = 0; i < 5; i++)
    if (need[i][0] + need[i][1] > len || (need[i][0] & 7)) {
      rasd_diag_set(diag, path, 0, "gazetteer file is truncated or corrupt");
      return RASD_LEXICON;
    }
  if (h->nslots == 0 || (h->nslots & (h->nslots - 1)) || h->pool_len == 0 || ((const char *)map)[h->off_pool + h->pool_len - 1]) {
    rasd_diag_set(diag, path, 0, "gazetteer file is corrupt");
    return RASD_LEXICON;
  }
  g->h = h;
  g->entries = (const gaz_entry *)((const char *)map + h->off_entries);
  g->names = (const gaz_name *)((const char *)map + h->off_names);
  g->groups = (const gaz_group *)((const char *)map + h->off_groups);
  g->slots = (const uint32_t *)((const char *)map + h->off_slots);
  g->pool = (const char *)map + h->off_pool;
  /* the first-word filter: 16 bits per group */
  uint64_t bits = 64;
  while (bits < (uint64_t)h->ngroups * 16) bits *= 2;
  free(g->wbloom);
  g->wbloom = rasd_xcalloc(bits / 64, sizeof(uint64_t));
  g->wmask = bits - 1;
  for (uint32_t i = 0; i < h->ngroups; i++) {
    const gaz_group *gr = &g->groups[i];
    if ((uint64_t)gr->word + gr->wlen > h->pool_len) { /* corrupt: no filter */
      memset(g->wbloom, 0xff, bits / 8);
      break;
    }
    uint64_t x = rasd_strmap_hash(g->pool + gr->word, gr->wlen), b1 = (x >> 40) & g->wmask, b2 = (x >> 17) & g->wmask;
    g->wbloom[b1 >> 6] |= 1ULL << (b1 & 63);
    g->wbloom[b2 >> 6] |= 1ULL << (b2 & 63);
  }
  return RASD_OK;
}

rasd_rc rasd_gaz_open_file(const char *path, rasd_gaz **out, rasd_diag *diag) {
  *out = NULL;
  int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
  if (fd < 0) {
    rasd_diag_set(diag, path ? path : "(gazetteer)", 0, "cannot open the gazetteer");
    return RASD_IO;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0) {
    close(fd);
    rasd_diag_set(diag, path, 0, "cannot read the gazetteer");
    return RASD_IO;
  }
  void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    rasd_diag_set(diag, path, 0, "cannot map the gazetteer");
    return RASD_IO;
  }
  rasd_gaz *g = rasd_xcalloc(1, sizeof *g);
  g->map = map;
  g->map_len = (size_t)st.st_size;
  g->mapped = 1;
  g->path = rasd_xstrndup(path, strlen(path));
  rasd_rc rc = attach(g, map, g->map_len, path, diag);
  if (rc != RASD_OK) {
    rasd_gaz_free(g);
    return rc;
  }
  *out = g;
  return RASD_OK;
}

static int readable(const char *p) { return p && *p && access(p, R_OK) == 0; }

rasd_rc rasd_gaz_open(const char *dir, rasd_gaz **out, rasd_diag *diag) {
  *out = NULL;
  const char *env = getenv("RASD_GAZETTEER");
  int curated_only = env && !strcmp(env, "-");
  if (env && *env && !curated_only) return rasd_gaz_open_file(env, out, diag);
  size_t dl = strlen(dir);
  char *local = rasd_xmalloc(dl + 32);
  memcpy(local, dir, dl);
  strcpy(local + dl, "/geo/gazetteer.bin");
  rasd_rc rc;
  static int noted;
  if (!curated_only && readable(local)) {
    rc = rasd_gaz_open_file(local, out, diag);
    free(local);
    return rc;
  }
  free(local);
  /* the build's own file was compiled from the built-in data directory */
  if (!curated_only && !strcmp(dir, RASD_DATA_DIR) && readable(RASD_GAZ_FILE)) {
    rc = rasd_gaz_open_file(RASD_GAZ_FILE, out, diag);
    if (rc == RASD_OK && !rasd_gaz_has_geonames(*out) && !noted++)
      fprintf(stderr, "rasd: note: the gazetteer was built without GeoNames cities500 (run `make setup` "
                      "then `make`); only the curated places are known\n");
    return rc;
  }
  /* curated data only, compiled in memory */
  if (!curated_only && !noted++)
    fprintf(stderr, "rasd: note: no compiled gazetteer (run `make` after `make setup`); "
                    "using the curated places of %s/geo only\n", dir);
  rasd_gaz_sources src = {0};
  src.data_dir = dir;
  void *img;
  size_t len;
  if ((rc = rasd_gaz_compile(&src, &img, &len, NULL, diag)) != RASD_OK) return rc;
  rasd_gaz *g = rasd_xcalloc(1, sizeof *g);
  g->map = img;
  g->map_len = len;
  g->path = rasd_xstrndup("(curated, in memory)", 20);
  if ((rc = attach(g, img, len, "(in memory)", diag)) != RASD_OK) {
    rasd_gaz_free(g);
    return rc;
  }
  *out = g;
  return RASD_OK;
}

void rasd_gaz_free(rasd_gaz *g) {
  if (!g) return;
  if (g->map) {
    if (g->mapped)
      munmap(g->map, g->map_len);
    else
      free(g->map);
  }
  free(g->path);
  free(g->wbloom);
  free(g);
}

/* ---- accessors ---------------------------------------------------------- */
size_t rasd_gaz_count(const rasd_gaz *g) { return g ? g->h->nentries : 0; }
size_t rasd_gaz_name_count(const rasd_gaz *g) { return g ? g->h->nnames : 0; }
const char *rasd_gaz_path(const rasd_gaz *g) { return g ? g->path : ""; }
int rasd_gaz_has_geonames(const rasd_gaz *g) { return g && (g->h->flags & GAZ_HAS_GEONAMES) != 0; }

static const char *str_or_null(const rasd_gaz *g, uint32_t off) { return off ? g->pool + off : NULL; }

int rasd_gaz_entry(const rasd_gaz *g, int32_t i, rasd_gaz_info *info) {
  if (!g || i < 0 || (uint32_t)i >= g->h->nentries) return 0;
  const gaz_entry *e = &g->entries[i];
  info->name = str_or_null(g, e->name_en);
  info->name_ar = str_or_null(g, e->name_ar);
  info->country = str_or_null(g, e->country);
  info->admin1 = str_or_null(g, e->admin1);
  info->admin2 = str_or_null(g, e->admin2);
  info->lat = e->lat;
  info->lon = e->lon;
  info->geonameid = e->geonameid;
  info->population = e->population;
  info->kind = e->kind;
  info->precision = e->prec;
  info->needs_cue = (e->flags & GEF_CUE) != 0;
  info->source = e->flags & GEF_IMPORT ? "import" : e->flags & GEF_CURATED ? "curated" : "geonames";
  return 1;
}

int rasd_gaz_name(const rasd_gaz *g, size_t i, const char **key, size_t *n, int32_t *entry) {
  if (!g || i >= g->h->nnames) return 0;
  *key = g->pool + g->names[i].key;
  *n = g->names[i].klen;
  *entry = g->names[i].entry;
  return 1;
}

const gaz_group *rasd__gaz_group(const rasd_gaz *g, const char *s, size_t n) {
  uint32_t mask = g->h->nslots - 1;
  uint32_t i = (uint32_t)gaz_hash(s, n) & mask;
  for (uint32_t probe = 0; probe <= mask; probe++, i = (i + 1) & mask) {
    uint32_t v = g->slots[i];
    if (!v) return NULL;
    const gaz_group *gr = &g->groups[v - 1];
    if (gr->wlen == n && memcmp(g->pool + gr->word, s, n) == 0) return gr;
  }
  return NULL;
}

int rasd_gaz_lookup(const rasd_gaz *g, const char *s, size_t n, int32_t *out, int max) {
  if (!g || !n) return 0;
  char *key = rasd_xmalloc(3 * n + 8);
  int nw, art;
  size_t kl = rasd__gaz_fold_name(s, n, key, &nw, &art);
  size_t wl = 0;
  while (wl < kl && key[wl] != ' ') wl++;
  int found = 0;
  const gaz_group *gr = rasd__gaz_group(g, key, wl);
  for (uint32_t k = 0; gr && k < gr->n; k++) {
    const gaz_name *nm = &g->names[gr->first + k];
    if (nm->entry < 0 || nm->klen != kl || memcmp(g->pool + nm->key, key, kl) != 0) continue;
    /* insert by population, no duplicates */
    int dup = 0;
    for (int j = 0; j < found && j < max; j++)
      if (out[j] == nm->entry) dup = 1;
    if (dup) continue;
    int pos = found < max ? found : max;
    while (pos > 0 && g->entries[out[pos - 1]].population < g->entries[nm->entry].population) {
      if (pos < max) out[pos] = out[pos - 1];
      pos--;
    }
    if (pos < max) out[pos] = nm->entry;
    found++;
  }
  free(key);
  return found;
}
