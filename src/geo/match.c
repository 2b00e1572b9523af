/*
** geo/match.c -- finding place mentions in a document and resolving them
** against the gazetteer (rasd_geo_find).
**
** 1. Match: at each word, every clitic reading (وبالبوكمال -> بوكمال) is
**    looked up in the first-word hash; the group's names (longest first)
**    are compared word by word with the following tokens.  A reading glued
**    to the next word is tried too (البو كمال -> البوكمال).  O(1) per token,
**    nothing allocated per token.
** 2. Context: cue words before a mention (مدينة، ريف، محافظة...), person
**    titles (السيد، أبو...) that cancel it, coordination (مدينتي X وY)
**    that shares a cue.
** 3. Evidence: a common-word or very short/ambiguous name counts only with a
**    cue or a confident place within 150 km in the same article.
** 4. Resolution: same-name candidates are scored on the article's country
**    votes, distance to the other places, the admin1 named, the kind the
**    cue asks for, capital/seat status and population (two passes).
** 5. Unknown names after a cue ("قرية X", المناطق منها "X") are reported
**    unresolved (entry -1), not dropped.
** All per-document memory comes from doc->arena.
*/
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/strmap.h"
#include "../text/text.h"
#include "../text/uni.h"
#include "../text/words.h"
#include "gaz_format.h"

#define MAXC 12 /* candidates kept per mention */

enum { CUE_NONE = 0, CUE_TOWN, CUE_DIST, CUE_ADMIN, CUE_NEAR, CUE_AREA };

typedef struct mention {
  uint32_t tb, te;       /* tokens of the name */
  uint32_t sb;           /* first token of the span (cue included when it qualifies the place) */
  uint32_t start_skip;   /* bytes of proclitics to skip at the start of token sb */
  uint32_t te_span;      /* end token of the span (direction adjective included) */
  int nc;
  int32_t cand[MAXC];
  uint8_t cue, inherited, weak, strong, prep, country, drop, person, nwords, stripped;
  uint8_t dir;           /* followed by a direction adjective (الشرقي...) */
  uint8_t common;        /* a common word: evidence must be close (same sentence, coordinated) */
  int32_t chosen;
} mention;

