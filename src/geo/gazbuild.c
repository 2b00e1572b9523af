/*
** geo/gazbuild.c -- compiling the gazetteer: GeoNames cities500 + Debian's
** Arabic geonames labels + the curated data/geo TSV files (+ imported TSVs)
** into the image described in gaz_format.h.
**
** Inputs are read in a fixed order and names are sorted, so the same
** inputs always give the same bytes.  Curated rows override GeoNames:
** a places.tsv row with a geonameid that cities500 has adds its spellings
** to that entry and replaces the fields it gives.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/strmap.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "gaz_format.h"

/* ---- builder state ------------------------------------------------------- */
typedef struct bentry {
  gaz_entry e;
  char a1code[24];  /* GeoNames admin1 code (CC.NN) to resolve at the end, or "" */
  char cc2[3];
} bentry;

typedef struct bname {
  uint32_t key;      /* pool offset */
  uint32_t klen, wlen;
  uint8_t nwords, flags;
  int32_t entry;
} bname;

typedef struct admin1 {
  char code[24];
  uint32_t name_en, name_ar;
  double lat, lon;
  int nearest;      /* assign this country's places to the nearest seat */
  int have_point;
} admin1;

typedef struct builder {
  rasd_buf pool;
  rasd_strmap *interned;
  bentry *ents; size_t nents, cap_ents;
  bname *names; size_t nnames, cap_names;
  rasd_strmap *common;      /* folded word -> 1 cue, 2 never */
  rasd_strmap *iso;         /* ISO2 or ISO3 -> index in iso3s */
  uint32_t *iso3s; size_t niso, cap_iso;
  admin1 *a1; size_t na1, cap_a1;
  rasd_strmap *a1map;       /* code -> index in a1 */
  rasd_strmap *byid;        /* geonameid (decimal) -> entry */
  rasd_gaz_stats st;
  uint32_t flags;
  rasd_diag *diag;
} builder;

static uint32_t intern(builder *b, const char *s, size_t n) {
  if (!s || !n) return 0;
  uint32_t v;
  if (rasd_strmap_get(b->interned, s, n, &v)) return v;
  v = (uint32_t)b->pool.n;
  rasd_buf_add(&b->pool, s, n);
  rasd_buf_putc(&b->pool, 0);
  rasd_strmap_put(b->interned, s, n, v);
  return v;
}
static uint32_t intern_c(builder *b, const char *s) { return s ? intern(b, s, strlen(s)) : 0; }

static bentry *new_entry(builder *b) {
  if (b->nents == b->cap_ents) {
    b->cap_ents = b->cap_ents ? 2 * b->cap_ents : 1024;
    b->ents = rasd_xrealloc(b->ents, b->cap_ents * sizeof *b->ents);
  }
  bentry *e = &b->ents[b->nents++];
  memset(e, 0, sizeof *e);
  return e;
}

/* Strip bidi marks and surrounding blanks from an Arabic display name into out. */
static size_t clean_display(const char *s, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    int32_t cp = rasd_uni_decode(s, n, &j);
    if (cp == 0x200E || cp == 0x200F || cp == 0x200B || cp == 0xFEFF || cp < 0) {
      i = j;
      continue;
    }
    memcpy(out + o, s + i, j - i);
    o += j - i;
    i = j;
  }
  while (o && out[o - 1] == ' ') o--;
  size_t lead = 0;
  while (lead < o && out[lead] == ' ') lead++;
  memmove(out, out + lead, o - lead);
  return o - lead;
}

