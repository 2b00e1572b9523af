/*
** geo/geo.h -- the gazetteer and place resolution (stage "gaz").
**
** rasd_gaz_open loads the compiled gazetteer from a data directory;
** rasd_geo_find fills doc->places with every place mention in the text,
** resolved to coordinates and admin areas where possible (entry -1 and
** NULL fields when a mention is recognised but not resolved).
**
** The compiled gazetteer (docs/GAZETTEER.md) is one read-only file,
** memory-mapped: entries, names, a hash of first words.  Every string an
** accessor returns points into it and lives until rasd_gaz_free.
** rasd_gaz_build makes that file from GeoNames cities500, the Debian
** geonames Arabic labels and the curated data/geo TSV files.
*/
#ifndef RASD_GEO_H
#define RASD_GEO_H
#include <stdio.h>

#include "../core/diag.h"
#include "../text/doc.h"

typedef struct rasd_gaz rasd_gaz;

/* Kinds of gazetteer entries. */
enum rasd_gaz_kind {
  RASD_GAZ_CITY = 1,   /* populated place (town, village, neighbourhood) */
  RASD_GAZ_ADMIN1,     /* governorate / province / state */
  RASD_GAZ_ADMIN2,     /* district, sub-district */
  RASD_GAZ_REGION,     /* named wide region (البادية السورية) */
  RASD_GAZ_POI,        /* airport, base, port, checkpoint */
  RASD_GAZ_COUNTRY     /* a country: context only, not reported as a place */
};

/* One entry, as the accessors show it (strings point into the gazetteer). */
typedef struct rasd_gaz_info {
  const char *name, *name_ar, *country, *admin1, *admin2; /* NULL when unknown */
  double lat, lon;
  long geonameid;    /* 0 when none */
  long population;
  int kind;          /* enum rasd_gaz_kind */
  int precision;     /* default geo_precision: 1, 2 or 3 */
  int needs_cue;     /* a common word: counts only with evidence */
  const char *source; /* "geonames", "curated", "import" */
} rasd_gaz_info;

/* Load the gazetteer for data directory dir.  The compiled file is looked
** for at $RASD_GAZETTEER, dir/geo/gazetteer.bin, then the build's own
** (RASD_GAZ_FILE) when dir is the built-in data directory; when none is
** there the curated TSV files of dir/geo are compiled in memory and a note
** is printed once on stderr ($RASD_GAZETTEER=- : curated only, no note).  On failure
** returns LEXICON or IO with *diag filled and *out NULL. */
rasd_rc rasd_gaz_open(const char *dir, rasd_gaz **out, rasd_diag *diag);
/* Load one compiled file (NULL path: error).  Same failure contract. */
rasd_rc rasd_gaz_open_file(const char *path, rasd_gaz **out, rasd_diag *diag);
void rasd_gaz_free(rasd_gaz *g);

/* Find and resolve place mentions (needs rasd_text_analyze first).
** Fills doc->places in text order; allocates only from doc->arena. */
void rasd_geo_find(const rasd_gaz *g, rasd_doc *doc);

/* -- accessors ----------------------------------------------------------- */
size_t rasd_gaz_count(const rasd_gaz *g);      /* entries */
size_t rasd_gaz_name_count(const rasd_gaz *g); /* indexed names */
const char *rasd_gaz_path(const rasd_gaz *g);  /* file loaded, or "(curated, in memory)" */
int rasd_gaz_has_geonames(const rasd_gaz *g);  /* 1 when built with GeoNames cities500 */
/* Fill *info for entry i (< rasd_gaz_count); returns 0 when out of range. */
int rasd_gaz_entry(const rasd_gaz *g, int32_t i, rasd_gaz_info *info);
/* Indexed spelling i (< rasd_gaz_name_count): its folded key (not
** NUL-terminated) and entry (-1 for a stop word).  Returns 0 when out of range. */
int rasd_gaz_name(const rasd_gaz *g, size_t i, const char **key, size_t *n, int32_t *entry);
/* Entries one of whose Arabic spellings equals s[0..n) once folded (ال
** optional; clitics are not stripped): up to max indexes into out, most
** populous first; returns how many there are in all.  Stop words: 0. */
int rasd_gaz_lookup(const rasd_gaz *g, const char *s, size_t n, int32_t *out, int max);

/* -- building ------------------------------------------------------------ */
typedef struct rasd_gaz_sources {
  const char *data_dir;     /* reads data_dir/geo/{countries,admin1,places,aliases,common}.tsv */
  const char *cities500;    /* GeoNames cities500.txt, or NULL */
  const char *geonames_mo;  /* Debian geonames.mo (ar), or NULL */
  const char *const *extra; /* more place TSVs (imports), n_extra of them */
  int n_extra;
} rasd_gaz_sources;

typedef struct rasd_gaz_stats {
  size_t entries, names, bytes, from_geonames, from_curated, from_import;
} rasd_gaz_stats;

/* Compile the sources into an image in memory (*img, *len; free() it).
** A malformed TSV row fails with LEXICON and file:line in *diag; an
** unreadable optional source (cities500, mo) fails with IO.  The image is
** a function of the inputs only (sorted, no timestamps). */
rasd_rc rasd_gaz_compile(const rasd_gaz_sources *src, void **img, size_t *len, rasd_gaz_stats *st,
                         rasd_diag *diag);
/* rasd_gaz_compile + write to path (through a temporary and rename). */
rasd_rc rasd_gaz_build(const rasd_gaz_sources *src, const char *path, rasd_gaz_stats *st, rasd_diag *diag);

/* -- importers: write place TSV rows (docs/GAZETTEER.md) to out ---------- */
/* A GeoNames country dump (XX.txt, the 19-column "geoname" table) and,
** optionally, alternateNames(V2).txt (Arabic names are taken from it).
** Keeps P (places) and A (admin) features; min_pop filters P features. */
rasd_rc rasd_gaz_import_geonames(const char *dump, const char *alternates, long min_pop, FILE *out, size_t *nrows,
                                 rasd_diag *diag);
/* OpenSyria's governorates.json, districts.json, subdistricts.json in dir. */
rasd_rc rasd_gaz_import_opensyria(const char *dir, FILE *out, size_t *nrows, rasd_diag *diag);

#endif
