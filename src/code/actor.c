/*
** code/actor.c -- actor lexicon and actor mentions (stage "evt"; see actor.h).
**
** Three phrase lexicons (code/phrase.h) are built once at load:
**   named  actors.tsv surfaces      -> a chain of alternative rows (dates, where, anaphora)
**   roles  actor-roles.tsv surfaces -> a role (sector + English name pattern)
**   nat    nationalities.tsv forms  -> a chain of state rows (adjective and/or name)
** plus two word sets from actor-roles.tsv (STOP, LOC).  Every composed name
** ("Military Forces of Russia") is formatted at load into a pattern x state
** table, so rasd_actor_find allocates nothing but doc->actors (in the arena)
** and does a handful of hash lookups per token.
**
** At each word token of a sentence, in order: a named actor (longest phrase,
** extended over an agreeing nationality: حزب الله اللبناني), or a role noun
** with a nationality within the next three words (القوات الروسية، طائرات
** حربية روسية), whichever covers more tokens (ties go to the named actor);
** else a bare country name read as its government.
*/
#include "actor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/strmap.h"
#include "../core/tsv.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "phrase.h"

#define MAX_CLASSES 32
#define DAY_OPEN_LO INT32_MIN
#define DAY_OPEN_HI INT32_MAX

/* ---- lexicon types ------------------------------------------------------- */

typedef struct named_ent {
  const char *name, *country, *sector; /* country NULL = from the event's place */
  int32_t from, to;                    /* [from, to) in days; open ends DAY_OPEN_* */
  const char *where;                   /* "YEM,SAU" or NULL */
  uint32_t classes;                    /* bit i = class i */
  uint8_t anaphor;                     /* class index + 1 for "@class" rows */
  const char *rule;                    /* "actors.tsv:42" */
} named_ent;

typedef struct alt {
  uint32_t item;  /* named_ent or nat_row index */
  int32_t next;   /* next alternative for the same surface, -1 */
  uint8_t flags;  /* nat: NAT_*; named: NAMED_* (see below) */
} alt;

/* alt flags.  The article must agree with a spelling in the lexicon: a
** surface written with ال needs it in the text (الهيئة, not هيئة "a body"),
** one written without it must lack it (حماس, not الحماس "enthusiasm"). */
enum { NAT_ADJ = 1, NAT_STATE_ART = 2, NAT_STATE_NOART = 4 }; /* nationality alts */
#define NAT_STATE (NAT_STATE_ART | NAT_STATE_NOART)
enum { NAMED_ART = 1, NAMED_NOART = 2 }; /* named alts */

typedef struct nat_row {
  const char *iso, *name, *shortname;
  int32_t from, to;
  const char *rule, *state_rule; /* "nationalities.tsv:12", "... state" */
} nat_row;

enum { WHEN_ANY = 0, WHEN_DEF, WHEN_INDEF };

typedef struct role_ent {
  const char *sector;
  uint32_t pat;     /* pattern index */
  int32_t bare;     /* pattern index of the bare name, -1 = needs a nationality */
  uint8_t when;
  const char *rule;
} role_ent;

