/*
** input/reader.c -- the article stream over paths (see reader.h).
**
** Every file is opened through zlib's gzopen, which reads plain files as
** they are, so .gz needs no special case.  JSON Lines are read a line at a
** time into a buffer that grows to the record-size limit; a longer line is
** reported and skipped to its end without being held in memory.
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

struct rasd_reader {
  char **paths; /* expanded (directories walked), owned */
  int npaths, next_path;
  size_t max_article;
  gzFile gz;       /* current file */
  const char *cur; /* its name */
  int cur_jsonl;   /* reading JSON Lines */
  long lineno;
  char *buf;
  size_t cap;
  size_t bytes_done; /* of files already closed */
};

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int wanted_in_dir(const char *name) {
  static const char *const sufs[] = {".jsonl", ".json", ".jsonl.gz", ".gz", ".html", ".htm", ".txt"};
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
    qsort(names, nn, sizeof *names, cmpstr);
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
  r->cap = 1 << 16;
  r->buf = rasd_xmalloc(r->cap);
  return r;
}

static void close_cur(rasd_reader *r) {
  if (r->gz) {
    r->bytes_done += (size_t)gzoffset(r->gz);
    gzclose(r->gz);
    r->gz = NULL;
  }
}

void rasd_in_close(rasd_reader *r) {
  if (!r) return;
  close_cur(r);
  for (int i = 0; i < r->npaths; i++) free(r->paths[i]);
  free(r->paths);
  free(r->buf);
  free(r);
}

size_t rasd_in_bytes(const rasd_reader *r) { return r->bytes_done + (r->gz ? (size_t)gzoffset(r->gz) : 0); }

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* Read one line (without the newline) into r->buf.  Returns length, -1 at
** EOF, -2 for a line over the limit (skipped to its end). */
static long read_line(rasd_reader *r) {
  size_t len = 0, limit = r->max_article * 6 + 4096; /* JSON escapes may inflate text */
  int over = 0;
  for (;;) {
    if (len + 2 > r->cap) {
      if (r->cap >= limit) { over = 1; len = 0; }
      else { r->cap *= 2; r->buf = rasd_xrealloc(r->buf, r->cap); }
    }
    if (!gzgets(r->gz, r->buf + len, (int)(r->cap - len > 1u << 30 ? 1u << 30 : r->cap - len))) {
      if (len == 0 && !over) return -1;
      break;
    }
    size_t got = strlen(r->buf + len);
    len += got;
    if (len && r->buf[len - 1] == '\n') { r->buf[--len] = 0; break; }
    if (got == 0) break; /* NUL byte in the line: treat as end */
  }
  if (over) return -2;
  if (len && r->buf[len - 1] == '\r') r->buf[--len] = 0;
  return (long)len;
}

