/*
** text/date.c -- the publication day and the dates in the text
** (rasd_date_pub, rasd_date_find).
**
** Publication day: art->date when it parses (YYYY-MM-DD..., or D/M/YYYY);
** otherwise the first full date
** (with a year) on a short line in the first 15 lines / 600 bytes, the
** dateline ("2021.05.01 | 13:31 دمشق", "الخميس 2 من كانون الأول 2021").
**
** Dates found, left to right, never overlapping:
**   absolute   day + month name [+ year] (18 آب 2020, 2 من كانون الأول, 1 مايو
**              2021, آب/أغسطس and أغسطس (آب) pairs, Hijri months with هـ);
**              ordinal days (الثامن من آب); numeric 27/11/2020, 2021.05.01,
**              2021-05-01, 10-10-1436هـ; month + year or a month after a cue
**              (في آب 2020, شهر رمضان, شباط الماضي) -> month precision;
**              عام 2019, a cue + year (في 2020) or a chronology line
**              ("1953 - ...") -> year precision.
**              A missing year is that of an earlier date in the same
**              sentence, else the publication year, or the one before when
**              that would put the date more than 7 days after publication
**              (a bare month: the latest one starting on or before it).
**   relative   اليوم، أمس، أول أمس، غداً، الليلة الماضية, a time of day before
**              them (صباح اليوم), weekdays (the latest such day on or before
**              publication; أمس الجمعة / اليوم (الاثنين): the named weekday
**              within 3 days of the day word wins), الأسبوع/الشهر/العام الماضي,
**              مطلع العام, الأيام الماضية, الشهور الأخيرة من العام المنصرم,
**              منذ + anything (a range up to publication), منذ/قبل + a duration.
** Month names and date words come from data/text/month.tsv and reldate.tsv.
** When the publication day is unknown, relative dates and dates without a
** year are still listed (span, precision, relative flag) with day and
** day_end = RASD_NO_DAY.
**
** Order: rasd_num_find runs first; rasd_date_find then drops every number
** that overlaps a date span (18 in "18 آب", 3 in "منذ 3 أيام").
*/
#include <string.h>

#include "num_lex.h"
#include "text.h"

#define NO RASD_NO_DAY
#define ALLOW_CL (RASD_CL_CONJ | RASD_CL_PREP)

typedef struct {
  int32_t day, day_end;
  uint8_t prec, relative, hijri, has_year;
  uint32_t end; /* first token after the date */
} dres;

/* ---- small token tests ------------------------------------------------ */
static int in_sent(const rasd_doc *d, uint32_t i, uint32_t sent) { return i < d->ntoks && d->toks[i].sent == sent; }
static int glued(const rasd_doc *d, uint32_t i) { return !(d->toks[i].flags & RASD_TOKF_SPACE_BEFORE); }
static int is_char(const rasd_doc *d, uint32_t i, char c) {
  return i < d->ntoks && d->toks[i].key_len == 1 && d->keys[d->toks[i].key] == c;
}
/* A NUM token of plain digits: its value and digit count. */
static int tok_int(const rasd_doc *d, uint32_t i, int *v, int *nd) {
  if (i >= d->ntoks || d->toks[i].kind != RASD_TOK_NUM) return 0;
  uint32_t n;
  const char *k = rasd_tok_key(d, i, &n);
  if (n == 0 || n > 6) return 0;
  int x = 0;
  for (uint32_t j = 0; j < n; j++) {
    if (k[j] < '0' || k[j] > '9') return 0;
    x = x * 10 + (k[j] - '0');
  }
  *v = x;
  *nd = (int)n;
  return 1;
}
static const rasd__tphrase *rel(const rasd_doc *d, uint32_t i, uint32_t kinds, unsigned allow, uint32_t *end) {
  return rasd__tl_phrase(d, i, RASD__PT_REL, kinds, allow, end);
}
static int rel_is(const rasd_doc *d, uint32_t i, uint32_t kinds, unsigned allow) {
  uint32_t e;
  return i < d->ntoks && rel(d, i, kinds, allow, &e) != NULL;
}

