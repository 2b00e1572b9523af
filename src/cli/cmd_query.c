/*
** cli/cmd_query.c -- `rasd query`: filter the event store and print
** incidents, raw events or articles as a table, JSON Lines, ACLED CSV or
** GeoJSON (store/query.c, out/csv.c, out/geojson.c; docs/STORE.md).
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../out/out.h"
#include "../store/store.h"
#include "../text/text.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd query [--db FILE] [FILTERS] [--format FMT]\n"
    "Print incidents (reports of one happening linked across articles; the\n"
    "default), raw events (--events), or articles (--articles) from the event store.\n\n"
    "Filters:\n"
    "  --from DATE, --to DATE   event date range (YYYY-MM-DD, inclusive)\n"
    "  --country C              country of the event's place: ISO3 (SYR) or name (Syria)\n"
    "  --admin1 NAME            first-level admin area of the place\n"
    "  --bbox W,S,E,N           bounding box in degrees (lon,lat,lon,lat)\n"
    "  --near PLACE             a gazetteer place name (Arabic or English) or LAT,LON\n"
    "  --radius KM              radius around --near (default 25)\n"
    "  --event CATEGORY         PLOVER category (ASSAULT, PROTEST, ...)\n"
    "  --type TYPE              ACLED event_type or sub_event_type\n"
    "  --actor NAME             actor or recipient name contains NAME\n"
    "  --actor-country ISO3, --actor-sector CODE   actor or recipient country/sector\n"
    "  --background             include background events (recalled history; --events)\n"
    "  --search QUERY           FTS5 full-text query over article text and titles\n"
    "  --limit N                at most N rows\n\n"
    "What and how:\n"
    "  --incidents | --events | --articles   (default --incidents)\n"
    "  --format FMT             table, jsonl, csv (ACLED columns), geojson; default:\n"
    "                           table on a terminal, else jsonl\n"
    "  --db FILE                the database (default: $RASD_DB, else rasd.db)\n"
    "  --data DIR               data directory (for --near place names)\n"
    "  -h, --help               this help\n\n" RASD_HELP_EXIT;

const char *rasd__default_db(void);

enum { F_TABLE, F_JSONL, F_CSV, F_GEOJSON };

typedef struct out_ctx {
  rasd_db *db;
  int fmt, incidents, nrows, failed;
  rasd_buf b;
  /* table: rows kept as cells until the widths are known */
  char **cells;
  int ncells, capcells;
} out_ctx;

static int flush_buf(out_ctx *c) {
  if (c->b.n && fwrite(c->b.p, 1, c->b.n, stdout) != c->b.n) {
    c->failed = 1;
    return 1;
  }
  c->b.n = 0;
  return 0;
}

/* ---- table ---------------------------------------------------------------- */
#define TCOLS 10
static const char *const theads[TCOLS] = {"id", "date", "event", "type", "location", "admin1",
                                          "actor1", "actor2", "dead", "reports"};

static void cell(out_ctx *c, const char *s) {
  if (c->ncells == c->capcells) {
    c->capcells = c->capcells ? c->capcells * 2 : 256;
    c->cells = rasd_xrealloc(c->cells, (size_t)c->capcells * sizeof *c->cells);
  }
  c->cells[c->ncells++] = rasd_xstrndup(s ? s : "", s ? strlen(s) : 0);
}

/* display width: code points, less combining marks (tashkeel) */
static int width(const char *s) {
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) == 0x80) continue;
    if (p[0] == 0xD9 && p[1] >= 0x8B && p[1] <= 0x9F) continue; /* U+064B..U+065F */
    w++;
  }
  return w;
}

static const char *const aheads[TCOLS] = {"id", "date", "outlet", "events", "title", "", "", "", "", ""};

