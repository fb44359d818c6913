/* The guard in front of libxml2: the page is tokenised here (as the HTML
 * standard tokenises it) and written out again as a canonical stream that
 * libxml2 reads exactly as we do: well-formed tags with quoted values, text
 * with "<" escaped, no comments, doctype or processing instructions, the
 * contents of script and style dropped (JSON-LD kept).
 *
 * Why: libxml2 2.9.14's HTML parser is quadratic in two places (measured:
 * 40,000 attributes on one tag take 1.4 s, 40,000 unclosed elements followed
 * by 40,000 stray end tags 2.0 s). It compares every attribute of a tag with
 * every other one, and every end tag searches the whole stack of open
 * elements. So the guard keeps at most HTML_MAX_ATTRS attributes a tag (only
 * the ones the extractor reads), and it follows libxml2's stack (which tags
 * close which, which end tags are ignored) closely enough to drop start tags
 * that would nest deeper than HTML_MAX_DEPTH. The parser's own depth is
 * checked again in html_parse.c (HTML_HARD_DEPTH), so a divergence here
 * costs at most a bounded factor. Every token records where it came from, so
 * offsets in the canonical stream map back to the page. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/html/html_int.h"

/* Elements that never have content (emitted self-closed, so that libxml2
 * pops them at once also where it does not know them). */
static const char *const VOID_TAGS[] = {
    "area",  "base", "basefont", "bgsound", "br",    "col",	"embed",
    "frame", "hr",   "image",	 "img",	    "input", "isindex", "keygen",
    "link",  "meta", "param",	 "source",  "track", "wbr",	NULL};

/* Elements whose content is not markup. The first two are kept (script
 * only for JSON-LD), title and textarea are read as text, the rest dropped. */
enum { RAW_NONE = 0, RAW_SCRIPT, RAW_STYLE, RAW_RCDATA, RAW_DROP };

typedef struct open_el {
	char name[41];
	int prio;
} open_el_t;

typedef struct guard {
	const char *s;
	size_t len;
	hconv_t *cv;
	hcanon_t *c;
	hwork_t *w;
	open_el_t stack[HTML_MAX_DEPTH + 1];
	int depth;
	int in_body; /* a <body> was written (or implied) */
	hbuf_t val;  /* scratch: one decoded attribute value */
} guard_t;

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

/* libxml2's end-tag priorities: an end tag cannot close past an open
 * element of higher priority (it is ignored then). */
static int end_priority(const char *n)
{
	static const struct {
		const char *n;
		int p;
	} T[] = {{"div", 150},	 {"td", 160},	 {"th", 160},	 {"tr", 170},
		 {"thead", 180}, {"tbody", 180}, {"tfoot", 180}, {"table", 190},
		 {"head", 200},	 {"body", 200},	 {"html", 220},	 {NULL, 0}};
	for (int i = 0; T[i].n; i++)
		if (!strcmp(T[i].n, n))
			return T[i].p;
	return 100;
}

/* 1 when libxml2 closes the open element top when the start tag x comes.
 * A subset of libxml2's table (each pair checked against 2.9.14): closing
 * less than libxml2 only overestimates the depth. */
static int auto_closes(const char *x, const char *top)
{
	static const char *const CLOSE_P[] = {
	    "p",  "div", "ul", "ol",	 "dl",	       "table", "h1",	"h2",
	    "h3", "h4",	 "h5", "h6",	 "blockquote", "pre",	"form", "address",
	    "li", "dt",	 "dd", "center", "hr",	       NULL};
	static const char *const FONTSTYLE[] = {"tt",	  "i",	 "b",	  "u", "s",
						"strike", "big", "small", NULL};
	static const char *const CELL_CLOSES[] = {"span", "font", "a", "b", "i", "u", "p", NULL};
	if (!strcmp(top, "p"))
		return in_list(x, CLOSE_P);
	if (!strcmp(top, "li"))
		return !strcmp(x, "li");
	if (!strcmp(top, "dt") || !strcmp(top, "dd"))
		return !strcmp(x, "dt") || !strcmp(x, "dd");
	if (!strcmp(top, "option"))
		return !strcmp(x, "option");
	if (!strcmp(top, "td") || !strcmp(top, "th"))
		return !strcmp(x, "td") || !strcmp(x, "th") || !strcmp(x, "tr");
	if (!strcmp(top, "tr"))
		return !strcmp(x, "tr");
	if (!strcmp(top, "thead") || !strcmp(top, "tbody"))
		return !strcmp(x, "tbody");
	if (!strcmp(top, "a") && !strcmp(x, "a"))
		return 1;
	if (in_list(top, FONTSTYLE) && !strcmp(x, "p"))
		return 1;
	if ((!strcmp(x, "td") || !strcmp(x, "th")) && in_list(top, CELL_CLOSES))
		return 1;
	return 0;
}