/* ---- calendar ----------------------------------------------------------- */
static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(int y, int m) {
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : md[m - 1];
}
static int valid_ymd(int y, int m, int dd) { return y >= 1000 && y <= 2200 && m >= 1 && m <= 12 && dd >= 1 && dd <= mdays(y, m); }
static int pub_year(int32_t pub) {
  int y, m, dd;
  rasd_civil_from_days(pub, &y, &m, &dd);
  return y;
}
/* The day n months from z (day of month clipped). */
static int32_t add_months(int32_t z, int n) {
  int y, m, dd;
  rasd_civil_from_days(z, &y, &m, &dd);
  int t = y * 12 + (m - 1) + n;
  y = t / 12;
  m = t % 12 + 1;
  if (dd > mdays(y, m)) dd = mdays(y, m);
  return rasd_days_from_civil(y, m, dd);
}
static void set_month(dres *r, int y, int m) {
  r->day = rasd_days_from_civil(y, m, 1);
  r->day_end = r->day + mdays(y, m) - 1;
  r->prec = RASD_PREC_MONTH;
}
static void set_year(dres *r, int y) {
  r->day = rasd_days_from_civil(y, 1, 1);
  r->day_end = rasd_days_from_civil(y, 12, 31);
  r->prec = RASD_PREC_YEAR;
}
static void set_hmonth(dres *r, int y, int m) {
  r->day = rasd__hijri_days(y, m, 1);
  r->day_end = (m == 12 ? rasd__hijri_days(y + 1, 1, 1) : rasd__hijri_days(y, m + 1, 1)) - 1;
  r->prec = RASD_PREC_MONTH;
  r->hijri = 1;
}

/* ---- pieces of absolute dates ------------------------------------------ */
/* A month name at i (and its pair: آب/أغسطس, أغسطس (آب)). */
static int month_at(const rasd_doc *d, uint32_t i, unsigned allow, int *m, int *hijri, int *amb, uint32_t *end) {
  const rasd__tphrase *p = rasd__tl_phrase(d, i, RASD__PT_MONTH, 0, allow, end);
  if (!p) return 0;
  *m = p->a;
  *hijri = p->b;
  *amb = p->c;
  uint32_t e = *end, e2;
  const rasd__tphrase *q0;
  if (in_sent(d, e, d->toks[i].sent) && (q0 = rasd__tl_phrase(d, e, RASD__PT_MONTH, 0, 0, &e2)) != NULL &&
      q0->a == p->a && q0->b == p->b) {
    /* يوليو تموز */
    *amb = 0;
    *end = e2;
    return 1;
  }
  if ((is_char(d, e, '/') || is_char(d, e, '(') || is_char(d, e, '-')) && in_sent(d, e + 1, d->toks[i].sent)) {
    const rasd__tphrase *q = rasd__tl_phrase(d, e + 1, RASD__PT_MONTH, 0, 0, &e2);
    if (q && q->a == p->a && q->b == p->b) {
      *amb = 0;
      *end = e2;
      if (is_char(d, e, '(') && is_char(d, e2, ')')) *end = e2 + 1;
    }
  }
  return 1;
}

/* A year number at i (1000..2100 Gregorian, 1300..1500 Hijri) and its era
** mark (م, هـ).  *era: 0 none, 1 Hijri mark, 2 Common Era mark. */
static int year_at(const rasd_doc *d, uint32_t i, uint32_t sent, int *y, int *era, uint32_t *end) {
  int v, nd;
  if (!in_sent(d, i, sent) || !tok_int(d, i, &v, &nd) || nd < 4 || v < 1000 || v > 2100) return 0;
  *y = v;
  *era = 0;
  *end = i + 1;
  uint32_t e;
  if (in_sent(d, i + 1, sent) && d->toks[i + 1].kind == RASD_TOK_WORD) {
    const rasd__tphrase *p = rel(d, i + 1, RASD__K(RASD__RD_HIJRI) | RASD__K(RASD__RD_AD), 0, &e);
    if (p) {
      *era = p->a == RASD__RD_HIJRI ? 1 : 2;
      *end = e;
    }
  }
  return 1;
}

/* The year of the last date with an explicit year in the current sentence
** (0 when none): "في 8 آب 1953 ... حتى 12 آب" reads the second date in 1953.
** Set by rasd_date_find around each match; per thread. */
static _Thread_local int ctx_year;