/* ---- word lists (folded keys: ة->ه ى->ي أإآ->ا) ---------------------------- */
typedef struct word { const char *w; uint32_t n; } word;
#define W(s) {s, sizeof(s) - 1}
typedef struct cue_word { const char *w; uint32_t n; uint8_t type; } cue_word;
static const cue_word cues[] = {
    {"مدينه", sizeof("مدينه") - 1, CUE_TOWN}, {"مدينتي", sizeof("مدينتي") - 1, CUE_TOWN}, {"مدن", sizeof("مدن") - 1, CUE_TOWN}, {"بلده", sizeof("بلده") - 1, CUE_TOWN}, {"بلدتي", sizeof("بلدتي") - 1, CUE_TOWN},
    {"بلدات", sizeof("بلدات") - 1, CUE_TOWN}, {"قريه", sizeof("قريه") - 1, CUE_TOWN}, {"قريتي", sizeof("قريتي") - 1, CUE_TOWN}, {"قري", sizeof("قري") - 1, CUE_TOWN}, {"حي", sizeof("حي") - 1, CUE_TOWN},
    {"حيي", sizeof("حيي") - 1, CUE_TOWN}, {"احياء", sizeof("احياء") - 1, CUE_TOWN}, {"مخيم", sizeof("مخيم") - 1, CUE_TOWN}, {"مخيمي", sizeof("مخيمي") - 1, CUE_TOWN}, {"ضاحيه", sizeof("ضاحيه") - 1, CUE_TOWN},
    {"عاصمه", sizeof("عاصمه") - 1, CUE_TOWN}, {"مطار", sizeof("مطار") - 1, CUE_TOWN}, {"ميناء", sizeof("ميناء") - 1, CUE_TOWN}, {"مرفا", sizeof("مرفا") - 1, CUE_TOWN},
    {"ناحيه", sizeof("ناحيه") - 1, CUE_DIST}, {"نواحي", sizeof("نواحي") - 1, CUE_DIST}, {"قضاء", sizeof("قضاء") - 1, CUE_DIST}, {"مديريه", sizeof("مديريه") - 1, CUE_DIST}, {"مديريتي", sizeof("مديريتي") - 1, CUE_DIST},
    {"مديريات", sizeof("مديريات") - 1, CUE_DIST}, {"منطقه", sizeof("منطقه") - 1, CUE_AREA}, {"مناطق", sizeof("مناطق") - 1, CUE_AREA}, {"محافظه", sizeof("محافظه") - 1, CUE_ADMIN},
    {"محافظتي", sizeof("محافظتي") - 1, CUE_ADMIN}, {"محافظات", sizeof("محافظات") - 1, CUE_ADMIN}, {"ولايه", sizeof("ولايه") - 1, CUE_ADMIN}, {"ولايتي", sizeof("ولايتي") - 1, CUE_ADMIN},
    {"اقليم", sizeof("اقليم") - 1, CUE_ADMIN}, {"مقاطعه", sizeof("مقاطعه") - 1, CUE_ADMIN}, {"ريف", sizeof("ريف") - 1, CUE_NEAR}, {"ارياف", sizeof("ارياف") - 1, CUE_NEAR}, {"ضواحي", sizeof("ضواحي") - 1, CUE_NEAR},
    {"اطراف", sizeof("اطراف") - 1, CUE_NEAR}, {"محيط", sizeof("محيط") - 1, CUE_NEAR}, {"قرب", sizeof("قرب") - 1, CUE_NEAR}, {"مشارف", sizeof("مشارف") - 1, CUE_NEAR}, {"باديه", sizeof("باديه") - 1, CUE_NEAR},
    {"شرق", sizeof("شرق") - 1, CUE_NEAR}, {"شرقي", sizeof("شرقي") - 1, CUE_NEAR}, {"غرب", sizeof("غرب") - 1, CUE_NEAR}, {"غربي", sizeof("غربي") - 1, CUE_NEAR}, {"شمال", sizeof("شمال") - 1, CUE_NEAR},
    {"شمالي", sizeof("شمالي") - 1, CUE_NEAR}, {"جنوب", sizeof("جنوب") - 1, CUE_NEAR}, {"جنوبي", sizeof("جنوبي") - 1, CUE_NEAR}, {"جوار", sizeof("جوار") - 1, CUE_NEAR}, {"تخوم", sizeof("تخوم") - 1, CUE_NEAR},
};
static const word preps[] = {W("في"), W("من"), W("الي"), W("الى"), W("عند"), W("نحو"), W("باتجاه"), W("حتي"), W("داخل"), W("قرب"), W("علي"), W("عن"), {NULL, 0}};
static const word titles[] = {W("سيد"), W("السيد"), W("رئيس"), W("الرئيس"), W("شيخ"), W("الشيخ"), W("ابن"), W("بن"), W("ابو"), W("ابي"), W("ام"), W("ملك"), W("الملك"), W("امير"), W("الامير"), W("اميره"), W("الاميره"), W("دكتور"), W("الدكتور"), W("د"), W("لواء"), W("اللواء"), W("عميد"), W("العميد"), W("عقيد"), W("العقيد"), W("وزير"), W("الوزير"), W("نائب"), W("النائب"), W("قائد"), W("القائد"), W("زعيم"), W("الزعيم"), W("مواطن"), W("المواطن"), W("شاب"), W("الشاب"), W("طفل"), W("الطفل"), W("شهيد"), W("الشهيد"), W("حاج"), W("الحاج"), W("مدعو"), W("المدعو"), W("عائله"), W("ال"), W("السيده"), W("الفنان"), W("الفنانه"), W("الكاتب"), W("الشاعر"), W("الصحفي"), W("الاستاذ"), W("المهندس"), W("المحامي"), W("الامام"), W("النقيب"), W("الرائد"), W("المقدم"), W("العقيد"), W("الفريق"), W("المشير"), W("الجنرال"), W("اسم"), W("الطالب"), W("الطالبه"), W("الناشط"), W("الناشطه"), W("اخيه"), W("اخوه"), W("والده"), W("نجل"), W("الداعيه"), W("العلامه"), W("المفتي"), W("سماحه"), W("فضيله"), W("اللاعب"), W("المدرب"), W("الكابتن"), W("مقاتلي"), W("عناصر"), W("ميليشيا"), W("كتائب"), W("لواء"), W("جيش"), W("فيلق"), W("حركه"), W("قبيله"), W("عشيره"), {NULL, 0}};
static const word after_person[] = {W("بن"), W("ابن"), W("بنت"), {NULL, 0}};
static const word directions[] = {W("الشرقي"), W("الغربي"), W("الشمالي"), W("الجنوبي"), W("الشرقيه"), W("الغربيه"), W("الشماليه"), W("الجنوبيه"), W("الاوسط"), W("الشمالي الشرقي"), {NULL, 0}};
/* first words of two-word toponyms (for unknown names after a cue) */
static const word heads[] = {W("تل"), W("عين"), W("دير"), W("كفر"), W("بيت"), W("جبل"), W("وادي"), W("راس"), W("ابو"), W("ام"), W("بئر"), W("خربه"), W("قصر"), W("مزرعه"), W("حمام"), W("سد"), W("جسر"), W("باب"), W("بني"), W("بير"), W("تله"), {NULL, 0}};
/* words after a cue that are not names */
static const word not_names[] = {W("كبيره"), W("صغيره"), W("جديده"), W("اخري"), W("قديمه"), W("واحده"), W("سكنيه"), W("عسكريه"), W("حدوديه"), W("اخر"), W("كبير"), W("صغير"), W("جديد"), W("واحد"), W("سكني"), W("عسكري"), W("حدودي"), W("ما"), W("من"), W("في"), W("الي"), W("علي"), W("عن"), W("مع"), W("بين"), W("كل"), W("تلك"), W("هذه"), W("هذا"), W("ذلك"), W("التي"), W("الذي"), W("او"), W("و"), W("ثم"), W("قد"), W("لا"), W("لم"), W("لن"), W("غير"), W("اي"), W("بعض"), W("عده"), W("عدد"), W("عدة"), W("ساحليه"), W("زراعيه"), W("صناعيه"), W("نائيه"), W("مجاوره"), W("محاذيه"), W("قريبه"), W("بعيده"), W("مختلفه"), W("متفرقه"), W("عديده"), W("لها"), W("له"), W("ذات"), W("ايام"), W("فتره"), W("وجود"), W("اليورو"), W("الخليج"), W("العالم"), W("الذكري"), W("النازحين"), W("اللاجئين"), W("المهجرين"), W("الشهداء"), W("الطفل"), W("العيد"), W("السياحه"), W("الثقافه"), W("الجوازات"), W("الامير"), W("يوم"), W("وقت"), W("يوجد"), W("الكثير"), W("الاخرين"), W("رجال"), W("الملاهي"), W("الالعاب"), W("المعارض"), W("الانتاج"), W("الشباب"), W("العمال"), W("الحجاج"), W("الحرفيين"), W("الصناعيه"), W("الرياضيه"), W("الجامعيه"), W("الطبيه"), W("الاعلام"), W("الانترنت"), W("الترفيه"), W("داعش"), W("التنظيم"), W("المركب"), W("النمط"), W("مناظر"), W("الاوقات"), W("الفرات"), W("الدفاع"), W("الله"), W("ابن"), W("الشؤون"), W("الشئون"), W("الراحه"), W("الحياه"), W("العاصمه"), W("جميع"), W("رسول"), W("شعائر"), W("السور"), W("عهد"), W("العهد"), W("المنار"), W("الشرائع"), W("التوثيق"), W("الاجازه"), W("اخري"), W("ثانيه"), W("ثالثه"), W("كثيره"), W("امنه"), W("خاليه"), W("تابعه"), W("واسعه"), W("شاسعه"), W("استراتيجيه"), W("حيويه"), W("مهمه"), W("المدينه"), W("القريه"), W("البلده"), W("المنطقه"), W("السيطره"), W("العمليات"), W("الاشتباكات"), W("المعارك"), W("الحدود"), W("الاشتباك"), W("النزاع"), W("الصراع"), W("النفوذ"), W("التماس"), W("العمليه"), W("الحرب"), W("القتال"), W("المواجهات"), W("منها"), W("بينها"), W("مثل"), W("منهم"), W("تقع"), W("يقع"), W("تضم"), W("يسيطر"), W("تسيطر"), W("الخضراء"), W("الحمراء"), W("الصناعيه"), W("الحره"), W("الامنه"), W("العازله"), W("المحرره"), W("المحاصره"), W("الساخنه"), W("المحيطه"), W("المجاوره"), W("القريبه"), W("الشرقيه"), W("الغربيه"), W("الشماليه"), W("الجنوبيه"), W("الوسطي"), W("العربيه"), W("الاسلاميه"), W("مدنيه"), W("عربيه"), {NULL, 0}};
/* first words that are written apart or glued to the next (البو كمال / البوكمال) */
static const word glue_heads[] = {W("ابو"), W("بو"), W("البو"), W("ام"), W("عين"), W("بني"), W("بيت"), W("دير"), W("تل"), W("كفر"), W("راس"), W("عبد"), W("ابي"), W("بير"), W("بئر"), {NULL, 0}};
/* words allowed between an area word and a quoted name: المناطق منها "X" */
static const word fillers[] = {W("منها"), W("ومنها"), W("بينها"), W("من"), W("مثل"), W("هي"), W("وهي"), W("ابرزها"), W("اهمها"), W("تدعي"), W("يدعي"), W("تسمي"), W("يسمي"), W("باسم"), {NULL, 0}};
static const word area_heads[] = {W("منطقه"), W("مناطق"), W("مواقع"), W("نقاط"), W("قري"), W("بلدات"), W("احياء"), W("قريه"), W("بلده"), W("حي"), W("مدينه"), W("مخيم"), W("ناحيه"), W("منها"), W("بينها"), W("مثل"), {NULL, 0}};