/* A whole file (HTML or plain text) as one article. */
static rasd_rc read_whole(rasd_reader *r, rasd_arena *a, rasd_article *art, rasd_diag *diag, const char *first, size_t nfirst) {
  size_t len = nfirst, cap = nfirst + 65536;
  char *data = rasd_xmalloc(cap);
  memcpy(data, first, nfirst);
  rasd_rc rc = RASD_OK;
  for (;;) {
    if (len == cap) {
      if (cap > r->max_article * 4) { rc = RASD_TOOBIG; break; }
      cap *= 2;
      data = rasd_xrealloc(data, cap);
    }
    int got = gzread(r->gz, data + len, (unsigned)(cap - len));
    if (got < 0) { rc = RASD_IO; break; }
    if (got == 0) break;
    len += (size_t)got;
  }
  memset(art, 0, sizeof *art);
  art->source = r->cur;
  art->id = rasd_arena_strndup(a, base_name(r->cur), strlen(base_name(r->cur)));
  snprintf(diag->id, sizeof diag->id, "%s", art->id);
  int is_html = has_suffix(r->cur, ".html") || has_suffix(r->cur, ".htm");
  if (!is_html) {
    size_t k = 0;
    while (k < len && (data[k] == ' ' || data[k] == '\n' || data[k] == '\r' || data[k] == '\t')) k++;
    is_html = k < len && data[k] == '<';
  }
  size_t bad = rc == RASD_OK ? rasd_uni_invalid_at(data, len) : 0;
  if (rc == RASD_TOOBIG) rasd_diag_set(diag, r->cur, 0, "file is over the %zu-byte article limit; skipped", r->max_article);
  else if (rc == RASD_IO) rasd_diag_set(diag, r->cur, 0, "read error; skipped");
  else if (bad) { rc = RASD_BADUTF8; rasd_diag_set(diag, r->cur, 0, "invalid UTF-8 at byte %zu; skipped", bad - 1); }
  else if (is_html) {
    char *t, *title = NULL;
    size_t tl;
    rc = rasd_in_html_text(data, len, a, &t, &tl, &title);
    if (rc != RASD_OK) rasd_diag_set(diag, r->cur, 0, "could not read the html: %s; skipped", rasd_errstr(rc));
    art->text = t;
    art->text_len = tl;
    art->title = title;
  } else if (len > r->max_article) {
    rc = RASD_TOOBIG;
    rasd_diag_set(diag, r->cur, 0, "file is over the %zu-byte article limit; skipped", r->max_article);
  } else {
    art->text = rasd_arena_strndup(a, data, len);
    art->text_len = len;
  }
  if (rc == RASD_OK) {
    size_t k = 0;
    while (k < art->text_len && (art->text[k] == ' ' || art->text[k] == '\n' || art->text[k] == '\r' || art->text[k] == '\t')) k++;
    if (k == art->text_len) { rc = RASD_EMPTY; rasd_diag_set(diag, r->cur, 0, "empty article; skipped"); }
  }
  free(data);
  close_cur(r);
  return rc;
}

rasd_rc rasd_in_next(rasd_reader *r, rasd_arena *a, rasd_article *art, rasd_diag *diag) {
  diag->id[0] = 0;
  for (;;) {
    if (!r->gz) {
      if (r->next_path >= r->npaths) return RASD_NOTFOUND;
      const char *p = r->paths[r->next_path++];
      r->cur = strcmp(p, "-") == 0 ? "<stdin>" : p;
      r->gz = strcmp(p, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(p, "rb");
      r->lineno = 0;
      if (!r->gz) {
        rasd_diag_set(diag, r->cur, 0, "cannot open: %s", strerror(errno ? errno : ENOENT));
        return RASD_IO;
      }
      gzbuffer(r->gz, 1 << 17);
      /* sniff: JSON Lines when the first non-space byte is '{' */
      int c;
      char first[64];
      size_t nf = 0;
      while ((c = gzgetc(r->gz)) != -1 && (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF))
        if (nf < sizeof first) first[nf++] = (char)c;
      if (c == -1) {
        rasd_diag_set(diag, r->cur, 0, "empty input");
        close_cur(r);
        return RASD_EMPTY;
      }
      if (c == '{' && !has_suffix(r->cur, ".html") && !has_suffix(r->cur, ".htm") && !has_suffix(r->cur, ".txt")) {
        gzungetc(c, r->gz);
        r->cur_jsonl = 1;
        /* count the blank lines we skipped */
        for (size_t k = 0; k < nf; k++) r->lineno += first[k] == '\n';
      } else {
        if (nf < sizeof first) first[nf++] = (char)c;
        return read_whole(r, a, art, diag, first, nf);
      }
    }
    long n = read_line(r);
    r->lineno++;
    if (n == -1) {
      int err;
      const char *m = gzerror(r->gz, &err);
      if (err != Z_OK && err != Z_STREAM_END) {
        rasd_diag_set(diag, r->cur, r->lineno, "read error: %s", m);
        close_cur(r);
        return RASD_IO;
      }
      close_cur(r);
      continue;
    }
    if (n == -2) {
      rasd_diag_set(diag, r->cur, r->lineno, "line is over the size limit; skipped");
      return RASD_TOOBIG;
    }
    size_t k = 0;
    while (k < (size_t)n && (r->buf[k] == ' ' || r->buf[k] == '\t')) k++;
    if (k == (size_t)n) continue; /* blank line */
    return rasd_in_parse_json(r->buf, (size_t)n, r->cur, r->lineno, r->max_article, a, art, diag);
  }
}
