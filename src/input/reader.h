/*
** input/reader.h -- a stream of articles from files, directories or stdin.
**
** Each path is read by what it holds: JSON Lines (also gzip-compressed,
** one article a line), or a whole HTML or plain-text file (the id is the
** file name).  A directory is walked for .jsonl/.json/.gz/.html/.htm/.txt.
** "-" or no path at all means standard input (JSON Lines, or one
** HTML/text article when the first byte is not '{').
**
** Bad records never stop the stream: rasd_in_next reports them through a
** rasd_diag and the next call goes on with the next record.
*/
#ifndef RASD_READER_H
#define RASD_READER_H
#include <stddef.h>

#include "../core/arena.h"
#include "../core/diag.h"
#include "article.h"

#define RASD_MAX_ARTICLE_DEFAULT (8u << 20) /* 8 MiB of text */

typedef struct rasd_reader rasd_reader;

/* Open a reader over npaths paths (0 = stdin).  Paths are borrowed. */
rasd_reader *rasd_in_open(const char *const *paths, int npaths, size_t max_article);
void rasd_in_close(rasd_reader *r);

/* Next article, its strings allocated in a.  Returns
**   RASD_OK        art filled;
**   RASD_NOTFOUND  end of all input;
**   anything else  a record was skipped (BADJSON, BADUTF8, EMPTY, TOOBIG,
**                  BADINPUT, IO): *diag says where and why; call again. */
rasd_rc rasd_in_next(rasd_reader *r, rasd_arena *a, rasd_article *art, rasd_diag *diag);

/* Bytes of input consumed so far (compressed bytes for .gz), for progress. */
size_t rasd_in_bytes(const rasd_reader *r);

/* Parse one JSON Lines record (line[0..n)) into art.  source/lineno are
** used for the default id and diagnostics.  Exposed for tests and fuzzing. */
rasd_rc rasd_in_parse_json(const char *line, size_t n, const char *source, long lineno, size_t max_article,
                           rasd_arena *a, rasd_article *art, rasd_diag *diag);

/* Extract the main text of an HTML page (html.c): scripts, styles, menus,
** share bars and page clutter are dropped; block elements become line
** breaks.  *text and *title (may be NULL) are allocated in a. */
rasd_rc rasd_in_html_text(const char *html, size_t n, rasd_arena *a, char **text, size_t *text_len, char **title);

#endif