/* Add spelling s[0..n) of entry ent.  cue: entry needs evidence. */
static void add_name(builder *b, int32_t ent, const char *s, size_t n, int curated) {
  if (!n) return;
  char *key = rasd_xmalloc(3 * n + 8);
  int nw, art;
  size_t kl = rasd__gaz_fold_name(s, n, key, &nw, &art);
  /* at least 3 letters (2 with the article: الرس), unless curated; at most 6 words */
  if (kl == 0 || nw > 6 || kl > 200 || (!curated && kl < (art ? 4u : 6u))) {
    free(key);
    return;
  }
  /* GeoNames spellings that start with a cue word (محافظة إدلب, مدينة X): the
  ** matcher reads the cue itself, so they are left out */
  if (!curated && nw > 1) {
    static const char *const heads[] = {"محافظه", "ولايه", "منطقه", "ناحيه", "قضاء", "مديريه", "مدينه", "بلده",
                                        "قريه", "ريف", "اقليم", "مقاطعه", "مخيم", NULL};
    size_t wl = 0;
    while (wl < kl && key[wl] != ' ') wl++;
    for (int h = 0; heads[h]; h++)
      if (strlen(heads[h]) == wl && !memcmp(key, heads[h], wl)) {
        free(key);
        return;
      }
  }
  for (int pass = 0; pass < 2; pass++) {
    size_t len = kl;
    int words = nw;
    uint8_t flags = art ? GNF_ART | GNF_SOMEART : 0;
    if (pass == 1) { /* joined variant: البو كمال -> البوكمال */
      if (nw < 2) break;
      size_t o = 0;
      for (size_t i = 0; i < kl; i++)
        if (key[i] != ' ') key[o++] = key[i];
      len = o;
      words = 1;
      flags |= GNF_JOINED;
    }
    size_t wl = 0;
    while (wl < len && key[wl] != ' ') wl++;
    uint32_t rule = 0;
    rasd_strmap_get(b->common, key, len, &rule);
    if (rule == 2 && ent >= 0 && !curated) continue; /* a stop word is never a GeoNames place */
    if ((rule == 1 && words == 1) || (!curated && words == 1 && len < 6)) flags |= GNF_CUE; /* 2-letter names: evidence */
    if (ent < 0) flags |= GNF_NEVER;
    if (b->nnames == b->cap_names) {
      b->cap_names = b->cap_names ? 2 * b->cap_names : 4096;
      b->names = rasd_xrealloc(b->names, b->cap_names * sizeof *b->names);
    }
    bname *nm = &b->names[b->nnames++];
    nm->key = intern(b, key, len);
    nm->klen = (uint32_t)len;
    nm->wlen = (uint32_t)wl;
    nm->nwords = (uint8_t)words;
    nm->flags = flags;
    nm->entry = ent;
  }
  free(key);
}

/* ---- TSV reading ----------------------------------------------------------- */
typedef struct tsv {
  FILE *f;
  const char *path;
  long line;
  char *buf; size_t cap;
  char *col[24];
  int ncol;
} tsv;

static int tsv_open(tsv *t, const char *path) {
  memset(t, 0, sizeof *t);
  t->path = path;
  t->f = fopen(path, "r");
  return t->f != NULL;
}
/* Next data row (comments '#' and blank lines skipped): 1, or 0 at EOF. */
static int tsv_next(tsv *t) {
  ssize_t len;
  while ((len = getline(&t->buf, &t->cap, t->f)) >= 0) {
    t->line++;
    while (len && (t->buf[len - 1] == '\n' || t->buf[len - 1] == '\r')) t->buf[--len] = 0;
    if (!len || t->buf[0] == '#') continue;
    t->ncol = 0;
    char *p = t->buf;
    for (;;) {
      if (t->ncol < 24) t->col[t->ncol++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = 0;
      p = tab + 1;
    }
    return 1;
  }
  return 0;
}
static void tsv_close(tsv *t) {
  if (t->f) fclose(t->f);
  free(t->buf);
}
static int empty(const char *s) { return !s || !*s || !strcmp(s, "-"); }
static const char *col(tsv *t, int i) { return i < t->ncol && !empty(t->col[i]) ? t->col[i] : NULL; }

static int parse_double(const char *s, double *v) {
  if (!s) return 0;
  char *end;
  errno = 0;
  *v = strtod(s, &end);
  return !errno && end != s && !*end;
}

/* diag->source must outlive the build: keep the last failing path here. */
static char diag_path[1024];
static const char *keep(const char *path) {
  snprintf(diag_path, sizeof diag_path, "%s", path ? path : "");
  return diag_path;
}

static rasd_rc bad_row(builder *b, tsv *t, const char *what) {
  rasd_diag_set(b->diag, keep(t->path), t->line, "%s", what);
  return RASD_LEXICON;
}

static char *path_join(const char *dir, const char *leaf) {
  size_t a = strlen(dir), c = strlen(leaf);
  char *p = rasd_xmalloc(a + c + 2);
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, leaf, c + 1);
  return p;
}

/* ISO3 for an ISO2/ISO3 code, 0 when unknown. */
static uint32_t iso3_of(builder *b, const char *cc) {
  uint32_t v;
  if (cc && rasd_strmap_get(b->iso, cc, strlen(cc), &v)) return b->iso3s[v];
  return 0;
}

/* Add each "|"-separated spelling of list to entry ent. */
static void add_list(builder *b, int32_t ent, const char *list, int curated) {
  if (!list) return;
  const char *p = list;
  while (*p) {
    const char *q = strchr(p, '|');
    size_t n = q ? (size_t)(q - p) : strlen(p);
    add_name(b, ent, p, n, curated);
    if (!q) break;
    p = q + 1;
  }
}

