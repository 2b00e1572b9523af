/*
** out/out.h -- writing records: annotations, PLOVER events (JSON Lines),
** ACLED CSV rows and GeoJSON features.
**
** Each function appends one complete record (with its trailing newline
** where the format has one) to a rasd_buf; the caller writes the buffer.
*/
#ifndef RASD_OUT_H
#define RASD_OUT_H
#include "../code/event.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../text/doc.h"

/* One JSON line: the article's publication date, sentences, numbers,
** dates and places, each with its [start, end) span and text. */
void rasd_out_annotations(rasd_buf *b, const rasd_doc *doc);

/* One JSON line for event ev of doc (docs/FORMAT.md).  `index` makes the
** record id (ARTICLE-N); explain adds the "explain" list. */
void rasd_out_event_json(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index, int explain);

/* Helpers shared by the writers. */
/* Append the member ,"k":v -- a JSON string (NULL: null), a count (< 0:
** null) or a day (RASD_NO_DAY: null) -- to an object being written. */
void rasd_out_jstr(rasd_buf *b, const char *k, const char *v);
void rasd_out_jint(rasd_buf *b, const char *k, long v);
void rasd_out_jday(rasd_buf *b, const char *k, int32_t day);
void rasd_out_span(rasd_buf *b, uint32_t start, uint32_t end);
const char *rasd_out_qual_name(int qual);  /* "exact" "approx" "at_least" "at_most" */
const char *rasd_out_prec_name(int prec);  /* "day" "week" "month" "year" "range" */

/* ---- tabular rows: ACLED CSV and GeoJSON (csv.c, geojson.c) ---------- */

/* One event, or one incident (several reports of one happening), flattened
** for tabular output and for the event store.  Strings are borrowed (from
** the document arena, or from the store's statement); NULL = empty.  An
** event made from a document has nreports = 1 and dead_min = dead_max = dead. */
typedef struct rasd_evrow {
  const char *id;               /* event id "ARTICLE-N", or incident id "I123" */
  const char *article_id, *outlet, *url, *pub_date; /* first source article */
  const char *event;            /* PLOVER category */
  const char *mode;             /* PLOVER modes joined by ';' */
  const char *acled_type, *acled_subtype;
  int32_t day, day_end;         /* RASD_NO_DAY when unknown */
  int date_prec;                /* enum rasd_prec */
  int background;
  const char *actor1, *actor1_country, *actor1_sector, *assoc_actor1;
  const char *actor2, *actor2_country, *actor2_sector, *assoc_actor2;
  const char *location, *location_ar, *country, *admin1, *admin2;
  int has_geo;                  /* lat/lon valid */
  double lat, lon;
  int geo_precision;            /* 1..3, 0 when no place */
  int32_t dead, injured, arrested; /* -1 = null */
  int dead_qual;
  int32_t dead_min, dead_max;   /* spread over the reports (-1 = none) */
  const char *evidence;         /* the sentence that reports it */
  double confidence;
  int nreports, nsources;       /* articles and distinct outlets */
  const char *sources;          /* outlets joined by "; " (ACLED "source") */
  int64_t incident;             /* store incident id, 0 = none */
} rasd_evrow;

/* Fill row from event ev of doc (strings borrowed from doc and a, which
** holds the joined mode/assoc-actor strings). `index` makes the id. */
void rasd_out_event_row(rasd_evrow *row, const rasd_doc *doc, const rasd_event *ev, int index, rasd_arena *a);

/* ACLED inter code (1 state forces ... 8 other) of a PLOVER sector; 0 when
** there is no actor. */
int rasd_out_acled_inter(const char *sector, int has_actor);

/* ISO3 code of a country given by ISO3 or ACLED's English name (any
** case); NULL when not in the table. */
const char *rasd_out_country_iso3(const char *name_or_iso3);

/* The CSV header line (ACLED's column names, docs/STORE.md). */
void rasd_out_csv_header(rasd_buf *b);
/* One CSV line for a row / for event ev of doc. */
void rasd_out_csv_row(rasd_buf *b, const rasd_evrow *row);
void rasd_out_event_csv(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index);

/* GeoJSON: a FeatureCollection, one Point feature per row that has
** coordinates (rows without coordinates get "geometry": null).  Call
** begin, then feature for each row (first = 1 for the first one), then end. */
void rasd_out_geojson_begin(rasd_buf *b);
void rasd_out_geojson_row(rasd_buf *b, const rasd_evrow *row, int first);
void rasd_out_event_geojson(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index, int first);
void rasd_out_geojson_end(rasd_buf *b);

#endif
