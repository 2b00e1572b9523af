/*
** out/jfield.c -- ",\"key\":value" members for the JSON writers (query
** output, GeoJSON properties): strings, counts with -1 as null, days.
*/
#include "../text/text.h"
#include "out.h"

void rasd_out_jstr(rasd_buf *b, const char *k, const char *v) {
  rasd_buf_printf(b, ",\"%s\":", k);
  rasd_buf_json_cstr(b, v);
}

void rasd_out_jint(rasd_buf *b, const char *k, long v) {
  if (v < 0) rasd_buf_printf(b, ",\"%s\":null", k);
  else rasd_buf_printf(b, ",\"%s\":%ld", k, v);
}

void rasd_out_jday(rasd_buf *b, const char *k, int32_t day) {
  char ds[11];
  if (day == RASD_NO_DAY) { rasd_buf_printf(b, ",\"%s\":null", k); return; }
  rasd_day_str(day, ds);
  rasd_buf_printf(b, ",\"%s\":\"%s\"", k, ds);
}
