/*
** out/plover.c -- one event as a PLOVER JSON line (docs/FORMAT.md).
*/
#include <string.h>

#include "../text/text.h"
#include "out.h"

static void str_list(rasd_buf *b, const char *const *v, int max) {
  rasd_buf_putc(b, '[');
  for (int i = 0; i < max && v[i]; i++) {
    if (i) rasd_buf_putc(b, ',');
    rasd_buf_json_cstr(b, v[i]);
  }
  rasd_buf_putc(b, ']');
}

static void parties(rasd_buf *b, const rasd_doc *d, const rasd_actor *a, int n) {
  rasd_buf_putc(b, '[');
  for (int i = 0; i < n; i++) {
    if (i) rasd_buf_putc(b, ',');
    rasd_buf_puts(b, "{\"raw_text\":");
    rasd_buf_json_str(b, d->text + a[i].start, a[i].end > a[i].start ? a[i].end - a[i].start : 0);
    rasd_buf_puts(b, ",\"entity_name\":"); rasd_buf_json_cstr(b, a[i].entity_name);
    rasd_buf_puts(b, ",\"country\":"); rasd_buf_json_cstr(b, a[i].country);
    rasd_buf_puts(b, ",\"sector\":"); rasd_buf_json_cstr(b, a[i].sector);
    rasd_buf_puts(b, ",\"span\":");
    rasd_out_span(b, a[i].start, a[i].end);
    rasd_buf_putc(b, '}');
  }
  rasd_buf_putc(b, ']');
}

static void count(rasd_buf *b, const char *name, int32_t v) {
  if (v < 0) rasd_buf_printf(b, ",\"%s\":null", name);
  else rasd_buf_printf(b, ",\"%s\":%d", name, v);
}

void rasd_out_event_json(rasd_buf *b, const rasd_doc *d, const rasd_event *ev, int index, int explain) {
  char ds[11];
  rasd_buf_puts(b, "{\"id\":");
  rasd_buf_json_cstr(b, d->art->id ? d->art->id : "");
  b->n--; /* reopen the id string to append -N */
  rasd_buf_printf(b, "-%d\"", index);
  rasd_buf_puts(b, ",\"article_id\":");
  rasd_buf_json_cstr(b, d->art->id);
  rasd_buf_puts(b, ",\"event\":");
  rasd_buf_json_cstr(b, ev->event);
  rasd_buf_puts(b, ",\"mode\":");
  str_list(b, ev->mode, RASD_MAX_MODES);
  rasd_buf_puts(b, ",\"context\":");
  str_list(b, ev->context, RASD_MAX_MODES);
  rasd_buf_puts(b, ",\"acled\":");
  if (ev->acled_type) {
    rasd_buf_puts(b, "{\"event_type\":"); rasd_buf_json_cstr(b, ev->acled_type);
    rasd_buf_puts(b, ",\"sub_event_type\":"); rasd_buf_json_cstr(b, ev->acled_subtype);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  if (ev->day == RASD_NO_DAY) rasd_buf_puts(b, ",\"date\":null");
  else { rasd_day_str(ev->day, ds); rasd_buf_printf(b, ",\"date\":\"%s\"", ds); }
  rasd_buf_printf(b, ",\"date_precision\":\"%s\"", rasd_out_prec_name(ev->date_prec));
  if (ev->day_end == RASD_NO_DAY || ev->day_end == ev->day) rasd_buf_puts(b, ",\"date_end\":null");
  else { rasd_day_str(ev->day_end, ds); rasd_buf_printf(b, ",\"date_end\":\"%s\"", ds); }
  rasd_buf_printf(b, ",\"background\":%s", ev->background ? "true" : "false");
  rasd_buf_puts(b, ",\"actor\":");
  parties(b, d, ev->actor, ev->nactor);
  rasd_buf_puts(b, ",\"recipient\":");
  parties(b, d, ev->recipient, ev->nrecipient);
  rasd_buf_puts(b, ",\"location\":");
  if (ev->place >= 0 && (uint32_t)ev->place < d->nplaces && d->places[ev->place].entry >= 0) {
    const rasd_place *p = &d->places[ev->place];
    rasd_buf_puts(b, "{\"raw_text\":");
    rasd_buf_json_str(b, d->text + p->start, p->end - p->start);
    rasd_buf_puts(b, ",\"name\":"); rasd_buf_json_cstr(b, p->name);
    rasd_buf_puts(b, ",\"name_ar\":"); rasd_buf_json_cstr(b, p->name_ar);
    rasd_buf_puts(b, ",\"country\":"); rasd_buf_json_cstr(b, p->country);
    rasd_buf_puts(b, ",\"admin1\":"); rasd_buf_json_cstr(b, p->admin1);
    rasd_buf_puts(b, ",\"admin2\":"); rasd_buf_json_cstr(b, p->admin2);
    rasd_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f,\"geo_precision\":%d", p->lat, p->lon, p->geo_precision);
    if (p->geonameid) rasd_buf_printf(b, ",\"geonameid\":%ld", p->geonameid);
    else rasd_buf_puts(b, ",\"geonameid\":null");
    rasd_buf_puts(b, ",\"span\":");
    rasd_out_span(b, p->start, p->end);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  count(b, "dead", ev->dead);
  count(b, "injured", ev->injured);
  count(b, "arrested", ev->arrested);
  if (ev->dead >= 0) rasd_buf_printf(b, ",\"dead_qualifier\":\"%s\"", rasd_out_qual_name(ev->dead_qual));
  else rasd_buf_puts(b, ",\"dead_qualifier\":null");
  if (ev->size_n >= 0) {
    rasd_buf_printf(b, ",\"size\":{\"n\":%d,\"unit\":", ev->size_n);
    rasd_buf_json_cstr(b, ev->size_unit);
    rasd_buf_printf(b, ",\"approx\":%s}", ev->size_approx ? "true" : "false");
  } else rasd_buf_puts(b, ",\"size\":null");
  rasd_buf_puts(b, ",\"trigger\":{\"text\":");
  rasd_buf_json_str(b, d->text + ev->trig_start, ev->trig_end > ev->trig_start ? ev->trig_end - ev->trig_start : 0);
  rasd_buf_puts(b, ",\"span\":");
  rasd_out_span(b, ev->trig_start, ev->trig_end);
  rasd_buf_puts(b, "},\"sentence\":{\"span\":");
  if (ev->sent < d->nsents) rasd_out_span(b, d->sents[ev->sent].start, d->sents[ev->sent].end);
  else rasd_buf_puts(b, "null");
  rasd_buf_printf(b, "},\"confidence\":%.2f", ev->confidence);
  if (explain) {
    rasd_buf_puts(b, ",\"explain\":");
    str_list(b, ev->explain, ev->nexplain < RASD_MAX_EXPLAIN ? ev->nexplain : RASD_MAX_EXPLAIN);
  }
  rasd_buf_puts(b, "}\n");
}
