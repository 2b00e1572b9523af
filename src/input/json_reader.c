/*
** input/json_reader.c -- one JSON Lines record -> rasd_article.
**
** Known fields: id (string or number), text, html, date, url, outlet,
** title; everything else is ignored.  "html" is used only when "text" is
** absent, and goes through the HTML main-text extractor.
*/
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../text/uni.h"
#include "reader.h"

/* Copy of s[0..n) into a, each invalid UTF-8 byte replaced by U+FFFD, so
** metadata written back out (id, title, url...) is always valid JSON. */
static char *clean_dup(rasd_arena *a, const char *s, size_t n) {
  size_t bad = rasd_uni_invalid_at(s, n);
  if (!bad) return rasd_arena_strndup(a, s, n);
  char *out = rasd_arena_alloc(a, 3 * n + 1), *o = out;
  for (size_t i = 0; i < n;) {
    size_t at = i;
    if (rasd_uni_decode(s, n, &i) < 0) { memcpy(o, "\xEF\xBF\xBD", 3); o += 3; }
    else { memcpy(o, s + at, i - at); o += i - at; }
  }
  *o = 0;
  return out;
}

static const char *str_field(const cJSON *o, const char *name, rasd_arena *a) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  if (cJSON_IsString(v) && v->valuestring) return clean_dup(a, v->valuestring, strlen(v->valuestring));
  return NULL;
}

/* ---- the fast path ------------------------------------------------------
** A plain record (an object of string/number/literal/nested values, JSON
** escapes, spaces/tabs/newlines between tokens) is read without building a
** tree: the known fields are found in one pass and decoded into the arena.
** Anything else -- a syntax error, a control byte or \u0000 in a string, a
** lone surrogate, deep nesting, a BOM, an escaped key, a numeric id,
** trailing bytes -- returns 0 and the record goes through cJSON exactly as
** before, so answers and diagnostics do not change. */
enum { F_ID, F_URL, F_OUTLET, F_TITLE, F_DATE, F_PUBLISHED, F_TEXT, F_HTML, NFIELDS };
static const struct { const char *name; size_t n; } fields[NFIELDS] = {
    {"id", 2}, {"url", 3}, {"outlet", 6}, {"title", 5}, {"date", 4}, {"published", 9}, {"text", 4}, {"html", 4}};
typedef struct {
  int seen;       /* the first occurrence was read */
  int is_str;     /* ... and was a string */
  const char *s;  /* its value (in the line or the arena), NUL-free */
  size_t n;
} fval;

typedef struct {
  const char *p, *e;
  rasd_arena *a;
} jscan;

static void skip_ws(jscan *j) {
  while (j->p < j->e && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) j->p++;
}

static int hex4(const char *p, uint32_t *v) {
  uint32_t x = 0;
  for (int k = 0; k < 4; k++) {
    char c = p[k];
    x <<= 4;
    if (c >= '0' && c <= '9') x |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f') x |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') x |= (uint32_t)(c - 'A' + 10);
    else return 0;
  }
  *v = x;
  return 1;
}

