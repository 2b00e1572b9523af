/*
** out/geojson.c -- events and incidents as a GeoJSON FeatureCollection
** (RFC 7946; stage "out").
**
** One Point feature per row ([lon, lat] order); a row without coordinates
** keeps its feature with "geometry": null so counts match the other formats.
** The properties carry the same fields as the CSV export, in snake_case.
*/
#include "../text/text.h"
#include "out.h"

void rasd_out_geojson_begin(rasd_buf *b) { rasd_buf_puts(b, "{\"type\":\"FeatureCollection\",\"features\":[\n"); }
void rasd_out_geojson_end(rasd_buf *b) { rasd_buf_puts(b, "\n]}\n"); }

static void prop_s(rasd_buf *b, const char *k, const char *v) {
  rasd_buf_printf(b, ",\"%s\":", k);
  rasd_buf_json_cstr(b, v);
}
static void prop_n(rasd_buf *b, const char *k, long v) {
  if (v < 0) rasd_buf_printf(b, ",\"%s\":null", k);
  else rasd_buf_printf(b, ",\"%s\":%ld", k, v);
}
static void prop_day(rasd_buf *b, const char *k, int32_t day) {
  char ds[11];
  if (day == RASD_NO_DAY) { rasd_buf_printf(b, ",\"%s\":null", k); return; }
  rasd_day_str(day, ds);
  rasd_buf_printf(b, ",\"%s\":\"%s\"", k, ds);
}

void rasd_out_geojson_row(rasd_buf *b, const rasd_evrow *r, int first) {
  if (!first) rasd_buf_puts(b, ",\n");
  rasd_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
  if (r->has_geo) rasd_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", r->lon, r->lat);
  else rasd_buf_puts(b, "null");
  rasd_buf_puts(b, ",\"properties\":{\"id\":");
  rasd_buf_json_cstr(b, r->id);
  prop_s(b, "event", r->event);
  prop_s(b, "mode", r->mode);
  prop_s(b, "event_type", r->acled_type);
  prop_s(b, "sub_event_type", r->acled_subtype);
  prop_day(b, "event_date", r->day);
  prop_day(b, "event_date_end", r->day_end == r->day ? RASD_NO_DAY : r->day_end);
  prop_s(b, "date_precision", rasd_out_prec_name(r->date_prec));
  rasd_buf_printf(b, ",\"background\":%s", r->background ? "true" : "false");
  prop_s(b, "actor1", r->actor1);
  prop_s(b, "actor1_country", r->actor1_country);
  prop_s(b, "actor1_sector", r->actor1_sector);
  prop_s(b, "actor2", r->actor2);
  prop_s(b, "actor2_country", r->actor2_country);
  prop_s(b, "actor2_sector", r->actor2_sector);
  prop_s(b, "location", r->location);
  prop_s(b, "location_ar", r->location_ar);
  prop_s(b, "country", r->country);
  prop_s(b, "admin1", r->admin1);
  prop_s(b, "admin2", r->admin2);
  prop_n(b, "geo_precision", r->geo_precision ? r->geo_precision : -1);
  prop_n(b, "fatalities", r->dead);
  prop_n(b, "fatalities_min", r->dead_min);
  prop_n(b, "fatalities_max", r->dead_max);
  prop_n(b, "injured", r->injured);
  prop_n(b, "arrested", r->arrested);
  prop_n(b, "reports", r->nreports);
  prop_n(b, "outlets", r->nsources);
  prop_s(b, "source", r->sources ? r->sources : r->outlet);
  prop_s(b, "article_id", r->article_id);
  prop_s(b, "notes", r->evidence);
  rasd_buf_puts(b, "}}");
}

void rasd_out_event_geojson(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index, int first) {
  rasd_evrow r;
  rasd_out_event_row(&r, doc, ev, index, doc->arena);
  rasd_out_geojson_row(b, &r, first);
}
