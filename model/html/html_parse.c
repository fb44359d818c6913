/* libxml2's HTML parser over the canonical stream, into a compact tree.
 *
 * The parser runs in pull mode from memory with our own SAX callbacks (no
 * libxml2 document is built): HTML_PARSE_NONET (no network), NOERROR and
 * NOWARNING (no output), RECOVER (real pages are not valid), the encoding
 * given as UTF-8 (the guard decoded the page and dropped every <meta
 * charset>, so libxml2 never switches). The HTML parser loads no DTD and
 * expands no entity but its built-in character references, so there are no
 * external entities to resolve. Nesting is bounded twice: the guard drops
 * tags past HTML_MAX_DEPTH, and a start tag past HTML_HARD_DEPTH of
 * libxml2's own stack stops the parse (what was read is kept). */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/html/html_int.h"

static const char *const TAG_NAMES[HT_COUNT] = {
    [HT_A] = "a",
    [HT_ABBR] = "abbr",
    [HT_ADDRESS] = "address",
    [HT_ARTICLE] = "article",
    [HT_ASIDE] = "aside",
    [HT_AUDIO] = "audio",
    [HT_B] = "b",
    [HT_BIG] = "big",
    [HT_BLOCKQUOTE] = "blockquote",
    [HT_BODY] = "body",
    [HT_BR] = "br",
    [HT_BUTTON] = "button",
    [HT_CANVAS] = "canvas",
    [HT_CAPTION] = "caption",
    [HT_CENTER] = "center",
    [HT_CITE] = "cite",
    [HT_CODE] = "code",
    [HT_DD] = "dd",
    [HT_DEL] = "del",
    [HT_DETAILS] = "details",
    [HT_DIALOG] = "dialog",
    [HT_DIV] = "div",
    [HT_DL] = "dl",
    [HT_DT] = "dt",
    [HT_EM] = "em",
    [HT_EMBED] = "embed",
    [HT_FIELDSET] = "fieldset",
    [HT_FIGCAPTION] = "figcaption",
    [HT_FIGURE] = "figure",
    [HT_FONT] = "font",
    [HT_FOOTER] = "footer",
    [HT_FORM] = "form",
    [HT_H1] = "h1",
    [HT_H2] = "h2",
    [HT_H3] = "h3",
    [HT_H4] = "h4",
    [HT_H5] = "h5",
    [HT_H6] = "h6",
    [HT_HEAD] = "head",
    [HT_HEADER] = "header",
    [HT_HR] = "hr",
    [HT_HTML] = "html",
    [HT_I] = "i",
    [HT_IFRAME] = "iframe",
    [HT_IMG] = "img",
    [HT_INPUT] = "input",
    [HT_INS] = "ins",
    [HT_LABEL] = "label",
    [HT_LEGEND] = "legend",
    [HT_LI] = "li",
    [HT_LINK] = "link",
    [HT_MAIN] = "main",
    [HT_MAP] = "map",
    [HT_MARK] = "mark",
    [HT_MATH] = "math",
    [HT_MENU] = "menu",
    [HT_META] = "meta",
    [HT_NAV] = "nav",
    [HT_NOSCRIPT] = "noscript",
    [HT_OBJECT] = "object",
    [HT_OL] = "ol",
    [HT_OPTION] = "option",
    [HT_P] = "p",
    [HT_PICTURE] = "picture",
    [HT_PRE] = "pre",
    [HT_Q] = "q",
    [HT_S] = "s",
    [HT_SCRIPT] = "script",
    [HT_SECTION] = "section",
    [HT_SELECT] = "select",
    [HT_SMALL] = "small",
    [HT_SOURCE] = "source",
    [HT_SPAN] = "span",
    [HT_STRIKE] = "strike",
    [HT_STRONG] = "strong",
    [HT_STYLE] = "style",
    [HT_SUB] = "sub",
    [HT_SUMMARY] = "summary",
    [HT_SUP] = "sup",
    [HT_SVG] = "svg",
    [HT_TABLE] = "table",
    [HT_TBODY] = "tbody",
    [HT_TD] = "td",
    [HT_TEMPLATE] = "template",
    [HT_TEXTAREA] = "textarea",
    [HT_TFOOT] = "tfoot",
    [HT_TH] = "th",
    [HT_THEAD] = "thead",
    [HT_TIME] = "time",
    [HT_TITLE] = "title",
    [HT_TR] = "tr",
    [HT_TT] = "tt",
    [HT_U] = "u",
    [HT_UL] = "ul",
    [HT_VIDEO] = "video",
    [HT_WBR] = "wbr",
};