/* The lists as one map, built once: word -> a bit for each list it is in.
** A token's key and readings come with their strmap hashes
** (rasd_tok_forms_ref), so a membership test is one probe.  cue_map: cue
** word -> type. */
enum { S_PREPS, S_TITLES, S_AFTER_PERSON, S_DIRECTIONS, S_HEADS, S_NOT_NAMES, S_GLUE_HEADS, S_FILLERS, S_AREA_HEADS, NSETS };
static const word *const set_lists[NSETS] = {preps, titles, after_person, directions, heads, not_names, glue_heads, fillers, area_heads};
static rasd_strmap *set_bits, *cue_map; /* word -> the sets it is in, one bit each */
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;
static void sets_build(void) {
  set_bits = rasd_strmap_new(512);
  for (int s = 0; s < NSETS; s++)
    for (int i = 0; set_lists[s][i].w; i++) {
      uint32_t b = 0;
      rasd_strmap_get(set_bits, set_lists[s][i].w, set_lists[s][i].n, &b);
      rasd_strmap_put(set_bits, set_lists[s][i].w, set_lists[s][i].n, b | 1u << s);
    }
  cue_map = rasd_strmap_new(64);
  for (size_t c = sizeof cues / sizeof *cues; c-- > 0;) rasd_strmap_put(cue_map, cues[c].w, cues[c].n, cues[c].type); /* first wins */
}

static int in_set(const char *p, uint32_t n, uint64_t h, int set) {
  uint32_t b;
  return rasd_strmap_get_h(set_bits, p, n, h, &b) && (b >> set & 1);
}
static int tok_is_min(const rasd_doc *d, uint32_t i) { return rasd_tok_is(d, i, "من"); }

/* Cue type of token i (any proclitic reading), 0 if none; *art: the cue had the article. */
static int cue_scan(const rasd_doc *d, uint32_t i, int *art) {
  if (d->toks[i].kind != RASD_TOK_WORD) return 0;
  int nf;
  const uint64_t *h;
  const rasd_form *f = rasd_tok_forms_ref(d, i, &nf, &h);
  for (int k = 0; k < nf; k++) {
    if (f[k].clitics & RASD_CL_ENC) continue;
    uint32_t type;
    if (!rasd_strmap_get_h(cue_map, f[k].p, f[k].n, h[k], &type)) continue;
    /* a cue is a noun in construct: مدينة X, not المدينة X (but بالقرب من X) */
    if ((f[k].clitics & RASD_CL_ART) && !(f[k].n == sizeof "قرب" - 1 && !memcmp(f[k].p, "قرب", f[k].n))) continue;
    if (art) *art = (f[k].clitics & RASD_CL_ART) != 0;
    return (int)type;
  }
  return 0;
}

/* 1 when token i is written with tanween (دوماً، معانٍ): an indefinite noun or
** adverb, not a place name. */
static int tanween_scan(const rasd_doc *d, uint32_t i) {
  /* in UTF-8: U+064B..U+064D are D9 8B..8D, U+FE70..U+FE75 are EF B9 B0..B5 */
  const rasd_token *t = &d->toks[i];
  if (!(t->flags & RASD_TOKF_MARKS)) return 0;
  const unsigned char *p = (const unsigned char *)d->text;
  for (uint32_t q = t->start; q + 1 < t->end; q++) {
    if (p[q] == 0xD9 && p[q + 1] >= 0x8B && p[q + 1] <= 0x8D) return 1;
    if (p[q] == 0xEF && q + 2 < t->end && p[q + 1] == 0xB9 && p[q + 2] >= 0xB0 && p[q + 2] <= 0xB5) return 1;
  }
  return 0;
}