/* ---- output --------------------------------------------------------------- */

/* Start a token: the canonical bytes written from here on come from the
 * page at ps. A new map point is needed only where the shift between the
 * two changes (verbatim copies keep it). */
static int token(guard_t *g, size_t ps)
{
	hcanon_t *c = g->c;
	if (c->map.n) {
		hseg_t *last = &c->map.v[c->map.n - 1];
		if (last->canon == c->out.n) { /* the previous token wrote nothing */
			last->page = ps;
			return 0;
		}
		if (ps >= last->page && ps - last->page == c->out.n - last->canon)
			return 0;
	}
	hseg_t *m = html_vec_push(&c->map);
	if (!m)
		return -1;
	m->canon = c->out.n;
	m->page = ps;
	return 0;
}

/* Append the decoded s[0..n) to out with '<' (and in values '"') escaped. */
static int put_escaped(guard_t *g, const char *s, size_t n, hbuf_t *out, int in_value)
{
	g->val.n = 0;
	if (html_charset_decode(g->cv, s, n, &g->val))
		return -1;
	const char *p = g->val.p;
	size_t m = g->val.n, run = 0;
	if (html_buf_reserve(out, m))
		return -1;
	for (size_t i = 0; i < m; i++) {
		const char *rep = NULL;
		if (p[i] == '<')
			rep = "&lt;";
		else if (in_value && p[i] == '"')
			rep = "&quot;";
		else if (in_value && p[i] == '>')
			rep = "&gt;";
		else if (in_value && (p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
			rep = " ";
		if (!rep)
			continue;
		if (html_buf_put(out, p + run, i - run) || html_buf_puts(out, rep))
			return -1;
		run = i + 1;
	}
	return html_buf_put(out, p + run, m - run);
}

/* Elements that belong in <head>. Any other start tag, or text, before
 * <body> starts the body (as in HTML5); libxml2 2.9.14 knows only HTML4's
 * body elements and would keep an <article> or a <header> in <head>. */
static int push_start(guard_t *g, const char *name, int is_void, int self_closing);

static const char *const HEAD_TAGS[] = {"html",	 "head", "title",    "meta",	 "link", "script",
					"style", "base", "noscript", "template", "body", NULL};

static int start_body(guard_t *g)
{
	if (g->in_body)
		return 0;
	g->in_body = 1;
	if (push_start(g, "body", 0, 0) != 1)
		return 0;
	size_t *at = html_vec_push(&g->c->tags);
	if (!at)
		return -1;
	*at = g->c->out.n;
	return html_buf_puts(&g->c->out, "<body>");
}

/* ---- the stack libxml2 will build ------------------------------------------ */

/* Apply a start tag to the emulated stack. 1 when it may be emitted, 0
 * when it would nest too deep (dropped). */
static int push_start(guard_t *g, const char *name, int is_void, int self_closing)
{
	while (g->depth > 0 && auto_closes(name, g->stack[g->depth - 1].name))
		g->depth--;
	if (is_void || self_closing)
		return 1;
	if (!strcmp(name, "html") || !strcmp(name, "body") || !strcmp(name, "head")) {
		for (int i = 0; i < g->depth; i++)
			if (!strcmp(g->stack[i].name, name))
				return 1; /* libxml2 merges a second one into the first */
	}
	if (g->depth >= HTML_MAX_DEPTH) {
		g->c->truncated = 1;
		return 0;
	}
	open_el_t *e = &g->stack[g->depth++];
	snprintf(e->name, sizeof e->name, "%s", name);
	e->prio = end_priority(name);
	return 1;
}

/* Apply an end tag to the emulated stack (libxml2's rules). */
static void pop_end(guard_t *g, const char *name)
{
	if (!strcmp(name, "html") || !strcmp(name, "body") || !strcmp(name, "head"))
		return;
	int prio = end_priority(name);
	for (int i = g->depth - 1; i >= 0; i--) {
		if (!strcmp(g->stack[i].name, name)) {
			g->depth = i;
			return;
		}
		if (g->stack[i].prio > prio)
			return;
	}
}

/* ---- the tokeniser ---------------------------------------------------------- */

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Find "</name" (case-insensitive) followed by white space, '/' or '>' at or
 * after i; len of the text when there is none. */
static size_t find_close(const guard_t *g, size_t i, const char *name)
{
	size_t nl = strlen(name);
	const char *s = g->s;
	while (i + 2 + nl <= g->len) {
		const char *lt = memchr(s + i, '<', g->len - i);
		if (!lt)
			break;
		size_t p = (size_t)(lt - s);
		if (p + 2 + nl <= g->len && s[p + 1] == '/' && !strncasecmp(s + p + 2, name, nl) &&
		    (p + 2 + nl == g->len || is_ws(s[p + 2 + nl]) || s[p + 2 + nl] == '/' ||
		     s[p + 2 + nl] == '>'))
			return p;
		i = p + 1;
	}
	return g->len;
}

/* A lexed attribute (positions in the page). */
typedef struct lattr {
	size_t ns, ne, vs, ve;
	int has_value;
} lattr_t;

/* Lex a tag's attribute list from i (after the name) to its '>'. Calls
 * back with each attribute; returns the position after '>', or 0 when the
 * page ends inside the tag. *self gets "/>". */
static size_t lex_attrs(guard_t *g, size_t i, int *self, lattr_t *keep, int *nkeep)
{
	const char *s = g->s;
	size_t n = g->len;
	*self = 0;
	*nkeep = 0;
	for (;;) {
		while (i < n && is_ws(s[i]))
			i++;
		if (i >= n)
			return 0;
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '/') {
			if (i + 1 < n && s[i + 1] == '>') {
				*self = 1;
				return i + 2;
			}
			i++;
			continue;
		}
		lattr_t a = {i, i, 0, 0, 0};
		i++; /* the first character may be '=' */
		while (i < n && !is_ws(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
			i++;
		a.ne = i;
		size_t j = i;
		while (j < n && is_ws(s[j]))
			j++;
		if (j < n && s[j] == '=') {
			j++;
			while (j < n && is_ws(s[j]))
				j++;
			if (j >= n)
				return 0;
			if (s[j] == '"' || s[j] == '\'') {
				const char *q = memchr(s + j + 1, s[j], n - j - 1);
				if (!q)
					return 0;
				a.vs = j + 1;
				a.ve = (size_t)(q - s);
				i = a.ve + 1;
			} else {
				a.vs = j;
				while (j < n && !is_ws(s[j]) && s[j] != '>')
					j++;
				a.ve = j;
				i = j;
			}
			a.has_value = 1;
		}
		if (*nkeep < HTML_MAX_ATTRS) {
			size_t len = a.ne - a.ns;
			for (int k = 0; k < HA_COUNT; k++) {
				if (strlen(html_attr_names[k]) != len ||
				    strncasecmp(s + a.ns, html_attr_names[k], len))
					continue;
				int dup = 0; /* the first of two wins, as in browsers */
				for (int d = 0; d < *nkeep; d++)
					if (keep[d].ne - keep[d].ns == len &&
					    !strncasecmp(s + keep[d].ns, s + a.ns, len))
						dup = 1;
				if (!dup)
					keep[(*nkeep)++] = a;
				break;
			}
		}
		if (html_work_tick(g->w, 1))
			return 0;
	}
}

/* A tag name s[a..b) in canonical form into name[41]; 0 when it is not one
 * libxml2 reads as a name (letters, digits, ':', '_', '-', '.'). */
static int tag_name(const char *s, size_t a, size_t b, char name[41])
{
	if (b - a > 40 || b == a)
		return 0;
	for (size_t i = a; i < b; i++) {
		int c = tolower((unsigned char)s[i]);
		if (!(isalnum(c) || c == ':' || c == '_' || c == '-' || c == '.') || (c & 0x80))
			return 0;
		name[i - a] = (char)c;
	}
	name[b - a] = '\0';
	return isalpha((unsigned char)name[0]);
}

/* Write the start tag name with the attributes kept. */
static int emit_start(guard_t *g, const char *name, lattr_t *keep, int nkeep, int self_closing)
{
	hbuf_t *o = &g->c->out;
	size_t *at = html_vec_push(&g->c->tags);
	if (!at)
		return -1;
	*at = o->n;
	if (html_buf_putc(o, '<') || html_buf_puts(o, name))
		return -1;
	for (int k = 0; k < nkeep; k++) {
		char an[16];
		size_t len = keep[k].ne - keep[k].ns;
		for (size_t i = 0; i < len; i++)
			an[i] = (char)tolower((unsigned char)g->s[keep[k].ns + i]);
		an[len] = '\0';
		if (html_buf_putc(o, ' ') || html_buf_puts(o, an) || html_buf_puts(o, "=\"") ||
		    (keep[k].has_value &&
		     put_escaped(g, g->s + keep[k].vs, keep[k].ve - keep[k].vs, o, 1)) ||
		    html_buf_putc(o, '"'))
			return -1;
	}
	return html_buf_puts(o, self_closing ? "/>" : ">");
}

/* Raw content s[a..b) of a script element: kept for JSON-LD only, with
 * "</" written "<\/" (the same string to JSON) so that nothing inside can
 * end the element for libxml2. */
static int emit_script(guard_t *g, size_t a, size_t b, int keep)
{
	if (!keep || b <= a)
		return 0;
	g->val.n = 0;
	if (html_charset_decode(g->cv, g->s + a, b - a, &g->val))
		return -1;
	hbuf_t *o = &g->c->out;
	const char *p = g->val.p;
	size_t run = 0;
	for (size_t i = 0; i + 1 < g->val.n; i++) {
		if (p[i] == '<' && p[i + 1] == '/') {
			if (html_buf_put(o, p + run, i + 1 - run) || html_buf_putc(o, '\\'))
				return -1;
			run = i + 1;
		}
	}
	return html_buf_put(o, p + run, g->val.n - run);
}

/* 1 when the kept attributes mark a script as JSON-LD. */
static int is_jsonld(const guard_t *g, const lattr_t *keep, int nkeep)
{
	for (int k = 0; k < nkeep; k++)
		if (keep[k].ne - keep[k].ns == 4 && !strncasecmp(g->s + keep[k].ns, "type", 4) &&
		    keep[k].ve - keep[k].vs == 19 &&
		    !strncasecmp(g->s + keep[k].vs, "application/ld+json", 19))
			return 1;
	return 0;
}

/* One start tag at i ('<' then a letter). Returns the position after it. */
static size_t start_tag(guard_t *g, size_t i)
{
	const char *s = g->s;
	size_t a = i + 1, b = a;
	while (b < g->len && !is_ws(s[b]) && s[b] != '/' && s[b] != '>')
		b++;
	lattr_t keep[HTML_MAX_ATTRS];
	int nkeep, self;
	size_t end = lex_attrs(g, b, &self, keep, &nkeep);
	if (!end)
		return g->len; /* the page ends inside the tag: nothing, as in browsers */
	char name[41];
	if (!tag_name(s, a, b, name))
		return end; /* a name libxml2 would misread: the tag is dropped */
	int raw = !strcmp(name, "script")				? RAW_SCRIPT
		  : !strcmp(name, "style")				? RAW_STYLE
		  : !strcmp(name, "title") || !strcmp(name, "textarea") ? RAW_RCDATA
		  : !strcmp(name, "noscript") || !strcmp(name, "iframe") ||
			  !strcmp(name, "noembed") || !strcmp(name, "noframes") ||
			  !strcmp(name, "xmp") || !strcmp(name, "template")
		      ? RAW_DROP
		      : RAW_NONE;
	int is_void = in_list(name, VOID_TAGS);
	if (!strcmp(name, "body"))
		g->in_body = 1;
	else if (!g->in_body && !in_list(name, HEAD_TAGS) && (token(g, i) || start_body(g)))
		return 0;
	if (raw == RAW_DROP) {
		if (self)
			return end;
		size_t close = find_close(g, end, name);
		size_t gt = close < g->len ? close : g->len;
		while (gt < g->len && s[gt] != '>')
			gt++;
		return gt < g->len ? gt + 1 : g->len;
	}
	int ok = push_start(g, name, is_void, self);
	if (ok) {
		if (token(g, i) || emit_start(g, name, keep, nkeep, is_void || self))
			return 0;
	}
	if (raw == RAW_NONE || self)
		return end;
	size_t close = find_close(g, end, name);
	if (ok) {
		int rc = 0;
		if (raw == RAW_SCRIPT)
			rc = token(g, end) || emit_script(g, end, close, is_jsonld(g, keep, nkeep));
		else if (raw == RAW_RCDATA)
			rc = token(g, end) || put_escaped(g, s + end, close - end, &g->c->out, 0);
		if (rc)
			return 0;
	}
	return close; /* the end tag is read as any other */
}

/* One end tag at i ("</" then a letter). Returns the position after it. */
static size_t end_tag(guard_t *g, size_t i)
{
	const char *s = g->s;
	size_t a = i + 2, b = a;
	while (b < g->len && !is_ws(s[b]) && s[b] != '/' && s[b] != '>')
		b++;
	lattr_t keep[HTML_MAX_ATTRS];
	int nkeep, self;
	size_t end = lex_attrs(g, b, &self, keep, &nkeep);
	if (!end)
		return g->len;
	char name[41];
	if (!tag_name(s, a, b, name) || in_list(name, VOID_TAGS))
		return end;
	pop_end(g, name);
	hbuf_t *o = &g->c->out;
	if (token(g, i))
		return 0;
	size_t *at = html_vec_push(&g->c->tags);
	if (!at || html_buf_puts(o, "</") || html_buf_puts(o, name) || html_buf_putc(o, '>'))
		return 0;
	*at = o->n - strlen(name) - 3;
	return end;
}

/* A comment, doctype, processing instruction or bogus comment at i: skipped. */
static size_t skip_markup(const guard_t *g, size_t i)
{
	const char *s = g->s;
	size_t n = g->len;
	if (i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
		size_t j = i + 4;
		if (j < n && s[j] == '>')
			return j + 1; /* <!--> */
		if (j + 1 < n && s[j] == '-' && s[j + 1] == '>')
			return j + 2; /* <!---> */
		while (j + 2 < n) {
			const char *d = memchr(s + j, '-', n - j);
			if (!d)
				return n;
			j = (size_t)(d - s);
			if (j + 2 < n && s[j + 1] == '-' && s[j + 2] == '>')
				return j + 3;
			if (j + 3 < n && s[j + 1] == '-' && s[j + 2] == '!' && s[j + 3] == '>')
				return j + 4;
			j++;
		}
		return n;
	}
	const char *gt = memchr(s + i, '>', n - i);
	return gt ? (size_t)(gt - s) + 1 : n;
}

/* Rewrite the page into the canonical stream (see the top of this file). */
int html_guard(const char *page, size_t len, size_t skip, hconv_t *cv, hcanon_t *c, hwork_t *w)
{
	guard_t *g = calloc(1, sizeof *g);
	if (!g)
		return -1;
	g->s = page;
	g->len = len;
	g->cv = cv;
	g->c = c;
	g->w = w;
	size_t i = skip;
	int rc = 0;
	if (html_buf_reserve(&c->out, len + len / 8 + 64)) {
		rc = -1;
		goto done;
	}
	while (i < len) {
		if (html_work_tick(w, 1)) {
			rc = -1;
			break;
		}
		if (page[i] != '<') {
			const char *lt = memchr(page + i, '<', len - i);
			size_t e = lt ? (size_t)(lt - page) : len;
			size_t k = i;
			while (k < e && is_ws(page[k]))
				k++;
			if (k < e && !g->in_body && (token(g, i) || start_body(g))) {
				rc = -1;
				break;
			}
			if (token(g, i) || put_escaped(g, page + i, e - i, &c->out, 0)) {
				rc = -1;
				break;
			}
			html_work_tick(w, (unsigned)((e - i) / 64));
			i = e;
			continue;
		}
		size_t next;
		unsigned char c1 = i + 1 < len ? (unsigned char)page[i + 1] : 0;
		if (isalpha(c1)) {
			next = start_tag(g, i);
		} else if (c1 == '/') {
			unsigned char c2 = i + 2 < len ? (unsigned char)page[i + 2] : 0;
			if (isalpha(c2))
				next = end_tag(g, i);
			else
				next = skip_markup(g, i); /* "</>", "</ x>": dropped */
		} else if (c1 == '!' || c1 == '?') {
			next = skip_markup(g, i);
		} else {
			if (token(g, i) || html_buf_puts(&c->out, "&lt;")) {
				rc = -1;
				break;
			}
			next = i + 1;
		}
		if (!next) {
			rc = -1;
			break;
		}
		i = next;
	}
	if (w->stop)
		rc = -1;
	if (!rc) {
		hseg_t *m = html_vec_push(&c->map); /* the end maps to the end */
		if (m) {
			m->canon = c->out.n;
			m->page = len;
		} else {
			rc = -1;
		}
	}
done:
	free(g->val.p);
	free(g);
	return rc;
}

/* Page offset of canonical offset off: the last point at or before it, plus
 * the distance, clamped to the next point. */
size_t html_guard_page_offset(const hcanon_t *c, size_t off)
{
	size_t lo = 0, hi = c->map.n;
	if (!hi)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->map.v[mid].canon <= off)
			lo = mid;
		else
			hi = mid;
	}
	const hseg_t *m = &c->map.v[lo];
	size_t p = m->page + (off > m->canon ? off - m->canon : 0);
	if (lo + 1 < c->map.n && p > c->map.v[lo + 1].page)
		p = c->map.v[lo + 1].page;
	return p;
}

/* Free the canonical stream. */
void html_guard_free(hcanon_t *c)
{
	free(c->out.p);
	free(c->map.v);
	free(c->tags.v);
	memset(c, 0, sizeof *c);
}
