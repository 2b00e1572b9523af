/*
** text/date.c -- publication date and dates in the text (STUB: filled by the dates work).
*/
#include "text.h"

void rasd_date_pub(rasd_doc *doc) {
  int32_t day;
  if (doc->art->date && rasd_day_parse(doc->art->date, &day)) doc->pub_day = day;
}

void rasd_date_find(rasd_doc *doc) {
  (void)doc;
}
