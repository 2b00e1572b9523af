/*
** out/out.h -- writing records: annotations, PLOVER events (JSON Lines),
** ACLED CSV rows and GeoJSON features.
**
** Each function appends one complete record (with its trailing newline
** where the format has one) to a rasd_buf; the caller writes the buffer.
*/
#ifndef RASD_OUT_H
#define RASD_OUT_H
#include "../code/event.h"
#include "../core/buf.h"
#include "../text/doc.h"

/* One JSON line: the article's publication date, sentences, numbers,
** dates and places, each with its [start, end) span and text. */
void rasd_out_annotations(rasd_buf *b, const rasd_doc *doc);

/* One JSON line for event ev of doc (docs/FORMAT.md).  `index` makes the
** record id (ARTICLE-N); explain adds the "explain" list. */
void rasd_out_event_json(rasd_buf *b, const rasd_doc *doc, const rasd_event *ev, int index, int explain);

/* Helpers shared by the writers. */
void rasd_out_span(rasd_buf *b, uint32_t start, uint32_t end);
const char *rasd_out_qual_name(int qual);  /* "exact" "approx" "at_least" "at_most" */
const char *rasd_out_prec_name(int prec);  /* "day" "week" "month" "year" "range" */

#endif
