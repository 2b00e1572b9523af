/*
** input/article.h -- one news article as read from the input.
**
** Strings are NUL-terminated copies owned by whoever filled the struct (the
** readers allocate them in the article arena).  `text` is the article body
** that every span refers to: for HTML input it is the extracted main text,
** for JSON Lines it is the "text" field (or the text extracted from "html").
*/
#ifndef RASD_ARTICLE_H
#define RASD_ARTICLE_H
#include <stddef.h>

typedef struct rasd_article {
  const char *id;      /* input id, or file name for files */
  const char *text;    /* UTF-8 body; spans are byte offsets into it */
  size_t text_len;
  const char *url, *outlet, *title; /* may be NULL */
  const char *date;    /* publication date as given (may be NULL) */
  /* where it came from, for diagnostics */
  const char *source;  /* file name or "<stdin>" */
  long line;           /* 1-based line in a JSON Lines file, 0 for whole files */
} rasd_article;

#endif
