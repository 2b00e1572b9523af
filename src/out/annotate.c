/*
** out/annotate.c -- `rasd annotate` records: the text layer's findings for
** one article as one JSON line.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../text/text.h"
#include "out.h"

void rasd_out_span(rasd_buf *b, uint32_t start, uint32_t end) {
  rasd_buf_putc(b, '[');
  rasd_buf_u32(b, start);
  rasd_buf_putc(b, ',');
  rasd_buf_u32(b, end);
  rasd_buf_putc(b, ']');
}

const char *rasd_out_qual_name(int q) {
  static const char *const n[] = {"exact", "approx", "at_least", "at_most"};
  return q >= 0 && q < 4 ? n[q] : "exact";
}
const char *rasd_out_prec_name(int p) {
  static const char *const n[] = {"day", "week", "month", "year", "range"};
  return p >= 0 && p < 5 ? n[p] : "day";
}

static void text_field(rasd_buf *b, const rasd_doc *d, uint32_t s, uint32_t e) {
  rasd_buf_puts(b, ",\"text\":");
  rasd_buf_json_str(b, d->text + s, e > s ? e - s : 0);
}

static void day_field(rasd_buf *b, const char *name, int32_t day) {
  char ds[11];
  rasd_buf_puts(b, ",\"");
  rasd_buf_puts(b, name);
  rasd_buf_puts(b, "\":");
  if (day == RASD_NO_DAY) { rasd_buf_puts(b, "null"); return; }
  rasd_day_str(day, ds);
  rasd_buf_putc(b, '"');
  rasd_buf_add(b, ds, 10);
  rasd_buf_putc(b, '"');
}

/* ",\"lat\":%.5f,\"lon\":%.5f" -- printf's own digits, kept per thread for
** the last coordinates seen in each of 256 slots: articles name the same
** places again and again. */
static void latlon_fields(rasd_buf *b, double lat, double lon) {
  static _Thread_local struct ll { double lat, lon; int n; char s[64]; } cache[256];
  uint64_t x, y;
  memcpy(&x, &lat, 8);
  memcpy(&y, &lon, 8);
  struct ll *c = &cache[((x ^ (y * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL) >> 56];
  if (!c->n || memcmp(&c->lat, &lat, 8) || memcmp(&c->lon, &lon, 8)) {
    int n = snprintf(c->s, sizeof c->s, ",\"lat\":%.5f,\"lon\":%.5f", lat, lon);
    if (n <= 0 || n >= (int)sizeof c->s) { rasd_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", lat, lon); return; }
    c->lat = lat, c->lon = lon, c->n = n;
  }
  rasd_buf_add(b, c->s, (size_t)c->n);
}

/* %.15g, without printf for the counts (whole numbers below 2^32) */
static void value_field(rasd_buf *b, double v) {
  if (v >= 0 && v < 4294967296.0 && v == (double)(uint32_t)v && !signbit(v)) rasd_buf_u32(b, (uint32_t)v);
  else rasd_buf_printf(b, "%.15g", v);
}

void rasd_out_annotations(rasd_buf *b, const rasd_doc *d) {
  rasd_buf_puts(b, "{\"article_id\":");
  rasd_buf_json_cstr(b, d->art->id);
  day_field(b, "published", d->pub_day);
  rasd_buf_puts(b, ",\"published_from\":\"");
  rasd_buf_puts(b, d->pub_day == RASD_NO_DAY ? "none" : d->pub_from_dateline ? "dateline" : "input");
  rasd_buf_puts(b, "\",\"tokens\":");
  rasd_buf_u32(b, d->ntoks);
  rasd_buf_puts(b, ",\"sentences\":[");
  for (uint32_t i = 0; i < d->nsents; i++) {
    const rasd_sentence *s = &d->sents[i];
    rasd_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
    rasd_out_span(b, s->start, s->end);
    text_field(b, d, s->start, s->end);
    if (s->is_title) rasd_buf_puts(b, ",\"title\":true");
    rasd_buf_putc(b, '}');
  }
  rasd_buf_puts(b, "],\"numbers\":[");
  for (uint32_t i = 0; i < d->nnums; i++) {
    const rasd_number *n = &d->nums[i];
    rasd_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
    rasd_out_span(b, n->start, n->end);
    text_field(b, d, n->start, n->end);
    rasd_buf_puts(b, ",\"value\":");
    value_field(b, n->value);
    rasd_buf_puts(b, ",\"qualifier\":\"");
    rasd_buf_puts(b, rasd_out_qual_name(n->qual));
    rasd_buf_putc(b, '"');
    if (n->vague) rasd_buf_puts(b, ",\"vague\":true");
    rasd_buf_puts(b, ",\"unit\":");
    rasd_buf_json_cstr(b, n->unit);
    if (n->unit_end > n->unit_start) {
      rasd_buf_puts(b, ",\"unit_span\":");
      rasd_out_span(b, n->unit_start, n->unit_end);
    }
    rasd_buf_putc(b, '}');
  }
  rasd_buf_puts(b, "],\"dates\":[");
  for (uint32_t i = 0; i < d->ndates; i++) {
    const rasd_date *t = &d->dates[i];
    rasd_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
    rasd_out_span(b, t->start, t->end);
    text_field(b, d, t->start, t->end);
    day_field(b, "date", t->day);
    if (t->day_end != t->day) day_field(b, "date_end", t->day_end);
    rasd_buf_puts(b, ",\"precision\":\"");
    rasd_buf_puts(b, rasd_out_prec_name(t->prec));
    rasd_buf_putc(b, '"');
    if (t->relative) rasd_buf_puts(b, ",\"relative\":true");
    if (t->hijri) rasd_buf_puts(b, ",\"hijri\":true");
    rasd_buf_putc(b, '}');
  }
  rasd_buf_puts(b, "],\"places\":[");
  for (uint32_t i = 0; i < d->nplaces; i++) {
    const rasd_place *p = &d->places[i];
    rasd_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
    rasd_out_span(b, p->start, p->end);
    text_field(b, d, p->start, p->end);
    rasd_buf_puts(b, ",\"resolved\":");
    rasd_buf_puts(b, p->entry >= 0 ? "true" : "false");
    if (p->entry >= 0) {
      rasd_buf_puts(b, ",\"name\":"); rasd_buf_json_cstr(b, p->name);
      rasd_buf_puts(b, ",\"name_ar\":"); rasd_buf_json_cstr(b, p->name_ar);
      rasd_buf_puts(b, ",\"country\":"); rasd_buf_json_cstr(b, p->country);
      rasd_buf_puts(b, ",\"admin1\":"); rasd_buf_json_cstr(b, p->admin1);
      rasd_buf_puts(b, ",\"admin2\":"); rasd_buf_json_cstr(b, p->admin2);
      latlon_fields(b, p->lat, p->lon);
      rasd_buf_puts(b, ",\"geo_precision\":");
      rasd_buf_u32(b, p->geo_precision);
      if (p->geonameid > 0 && p->geonameid <= UINT32_MAX) {
        rasd_buf_puts(b, ",\"geonameid\":");
        rasd_buf_u32(b, (uint32_t)p->geonameid);
      } else if (p->geonameid) {
        rasd_buf_printf(b, ",\"geonameid\":%ld", p->geonameid);
      }
    }
    rasd_buf_putc(b, '}');
  }
  rasd_buf_puts(b, "]}\n");
}
