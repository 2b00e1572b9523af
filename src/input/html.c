/*
** input/html.c -- HTML main-text extraction with libgumbo (see reader.h).
**
** The page is parsed into a DOM (gumbo decodes entities and repairs the
** markup), then:
**   1. elements that never hold article text are dropped with everything
**      inside them: the tags and class/id words listed in
**      data/text/htmlclean.tsv (script, nav, share bars, comments, ads...);
**   2. the main container is chosen: the <article> holding the most text
**      when there is one, else the element whose <p> children (and bare text)
**      hold the most text, else <body>;
**   3. its text is written out, block elements (p div h1-h6 li br tr article
**      section...) as line breaks, runs of whitespace as one space;
**   4. lines that are page clutter ("+A", "حجم الخط", "شارك"...: the `line`
**      rows of htmlclean.tsv) and empty lines are dropped.
** The title is <title>, else og:title, else the first <h1>.
**
** Invariants: the output is valid UTF-8 (gumbo replaces bad bytes with
** U+FFFD), has no NUL, no "\r", no blank line and no leading/trailing
** whitespace on any line.  Markup nested over MAX_NEST levels is refused
** (RASD_BADINPUT) before gumbo sees it, and the DOM walk stops at MAX_DEPTH,
** so hostile nesting can exhaust neither time nor the stack.
*/
#include <gumbo.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../core/buf.h"
#include "../text/uni.h"
#include "gen_htmlclean.h" /* build/gen, from data/text/htmlclean.tsv */
#include "reader.h"

#define MAX_DEPTH 400     /* deeper subtrees are ignored */
#define MIN_MAIN_TEXT 200 /* bytes of paragraph text to trust a container */

/* ---- tables from data/text/htmlclean.tsv ------------------------------ */

static unsigned char drop_tag[GUMBO_TAG_LAST + 1];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void) {
  for (int i = 0; rasd__html_tag[i]; i++) {
    GumboTag t = gumbo_tag_enum(rasd__html_tag[i]);
    if (t != GUMBO_TAG_UNKNOWN && t <= GUMBO_TAG_LAST) drop_tag[t] = 1;
  }
}

static int is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BR: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TITLE:
      return 1;
    default:
      return 0;
  }
}

/* One lower-cased class/id word w[0..n) against the class/word tables. */
static int furniture_word(const char *w, size_t n) {
  for (int i = 0; rasd__html_class[i]; i++) {
    size_t m = strlen(rasd__html_class[i]);
    if (n >= m && memcmp(w, rasd__html_class[i], m) == 0) return 1;
  }
  for (int i = 0; rasd__html_word[i]; i++) {
    size_t m = strlen(rasd__html_word[i]);
    if (n == m && memcmp(w, rasd__html_word[i], m) == 0) return 1;
  }
  return 0;
}

/* Layout modifiers: "has-sidebar", "with-comments", "no-ads" describe the
** page around the element, not the element itself. */
static int modifier_word(const char *w, size_t n) {
  static const char *const mods[] = {"has", "with", "no", "is", "show", "hide", "enable", "disable", "layout", "template"};
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++)
    if (strlen(mods[i]) == n && memcmp(mods[i], w, n) == 0) return 1;
  return 0;
}

/* 1 when a class or id value holds a furniture word (split at space - _;
** a space-separated token that starts with a layout modifier is skipped). */
static int furniture_attr(const char *v) {
  char w[64];
  size_t n = 0;
  int first = 1, skip = 0; /* first word of its token; token skipped */
  for (;; v++) {
    unsigned char c = (unsigned char)*v;
    if (c == 0 || c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n') {
      if (n && n < sizeof w) {
        if (first && modifier_word(w, n)) skip = 1;
        else if (!skip && furniture_word(w, n)) return 1;
      }
      if (n) first = 0;
      if (c == ' ' || c == '\t' || c == '\n') first = 1, skip = 0;
      n = 0;
      if (!c) return 0;
      continue;
    }
    if (n < sizeof w) w[n] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    n++;
  }
}