static void print_table(out_ctx *c, const char *const *heads, const char *what) {
  int w[TCOLS];
  for (int k = 0; k < TCOLS; k++) w[k] = width(heads[k]);
  for (int i = 0; i < c->ncells; i++) {
    int k = i % TCOLS, x = width(c->cells[i]);
    if (x > 40) x = 40;
    if (x > w[k]) w[k] = x;
  }
  for (int i = -TCOLS; i < c->ncells; i++) {
    int k = ((i % TCOLS) + TCOLS) % TCOLS;
    const char *s = i < 0 ? heads[k] : c->cells[i];
    /* cut long cells at 40 columns (on a character boundary) */
    int x = 0;
    size_t n = 0;
    for (; s[n]; n++) {
      if (((unsigned char)s[n] & 0xC0) != 0x80 && x++ == 40) break;
    }
    rasd_buf_add(&c->b, s, n);
    int pad = w[k] - width(s);
    if (x > 40) pad = 0;
    if (k < TCOLS - 1)
      for (int p = 0; p < pad + 2; p++) rasd_buf_putc(&c->b, ' ');
    if (k == TCOLS - 1) {
      while (c->b.n && c->b.p[c->b.n - 1] == ' ') c->b.n--;
      rasd_buf_putc(&c->b, '\n');
    }
    if (c->b.n > 65536) flush_buf(c);
  }
  rasd_buf_printf(&c->b, "(%d %s)\n", c->nrows, what);
}

/* ---- JSON Lines ------------------------------------------------------------ */

static int report_json(void *ctx, const rasd_evrow *r, const char *json) {
  rasd_buf *b = ctx;
  if (b->p[b->n - 1] != '[') rasd_buf_putc(b, ',');
  rasd_buf_puts(b, "{\"event_id\":");
  rasd_buf_json_cstr(b, r->id);
  rasd_out_jstr(b, "article_id", r->article_id);
  rasd_out_jstr(b, "outlet", r->outlet);
  rasd_out_jstr(b, "url", r->url);
  rasd_out_jstr(b, "published", r->pub_date);
  rasd_out_jday(b, "date", r->day);
  rasd_out_jstr(b, "location", r->location);
  rasd_out_jint(b, "dead", r->dead);
  rasd_buf_putc(b, '}');
  return 0;
}