/* Attribute names, in enum hattr_key order (the guard keeps only these). */
const char *const html_attr_names[HA_COUNT] = {
    "class",	   "id",   "itemprop",	"itemtype", "property", "name",	 "content",
    "datetime",	   "href", "rel",	"type",	    "role",	"style", "hidden",
    "aria-hidden", "lang", "data-role", "title",    "pubdate"};

/* Tag id of a lower-case name: a binary search, the enum being in
 * alphabetical order from HT_A. */
enum htag html_tag_id(const char *name, size_t n)
{
	int lo = HT_A, hi = HT_COUNT - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const char *t = TAG_NAMES[mid];
		size_t tl = strlen(t);
		int c = memcmp(name, t, n < tl ? n : tl);
		if (!c)
			c = n < tl ? -1 : n > tl;
		if (!c)
			return (enum htag)mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return HT_OTHER;
}

typedef struct pstate {
	htree_t *t;
	const hcanon_t *c;
	hwork_t *w;
	xmlParserCtxtPtr ctxt;
	uint32_t cur; /* the open element */
	int depth;    /* libxml2's stack */
	int oom;
} pstate_t;

static void stop(pstate_t *ps)
{
	xmlStopParser(ps->ctxt);
}

/* The parser's position in the canonical stream. */
static size_t canon_pos(const pstate_t *ps)
{
	xmlParserInputPtr in = ps->ctxt->input;
	size_t p = (size_t)(in->cur - in->base) + (size_t)in->consumed;
	return p > ps->c->out.n ? ps->c->out.n : p;
}

/* Index in c->tags of the last tag starting at or before canonical p, or -1. */
static long tag_before(const hcanon_t *c, size_t p)
{
	size_t lo = 0, hi = c->tags.n;
	if (!hi || c->tags.v[0] > p)
		return -1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->tags.v[mid] <= p)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

/* Canonical offset after the '>' of the tag starting at canonical t. */
static size_t tag_end(const hcanon_t *c, size_t t)
{
	const char *gt = memchr(c->out.p + t, '>', c->out.n - t);
	return gt ? (size_t)(gt - c->out.p) + 1 : c->out.n;
}

/* 1 when the tag at canonical t is <name (or </name when end). */
static int tag_is(const hcanon_t *c, size_t t, const char *name, int end)
{
	const char *p = c->out.p + t + 1;
	size_t n = strlen(name), left = c->out.n - t - 1;
	if (end) {
		if (!left || *p != '/')
			return 0;
		p++, left--;
	}
	return left > n && !strncmp(p, name, n) && (p[n] == '>' || p[n] == ' ' || p[n] == '/');
}

static uint32_t new_node(pstate_t *ps, uint16_t tag)
{
	htree_t *t = ps->t;
	if (t->nodes.n >= UINT32_MAX - 1) {
		ps->oom = 1;
		return 0;
	}
	hnode_t *n = html_vec_push(&t->nodes);
	if (!n) {
		ps->oom = 1;
		stop(ps);
		return 0;
	}
	uint32_t i = (uint32_t)(t->nodes.n - 1);
	hnode_t *p = &t->nodes.v[ps->cur];
	n->tag = tag;
	n->parent = ps->cur;
	n->depth = (uint16_t)(p->depth + 1);
	if (p->last)
		t->nodes.v[p->last].next = i;
	else
		p->first = i;
	p->last = i;
	return i;
}

static int put_str(pstate_t *ps, const char *s, size_t n, uint32_t *off)
{
	if (ps->t->strs.n + n >= UINT32_MAX || html_buf_put(&ps->t->strs, s, n)) {
		ps->oom = 1;
		stop(ps);
		return -1;
	}
	*off = (uint32_t)(ps->t->strs.n - n);
	return 0;
}

