/*
** input/reader.c -- the article stream over paths (see reader.h).
**
** Every file is opened through zlib's gzopen, which reads plain files as
** they are, so .gz needs no special case.  Input is read in chunks into one
** buffer; JSON Lines records are found with memchr and handed to the JSON
** parser in place (no copy), so the buffer only grows to the longest line
** kept.  A line over the limit (6 x --max-article + 4 KiB, since JSON
** escapes inflate text) is reported and skipped to its end without being
** held in memory.
**
** What a path holds is decided by its name, then by its first bytes:
**   .jsonl .json .ndjson (also .gz)   JSON Lines
**   .html .htm / .txt                 one HTML / plain-text article
**   otherwise (and stdin)             JSON Lines when the first non-space
**                                     byte is '{' or '[', else one article
**                                     (HTML when that byte is '<').
** A leading UTF-8 byte-order mark is skipped.  An empty stdin or JSON Lines
** file is no error; an empty article file is.
*/
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../text/uni.h"

#define CHUNK (1u << 18) /* bytes asked of zlib at a time */

enum { KIND_SNIFF, KIND_JSONL, KIND_HTML, KIND_TEXT };

struct rasd_reader {
  char **paths; /* expanded (directories walked), owned */
  int npaths, next_path;
  size_t max_article;
  gzFile gz;       /* current file */
  const char *cur; /* its name */
  long lineno;
  char *in;               /* input buffer: in[pos..len) not yet consumed */
  size_t cap, pos, len;
  int eof, err;           /* zlib reported end of file / an error */
  size_t bytes_done;      /* of files already closed */
};

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int kind_by_name(const char *p) {
  static const char *const jsonl[] = {".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz"};
  for (size_t i = 0; i < sizeof jsonl / sizeof *jsonl; i++)
    if (has_suffix(p, jsonl[i])) return KIND_JSONL;
  if (has_suffix(p, ".html") || has_suffix(p, ".htm") || has_suffix(p, ".html.gz") || has_suffix(p, ".htm.gz"))
    return KIND_HTML;
  if (has_suffix(p, ".txt") || has_suffix(p, ".txt.gz")) return KIND_TEXT;
  return KIND_SNIFF;
}

static int wanted_in_dir(const char *name) {
  static const char *const sufs[] = {".jsonl", ".json", ".ndjson", ".gz", ".html", ".htm", ".txt"};
  for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++)
    if (has_suffix(name, sufs[i])) return 1;
  return 0;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_path(rasd_reader *r, int *cap, const char *p) {
  if (r->npaths == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    r->paths = rasd_xrealloc(r->paths, (size_t)*cap * sizeof *r->paths);
  }
  r->paths[r->npaths++] = rasd_xstrndup(p, strlen(p));
}

/* Directories are walked in sorted order so runs are reproducible. */
static void expand(rasd_reader *r, int *cap, const char *p, int depth) {
  struct stat st;
  if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode) && depth < 16) {
    DIR *d = opendir(p);
    if (!d) { add_path(r, cap, p); return; }
    char **names = NULL;
    size_t nn = 0, nc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      if (nn == nc) { nc = nc ? nc * 2 : 64; names = rasd_xrealloc(names, nc * sizeof *names); }
      size_t l = strlen(p) + strlen(e->d_name) + 2;
      names[nn] = rasd_xmalloc(l);
      snprintf(names[nn], l, "%s/%s", p, e->d_name);
      nn++;
    }
    closedir(d);
    if (nn) qsort(names, nn, sizeof *names, cmpstr);
    for (size_t i = 0; i < nn; i++) {
      struct stat s2;
      if (stat(names[i], &s2) == 0 && S_ISDIR(s2.st_mode)) expand(r, cap, names[i], depth + 1);
      else if (wanted_in_dir(names[i])) add_path(r, cap, names[i]);
      free(names[i]);
    }
    free(names);
    return;
  }
  add_path(r, cap, p);
}

rasd_reader *rasd_in_open(const char *const *paths, int npaths, size_t max_article) {
  rasd_reader *r = rasd_xcalloc(1, sizeof *r);
  int cap = 0;
  r->max_article = max_article ? max_article : RASD_MAX_ARTICLE_DEFAULT;
  if (npaths == 0) add_path(r, &cap, "-");
  for (int i = 0; i < npaths; i++) expand(r, &cap, paths[i], 0);
  r->cap = 2 * CHUNK;
  r->in = rasd_xmalloc(r->cap);
  return r;
}

static void close_cur(rasd_reader *r) {
  if (r->gz) {
    r->bytes_done += (size_t)gzoffset(r->gz);
    gzclose(r->gz);
    r->gz = NULL;
  }
  r->pos = r->len = 0;
  r->eof = r->err = 0;
}

void rasd_in_close(rasd_reader *r) {
  if (!r) return;
  close_cur(r);
  for (int i = 0; i < r->npaths; i++) free(r->paths[i]);
  free(r->paths);
  free(r->in);
  free(r);
}