/* 1 when the element is dropped with its subtree. */
static int dropped(const GumboNode *nd) {
  if (nd->type != GUMBO_NODE_ELEMENT && nd->type != GUMBO_NODE_TEMPLATE) return 0;
  const GumboElement *e = &nd->v.element;
  if (e->tag <= GUMBO_TAG_LAST && drop_tag[e->tag]) return 1;
  if (e->tag_namespace == GUMBO_NAMESPACE_SVG || e->tag_namespace == GUMBO_NAMESPACE_MATHML) return 1;
  /* body and html may carry site-wide classes such as "has-sidebar" */
  if (e->tag == GUMBO_TAG_BODY || e->tag == GUMBO_TAG_HTML || e->tag == GUMBO_TAG_ARTICLE ||
      e->tag == GUMBO_TAG_MAIN)
    return 0;
  const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "class");
  if (a && furniture_attr(a->value)) return 1;
  a = gumbo_get_attribute(&e->attributes, "id");
  if (a && furniture_attr(a->value)) return 1;
  a = gumbo_get_attribute(&e->attributes, "role");
  if (a && (!strcmp(a->value, "navigation") || !strcmp(a->value, "banner") || !strcmp(a->value, "complementary")))
    return 1;
  a = gumbo_get_attribute(&e->attributes, "hidden");
  return a != NULL;
}

/* ---- choosing the main container -------------------------------------- */

typedef struct {
  const GumboNode *best;      /* element with most paragraph text */
  size_t best_score;
  const GumboNode *article;   /* <article> with most text */
  size_t article_len;
  const GumboNode *body, *title, *h1;
} scan;

/* Visible text bytes under nd (dropped subtrees excluded). */
static size_t score(const GumboNode *nd, int depth, scan *s) {
  if (nd->type == GUMBO_NODE_TEXT || nd->type == GUMBO_NODE_CDATA) return strlen(nd->v.text.text);
  if (nd->type != GUMBO_NODE_ELEMENT && nd->type != GUMBO_NODE_TEMPLATE) return 0;
  const GumboElement *e = &nd->v.element;
  if (e->tag == GUMBO_TAG_TITLE && !s->title) s->title = nd;
  if (e->tag == GUMBO_TAG_HEAD) /* dropped, but holds the title */
    for (unsigned i = 0; i < e->children.length && depth < MAX_DEPTH; i++) score(e->children.data[i], depth + 1, s);
  if (dropped(nd) || depth > MAX_DEPTH) return 0;
  if (e->tag == GUMBO_TAG_H1 && !s->h1) s->h1 = nd;
  if (e->tag == GUMBO_TAG_BODY && !s->body) s->body = nd;
  size_t total = 0, para = 0;
  for (unsigned i = 0; i < e->children.length; i++) {
    const GumboNode *c = e->children.data[i];
    size_t l = score(c, depth + 1, s);
    total += l;
    if (c->type == GUMBO_NODE_TEXT || (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_P)) para += l;
  }
  if (para > s->best_score && e->tag != GUMBO_TAG_BODY && e->tag != GUMBO_TAG_HTML) {
    s->best = nd;
    s->best_score = para;
  }
  if (e->tag == GUMBO_TAG_ARTICLE && total > s->article_len) {
    s->article = nd;
    s->article_len = total;
  }
  return total;
}

/* ---- writing the text ------------------------------------------------- */

typedef struct {
  rasd_buf b;
  int nl, sp; /* a line break / a space is due before the next character */
} emitter;