static void sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	pstate_t *ps = ctxt->_private;
	if (ps->oom || html_work_tick(ps->w, 4)) {
		stop(ps);
		return;
	}
	if (++ps->depth > HTML_HARD_DEPTH) {
		ps->t->truncated = 1;
		stop(ps);
		return;
	}
	const char *nm = (const char *)name;
	uint32_t i = new_node(ps, (uint16_t)html_tag_id(nm, strlen(nm)));
	if (!i)
		return;
	size_t pos = canon_pos(ps);
	long k = tag_before(ps->c, pos);
	size_t at = pos;
	if (k >= 0 && tag_is(ps->c, ps->c->tags.v[k], nm, 0))
		at = ps->c->tags.v[k]; /* else an element libxml2 implied */
	ps->t->nodes.v[i].src_start = html_guard_page_offset(ps->c, at);
	ps->t->nodes.v[i].attr = (uint32_t)ps->t->attrs.n;
	for (size_t a = 0; atts && atts[a]; a += 2) {
		const char *an = (const char *)atts[a],
			   *av = atts[a + 1] ? (const char *)atts[a + 1] : "";
		for (int key = 0; key < HA_COUNT; key++) {
			if (strcmp(an, html_attr_names[key]))
				continue;
			hattr_t *ha = html_vec_push(&ps->t->attrs);
			if (!ha) {
				ps->oom = 1;
				stop(ps);
				return;
			}
			ha->key = (uint32_t)key;
			ha->val_len = (uint32_t)strlen(av);
			if (put_str(ps, av, ha->val_len, &ha->val))
				return;
			ps->t->nodes.v[i].nattr++;
			break;
		}
	}
	ps->cur = i;
}

static void sax_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	pstate_t *ps = ctxt->_private;
	if (!ps->cur)
		return;
	ps->depth--;
	hnode_t *n = &ps->t->nodes.v[ps->cur];
	size_t pos = canon_pos(ps);
	long k = tag_before(ps->c, pos);
	size_t at = pos;
	if (k >= 0) {
		size_t t = ps->c->tags.v[k];
		size_t te = tag_end(ps->c, t);
		if (tag_is(ps->c, t, (const char *)name, 1))
			at = te; /* its own end tag */
		else if (tag_is(ps->c, t, (const char *)name, 0) && te >= 2 &&
			 ps->c->out.p[te - 2] == '/' &&
			 html_guard_page_offset(ps->c, t) == n->src_start)
			at = te; /* self-closed */
		else if (te >= pos)
			at = t; /* closed by the tag being read */
	}
	n->src_end = html_guard_page_offset(ps->c, at);
	if (n->src_end < n->src_start)
		n->src_end = n->src_start;
	ps->cur = n->parent;
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	pstate_t *ps = ctxt->_private;
	if (ps->oom || len <= 0)
		return;
	if (html_work_tick(ps->w, (unsigned)len / 64 + 1)) {
		stop(ps);
		return;
	}
	hnode_t *p = &ps->t->nodes.v[ps->cur];
	if (p->last && ps->t->nodes.v[p->last].tag == HT_TEXT) {
		hnode_t *tn = &ps->t->nodes.v[p->last];
		uint32_t off;
		if (tn->text + tn->text_len == ps->t->strs.n) { /* extend it in place */
			if (!put_str(ps, (const char *)ch, (size_t)len, &off))
				tn->text_len += (uint32_t)len;
			return;
		}
	}
	uint32_t i = new_node(ps, HT_TEXT);
	if (!i)
		return;
	uint32_t off;
	if (put_str(ps, (const char *)ch, (size_t)len, &off))
		return;
	ps->t->nodes.v[i].text = off;
	ps->t->nodes.v[i].text_len = (uint32_t)len;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
	xmlInitParser();
}

/* Parse the canonical stream into *t (see the top of this file). */
int html_parse(const hcanon_t *c, htree_t *t, hwork_t *w)
{
	pthread_once(&init_once, init_libxml);
	memset(t, 0, sizeof *t);
	if (!html_vec_push(&t->nodes)) /* node 0: the document */
		return -1;
	if (html_buf_reserve(&t->strs, c->out.n / 2 + 64))
		return -1;
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return -1;
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.cdataBlock = sax_text;
	sax.ignorableWhitespace = sax_text;
	*ctxt->sax = sax;
	pstate_t ps = {.t = t, .c = c, .w = w, .ctxt = ctxt};
	ctxt->_private = &ps;
	if (c->out.n > INT32_MAX) {
		htmlFreeParserCtxt(ctxt);
		return -1;
	}
	htmlDocPtr doc = htmlCtxtReadMemory(
	    ctxt, c->out.n ? c->out.p : " ", c->out.n ? (int)c->out.n : 1, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
		HTML_PARSE_NODEFDTD);
	if (doc) /* never with our callbacks; free it should a version build one */
		xmlFreeDoc(doc);
	htmlFreeParserCtxt(ctxt);
	if (c->truncated)
		t->truncated = 1;
	return ps.oom || w->stop ? -1 : 0;
}