size_t rasd_in_bytes(const rasd_reader *r) { return r->bytes_done + (r->gz ? (size_t)gzoffset(r->gz) : 0); }

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* Read more input after in[len), moving the unread part to the front and
** growing the buffer when it is full.  Returns bytes added (0 at EOF or on
** error, with r->eof / r->err set). */
static size_t fill(rasd_reader *r) {
  if (r->eof || r->err) return 0;
  if (r->pos) {
    memmove(r->in, r->in + r->pos, r->len - r->pos);
    r->len -= r->pos;
    r->pos = 0;
  }
  if (r->cap - r->len < CHUNK) {
    r->cap = r->cap * 2 > r->len + CHUNK ? r->cap * 2 : r->len + CHUNK;
    r->in = rasd_xrealloc(r->in, r->cap);
  }
  int got = gzread(r->gz, r->in + r->len, CHUNK), e = Z_OK;
  /* a truncated .gz gives what it could decompress (possibly over several
  ** calls, with Z_BUF_ERROR already set), then 0 with the error */
  gzerror(r->gz, &e);
  if (got < 0 || (got == 0 && e != Z_OK && e != Z_STREAM_END)) r->err = 1;
  if (got <= 0) { r->eof = !r->err; return 0; }
  r->len += (size_t)got;
  return (size_t)got;
}

/* The message for a zlib error on the current file. */
static const char *gz_msg(rasd_reader *r) {
  int e = 0;
  const char *m = gzerror(r->gz, &e);
  if (e == Z_ERRNO) return strerror(errno ? errno : EIO);
  if (!m || !*m) return "read error";
  size_t pl = strlen(r->paths[r->next_path - 1]); /* zlib says "PATH: message" */
  if (strncmp(m, r->paths[r->next_path - 1], pl) == 0 && m[pl] == ':' && m[pl + 1] == ' ') m += pl + 2;
  return m;
}

/* Next line of the current file, without its "\n" (and "\r"), in place in
** the input buffer (valid until the next call).  Returns 1 with *p and *n set,
** 0 at end of file, -1 on a read error, -2 for a line over the limit
** (consumed and dropped). */
static int next_line(rasd_reader *r, const char **p, size_t *n) {
  size_t limit = r->max_article * 6 + 4096, scanned = 0;
  for (;;) {
    char *s = r->in + r->pos;
    char *nl = memchr(s + scanned, '\n', r->len - r->pos - scanned);
    if (nl) {
      size_t l = (size_t)(nl - s);
      r->pos += l + 1;
      if (l > limit) return -2;
      if (l && s[l - 1] == '\r') l--;
      *p = s;
      *n = l;
      return 1;
    }
    scanned = r->len - r->pos;
    if (scanned > limit) { /* drop what we hold and skip to the end of the line */
      r->pos = r->len;
      scanned = 0;
      for (;;) {
        if (!fill(r)) return r->err ? -1 : -2;
        nl = memchr(r->in + r->pos, '\n', r->len - r->pos);
        if (nl) { r->pos = (size_t)(nl - r->in) + 1; return -2; }
        r->pos = r->len;
      }
    }
    if (!fill(r)) {
      if (r->err) return -1;
      if (r->pos == r->len) return 0;
      /* last line without a newline */
      s = r->in + r->pos;
      size_t l = r->len - r->pos;
      r->pos = r->len;
      if (l && s[l - 1] == '\r') l--;
      *p = s;
      *n = l;
      return 1;
    }
  }
}

static int is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

/* The rest of the current file as one article (HTML or plain text). */
static rasd_rc read_whole(rasd_reader *r, int kind, rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  rasd_rc rc = RASD_OK;
  memset(art, 0, sizeof *art);
  art->source = r->cur;
  art->id = rasd_arena_strndup(a, base_name(r->cur), strlen(base_name(r->cur)));
  snprintf(diag->id, sizeof diag->id, "%s", art->id);
  /* HTML may carry 4x its text in markup */
  size_t limit = r->max_article * 4;
  while (r->len - r->pos <= limit && fill(r)) {}
  size_t len = r->len - r->pos;
  const char *data = r->in + r->pos;
  if (kind == KIND_SNIFF) {
    size_t k = 0;
    while (k < len && is_ws(data[k])) k++;
    kind = k < len && data[k] == '<' ? KIND_HTML : KIND_TEXT;
  }
  const char *nul = memchr(data, 0, len);
  size_t bad;
  if (r->err) {
    rc = RASD_IO;
    rasd_diag_set(diag, r->cur, 0, "read error: %s; skipped", gz_msg(r));
  } else if (len > limit || (kind == KIND_TEXT && len > r->max_article)) {
    rc = RASD_TOOBIG;
    rasd_diag_set(diag, r->cur, 0, "file is over the %zu-byte article limit; skipped", r->max_article);
  } else if (nul) {
    rc = RASD_BADINPUT;
    rasd_diag_set(diag, r->cur, 0, "NUL byte at byte %zu (not a text file?); skipped", (size_t)(nul - data));
  } else if ((bad = rasd_uni_invalid_at(data, len)) != 0) {
    rc = RASD_BADUTF8;
    rasd_diag_set(diag, r->cur, 0, "invalid UTF-8 at byte %zu; skipped", bad - 1);
  } else if (kind == KIND_HTML) {
    char *t, *title = NULL;
    size_t tl;
    rc = rasd_in_html_text(data, len, a, &t, &tl, &title);
    if (rc != RASD_OK) rasd_diag_set(diag, r->cur, 0, "could not read the html: %s; skipped", rasd_errstr(rc));
    art->text = t;
    art->text_len = tl;
    art->title = title;
  } else {
    art->text = rasd_arena_strndup(a, data, len);
    art->text_len = len;
  }
  if (rc == RASD_OK) {
    size_t k = 0;
    while (k < art->text_len && is_ws(art->text[k])) k++;
    if (k == art->text_len) { rc = RASD_EMPTY; rasd_diag_set(diag, r->cur, 0, "empty article; skipped"); }
  }
  close_cur(r);
  return rc;
}

