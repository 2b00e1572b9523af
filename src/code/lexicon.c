/*
** code/lexicon.c -- loading the coder's lexicons: actors (actor.c) plus the
** trigger and cue tables (data/lex/triggers.tsv, data/lex/cues.tsv).
**
** Extra files given with --lexicon are told apart by name: a file whose
** name contains "trigger" is read as a trigger table, one whose name
** contains "cue" as a cue table, any other as an actor lexicon (see
** docs/FORMAT.md, "Lexicons").  Rows are checked as they are read; a bad
** one fails with LEXICON and the diagnostic names FILE:LINE.  The built
** lexicon is read-only, so threads share it.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/tsv.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "evt.h"

static char failed_path[1024]; /* the diagnostic's file name outlives the lexicon */

static const char *own(rasd_lex *lx, const char *s) {
  if (!s) return NULL;
  if (lx->nstrs == lx->cap_strs) {
    lx->cap_strs = lx->cap_strs ? lx->cap_strs * 2 : 256;
    lx->strs = rasd_xrealloc(lx->strs, lx->cap_strs * sizeof *lx->strs);
  }
  return lx->strs[lx->nstrs++] = rasd_xstrndup(s, strlen(s));
}

static const char *ownf(rasd_lex *lx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *ownf(rasd_lex *lx, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return own(lx, buf);
}

static const char *dash(rasd_lex *lx, const char *s) { return (!s || !*s || !strcmp(s, "-")) ? NULL : own(lx, s); }

static const char *const categories[] = {"AGREE",    "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
                                         "RETREAT",  "REQUEST", "ACCUSE",   "REJECT",   "THREATEN",  "PROTEST",
                                         "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};

static const char *category(const char *s) {
  for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
    if (!strcmp(s, categories[i])) return categories[i];
  return NULL;
}

static const struct {
  const char *name;
  uint32_t flag;
} tflags[] = {{"verb", RASD__TF_VERB},     {"noun", RASD__TF_NOUN},         {"stem", RASD__TF_STEM},
              {"weak", RASD__TF_WEAK},     {"plural", RASD__TF_PLURAL},     {"obj", RASD__TF_OBJ},
              {"dead", RASD__TF_DEAD},     {"injured", RASD__TF_INJURED},   {"arrested", RASD__TF_ARRESTED},
              {"passive", RASD__TF_PASSIVE}, {"speech", RASD__TF_SPEECH},   {"trend", RASD__TF_TREND},
              {"auto", RASD__TF_AUTO},
              {"perfect", RASD__TF_PERFECT}, {"exec", RASD__TF_EXEC}};

/* Split s on ';' or ',' into out (max n), owned by lx. */
static int split_list(rasd_lex *lx, const char *s, const char **out, int n, char sep) {
  int k = 0;
  if (!s || !*s || !strcmp(s, "-")) return 0;
  while (*s && k < n) {
    const char *e = strchr(s, sep);
    size_t len = e ? (size_t)(e - s) : strlen(s);
    char buf[128];
    if (len && len < sizeof buf) {
      memcpy(buf, s, len);
      buf[len] = 0;
      out[k++] = own(lx, buf);
    }
    if (!e) break;
    s = e + 1;
  }
  return k;
}

/* ---- triggers.tsv: PHRASE CATEGORY MODES ACLED_TYPE ACLED_SUBTYPE FLAGS */
static int trig_row(void *ctx, char **f, int nf, const char *file, long line, rasd_diag *diag) {
  rasd_lex *lx = ctx;
  if (nf < 6) {
    snprintf(diag->msg, sizeof diag->msg, "trigger row needs 6 tab-separated fields (phrase, category, modes, "
                                          "ACLED type, ACLED sub-type, flags), found %d", nf);
    return 1;
  }
  const char *cat = category(f[1]);
  if (!cat) {
    snprintf(diag->msg, sizeof diag->msg, "unknown PLOVER category '%.64s'", f[1]);
    return 1;
  }
  if ((strcmp(f[3], "-") == 0) != (strcmp(f[4], "-") == 0)) {
    snprintf(diag->msg, sizeof diag->msg, "ACLED type and sub-type must both be given or both be '-'");
    return 1;
  }
  rasd__trig t;
  memset(&t, 0, sizeof t);
  const char *fl[16];
  char flagbuf[256];
  snprintf(flagbuf, sizeof flagbuf, "%s", f[5]);
  int nfl = split_list(lx, flagbuf, fl, 16, ',');
  for (int i = 0; i < nfl; i++) {
    size_t j;
    for (j = 0; j < sizeof tflags / sizeof *tflags; j++)
      if (!strcmp(fl[i], tflags[j].name)) break;
    if (j == sizeof tflags / sizeof *tflags) {
      snprintf(diag->msg, sizeof diag->msg, "unknown trigger flag '%.64s'", fl[i]);
      return 1;
    }
    t.flags |= tflags[j].flag;
  }
  t.phrase = own(lx, f[0]);
  t.cat = cat;
  split_list(lx, f[2], t.mode, RASD_MAX_MODES, ';');
  t.acled_type = dash(lx, f[3]);
  t.acled_sub = dash(lx, f[4]);
  const char *base = strrchr(file, '/');
  t.explain = ownf(lx, "trigger %s:%ld %s -> %s", base ? base + 1 : file, line, f[0], cat);
  if (lx->ntrig == lx->cap_trig) {
    lx->cap_trig = lx->cap_trig ? lx->cap_trig * 2 : 256;
    lx->trig = rasd_xrealloc(lx->trig, lx->cap_trig * sizeof *lx->trig);
  }
  uint32_t row = lx->ntrig;
  uint32_t old;
  int r = rasd_phrase_add(lx->trig_phr, f[0], strlen(f[0]), row, &old);
  if (r == 0) {
    snprintf(diag->msg, sizeof diag->msg, "empty or too long trigger phrase");
    return 1;
  }
  if (r < 0) { /* a later file overrides an earlier row of the same phrase */
    lx->trig[old] = t;
    return 0;
  }
  lx->trig[lx->ntrig++] = t;
  if ((t.flags & RASD__TF_STEM) && !strchr(f[0], ' ')) {
    char key[512], stem[600];
    size_t n = strlen(f[0]);
    if (n < 200) {
      size_t kn = rasd_uni_key(f[0], n, key);
      size_t sn = rasd_stem_key(key, kn, stem);
      if (sn >= 6) rasd_strmap_put(lx->trig_stem, stem, sn, row); /* >= 3 Arabic letters */
    }
  }
  return 0;
}

/* ---- cues.tsv: PHRASE KIND [MODE ACLED_TYPE ACLED_SUBTYPE] ---------- */
static const char *const cue_kinds[RASD__CUE_KINDS] = {
    NULL, "neg", "future", "hypo", "deny", "plan", "govern", "generic", "speech", "bg", "recent", "milobj",
    "agent", "target", "mode", "civil", "cont", "source", "ref", "accident", "judicial", "mtarget"};

static int cue_row(void *ctx, char **f, int nf, const char *file, long line, rasd_diag *diag) {
  rasd_lex *lx = ctx;
  if (nf < 2) {
    snprintf(diag->msg, sizeof diag->msg, "cue row needs at least 2 fields (phrase, kind)");
    return 1;
  }
  int kind = 0;
  for (int k = 1; k < RASD__CUE_KINDS; k++)
    if (!strcmp(f[1], cue_kinds[k])) kind = k;
  if (!kind) {
    snprintf(diag->msg, sizeof diag->msg, "unknown cue kind '%.64s'", f[1]);
    return 1;
  }
  if (kind == RASD__CUE_MODE && nf < 5) {
    snprintf(diag->msg, sizeof diag->msg, "a mode cue needs 5 fields (phrase, mode, PLOVER mode, ACLED type, sub-type)");
    return 1;
  }
  rasd__cue c;
  memset(&c, 0, sizeof c);
  c.phrase = own(lx, f[0]);
  c.kind = (uint8_t)kind;
  if (kind == RASD__CUE_MODE) {
    c.mode = dash(lx, f[2]);
    c.acled_type = dash(lx, f[3]);
    c.acled_sub = dash(lx, f[4]);
  }
  const char *base = strrchr(file, '/');
  c.explain = ownf(lx, "cue %s:%ld %s (%s)", base ? base + 1 : file, line, f[0], f[1]);
  if (lx->ncue == lx->cap_cue) {
    lx->cap_cue = lx->cap_cue ? lx->cap_cue * 2 : 256;
    lx->cue = rasd_xrealloc(lx->cue, lx->cap_cue * sizeof *lx->cue);
  }
  uint32_t old;
  int r = rasd_phrase_add(lx->cue_phr, f[0], strlen(f[0]), lx->ncue, &old);
  if (r == 0) {
    snprintf(diag->msg, sizeof diag->msg, "empty or too long cue phrase");
    return 1;
  }
  if (r < 0) {
    lx->cue[old] = c;
    return 0;
  }
  lx->cue[lx->ncue++] = c;
  return 0;
}

static rasd_rc read_file(const char *path, rasd_tsv_fn fn, rasd_lex *lx, rasd_diag *diag) {
  snprintf(failed_path, sizeof failed_path, "%s", path);
  rasd_rc rc = rasd_tsv_read(failed_path, fn, lx, diag);
  if (rc != RASD_OK) diag->source = failed_path;
  return rc;
}

static int name_has(const char *path, const char *word) {
  const char *base = strrchr(path, '/');
  return strstr(base ? base + 1 : path, word) != NULL;
}

rasd_rc rasd_lex_open(const char *dir, const char *const *extra, int nextra, rasd_lex **out, rasd_diag *diag) {
  *out = NULL;
  rasd_lex *lx = rasd_xcalloc(1, sizeof *lx);
  lx->trig_phr = rasd_phrase_new();
  lx->cue_phr = rasd_phrase_new();
  lx->trig_stem = rasd_strmap_new(256);
  /* actor files among the extras */
  const char **actor_extra = rasd_xcalloc((size_t)nextra + 1, sizeof *actor_extra);
  int nactor = 0;
  for (int i = 0; i < nextra; i++)
    if (!name_has(extra[i], "trigger") && !name_has(extra[i], "cue")) actor_extra[nactor++] = extra[i];
  rasd_rc rc = rasd_actor_lex_open(dir, actor_extra, nactor, &lx->actors, diag);
  free(actor_extra);
  /* one owner for the word-cache memo of all five phrase lexicons */
  if (rc == RASD_OK) rasd_actor_lex_memo(lx->actors, lx);
  rasd_phrase_memo(lx->trig_phr, lx, 3);
  rasd_phrase_memo(lx->cue_phr, lx, 4);
  char path[1024];
  if (rc == RASD_OK) {
    snprintf(path, sizeof path, "%s/lex/triggers.tsv", dir);
    rc = read_file(path, trig_row, lx, diag);
  }
  if (rc == RASD_OK) {
    snprintf(path, sizeof path, "%s/lex/cues.tsv", dir);
    rc = read_file(path, cue_row, lx, diag);
  }
  for (int i = 0; rc == RASD_OK && i < nextra; i++) {
    if (name_has(extra[i], "trigger")) rc = read_file(extra[i], trig_row, lx, diag);
    else if (name_has(extra[i], "cue")) rc = read_file(extra[i], cue_row, lx, diag);
  }
  if (rc != RASD_OK) {
    rasd_lex_free(lx);
    return rc;
  }
  *out = lx;
  return RASD_OK;
}

void rasd_lex_free(rasd_lex *lx) {
  if (!lx) return;
  if (lx->actors) rasd_actor_lex_free(lx->actors);
  rasd_phrase_free(lx->trig_phr);
  rasd_phrase_free(lx->cue_phr);
  rasd_strmap_free(lx->trig_stem);
  for (uint32_t i = 0; i < lx->nstrs; i++) free(lx->strs[i]);
  free(lx->strs);
  free(lx->trig);
  free(lx->cue);
  free(lx);
}