static void emit_text(emitter *em, const char *t) {
  const unsigned char *s = (const unsigned char *)t;
  for (size_t i = 0; s[i];) {
    unsigned c = s[i];
    size_t w = 1;
    int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && s[i + 1] == 0xA0) { ws = 1; w = 2; } /* NBSP */
    if (ws) { em->sp = 1; i += w; continue; }
    size_t j = i + 1;
    while (s[j] && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' && s[j] != '\f' && s[j] != '\v' &&
           !(s[j] == 0xC2 && s[j + 1] == 0xA0))
      j++;
    if (em->b.n) {
      if (em->nl) rasd_buf_putc(&em->b, '\n');
      else if (em->sp) rasd_buf_putc(&em->b, ' ');
    }
    em->nl = em->sp = 0;
    rasd_buf_add(&em->b, t + i, j - i);
    i = j;
  }
}

static void emit(emitter *em, const GumboNode *nd, int depth) {
  if (nd->type == GUMBO_NODE_TEXT || nd->type == GUMBO_NODE_CDATA || nd->type == GUMBO_NODE_WHITESPACE) {
    emit_text(em, nd->v.text.text);
    return;
  }
  if (nd->type != GUMBO_NODE_ELEMENT && nd->type != GUMBO_NODE_TEMPLATE) return;
  if (dropped(nd) || depth > MAX_DEPTH) return;
  const GumboElement *e = &nd->v.element;
  int block = is_block(e->tag);
  if (block) em->nl = 1;
  for (unsigned i = 0; i < e->children.length; i++) emit(em, e->children.data[i], depth + 1);
  if (block) em->nl = 1;
}

static int is_clutter(const char *l, size_t n) {
  for (int i = 0; rasd__html_line[i]; i++)
    if (strlen(rasd__html_line[i]) == n && memcmp(rasd__html_line[i], l, n) == 0) return 1;
  return 0;
}

/* Drop clutter lines from b in place (lines are already trimmed). */
static void drop_clutter(rasd_buf *b) {
  size_t o = 0, i = 0;
  while (i < b->n) {
    size_t j = i;
    while (j < b->n && b->p[j] != '\n') j++;
    if (j > i && !is_clutter(b->p + i, j - i)) {
      if (o) b->p[o++] = '\n';
      memmove(b->p + o, b->p + i, j - i);
      o += j - i;
    }
    i = j + 1;
  }
  b->n = o;
  if (b->p) b->p[o] = 0;
}

/* Collapsed text of one element (title, h1), or NULL when empty. */
static char *text_of(const GumboNode *nd, rasd_arena *a) {
  emitter em = {{0}, 0, 0};
  emit(&em, nd, 0);
  for (size_t i = 0; i < em.b.n; i++)
    if (em.b.p[i] == '\n') em.b.p[i] = ' ';
  char *r = em.b.n ? rasd_arena_strndup(a, em.b.p, em.b.n) : NULL;
  rasd_buf_free(&em.b);
  return r;
}

static const char *og_title(const GumboNode *nd, int depth) {
  if (nd->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH) return NULL;
  const GumboElement *e = &nd->v.element;
  if (e->tag == GUMBO_TAG_META) {
    const GumboAttribute *p = gumbo_get_attribute(&e->attributes, "property");
    const GumboAttribute *c = gumbo_get_attribute(&e->attributes, "content");
    if (p && c && !strcmp(p->value, "og:title") && c->value[0]) return c->value;
    return NULL;
  }
  if (e->tag == GUMBO_TAG_BODY) return NULL;
  for (unsigned i = 0; i < e->children.length; i++) {
    const char *t = og_title(e->children.data[i], depth + 1);
    if (t) return t;
  }
  return NULL;
}

/* ---- a guard against hostile nesting ---------------------------------- */

/* Elements that never nest: void ones, and those HTML closes by itself
** when a sibling starts (<p><p>, <li><li>, <td><td>...). */
static int flat_tag(const char *t, size_t n) {
  static const char *const flat[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                     "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                                     "td", "th", "tr", "option", "optgroup", "tbody", "thead", "tfoot",
                                     "colgroup", "rb", "rt", "rp", "rtc", "image", "keygen", "basefont",
                                     "bgsound", "frame", "menuitem", "!doctype"};
  for (size_t i = 0; i < sizeof flat / sizeof *flat; i++)
    if (strlen(flat[i]) == n && memcmp(flat[i], t, n) == 0) return 1;
  return 0;
}