/* Resolve day/month (Gregorian or Hijri) with an optional year. */
static int resolve_dm(dres *r, int dd, int m, int hijri, int y, int32_t pub) {
  if (hijri) {
    if (dd > 30) return 0;
    if (!y) {
      if (pub == NO) { r->day = r->day_end = NO; return 1; }
      int hy, hm, hd;
      rasd__hijri_from_days(pub, &hy, &hm, &hd);
      y = hy;
      if (rasd__hijri_days(y, m, dd) > pub + 7) y--;
    }
    r->day = r->day_end = rasd__hijri_days(y, m, dd);
    r->hijri = 1;
    return 1;
  }
  if (y) {
    if (!valid_ymd(y, m, dd)) return 0;
    r->day = r->day_end = rasd_days_from_civil(y, m, dd);
    return 1;
  }
  if (dd > mdays(2000, m)) return 0;
  if (ctx_year && valid_ymd(ctx_year, m, dd)) {
    r->day = r->day_end = rasd_days_from_civil(ctx_year, m, dd);
    return 1;
  }
  if (pub == NO) { r->day = r->day_end = NO; return 1; }
  y = pub_year(pub);
  if (!valid_ymd(y, m, dd) || rasd_days_from_civil(y, m, dd) > pub + 7) y--;
  if (!valid_ymd(y, m, dd)) return 0;
  r->day = r->day_end = rasd_days_from_civil(y, m, dd);
  return 1;
}

/* A numeric date in one NUM token's key: 2021.05.01, 27/11/2020. */
static int numeric_key(const char *k, uint32_t n, int *y, int *m, int *dd) {
  int g[3] = {0, 0, 0}, len[3] = {0, 0, 0}, ng = 0;
  char sep = 0;
  for (uint32_t j = 0; j < n; j++) {
    char c = k[j];
    if (c >= '0' && c <= '9') {
      if (len[ng] >= 4) return 0;
      g[ng] = g[ng] * 10 + (c - '0');
      len[ng]++;
    } else if (c == '.' || c == '/' || c == '-') {
      if (sep && c != sep) return 0;
      sep = c;
      if (!len[ng] || ++ng > 2) return 0;
    } else
      return 0;
  }
  if (ng != 2 || !len[2]) return 0;
  if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) { *y = g[0]; *m = g[1]; *dd = g[2]; }
  else if (len[2] == 4 && len[0] <= 2 && len[1] <= 2) { *y = g[2]; *m = g[1]; *dd = g[0]; }
  else return 0;
  if (*y >= 1300 && *y <= 1500) return *m >= 1 && *m <= 12 && *dd >= 1 && *dd <= 30 ? 2 : 0; /* Hijri: 10-10-1436هـ */
  return *y >= 1900 && *y <= 2100 && valid_ymd(*y, *m, *dd);
}

/* Fill r from a numeric date (kind 1 Gregorian, 2 Hijri) ending before token e,
** taking a Hijri era mark after it. */
static int numeric_date(const rasd_doc *d, int kind, int y, int m, int dd, uint32_t e, dres *r) {
  uint32_t e2;
  if (kind == 2) {
    r->day = r->day_end = rasd__hijri_days(y, m, dd);
    r->hijri = 1;
    if (e < d->ntoks && d->toks[e].sent == d->toks[e - 1].sent && rel(d, e, RASD__K(RASD__RD_HIJRI), 0, &e2)) e = e2;
  } else
    r->day = r->day_end = rasd_days_from_civil(y, m, dd);
  r->has_year = 1;
  r->end = e;
  return 1;
}