/* Free the tree. */
void html_tree_free(htree_t *t)
{
	free(t->nodes.v);
	free(t->attrs.v);
	free(t->strs.p);
	memset(t, 0, sizeof *t);
}

/* ---- queries --------------------------------------------------------------- */

/* Value of an attribute of node i. */
const char *html_attr(const htree_t *t, uint32_t i, enum hattr_key key, size_t *n)
{
	const hnode_t *nd = &t->nodes.v[i];
	for (uint32_t a = nd->attr; a < nd->attr + nd->nattr; a++)
		if (t->attrs.v[a].key == (uint32_t)key) {
			if (n)
				*n = t->attrs.v[a].val_len;
			return t->strs.p + t->attrs.v[a].val;
		}
	return NULL;
}

static int word_in(const char *v, size_t n, const char *word, int split_dash)
{
	size_t wl = strlen(word), i = 0;
	while (i < n) {
		while (i < n && (isspace((unsigned char)v[i]) ||
				 (split_dash && (v[i] == '-' || v[i] == '_'))))
			i++;
		size_t s = i;
		while (i < n && !isspace((unsigned char)v[i]) &&
		       !(split_dash && (v[i] == '-' || v[i] == '_')))
			i++;
		if (i - s == wl && !strncasecmp(v + s, word, wl))
			return 1;
	}
	return 0;
}

/* Word test on class and id (see html_int.h). */
int html_has_word(const htree_t *t, uint32_t i, const char *word)
{
	size_t n;
	const char *v = html_attr(t, i, HA_CLASS, &n);
	if (v && word_in(v, n, word, 1))
		return 1;
	v = html_attr(t, i, HA_ID, &n);
	return v && word_in(v, n, word, 1);
}

/* Exact class token test (see html_int.h). */
int html_has_class(const htree_t *t, uint32_t i, const char *token)
{
	size_t n;
	const char *v = html_attr(t, i, HA_CLASS, &n);
	return v && word_in(v, n, token, 0);
}

/* Visible text of a subtree, white space collapsed (see html_int.h). */
int html_node_text(const htree_t *t, uint32_t root, hbuf_t *out, size_t max)
{
	size_t start = out->n, seen = 0;
	int space = 0;
	uint32_t i = t->nodes.v[root].first;
	if (t->nodes.v[root].tag == HT_TEXT)
		i = root;
	while (i && seen < max) {
		const hnode_t *n = &t->nodes.v[i];
		int skip = n->tag == HT_SCRIPT || n->tag == HT_STYLE || n->tag == HT_TEMPLATE;
		if (n->tag == HT_TEXT) {
			const unsigned char *s = (const unsigned char *)t->strs.p + n->text;
			for (size_t k = 0; k < n->text_len; k++, seen++) {
				unsigned c = s[k];
				if (seen >= max && (c & 0xC0) != 0x80)
					break; /* at a character boundary */
				size_t sl = html_space_len(s + k, n->text_len - k);
				if (sl) {
					k += sl - 1;
					seen += sl - 1;
					space = out->n > start;
					continue;
				}
				if (space && html_buf_putc(out, ' '))
					return -1;
				space = 0;
				if (html_buf_putc(out, (char)c))
					return -1;
			}
		} else if (n->tag == HT_BR || n->tag == HT_P || n->tag == HT_DIV ||
			   n->tag == HT_LI) {
			space = out->n > start;
		}
		/* next in document order within root */
		if (!skip && n->first && i != root) {
			i = n->first;
			continue;
		}
		if (i == root)
			break;
		while (i && i != root && !t->nodes.v[i].next)
			i = t->nodes.v[i].parent;
		if (!i || i == root)
			break;
		i = t->nodes.v[i].next;
	}
	return 0;
}
