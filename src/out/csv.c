/*
** out/csv.c -- events and incidents as ACLED-style CSV rows (stage "out").
**
** The columns and conventions are ACLED's (docs/STORE.md lists them), so
** existing ACLED workflows read the export: event_date YYYY-MM-DD,
** time_precision 1 day / 2 week / 3 month or vaguer, inter codes from PLOVER
** sectors, fatalities 0 when unknown.  Also builds the flattened rasd_evrow
** of a coded event (shared with geojson.c and the store).
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/text.h"
#include "out.h"

/* ---- countries: ISO3 -> ACLED name, numeric ISO, region ---------------- */
typedef struct {
  const char *iso3, *name;
  int num;
  const char *region;
} country_info;

static const country_info countries[] = {
    {"AFG", "Afghanistan", 4, "Caucasus and Central Asia"},
    {"ARE", "United Arab Emirates", 784, "Middle East"},
    {"BHR", "Bahrain", 48, "Middle East"},
    {"DZA", "Algeria", 12, "Northern Africa"},
    {"EGY", "Egypt", 818, "Northern Africa"},
    {"IRN", "Iran", 364, "Middle East"},
    {"IRQ", "Iraq", 368, "Middle East"},
    {"ISR", "Israel", 376, "Middle East"},
    {"JOR", "Jordan", 400, "Middle East"},
    {"KWT", "Kuwait", 414, "Middle East"},
    {"LBN", "Lebanon", 422, "Middle East"},
    {"LBY", "Libya", 434, "Northern Africa"},
    {"MAR", "Morocco", 504, "Northern Africa"},
    {"MLI", "Mali", 466, "Western Africa"},
    {"MRT", "Mauritania", 478, "Western Africa"},
    {"OMN", "Oman", 512, "Middle East"},
    {"PAK", "Pakistan", 586, "South Asia"},
    {"PSE", "Palestine", 275, "Middle East"},
    {"QAT", "Qatar", 634, "Middle East"},
    {"RUS", "Russia", 643, "Europe"},
    {"SAU", "Saudi Arabia", 682, "Middle East"},
    {"SDN", "Sudan", 729, "Northern Africa"},
    {"SOM", "Somalia", 706, "Eastern Africa"},
    {"SSD", "South Sudan", 728, "Eastern Africa"},
    {"SYR", "Syria", 760, "Middle East"},
    {"TUN", "Tunisia", 788, "Northern Africa"},
    {"TUR", "Turkey", 792, "Middle East"},
    {"USA", "United States", 840, "North America"},
    {"YEM", "Yemen", 887, "Middle East"},
};

static const country_info *country_of(const char *iso3) {
  if (!iso3) return NULL;
  for (size_t i = 0; i < sizeof countries / sizeof *countries; i++)
    if (!strcmp(countries[i].iso3, iso3)) return &countries[i];
  return NULL;
}

const char *rasd_out_country_iso3(const char *s) {
  if (!s) return NULL;
  for (size_t i = 0; i < sizeof countries / sizeof *countries; i++)
    if (!strcasecmp(countries[i].iso3, s) || !strcasecmp(countries[i].name, s)) return countries[i].iso3;
  return NULL;
}

int rasd_out_acled_inter(const char *sector, int has_actor) {
  if (!has_actor) return 0;
  if (!sector || !*sector) return 8;
  static const struct {
    const char *s;
    int inter;
  } map[] = {{"MIL", 1}, {"COP", 1}, {"GOV", 1}, {"SPY", 1}, {"JUD", 1}, {"LEG", 1}, {"REB", 2}, {"INS", 2},
             {"PRM", 3}, {"UAF", 3}, {"MLT", 3}, {"ETH", 4}, {"TRB", 4}, {"IDM", 4}, {"RIO", 5}, {"PRO", 6},
             {"OPP", 6}, {"LAB", 6}, {"CVL", 7}, {"REF", 7}, {"MED", 7}, {"EDU", 7}, {"HLH", 7}, {"REL", 7}};
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (!strcmp(map[i].s, sector)) return map[i].inter;
  return 8;
}