/* An absolute date starting at token i. */
static int abs_at(const rasd_doc *d, uint32_t i, int32_t pub, dres *r) {
  const rasd_token *t = &d->toks[i];
  uint32_t sent = t->sent, e;
  int y, m, dd, v, nd, hijri, amb, era;
  memset(r, 0, sizeof *r);
  if (t->kind == RASD_TOK_NUM) {
    uint32_t n;
    const char *k = rasd_tok_key(d, i, &n);
    /* one token: 2021.05.01, 27/11/2020 */
    int kind = numeric_key(k, n, &y, &m, &dd);
    if (kind) return numeric_date(d, kind, y, m, dd, i + 1, r);
    if (!tok_int(d, i, &v, &nd)) return 0;
    /* 2021-05-01, 01-05-2021: five glued tokens */
    if (i + 4 < d->ntoks && is_char(d, i + 1, '-') && is_char(d, i + 3, '-') && glued(d, i + 1) && glued(d, i + 2) &&
        glued(d, i + 3) && glued(d, i + 4)) {
      char buf[32];
      uint32_t bl = 0;
      for (uint32_t j = i; j <= i + 4 && bl + d->toks[j].key_len < sizeof buf; j++) {
        memcpy(buf + bl, d->keys + d->toks[j].key, d->toks[j].key_len);
        bl += d->toks[j].key_len;
      }
      kind = numeric_key(buf, bl, &y, &m, &dd);
      if (kind) return numeric_date(d, kind, y, m, dd, i + 5, r);
    }
    /* day [من] month [year] */
    if (nd <= 2 && v >= 1 && v <= 31) {
      uint32_t j = i + 1;
      if (in_sent(d, j, sent) && rel_is(d, j, RASD__K(RASD__RD_OF), 0)) j++;
      if (in_sent(d, j, sent) && month_at(d, j, 0, &m, &hijri, &amb, &e)) {
        int yy = 0;
        uint32_t e2;
        if (year_at(d, e, sent, &yy, &era, &e2)) {
          if (hijri ? yy < 1300 || yy > 1500 : yy < 1900) yy = 0;
          else e = e2;
        }
        if (!resolve_dm(r, v, m, hijri, yy, pub)) return 0;
        r->prec = RASD_PREC_DAY;
        r->has_year = yy != 0;
        r->end = e;
        return 1;
      }
    }
    /* a year after a cue (في 2020، خلال 2020), with its era mark, or
    ** opening a line of a chronology ("1953 - ...") */
    if (year_at(d, i, sent, &y, &era, &e)) {
      int cue = i > 0 && in_sent(d, i - 1, sent) && rel_is(d, i - 1, RASD__K(RASD__RD_CUE), ALLOW_CL);
      if (!cue && y >= 1800 && d->sents[sent].tok_begin == i && (is_char(d, e, '-') || is_char(d, e, ':')))
        cue = 1;
      if (era == 1 && y >= 1300 && y <= 1500) {
        set_hmonth(r, y, 1);
        r->day_end = rasd__hijri_days(y + 1, 1, 1) - 1;
        r->prec = RASD_PREC_YEAR;
      } else if ((cue || era == 2) && y >= 1800) {
        set_year(r, y);
      } else
        return 0;
      r->has_year = 1;
      r->end = e;
      return 1;
    }
    return 0;
  }
  if (t->kind != RASD_TOK_WORD) return 0;
  /* an ordinal day: الثامن من آب، الحادي والعشرين من أيار */
  {
    uint8_t cl;
    const rasd__tword *o = rasd__tl_tok(d, i, RASD__TW_NUM, ALLOW_CL | RASD_CL_ART, &cl);
    int dd = 0;
    uint32_t j = i + 1;
    if (o && o->ncls == RASD__NW_ORDINAL) {
      dd = (int)o->nval;
      const rasd__tword *x =
          in_sent(d, j, sent) ? rasd__tl_tok(d, j, RASD__TW_NUM, RASD_CL_CONJ | RASD_CL_ART, &cl) : NULL;
      if (x && !cl && x->ncls == RASD__NW_UNIT && x->nval == 10 && dd < 10) { dd += 10; j++; }
      else if (x && (cl & RASD_CL_CONJ) && x->ncls == RASD__NW_TEN && dd < 10) { dd += (int)x->nval; j++; }
    } else if (o && o->ncls == RASD__NW_TEN && (cl & RASD_CL_ART) && o->nval <= 30)
      dd = (int)o->nval; /* العشرين من */
    if (dd >= 1 && dd <= 31 && in_sent(d, j, sent) && rel(d, j, RASD__K(RASD__RD_OF), 0, &e) && in_sent(d, e, sent)) {
      uint32_t j2 = e;
      if (rel(d, j2, RASD__K(RASD__RD_MONTHWORD), 0, &e) && in_sent(d, e, sent)) j2 = e;
      if (month_at(d, j2, 0, &m, &hijri, &amb, &e)) {
        int yy = 0;
        uint32_t e2;
        if (year_at(d, e, sent, &yy, &era, &e2)) {
          if (hijri ? yy < 1300 || yy > 1500 : yy < 1900) yy = 0;
          else e = e2;
        }
        if (resolve_dm(r, dd, m, hijri, yy, pub)) {
          r->prec = RASD_PREC_DAY;
          r->has_year = yy != 0;
          r->end = e;
          return 1;
        }
      }
    }
  }
  /* شهر + month name; month name + year; cue + month name */
  int monthword = 0;
  uint32_t j = i;
  if (rel(d, i, RASD__K(RASD__RD_MONTHWORD), ALLOW_CL, &e)) {
    monthword = 1;
    j = e;
    if (!in_sent(d, j, sent)) return 0;
  }
  if (month_at(d, j, monthword ? 0 : ALLOW_CL, &m, &hijri, &amb, &e)) {
    uint32_t e2;
    int yy = 0;
    if (year_at(d, e, sent, &yy, &era, &e2) && (hijri ? yy >= 1300 && yy <= 1500 : yy >= 1900)) {
      if (hijri) set_hmonth(r, yy, m);
      else set_month(r, yy, m);
      r->has_year = 1;
      r->end = e2;
      return 1;
    }
    int cue = monthword || (i > 0 && in_sent(d, i - 1, sent) &&
                            rel_is(d, i - 1, RASD__K(RASD__RD_CUE) | RASD__K(RASD__RD_SINCE), ALLOW_CL));
    if (!cue || (amb && !monthword)) return 0;
    r->end = e;
    /* شباط الماضي: the last one before publication; أيار المقبل: the next one */
    int dir = 0;
    const rasd__tphrase *q = in_sent(d, e, sent) ? rel(d, e, RASD__K(RASD__RD_DIR), 0, &e2) : NULL;
    if (q) {
      dir = q->b;
      r->end = e2;
    }
    if (pub == NO) {
      r->day = r->day_end = NO;
      r->prec = RASD_PREC_MONTH;
      r->hijri = (uint8_t)hijri;
      return 1;
    }
    /* the latest such month starting on or before publication (before the
    ** publication month with الماضي), or the first after it with المقبل */
    if (hijri) {
      int hy, hm, hd;
      rasd__hijri_from_days(pub, &hy, &hm, &hd);
      if (dir > 0) hy += m <= hm;
      else hy -= m > hm || (dir < 0 && m == hm);
      set_hmonth(r, hy, m);
    } else {
      int py, pm, pd;
      rasd_civil_from_days(pub, &py, &pm, &pd);
      if (dir > 0) py += m <= pm;
      else py -= m > pm || (dir < 0 && m == pm);
      set_month(r, py, m);
    }
    return 1;
  }
  if (monthword) return 0;
  /* عام 2019، العام 2019 */
  if (rel(d, i, RASD__K(RASD__RD_YEARWORD), ALLOW_CL, &e) && year_at(d, e, sent, &y, &era, &j)) {
    if ((era == 1 || y < 1900) && y >= 1300 && y <= 1500) {
      set_hmonth(r, y, 1);
      r->day_end = rasd__hijri_days(y + 1, 1, 1) - 1;
      r->prec = RASD_PREC_YEAR;
    } else if (y >= 1900)
      set_year(r, y);
    else
      return 0;
    r->has_year = 1;
    r->end = j;
    return 1;
  }
  return 0;
}