/* What the stage asks of every token -- written with tanween?  a cue word
** (and with the article)?  in which word sets?  could it start a place name
** (a reading names a gazetteer group or is a glue head)? -- depends on its
** spelling alone, so the answers are kept with the word in the thread's
** word cache (text/words.h), for this gazetteer. */
enum { GB_DONE = 1u, GB_CAND = 2u, GB_TANWEEN = 4u, GB_ART = 8u };
#define GB_CUE(b) ((int)(((b) >> 4) & 7u))
#define GB_SET(s) (1u << (8 + (s)))
static uint32_t geo_bits_of(const rasd_gaz *g, const rasd_doc *d, uint32_t i) {
  uint32_t b = GB_DONE;
  if (tanween_scan(d, i)) b |= GB_TANWEEN;
  int art = 0, c = cue_scan(d, i, &art);
  b |= (uint32_t)c << 4 | (art ? GB_ART : 0);
  int nf;
  const uint64_t *h;
  const rasd_form *f = rasd_tok_forms_ref(d, i, &nf, &h);
  uint32_t in = 0;
  if (rasd_strmap_get_h(set_bits, f[0].p, f[0].n, h[0], &in)) b |= GB_SET(0) * in;
  if (d->toks[i].kind == RASD_TOK_WORD)
    for (int k = 0; k < nf && !(b & GB_CAND); k++)
      if (!(f[k].clitics & RASD_CL_ENC) &&
          (rasd__gaz_group_h(g, f[k].p, f[k].n, h[k]) || in_set(f[k].p, f[k].n, h[k], S_GLUE_HEADS)))
        b |= GB_CAND;
  return b;
}
/* Every token's bits, kept in the token (rasd_token.memo): the copy it took
** from the word cache when it was tokenized (if made for this gazetteer),
** else worked out and left in the cache for the next document. */
static void geo_bits_all(const rasd_gaz *g, rasd_doc *d) {
  int own = rasd_words_memo_own(d, RASD_WMEMO_GEO, g);
  if (d->wmemo_owner != g) { /* the copies answer for another gazetteer */
    for (uint32_t i = 0; i < d->ntoks; i++) d->toks[i].memo = 0;
    d->wmemo_owner = g;
  }
  for (uint32_t i = 0; i < d->ntoks; i++) {
    if (d->toks[i].memo) continue;
    uint32_t *m = own ? rasd_tok_memo(d, i, RASD_WMEMO_GEO) : NULL;
    if (m && !*m) *m = geo_bits_of(g, d, i);
    d->toks[i].memo = m ? *m : geo_bits_of(g, d, i);
  }
}
#define GB(i) (d->toks[(i)].memo)
static int tok_in(const rasd_doc *d, uint32_t i, int set) { return (GB(i) & GB_SET(set)) != 0; }
static int cue_of(const rasd_doc *d, uint32_t i, int *art) {
  if (art && GB_CUE(GB(i))) *art = (GB(i) & GB_ART) != 0;
  return GB_CUE(GB(i));
}
static int has_tanween(const rasd_doc *d, uint32_t i) { return (GB(i) & GB_TANWEEN) != 0; }

/* Bytes of the first `letters` letters (and their marks) of token i's text. */
static uint32_t skip_letters(const rasd_doc *d, uint32_t i, uint32_t letters) {
  const rasd_token *t = &d->toks[i];
  size_t p = t->start;
  while (letters && p < t->end) {
    size_t q = p;
    int32_t cp = rasd_uni_decode(d->text, t->end, &q);
    p = q;
    if (cp >= 0x0621 && cp <= 0x064A) letters--;
  }
  /* and the marks that follow the last skipped letter */
  while (p < t->end) {
    size_t q = p;
    int32_t cp = rasd_uni_decode(d->text, t->end, &q);
    if (!((cp >= 0x064B && cp <= 0x065F) || cp == 0x0640 || cp == 0x0670)) break;
    p = q;
  }
  return (uint32_t)(p - t->start);
}

/* Try the names of group gr at token i: the longest that matches.  Returns
** tokens covered (0 if none) and the index of the first name with that key. */
static uint32_t match_group(const rasd_gaz *g, const rasd_doc *d, const gaz_group *gr, uint32_t i, uint32_t *name) {
  for (uint32_t k = 0; k < gr->n; k++) {
    const gaz_name *nm = &g->names[gr->first + k];
    const char *key = g->pool + nm->key;
    uint32_t kl = nm->klen, pos = gr->wlen, t = i + 1;
    int ok = 1;
    for (int w = 1; w < nm->nwords; w++, t++) {
      if (t >= d->ntoks || d->toks[t].kind != RASD_TOK_WORD || d->toks[t].sent != d->toks[i].sent) { ok = 0; break; }
      pos++; /* the space */
      uint32_t tn;
      const char *tp = rasd_tok_key(d, t, &tn); /* a word's key: not empty, no space */
      if (pos + tn > kl || (pos + tn < kl && key[pos + tn] != ' ') || !rasd_key_eq(tp, key + pos, tn)) { ok = 0; break; }
      pos += tn;
    }
    if (ok) {
      *name = gr->first + k;
      return nm->nwords;
    }
  }
  return 0;
}

/* Largest population among the entries named like name i (and a stop word: 0). */
static uint32_t max_pop(const rasd_gaz *g, uint32_t i) {
  const gaz_name *n0 = &g->names[i];
  uint32_t best = 0;
  for (uint32_t q = i; q < g->h->nnames && g->names[q].klen == n0->klen &&
                       !memcmp(g->pool + g->names[q].key, g->pool + n0->key, n0->klen);
       q++) {
    if (g->names[q].entry < 0) return 0;
    uint32_t p = g->entries[g->names[q].entry].population + 1;
    if (p > best) best = p;
  }
  return best;
}

static double km(double la1, double lo1, double la2, double lo2) {
  const double r = M_PI / 180;
  double x = (lo2 - lo1) * r * cos((la1 + la2) * r / 2), y = (la2 - la1) * r;
  return 6371 * sqrt(x * x + y * y);
}

static const gaz_entry *E(const rasd_gaz *g, int32_t i) { return &g->entries[i]; }

static int major(const gaz_entry *e) {
  return e->population >= 100000 || (e->flags & (GEF_CAPITAL | GEF_SEAT)) || e->kind == RASD_GAZ_ADMIN1 ||
         e->kind == RASD_GAZ_COUNTRY || (e->kind == RASD_GAZ_REGION && !(e->flags & GEF_CUE));
}

/* Closest distance between any candidate of a and the chosen (or any) candidate of b. */
static double mdist(const rasd_gaz *g, const mention *a, int32_t ca, const mention *b) {
  double best = 1e9;
  for (int j = 0; j < b->nc; j++) {
    int32_t cb = b->chosen >= 0 ? b->chosen : b->cand[j];
    const gaz_entry *x = E(g, ca), *y = E(g, cb);
    if (y->kind != RASD_GAZ_COUNTRY) {
      double k = km(x->lat, x->lon, y->lat, y->lon);
      if (k < best) best = k;
    }
    if (b->chosen >= 0) break;
  }
  return best;
}

