/*
** code/actor.h -- actor lexicon and actor mentions (stage "evt").
**
** Named actors (قوات النظام، الدفاع الوطني، داعش، الحوثيون...) come from
** data/lex/actors.tsv; generic actors are composed from a role noun (جيش،
** قوات، شرطة، مسلحون، مدنيون...) in data/lex/actor-roles.tsv and a
** nationality or country (الروسي، التركية، العراق...) in
** data/lex/nationalities.tsv.  rasd_actor_find fills doc->actors in text
** order.  The columns are documented in each file and in data/lex/README.md.
**
** Conventions the event coder relies on:
**  - Every string of a rasd_actor (entity_name, country, sector, rule) is
**    owned by the lexicon and lives until rasd_actor_lex_free; the actors
**    array lives in doc->arena.
**  - country == NULL means "the country of the event's place": unidentified
**    gunmen (مسلحون مجهولون: "Unidentified Armed Group", UAF), civilians
**    (مدنيون: "Civilians", CVL), a bare الجيش / الشرطة / الحكومة.  Fill it
**    with rasd_actor_set_country, which also completes the name
**    ("Civilians" -> "Civilians (Yemen)").
**  - A bare country name used as an actor (روسيا تشن حملة، واشنطن طلبت) is
**    emitted as the state's government, "Government of Russia" RUS GOV,
**    with rasd_actor_is_state() true.  The GUIDE codes a state acting
**    militarily as MIL: for ASSAULT / MOBILIZE / COERCE the coder switches
**    it with rasd_actor_as_state(lx, a->country, "MIL", day, a).
**  - Named actors whose referent changed over time (Syria's government
**    forces before and after 8 Dec 2024, HTS, the RSF...) are resolved
**    against doc->pub_day; an event recalled as history can be re-resolved
**    for its own date with rasd_actor_redate.
**  - Anaphora is kept simple: التنظيم، الميليشيات، المتمردين، المقاومة،
**    التحالف refer to the last actor of that class named earlier in the
**    article (actors.tsv column "class"); with none they fall back to the
**    next row for the surface or are not actors.
**
** Lookups never allocate beyond doc->arena; a loaded lexicon is read-only
** and can be shared between threads.
*/
#ifndef RASD_ACTOR_H
#define RASD_ACTOR_H
#include "../core/diag.h"
#include "../text/doc.h"

typedef struct rasd_actor_lex rasd_actor_lex;
/* The owner of the word-cache memo of its phrase lexicons (bit pairs 0-2;
** see rasd_phrase_memo): itself, or the lexicon it is part of. */
void rasd_actor_lex_memo(rasd_actor_lex *lx, const void *owner);

/* Load the actor lexicons under dir/lex/ (actors.tsv, actor-roles.tsv,
** nationalities.tsv) plus extra user files in the format of actors.tsv
** (may be NULL/0).  On success *out is set and RASD_OK returned.  IO when a
** file cannot be read, LEXICON for a malformed row, with *diag at
** file:line; *out is NULL then. */
rasd_rc rasd_actor_lex_open(const char *dir, const char *const *extra, int nextra, rasd_actor_lex **out,
                            rasd_diag *diag);
void rasd_actor_lex_free(rasd_actor_lex *lx);

/* Find actor mentions in doc (after the text layer; after the geo stage
** when places should steer ambiguous names such as التحالف).  Replaces
** doc->actors / doc->nactors.  Cannot fail. */
void rasd_actor_find(const rasd_actor_lex *lx, rasd_doc *doc);

/* Number of named-actor rows, role rows, nationality rows, and surface
** phrases in all three lexicons (for `--explain` and tests). */
void rasd_actor_lex_counts(const rasd_actor_lex *lx, uint32_t *named, uint32_t *roles, uint32_t *nats,
                           uint32_t *phrases);

/* 1 when a is a bare country name read as the state's government. */
int rasd_actor_is_state(const rasd_actor *a);

/* When a->country is NULL, set it to iso3 and complete a composed name
** ("Civilians" -> "Civilians (Iraq)") for the state as it was on `day`
** (RASD_NO_DAY: any).  Returns 1 when a changed, 0 when a already had a
** country.  iso3 must outlive a when it is not in nationalities.tsv. */
int rasd_actor_set_country(const rasd_actor_lex *lx, rasd_actor *a, const char *iso3, int32_t day);

/* Make a the state iso3's actor of `sector` on `day` (MIL -> "Military
** Forces of X", GOV -> "Government of X", COP -> "Police Forces of X",
** CVL -> "Civilians (X)"...), keeping its span.  Returns 1, or 0 (a
** unchanged) when the country or the sector has no pattern. */
int rasd_actor_as_state(const rasd_actor_lex *lx, const char *iso3, const char *sector, int32_t day,
                        rasd_actor *a);

/* Re-resolve a named actor of doc for another day (an event told as
** history).  Returns 1 when a changed. */
int rasd_actor_redate(const rasd_actor_lex *lx, const rasd_doc *doc, rasd_actor *a, int32_t day);

#endif