static void incident_json(out_ctx *c, const rasd_evrow *r) {
  rasd_buf *b = &c->b;
  rasd_buf_puts(b, "{\"incident\":");
  rasd_buf_json_cstr(b, r->id);
  rasd_out_jstr(b, "event", r->event);
  rasd_out_jstr(b, "mode", r->mode);
  rasd_buf_puts(b, ",\"acled\":");
  if (r->acled_type) {
    rasd_buf_puts(b, "{\"event_type\":");
    rasd_buf_json_cstr(b, r->acled_type);
    rasd_out_jstr(b, "sub_event_type", r->acled_subtype);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  rasd_out_jday(b, "date", r->day);
  rasd_out_jstr(b, "date_precision", rasd_out_prec_name(r->date_prec));
  rasd_out_jday(b, "date_end", r->day_end == r->day ? RASD_NO_DAY : r->day_end);
  rasd_buf_puts(b, ",\"actor\":");
  if (r->actor1 || r->actor1_country) {
    rasd_buf_puts(b, "{\"entity_name\":");
    rasd_buf_json_cstr(b, r->actor1);
    rasd_out_jstr(b, "country", r->actor1_country);
    rasd_out_jstr(b, "sector", r->actor1_sector);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  rasd_buf_puts(b, ",\"recipient\":");
  if (r->actor2 || r->actor2_country) {
    rasd_buf_puts(b, "{\"entity_name\":");
    rasd_buf_json_cstr(b, r->actor2);
    rasd_out_jstr(b, "country", r->actor2_country);
    rasd_out_jstr(b, "sector", r->actor2_sector);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  rasd_buf_puts(b, ",\"location\":");
  if (r->location || r->has_geo) {
    rasd_buf_puts(b, "{\"name\":");
    rasd_buf_json_cstr(b, r->location);
    rasd_out_jstr(b, "name_ar", r->location_ar);
    rasd_out_jstr(b, "country", r->country);
    rasd_out_jstr(b, "admin1", r->admin1);
    rasd_out_jstr(b, "admin2", r->admin2);
    if (r->has_geo) rasd_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", r->lat, r->lon);
    rasd_out_jint(b, "geo_precision", r->geo_precision);
    rasd_buf_putc(b, '}');
  } else rasd_buf_puts(b, "null");
  rasd_out_jint(b, "dead", r->dead);
  if (r->dead >= 0) rasd_out_jstr(b, "dead_qualifier", rasd_out_qual_name(r->dead_qual));
  rasd_out_jint(b, "dead_min", r->dead_min);
  rasd_out_jint(b, "dead_max", r->dead_max);
  rasd_out_jint(b, "injured", r->injured);
  rasd_out_jint(b, "arrested", r->arrested);
  rasd_out_jint(b, "n_reports", r->nreports);
  rasd_out_jint(b, "n_outlets", r->nsources);
  rasd_out_jstr(b, "sources", r->sources);
  rasd_out_jstr(b, "evidence", r->evidence);
  rasd_buf_puts(b, ",\"reports\":[");
  rasd_db_incident_reports(c->db, r->incident, report_json, b);
  rasd_buf_puts(b, "]}\n");
}

static int one_row(void *ctx, const rasd_evrow *r, const char *json) {
  out_ctx *c = ctx;
  c->nrows++;
  char num[64];
  switch (c->fmt) {
    case F_TABLE: {
      char ds[11] = "";
      if (r->day != RASD_NO_DAY) rasd_day_str(r->day, ds);
      cell(c, r->id);
      cell(c, ds);
      cell(c, r->event);
      cell(c, r->acled_subtype);
      cell(c, r->location);
      cell(c, r->admin1);
      cell(c, r->actor1);
      cell(c, r->actor2);
      if (r->dead >= 0) {
        if (r->dead_max > r->dead_min && r->dead_min >= 0) snprintf(num, sizeof num, "%d (%d-%d)", r->dead, r->dead_min, r->dead_max);
        else snprintf(num, sizeof num, "%d", r->dead);
      } else num[0] = 0;
      cell(c, num);
      snprintf(num, sizeof num, "%d", r->nreports);
      cell(c, num);
      return 0;
    }
    case F_JSONL:
      if (c->incidents) incident_json(c, r);
      else if (json && json[0] == '{') {
        /* the stored PLOVER record, plus the incident it belongs to */
        size_t n = strlen(json);
        while (n && json[n - 1] != '}') n--;
        rasd_buf_add(&c->b, json, n ? n - 1 : 0);
        if (r->incident) rasd_buf_printf(&c->b, ",\"incident\":\"I%lld\"}\n", (long long)r->incident);
        else rasd_buf_puts(&c->b, ",\"incident\":null}\n");
      }
      break;
    case F_CSV: rasd_out_csv_row(&c->b, r); break;
    case F_GEOJSON: rasd_out_geojson_row(&c->b, r, c->nrows == 1); break;
  }
  if (c->b.n > 65536) return flush_buf(c);
  return 0;
}

static int one_article(void *ctx, const char *id, const char *date, const char *outlet, const char *title,
                       const char *snippet, long nevents) {
  out_ctx *c = ctx;
  c->nrows++;
  if (c->fmt == F_TABLE) {
    char num[32];
    cell(c, id);
    char day[11] = "";
    if (date) snprintf(day, sizeof day, "%s", date);
    cell(c, day);
    cell(c, outlet);
    snprintf(num, sizeof num, "%ld", nevents);
    cell(c, num);
    cell(c, title ? title : snippet);
    for (int k = 5; k < TCOLS; k++) cell(c, "");
    return 0;
  }
  rasd_buf *b = &c->b;
  if (c->fmt == F_CSV) {
    rasd_buf_csv_field(b, id); rasd_buf_putc(b, ',');
    rasd_buf_csv_field(b, date); rasd_buf_putc(b, ',');
    rasd_buf_csv_field(b, outlet); rasd_buf_putc(b, ',');
    rasd_buf_csv_field(b, title); rasd_buf_putc(b, ',');
    rasd_buf_printf(b, "%ld,", nevents);
    rasd_buf_csv_field(b, snippet);
    rasd_buf_putc(b, '\n');
  } else {
    rasd_buf_puts(b, "{\"id\":");
    rasd_buf_json_cstr(b, id);
    rasd_out_jstr(b, "date", date);
    rasd_out_jstr(b, "outlet", outlet);
    rasd_out_jstr(b, "title", title);
    rasd_out_jint(b, "events", nevents);
    rasd_out_jstr(b, "snippet", snippet);
    rasd_buf_puts(b, "}\n");
  }
  if (c->b.n > 65536) return flush_buf(c);
  return 0;
}

/* --near: LAT,LON, or the first place the gazetteer finds in the name */
static int resolve_near(const char *s, const char *data_dir, double *lat, double *lon) {
  char *end;
  double a = strtod(s, &end);
  if (end != s && *end == ',') {
    double b = strtod(end + 1, &end);
    if (!*end) { *lat = a; *lon = b; return 1; }
  }
  rasd_engine e;
  rasd_diag d;
  memset(&d, 0, sizeof d);
  if (rasd_engine_open(&e, data_dir, 1, NULL, 0, &d) != RASD_OK) {
    rasd_diag_print(stderr, "error", &d);
    return -1;
  }
  rasd_arena ar;
  rasd_arena_init(&ar);
  rasd_article art;
  memset(&art, 0, sizeof art);
  art.id = "near";
  art.text = s;
  art.text_len = strlen(s);
  rasd_doc doc;
  rasd_doc_init(&doc, &art, &ar);
  rasd_engine_run(&e, &doc);
  int found = 0;
  for (uint32_t i = 0; i < doc.nplaces && !found; i++)
    if (doc.places[i].entry >= 0) {
      *lat = doc.places[i].lat;
      *lon = doc.places[i].lon;
      found = 1;
    }
  rasd_arena_free(&ar);
  rasd_engine_close(&e);
  return found;
}

static int parse_bbox(const char *s, rasd_db_filter *f) {
  double v[4];
  const char *p = s;
  for (int i = 0; i < 4; i++) {
    char *end;
    v[i] = strtod(p, &end);
    if (end == p || (i < 3 && *end != ',') || (i == 3 && *end)) return 0;
    p = end + 1;
  }
  f->min_lon = v[0]; f->min_lat = v[1]; f->max_lon = v[2]; f->max_lat = v[3];
  f->has_bbox = v[0] <= v[2] && v[1] <= v[3];
  return f->has_bbox;
}

int rasd_cmd_query(int argc, char **argv) {
  rasd_db_filter f;
  memset(&f, 0, sizeof f);
  f.from = f.to = RASD_NO_DAY;
  f.incidents = 1;
  const char *dbpath = NULL, *format = NULL, *near = NULL, *data_dir = NULL;
  int articles = 0, code = RASD_EXIT_OK;
  double radius = 25;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(help, stdout);
      return rasd_cli_finish_stdout(RASD_EXIT_OK);
    }
    if (!strcmp(a, "--incidents")) { f.incidents = 1; articles = 0; continue; }
    if (!strcmp(a, "--events")) { f.incidents = 0; articles = 0; continue; }
    if (!strcmp(a, "--articles")) { articles = 1; continue; }
    if (!strcmp(a, "--background")) { f.background = 1; continue; }
    static const char *const valued[] = {"--db", "--format", "--from", "--to", "--country", "--admin1", "--bbox",
                                         "--near", "--radius", "--event", "--type", "--actor", "--actor-country",
                                         "--actor-sector", "--search", "--limit", "--data"};
    int known = 0;
    for (size_t k = 0; k < sizeof valued / sizeof *valued; k++) known |= !strcmp(a, valued[k]);
    if (!known) return rasd_cli_usage_error("query", "unknown option or argument '%s'", a);
    if (i + 1 >= argc) return rasd_cli_usage_error("query", "option %s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--db")) dbpath = v;
    else if (!strcmp(a, "--format")) format = v;
    else if (!strcmp(a, "--from") || !strcmp(a, "--to")) {
      int32_t d;
      if (!rasd_day_parse(v, &d)) return rasd_cli_usage_error("query", "%s wants a date YYYY-MM-DD, not '%s'", a, v);
      if (a[2] == 'f') f.from = d; else f.to = d;
    } else if (!strcmp(a, "--country")) {
      const char *iso = rasd_out_country_iso3(v);
      f.country = iso ? iso : v;
    }
    else if (!strcmp(a, "--admin1")) f.admin1 = v;
    else if (!strcmp(a, "--bbox")) {
      if (!parse_bbox(v, &f)) return rasd_cli_usage_error("query", "--bbox wants W,S,E,N in degrees, not '%s'", v);
    } else if (!strcmp(a, "--near")) near = v;
    else if (!strcmp(a, "--radius")) {
      char *end;
      radius = strtod(v, &end);
      if (*end || radius <= 0) return rasd_cli_usage_error("query", "--radius wants kilometres, not '%s'", v);
    } else if (!strcmp(a, "--event")) f.event = v;
    else if (!strcmp(a, "--type")) f.acled = v;
    else if (!strcmp(a, "--actor")) f.actor = v;
    else if (!strcmp(a, "--actor-country")) f.actor_country = v;
    else if (!strcmp(a, "--actor-sector")) f.actor_sector = v;
    else if (!strcmp(a, "--search")) f.search = v;
    else if (!strcmp(a, "--data")) data_dir = v;
    else if (!strcmp(a, "--limit")) {
      char *end;
      f.limit = strtol(v, &end, 10);
      if (*end || f.limit <= 0) return rasd_cli_usage_error("query", "--limit wants a positive number, not '%s'", v);
    }
  }
  out_ctx c;
  memset(&c, 0, sizeof c);
  c.incidents = f.incidents;
  if (!format) c.fmt = isatty(1) ? F_TABLE : F_JSONL;
  else if (!strcmp(format, "table")) c.fmt = F_TABLE;
  else if (!strcmp(format, "jsonl") || !strcmp(format, "json")) c.fmt = F_JSONL;
  else if (!strcmp(format, "csv")) c.fmt = F_CSV;
  else if (!strcmp(format, "geojson")) c.fmt = F_GEOJSON;
  else return rasd_cli_usage_error("query", "--format is table, jsonl, csv or geojson, not '%s'", format);
  if (articles && c.fmt == F_GEOJSON) return rasd_cli_usage_error("query", "--articles has no geojson form");
  if (near) {
    int r = resolve_near(near, data_dir, &f.lat, &f.lon);
    if (r < 0) return RASD_EXIT_CONFIG;
    if (!r) {
      fprintf(stderr, "rasd query: error: no place called '%s' in the gazetteer\n", near);
      return RASD_EXIT_USAGE;
    }
    f.has_radius = 1;
    f.radius_km = radius;
  }
  if (!dbpath) dbpath = rasd__default_db();
  char err[512];
  if (rasd_db_open(dbpath, 1, &c.db, err, sizeof err) != RASD_OK) {
    fprintf(stderr, "rasd query: error: %s\n", err);
    return RASD_EXIT_IO;
  }
  rasd_rc rc;
  if (articles) {
    if (c.fmt == F_CSV) rasd_buf_puts(&c.b, "id,date,outlet,title,events,snippet\n");
    rc = rasd_db_query_articles(c.db, f.search, f.limit, one_article, &c);
  } else {
    if (c.fmt == F_CSV) rasd_out_csv_header(&c.b);
    if (c.fmt == F_GEOJSON) rasd_out_geojson_begin(&c.b);
    rc = rasd_db_query(c.db, &f, one_row, &c);
    if (c.fmt == F_GEOJSON) rasd_out_geojson_end(&c.b);
  }
  if (c.fmt == F_TABLE)
    print_table(&c, articles ? aheads : theads, articles ? "articles" : f.incidents ? "incidents" : "events");
  if (rc == RASD_NOTFOUND) {
    fprintf(stderr, "rasd query: error: %s has no full-text index (%s-fts); 'rasd ingest --db %s' builds it\n",
            dbpath, dbpath, dbpath);
    code = RASD_EXIT_IO;
  } else if (rc != RASD_OK) {
    fprintf(stderr, "rasd query: error: %s: %s\n", dbpath, rasd_db_errmsg(c.db));
    code = f.search ? RASD_EXIT_USAGE : RASD_EXIT_IO;
  }
  flush_buf(&c);
  if (c.failed) code = RASD_EXIT_IO;
  for (int i = 0; i < c.ncells; i++) free(c.cells[i]);
  free(c.cells);
  rasd_buf_free(&c.b);
  rasd_db_close(c.db);
  return rasd_cli_finish_stdout(code);
}