/* A string at j->p (on the opening quote).  With out: its decoded value
** (pointing into the line when it has no escapes).  0 when not plain. */
static int scan_str(jscan *j, const char **out, size_t *outn, int allow_esc) {
  const char *p = j->p + 1, *start = p;
  int esc = 0;
  for (;;) {
    /* eight bytes at a time while none is '"', '\\' or a control byte */
    while (j->e - p >= 8) {
      uint64_t w, q, bs;
      memcpy(&w, p, 8);
      q = w ^ 0x2222222222222222ULL;
      bs = w ^ 0x5C5C5C5C5C5C5C5CULL;
      if ((((w - 0x2020202020202020ULL) & ~w) | ((q - 0x0101010101010101ULL) & ~q) | ((bs - 0x0101010101010101ULL) & ~bs)) &
          0x8080808080808080ULL)
        break;
      p += 8;
    }
    while (p < j->e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
    if (p >= j->e || (unsigned char)*p < 0x20) return 0;
    if (*p == '"') break;
    esc = 1;
    if (!allow_esc || p + 1 >= j->e) return 0;
    p += 2; /* checked below when decoding; a skipped value is only scanned */
    if (p[-1] == 'u') {
      if (p + 4 > j->e) return 0;
      p += 4;
    }
  }
  const char *end = p;
  j->p = p + 1;
  if (!out) {
    if (!esc) return 1;
  } else if (!esc) {
    *out = start;
    *outn = (size_t)(end - start);
    return 1;
  }
  /* decode (also validates the escapes of a skipped value) */
  char *o = out ? rasd_arena_grow_raw(j->a, NULL, 0, (size_t)(end - start) + 1, 1) : NULL, *w = o; /* all written below */
  for (const char *q = start; q < end;) {
    if (*q != '\\') {
      const char *r = memchr(q, '\\', (size_t)(end - q));
      if (!r) r = end;
      if (w) { memcpy(w, q, (size_t)(r - q)); w += r - q; }
      q = r;
      continue;
    }
    char c = q[1];
    q += 2;
    char ch = 0;
    switch (c) {
    case '"': ch = '"'; break;
    case '\\': ch = '\\'; break;
    case '/': ch = '/'; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;
    case 'u': {
      uint32_t cp;
      if (q + 4 > end || !hex4(q, &cp)) return 0;
      q += 4;
      if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return 0;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo;
        if (q + 6 > end || q[0] != '\\' || q[1] != 'u' || !hex4(q + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF) return 0;
        q += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      if (w) {
        /* at most 4 bytes for the 6 or 12 of the escape */
        if (cp < 0x80) *w++ = (char)cp;
        else if (cp < 0x800) { *w++ = (char)(0xC0 | (cp >> 6)); *w++ = (char)(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
          *w++ = (char)(0xE0 | (cp >> 12)); *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *w++ = (char)(0x80 | (cp & 0x3F));
        } else {
          *w++ = (char)(0xF0 | (cp >> 18)); *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
          *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *w++ = (char)(0x80 | (cp & 0x3F));
        }
      }
      continue;
    }
    default: return 0;
    }
    if (w) *w++ = ch;
  }
  if (w) {
    *w = 0;
    *out = o;
    *outn = (size_t)(w - o);
  }
  return 1;
}

static int is_num_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

/* A JSON number in strict syntax (which cJSON reads the same way). */
static int scan_num(jscan *j) {
  const char *p = j->p;
  if (p < j->e && *p == '-') p++;
  if (p >= j->e) return 0;
  if (*p == '0') p++;
  else if (*p >= '1' && *p <= '9') while (p < j->e && *p >= '0' && *p <= '9') p++;
  else return 0;
  if (p < j->e && *p == '.') {
    p++;
    if (p >= j->e || *p < '0' || *p > '9') return 0;
    while (p < j->e && *p >= '0' && *p <= '9') p++;
  }
  if (p < j->e && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < j->e && (*p == '+' || *p == '-')) p++;
    if (p >= j->e || *p < '0' || *p > '9') return 0;
    while (p < j->e && *p >= '0' && *p <= '9') p++;
  }
  if (p < j->e && is_num_char(*p)) return 0;
  if (p - j->p > 48) return 0; /* cJSON reads at most 63 characters of a number */
  j->p = p;
  return 1;
}

static int scan_value(jscan *j, int depth);

static int scan_lit(jscan *j, const char *lit, size_t n) {
  if ((size_t)(j->e - j->p) < n || memcmp(j->p, lit, n) != 0) return 0;
  j->p += n;
  return 1;
}

static int scan_value(jscan *j, int depth) {
  if (j->p >= j->e) return 0;
  switch (*j->p) {
  case '"': return scan_str(j, NULL, NULL, 1);
  case 't': return scan_lit(j, "true", 4);
  case 'f': return scan_lit(j, "false", 5);
  case 'n': return scan_lit(j, "null", 4);
  case '{':
  case '[': {
    if (depth >= 32) return 0;
    char close = *j->p == '{' ? '}' : ']';
    int obj = close == '}';
    j->p++;
    skip_ws(j);
    if (j->p < j->e && *j->p == close) { j->p++; return 1; }
    for (;;) {
      if (obj) {
        if (j->p >= j->e || *j->p != '"' || !scan_str(j, NULL, NULL, 1)) return 0;
        skip_ws(j);
        if (j->p >= j->e || *j->p != ':') return 0;
        j->p++;
        skip_ws(j);
      }
      if (!scan_value(j, depth + 1)) return 0;
      skip_ws(j);
      if (j->p >= j->e) return 0;
      if (*j->p == ',') { j->p++; skip_ws(j); continue; }
      if (*j->p == close) { j->p++; return 1; }
      return 0;
    }
  }
  default: return scan_num(j);
  }
}

/* 1 with v[] filled when the line is a plain record; 0: use cJSON. */
static int fast_fields(const char *line, size_t n, rasd_arena *a, fval v[NFIELDS]) {
  jscan j = {line, line + n, a};
  memset(v, 0, NFIELDS * sizeof *v);
  skip_ws(&j);
  if (j.p >= j.e || *j.p != '{') return 0;
  j.p++;
  skip_ws(&j);
  if (j.p < j.e && *j.p == '}') j.p++;
  else
    for (;;) {
      const char *key;
      size_t kn;
      if (j.p >= j.e || *j.p != '"' || !scan_str(&j, &key, &kn, 0)) return 0;
      skip_ws(&j);
      if (j.p >= j.e || *j.p != ':') return 0;
      j.p++;
      skip_ws(&j);
      int f = -1;
      for (int k = 0; k < NFIELDS; k++)
        if (fields[k].n == kn && !memcmp(fields[k].name, key, kn)) { f = k; break; }
      if (f >= 0 && !v[f].seen) {
        v[f].seen = 1;
        if (j.p < j.e && *j.p == '"') {
          if (!scan_str(&j, &v[f].s, &v[f].n, 1)) return 0;
          v[f].is_str = 1;
        } else {
          if (f == F_ID && j.p < j.e && (*j.p == '-' || (*j.p >= '0' && *j.p <= '9'))) return 0; /* numeric id: cJSON */
          if (!scan_value(&j, 1)) return 0;
        }
      } else if (!scan_value(&j, 1)) {
        return 0;
      }
      skip_ws(&j);
      if (j.p >= j.e) return 0;
      if (*j.p == ',') { j.p++; skip_ws(&j); continue; }
      if (*j.p == '}') { j.p++; break; }
      return 0;
    }
  skip_ws(&j);
  return j.p == j.e;
}

static const char *fstr(const fval *v, rasd_arena *a) { return v->is_str ? clean_dup(a, v->s, v->n) : NULL; }

/* The rest of rasd_in_parse_json once the body is known (both paths). */
static rasd_rc finish(const char *body, size_t blen, int is_html, const char *source, long lineno, size_t max_article,
                      rasd_arena *a, rasd_article *art, rasd_diag *diag);

static rasd_rc parse_fast(const fval *v, const char *source, long lineno, size_t max_article, rasd_arena *a,
                          rasd_article *art, rasd_diag *diag) {
  if (v[F_ID].is_str && v[F_ID].n)
    art->id = clean_dup(a, v[F_ID].s, v[F_ID].n);
  else {
    char buf[64];
    snprintf(buf, sizeof buf, "line-%ld", lineno);
    art->id = rasd_arena_strndup(a, buf, strlen(buf));
  }
  snprintf(diag->id, sizeof diag->id, "%s", art->id);
  art->url = fstr(&v[F_URL], a);
  art->outlet = fstr(&v[F_OUTLET], a);
  art->title = fstr(&v[F_TITLE], a);
  art->date = fstr(&v[F_DATE], a);
  if (!art->date) art->date = fstr(&v[F_PUBLISHED], a);
  if (v[F_TEXT].is_str) return finish(v[F_TEXT].s, v[F_TEXT].n, 0, source, lineno, max_article, a, art, diag);
  if (v[F_HTML].is_str) return finish(v[F_HTML].s, v[F_HTML].n, 1, source, lineno, max_article, a, art, diag);
  rasd_diag_set(diag, source, lineno, "record has no \"text\" or \"html\" string; skipped");
  return RASD_BADINPUT;
}

rasd_rc rasd_in_parse_json(const char *line, size_t n, const char *source, long lineno, size_t max_article,
                           rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  memset(art, 0, sizeof *art);
  art->source = source;
  art->line = lineno;
  diag->id[0] = 0;
#ifndef RASD_JSON_NO_FAST /* defined: every record through cJSON (differential tests) */
  {
    fval v[NFIELDS];
    if (fast_fields(line, n, a, v)) return parse_fast(v, source, lineno, max_article, a, art, diag);
  }
#endif
  cJSON *o = cJSON_ParseWithLength(line, n);
  if (!o) {
    const char *e = cJSON_GetErrorPtr();
    long col = (e && e >= line && e <= line + n) ? (long)(e - line) + 1 : 0;
    rasd_diag_set(diag, source, lineno, "invalid JSON near column %ld; line skipped", col);
    return RASD_BADJSON;
  }
  rasd_rc rc = RASD_OK;
  if (!cJSON_IsObject(o)) {
    rasd_diag_set(diag, source, lineno, "a JSON Lines record must be an object; line skipped");
    rc = RASD_BADJSON;
    goto done;
  }
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
  if (cJSON_IsString(id) && id->valuestring && id->valuestring[0])
    art->id = clean_dup(a, id->valuestring, strlen(id->valuestring));
  else if (cJSON_IsNumber(id)) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g", id->valuedouble);
    art->id = rasd_arena_strndup(a, buf, strlen(buf));
  } else {
    char buf[64];
    snprintf(buf, sizeof buf, "line-%ld", lineno);
    art->id = rasd_arena_strndup(a, buf, strlen(buf));
  }
  snprintf(diag->id, sizeof diag->id, "%s", art->id);
  art->url = str_field(o, "url", a);
  art->outlet = str_field(o, "outlet", a);
  art->title = str_field(o, "title", a);
  art->date = str_field(o, "date", a);
  if (!art->date) art->date = str_field(o, "published", a);
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
  const cJSON *html = cJSON_GetObjectItemCaseSensitive(o, "html");
  const char *body = NULL;
  size_t blen = 0;
  int is_html = 0;
  if (cJSON_IsString(text) && text->valuestring) body = text->valuestring;
  else if (cJSON_IsString(html) && html->valuestring) { body = html->valuestring; is_html = 1; }
  else {
    rasd_diag_set(diag, source, lineno, "record has no \"text\" or \"html\" string; skipped");
    rc = RASD_BADINPUT;
    goto done;
  }
  blen = strlen(body);
  rc = finish(body, blen, is_html, source, lineno, max_article, a, art, diag);
done:
  cJSON_Delete(o);
  return rc;
}

static rasd_rc finish(const char *body, size_t blen, int is_html, const char *source, long lineno, size_t max_article,
                      rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  rasd_rc rc = RASD_OK;
  size_t bad = rasd_uni_invalid_at(body, blen);
  if (bad) {
    rasd_diag_set(diag, source, lineno, "invalid UTF-8 in %s at byte %zu; article skipped", is_html ? "html" : "text", bad - 1);
    rc = RASD_BADUTF8;
    goto done;
  }
  if (blen > max_article * (is_html ? 4 : 1)) {
    rasd_diag_set(diag, source, lineno, "article of %zu bytes is over the %zu-byte limit; skipped", blen, max_article);
    rc = RASD_TOOBIG;
    goto done;
  }
  if (is_html) {
    char *t, *title = NULL;
    size_t tl;
    rc = rasd_in_html_text(body, blen, a, &t, &tl, &title);
    if (rc != RASD_OK) {
      rasd_diag_set(diag, source, lineno, "could not read the html: %s; skipped", rasd_errstr(rc));
      goto done;
    }
    art->text = t;
    art->text_len = tl;
    if (!art->title) art->title = title;
  } else {
    art->text = rasd_arena_strndup(a, body, blen);
    art->text_len = blen;
  }
  size_t k = 0;
  while (k < art->text_len && (art->text[k] == ' ' || art->text[k] == '\n' || art->text[k] == '\t' || art->text[k] == '\r')) k++;
  if (k == art->text_len) {
    rasd_diag_set(diag, source, lineno, "empty article; skipped");
    rc = RASD_EMPTY;
  }
done:
  return rc;
}