/* State forces acting outside their own country are ACLED's "external forces". */
static int inter_of(const char *sector, const char *actor_country, const char *place_country, int has_actor) {
  int inter = rasd_out_acled_inter(sector, has_actor);
  if (inter == 1 && actor_country && place_country && *place_country && strcmp(actor_country, place_country)) return 8;
  return inter;
}

static const char *disorder_type(const char *acled_type) {
  if (!acled_type) return NULL;
  if (!strcmp(acled_type, "Battles") || !strcmp(acled_type, "Explosions/Remote violence") ||
      !strcmp(acled_type, "Violence against civilians"))
    return "Political violence";
  if (!strcmp(acled_type, "Protests") || !strcmp(acled_type, "Riots")) return "Demonstrations";
  return "Strategic developments";
}

static int time_precision(int prec) { return prec == RASD_PREC_DAY ? 1 : prec == RASD_PREC_WEEK ? 2 : 3; }

static void field(rasd_buf *b, const char *s) {
  rasd_buf_csv_field(b, s);
  rasd_buf_putc(b, ',');
}
static void ifield(rasd_buf *b, long v) { rasd_buf_printf(b, "%ld,", v); }

void rasd_out_csv_header(rasd_buf *b) {
  rasd_buf_puts(b,
                "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
                "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                "source,source_scale,notes,fatalities,tags,timestamp\n");
}

void rasd_out_csv_row(rasd_buf *b, const rasd_evrow *r) {
  char ds[11] = "";
  int y = 0, m, d;
  if (r->day != RASD_NO_DAY) {
    rasd_day_str(r->day, ds);
    rasd_civil_from_days(r->day, &y, &m, &d);
  }
  const char *place_country = r->country;
  const country_info *ci = country_of(place_country);
  int in1 = inter_of(r->actor1_sector, r->actor1_country, place_country, r->actor1 != NULL);
  int in2 = inter_of(r->actor2_sector, r->actor2_country, place_country, r->actor2 != NULL);
  int lo = in1 < in2 ? in1 : in2, hi = in1 < in2 ? in2 : in1;
  int interaction = lo == 0 ? hi * 10 : lo * 10 + hi;

  field(b, r->id);
  field(b, ds);
  if (y) ifield(b, y); else field(b, NULL);
  ifield(b, time_precision(r->date_prec));
  field(b, disorder_type(r->acled_type));
  field(b, r->acled_type);
  field(b, r->acled_subtype);
  field(b, r->actor1);
  field(b, r->assoc_actor1);
  if (in1) ifield(b, in1); else field(b, NULL);
  field(b, r->actor2);
  field(b, r->assoc_actor2);
  if (in2) ifield(b, in2); else field(b, NULL);
  if (interaction) ifield(b, interaction); else field(b, NULL);
  field(b, in2 == 7 ? "Civilian targeting" : NULL);
  if (ci) ifield(b, ci->num); else field(b, NULL);
  field(b, ci ? ci->region : NULL);
  field(b, ci ? ci->name : place_country);
  field(b, r->admin1);
  field(b, r->admin2);
  field(b, NULL); /* admin3 */
  field(b, r->location);
  if (r->has_geo) rasd_buf_printf(b, "%.4f,%.4f,", r->lat, r->lon);
  else rasd_buf_puts(b, ",,");
  if (r->geo_precision) ifield(b, r->geo_precision); else field(b, NULL);
  field(b, r->sources ? r->sources : r->outlet);
  field(b, NULL); /* source_scale */
  field(b, r->evidence);
  ifield(b, r->dead > 0 ? r->dead : 0);
  /* tags: what ACLED has no column for, as key=value pairs */
  rasd_buf tags = {0};
  rasd_buf_printf(&tags, "plover=%s", r->event ? r->event : "");
  if (r->mode && *r->mode) rasd_buf_printf(&tags, "; mode=%s", r->mode);
  if (r->nreports > 1) rasd_buf_printf(&tags, "; reports=%d; outlets=%d", r->nreports, r->nsources);
  if (r->dead_min >= 0 && r->dead_max > r->dead_min)
    rasd_buf_printf(&tags, "; fatalities_range=%d-%d", r->dead_min, r->dead_max);
  if (r->dead >= 0) rasd_buf_printf(&tags, "; fatalities_qualifier=%s", rasd_out_qual_name(r->dead_qual));
  if (r->background) rasd_buf_puts(&tags, "; background");
  field(b, tags.p);
  rasd_buf_free(&tags);
  /* timestamp: the event day at 00:00 UTC (deterministic exports) */
  if (r->day != RASD_NO_DAY) rasd_buf_printf(b, "%lld\n", (long long)r->day * 86400);
  else rasd_buf_puts(b, "\n");
}

/* ---- a coded event as a row --------------------------------------------- */

static const char *join_parties(rasd_arena *a, const rasd_actor *v, int from, int n) {
  if (from >= n) return NULL;
  rasd_buf t = {0};
  for (int i = from; i < n; i++) {
    if (!v[i].entity_name) continue;
    if (t.n) rasd_buf_puts(&t, "; ");
    rasd_buf_puts(&t, v[i].entity_name);
  }
  const char *s = t.n ? rasd_arena_strndup(a, t.p, t.n) : NULL;
  rasd_buf_free(&t);
  return s;
}

void rasd_out_event_row(rasd_evrow *r, const rasd_doc *d, const rasd_event *ev, int index, rasd_arena *a) {
  memset(r, 0, sizeof *r);
  const rasd_article *art = d->art;
  rasd_buf t = {0};
  rasd_buf_printf(&t, "%s-%d", art->id ? art->id : "", index);
  r->id = rasd_arena_strndup(a, t.p, t.n);
  t.n = 0;
  r->article_id = art->id;
  r->outlet = art->outlet;
  r->url = art->url;
  r->pub_date = art->date;
  r->event = ev->event;
  for (int i = 0; i < RASD_MAX_MODES && ev->mode[i]; i++) {
    if (i) rasd_buf_putc(&t, ';');
    rasd_buf_puts(&t, ev->mode[i]);
  }
  r->mode = t.n ? rasd_arena_strndup(a, t.p, t.n) : NULL;
  rasd_buf_free(&t);
  r->acled_type = ev->acled_type;
  r->acled_subtype = ev->acled_subtype;
  r->day = ev->day;
  r->day_end = ev->day_end == RASD_NO_DAY ? ev->day : ev->day_end;
  r->date_prec = ev->date_prec;
  r->background = ev->background;
  if (ev->nactor) {
    r->actor1 = ev->actor[0].entity_name;
    r->actor1_country = ev->actor[0].country;
    r->actor1_sector = ev->actor[0].sector;
    r->assoc_actor1 = join_parties(a, ev->actor, 1, ev->nactor);
  }
  if (ev->nrecipient) {
    r->actor2 = ev->recipient[0].entity_name;
    r->actor2_country = ev->recipient[0].country;
    r->actor2_sector = ev->recipient[0].sector;
    r->assoc_actor2 = join_parties(a, ev->recipient, 1, ev->nrecipient);
  }
  if (ev->place >= 0 && (uint32_t)ev->place < d->nplaces && d->places[ev->place].entry >= 0) {
    const rasd_place *p = &d->places[ev->place];
    r->location = p->name;
    r->location_ar = p->name_ar;
    r->country = p->country;
    r->admin1 = p->admin1;
    r->admin2 = p->admin2;
    r->has_geo = 1;
    r->lat = p->lat;
    r->lon = p->lon;
    r->geo_precision = p->geo_precision ? p->geo_precision : 1;
  }
  r->dead = ev->dead;
  r->injured = ev->injured;
  r->arrested = ev->arrested;
  r->dead_qual = ev->dead_qual;
  r->dead_min = r->dead_max = ev->dead;
  if (ev->sent < d->nsents) {
    const rasd_sentence *s = &d->sents[ev->sent];
    r->evidence = rasd_arena_strndup(a, d->text + s->start, s->end - s->start);
  }
  r->confidence = ev->confidence;
  r->nreports = r->nsources = 1;
}

void rasd_out_event_csv(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index) {
  rasd_evrow r;
  rasd_out_event_row(&r, doc, ev, index, doc->arena);
  rasd_out_csv_row(b, &r);
}