/* ---- the stage ------------------------------------------------------------- */
void rasd_geo_find(const rasd_gaz *g, rasd_doc *d) {
  d->places = NULL;
  d->nplaces = 0;
  if (!g || !d->ntoks) return;
  pthread_once(&sets_once, sets_build);
  geo_bits_all(g, d);
  uint32_t cap = 16, nm = 0;
  mention *ms = rasd_arena_alloc(d->arena, cap * sizeof *ms);
  char joined[256];

  /* 1. match */
  for (uint32_t i = 0; i < d->ntoks;) {
    if (d->toks[i].kind != RASD_TOK_WORD || !(GB(i) & GB_CAND) || has_tanween(d, i)) { i++; continue; }
    int nf;
    const uint64_t *fh;
    const rasd_form *f = rasd_tok_forms_ref(d, i, &nf, &fh);
    uint32_t best_len = 0, best_name = 0, best_off = 0;
    uint8_t best_cl = 0;
    for (int k = 0; k < nf; k++) {
      if (f[k].clitics & RASD_CL_ENC) continue;
      /* ك + name ("like X") is rarer than a word that starts with ك: كبيرة */
      if ((f[k].clitics & (RASD_CL_PREP | RASD_CL_CONJ)) && f[k].p - 2 >= d->keys + d->toks[i].key &&
          !(f[k].clitics & RASD_CL_ART) && (!memcmp(f[k].p - 2, "\xd9\x83", 2) || !memcmp(f[k].p - 2, "\xd9\x81", 2)))
        continue; /* likewise ف + name: فرانس is not ف + رانس */
      const gaz_group *gr = rasd__gaz_group_h(g, f[k].p, f[k].n, fh[k]);
      uint32_t name, len;
      /* the longest match; between readings of the same length the one naming
      ** the bigger place (وجدة: و + جدة = Jeddah rather than Oujda) */
      if (gr && (len = match_group(g, d, gr, i, &name)) &&
          (len > best_len || (len == best_len && best_len && max_pop(g, name) > max_pop(g, best_name)))) {
        best_len = len, best_name = name, best_cl = f[k].clitics;
        best_off = (uint32_t)(f[k].p - (d->keys + d->toks[i].key));
      }
      /* glued to the next word */
      if (best_len < 2 && i + 1 < d->ntoks && d->toks[i + 1].kind == RASD_TOK_WORD && d->toks[i + 1].sent == d->toks[i].sent &&
          in_set(f[k].p, f[k].n, fh[k], S_GLUE_HEADS) && d->toks[i + 1].key_len >= 6) {
        uint32_t n2;
        const char *p2 = rasd_tok_key(d, i + 1, &n2);
        if (f[k].n + n2 <= sizeof joined) {
          memcpy(joined, f[k].p, f[k].n);
          memcpy(joined + f[k].n, p2, n2);
          gr = rasd__gaz_group(g, joined, f[k].n + n2);
          for (uint32_t q = 0; gr && q < gr->n; q++)
            if (g->names[gr->first + q].nwords == 1 && g->names[gr->first + q].klen == f[k].n + n2) {
              best_len = 2, best_name = gr->first + q, best_cl = f[k].clitics;
              best_off = (uint32_t)(f[k].p - (d->keys + d->toks[i].key));
              break;
            }
        }
      }
    }
    if (!best_len) { i++; continue; }
    const gaz_name *n0 = &g->names[best_name];
    if (nm == cap) {
      ms = rasd_arena_grow(d->arena, ms, cap, cap * 2, sizeof *ms);
      cap *= 2;
    }
    mention *m = &ms[nm];
    memset(m, 0, sizeof *m);
    m->tb = m->sb = i;
    m->te = m->te_span = i + best_len;
    m->chosen = -1;
    m->nwords = n0->nwords;
    /* candidates: every name with this key */
    int never = 0, cue_name = 0, art_name = 0, some_art = 0;
    for (uint32_t q = best_name; q < g->h->nnames && g->names[q].klen == n0->klen &&
                                 !memcmp(g->pool + g->names[q].key, g->pool + n0->key, n0->klen);
         q++) {
      const gaz_name *x = &g->names[q];
      if (x->flags & GNF_NEVER) never = 1;
      if (x->flags & GNF_CUE) cue_name = 1;
      if (x->flags & GNF_ART) art_name = 1;
      if (x->flags & GNF_SOMEART) some_art = 1;
      if (x->entry < 0) continue;
      int dup = 0;
      for (int c = 0; c < m->nc; c++) dup |= m->cand[c] == x->entry;
      if (!dup && m->nc < MAXC) m->cand[m->nc++] = x->entry;
    }
    /* الرياض is a place, رياض is not: a name always written with the article
    ** does not match a word without it */
    /* and a name never written with it does not take it: الجنين is not Jenin,
    ** الكابل not Kabul */
    if (never || !m->nc || (art_name && !(best_cl & RASD_CL_ART) && !(n0->flags & GNF_JOINED) && n0->nwords == 1) ||
        (!some_art && (best_cl & RASD_CL_ART) && n0->nwords == 1 && !(n0->flags & GNF_JOINED))) {
      i += best_len;
      continue;
    }
    /* proclitics to leave out of the span: و ف ب ك ل, not the article */
    uint32_t letters = best_off / 2;
    if ((best_cl & RASD_CL_ART) && best_off >= 4) {
      const char *kp = d->keys + d->toks[i].key + best_off - 4;
      letters = memcmp(kp, "\xd8\xa7\xd9\x84", 4) == 0 ? letters - 2 : letters; /* ال kept; لل skipped */
    }
    m->start_skip = letters ? skip_letters(d, i, letters) : 0;
    m->prep = (best_cl & RASD_CL_PREP) != 0;
    m->stripped = (best_cl & (RASD_CL_CONJ | RASD_CL_PREP)) && !(best_cl & RASD_CL_ART);
    int all_country = 1, any_major = 0, any_core = 0, all_cue = 1, multi = n0->nwords > 1 || (n0->flags & GNF_JOINED);
    for (int c = 0; c < m->nc; c++) {
      const gaz_entry *e = E(g, m->cand[c]);
      if (e->kind != RASD_GAZ_COUNTRY) all_country = 0;
      if (major(e) && !(e->flags & GEF_CUE)) any_major = 1;
      if (!(e->flags & GEF_CUE)) all_cue = 0;
      if (e->flags & GEF_CORE) any_core = 1;
    }
    for (int c = 0; c < m->nc; c++)
      if (E(g, m->cand[c])->kind == RASD_GAZ_COUNTRY) all_country = 1; /* a country name wins */
    m->country = (uint8_t)all_country;
    int art_mismatch = art_name && !(best_cl & RASD_CL_ART) && !multi;
    int short_name = !multi && n0->klen <= 6;
    m->common = (uint8_t)(cue_name || all_cue);
    m->weak = (uint8_t)(cue_name || all_cue || art_mismatch || (m->stripped && !any_major) || (short_name && (!any_major || !any_core)) ||
                        (!multi && !any_major && m->nc > 3));
    m->strong = (uint8_t)(!m->weak && (multi || any_major));
    nm++;
    i += best_len;
  }

  /* 2. context: cues, person titles, prepositions */
  for (uint32_t k = 0; k < nm; k++) {
    mention *m = &ms[k];
    uint32_t tb = m->tb;
    if (tb > 0 && d->toks[tb - 1].sent == d->toks[tb].sent) {
      int art = 0, c = cue_of(d, tb - 1, &art);
      uint32_t cue_tok = tb - 1;
      if (!c && tb > 1 && tok_is_min(d, tb - 1) && cue_of(d, tb - 2, &art) == CUE_NEAR) {
        c = CUE_NEAR; /* بالقرب من X */
        cue_tok = tb - 2;
      }
      if (c && (k == 0 || ms[k - 1].te <= cue_tok)) {
        m->cue = (uint8_t)c;
        if (c == CUE_NEAR || c == CUE_ADMIN || c == CUE_DIST) {
          m->sb = cue_tok;
          /* skip the cue token's own proclitics (وريف -> ريف) */
          int nf;
          const uint64_t *fh;
          const rasd_form *f = rasd_tok_forms_ref(d, cue_tok, &nf, &fh);
          for (int q = 0; q < nf; q++) {
            if (f[q].clitics & RASD_CL_ENC) continue;
            if (rasd_strmap_get_h(cue_map, f[q].p, f[q].n, fh[q], NULL)) {
              uint32_t off = (uint32_t)(f[q].p - (d->keys + d->toks[cue_tok].key));
              uint32_t letters = off / 2;
              if (f[q].clitics & RASD_CL_ART) letters = letters >= 2 ? letters - 2 : 0;
              m->start_skip = letters ? skip_letters(d, cue_tok, letters) : 0;
              break;
            }
          }
        } else if (c == CUE_TOWN || c == CUE_AREA) {
          /* the name itself is the place */
        }
      }
      if (tok_in(d, tb - 1, S_TITLES)) m->person = 1;
      if (tok_in(d, tb - 1, S_PREPS)) m->prep = 1;
    }
    if (m->te < d->ntoks && tok_in(d, m->te, S_AFTER_PERSON)) m->person = 1;
    /* direction adjective after "ريف X" / "X الشرقي" */
    if (m->te < d->ntoks && d->toks[m->te].sent == d->toks[tb].sent && tok_in(d, m->te, S_DIRECTIONS)) {
      m->te_span = m->te + 1; /* "X الشرقي": the span grows, precision 2; not evidence */
      m->dir = 1;
    }
  }
  /* coordination: "مدينتي البوكمال والميادين", "ريف حلب وإدلب" */
  for (uint32_t k = 1; k < nm; k++) {
    mention *p = &ms[k - 1], *m = &ms[k];
    if (m->cue || !p->cue || p->person) continue;
    int adjacent = 0;
    if (p->te_span == m->tb) {
      uint32_t n;
      const char *kp = rasd_tok_key(d, m->tb, &n);
      adjacent = n > 2 && kp[0] == '\xd9' && kp[1] == '\x88'; /* و */
    } else if (p->te_span + 1 == m->tb) {
      adjacent = rasd_tok_is(d, p->te_span, "و") || rasd_tok_is(d, p->te_span, "،") || rasd_tok_is(d, p->te_span, ",");
    }
    if (adjacent) {
      m->cue = p->cue;
      m->inherited = 1;
    }
  }

  /* 3. evidence */
  for (uint32_t k = 0; k < nm; k++) {
    mention *m = &ms[k];
    if (m->person && !m->cue) m->drop = 1;
  }
  for (uint32_t k = 0; k < nm; k++) {
    mention *m = &ms[k];
    if (m->drop || !m->weak || m->cue) continue;
    int ok = 0;
    for (uint32_t o = 0; o < nm && !ok; o++) {
      mention *x = &ms[o];
      if (o == k || x->drop || x->country) continue;
      int coord = (o + 1 == k && x->te_span + 1 >= m->tb) || (k + 1 == o && m->te_span + 1 >= x->tb);
      /* evidence comes from confident places; along a coordination, from any kept one */
      if (!(x->strong || (x->cue && !x->common) || (coord && o < k && !x->weak))) continue;
      int same_sent = d->toks[x->tb].sent == d->toks[m->tb].sent;
      /* a common word: coordinated, or a place nearby in the same sentence (farther after
      ** في/من/إلى); other weak names: a place nearby anywhere in the article */
      double lim = m->common ? (coord ? 150 : same_sent ? (m->prep ? 100 : 50) : 0) : m->prep ? 150 : 75;
      for (int c = 0; c < m->nc && !ok; c++) ok = mdist(g, m, m->cand[c], x) <= lim;
    }
    if (ok) m->weak = 0;
    else m->drop = 1;
  }

  /* 4. resolve */
  double votes[64] = {0}, total = 0;
  uint32_t vc[64];
  int nv = 0;
  for (uint32_t k = 0; k < nm; k++) {
    mention *m = &ms[k];
    if (m->drop || m->weak) continue;
    uint32_t c0 = E(g, m->cand[0])->country;
    int same = 1;
    for (int c = 1; c < m->nc; c++) same &= E(g, m->cand[c])->country == c0;
    if (!same && !m->country) continue;
    if (m->country) { /* the country candidate */
      for (int c = 0; c < m->nc; c++)
        if (E(g, m->cand[c])->kind == RASD_GAZ_COUNTRY) c0 = E(g, m->cand[c])->country;
    }
    double w = m->country ? 2 : 1;
    int v = 0;
    while (v < nv && vc[v] != c0) v++;
    if (v == nv && nv < 64) vc[nv++] = c0;
    if (v < 64) votes[v] += w;
    total += w;
  }
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t k = 0; k < nm; k++) {
      mention *m = &ms[k];
      if (m->drop) continue;
      double best = -1e9;
      int32_t pick = -1;
      for (int c = 0; c < m->nc; c++) {
        const gaz_entry *e = E(g, m->cand[c]);
        if (m->country != (e->kind == RASD_GAZ_COUNTRY)) continue;
        double s = 0.7 * log10((double)e->population + 10);
        for (int v = 0; v < nv; v++)
          if (vc[v] == e->country && total > 0) s += 3.0 * votes[v] / total;
        if (e->flags & GEF_CAPITAL) s += 1.5;
        if (e->flags & GEF_SEAT) s += 0.5;
        if (e->flags & (GEF_CURATED | GEF_IMPORT)) s += 0.3;
        if ((e->flags & GEF_CUE) && !m->cue) s -= 3;
        switch (m->cue) {
        case CUE_ADMIN: s += e->kind == RASD_GAZ_ADMIN1 ? 6 : e->kind == RASD_GAZ_ADMIN2 ? 3 : 0; break;
        case CUE_DIST: s += e->kind == RASD_GAZ_ADMIN2 ? 4 : 0; break;
        case CUE_TOWN: s += e->kind == RASD_GAZ_CITY ? 2 : e->kind == RASD_GAZ_POI ? 1 : e->kind == RASD_GAZ_ADMIN1 ? -4 : 0; break;
        case CUE_NEAR: s += e->kind == RASD_GAZ_CITY ? 1 : 0; break;
        default: s += e->kind == RASD_GAZ_CITY ? 1 : e->kind == RASD_GAZ_ADMIN1 ? -0.5 : e->kind == RASD_GAZ_ADMIN2 ? -1.5 : 0; break;
        }
        if (pass == 1 && !m->country) {
          double prox = 0;
          for (uint32_t o = 0; o < nm; o++) {
            mention *x = &ms[o];
            if (o == k || x->drop || x->country || x->chosen < 0) continue;
            /* another mention of the same name is no evidence for either reading */
            int same = 0;
            for (int q = 0; q < m->nc; q++) same |= m->cand[q] == x->chosen;
            if (same) continue;
            const gaz_entry *y = E(g, x->chosen);
            double dk = km(e->lat, e->lon, y->lat, y->lon);
            prox += dk < 30 ? 3 : dk < 100 ? 2 : dk < 300 ? 1 : 0;
            if (y->kind == RASD_GAZ_ADMIN1 && y->admin1 == e->admin1 && y->country == e->country && e->kind != RASD_GAZ_ADMIN1)
              prox += 2;
          }
          s += prox > 4 ? 4 : prox;
        }
        if (s > best) best = s, pick = m->cand[c];
      }
      m->chosen = pick;
      if (pick < 0) m->drop = 1;
    }
  /* a small place abroad, alone, in an article about elsewhere: a homonym */
  for (uint32_t k = 0; k < nm; k++) {
    mention *m = &ms[k];
    if (m->drop || m->country || m->cue || m->nwords > 1 || total <= 0) continue;
    const gaz_entry *e = E(g, m->chosen);
    if (major(e)) continue;
    int v = 0;
    while (v < nv && vc[v] != e->country) v++;
    if (v == nv || votes[v] <= 0) m->drop = 1;
  }

  /* 5. unknown names after a cue */
  uint32_t nu = 0, ucap = 8;
  mention *us = rasd_arena_alloc(d->arena, ucap * sizeof *us);
  uint32_t next = 0;
  for (uint32_t i = 0; i + 1 < d->ntoks; i++) {
    if (!(GB(i) & (7u << 4 | GB_SET(S_AREA_HEADS)))) continue; /* neither a cue nor an area word */
    while (next < nm && ms[next].te <= i) next++;
    if (next < nm && ms[next].sb <= i + 1 && ms[next].tb <= i + 1 && i + 1 < ms[next].te) continue;
    if (next < nm && ms[next].tb <= i) continue;
    int art = 0, c = cue_of(d, i, &art);
    uint32_t cand = i + 1, span = 0;
    int quoted = 0;
    if (!tok_in(d, i, S_AREA_HEADS) && !c) continue;
    /* X in quotes within 4 tokens after an area word: المناطق منها "X" */
    for (uint32_t j = i + 1; j < d->ntoks && j <= i + 4 && d->toks[j].sent == d->toks[i].sent; j++) {
      if (d->toks[j].kind == RASD_TOK_PUNCT && (d->toks[j].flags & RASD_TOKF_QUOTE)) {
        uint32_t a = j + 1, b = a;
        while (b < d->ntoks && b < a + 3 && d->toks[b].kind == RASD_TOK_WORD) b++;
        if (b > a && b < d->ntoks && (d->toks[b].flags & RASD_TOKF_QUOTE) && b - a <= 2) {
          cand = a, span = b - a, quoted = 1;
        }
        break;
      }
      if (d->toks[j].kind != RASD_TOK_WORD || !tok_in(d, j, S_FILLERS)) break;
    }
    if (!quoted) {
      if (!c || c == CUE_NEAR || c == CUE_AREA || art) continue;
      if (d->toks[cand].kind != RASD_TOK_WORD || d->toks[cand].sent != d->toks[i].sent) continue;
      span = 1;
      if (tok_in(d, cand, S_HEADS) && cand + 1 < d->ntoks && d->toks[cand + 1].kind == RASD_TOK_WORD &&
          d->toks[cand + 1].sent == d->toks[i].sent)
        span = 2;
    }
    /* not a known name, not a common word, not an adjective */
    int bad = has_tanween(d, cand);
    for (uint32_t t = cand; t < cand + span; t++) {
      uint32_t n;
      const char *p = rasd_tok_key(d, t, &n);
      int nf;
      const uint64_t *fh;
      const rasd_form *f = rasd_tok_forms_ref(d, t, &nf, &fh);
      for (int q = 0; q < nf; q++) {
        const gaz_group *gr = rasd__gaz_group_h(g, f[q].p, f[q].n, fh[q]);
        if (gr && !in_set(f[q].p, f[q].n, fh[q], S_HEADS)) bad = 1; /* known: resolved above, or refused on purpose */
      }
      if (tok_in(d, t, S_NOT_NAMES) || cue_of(d, t, NULL) || tok_in(d, t, S_PREPS)) bad = 1;
      if (!quoted && t == cand && n >= 4 && p[n - 2] == '\xd9' && p[n - 1] == '\x8a' && !(n > 4 && p[0] == '\xd8' && p[1] == '\xa7')) bad = 1;
      if (!quoted && t == cand && n >= 6 && !memcmp(p + n - 4, "\xd9\x8a\xd9\x87", 4) && !rasd_key_noart(p, n))
        bad = 1; /* indefinite -ية adjectives (قرية سورية); قرية الجنادية is a name */
      /* an indefinite word in -ة after an indefinite cue is an adjective: منطقة حساسة */
      if (!quoted && c != CUE_TOWN && t == cand && n >= 6 && !memcmp(p + n - 2, "\xd9\x87", 2) && !rasd_key_noart(p, n)) bad = 1;
      if (n < 4) bad = 1;
      if (!quoted && t == cand) {
        int cl = 0;
        for (int q = 0; q < nf; q++) cl |= f[q].clitics;
        /* plurals in -ات, words with a preposition or a pronoun glued on, verbs */
        if (n >= 8 && !memcmp(p + n - 4, "\xd8\xa7\xd8\xaa", 4)) bad = 1;
        if (nf > 1 && (f[nf - 1].clitics & RASD_CL_ENC) && n >= 8 &&
            (!memcmp(p + n - 4, "\xd9\x87\xd9\x85", 4) || !memcmp(p + n - 4, "\xd9\x87\xd8\xa7", 4) ||
             !memcmp(p + n - 4, "\xd9\x83\xd9\x85", 4) || !memcmp(p + n - 4, "\xd9\x86\xd8\xa7", 4)))
          bad = 1;
        if ((cl & RASD_CL_PREP) && !(p[0] == '\xd8' && p[1] == '\xa7')) {
          /* ب/ل glued on (بطريقة، لفكرة) unless the word itself starts with them */
          if ((!memcmp(p, "\xd8\xa8", 2) || !memcmp(p, "\xd9\x84", 2)) && n >= 10 && !memcmp(p + n - 2, "\xd9\x87", 2))
            bad = 1; /* ب/ل + a noun in -ة; names like بنش، بزاعة stay */
        }
      }
      /* a preposition glued on (مخيم للنازحين) is not the start of a name */
      if (!quoted && t == cand && n > 6 && !memcmp(p, "\xd9\x84\xd9\x84", 4)) bad = 1;
    }
    for (uint32_t k = 0; k < nm; k++)
      if (!(ms[k].te <= cand || ms[k].tb >= cand + span)) bad = 1;
    if (bad) continue;
    if (nu == ucap) {
      us = rasd_arena_grow(d->arena, us, ucap, ucap * 2, sizeof *us);
      ucap *= 2;
    }
    mention *u = &us[nu++];
    memset(u, 0, sizeof *u);
    u->tb = u->sb = cand;
    u->te = u->te_span = cand + span;
    u->cue = (uint8_t)(c ? c : CUE_AREA);
    u->chosen = -1;
    i = cand + span - 1;
  }

  if (getenv("RASD_GEO_DEBUG"))
    for (uint32_t k = 0; k < nm; k++) {
      const mention *m = &ms[k];
      fprintf(stderr, "geo: %.*s nc=%d cue=%d weak=%d strong=%d common=%d country=%d drop=%d person=%d chosen=%d\n",
              (int)(d->toks[m->te - 1].end - d->toks[m->tb].start), d->text + d->toks[m->tb].start, m->nc, m->cue, m->weak,
              m->strong, m->common, m->country, m->drop, m->person, m->chosen);
    }

  /* 6. output, in text order */
  uint32_t nout = 0;
  for (uint32_t k = 0; k < nm; k++) nout += !ms[k].drop && !ms[k].country;
  nout += nu;
  if (!nout) return;
  rasd_place *pl = rasd_arena_alloc(d->arena, nout * sizeof *pl);
  uint32_t a = 0, b = 0, o = 0;
  while (a < nm || b < nu) {
    mention *m;
    if (a < nm && (ms[a].drop || ms[a].country)) { a++; continue; }
    if (b >= nu || (a < nm && ms[a].tb < us[b].tb)) m = &ms[a++];
    else m = &us[b++];
    rasd_place *p = &pl[o++];
    memset(p, 0, sizeof *p);
    p->tok_begin = m->sb;
    p->tok_end = m->te_span;
    p->start = d->toks[m->sb].start + m->start_skip;
    p->end = d->toks[m->te_span - 1].end;
    p->cue = m->cue != CUE_NONE && !m->inherited ? 1 : m->inherited;
    p->entry = m->chosen;
    if (m->chosen >= 0) {
      const gaz_entry *e = E(g, m->chosen);
      p->name = e->name_en ? g->pool + e->name_en : NULL;
      p->name_ar = e->name_ar ? g->pool + e->name_ar : NULL;
      p->country = e->country ? g->pool + e->country : NULL;
      p->admin1 = e->admin1 ? g->pool + e->admin1 : NULL;
      p->admin2 = e->admin2 ? g->pool + e->admin2 : NULL;
      p->lat = e->lat;
      p->lon = e->lon;
      p->geonameid = e->geonameid;
      int prec = e->prec ? e->prec : 1;
      switch (m->cue) {
      case CUE_ADMIN: prec = 3; break;
      case CUE_NEAR: prec = prec < 2 ? 2 : prec; break;
      case CUE_DIST: prec = prec < 2 ? 2 : prec; break;
      case CUE_TOWN: prec = e->kind == RASD_GAZ_CITY || e->kind == RASD_GAZ_POI ? 1 : prec; break;
      default: break;
      }
      if (m->dir && prec < 2) prec = 2;
      p->geo_precision = (uint8_t)prec;
    } else {
      p->name_ar = rasd_arena_strndup(d->arena, d->text + d->toks[m->tb].start, d->toks[m->te - 1].end - d->toks[m->tb].start);
      p->geo_precision = m->cue == CUE_NEAR || m->cue == CUE_DIST ? 2 : m->cue == CUE_ADMIN ? 3 : 1;
    }
  }
  d->places = pl;
  d->nplaces = o;
}