/* ---- relative dates ------------------------------------------------------ */
#define REL_START                                                                                                   \
  (RASD__K(RASD__RD_DAY) | RASD__K(RASD__RD_WDAY) | RASD__K(RASD__RD_WEEK) | RASD__K(RASD__RD_MONTH) |              \
   RASD__K(RASD__RD_YEAR) | RASD__K(RASD__RD_YTD) | RASD__K(RASD__RD_RECENT) | RASD__K(RASD__RD_LATEYEAR))

static void set_range(dres *r, int32_t a, int32_t b, int prec, int32_t pub) {
  if (pub == NO) a = b = NO;
  r->day = a;
  r->day_end = b;
  r->prec = (uint8_t)prec;
  r->relative = 1;
}

/* A range of days relative to the publication day (unknown: RASD_NO_DAY). */
static void set_rel(dres *r, int32_t pub, int32_t a, int32_t b, int prec) {
  r->day = pub == NO ? NO : pub + a;
  r->day_end = pub == NO ? NO : pub + b;
  r->prec = (uint8_t)prec;
  r->relative = 1;
}

/* A relative date (day word, weekday, week/month/year words) at i. */
static int rel_at(const rasd_doc *d, uint32_t i, int32_t pub, uint32_t kinds, dres *r) {
  uint32_t e, sent = d->toks[i].sent;
  memset(r, 0, sizeof *r);
  const rasd__tphrase *p = rel(d, i, kinds, ALLOW_CL, &e);
  if (!p) return 0;
  int n = p->b, y = pub != NO ? pub_year(pub) : 0;
  r->end = e;
  switch (p->a) {
  case RASD__RD_DAY:
    if (n == 0) {
      /* اليوم الوطني، ذلك اليوم: not today */
      if (in_sent(d, e, sent) && rel_is(d, e, RASD__K(RASD__RD_BLOCK), 0)) return 0;
      if (i > 0 && in_sent(d, i - 1, sent) && rel_is(d, i - 1, RASD__K(RASD__RD_BLOCKPRE), 0)) return 0;
    }
    set_rel(r, pub, n, n, RASD_PREC_DAY);
    /* أمس الجمعة، اليوم (السبت): the weekday names the day; when it disagrees
    ** with the publication metadata (written the day before it was dated),
    ** the named weekday within three days wins */
    {
      uint32_t j = e, e2;
      int paren = is_char(d, j, '(');
      if (paren) j++;
      const rasd__tphrase *q = in_sent(d, j, sent) ? rel(d, j, RASD__K(RASD__RD_WDAY), 0, &e2) : NULL;
      if (q && (!paren || is_char(d, e2, ')'))) {
        r->end = paren ? e2 + 1 : e2;
        if (pub != NO) {
          int diff = (q->b - rasd_weekday(pub + n) + 7) % 7; /* 0..6 days forward */
          if (diff > 3) diff -= 7;
          r->day = r->day_end = pub + n + diff;
        }
      }
    }
    return 1;
  case RASD__RD_WDAY: {
    int32_t day = NO;
    int delta = 0;
    if (pub != NO) {
      delta = (rasd_weekday(pub) - n + 7) % 7;
      day = pub - delta;
    }
    const rasd__tphrase *q;
    if (in_sent(d, e, sent) && (q = rel(d, e, RASD__K(RASD__RD_DIR), 0, &e)) != NULL) {
      r->end = e;
      if (pub != NO) {
        if (q->b < 0 && delta == 0) day -= 7;
        if (q->b > 0) day = pub + ((n - rasd_weekday(pub) + 7) % 7 ? (n - rasd_weekday(pub) + 7) % 7 : 7);
      }
    }
    /* الخميس 2 من كانون الأول 2021: the absolute date wins */
    dres a;
    if (in_sent(d, r->end, sent) && abs_at(d, r->end, pub, &a) && a.prec == RASD_PREC_DAY) {
      *r = a;
      return 1;
    }
    set_range(r, day, day, RASD_PREC_DAY, pub);
    return 1;
  }
  case RASD__RD_WEEK:
    set_rel(r, pub, 7 * n - 6, 7 * n, RASD_PREC_WEEK);
    return 1;
  case RASD__RD_MONTH:
    if (pub != NO) {
      int32_t z = add_months(pub, n);
      int yy, mm, dd;
      rasd_civil_from_days(z, &yy, &mm, &dd);
      set_month(r, yy, mm);
    } else
      r->day = r->day_end = NO;
    r->prec = RASD_PREC_MONTH;
    r->relative = 1;
    return 1;
  case RASD__RD_YEAR:
    if (pub != NO) set_year(r, y + n);
    else r->day = r->day_end = NO;
    r->prec = RASD_PREC_YEAR;
    r->relative = 1;
    return 1;
  case RASD__RD_YTD:
    set_range(r, pub != NO ? rasd_days_from_civil(y, 1, 1) : NO, pub, RASD_PREC_RANGE, pub);
    return 1;
  case RASD__RD_RECENT:
    set_rel(r, pub, -7, 0, RASD_PREC_WEEK);
    return 1;
  case RASD__RD_LATEYEAR:
    set_range(r, pub != NO ? rasd_days_from_civil(y + n, 9, 1) : NO, pub != NO ? rasd_days_from_civil(y + n, 12, 31) : NO,
              RASD_PREC_RANGE, pub);
    return 1;
  }
  return 0;
}

