/*
** geo/import.c -- importers that turn other gazetteers into rasd place rows
** (the data/geo/places.tsv format, docs/GAZETTEER.md):
**   - a GeoNames country dump (XX.txt) + optional alternateNames(V2).txt,
**   - OpenSyria's admin JSON (governorates, districts, sub-districts).
** Rows are written in input order; nothing is kept after the call.
*/
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/strmap.h"
#include "../text/uni.h"
#include "gaz_format.h"

/* A field for a TSV row: tabs, newlines and '|' become spaces; empty -> "-". */
static void field(FILE *out, const char *s, int last) {
  if (!s || !*s) fputs("-", out);
  for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' || *s == '|' ? ' ' : *s, out);
  fputc(last ? '\n' : '\t', out);
}

/* 1 when s has Arabic letters and no Latin ones. */
static int is_arabic(const char *s, size_t n) {
  int ar = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp = rasd_uni_decode(s, n, &i);
    if (cp >= 0x0621 && cp <= 0x064A) ar = 1;
    else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp > 0x0700) {
      if (cp != 0x200E && cp != 0x200F) return 0;
    }
  }
  return ar;
}

/* ---- GeoNames ---------------------------------------------------------------- */
typedef struct grow {
  char *cols[19];
  char *line;
  rasd_buf ar; /* Arabic names, '|'-separated */
} grow;

static char *split_line(char *line, char **cols, int max) {
  int n = 0;
  char *p = line;
  for (;;) {
    if (n < max) cols[n++] = p;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = 0;
    p = t + 1;
  }
  for (int i = n; i < max; i++) cols[i] = NULL;
  return n == max ? line : NULL;
}

static void add_ar(rasd_buf *b, const char *s, size_t n) {
  if (!is_arabic(s, n)) return;
  /* no duplicates */
  size_t i = 0;
  while (i < b->n) {
    size_t j = i;
    while (j < b->n && b->p[j] != '|') j++;
    if (j - i == n && !memcmp(b->p + i, s, n)) return;
    i = j + 1;
  }
  if (b->n) rasd_buf_putc(b, '|');
  rasd_buf_add(b, s, n);
}

