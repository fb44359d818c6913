/* html_extract(): the pipeline of model/html (see html.h), the choice of
 * each metadata field in order of trust, and the article's text.
 *
 *   title         og:title, JSON-LD headline, the <h1>, <title> (site suffix
 *                 cut); og:title or the headline give way to the <h1> when
 *                 they say something else (a template's leftover)
 *   published_at  article:published_time (and its aliases), JSON-LD
 *                 datePublished, <time datetime>, the visible date line;
 *                 converted to Vietnam time (+07:00)
 *   authors       JSON-LD author (people, not organisations), <meta
 *                 name=author>; else the byline line, which the segmenter
 *                 reads like any byline
 *   canonical     <link rel=canonical>, og:url, JSON-LD url, the request's url
 *   site_name     og:site_name, JSON-LD publisher, application-name, the
 *                 <title> suffix
 *   language      <html lang>, og:locale, JSON-LD inLanguage */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "model/html/html_int.h"
#include "model/lexicon/lex.h"
#include "model/text/nfc.h"

/* ---- metadata helpers ------------------------------------------------------- */

/* 1 when the key of a starts the key of b, both at least 3 long. */
static int key_prefix(const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	char ka[64], kb[64];
	for (const char *p = a; *p && la < sizeof ka - 1; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			ka[la++] = (char)tolower((unsigned char)*p);
	for (const char *p = b; *p && lb < sizeof kb - 1; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			kb[lb++] = (char)tolower((unsigned char)*p);
	return la >= 3 && la <= lb && !memcmp(ka, kb, la);
}

/* One word in capitals ("ZNEWS", "VTV", "QĐND"): a brand at a title's end. */
static int brand_word(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 16 || strchr(s, ' '))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (islower((unsigned char)s[i]))
			return 0;
	return 1;
}

static int site_like(const char *s, const char *site)
{
	if (site && *site && (key_prefix(s, site) || key_prefix(site, s)))
		return 1;
	if (brand_word(s))
		return 1;
	/* the words of site names (html_sites.tsv, "title"): "báo ", ".vn" */
	const char *const *words = lex_list_html_site_title;
	if (site && *site && html_same_text(s, strlen(s), site, strlen(site)))
		return 1;
	for (int k = 0; words[k]; k++)
		if (strstr(s, words[k]))
			return 1;
	return 0;
}

/* 1 when an <h1> starts like a portal's name ("Cổng thông tin điện tử
 * tỉnh ...", html_sites.tsv "logo"): the logo, not the headline. */
static int portal_logo(const char *h1)
{
	for (const char *const *p = lex_list_html_site_logo; *p; p++)
		if (!strncmp(h1, *p, strlen(*p)))
			return 1;
	return 0;
}

/* s without its site suffixes (" - VnExpress", " | Báo Chính phủ", " -
 * ZNEWS"): the rightmost separator goes with what follows it, as long as
 * that names the site; a separator inside the headline ("Việt Nam – Lào")
 * stays. *suffix, when asked, gets the last one cut. malloc'ed. */
static char *strip_suffix(const char *s, const char *site, char **suffix)
{
	/* " - ", " | ", dashes, guillemets (html_sites.tsv, "sep") */
	const char *const *sep = lex_list_html_site_sep;
	size_t cut = strlen(s);
	for (int round = 0; round < 3; round++) {
		size_t at = 0, tail = 0;
		for (int k = 0; sep[k]; k++) {
			size_t l = strlen(sep[k]);
			for (const char *p = s;
			     (p = strstr(p, sep[k])) && (size_t)(p - s) + l <= cut; p++)
				if ((size_t)(p - s) > at)
					at = (size_t)(p - s), tail = at + l;
		}
		if (at < 10)
			break;
		char *t = strndup(s + tail, cut - tail);
		if (!t)
			break;
		if (!site_like(t, site)) {
			free(t);
			break;
		}
		if (suffix) {
			free(*suffix);
			*suffix = t;
		} else {
			free(t);
		}
		cut = at;
	}
	return strndup(s, cut);
}

/* u resolved against base (absolute, "//host", "/path", "path"). */
static char *resolve_url(const char *u, const char *base)
{
	if (!u || !*u)
		return NULL;
	const char *hs = base ? strstr(base, "://") : NULL;
	if (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8) || !hs)
		return strdup(u);
	size_t scheme = (size_t)(hs - base);
	const char *pe = strchr(hs + 3, '/');
	size_t host_end = pe ? (size_t)(pe - base) : strlen(base);
	hbuf_t b = {0};
	int rc;
	if (u[0] == '/' && u[1] == '/') {
		rc = html_buf_put(&b, base, scheme + 1) || html_buf_puts(&b, u);
	} else if (u[0] == '/') {
		rc = html_buf_put(&b, base, host_end) || html_buf_puts(&b, u);
	} else {
		const char *q = strpbrk(base + host_end, "?#");
		size_t lim = q ? (size_t)(q - base) : strlen(base), dir = host_end;
		for (size_t i = host_end; i < lim; i++)
			if (base[i] == '/')
				dir = i + 1;
		rc = html_buf_put(&b, base, dir) || (dir == host_end && html_buf_putc(&b, '/')) ||
		     html_buf_puts(&b, u);
	}
	if (rc) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* "vi" of "vi-VN", "vi_VN", "VI". */
static char *language_of(const char *l)
{
	char r[4];
	size_t k = 0;
	if (!l)
		return NULL;
	while (l[k] && isalpha((unsigned char)l[k]) && k < 3) {
		r[k] = (char)tolower((unsigned char)l[k]);
		k++;
	}
	if (k < 2 || (l[k] && l[k] != '-' && l[k] != '_'))
		return NULL;
	r[k] = '\0';
	return strdup(r);
}

/* "dd/mm/yyyy HH:MM[:SS]" of an ISO date: a line the segmenter reads as the
 * article's date line. */
static void date_line(const char *iso, char out[40])
{
	unsigned y, mo, d, h, mi, s;
	char b[96] = "";
	if (sscanf(iso, "%4u-%2u-%2uT%2u:%2u:%2u", &y, &mo, &d, &h, &mi, &s) == 6) {
		if (s)
			snprintf(b, sizeof b, "%02u/%02u/%04u %02u:%02u:%02u", d, mo, y, h, mi, s);
		else
			snprintf(b, sizeof b, "%02u/%02u/%04u %02u:%02u", d, mo, y, h, mi);
	} else if (sscanf(iso, "%4u-%2u-%2u", &y, &mo, &d) == 3) {
		snprintf(b, sizeof b, "%02u/%02u/%04u", d, mo, y);
	}
	snprintf(out, 40, "%.39s", b);
}

/* The byline's text: a name-like child when the box holds more. */
static int byline_text(const htree_t *t, uint32_t b, hbuf_t *out)
{
	uint32_t end = b;
	while (t->nodes.v[end].last)
		end = t->nodes.v[end].last;
	for (uint32_t i = b + 1; i <= end; i++) {
		const hnode_t *n = &t->nodes.v[i];
		if (n->tag == HT_TEXT || (n->flags & HN_BOIL))
			continue;
		if (html_has_word(t, i, "name") || html_attr(t, i, HA_ITEMPROP, NULL) ||
		    n->tag == HT_STRONG || n->tag == HT_B || n->tag == HT_A) {
			size_t at = out->n;
			if (html_node_text(t, i, out, 200))
				return -1;
			if (out->n - at >= 2)
				return 0;
			out->n = at;
		}
	}
	return html_node_text(t, b, out, 200);
}

/* ---- the text ----------------------------------------------------------------- */

typedef struct assembly {
	hbuf_t text;
	HVEC(struct html_block) blocks;
	const htree_t *t;
} assembly_t;

/* Append one line (NFC) as a block; placeholders join the next line with a
 * single line break, every other line is followed by a blank line. */
static int add_line(assembly_t *a, const char *s, size_t n, int kind, uint32_t src)
{
	/* the model's own normaliser: the same NFC (stream-safe, linear in
	 * the length however many combining marks a letter carries), so the
	 * model finds this text already normalised and its offsets stand */
	size_t m = n;
	char *nfc = text_is_nfc_fast(s, n) ? NULL : text_nfc(s, n, &m);
	if (!nfc && !text_is_nfc_fast(s, n))
		return -1;
	if (!nfc && !(nfc = strndup(s, n)))
		return -1;
	if (a->blocks.n) {
		const struct html_block *prev = &a->blocks.v[a->blocks.n - 1];
		if (html_buf_puts(&a->text, prev->kind == HTML_BLOCK_PLACEHOLDER ? "\n" : "\n\n")) {
			free(nfc);
			return -1;
		}
	}
	struct html_block *b = html_vec_push(&a->blocks);
	if (!b || html_buf_put(&a->text, nfc, m)) {
		free(nfc);
		return -1;
	}
	free(nfc);
	b->start = a->text.n - m;
	b->end = a->text.n;
	b->kind = (enum html_block_kind)kind;
	if (src) {
		b->html_start = a->t->nodes.v[src].src_start;
		b->html_end = a->t->nodes.v[src].src_end;
	}
	return 0;
}

/* Case-insensitive search of the name in text[from..len): its byte span. */
static int find_name(const char *text, size_t from, size_t len, const char *name, size_t *s,
		     size_t *e)
{
	size_t nl = strlen(name);
	for (size_t i = from; i + 1 <= len; i++) {
		if (i > from && ((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		size_t a = i, b = 0;
		while (b < nl && a < len) {
			utf8proc_int32_t x, y;
			utf8proc_ssize_t kx = utf8proc_iterate((const utf8proc_uint8_t *)text + a,
							       (utf8proc_ssize_t)(len - a), &x);
			utf8proc_ssize_t ky = utf8proc_iterate((const utf8proc_uint8_t *)name + b,
							       (utf8proc_ssize_t)(nl - b), &y);
			if (kx <= 0 || ky <= 0 || utf8proc_tolower(x) != utf8proc_tolower(y))
				break;
			a += (size_t)kx;
			b += (size_t)ky;
		}
		if (b == nl) {
			*s = i;
			*e = a;
			return 1;
		}
	}
	return 0;
}

static void add_author(struct html_article *out, hstrvec_t *names, const char *raw,
		       const char *site)
{
	if (html_author_is_org(raw, site))
		return;
	char *nm = html_name_case(raw, strlen(raw));
	if (!nm)
		return;
	for (size_t k = 0; k < names->n; k++)
		if (html_same_text(names->v[k], strlen(names->v[k]), nm, strlen(nm))) {
			free(nm);
			return;
		}
	char **slot = html_vec_push(names);
	if (!slot) {
		free(nm);
		return;
	}
	*slot = nm;
	(void)out;
}

/* Authors from the metadata, each given a span in the text (a byline line
 * is added for names the text does not show). */
static int place_authors(struct html_article *out, assembly_t *a, hstrvec_t *names)
{
	if (!names->n)
		return 0;
	out->authors = calloc(names->n, sizeof *out->authors);
	if (!out->authors)
		return -1;
	/* the byline block, else the last three lines */
	size_t from = 0;
	for (size_t k = a->blocks.n; k-- > 0;)
		if (a->blocks.v[k].kind == HTML_BLOCK_BYLINE) {
			from = a->blocks.v[k].start;
			break;
		}
	if (!from && a->blocks.n)
		from = a->blocks.v[a->blocks.n > 3 ? a->blocks.n - 3 : 0].start;
	hbuf_t missing = {0};
	for (size_t k = 0; k < names->n; k++) {
		size_t s, e;
		if (!find_name(a->text.p, from, a->text.n, names->v[k], &s, &e) &&
		    ((missing.n && html_buf_puts(&missing, " - ")) ||
		     html_buf_puts(&missing, names->v[k]))) {
			free(missing.p);
			return -1;
		}
	}
	if (missing.n && add_line(a, missing.p, missing.n, HTML_BLOCK_BYLINE, 0)) {
		free(missing.p);
		return -1;
	}
	free(missing.p);
	for (size_t k = 0; k < names->n; k++) {
		size_t s = 0, e = 0;
		if (!find_name(a->text.p, from, a->text.n, names->v[k], &s, &e))
			continue;
		struct html_author *au = &out->authors[out->n_authors++];
		au->name = names->v[k];
		names->v[k] = NULL;
		au->start = s;
		au->end = e;
	}
	return 0;
}

/* ---- the pipeline ---------------------------------------------------------------- */

static void fail(struct html_error *err, enum html_errcode code, const char *msg)
{
	err->code = code;
	snprintf(err->message, sizeof err->message, "%s", msg);
}

/* Extract the article (see html.h). */
int html_extract(const char *page, size_t len, const struct html_options *opt,
		 struct html_article *out, struct html_error *err)
{
	struct html_options none = {0};
	hconv_t cv = {0};
	hcanon_t canon = {0};
	htree_t tree = {0};
	hmeta_t meta = {0};
	hcontent_t ct = {0};
	hlines_t lines = {0};
	assembly_t as = {0};
	hbuf_t tmp = {0}, sapo = {0}, byline = {0};
	hstrvec_t names = {0};
	char *og = NULL, *ld = NULL, *dt = NULL, *suffix = NULL, *title = NULL;
	const char *trule = "none", *drule = "none", *arule = "byline";
	size_t skip = 0;
	int rc = -1;

	if (!opt)
		opt = &none;
	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	cv.cd = (iconv_t)-1;
	if (!page)
		page = "", len = 0;
	if (len > (size_t)1 << 30) {
		fail(err, HTML_E_TOO_LARGE, "the page is larger than 1 GiB");
		return -1;
	}
	hwork_t w = {.deadline_ns = opt->deadline_ns, .cancel = opt->cancel};
	if (html_charset_open(page, len, opt->charset, &cv, &skip, err))
		return -1;
	if (html_guard(page, len, skip, &cv, &canon, &w) || html_parse(&canon, &tree, &w) ||
	    html_meta_read(&tree, &meta) || html_content_find(&tree, &ct, &w))
		goto stopped;

	/* site name and title */
	const char *site = meta.site_name      ? meta.site_name
			   : meta.ld_publisher ? meta.ld_publisher
					       : meta.app_name;
	if (meta.doc_title)
		dt = strip_suffix(meta.doc_title, site, &suffix);
	if (!site && suffix && dt &&
	    (ct.h1_text[0] ? html_same_text(dt, strlen(dt), ct.h1_text, strlen(ct.h1_text)) : 1))
		site = suffix;
	if (meta.og_title)
		og = strip_suffix(meta.og_title, site, NULL);
	if (meta.ld_headline)
		ld = strip_suffix(meta.ld_headline, site, NULL);
	/* a headline that is only the site's name (a logo in <h1>) or a word or
	 * two (a section name) is no check on og:title */
	const char *h1 = ct.h1_text[0] ? ct.h1_text : NULL;
	if (h1 && ((site && html_same_text(h1, strlen(h1), site, strlen(site))) ||
		   (suffix && html_same_text(h1, strlen(h1), suffix, strlen(suffix))) ||
		   portal_logo(h1) || !strchr(h1, ' ') || (meta.og_title && strlen(h1) < 16)))
		h1 = NULL;
	if (og && (!h1 || html_same_text(og, strlen(og), h1, strlen(h1))))
		title = og, og = NULL, trule = "og:title";
	else if (ld && (!h1 || html_same_text(ld, strlen(ld), h1, strlen(h1))))
		title = ld, ld = NULL, trule = "json-ld";
	else if (h1)
		title = strdup(h1), trule = "h1";
	else if (og)
		title = og, og = NULL, trule = "og:title";
	else if (ld)
		title = ld, ld = NULL, trule = "json-ld";
	else if (dt && *dt)
		title = dt, dt = NULL, trule = "title";

	/* the parts outside the body */
	if (ct.sapo && html_node_text(&tree, ct.sapo, &sapo, 8192))
		goto oom;
	if (ct.byline && byline_text(&tree, ct.byline, &byline))
		goto oom;
	if (html_body_lines(&tree, &ct, title, sapo.n ? sapo.p : NULL, &lines, &w))
		goto stopped;

	/* published_at */
	char iso[32] = "";
	if (meta.meta_date)
		snprintf(iso, sizeof iso, "%s", meta.meta_date), drule = "meta";
	else if (meta.ld_date && !html_date_iso(meta.ld_date, strlen(meta.ld_date), iso))
		drule = "json-ld";
	else if (ct.time_date[0])
		memcpy(iso, ct.time_date, sizeof iso), drule = "time";
	else if (ct.visible_date[0])
		memcpy(iso, ct.visible_date, sizeof iso), drule = "visible";
	else if (lines.dropped_date[0])
		memcpy(iso, lines.dropped_date, sizeof iso), drule = "visible";
	else
		iso[0] = '\0';

	/* the text */
	as.t = &tree;
	if (!lines.v.n && !sapo.n) {
		fail(err, HTML_E_EMPTY, "the page holds no article text");
		goto done;
	}
	if (title &&
	    add_line(&as, title, strlen(title), HTML_BLOCK_TITLE,
		     ct.h1 && html_same_text(title, strlen(title), ct.h1_text, strlen(ct.h1_text))
			 ? ct.h1
			 : 0))
		goto oom;
	if (iso[0]) {
		char dl[40];
		date_line(iso, dl);
		if (add_line(&as, dl, strlen(dl), HTML_BLOCK_DATE, ct.date ? ct.date : ct.time))
			goto oom;
	}
	if (sapo.n && add_line(&as, sapo.p, sapo.n, HTML_BLOCK_LEAD, ct.sapo))
		goto oom;
	for (size_t k = 0; k < lines.v.n; k++) {
		const hline_t *l = &lines.v.v[k];
		if (l->kind == HTML_BLOCK_PLACEHOLDER) {
			if (add_line(&as, "[img]", 5, l->kind, l->src))
				goto oom;
		} else if (add_line(&as, lines.buf.p + l->start, l->end - l->start, l->kind,
				    l->src)) {
			goto oom;
		}
	}
	if (byline.n) {
		const struct html_block *last = &as.blocks.v[as.blocks.n - 1];
		size_t s, e;
		tmp.n = 0;
		if (!(find_name(as.text.p, last->start, as.text.n, byline.p, &s, &e)) &&
		    add_line(&as, byline.p, byline.n, HTML_BLOCK_BYLINE, ct.byline))
			goto oom;
	}

	/* authors */
	for (size_t k = 0; k < meta.ld_authors.n; k++)
		add_author(out, &names, meta.ld_authors.v[k], site);
	if (names.n)
		arule = "json-ld";
	for (size_t k = 0; !names.n && k < meta.meta_authors.n; k++)
		add_author(out, &names, meta.meta_authors.v[k], site);
	if (names.n && strcmp(arule, "json-ld"))
		arule = "meta";
	if (place_authors(out, &as, &names))
		goto oom;

	/* the rest of the metadata */
	out->title = title, title = NULL;
	if (iso[0] && !(out->published_at = strdup(iso)))
		goto oom;
	const char *canon_src = meta.canonical ? meta.canonical
				: meta.og_url  ? meta.og_url
					       : meta.ld_url;
	out->canonical_url =
	    resolve_url(canon_src ? canon_src : opt->url, opt->url ? opt->url : meta.og_url);
	if (site && !(out->site_name = strdup(site)))
		goto oom;
	out->language = language_of(meta.lang);
	out->charset = cv.name;
	snprintf(out->rule, sizeof out->rule, "body=%s title=%s published_at=%s authors=%s",
		 ct.rule ? ct.rule : "none", trule, iso[0] ? drule : "none",
		 out->n_authors ? arule : "byline");
	if (cv.repaired)
		out->warnings |= HTML_W_REPAIRED;
	if (tree.truncated)
		out->warnings |= HTML_W_TRUNCATED;
	if (cv.guessed)
		out->warnings |= HTML_W_CHARSET_GUESSED;
	if (html_buf_putc(&as.text, '\n'))
		goto oom;
	out->text = as.text.p, as.text.p = NULL;
	out->len = as.text.n;
	out->blocks = as.blocks.v, as.blocks.v = NULL;
	out->n_blocks = as.blocks.n;
	rc = 0;
	goto done;
stopped:
	if (w.stop == HTML_E_DEADLINE)
		fail(err, HTML_E_DEADLINE, "the work bound (deadline) was reached");
	else if (w.stop == HTML_E_CANCELLED)
		fail(err, HTML_E_CANCELLED, "cancelled");
	else
		fail(err, HTML_E_NOMEM, "out of memory while reading the page");
	goto done;
oom:
	fail(err, HTML_E_NOMEM, "out of memory while reading the page");
done:
	for (size_t k = 0; k < names.n; k++)
		free(names.v[k]);
	free(names.v);
	free(og);
	free(ld);
	free(dt);
	free(suffix);
	free(title);
	free(tmp.p);
	free(sapo.p);
	free(byline.p);
	free(as.text.p);
	free(as.blocks.v);
	html_lines_free(&lines);
	html_content_free(&ct);
	html_meta_free(&meta);
	html_tree_free(&tree);
	html_guard_free(&canon);
	html_charset_close(&cv);
	if (rc)
		html_article_free(out);
	return rc;
}

/* Free an article (see html.h). */
void html_article_free(struct html_article *a)
{
	if (!a)
		return;
	free(a->text);
	free(a->blocks);
	free(a->title);
	free(a->published_at);
	free(a->canonical_url);
	free(a->site_name);
	free(a->language);
	for (size_t k = 0; k < a->n_authors; k++)
		free(a->authors[k].name);
	free(a->authors);
	memset(a, 0, sizeof *a);
}

/* The block holding text offset off (see html.h). */
const struct html_block *html_block_at(const struct html_article *a, size_t off)
{
	size_t lo = 0, hi = a->n_blocks;
	if (!hi || a->blocks[0].start > off)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (a->blocks[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return off <= a->blocks[lo].end ? &a->blocks[lo] : NULL;
}

/* Content sniffing (see html.h). */
int html_looks_like(const char *s, size_t n)
{
	static const char *const TAGS[] = {
	    "html", "head",  "body",   "meta",	 "title",  "div",  "p",	     "article", "section",
	    "span", "table", "link",   "script", "style",  "main", "header", "nav",	"h1",
	    "h2",   "h3",    "ul",     "ol",	 "br",	   "img",  "a",	     "strong",	"b",
	    "i",    "em",    "figure", "base",	 "iframe", NULL};
	size_t i = 0;
	if (n > 1024)
		n = 1024;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '<')
		return 0;
	const char *p = s + i + 1;
	size_t left = n - i - 1;
	if (left >= 8 && !strncasecmp(p, "!doctype", 8))
		return 1;
	if (left >= 3 && !strncmp(p, "!--", 3))
		return 1;
	if (left >= 4 && !strncasecmp(p, "?xml", 4)) {
		for (size_t k = 0; k + 5 <= left; k++)
			if (!strncasecmp(p + k, "<html", 5))
				return 1;
		return 0;
	}
	for (int k = 0; TAGS[k]; k++) {
		size_t l = strlen(TAGS[k]);
		if (left > l && !strncasecmp(p, TAGS[k], l) &&
		    (isspace((unsigned char)p[l]) || p[l] == '>' || p[l] == '/'))
			return 1;
	}
	return 0;
}