/* 1 when the markup nests deeper than MAX_NEST (start tags less end tags,
** flat and self-closing elements not counted).  gumbo's tree building
** scans the stack of open elements for each tag, so 10^5 nested <div>s
** would take minutes; no news page nests a thousand levels deep. */
#define MAX_NEST 1000
static int too_deep(const char *s, size_t n) {
  long depth = 0;
  for (const char *p = memchr(s, '<', n), *end = s + n; p && p + 1 < end; p = memchr(p, '<', (size_t)(end - p))) {
    p++;
    if (end - p >= 3 && memcmp(p, "!--", 3) == 0) { /* comment */
      const char *c = memmem(p + 3, (size_t)(end - p - 3), "-->", 3);
      if (!c) return 0;
      p = c + 3;
      continue;
    }
    int closing = *p == '/';
    if (closing) p++;
    char name[16];
    size_t k = 0;
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '!')) {
      if (k < sizeof name) name[k] = (char)(*p | 0x20);
      k++;
      p++;
    }
    if (k == 0 || k > sizeof name) continue;
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt) break;
    int self = gt > p && gt[-1] == '/';
    p = gt + 1;
    if (flat_tag(name, k) || self) continue;
    if (closing) { if (depth > 0) depth--; }
    else if (++depth > MAX_NEST) return 1;
  }
  return 0;
}

rasd_rc rasd_in_html_text(const char *html, size_t n, rasd_arena *a, char **text, size_t *text_len, char **title) {
  pthread_once(&tables_once, tables_init);
  *text = NULL;
  *text_len = 0;
  if (title) *title = NULL;
  if (too_deep(html, n)) return RASD_BADINPUT;
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0; /* errors are not kept: a broken page must not fill memory */
  GumboOutput *out = gumbo_parse_with_options(&opt, html, n);
  if (!out) return RASD_NOMEM;
  scan s;
  memset(&s, 0, sizeof s);
  score(out->root, 0, &s);

  const GumboNode *root = s.body ? s.body : out->root;
  if (s.article && s.article_len >= MIN_MAIN_TEXT / 2 && s.article_len * 2 >= s.best_score) root = s.article;
  else if (s.best && s.best_score >= MIN_MAIN_TEXT) root = s.best;

  emitter em = {{0}, 0, 0};
  emit(&em, root, 0);
  drop_clutter(&em.b);
  if (em.b.p && rasd_uni_invalid_at(em.b.p, em.b.n)) { /* gumbo passes some bad bytes through */
    char *c = rasd_arena_alloc(a, 3 * em.b.n + 1);
    *text_len = rasd_uni_clean(em.b.p, em.b.n, c);
    c[*text_len] = 0;
    *text = c;
  } else {
    *text = rasd_arena_strndup(a, em.b.p ? em.b.p : "", em.b.n);
    *text_len = em.b.n;
  }
  rasd_buf_free(&em.b);

  if (title) {
    char *t = s.title ? text_of(s.title, a) : NULL;
    if (!t) {
      const char *og = og_title(out->root, 0);
      if (og) {
        emitter e2 = {{0}, 0, 0};
        emit_text(&e2, og);
        if (e2.b.n) t = rasd_arena_strndup(a, e2.b.p, e2.b.n);
        rasd_buf_free(&e2.b);
      }
    }
    if (!t && s.h1) t = text_of(s.h1, a);
    if (t && rasd_uni_invalid_at(t, strlen(t))) {
      size_t tl = strlen(t);
      char *c = rasd_arena_alloc(a, 3 * tl + 1);
      c[rasd_uni_clean(t, tl, c)] = 0;
      t = c;
    }
    *title = t;
  }
  gumbo_destroy_output(&opt, out);
  return RASD_OK;
}
