/*
** cli/cmd_gazetteer.c -- `rasd gazetteer build|import|lookup|info`: compile the
** gazetteer, grow it from GeoNames / OpenSyria files, look names up.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../geo/geo.h"
#include "cli.h"

static const char help[] =
    "Usage: rasd gazetteer build [--cities500 FILE] [--geonames-mo FILE] [--add TSV]... [--data DIR] -o FILE\n"
    "       rasd gazetteer import geonames DUMP.txt [--alternates alternateNames.txt] [--min-pop N] [-o TSV]\n"
    "       rasd gazetteer import opensyria DIR [-o TSV]\n"
    "       rasd gazetteer lookup [--data DIR] [--gazetteer FILE] NAME...\n"
    "       rasd gazetteer info [--data DIR] [--gazetteer FILE]\n"
    "       rasd gazetteer names [--data DIR] [--gazetteer FILE]\n\n"
    "build   compile DIR/geo/*.tsv (curated), GeoNames cities500 (Arabic alternate\n"
    "        names), Debian's geonames.mo Arabic labels and imported TSVs into one\n"
    "        memory-mapped file (the Makefile makes build/gazetteer.bin this way).\n"
    "import  turn a GeoNames country dump (+ alternateNames) or the OpenSyria admin\n"
    "        JSON into place rows (docs/GAZETTEER.md) on stdout or -o TSV; add them\n"
    "        with `build --add TSV` (or put them in data/geo/local/).\n"
    "lookup  print the entries a name resolves to, one JSON line each.\n"
    "info    entries, names, size and load time of the gazetteer in use.\n"
    "names   every indexed spelling (folded key, entry, name, country, population).\n\n"
    "Options:\n"
    "  --data DIR          data directory (default: $RASD_DATA or the built-in)\n"
    "  --gazetteer FILE    use this compiled gazetteer (also $RASD_GAZETTEER)\n"
    "  -o FILE             output file\n"
    "  -h, --help          this help\n\n" RASD_HELP_EXIT;

static int usage_err(const char *msg, const char *arg) {
  fprintf(stderr, "rasd: error: %s%s%s\nTry 'rasd gazetteer --help'.\n", msg, arg ? " " : "", arg ? arg : "");
  return RASD_EXIT_USAGE;
}

static int fail(const rasd_diag *d, rasd_rc rc) {
  rasd_diag_print(stderr, "error", d);
  return rc == RASD_IO ? RASD_EXIT_IO : RASD_EXIT_CONFIG;
}

static int cmd_build(int argc, char **argv) {
  rasd_gaz_sources src = {0};
  const char *out = NULL;
  const char **extra = calloc((size_t)argc + 1, sizeof *extra);
  int n = 0, quiet = 0;
  src.data_dir = rasd_engine_default_data();
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) { quiet = 1; continue; }
    if (!v) { free(extra); return usage_err("missing value after", a); }
    if (!strcmp(a, "--cities500")) src.cities500 = *v ? v : NULL;
    else if (!strcmp(a, "--geonames-mo")) src.geonames_mo = *v ? v : NULL;
    else if (!strcmp(a, "--add")) extra[n++] = v;
    else if (!strcmp(a, "--data")) src.data_dir = v;
    else if (!strcmp(a, "-o")) out = v;
    else { free(extra); return usage_err("unknown option", a); }
    i++;
  }
  if (!out) { free(extra); return usage_err("build needs -o FILE", NULL); }
  if (!src.cities500)
    fprintf(stderr, "rasd: note: building the gazetteer without GeoNames cities500 (run `make setup`); "
                    "only the curated places will be known\n");
  src.extra = extra;
  src.n_extra = n;
  rasd_diag d;
  memset(&d, 0, sizeof d);
  rasd_gaz_stats st;
  rasd_rc rc = rasd_gaz_build(&src, out, &st, &d);
  free(extra);
  if (rc != RASD_OK) return fail(&d, rc);
  if (!quiet)
    fprintf(stderr, "rasd: gazetteer %s: %zu entries (%zu GeoNames, %zu curated, %zu imported), %zu names, %.1f MB\n", out,
            st.entries, st.from_geonames, st.from_curated, st.from_import, st.names, st.bytes / 1e6);
  return RASD_EXIT_OK;
}

static int cmd_import(int argc, char **argv) {
  if (argc < 4) return usage_err("import needs a kind (geonames|opensyria) and a source", NULL);
  const char *kind = argv[2], *srcp = argv[3], *out = NULL, *alt = NULL;
  long min_pop = 0;
  for (int i = 4; i < argc; i++) {
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!v) return usage_err("missing value after", argv[i]);
    if (!strcmp(argv[i], "-o")) out = v;
    else if (!strcmp(argv[i], "--alternates")) alt = v;
    else if (!strcmp(argv[i], "--min-pop")) min_pop = atol(v);
    else return usage_err("unknown option", argv[i]);
    i++;
  }
  FILE *f = out ? fopen(out, "w") : stdout;
  if (!f) { fprintf(stderr, "rasd: error: cannot write %s\n", out); return RASD_EXIT_IO; }
  rasd_diag d;
  memset(&d, 0, sizeof d);
  size_t rows = 0;
  rasd_rc rc;
  if (!strcmp(kind, "geonames")) rc = rasd_gaz_import_geonames(srcp, alt, min_pop, f, &rows, &d);
  else if (!strcmp(kind, "opensyria")) rc = rasd_gaz_import_opensyria(srcp, f, &rows, &d);
  else {
    if (out) fclose(f);
    return usage_err("unknown import kind", kind);
  }
  if (out && fclose(f) != 0 && rc == RASD_OK) { fprintf(stderr, "rasd: error: writing %s failed\n", out); return RASD_EXIT_IO; }
  if (rc != RASD_OK) return fail(&d, rc);
  fprintf(stderr, "rasd: imported %zu places\n", rows);
  return out ? RASD_EXIT_OK : rasd_cli_finish_stdout(RASD_EXIT_OK);
}

static int open_gaz(int argc, char **argv, int *first, rasd_gaz **g) {
  const char *data = rasd_engine_default_data(), *file = NULL;
  int i = 2;
  for (; i < argc; i++) {
    if (!strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
    else if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) file = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1]) return usage_err("unknown option", argv[i]);
    else break;
  }
  *first = i;
  rasd_diag d;
  memset(&d, 0, sizeof d);
  rasd_rc rc = file ? rasd_gaz_open_file(file, g, &d) : rasd_gaz_open(data, g, &d);
  return rc == RASD_OK ? -1 : fail(&d, rc);
}

static void json_str(rasd_buf *b, const char *key, const char *v) {
  rasd_buf_printf(b, ",\"%s\":", key);
  rasd_buf_json_cstr(b, v);
}

static int cmd_lookup(int argc, char **argv) {
  rasd_gaz *g;
  int first, code = open_gaz(argc, argv, &first, &g);
  if (code >= 0) return code;
  if (first >= argc) { rasd_gaz_free(g); return usage_err("lookup needs a NAME", NULL); }
  static const char *const kinds[] = {"", "city", "admin1", "admin2", "region", "poi", "country"};
  rasd_buf b = {0};
  int any = 0;
  for (int i = first; i < argc; i++) {
    int32_t ids[32];
    int n = rasd_gaz_lookup(g, argv[i], strlen(argv[i]), ids, 32);
    if (n > 32) n = 32;
    for (int k = 0; k < n; k++) {
      rasd_gaz_info in;
      if (!rasd_gaz_entry(g, ids[k], &in)) continue;
      b.n = 0;
      rasd_buf_puts(&b, "{\"query\":");
      rasd_buf_json_cstr(&b, argv[i]);
      rasd_buf_printf(&b, ",\"entry\":%d", ids[k]);
      json_str(&b, "name", in.name);
      json_str(&b, "name_ar", in.name_ar);
      json_str(&b, "country", in.country);
      json_str(&b, "admin1", in.admin1);
      json_str(&b, "admin2", in.admin2);
      rasd_buf_printf(&b, ",\"lat\":%.5f,\"lon\":%.5f,\"kind\":\"%s\",\"geo_precision\":%d,\"population\":%ld", in.lat,
                      in.lon, kinds[in.kind < 7 ? in.kind : 0], in.precision, in.population);
      if (in.geonameid) rasd_buf_printf(&b, ",\"geonameid\":%ld", in.geonameid);
      if (in.needs_cue) rasd_buf_puts(&b, ",\"needs_cue\":true");
      json_str(&b, "source", in.source);
      rasd_buf_puts(&b, "}\n");
      fwrite(b.p, 1, b.n, stdout);
      any = 1;
    }
    if (!n) fprintf(stderr, "rasd: %s: not in the gazetteer\n", argv[i]);
  }
  rasd_buf_free(&b);
  rasd_gaz_free(g);
  return rasd_cli_finish_stdout(any ? RASD_EXIT_OK : RASD_EXIT_SKIPPED);
}

/* Every indexed spelling: key, entry, English name, country, population (TSV). */
static int cmd_names(int argc, char **argv) {
  rasd_gaz *g;
  int first, code = open_gaz(argc, argv, &first, &g);
  if (code >= 0) return code;
  for (size_t i = 0; i < rasd_gaz_name_count(g); i++) {
    const char *key;
    size_t kn;
    int32_t e;
    rasd_gaz_info in;
    if (!rasd_gaz_name(g, i, &key, &kn, &e)) continue;
    if (e < 0) {
      printf("%.*s\t-1\t(stop word)\t-\t0\n", (int)kn, key);
      continue;
    }
    rasd_gaz_entry(g, e, &in);
    printf("%.*s\t%d\t%s\t%s\t%ld\n", (int)kn, key, e, in.name ? in.name : "-", in.country ? in.country : "-", in.population);
  }
  rasd_gaz_free(g);
  return rasd_cli_finish_stdout(RASD_EXIT_OK);
}