rasd_rc rasd_gaz_import_geonames(const char *dump, const char *alternates, long min_pop, FILE *out, size_t *nrows,
                                 rasd_diag *diag) {
  *nrows = 0;
  FILE *f = fopen(dump, "r");
  if (!f) { rasd_diag_set(diag, dump, 0, "cannot read: %s", strerror(errno)); return RASD_IO; }
  grow *rows = NULL;
  size_t n = 0, cap = 0;
  rasd_strmap *ids = rasd_strmap_new(1024);
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  long lineno = 0;
  rasd_rc rc = RASD_OK;
  while ((len = getline(&line, &lcap, f)) >= 0) {
    lineno++;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    if (!len || line[0] == '#') continue;
    char *copy = rasd_xstrndup(line, (size_t)len);
    char *cols[19];
    if (!split_line(copy, cols, 19) || atol(cols[0]) <= 0) {
      free(copy);
      rasd_diag_set(diag, dump, lineno, "not a GeoNames table row (19 tab-separated columns)");
      rc = RASD_LEXICON;
      break;
    }
    const char *fc = cols[6], *code = cols[7];
    int keep = (fc[0] == 'P' && atol(cols[14]) >= min_pop) ||
               (fc[0] == 'A' && (!strcmp(code, "ADM1") || !strcmp(code, "ADM2") || !strcmp(code, "ADM3")));
    if (!keep) { free(copy); continue; }
    if (n == cap) { cap = cap ? 2 * cap : 256; rows = rasd_xrealloc(rows, cap * sizeof *rows); }
    grow *r = &rows[n];
    memset(r, 0, sizeof *r);
    r->line = copy;
    memcpy(r->cols, cols, sizeof cols);
    const char *p = cols[3];
    while (p && *p) {
      const char *q = strchr(p, ',');
      size_t k = q ? (size_t)(q - p) : strlen(p);
      add_ar(&r->ar, p, k);
      if (!q) break;
      p = q + 1;
    }
    rasd_strmap_put(ids, cols[0], strlen(cols[0]), (uint32_t)n);
    n++;
  }
  fclose(f);
  if (rc == RASD_OK && alternates) {
    FILE *a = fopen(alternates, "r");
    if (!a) {
      rasd_diag_set(diag, alternates, 0, "cannot read: %s", strerror(errno));
      rc = RASD_IO;
    } else {
      lineno = 0;
      while ((len = getline(&line, &lcap, a)) >= 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (!len || line[0] == '#') continue;
        char *cols[4] = {0};
        int k = 0;
        char *p = line;
        while (k < 4) {
          cols[k++] = p;
          char *t = strchr(p, '\t');
          if (!t) break;
          *t = 0;
          p = t + 1;
        }
        if (k < 4) {
          rasd_diag_set(diag, alternates, lineno, "not an alternateNames row (id, geonameid, language, name, ...)");
          rc = RASD_LEXICON;
          break;
        }
        uint32_t ri;
        if (strcmp(cols[2], "ar") || !rasd_strmap_get(ids, cols[1], strlen(cols[1]), &ri)) continue;
        /* the alternate file's Arabic names go first */
        rasd_buf nb = {0};
        add_ar(&nb, cols[3], strlen(cols[3]));
        if (nb.n && rows[ri].ar.n) {
          rasd_buf_putc(&nb, '|');
          rasd_buf_add(&nb, rows[ri].ar.p, rows[ri].ar.n);
        }
        if (nb.n) { rasd_buf_free(&rows[ri].ar); rows[ri].ar = nb; } else rasd_buf_free(&nb);
      }
      fclose(a);
    }
  }
  free(line);
  for (size_t i = 0; rc == RASD_OK && i < n; i++) {
    grow *r = &rows[i];
    if (!r->ar.n) continue;
    char **c = r->cols;
    if (c[6][0] == 'A') { /* محافظة X: X is the name, the full form an alias */
      static const char *const heads[] = {"محافظة ", "ولاية ", "منطقة ", "ناحية ", "قضاء ", "مديرية ", "إقليم ", NULL};
      for (int h = 0; heads[h]; h++) {
        size_t hl = strlen(heads[h]);
        if (r->ar.n > hl && !memcmp(r->ar.p, heads[h], hl)) {
          const char *e = memchr(r->ar.p, '|', r->ar.n);
          size_t l = e ? (size_t)(e - r->ar.p) : r->ar.n;
          rasd_buf nb = {0};
          rasd_buf_add(&nb, r->ar.p + hl, l - hl);
          rasd_buf_putc(&nb, '|');
          rasd_buf_add(&nb, r->ar.p, r->ar.n);
          rasd_buf_free(&r->ar);
          r->ar = nb;
          break;
        }
      }
    }
    const char *bar = memchr(r->ar.p, '|', r->ar.n);
    size_t first = bar ? (size_t)(bar - r->ar.p) : r->ar.n;
    char *name = rasd_xstrndup(r->ar.p, first);
    char a1[40] = "";
    int is_adm = c[6][0] == 'A';
    const char *kind = !is_adm ? "city" : !strcmp(c[7], "ADM1") ? "admin1" : "admin2";
    if (c[10][0] && strlen(c[10]) < 20) snprintf(a1, sizeof a1, "%s.%s", c[8], c[10]);
    field(out, name, 0);
    field(out, c[1], 0);
    field(out, c[8], 0);
    field(out, a1, 0);
    field(out, !strcmp(kind, "admin2") ? c[1] : NULL, 0);
    field(out, c[4], 0);
    field(out, c[5], 0);
    field(out, !strcmp(kind, "admin1") ? "3" : !strcmp(kind, "admin2") ? "2" : "1", 0);
    field(out, kind, 0);
    field(out, c[0], 0);
    field(out, c[14], 0);
    if (bar) fwrite(bar + 1, 1, r->ar.n - first - 1, out); else fputs("-", out);
    fputc('\t', out);
    field(out, NULL, 1);
    free(name);
    (*nrows)++;
  }
  for (size_t i = 0; i < n; i++) {
    free(rows[i].line);
    rasd_buf_free(&rows[i].ar);
  }
  free(rows);
  rasd_strmap_free(ids);
  if (rc == RASD_OK && ferror(out)) {
    rasd_diag_set(diag, "(output)", 0, "write failed");
    rc = RASD_IO;
  }
  return rc;
}

/* ---- OpenSyria ------------------------------------------------------------- */
static cJSON *load_json(const char *dir, const char *leaf, rasd_diag *diag, rasd_rc *rc) {
  static char p[1024]; /* outlives the call: diag->source may point here */
  snprintf(p, sizeof p, "%s/%s", dir, leaf);
  FILE *f = fopen(p, "rb");
  if (!f) {
    rasd_diag_set(diag, p, 0, "cannot read: %s", strerror(errno));
    *rc = RASD_IO;
    return NULL;
  }
  rasd_buf buf = {0};
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) rasd_buf_add(&buf, chunk, k);
  fclose(f);
  cJSON *j = buf.p ? cJSON_ParseWithLength(buf.p, buf.n) : NULL;
  rasd_buf_free(&buf);
  if (!j || !cJSON_IsArray(j)) {
    rasd_diag_set(diag, p, 0, "not an OpenSyria JSON array");
    cJSON_Delete(j);
    *rc = RASD_BADJSON;
    return NULL;
  }
  return j;
}

