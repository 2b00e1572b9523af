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


void rasd_out_geojson_row(rasd_buf *b, const rasd_evrow *r, int first) {
  if (!first) rasd_buf_puts(b, ",\n");
  rasd_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
  if (r->has_geo) rasd_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", r->lon, r->lat);
  else rasd_buf_puts(b, "null");
  rasd_buf_puts(b, ",\"properties\":{\"id\":");
  rasd_buf_json_cstr(b, r->id);
  rasd_out_jstr(b, "event", r->event);
  rasd_out_jstr(b, "mode", r->mode);
  rasd_out_jstr(b, "event_type", r->acled_type);
  rasd_out_jstr(b, "sub_event_type", r->acled_subtype);
  rasd_out_jday(b, "event_date", r->day);
  rasd_out_jday(b, "event_date_end", r->day_end == r->day ? RASD_NO_DAY : r->day_end);
  rasd_out_jstr(b, "date_precision", rasd_out_prec_name(r->date_prec));
  rasd_buf_printf(b, ",\"background\":%s", r->background ? "true" : "false");
  rasd_out_jstr(b, "actor1", r->actor1);
  rasd_out_jstr(b, "actor1_country", r->actor1_country);
  rasd_out_jstr(b, "actor1_sector", r->actor1_sector);
  rasd_out_jstr(b, "actor2", r->actor2);
  rasd_out_jstr(b, "actor2_country", r->actor2_country);
  rasd_out_jstr(b, "actor2_sector", r->actor2_sector);
  rasd_out_jstr(b, "location", r->location);
  rasd_out_jstr(b, "location_ar", r->location_ar);
  rasd_out_jstr(b, "country", r->country);
  rasd_out_jstr(b, "admin1", r->admin1);
  rasd_out_jstr(b, "admin2", r->admin2);
  rasd_out_jint(b, "geo_precision", r->geo_precision ? r->geo_precision : -1);
  rasd_out_jint(b, "fatalities", r->dead);
  rasd_out_jint(b, "fatalities_min", r->dead_min);
  rasd_out_jint(b, "fatalities_max", r->dead_max);
  rasd_out_jint(b, "injured", r->injured);
  rasd_out_jint(b, "arrested", r->arrested);
  rasd_out_jint(b, "reports", r->nreports);
  rasd_out_jint(b, "outlets", r->nsources);
  rasd_out_jstr(b, "source", r->sources ? r->sources : r->outlet);
  rasd_out_jstr(b, "article_id", r->article_id);
  rasd_out_jstr(b, "notes", r->evidence);
  rasd_buf_puts(b, "}}");
}

void rasd_out_event_geojson(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index, int first) {
  rasd_evrow r;
  rasd_out_event_row(&r, doc, ev, index, doc->arena);
  rasd_out_geojson_row(b, &r, first);
}
