/*
** text/number.c -- numbers and what they count (STUB: filled by the numbers work).
*/
#include "text.h"

void rasd_num_find(rasd_doc *doc) {
  (void)doc;
}
