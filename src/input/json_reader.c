/*
** input/json_reader.c -- one JSON Lines record -> rasd_article.
**
** Known fields: id (string or number), text, html, date, url, outlet,
** title; everything else is ignored.  "html" is used only when "text" is
** absent, and goes through the HTML main-text extractor.
*/
#include <cjson/cJSON.h>
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

rasd_rc rasd_in_parse_json(const char *line, size_t n, const char *source, long lineno, size_t max_article,
                           rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  memset(art, 0, sizeof *art);
  art->source = source;
  art->line = lineno;
  diag->id[0] = 0;
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
  cJSON_Delete(o);
  return rc;
}