static const char *jstr(const cJSON *o, const char *a, const char *b) {
  const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
  if (b) x = cJSON_GetObjectItemCaseSensitive(x, b);
  return cJSON_IsString(x) ? x->valuestring : NULL;
}
static double jnum(const cJSON *o, const char *a, const char *b, int *ok) {
  const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
  if (b) x = cJSON_GetObjectItemCaseSensitive(x, b);
  *ok = cJSON_IsNumber(x);
  return *ok ? x->valuedouble : 0;
}

/* The Arabic spellings of an OpenSyria record: its name and Arabic aliases,
** with the words ناحية/منطقة/محافظة in front removed; "مركز X" is left out
** (the town itself is in GeoNames). */
static void os_names(const cJSON *o, rasd_buf *b) {
  static const char *const prefixes[] = {"ناحية ", "منطقة ", "محافظة ", NULL};
  const char *main = jstr(o, "name", "ar");
  const cJSON *al = cJSON_GetObjectItemCaseSensitive(o, "aliases");
  for (int i = -1; i < cJSON_GetArraySize(al); i++) {
    const char *s = main;
    if (i >= 0) {
      const cJSON *x = cJSON_GetArrayItem(al, i);
      const char *lang = jstr(x, "language", NULL);
      if (!lang || strcmp(lang, "ar")) continue;
      s = jstr(x, "value", NULL);
    }
    if (!s) continue;
    for (int k = 0; prefixes[k]; k++)
      if (!strncmp(s, prefixes[k], strlen(prefixes[k]))) s += strlen(prefixes[k]);
    if (!strncmp(s, "مركز ", strlen("مركز "))) continue;
    add_ar(b, s, strlen(s));
  }
}

rasd_rc rasd_gaz_import_opensyria(const char *dir, FILE *out, size_t *nrows, rasd_diag *diag) {
  *nrows = 0;
  rasd_rc rc = RASD_OK;
  cJSON *gov = load_json(dir, "governorates.json", diag, &rc);
  cJSON *dis = gov ? load_json(dir, "districts.json", diag, &rc) : NULL;
  cJSON *sub = dis ? load_json(dir, "subdistricts.json", diag, &rc) : NULL;
  if (!sub) {
    cJSON_Delete(gov);
    cJSON_Delete(dis);
    return rc;
  }
  cJSON *sets[3] = {gov, dis, sub};
  for (int s = 0; s < 3; s++) {
    const cJSON *o;
    cJSON_ArrayForEach(o, sets[s]) {
      int ok1, ok2, okp;
      double lat = jnum(o, "centroid", "latitude", &ok1), lon = jnum(o, "centroid", "longitude", &ok2);
      double pop = jnum(o, "population", "value", &okp);
      const char *en = jstr(o, "name", "en");
      if (!ok1 || !ok2 || !en) continue;
      rasd_buf names = {0};
      os_names(o, &names);
      if (!names.n) continue;
      /* admin1 / admin2 English names through the parent ids */
      const char *a1 = NULL, *a2 = NULL;
      const char *gid = s == 0 ? jstr(o, "id", NULL) : jstr(o, "governorateId", NULL);
      const cJSON *x;
      cJSON_ArrayForEach(x, gov) if (gid && jstr(x, "id", NULL) && !strcmp(jstr(x, "id", NULL), gid)) a1 = jstr(x, "name", "en");
      if (s == 1) a2 = en;
      if (s == 2) {
        const char *did = jstr(o, "districtId", NULL);
        cJSON_ArrayForEach(x, dis) if (did && jstr(x, "id", NULL) && !strcmp(jstr(x, "id", NULL), did)) a2 = jstr(x, "name", "en");
      }
      const char *bar = memchr(names.p, '|', names.n);
      char *first = rasd_xstrndup(names.p, bar ? (size_t)(bar - names.p) : names.n);
      char num[64];
      field(out, first, 0);
      field(out, en, 0);
      field(out, "SY", 0);
      field(out, a1, 0);
      field(out, a2, 0);
      snprintf(num, sizeof num, "%.5f", lat);
      field(out, num, 0);
      snprintf(num, sizeof num, "%.5f", lon);
      field(out, num, 0);
      field(out, s == 0 ? "3" : "2", 0);
      field(out, s == 0 ? "admin1" : "admin2", 0);
      field(out, jstr(o, "externalIds", "geonames"), 0);
      snprintf(num, sizeof num, "%.0f", okp ? pop : 0);
      field(out, okp ? num : NULL, 0);
      if (bar) fwrite(bar + 1, 1, names.n - (size_t)(bar - names.p) - 1, out); else fputs("-", out);
      fputc('\t', out);
      field(out, NULL, 1);
      free(first);
      rasd_buf_free(&names);
      (*nrows)++;
    }
  }
  cJSON_Delete(gov);
  cJSON_Delete(dis);
  cJSON_Delete(sub);
  if (ferror(out)) {
    rasd_diag_set(diag, "(output)", 0, "write failed");
    return RASD_IO;
  }
  return RASD_OK;
}