/* countries.tsv: ISO2 ISO3 name_en name_ar [aliases] */
static rasd_rc read_countries(builder *b, const char *path) {
  tsv t;
  if (!tsv_open(&t, path)) {
    rasd_diag_set(b->diag, keep(path), 0, "cannot read: %s", strerror(errno));
    return RASD_IO;
  }
  rasd_rc rc = RASD_OK;
  while (tsv_next(&t)) {
    const char *i2 = col(&t, 0), *i3 = col(&t, 1);
    if (t.ncol < 3 || !i2 || !i3 || strlen(i2) != 2 || strlen(i3) != 3) { rc = bad_row(b, &t, "expected ISO2 ISO3 name_en [name_ar] [aliases]"); break; }
    if (b->niso == b->cap_iso) {
      b->cap_iso = b->cap_iso ? 2 * b->cap_iso : 256;
      b->iso3s = rasd_xrealloc(b->iso3s, b->cap_iso * sizeof *b->iso3s);
    }
    uint32_t k = (uint32_t)b->niso++;
    b->iso3s[k] = intern_c(b, i3);
    rasd_strmap_put(b->iso, i2, 2, k);
    rasd_strmap_put(b->iso, i3, 3, k);
    if (col(&t, 3)) {
      bentry *e = new_entry(b);
      int32_t ei = (int32_t)(b->nents - 1);
      e->e.kind = RASD_GAZ_COUNTRY;
      e->e.prec = 3;
      e->e.flags = GEF_CURATED;
      e->e.name_en = intern_c(b, col(&t, 2));
      e->e.name_ar = intern_c(b, col(&t, 3));
      e->e.country = b->iso3s[k];
      memcpy(e->cc2, i2, 2);
      add_name(b, ei, col(&t, 3), strlen(col(&t, 3)), 1);
      add_list(b, ei, col(&t, 4), 1);
    }
  }
  tsv_close(&t);
  return rc;
}

/* common.tsv: word rule(cue|never) */
static rasd_rc read_common(builder *b, const char *path) {
  tsv t;
  if (!tsv_open(&t, path)) return RASD_OK; /* optional */
  rasd_rc rc = RASD_OK;
  while (tsv_next(&t)) {
    const char *w = col(&t, 0), *r = col(&t, 1);
    if (!w || !r || (strcmp(r, "cue") && strcmp(r, "never"))) { rc = bad_row(b, &t, "expected WORD cue|never"); break; }
    char *key = rasd_xmalloc(3 * strlen(w) + 8);
    int nw, art;
    size_t kl = rasd__gaz_fold_name(w, strlen(w), key, &nw, &art);
    uint32_t rule = r[0] == 'c' ? 1 : 2;
    if (kl) rasd_strmap_put(b->common, key, kl, rule);
    if (rule == 2 && kl) add_name(b, -1, w, strlen(w), 1);
    free(key);
  }
  tsv_close(&t);
  return rc;
}

