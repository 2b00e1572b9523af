/*
** code/event.h -- one coded event: the record `rasd code` prints.
**
** Field names follow PLOVER (see docs/FORMAT.md).  An event borrows its
** strings and actor arrays from the document arena; the output and store
** stages copy what they keep.  Spans are [start, end) byte offsets into the
** article text.
*/
#ifndef RASD_EVENT_H
#define RASD_EVENT_H
#include <stdint.h>

#include "../text/doc.h"

#define RASD_MAX_MODES 4
#define RASD_MAX_PARTIES 6
#define RASD_MAX_EXPLAIN 8

typedef struct rasd_event {
  const char *event;                 /* PLOVER category, e.g. "ASSAULT" */
  const char *mode[RASD_MAX_MODES];  /* PLOVER modes, NULL-terminated when short */
  const char *context[RASD_MAX_MODES];
  const char *acled_type, *acled_subtype; /* both NULL when ACLED would not code it */

  int32_t day, day_end;      /* days since epoch; RASD_NO_DAY when unknown */
  uint8_t date_prec;         /* enum rasd_prec */
  uint8_t background;        /* recalled as history, not news */

  rasd_actor actor[RASD_MAX_PARTIES];     uint8_t nactor;
  rasd_actor recipient[RASD_MAX_PARTIES]; uint8_t nrecipient;
  int32_t place;             /* index into doc->places, -1 when none */
  uint8_t place_inherited;   /* the place came from the context, not the event's sentence */

  int32_t dead, injured, arrested; /* -1 = null */
  uint8_t dead_qual;         /* enum rasd_qual */
  int32_t size_n;            /* -1 = no size */
  const char *size_unit;
  uint8_t size_approx;

  uint32_t trig_start, trig_end;   /* trigger word(s) */
  uint32_t sent;                   /* sentence index */
  float confidence;                /* 0..1 */

  /* --explain: which lexicon entries and rules produced the record */
  const char *explain[RASD_MAX_EXPLAIN]; uint8_t nexplain;
} rasd_event;

#endif
