/*
** text/calendar.c -- Gregorian day arithmetic (days since 1970-01-01).
** Algorithms after Howard Hinnant's public-domain civil-date formulas.
*/
#include <stdio.h>

#include "text.h"

int32_t rasd_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (int32_t)doe - 719468;
}

void rasd_civil_from_days(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = (unsigned)(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)yoe + era * 400 + (*m <= 2);
}

int rasd_weekday(int32_t z) { return (int)((z >= -4) ? (z + 4) % 7 : (z + 5) % 7 + 6); }

void rasd_day_str(int32_t days, char out[11]) {
  int y, m, d;
  rasd_civil_from_days(days, &y, &m, &d);
  if (y < 0 || y > 9999) y = m = d = 0;
  int v[3] = {y, m, d}, w[3] = {4, 2, 2};
  char *o = out;
  for (int f = 0; f < 3; f++) {
    if (f) *o++ = '-';
    for (int k = w[f] - 1, x = v[f]; k >= 0; k--, x /= 10) o[k] = (char)('0' + x % 10);
    o += w[f];
  }
  *o = 0;
}

int rasd_day_parse(const char *s, int32_t *days) {
  int y, m, d;
  if (!s) return 0;
  for (int i = 0; i < 10; i++) {
    if (!s[i]) return 0;
    if ((i == 4 || i == 7) ? (s[i] != '-' && s[i] != '/' && s[i] != '.') : (s[i] < '0' || s[i] > '9')) return 0;
  }
  if (s[10] >= '0' && s[10] <= '9') return 0;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > mdays[m - 1]) return 0;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
  *days = rasd_days_from_civil(y, m, d);
  return 1;
}