/* A count (digits or a number found by rasd_num_find) + a duration unit at j. */
static int duration_at(const rasd_doc *d, uint32_t j, int *count, int *unit, int *plural, uint32_t *end) {
  uint32_t sent = d->toks[j].sent, k = j, e;
  double c = 0;
  int v, nd;
  if (tok_int(d, j, &v, &nd)) {
    c = v;
    k = j + 1;
  } else {
    /* binary search doc->nums for a number starting at token j */
    uint32_t lo = 0, hi = d->nnums;
    while (lo < hi) {
      uint32_t mid = (lo + hi) / 2;
      if (d->nums[mid].tok_begin < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo < d->nnums && d->nums[lo].tok_begin == j && !d->nums[lo].unit) {
      c = d->nums[lo].value;
      k = d->nums[lo].tok_end;
    }
  }
  if (c < 0 || c > 1000 || c != (double)(int)c || !in_sent(d, k, sent)) return 0;
  const rasd__tphrase *p =
      rel(d, k, RASD__K(RASD__RD_DUR) | RASD__K(RASD__RD_DUR2) | RASD__K(RASD__RD_DURPL), 0, &e);
  if (!p) return 0;
  *plural = 0;
  if (c == 0) {
    if (p->a == RASD__RD_DUR2) c = 2;
    else if (p->a == RASD__RD_DURPL) { c = 3; *plural = 1; }
    else c = 1;
  }
  *count = (int)c;
  *unit = p->b;
  *end = e;
  return 1;
}

/* pub minus count units */
static int32_t back(int32_t pub, int count, int unit) {
  if (unit == 30) return add_months(pub, -count);
  if (unit == 365) return add_months(pub, -12 * count);
  return pub - count * unit;
}

/* A date at token i with its prefixes: منذ/قبل, a time of day. */
static int date_at(const rasd_doc *d, uint32_t i, int32_t pub, dres *r) {
  uint32_t sent = d->toks[i].sent, e;
  const rasd__tphrase *p = NULL;
  if (d->toks[i].kind == RASD_TOK_WORD)
    p = rel(d, i, RASD__K(RASD__RD_SINCE) | RASD__K(RASD__RD_AGO) | RASD__K(RASD__RD_TOD), ALLOW_CL, &e);
  if (p && in_sent(d, e, sent)) {
    int count, unit, plural;
    uint32_t e2;
    if (p->a == RASD__RD_TOD) {
      uint32_t j = e;
      /* صباح يوم الجمعة: a second prefix */
      if (rel(d, j, RASD__K(RASD__RD_TOD), 0, &e2) && in_sent(d, e2, sent)) j = e2;
      if (abs_at(d, j, pub, r) && r->prec == RASD_PREC_DAY) return 1;
      return rel_at(d, j, pub, RASD__K(RASD__RD_DAY) | RASD__K(RASD__RD_WDAY), r);
    }
    if (duration_at(d, e, &count, &unit, &plural, &e2)) {
      memset(r, 0, sizeof *r);
      r->end = e2;
      int32_t s = pub != NO ? back(pub, count, unit) : NO;
      if (unit == 0) set_range(r, pub, pub, RASD_PREC_DAY, pub);
      else if (plural && unit == 1) set_rel(r, pub, -7, 0, RASD_PREC_WEEK);
      else if (p->a == RASD__RD_SINCE) set_range(r, s, pub, RASD_PREC_RANGE, pub);
      else if (unit == 1) set_range(r, s, s, RASD_PREC_DAY, pub);
      else if (unit == 7) {
        int32_t a = pub == NO ? 0 : s - pub; /* -7 * count */
        set_rel(r, pub, a - 3, a + 3 > 0 ? 0 : a + 3, RASD_PREC_WEEK);
      }
      else if (pub == NO) set_range(r, NO, NO, unit == 30 ? RASD_PREC_MONTH : RASD_PREC_YEAR, pub);
      else if (unit == 30) {
        int yy, mm, dd;
        rasd_civil_from_days(s, &yy, &mm, &dd);
        set_month(r, yy, mm);
        r->relative = 1;
      } else {
        set_year(r, pub_year(s));
        r->relative = 1;
      }
      return 1;
    }
    if (p->a == RASD__RD_SINCE) {
      dres a;
      int ok = abs_at(d, e, pub, &a);
      if (!ok) {
        /* منذ 2011: a bare year */
        int y, era;
        if (year_at(d, e, sent, &y, &era, &e2) && y >= 1900) {
          memset(&a, 0, sizeof a);
          set_year(&a, y);
          a.end = e2;
          ok = 1;
        }
      }
      if (!ok) ok = rel_at(d, e, pub, REL_START, &a);
      if (ok) {
        *r = a;
        r->prec = RASD_PREC_RANGE;
        r->relative = 1;
        if (pub != NO && a.day != NO && a.day <= pub) r->day_end = pub;
        return 1;
      }
    }
    return 0;
  }
  if (abs_at(d, i, pub, r)) return 1;
  if (d->toks[i].kind == RASD_TOK_WORD) return rel_at(d, i, pub, REL_START, r);
  return 0;
}

/* what a date can start with (the rest is only looked at around them) */
#define START_TABS ((1u << RASD__PT_MONTH) | (1u << RASD__PT_REL))
#define START_KINDS                                                                                                 \
  (REL_START | RASD__K(RASD__RD_SINCE) | RASD__K(RASD__RD_AGO) | RASD__K(RASD__RD_TOD) |                            \
   RASD__K(RASD__RD_MONTHWORD) | RASD__K(RASD__RD_YEARWORD))

/* ---- publication day ------------------------------------------------------ */
#define DATELINE_BYTES 600
#define DATELINE_LINES 15
#define DATELINE_TOKS 14 /* a dateline is a short line */

void rasd_date_pub(rasd_doc *d) {
  int32_t day;
  rasd__tl_init();
  if (d->art->date && rasd_day_parse(d->art->date, &day)) {
    d->pub_day = day;
    return;
  }
  if (d->art->date) {
    /* 21/07/2015, 21.07.2015 10:00 */
    const char *s = d->art->date;
    uint32_t n = 0;
    int y, m, dd;
    while (s[n] && s[n] != ' ' && s[n] != 'T' && n < 32) n++;
    if (numeric_key(s, n, &y, &m, &dd) == 1) {
      d->pub_day = rasd_days_from_civil(y, m, dd);
      return;
    }
  }
  uint32_t line = 0, ls = 0;
  for (uint32_t i = 0; i < d->ntoks && d->toks[i].start < DATELINE_BYTES; i++) {
    if (i > 0 && (d->toks[i].flags & RASD_TOKF_NL_BEFORE)) {
      if (++line >= DATELINE_LINES) break;
      ls = i;
    }
    const rasd_token *t = &d->toks[i];
    if (t->kind != RASD_TOK_NUM && (t->kind != RASD_TOK_WORD || !rasd__tl_maybe(d->keys + t->key, t->key_len))) continue;
    dres r;
    if (!abs_at(d, i, NO, &r) || !r.has_year || r.prec != RASD_PREC_DAY || r.day == NO) continue;
    uint32_t le = r.end;
    while (le < d->ntoks && !(d->toks[le].flags & RASD_TOKF_NL_BEFORE)) le++;
    if (le - ls > DATELINE_TOKS) {
      i = r.end - 1;
      continue;
    }
    d->pub_day = r.day;
    d->pub_from_dateline = 1;
    d->dateline_start = d->toks[ls].start;
    d->dateline_end = d->toks[le - 1].end;
    return;
  }
}

/* ---- dates in the text ------------------------------------------------------ */
static rasd_date *push_date(rasd_doc *d, uint32_t *cap) {
  if (d->ndates == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 16;
    d->dates = rasd_arena_grow(d->arena, d->dates, *cap, nc, sizeof(rasd_date));
    *cap = nc;
  }
  rasd_date *t = &d->dates[d->ndates++];
  memset(t, 0, sizeof *t);
  return t;
}

/* Drop the numbers that overlap a date span (both arrays sorted by start). */
static void drop_numbers_in_dates(rasd_doc *d) {
  uint32_t k = 0, di = 0;
  for (uint32_t i = 0; i < d->nnums; i++) {
    const rasd_number *n = &d->nums[i];
    while (di < d->ndates && d->dates[di].end <= n->start) di++;
    int overlap = di < d->ndates && d->dates[di].start < n->end;
    if (!overlap) d->nums[k++] = *n;
  }
  d->nnums = k;
}

void rasd_date_find(rasd_doc *d) {
  rasd__tl_init();
  uint32_t cap = 0;
  int32_t pub = d->pub_day;
  d->ndates = 0;
  d->dates = NULL;
  uint32_t year_sent = UINT32_MAX;
  int year = 0;
  for (uint32_t i = 0; i < d->ntoks; i++) {
    const rasd_token *t = &d->toks[i];
    if (t->kind != RASD_TOK_NUM &&
        (t->kind != RASD_TOK_WORD || rasd__tl_none(d, i) ||
         !rasd__tl_starts(d, i, START_TABS, START_KINDS, ALLOW_CL, ALLOW_CL | RASD_CL_ART)))
      continue;
    dres r;
    ctx_year = t->sent == year_sent ? year : 0;
    int ok = date_at(d, i, pub, &r);
    ctx_year = 0;
    if (!ok || r.end <= i) continue;
    if (r.has_year && !r.hijri && r.day != NO && (r.prec == RASD_PREC_DAY || r.prec == RASD_PREC_YEAR || r.prec == RASD_PREC_MONTH)) {
      int yy, mm, dd;
      rasd_civil_from_days(r.day, &yy, &mm, &dd);
      year = yy;
      year_sent = t->sent;
    }
    rasd_date *o = push_date(d, &cap);
    o->tok_begin = i;
    o->tok_end = r.end;
    o->start = t->start;
    o->end = d->toks[r.end - 1].end;
    o->day = r.day;
    o->day_end = r.day_end;
    o->prec = r.prec;
    o->relative = r.relative;
    o->hijri = r.hijri;
    i = r.end - 1;
  }
  drop_numbers_in_dates(d);
}