#define VEC(T, name) T *name; uint32_t n_##name, c_##name
#define PUSH(lx, name, val)                                                                      \
  do {                                                                                           \
    if ((lx)->n_##name == (lx)->c_##name) {                                                      \
      (lx)->c_##name = (lx)->c_##name ? 2 * (lx)->c_##name : 64;                                 \
      (lx)->name = rasd_xrealloc((lx)->name, (lx)->c_##name * sizeof *(lx)->name);               \
    }                                                                                            \
    (lx)->name[(lx)->n_##name++] = (val);                                                        \
  } while (0)

struct rasd_actor_lex {
  rasd_arena pool; /* every string */
  rasd_phrase_lex *named, *roles, *nat;
  VEC(named_ent, ents);
  VEC(alt, nalts);  /* chains of named alternatives */
  VEC(alt, talts);  /* chains of nationality alternatives */
  VEC(nat_row, nats);
  VEC(role_ent, rolev);
  VEC(const char *, pats);       /* name patterns ("Military Forces of %s", "Civilians") */
  rasd_strmap *patmap;           /* pattern -> index */
  rasd_strmap *baremap;          /* bare name ("Civilians") -> the pattern with %s */
  rasd_strmap *sectormap;        /* sector -> first role pattern with %s of it */
  rasd_strmap *isomap;           /* iso3 -> first nat row (rows of one iso are adjacent) */
  rasd_strmap *stop, *loc;       /* folded word keys */
  const char **names;            /* [pat * n_nats + row] composed names */
  char classes[MAX_CLASSES][32];
  int nclasses;
  uint32_t nphrases;
};

/* ---- small helpers --------------------------------------------------------- */

static const char *pool_str(rasd_actor_lex *lx, const char *s) {
  return rasd_arena_strndup(&lx->pool, s, strlen(s));
}

static const char *base_name(const char *path) {
  const char *b = strrchr(path, '/');
  return b ? b + 1 : path;
}

static const char *rule_str(rasd_actor_lex *lx, const char *file, long line, const char *suffix) {
  char buf[300];
  snprintf(buf, sizeof buf, "%s:%ld%s", base_name(file), line, suffix);
  return pool_str(lx, buf);
}

static int parse_day(const char *s, int32_t open, int32_t *out) {
  while (*s == ' ') s++;
  if (!*s) { *out = open; return 1; }
  return rasd_day_parse(s, out) && strlen(s) == 10;
}

static int is_code(const char *s) { /* 3 upper-case ASCII letters */
  return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z' && !s[3];
}

static int is_sector(const char *s) {
  size_t n = strlen(s);
  if (n < 2 || n > 4) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < 'A' || s[i] > 'Z') return 0;
  return 1;
}

static const char *field(char **f, int nf, int i) { return i < nf ? f[i] : ""; }

static int date_ok(int32_t from, int32_t to, int32_t day) {
  return day == RASD_NO_DAY || (day >= from && day < to);
}

static int64_t date_dist(int32_t from, int32_t to, int32_t day) {
  if (date_ok(from, to, day)) return 0;
  return day < from ? (int64_t)from - day : (int64_t)day - to + 1;
}

/* Add surface -> item to a phrase lexicon whose values are chains in *alts.
** Returns 1 added, 0 the phrase is empty or too long. */
static int add_alt(rasd_actor_lex *lx, rasd_phrase_lex *pl, int nat, const char *s, size_t n, uint32_t item,
                   uint8_t flags) {
  alt **arr = nat ? &lx->talts : &lx->nalts;
  uint32_t *cnt = nat ? &lx->n_talts : &lx->n_nalts;
  uint32_t idx = *cnt, old = 0;
  int r = rasd_phrase_add(pl, s, n, idx, &old);
  if (r == 0) return 0;
  if (r < 0) {
    int32_t a = (int32_t)old, last = -1;
    for (; a >= 0; last = a, a = (*arr)[a].next)
      if ((*arr)[a].item == item) {
        (*arr)[a].flags |= flags;
        return 1;
      }
    (*arr)[last].next = (int32_t)idx;
  } else
    lx->nphrases++;
  alt v = {item, -1, flags};
  if (nat) PUSH(lx, talts, v);
  else PUSH(lx, nalts, v);
  return 1;
}

/* Add every '|'-separated surface of field s. */
static int add_surfaces(rasd_actor_lex *lx, rasd_phrase_lex *pl, int nat, const char *s, uint32_t item,
                        uint8_t flags, rasd_diag *diag) {
  while (*s) {
    const char *e = strchr(s, '|');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    uint8_t fl = flags;
    if (n && n < 512) {
      char key[512 * 3 + 8];
      size_t kn = rasd_uni_key(s, n, key);
      int art = rasd_key_noart(key, (uint32_t)kn) != 0;
      if (!nat) fl |= art ? NAMED_ART : NAMED_NOART;
      if (nat && (flags & NAT_STATE)) fl = art ? NAT_STATE_ART : NAT_STATE_NOART;
    }
    if (n && !add_alt(lx, pl, nat, s, n, item, fl)) {
      snprintf(diag->msg, sizeof diag->msg, "surface \"%.*s\" is empty or has more than %d words", (int)(n > 80 ? 80 : n),
               s, RASD_PHRASE_MAX_WORDS);
      return 1;
    }
    s += n;
    if (*s == '|') s++;
  }
  return 0;
}

static int32_t intern_pat(rasd_actor_lex *lx, const char *p) {
  uint32_t v;
  if (rasd_strmap_get(lx->patmap, p, strlen(p), &v)) return (int32_t)v;
  v = lx->n_pats;
  PUSH(lx, pats, pool_str(lx, p));
  rasd_strmap_put(lx->patmap, p, strlen(p), v);
  return (int32_t)v;
}

static int class_index(rasd_actor_lex *lx, const char *s, size_t n) {
  for (int i = 0; i < lx->nclasses; i++)
    if (strlen(lx->classes[i]) == n && !memcmp(lx->classes[i], s, n)) return i;
  if (lx->nclasses == MAX_CLASSES || n == 0 || n >= sizeof lx->classes[0]) return -1;
  memcpy(lx->classes[lx->nclasses], s, n);
  lx->classes[lx->nclasses][n] = 0;
  return lx->nclasses++;
}

/* ---- loading ----------------------------------------------------------------- */

static int on_actor(void *ctx, char **f, int nf, const char *file, long line, rasd_diag *diag) {
  rasd_actor_lex *lx = ctx;
  named_ent e;
  memset(&e, 0, sizeof e);
  const char *name = field(f, nf, 1);
  if (name[0] == '@') {
    int c = class_index(lx, name + 1, strlen(name + 1));
    if (c < 0) { snprintf(diag->msg, sizeof diag->msg, "bad or too many anaphor classes: %s", name); return 1; }
    e.anaphor = (uint8_t)(c + 1);
    e.from = DAY_OPEN_LO;
    e.to = DAY_OPEN_HI;
    e.rule = rule_str(lx, file, line, " anaphor");
  } else {
    if (nf < 4 || !*name) {
      snprintf(diag->msg, sizeof diag->msg, "expected surface, entity_name, country, sector[, valid_from, valid_to, where, class]");
      return 1;
    }
    const char *cc = f[2], *sec = f[3];
    if (*cc && !is_code(cc)) { snprintf(diag->msg, sizeof diag->msg, "country \"%s\" is not a 3-letter code", cc); return 1; }
    if (!is_sector(sec)) { snprintf(diag->msg, sizeof diag->msg, "sector \"%s\" is not a PLOVER sector code", sec); return 1; }
    if (!parse_day(field(f, nf, 4), DAY_OPEN_LO, &e.from) || !parse_day(field(f, nf, 5), DAY_OPEN_HI, &e.to)) {
      snprintf(diag->msg, sizeof diag->msg, "valid_from/valid_to must be YYYY-MM-DD or empty");
      return 1;
    }
    if (e.from != DAY_OPEN_LO && e.to != DAY_OPEN_HI && e.to <= e.from) {
      snprintf(diag->msg, sizeof diag->msg, "valid_to is not after valid_from");
      return 1;
    }
    const char *w = field(f, nf, 6);
    if (*w) {
      for (const char *p = w;;) { /* AAA,BBB */
        if (!(p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z' && p[2] >= 'A' && p[2] <= 'Z') ||
            (p[3] && p[3] != ',')) {
          snprintf(diag->msg, sizeof diag->msg, "where \"%s\" is not a comma-separated list of ISO3 codes", w);
          return 1;
        }
        if (!p[3]) break;
        p += 4;
      }
      e.where = pool_str(lx, w);
    }
    const char *cl = field(f, nf, 7);
    while (*cl) {
      const char *c = strchr(cl, ',');
      size_t n = c ? (size_t)(c - cl) : strlen(cl);
      int k = class_index(lx, cl, n);
      if (k < 0) { snprintf(diag->msg, sizeof diag->msg, "bad or too many classes: %s", field(f, nf, 7)); return 1; }
      e.classes |= 1u << k;
      cl += n;
      if (*cl == ',') cl++;
    }
    e.name = pool_str(lx, name);
    e.country = *cc ? pool_str(lx, cc) : NULL;
    e.sector = pool_str(lx, sec);
    e.rule = rule_str(lx, file, line, "");
  }
  if (!*f[0]) { snprintf(diag->msg, sizeof diag->msg, "empty surface"); return 1; }
  uint32_t idx = lx->n_ents;
  PUSH(lx, ents, e);
  return add_surfaces(lx, lx->named, 0, f[0], idx, 0, diag);
}

/* key of a single word, folded, into out (room 3n+8); returns length */
static size_t word_key(const char *s, size_t n, char *out) { return rasd_uni_key(s, n, out); }

static int on_role(void *ctx, char **f, int nf, const char *file, long line, rasd_diag *diag) {
  rasd_actor_lex *lx = ctx;
  const char *sec = field(f, nf, 1);
  if (!*f[0] || !*sec) { snprintf(diag->msg, sizeof diag->msg, "expected surface, sector, pattern[, bare, when]"); return 1; }
  if (!strcmp(sec, "STOP") || !strcmp(sec, "LOC")) {
    char key[512];
    size_t n = strlen(f[0]);
    if (n > 160 || strchr(f[0], ' ')) { snprintf(diag->msg, sizeof diag->msg, "a %s entry is one word", sec); return 1; }
    size_t kn = word_key(f[0], n, key);
    rasd_strmap_put(!strcmp(sec, "STOP") ? lx->stop : lx->loc, key, kn, 1);
    return 0;
  }
  if (!is_sector(sec)) { snprintf(diag->msg, sizeof diag->msg, "sector \"%s\" is not a PLOVER sector code", sec); return 1; }
  const char *pat = field(f, nf, 2), *bare = field(f, nf, 3), *when = field(f, nf, 4);
  const char *ps = strstr(pat, "%s");
  if (!ps || strchr(ps + 2, '%') || strchr(pat, '%') != ps) {
    snprintf(diag->msg, sizeof diag->msg, "pattern \"%s\" needs exactly one %%s", pat);
    return 1;
  }
  if (strchr(bare, '%')) { snprintf(diag->msg, sizeof diag->msg, "bare name has a %%"); return 1; }
  role_ent r;
  memset(&r, 0, sizeof r);
  r.sector = pool_str(lx, sec);
  r.pat = (uint32_t)intern_pat(lx, pat);
  r.bare = *bare ? intern_pat(lx, bare) : -1;
  if (!*when) r.when = WHEN_ANY;
  else if (!strcmp(when, "def")) r.when = WHEN_DEF;
  else if (!strcmp(when, "indef")) r.when = WHEN_INDEF;
  else { snprintf(diag->msg, sizeof diag->msg, "when must be def, indef or empty"); return 1; }
  r.rule = rule_str(lx, file, line, "");
  if (*bare) rasd_strmap_add(lx->baremap, bare, strlen(bare), r.pat, NULL);
  rasd_strmap_add(lx->sectormap, sec, strlen(sec), r.pat, NULL);
  uint32_t idx = lx->n_rolev;
  PUSH(lx, rolev, r);
  const char *s = f[0];
  uint32_t old;
  int a = rasd_phrase_add(lx->roles, s, strlen(s), idx, &old);
  if (a == 0) { snprintf(diag->msg, sizeof diag->msg, "surface is empty or too long"); return 1; }
  if (a > 0) lx->nphrases++;
  return 0; /* a repeated surface keeps its first row */
}

/* Add the derived forms of a masculine nationality adjective (ending in ي). */
static int add_adjective(rasd_actor_lex *lx, const char *adj, uint32_t row, rasd_diag *diag) {
  static const char *const suf[] = {"", "ة", "ان", "تان", "تين", "ون", "ين", "ات", "ا", "ه"};
  size_t n = strlen(adj);
  if (n < 4 || memcmp(adj + n - 2, "ي", 2)) {
    snprintf(diag->msg, sizeof diag->msg, "adjective \"%s\" does not end in ي", adj);
    return 1;
  }
  char buf[256];
  if (n > 200) { snprintf(diag->msg, sizeof diag->msg, "adjective too long"); return 1; }
  for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
    /* ه: the ي+ة spelling without dots is folded already; skip it */
    if (!strcmp(suf[i], "ه")) continue;
    int k = snprintf(buf, sizeof buf, "%s%s", adj, suf[i]);
    if (!add_alt(lx, lx->nat, 1, buf, (size_t)k, row, NAT_ADJ)) {
      snprintf(diag->msg, sizeof diag->msg, "bad adjective \"%s\"", adj);
      return 1;
    }
  }
  return 0;
}

static int on_nat(void *ctx, char **f, int nf, const char *file, long line, rasd_diag *diag) {
  rasd_actor_lex *lx = ctx;
  if (nf < 3 || !is_code(f[0]) || !*f[1] || !*f[2]) {
    snprintf(diag->msg, sizeof diag->msg, "expected iso3, name, short[, adjectives, extra, names, valid_from, valid_to]");
    return 1;
  }
  nat_row r;
  memset(&r, 0, sizeof r);
  if (!parse_day(field(f, nf, 6), DAY_OPEN_LO, &r.from) || !parse_day(field(f, nf, 7), DAY_OPEN_HI, &r.to)) {
    snprintf(diag->msg, sizeof diag->msg, "valid_from/valid_to must be YYYY-MM-DD or empty");
    return 1;
  }
  if (lx->n_nats && strcmp(lx->nats[lx->n_nats - 1].iso, f[0])) { /* rows of one iso must be adjacent */
    uint32_t v;
    if (rasd_strmap_get(lx->isomap, f[0], 3, &v)) {
      snprintf(diag->msg, sizeof diag->msg, "rows of %s must be adjacent", f[0]);
      return 1;
    }
  }
  r.iso = pool_str(lx, f[0]);
  r.name = pool_str(lx, f[1]);
  r.shortname = pool_str(lx, f[2]);
  r.rule = rule_str(lx, file, line, "");
  r.state_rule = rule_str(lx, file, line, " state");
  uint32_t row = lx->n_nats;
  PUSH(lx, nats, r);
  rasd_strmap_add(lx->isomap, f[0], 3, row, NULL);
  char *s = f[3];
  while (*s) { /* adjectives: a|b */
    char *e = strchr(s, '|');
    if (e) *e = 0;
    if (*s && add_adjective(lx, s, row, diag)) return 1;
    if (!e) break;
    s = e + 1;
  }
  if (add_surfaces(lx, lx->nat, 1, field(f, nf, 4), row, NAT_ADJ, diag)) return 1;
  return add_surfaces(lx, lx->nat, 1, field(f, nf, 5), row, NAT_STATE_ART, diag);
}

/* Format every pattern x state name. */
static void build_names(rasd_actor_lex *lx) {
  uint32_t np = lx->n_pats, nn = lx->n_nats;
  lx->names = rasd_arena_alloc(&lx->pool, (size_t)(np ? np : 1) * (nn ? nn : 1) * sizeof *lx->names);
  for (uint32_t p = 0; p < np; p++) {
    const char *pat = lx->pats[p];
    const char *ps = strstr(pat, "%s");
    for (uint32_t r = 0; r < nn; r++) {
      if (!ps) { lx->names[p * nn + r] = pat; continue; }
      const nat_row *nr = &lx->nats[r];
      const char *cn = ps > pat && ps[-1] == '(' ? nr->shortname : nr->name;
      char buf[512];
      snprintf(buf, sizeof buf, "%.*s%s%s", (int)(ps - pat), pat, cn, ps + 2);
      lx->names[p * nn + r] = pool_str(lx, buf);
    }
  }
}

static _Thread_local char err_path[4200];

static rasd_rc read_file(rasd_actor_lex *lx, const char *path, rasd_tsv_fn fn, rasd_diag *diag) {
  rasd_rc rc = rasd_tsv_read(path, fn, lx, diag);
  if (rc != RASD_OK) { /* diag->source points at path, which the caller may free */
    snprintf(err_path, sizeof err_path, "%.4096s", path);
    diag->source = err_path;
  }
  return rc;
}

void rasd_actor_lex_memo(rasd_actor_lex *lx, const void *owner) {
  rasd_phrase_memo(lx->named, owner, 0);
  rasd_phrase_memo(lx->roles, owner, 1);
  rasd_phrase_memo(lx->nat, owner, 2);
}

rasd_rc rasd_actor_lex_open(const char *dir, const char *const *extra, int nextra, rasd_actor_lex **out,
                            rasd_diag *diag) {
  *out = NULL;
  rasd_actor_lex *lx = rasd_xcalloc(1, sizeof *lx);
  rasd_arena_init(&lx->pool);
  lx->named = rasd_phrase_new();
  lx->roles = rasd_phrase_new();
  lx->nat = rasd_phrase_new();
  rasd_actor_lex_memo(lx, lx);
  lx->patmap = rasd_strmap_new(64);
  lx->baremap = rasd_strmap_new(64);
  lx->sectormap = rasd_strmap_new(32);
  lx->isomap = rasd_strmap_new(128);
  lx->stop = rasd_strmap_new(64);
  lx->loc = rasd_strmap_new(64);
  static const struct {
    const char *file;
    rasd_tsv_fn fn;
  } files[] = {{"nationalities.tsv", on_nat}, {"actor-roles.tsv", on_role}, {"actors.tsv", on_actor}};
  rasd_rc rc = RASD_OK;
  char path[4096];
  for (size_t i = 0; i < sizeof files / sizeof *files && rc == RASD_OK; i++) {
    snprintf(path, sizeof path, "%s/lex/%s", dir ? dir : ".", files[i].file);
    rc = read_file(lx, path, files[i].fn, diag);
  }
  for (int i = 0; i < nextra && rc == RASD_OK; i++) rc = read_file(lx, extra[i], on_actor, diag);
  if (rc == RASD_OK) {
    /* the state patterns rasd_actor_as_state and bare countries need */
    static const char *const need[][2] = {{"GOV", "Government of %s"}, {"MIL", "Military Forces of %s"},
                                          {"COP", "Police Forces of %s"}, {"CVL", "Civilians (%s)"}};
    for (size_t i = 0; i < 4; i++) {
      int32_t p = intern_pat(lx, need[i][1]);
      rasd_strmap_add(lx->sectormap, need[i][0], 3, (uint32_t)p, NULL);
    }
    build_names(lx);
    *out = lx;
  } else
    rasd_actor_lex_free(lx);
  return rc;
}

void rasd_actor_lex_free(rasd_actor_lex *lx) {
  if (!lx) return;
  rasd_phrase_free(lx->named);
  rasd_phrase_free(lx->roles);
  rasd_phrase_free(lx->nat);
  rasd_strmap_free(lx->patmap);
  rasd_strmap_free(lx->baremap);
  rasd_strmap_free(lx->sectormap);
  rasd_strmap_free(lx->isomap);
  rasd_strmap_free(lx->stop);
  rasd_strmap_free(lx->loc);
  free(lx->ents);
  free(lx->nalts);
  free(lx->talts);
  free(lx->nats);
  free(lx->rolev);
  free(lx->pats);
  rasd_arena_free(&lx->pool);
  free(lx);
}

void rasd_actor_lex_counts(const rasd_actor_lex *lx, uint32_t *named, uint32_t *roles, uint32_t *nats,
                           uint32_t *phrases) {
  if (named) *named = lx->n_ents;
  if (roles) *roles = lx->n_rolev;
  if (nats) *nats = lx->n_nats;
  if (phrases) *phrases = lx->nphrases;
}

/* ---- resolution ----------------------------------------------------------------- */

static int where_has(const char *where, const char *cc) {
  for (const char *p = where; *p; p += p[3] ? 4 : 3)
    if (!strncmp(p, cc, 3)) return 1;
  return 0;
}

/* The named row a chain resolves to, -1 for none.  last[] = the last named
** entry per class (NULL: no anaphora). */
static int32_t pick_named(const rasd_actor_lex *lx, const rasd_phrase_hit *h, int32_t day, const char *cc,
                          const int32_t *last) {
  int art = (h->clitics & RASD_CL_ART) != 0;
  uint32_t head = h->value;
  for (int32_t a = (int32_t)head; a >= 0; a = lx->nalts[a].next) {
    const named_ent *e = &lx->ents[lx->nalts[a].item];
    if (!(lx->nalts[a].flags & (art ? NAMED_ART : NAMED_NOART))) continue;
    if (!date_ok(e->from, e->to, day)) continue;
    if (e->anaphor) {
      if (last && last[e->anaphor - 1] >= 0) return last[e->anaphor - 1];
      continue;
    }
    if (e->where && !(cc && where_has(e->where, cc))) continue;
    return (int32_t)lx->nalts[a].item;
  }
  /* nothing fits the day: the nearest row in time that fits the place */
  int32_t best = -1;
  int64_t bd = 0;
  for (int32_t a = (int32_t)head; a >= 0; a = lx->nalts[a].next) {
    const named_ent *e = &lx->ents[lx->nalts[a].item];
    if (!(lx->nalts[a].flags & (art ? NAMED_ART : NAMED_NOART))) continue;
    if (e->anaphor || (e->where && cc && !where_has(e->where, cc))) continue;
    int64_t d = date_dist(e->from, e->to, day);
    if (best < 0 || d < bd) { best = (int32_t)lx->nalts[a].item; bd = d; }
  }
  return best;
}

/* The nationality row of a chain for day, with the union of flags. */
static int32_t pick_nat(const rasd_actor_lex *lx, uint32_t head, int32_t day, uint8_t *flags) {
  int32_t best = -1;
  int64_t bd = 0;
  uint8_t fl = 0;
  for (int32_t a = (int32_t)head; a >= 0; a = lx->talts[a].next) {
    const nat_row *r = &lx->nats[lx->talts[a].item];
    int64_t d = date_dist(r->from, r->to, day);
    fl |= lx->talts[a].flags;
    if (best < 0 || d < bd) { best = (int32_t)lx->talts[a].item; bd = d; }
  }
  if (flags) *flags = fl;
  return best;
}

/* The row of iso3 valid on day (rows of one iso are adjacent). */
static int32_t nat_of_iso(const rasd_actor_lex *lx, const char *iso, int32_t day) {
  uint32_t v;
  if (!iso || strlen(iso) != 3 || !rasd_strmap_get(lx->isomap, iso, 3, &v)) return -1;
  int32_t best = -1;
  int64_t bd = 0;
  for (uint32_t r = v; r < lx->n_nats && !strcmp(lx->nats[r].iso, lx->nats[v].iso); r++) {
    int64_t d = date_dist(lx->nats[r].from, lx->nats[r].to, day);
    if (best < 0 || d < bd) { best = (int32_t)r; bd = d; }
  }
  return best;
}

static const char *composed(const rasd_actor_lex *lx, uint32_t pat, uint32_t row) {
  return lx->names[pat * lx->n_nats + row];
}

/* The country most of the article's resolved places are in, or NULL. */
static const char *article_country(const rasd_doc *d) {
  const char *cc[16];
  uint32_t cnt[16], n = 0;
  for (uint32_t i = 0; i < d->nplaces; i++) {
    const char *c = d->places[i].country;
    if (!c || strlen(c) != 3) continue;
    uint32_t k = 0;
    while (k < n && strcmp(cc[k], c)) k++;
    if (k == n) {
      if (n == 16) continue;
      cc[n] = c;
      cnt[n++] = 0;
    }
    cnt[k]++;
  }
  const char *best = NULL;
  uint32_t bc = 0;
  for (uint32_t k = 0; k < n; k++)
    if (cnt[k] > bc) { bc = cnt[k]; best = cc[k]; }
  return best;
}

static int in_set(const rasd_strmap *m, const rasd_doc *d, uint32_t i) {
  uint32_t n, v;
  const char *k = rasd_tok_key(d, i, &n);
  return rasd_strmap_get(m, k, n, &v);
}

/* A nationality at token j: row and flags, with the hit. */
static int nat_at(const rasd_actor_lex *lx, const rasd_doc *d, uint32_t j, uint32_t end, rasd_phrase_hit *h,
                  int32_t *row, uint8_t *flags) {
  if (!rasd_phrase_match(lx->nat, d, j, end, 0, h)) return 0;
  *row = pick_nat(lx, h->value, d->pub_day, flags);
  return *row >= 0;
}

/* 1 when the first letter after an optional و/ف is ب or ك (a place reading). */
static int place_prep(const rasd_doc *d, uint32_t i, uint8_t clitics) {
  if (!(clitics & RASD_CL_PREP)) return 0;
  uint32_t n;
  const char *k = rasd_tok_key(d, i, &n);
  if ((clitics & RASD_CL_CONJ) && n >= 2) { k += 2; n -= 2; }
  return n >= 2 && (!memcmp(k, "ب", 2) || !memcmp(k, "ك", 2));
}

typedef struct finder {
  const rasd_actor_lex *lx;
  rasd_doc *d;
  uint32_t cap;
  const char *cc;
  uint32_t place_end;           /* end of the last country name read as a place */
  int32_t last[MAX_CLASSES];
} finder;

static void emit(finder *f, uint32_t b, uint32_t e, const char *name, const char *country, const char *sector,
                 int32_t entry, const char *rule) {
  rasd_doc *d = f->d;
  if (d->nactors == f->cap) {
    uint32_t nc = f->cap ? 2 * f->cap : 16;
    d->actors = rasd_arena_grow(d->arena, d->actors, f->cap, nc, sizeof *d->actors);
    f->cap = nc;
  }
  for (uint32_t k = b; k < e && e < d->ntoks; k++) /* ميليشيا "الدفاع الوطني": the closing quote too */
    if (d->toks[k].flags & RASD_TOKF_QUOTE) {
      if (d->toks[e].flags & RASD_TOKF_QUOTE) e++;
      break;
    }
  rasd_actor *a = &d->actors[d->nactors++];
  a->tok_begin = b;
  a->tok_end = e;
  a->start = d->toks[b].start;
  a->end = d->toks[e - 1].end;
  a->entity_name = name;
  a->country = country;
  a->sector = sector;
  a->entry = entry;
  a->rule = rule;
}

static void emit_named(finder *f, uint32_t b, uint32_t e, int32_t idx) {
  const named_ent *n = &f->lx->ents[idx];
  emit(f, b, e, n->name, n->country, n->sector, idx, n->rule);
  for (int c = 0; c < MAX_CLASSES; c++)
    if (n->classes & (1u << c)) f->last[c] = idx;
}

/* A named actor at i resolved for the article: entry or -1, hit in *h. */
static int32_t named_at(const finder *f, uint32_t i, uint32_t end, rasd_phrase_hit *h) {
  if (!rasd_phrase_match(f->lx->named, f->d, i, end, 0, h)) return -1;
  return pick_named(f->lx, h, f->d->pub_day, f->cc, f->last);
}

/* Extend a named actor ending at k over an agreeing nationality (حزب الله
** اللبناني) or a parenthesised repeat (تنظيم الدولة (داعش)). */
static uint32_t extend_named(const finder *f, int32_t idx, uint32_t k, uint32_t end) {
  const rasd_actor_lex *lx = f->lx;
  const rasd_doc *d = f->d;
  const named_ent *n = &lx->ents[idx];
  rasd_phrase_hit h;
  int32_t row;
  uint8_t fl;
  if (k < end && n->country && nat_at(lx, d, k, end, &h, &row, &fl) && (fl & NAT_ADJ) &&
      !(h.clitics & (RASD_CL_PREP | RASD_CL_CONJ)) && !strcmp(lx->nats[row].iso, n->country))
    return h.tok_end;
  if (k + 2 < end && d->toks[k].kind == RASD_TOK_PUNCT && d->text[d->toks[k].start] == '(' &&
      rasd_phrase_match(lx->named, d, k + 1, end, 0, &h) && h.tok_end < end &&
      d->toks[h.tok_end].kind == RASD_TOK_PUNCT && d->text[d->toks[h.tok_end].start] == ')') {
    int32_t o = pick_named(lx, &h, d->pub_day, f->cc, NULL);
    if (o >= 0 && !strcmp(lx->ents[o].name, n->name)) return h.tok_end + 1;
  }
  return k;
}

/* One step of the scan at word token i; returns the next token to look at. */
static uint32_t step(finder *f, uint32_t i, uint32_t begin, uint32_t end) {
  const rasd_actor_lex *lx = f->lx;
  rasd_doc *d = f->d;
  rasd_phrase_hit nh, rh, h;
  int32_t ne = named_at(f, i, end, &nh);
  uint32_t nend = ne >= 0 ? extend_named(f, ne, nh.tok_end, end) : 0;

  int has_role = rasd_phrase_match(lx->roles, d, i, end, 0, &rh);
  int32_t nrow = -1;
  uint32_t cend = 0;
  int absorbed = 0;
  if (has_role) {
    uint32_t j = rh.tok_end;
    int gap = 0;
    while (j < end) {
      const rasd_token *t = &d->toks[j];
      if (t->kind == RASD_TOK_PUNCT && (t->flags & RASD_TOKF_QUOTE)) { j++; continue; }
      if (t->kind != RASD_TOK_WORD) break;
      uint8_t fl;
      int32_t row, ja;
      if (nat_at(lx, d, j, end, &h, &row, &fl)) { /* before namesakes: الجيش السوداني */
        if (!(h.clitics & (RASD_CL_PREP | RASD_CL_CONJ))) { nrow = row; cend = h.tok_end; }
        break;
      }
      ja = named_at(f, j, end, &h);
      if (ja >= 0 && (h.clitics & RASD_CL_CONJ)) break; /* مقاتلي القبائل وميليشيات الحوثي: two actors */
      if (ja >= 0) {
        /* قوات الاحتلال الروسي: a named actor that a nationality of another
        ** country follows is part of the role's phrase */
        const char *jc = lx->ents[ja].country;
        uint32_t k = h.tok_end;
        if (jc && k < end && (int)(k - j) + gap <= 2 && nat_at(lx, d, k, end, &h, &row, &fl) && (fl & NAT_ADJ) &&
            !(h.clitics & (RASD_CL_PREP | RASD_CL_CONJ)) && strcmp(lx->nats[row].iso, jc)) {
          nrow = row;
          cend = h.tok_end;
        } else
          absorbed = 1;
        break;
      }
      if (gap == 2 || in_set(lx->stop, d, j)) break;
      if (rasd_tok_is(d, j, "من")) { /* مسلحون من داعش, but not طائرات المؤن من السعودية */
        if (j + 1 < end && named_at(f, j + 1, end, &h) >= 0 && !(h.clitics & RASD_CL_CONJ)) absorbed = 1;
        break;
      }
      rasd_phrase_hit rr;
      if (rasd_phrase_match(lx->roles, d, j, end, 0, &rr)) break;
      gap++;
      j++;
    }
  }

  if (ne >= 0 && (nrow < 0 || nend >= cend)) {
    emit_named(f, i, nend, ne);
    return nend;
  }
  if (has_role) {
    const role_ent *r = &lx->rolev[rh.value];
    if (nrow >= 0) {
      const nat_row *nr = &lx->nats[nrow];
      emit(f, i, cend, composed(lx, r->pat, (uint32_t)nrow), nr->iso, r->sector, -1, r->rule);
      /* القوات الروسية والتركية: the same role for a conjoined nationality */
      uint32_t k = cend;
      int32_t row;
      uint8_t fl;
      while (k < end && nat_at(lx, d, k, end, &h, &row, &fl) && (fl & NAT_ADJ) && (h.clitics & RASD_CL_CONJ) &&
             !(h.clitics & RASD_CL_PREP)) {
        emit(f, k, h.tok_end, composed(lx, r->pat, (uint32_t)row), lx->nats[row].iso, r->sector, -1, r->rule);
        k = h.tok_end;
      }
      return k;
    }
    int def = (rh.clitics & RASD_CL_ART) != 0;
    /* رجال قبائل مسلحون: "armed" qualifying the actor just before */
    int adj = !strcmp(r->sector, "UAF") && d->nactors && d->actors[d->nactors - 1].tok_end == i;
    if (!absorbed && !adj && r->bare >= 0 && (r->when == WHEN_ANY || (r->when == WHEN_DEF) == def))
      emit(f, i, rh.tok_end, lx->pats[r->bare], NULL, r->sector, -1, r->rule);
    return rh.tok_end;
  }
  /* a bare country name as an actor */
  int32_t row;
  uint8_t fl;
  if (nat_at(lx, d, i, end, &h, &row, &fl) && (fl & ((h.clitics & RASD_CL_ART) ? NAT_STATE_ART : NAT_STATE_NOART)) &&
      !place_prep(d, i, h.clitics)) {
    int ok = 1;
    if (i == f->place_end && (h.clitics & RASD_CL_CONJ)) ok = 0; /* في سوريا والعراق */
    else if (i == begin && h.tok_end < end && d->toks[h.tok_end].kind == RASD_TOK_PUNCT &&
             !(d->toks[h.tok_end].flags & RASD_TOKF_QUOTE))
      ok = 0; /* a dateline: "الرياض - ..." */
    else if (i > begin && d->toks[i - 1].kind == RASD_TOK_WORD) {
      uint32_t pn;
      const char *pk = rasd_tok_key(d, i - 1, &pn);
      if (in_set(lx->loc, d, i - 1)) ok = 0;
      /* السعودية after a definite noun is its adjective (وكالة الأنباء السعودية) */
      else if ((fl & NAT_ADJ) && !(h.clitics & RASD_CL_CONJ) && pn > 4 && !memcmp(pk, "ال", 4)) ok = 0;
    }
    if (!ok) f->place_end = h.tok_end;
    if (ok) {
      uint32_t gp;
      rasd_strmap_get(lx->sectormap, "GOV", 3, &gp);
      emit(f, i, h.tok_end, composed(lx, gp, (uint32_t)row), lx->nats[row].iso, "GOV", -1,
           lx->nats[row].state_rule);
    }
    return h.tok_end;
  }
  return i + 1;
}

void rasd_actor_find(const rasd_actor_lex *lx, rasd_doc *doc) {
  finder f;
  memset(&f, 0, sizeof f);
  f.lx = lx;
  f.d = doc;
  f.cc = article_country(doc);
  for (int c = 0; c < MAX_CLASSES; c++) f.last[c] = -1;
  doc->actors = NULL;
  doc->nactors = 0;
  for (uint32_t s = 0; s < doc->nsents; s++) {
    uint32_t b = doc->sents[s].tok_begin, e = doc->sents[s].tok_end;
    if (e > doc->ntoks) e = doc->ntoks;
    for (uint32_t i = b; i < e;) {
      if (doc->toks[i].kind != RASD_TOK_WORD) { i++; continue; }
      uint32_t nx = step(&f, i, b, e);
      i = nx > i ? nx : i + 1;
    }
  }
}

/* ---- helpers for the event coder ------------------------------------------------ */

int rasd_actor_is_state(const rasd_actor *a) {
  if (!a->rule) return 0;
  size_t n = strlen(a->rule);
  return n > 6 && !strcmp(a->rule + n - 6, " state");
}

int rasd_actor_set_country(const rasd_actor_lex *lx, rasd_actor *a, const char *iso3, int32_t day) {
  if (a->country || !iso3) return 0;
  int32_t row = nat_of_iso(lx, iso3, day);
  a->country = row >= 0 ? lx->nats[row].iso : iso3;
  uint32_t pat;
  if (a->entry < 0 && row >= 0 && a->entity_name &&
      rasd_strmap_get(lx->baremap, a->entity_name, strlen(a->entity_name), &pat))
    a->entity_name = composed(lx, pat, (uint32_t)row);
  return 1;
}

int rasd_actor_as_state(const rasd_actor_lex *lx, const char *iso3, const char *sector, int32_t day,
                        rasd_actor *a) {
  uint32_t pat;
  int32_t row = nat_of_iso(lx, iso3, day);
  if (row < 0 || !sector || !rasd_strmap_get(lx->sectormap, sector, strlen(sector), &pat)) return 0;
  const char *sec = NULL; /* the lexicon's copy of the sector string */
  for (uint32_t r = 0; r < lx->n_rolev && !sec; r++)
    if (!strcmp(lx->rolev[r].sector, sector)) sec = lx->rolev[r].sector;
  if (!sec) return 0;
  a->sector = sec;
  a->entity_name = composed(lx, pat, (uint32_t)row);
  a->country = lx->nats[row].iso;
  return 1;
}

int rasd_actor_redate(const rasd_actor_lex *lx, const rasd_doc *doc, rasd_actor *a, int32_t day) {
  rasd_phrase_hit h;
  if (a->entry < 0) {
    if (!a->country || !a->entity_name) return 0;
    /* a composed state name: the same pattern for the state's row on `day` */
    int32_t now = nat_of_iso(lx, a->country, day);
    if (now < 0) return 0;
    for (uint32_t p = 0; p < lx->n_pats; p++)
      for (uint32_t r = 0; r < lx->n_nats; r++)
        if (composed(lx, p, r) == a->entity_name) {
          const char *nn = composed(lx, p, (uint32_t)now);
          if (nn == a->entity_name) return 0;
          a->entity_name = nn;
          return 1;
        }
    return 0;
  }
  if (a->tok_begin >= doc->ntoks) return 0;
  uint32_t end = doc->sents[doc->toks[a->tok_begin].sent].tok_end;
  if (!rasd_phrase_match(lx->named, doc, a->tok_begin, end, 0, &h)) return 0;
  int32_t e = pick_named(lx, &h, day, article_country(doc), NULL);
  if (e < 0 || e == a->entry) return 0;
  const named_ent *n = &lx->ents[e];
  if (n->anaphor) return 0;
  a->entity_name = n->name;
  a->country = n->country;
  a->sector = n->sector;
  a->entry = e;
  a->rule = n->rule;
  return 1;
}