/* admin1.tsv: code name_en name_ar lat lon [aliases] [flags: cue,nearest] */
static rasd_rc read_admin1(builder *b, const char *path) {
  tsv t;
  if (!tsv_open(&t, path)) return RASD_OK;
  rasd_rc rc = RASD_OK;
  while (tsv_next(&t)) {
    const char *code = col(&t, 0), *en = col(&t, 1), *ar = col(&t, 2), *fl = col(&t, 6);
    double lat, lon;
    if (!code || !en || strlen(code) >= 24 || code[2] != '.' || !parse_double(col(&t, 3), &lat) ||
        !parse_double(col(&t, 4), &lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      rc = bad_row(b, &t, "expected CC.CODE name_en name_ar lat lon [aliases] [flags]");
      break;
    }
    char cc[3] = {code[0], code[1], 0};
    uint32_t c3 = iso3_of(b, cc);
    if (!c3) { rc = bad_row(b, &t, "unknown country code"); break; }
    if (b->na1 == b->cap_a1) {
      b->cap_a1 = b->cap_a1 ? 2 * b->cap_a1 : 256;
      b->a1 = rasd_xrealloc(b->a1, b->cap_a1 * sizeof *b->a1);
    }
    admin1 *a = &b->a1[b->na1];
    memset(a, 0, sizeof *a);
    strcpy(a->code, code);
    a->name_en = intern_c(b, en);
    a->name_ar = intern_c(b, ar);
    a->lat = lat;
    a->lon = lon;
    a->have_point = 1;
    a->nearest = fl && strstr(fl, "nearest");
    rasd_strmap_put(b->a1map, code, strlen(code), (uint32_t)b->na1);
    b->na1++;
    bentry *e = new_entry(b);
    int32_t ei = (int32_t)(b->nents - 1);
    e->e.kind = RASD_GAZ_ADMIN1;
    e->e.prec = 3;
    e->e.flags = GEF_CURATED | (fl && strstr(fl, "cue") ? GEF_CUE : 0);
    e->e.name_en = a->name_en;
    e->e.name_ar = a->name_ar;
    e->e.admin1 = a->name_en;
    e->e.country = c3;
    e->e.lat = lat;
    e->e.lon = lon;
    memcpy(e->cc2, cc, 3);
    b->st.from_curated++;
    if (ar) add_name(b, ei, ar, strlen(ar), 1);
    add_list(b, ei, col(&t, 5), 1);
  }
  tsv_close(&t);
  return rc;
}

static int kind_of(const char *s) {
  static const char *const k[] = {"", "city", "admin1", "admin2", "region", "poi", "country"};
  for (int i = 1; i < 7; i++)
    if (s && !strcmp(s, k[i])) return i;
  return 0;
}

/* places TSV (curated or imported):
** name_ar name_en country admin1 admin2 lat lon precision kind geonameid population aliases flags */
static rasd_rc read_places(builder *b, const char *path, int optional, uint8_t origin) {
  tsv t;
  if (!tsv_open(&t, path)) {
    if (optional) return RASD_OK;
    rasd_diag_set(b->diag, keep(path), 0, "cannot read: %s", strerror(errno));
    return RASD_IO;
  }
  rasd_rc rc = RASD_OK;
  while (tsv_next(&t)) {
    const char *ar = col(&t, 0), *en = col(&t, 1), *cc = col(&t, 2), *a1 = col(&t, 3), *a2 = col(&t, 4);
    const char *gid = col(&t, 9), *pop = col(&t, 10), *fl = col(&t, 12);
    double lat = 0, lon = 0, prec = 0;
    int kind = kind_of(col(&t, 8));
    int has_point = parse_double(col(&t, 5), &lat) && parse_double(col(&t, 6), &lon);
    if (t.ncol < 9 || !ar || !kind || (col(&t, 7) && (!parse_double(col(&t, 7), &prec) || prec < 1 || prec > 3)) ||
        (gid && atol(gid) <= 0) || (has_point && (lat < -90 || lat > 90 || lon < -180 || lon > 180))) {
      rc = bad_row(b, &t, "expected name_ar name_en country admin1 admin2 lat lon precision kind(city|admin1|admin2|region|poi) "
                          "[geonameid] [population] [aliases] [flags]");
      break;
    }
    uint32_t c3 = iso3_of(b, cc);
    if (cc && !c3) { rc = bad_row(b, &t, "unknown country code"); break; }
    uint32_t found;
    bentry *e;
    int32_t ei;
    if (gid && rasd_strmap_get(b->byid, gid, strlen(gid), &found)) {
      ei = (int32_t)found;
      e = &b->ents[ei];
    } else {
      if (!has_point && gid) continue; /* a GeoNames place this build does not have */
      if (!has_point) { rc = bad_row(b, &t, "a new place needs lat and lon"); break; }
      e = new_entry(b);
      ei = (int32_t)(b->nents - 1);
      if (origin & GEF_IMPORT) b->st.from_import++; else b->st.from_curated++;
      e->e.flags = origin;
      if (gid) {
        e->e.geonameid = (uint32_t)atol(gid);
        rasd_strmap_put(b->byid, gid, strlen(gid), (uint32_t)ei);
      }
    }
    e->e.kind = (uint8_t)kind;
    e->e.prec = prec ? (uint8_t)prec : kind == RASD_GAZ_ADMIN1 || kind == RASD_GAZ_REGION ? 3 : kind == RASD_GAZ_ADMIN2 ? 2 : 1;
    if (en) e->e.name_en = intern_c(b, en);
    e->e.name_ar = intern_c(b, ar);
    if (c3) { e->e.country = c3; memcpy(e->cc2, cc, 2); }
    if (a1) {
      uint32_t ai;
      if (rasd_strmap_get(b->a1map, a1, strlen(a1), &ai)) {
        strcpy(e->a1code, a1);
      } else if (!(strlen(a1) > 3 && a1[2] == '.' && a1[0] >= 'A' && a1[0] <= 'Z')) {
        e->e.admin1 = intern_c(b, a1); /* an English admin1 name */
        e->a1code[0] = 0;
      } else if (strlen(a1) < sizeof e->a1code) {
        strcpy(e->a1code, a1); /* a GeoNames code: named by its seat, if any */
      }
    }
    if (a2) e->e.admin2 = intern_c(b, a2);
    if (has_point) { e->e.lat = lat; e->e.lon = lon; }
    if (pop) e->e.population = (uint32_t)atol(pop);
    if (fl && strstr(fl, "cue")) e->e.flags |= GEF_CUE;
    /* imported spellings get the GeoNames treatment (stop words, cue-word heads) */
    int cur = (origin & GEF_CURATED) != 0;
    add_name(b, ei, ar, strlen(ar), cur);
    add_list(b, ei, col(&t, 11), cur);
  }
  tsv_close(&t);
  return rc;
}

/* aliases.tsv: spelling geonameid [flags] */
static rasd_rc read_aliases(builder *b, const char *path) {
  tsv t;
  if (!tsv_open(&t, path)) return RASD_OK;
  rasd_rc rc = RASD_OK;
  while (tsv_next(&t)) {
    const char *sp = col(&t, 0), *gid = col(&t, 1);
    uint32_t ei;
    if (!sp || !gid || atol(gid) <= 0) { rc = bad_row(b, &t, "expected SPELLING GEONAMEID"); break; }
    if (!rasd_strmap_get(b->byid, gid, strlen(gid), &ei)) continue; /* that place is not in this build */
    add_name(b, (int32_t)ei, sp, strlen(sp), 1);
  }
  tsv_close(&t);
  return rc;
}

/* ---- the Debian geonames.mo (GNU gettext catalogue: id -> Arabic label) --- */
typedef struct mo_cat {
  char *data; size_t len;
  rasd_strmap *ids; /* msgid -> index */
  uint32_t n, orig, trans;
} mo_cat;

static uint32_t rd32(const char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

static rasd_rc mo_load(builder *b, const char *path, mo_cat *m) {
  memset(m, 0, sizeof *m);
  FILE *f = fopen(path, "rb");
  if (!f) { rasd_diag_set(b->diag, keep(path), 0, "cannot read: %s", strerror(errno)); return RASD_IO; }
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (sz < 28) { fclose(f); rasd_diag_set(b->diag, keep(path), 0, "not a .mo file"); return RASD_LEXICON; }
  m->data = rasd_xmalloc((size_t)sz);
  m->len = (size_t)sz;
  if (fread(m->data, 1, m->len, f) != m->len) { fclose(f); rasd_diag_set(b->diag, keep(path), 0, "short read"); return RASD_IO; }
  fclose(f);
  if (rd32(m->data) != 0x950412deU) { rasd_diag_set(b->diag, keep(path), 0, "not a little-endian .mo file"); return RASD_LEXICON; }
  m->n = rd32(m->data + 8);
  m->orig = rd32(m->data + 12);
  m->trans = rd32(m->data + 16);
  if ((uint64_t)m->orig + 8ull * m->n > m->len || (uint64_t)m->trans + 8ull * m->n > m->len) {
    rasd_diag_set(b->diag, keep(path), 0, "corrupt .mo file");
    return RASD_LEXICON;
  }
  m->ids = rasd_strmap_new(m->n * 2 + 16);
  for (uint32_t i = 0; i < m->n; i++) {
    uint32_t l = rd32(m->data + m->orig + 8 * i), o = rd32(m->data + m->orig + 8 * i + 4);
    if ((uint64_t)o + l <= m->len && l) rasd_strmap_put(m->ids, m->data + o, l, i);
  }
  return RASD_OK;
}
static const char *mo_get(const mo_cat *m, const char *id, size_t n, size_t *len) {
  uint32_t i;
  if (!m->ids || !rasd_strmap_get(m->ids, id, n, &i)) return NULL;
  uint32_t l = rd32(m->data + m->trans + 8 * i), o = rd32(m->data + m->trans + 8 * i + 4);
  if ((uint64_t)o + l > m->len) return NULL;
  *len = l;
  return m->data + o;
}
static void mo_free(mo_cat *m) {
  free(m->data);
  rasd_strmap_free(m->ids);
}

/* ---- cities500 ------------------------------------------------------------- */
/* 1 when s is written in Arabic letters only (spaces, hyphens allowed), with
** Persian letters we can read as Arabic mapped (ی->ي ک->ك), 0 otherwise. */
static int arabic_name(const char *s, size_t n, char *out, size_t *on) {
  size_t o = 0;
  int letters = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    int32_t cp = rasd_uni_decode(s, n, &j);
    if (cp < 0) return 0;
    if (cp == 0x06CC) cp = 0x064A;
    else if (cp == 0x06A9) cp = 0x0643;
    else if (cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x0679 || cp == 0x0688 ||
             cp == 0x0691 || cp == 0x06BA || cp == 0x06D2 || cp == 0x06BE || cp == 0x06C1 || cp == 0x06D5 || cp == 0x06C0)
      return 0;
    if (cp >= 0x0621 && cp <= 0x064A) letters++;
    else if (!(cp == ' ' || cp == '-' || (cp >= 0x064B && cp <= 0x0652) || cp == 0x0640 || cp == 0x0670 ||
               cp == 0x200E || cp == 0x200F || (cp >= 0x0671 && cp <= 0x06D3)))
      return 0;
    o += (size_t)rasd_uni_encode(cp, out + o);
    i = j;
  }
  *on = o;
  return letters >= 2;
}

/* Countries kept whole: the Arabic-speaking world and the neighbours
** conflict news names.  Elsewhere only cities of 100,000+ and capitals. */
static int core_country(const char *cc) {
  static const char core[] =
      "SY IQ YE LY SD SS LB PS JO IL SA EG TR IR AE KW QA BH OM DZ MA TN MR SO DJ KM EH ER TD NE ML AF CY ";
  char k[4] = {cc[0], cc[1], ' ', 0};
  return cc[0] && cc[1] && strstr(core, k) != NULL;
}

static rasd_rc read_cities500(builder *b, const char *path, const mo_cat *mo) {
  tsv t;
  if (!tsv_open(&t, path)) { rasd_diag_set(b->diag, keep(path), 0, "cannot read: %s", strerror(errno)); return RASD_IO; }
  char *tmp = NULL;
  size_t tcap = 0;
  while (tsv_next(&t)) {
    if (t.ncol < 19) {
      tsv_close(&t);
      free(tmp);
      rasd_diag_set(b->diag, keep(path), t.line, "not a GeoNames table row (%d columns, expected 19)", t.ncol);
      return RASD_LEXICON;
    }
    const char *id = t.col[0], *cc = t.col[8], *fcode = t.col[7];
    long pop = atol(t.col[14]);
    int capital = !strcmp(fcode, "PPLC");
    if (t.col[6][0] != 'P' || strlen(cc) != 2) continue;
    if (!core_country(cc) && pop < 100000 && !capital) continue;
    uint32_t c3 = iso3_of(b, cc);
    if (!c3) continue;
    size_t alen = strlen(t.col[3]);
    if (tcap < 3 * alen + 64) { tcap = 3 * alen + 64; tmp = rasd_xrealloc(tmp, tcap); }
    /* the Arabic label: the mo's, else the first Arabic alternate */
    size_t ml = 0, an = 0;
    const char *label = mo ? mo_get(mo, id, strlen(id), &ml) : NULL;
    char lab[512];
    size_t labn = 0;
    if (label && ml < sizeof lab && arabic_name(label, ml, lab, &labn)) labn = clean_display(lab, labn, lab);
    else labn = 0;
    int has_arabic = labn > 0;
    const char *p = t.col[3];
    while (!has_arabic && *p) {
      const char *q = strchr(p, ',');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      if (n < sizeof lab && arabic_name(p, n, lab, &an)) { labn = clean_display(lab, an, lab); has_arabic = 1; }
      if (!q) break;
      p = q + 1;
    }
    if (!has_arabic) continue;
    bentry *e = new_entry(b);
    int32_t ei = (int32_t)(b->nents - 1);
    e->e.kind = RASD_GAZ_CITY;
    e->e.prec = 1;
    e->e.name_en = intern_c(b, t.col[1]);
    e->e.name_ar = intern(b, lab, labn);
    e->e.country = c3;
    memcpy(e->cc2, cc, 2);
    parse_double(t.col[4], &e->e.lat);
    parse_double(t.col[5], &e->e.lon);
    e->e.geonameid = (uint32_t)atol(id);
    e->e.population = pop > 0 ? (uint32_t)pop : 0;
    if (capital) e->e.flags |= GEF_CAPITAL;
    if (!strcmp(fcode, "PPLA")) e->e.flags |= GEF_SEAT;
    if (strlen(t.col[10]) < 16 && t.col[10][0]) snprintf(e->a1code, sizeof e->a1code, "%s.%s", cc, t.col[10]);
    rasd_strmap_put(b->byid, id, strlen(id), (uint32_t)ei);
    b->st.from_geonames++;
    add_name(b, ei, lab, labn, 0);
    p = t.col[3];
    while (*p) {
      const char *q = strchr(p, ',');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      if (arabic_name(p, n, tmp, &an)) add_name(b, ei, tmp, an, 0);
      if (!q) break;
      p = q + 1;
    }
    /* seats name their admin1 when no curated row does */
    if ((e->e.flags & (GEF_SEAT | GEF_CAPITAL)) && e->a1code[0] &&
        !rasd_strmap_get(b->a1map, e->a1code, strlen(e->a1code), NULL)) {
      if (b->na1 == b->cap_a1) {
        b->cap_a1 = b->cap_a1 ? 2 * b->cap_a1 : 256;
        b->a1 = rasd_xrealloc(b->a1, b->cap_a1 * sizeof *b->a1);
      }
      admin1 *a = &b->a1[b->na1];
      memset(a, 0, sizeof *a);
      strcpy(a->code, e->a1code);
      a->name_en = e->e.name_en;
      a->lat = e->e.lat;
      a->lon = e->e.lon;
      rasd_strmap_put(b->a1map, a->code, strlen(a->code), (uint32_t)b->na1);
      b->na1++;
    }
  }
  tsv_close(&t);
  free(tmp);
  b->flags |= GAZ_HAS_GEONAMES;
  return RASD_OK;
}

/* ---- finishing: admin1 names, sorting, the image ------------------------------ */
static double dist2(double la1, double lo1, double la2, double lo2) {
  double dx = (lo1 - lo2) * 0.8, dy = la1 - la2;
  return dx * dx + dy * dy;
}

static void resolve_admin1(builder *b) {
  for (size_t i = 0; i < b->nents; i++) {
    bentry *e = &b->ents[i];
    if (e->cc2[0] && core_country(e->cc2)) e->e.flags |= GEF_CORE;
    if (e->e.kind == RASD_GAZ_COUNTRY) continue;
    uint32_t ai;
    /* countries whose curated admin1 rows say "nearest" (GeoNames codes too coarse) */
    int near_done = 0;
    for (size_t k = 0; e->cc2[0] && k < b->na1; k++) {
      if (!b->a1[k].nearest || memcmp(b->a1[k].code, e->cc2, 2)) continue;
      if (e->e.kind == RASD_GAZ_ADMIN1 && e->e.admin1) { near_done = 1; break; }
      size_t best = k;
      for (size_t m = k; m < b->na1; m++)
        if (b->a1[m].nearest && !memcmp(b->a1[m].code, e->cc2, 2) &&
            dist2(e->e.lat, e->e.lon, b->a1[m].lat, b->a1[m].lon) < dist2(e->e.lat, e->e.lon, b->a1[best].lat, b->a1[best].lon))
          best = m;
      e->e.admin1 = b->a1[best].name_en;
      near_done = 1;
      break;
    }
    if (near_done) continue;
    if (e->a1code[0] && rasd_strmap_get(b->a1map, e->a1code, strlen(e->a1code), &ai)) e->e.admin1 = b->a1[ai].name_en;
  }
}

static builder *sort_ctx;
static int name_cmp(const void *a, const void *c) {
  const bname *x = a, *y = c;
  const char *pool = sort_ctx->pool.p;
  size_t n = x->wlen < y->wlen ? x->wlen : y->wlen;
  int r = memcmp(pool + x->key, pool + y->key, n);
  if (r) return r;
  if (x->wlen != y->wlen) return x->wlen < y->wlen ? -1 : 1;
  if (x->nwords != y->nwords) return x->nwords > y->nwords ? -1 : 1;
  if (x->klen != y->klen) return x->klen > y->klen ? -1 : 1;
  r = memcmp(pool + x->key, pool + y->key, x->klen);
  if (r) return r;
  if (x->entry != y->entry) return x->entry < y->entry ? -1 : 1;
  return (int)x->flags - (int)y->flags;
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

static rasd_rc emit(builder *b, void **img, size_t *len) {
  sort_ctx = b;
  qsort(b->names, b->nnames, sizeof *b->names, name_cmp);
  /* dedupe (key, entry), merging flags; drop names of entries we never report */
  size_t w = 0;
  for (size_t i = 0; i < b->nnames; i++) {
    if (w && b->names[w - 1].key == b->names[i].key && b->names[w - 1].entry == b->names[i].entry) {
      /* cue if any spelling says so; "needs the article" only if every spelling has it */
      b->names[w - 1].flags |= b->names[i].flags & (GNF_CUE | GNF_SOMEART);
      if (!(b->names[i].flags & GNF_ART)) b->names[w - 1].flags &= (uint8_t)~GNF_ART;
      if (!(b->names[i].flags & GNF_JOINED)) b->names[w - 1].flags &= (uint8_t)~GNF_JOINED;
      continue;
    }
    b->names[w++] = b->names[i];
  }
  b->nnames = w;
  /* groups */
  size_t ngroups = 0;
  gaz_group *groups = rasd_xmalloc((b->nnames + 1) * sizeof *groups);
  for (size_t i = 0; i < b->nnames;) {
    size_t j = i + 1;
    while (j < b->nnames && b->names[j].wlen == b->names[i].wlen &&
           !memcmp(b->pool.p + b->names[j].key, b->pool.p + b->names[i].key, b->names[i].wlen))
      j++;
    gaz_group *g = &groups[ngroups++];
    g->word = b->names[i].key; /* the first word is a prefix of the key */
    g->wlen = (uint16_t)b->names[i].wlen;
    g->n = (uint16_t)(j - i > 65535 ? 65535 : j - i);
    g->first = (uint32_t)i;
    i = j;
  }
  uint32_t nslots = 16;
  while (nslots < 2 * ngroups + 1) nslots <<= 1;
  uint32_t *slots = rasd_xcalloc(nslots, 4);
  for (size_t i = 0; i < ngroups; i++) {
    uint32_t s = (uint32_t)gaz_hash(b->pool.p + groups[i].word, groups[i].wlen) & (nslots - 1);
    while (slots[s]) s = (s + 1) & (nslots - 1);
    slots[s] = (uint32_t)i + 1;
  }
  gaz_header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, RASD_GAZ_MAGIC, 8);
  h.version = RASD_GAZ_VERSION;
  h.nentries = (uint32_t)b->nents;
  h.nnames = (uint32_t)b->nnames;
  h.ngroups = (uint32_t)ngroups;
  h.nslots = nslots;
  h.pool_len = (uint32_t)b->pool.n;
  h.flags = b->flags;
  size_t off = align8(sizeof h);
  h.off_entries = (uint32_t)off; off = align8(off + b->nents * sizeof(gaz_entry));
  h.off_names = (uint32_t)off; off = align8(off + b->nnames * sizeof(gaz_name));
  h.off_groups = (uint32_t)off; off = align8(off + ngroups * sizeof(gaz_group));
  h.off_slots = (uint32_t)off; off = align8(off + (size_t)nslots * 4);
  h.off_pool = (uint32_t)off; off = align8(off + b->pool.n);
  char *out = rasd_xcalloc(1, off);
  memcpy(out, &h, sizeof h);
  for (size_t i = 0; i < b->nents; i++) memcpy(out + h.off_entries + i * sizeof(gaz_entry), &b->ents[i].e, sizeof(gaz_entry));
  for (size_t i = 0; i < b->nnames; i++) {
    gaz_name nm = {b->names[i].key, (uint16_t)b->names[i].klen, b->names[i].nwords, b->names[i].flags, b->names[i].entry};
    memcpy(out + h.off_names + i * sizeof nm, &nm, sizeof nm);
  }
  memcpy(out + h.off_groups, groups, ngroups * sizeof *groups);
  memcpy(out + h.off_slots, slots, (size_t)nslots * 4);
  memcpy(out + h.off_pool, b->pool.p, b->pool.n);
  free(groups);
  free(slots);
  *img = out;
  *len = off;
  b->st.entries = b->nents;
  b->st.names = b->nnames;
  b->st.bytes = off;
  return RASD_OK;
}

rasd_rc rasd_gaz_compile(const rasd_gaz_sources *src, void **img, size_t *len, rasd_gaz_stats *st, rasd_diag *diag) {
  builder b;
  memset(&b, 0, sizeof b);
  b.diag = diag;
  b.interned = rasd_strmap_new(1 << 16);
  b.common = rasd_strmap_new(1024);
  b.iso = rasd_strmap_new(1024);
  b.a1map = rasd_strmap_new(1024);
  b.byid = rasd_strmap_new(1 << 16);
  rasd_buf_putc(&b.pool, 0); /* offset 0 = "" */
  mo_cat mo;
  memset(&mo, 0, sizeof mo);
  const char *dir = src->data_dir ? src->data_dir : "data";
  char *geo = path_join(dir, "geo");
  char *p;
  rasd_rc rc;
#define STEP(call, leaf) (p = path_join(geo, leaf), rc = call, free(p), rc == RASD_OK)
  if (STEP(read_countries(&b, p), "countries.tsv") && STEP(read_common(&b, p), "common.tsv") &&
      STEP(read_admin1(&b, p), "admin1.tsv") &&
      (!src->geonames_mo || (rc = mo_load(&b, src->geonames_mo, &mo)) == RASD_OK) &&
      (!src->cities500 || (rc = read_cities500(&b, src->cities500, src->geonames_mo ? &mo : NULL)) == RASD_OK) &&
      STEP(read_places(&b, p, 0, GEF_CURATED), "places.tsv")) {
    for (int i = 0; i < src->n_extra && rc == RASD_OK; i++) rc = read_places(&b, src->extra[i], 0, GEF_IMPORT);
    if (rc == RASD_OK && STEP(read_aliases(&b, p), "aliases.tsv")) {
      if (src->geonames_mo) b.flags |= GAZ_HAS_MO;
      resolve_admin1(&b);
      rc = emit(&b, img, len);
    }
  }
#undef STEP
  if (st) *st = b.st;
  free(geo);
  mo_free(&mo);
  rasd_buf_free(&b.pool);
  rasd_strmap_free(b.interned);
  rasd_strmap_free(b.common);
  rasd_strmap_free(b.iso);
  rasd_strmap_free(b.a1map);
  rasd_strmap_free(b.byid);
  free(b.ents);
  free(b.names);
  free(b.iso3s);
  free(b.a1);
  return rc;
}

rasd_rc rasd_gaz_build(const rasd_gaz_sources *src, const char *path, rasd_gaz_stats *st, rasd_diag *diag) {
  void *img;
  size_t len;
  rasd_rc rc = rasd_gaz_compile(src, &img, &len, st, diag);
  if (rc != RASD_OK) return rc;
  size_t pl = strlen(path);
  char *tmp = rasd_xmalloc(pl + 8);
  memcpy(tmp, path, pl);
  strcpy(tmp + pl, ".tmp");
  FILE *f = fopen(tmp, "wb");
  int ok = f && fwrite(img, 1, len, f) == len;
  if (f && fclose(f) != 0) ok = 0;
  if (ok && rename(tmp, path) != 0) ok = 0;
  if (!ok) {
    remove(tmp);
    rasd_diag_set(diag, path, 0, "cannot write the gazetteer: %s", strerror(errno));
    rc = RASD_IO;
  }
  free(tmp);
  free(img);
  return rc;
}