static int cmd_info(int argc, char **argv) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  rasd_gaz *g;
  int first, code = open_gaz(argc, argv, &first, &g);
  if (code >= 0) return code;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  printf("{\"file\":\"%s\",\"entries\":%zu,\"names\":%zu,\"geonames\":%s,\"load_ms\":%.2f}\n", rasd_gaz_path(g),
         rasd_gaz_count(g), rasd_gaz_name_count(g), rasd_gaz_has_geonames(g) ? "true" : "false", ms);
  rasd_gaz_free(g);
  return rasd_cli_finish_stdout(RASD_EXIT_OK);
}

int rasd_cmd_gazetteer(int argc, char **argv) {
  if (argc < 2) return usage_err("gazetteer needs a subcommand (build, import, lookup, info)", NULL);
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(help, stdout);
      return rasd_cli_finish_stdout(RASD_EXIT_OK);
    }
  const char *sub = argv[1];
  if (!strcmp(sub, "build")) return cmd_build(argc, argv);
  if (!strcmp(sub, "import")) return cmd_import(argc, argv);
  if (!strcmp(sub, "lookup")) return cmd_lookup(argc, argv);
  if (!strcmp(sub, "info")) return cmd_info(argc, argv);
  if (!strcmp(sub, "names")) return cmd_names(argc, argv);
  return usage_err("unknown gazetteer subcommand", sub);
}