/* Open the next path and decide what it holds.  Returns RASD_OK with
** *kind set, RASD_NOTFOUND when no path is left, or an error (diag set). */
static rasd_rc open_next(rasd_reader *r, int *kind, rasd_diag *diag) {
  if (r->next_path >= r->npaths) return RASD_NOTFOUND;
  const char *p = r->paths[r->next_path++];
  int is_stdin = strcmp(p, "-") == 0;
  r->cur = is_stdin ? "<stdin>" : p;
  r->lineno = 0;
  errno = 0;
  struct stat st;
  if (!is_stdin && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
    rasd_diag_set(diag, r->cur, 0, "cannot open: is a directory nested too deep");
    return RASD_IO;
  }
  if (is_stdin) {
    int fd = dup(0);
    r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
    if (!r->gz && fd >= 0) close(fd);
  } else {
    r->gz = gzopen(p, "rb");
  }
  if (!r->gz) {
    rasd_diag_set(diag, r->cur, 0, "cannot open: %s", strerror(errno ? errno : ENOENT));
    return RASD_IO;
  }
  gzbuffer(r->gz, 1 << 17);
  r->pos = r->len = 0;
  r->eof = r->err = 0;
  /* sniff: skip a BOM, then look at the first non-space byte */
  while (r->len < 3 && fill(r)) {}
  if (r->len >= 3 && memcmp(r->in, "\xEF\xBB\xBF", 3) == 0) r->pos = 3;
  *kind = is_stdin ? KIND_SNIFF : kind_by_name(p);
  size_t k = r->pos;
  for (;;) {
    while (k < r->len && is_ws(r->in[k])) k++;
    if (k < r->len || !fill(r)) break;
  }
  if (r->err && r->pos == r->len) {
    rasd_diag_set(diag, r->cur, 0, "read error: %s", gz_msg(r));
    close_cur(r);
    return RASD_IO;
  }
  if (k == r->len && (is_stdin || *kind == KIND_JSONL)) { /* empty stream: nothing to read */
    close_cur(r);
    return open_next(r, kind, diag);
  }
  if (*kind == KIND_SNIFF && k < r->len && (r->in[k] == '{' || r->in[k] == '[')) *kind = KIND_JSONL;
  return RASD_OK;
}

rasd_rc rasd_in_next(rasd_reader *r, rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  diag->id[0] = 0;
  for (;;) {
    if (!r->gz) {
      int kind;
      rasd_rc rc = open_next(r, &kind, diag);
      if (rc != RASD_OK) return rc;
      if (kind != KIND_JSONL) return read_whole(r, kind, a, art, diag);
    }
    const char *line;
    size_t n;
    int got = next_line(r, &line, &n);
    if (got == 0) { close_cur(r); continue; }
    r->lineno++;
    if (got == -1) {
      rasd_diag_set(diag, r->cur, r->lineno, "read error: %s; rest of the file skipped", gz_msg(r));
      close_cur(r);
      return RASD_IO;
    }
    if (got == -2) {
      rasd_diag_set(diag, r->cur, r->lineno, "line is over the %zu-byte size limit; skipped",
                    r->max_article * 6 + 4096);
      return RASD_TOOBIG;
    }
    size_t k = 0;
    while (k < n && is_ws(line[k])) k++;
    if (k == n) continue; /* blank line */
    const char *nul = memchr(line, 0, n);
    if (nul) {
      rasd_diag_set(diag, r->cur, r->lineno, "NUL byte at column %zu; line skipped", (size_t)(nul - line) + 1);
      return RASD_BADINPUT;
    }
    return rasd_in_parse_json(line, n, r->cur, r->lineno, r->max_article, a, art, diag);
  }
}
