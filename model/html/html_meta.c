/* The page's metadata: <meta> tags, <link rel=canonical>, <title>, the
 * document language and JSON-LD (schema.org NewsArticle and kin); author
 * names. Which value wins is decided in html.c; dates are read in
 * html_date.c. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "model/html/html_int.h"
#include "model/lexicon/lex.h"

/* ---- small helpers ---------------------------------------------------------- */

static char *dup_trim(const char *s, size_t n)
{
	hbuf_t b = {0};
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t sl = html_space_len((const unsigned char *)s + i, n - i);
		if (sl) {
			i += sl - 1;
			space = b.n > 0;
			continue;
		}
		if ((space && html_buf_putc(&b, ' ')) || html_buf_putc(&b, (char)c)) {
			free(b.p);
			return NULL;
		}
		space = 0;
	}
	if (!b.n) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

static void set_once(char **dst, const char *s, size_t n)
{
	if (!*dst && s && n)
		*dst = dup_trim(s, n);
}

static int push_name(hstrvec_t *v, const char *s, size_t n)
{
	/* "A, B" and "A; B" name two people */
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ',' && s[j] != ';')
			j++;
		char *d = dup_trim(s + i, j - i);
		if (d) {
			char **slot = html_vec_push(v);
			if (!slot) {
				free(d);
				return -1;
			}
			*slot = d;
		}
		i = j + 1;
	}
	return 0;
}

/* ---- names ------------------------------------------------------------------ */

/* Title Case for names written in capitals (see html_int.h). */
char *html_name_case(const char *s, size_t n)
{
	char *d = dup_trim(s, n);
	if (!d)
		return NULL;
	size_t len = strlen(d);
	int lower = 0;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)d + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			break;
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
			lower = 1;
		i += (size_t)k;
	}
	if (lower)
		return d;
	hbuf_t b = {0};
	int start = 1;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)d + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			break;
		i += (size_t)k;
		if (!start)
			cp = utf8proc_tolower(cp);
		start = cp == ' ' || cp == '-' || cp == '.';
		if (html_buf_put_cp(&b, (uint32_t)cp)) {
			free(b.p);
			free(d);
			return NULL;
		}
	}
	free(d);
	return b.p;
}

/* Casefolded NFC copy (caller frees), or NULL. */
static char *fold(const char *s)
{
	utf8proc_uint8_t *o = NULL;
	size_t n = strlen(s);
	if (n > 512) { /* names are short; bounds the fold's work */
		n = 512;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &o,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)o;
}

/* Organisation or site names in author fields (see html_int.h). */
int html_author_is_org(const char *s, const char *site_name)
{
	/* papers, portals, editorial offices, addresses (html_sites.tsv,
	 * "org"), case-folded */
	const char *const *orgs = lex_list_html_site_org;
	char *f = fold(s);
	if (!f)
		return 1;
	int org = 0;
	for (int k = 0; orgs[k] && !org; k++)
		org = strstr(f, orgs[k]) != NULL;
	if (!org && site_name) {
		char *g = fold(site_name);
		org = g && !strcmp(f, g);
		free(g);
	}
	if (!org && !strchr(f, ' ') && strlen(f) <= 8)
		org = 1; /* "ttxvn", "pv", "vov": agencies, not people */
	free(f);
	return org;
}

/* ---- JSON-LD ------------------------------------------------------------------ */

/* 2 for an article type, 1 for a web page (publisher and url only), 0. */
static int is_article_type(json_t *ty)
{
	static const char *const T[] = {"NewsArticle",
					"Article",
					"ReportageNews",
					"AnalysisNewsArticle",
					"BackgroundNewsArticle",
					"OpinionNewsArticle",
					"BlogPosting",
					"LiveBlogPosting",
					"WebPage",
					NULL};
	if (json_is_array(ty)) {
		size_t i;
		json_t *x;
		int best = 0;
		json_array_foreach(ty, i, x)
		{
			int k = is_article_type(x);
			best = k > best ? k : best;
		}
		return best;
	}
	if (!json_is_string(ty))
		return 0;
	const char *v = json_string_value(ty);
	if (!strncmp(v, "http://schema.org/", 18))
		v += 18;
	else if (!strncmp(v, "https://schema.org/", 19))
		v += 19;
	for (int k = 0; T[k]; k++)
		if (!strcmp(v, T[k]))
			return 1 + (k < 8);
	return 0;
}

static void ld_authors(hmeta_t *m, json_t *a)
{
	if (json_is_string(a)) {
		push_name(&m->ld_authors, json_string_value(a), json_string_length(a));
	} else if (json_is_array(a)) {
		size_t i;
		json_t *x;
		json_array_foreach(a, i, x) ld_authors(m, x);
	} else if (json_is_object(a)) {
		json_t *ty = json_object_get(a, "@type"), *nm = json_object_get(a, "name");
		if (json_is_string(ty) && strcmp(json_string_value(ty), "Person"))
			return; /* an Organization credited as author is no byline */
		if (json_is_string(nm))
			push_name(&m->ld_authors, json_string_value(nm), json_string_length(nm));
	}
}

static void ld_object(hmeta_t *m, json_t *o, int depth)
{
	if (depth > 4)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *x;
		json_array_foreach(o, i, x) ld_object(m, x, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	json_t *g = json_object_get(o, "@graph");
	if (g)
		ld_object(m, g, depth + 1);
	int kind = is_article_type(json_object_get(o, "@type"));
	if (!kind)
		return;
	json_t *v;
	if (kind == 2) { /* an article, not merely a web page */
		if (json_is_string(v = json_object_get(o, "headline")))
			set_once(&m->ld_headline, json_string_value(v), json_string_length(v));
		if (json_is_string(v = json_object_get(o, "datePublished")))
			set_once(&m->ld_date, json_string_value(v), json_string_length(v));
		if (!m->ld_authors.n)
			ld_authors(m, json_object_get(o, "author"));
	}
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_object(pub) && json_is_string(v = json_object_get(pub, "name")))
		set_once(&m->ld_publisher, json_string_value(v), json_string_length(v));
	if (json_is_string(v = json_object_get(o, "url")))
		set_once(&m->ld_url, json_string_value(v), json_string_length(v));
	json_t *me = json_object_get(o, "mainEntityOfPage");
	if (json_is_object(me))
		me = json_object_get(me, "@id");
	if (json_is_string(me))
		set_once(&m->ld_url, json_string_value(me), json_string_length(me));
	if (json_is_string(v = json_object_get(o, "inLanguage")))
		set_once(&m->lang, json_string_value(v), json_string_length(v));
}

/* One <script type="application/ld+json"> body. Pages wrap it in comments
 * or CDATA and leave raw line breaks inside strings; both are tolerated. */
static void ld_json(hmeta_t *m, const char *s, size_t n)
{
	char *b = malloc(n + 1);
	if (!b)
		return;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		b[k++] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
	b[k] = '\0';
	char *p = b, *e = b + k;
	while (p < e && (isspace((unsigned char)*p)))
		p++;
	if (!strncmp(p, "<!--", 4))
		p += 4;
	if (!strncmp(p, "//<![CDATA[", 11))
		p += 11;
	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	if (e - p >= 3 && !strncmp(e - 3, "-->", 3))
		e -= 3;
	if (e - p >= 5 && !strncmp(e - 5, "//]]>", 5))
		e -= 5;
	json_t *j = json_loadb(p, (size_t)(e - p), JSON_DECODE_ANY, NULL);
	if (j)
		ld_object(m, j, 0);
	json_decref(j);
	free(b);
}

/* ---- the pass over the tree --------------------------------------------------- */

static int key_is(const char *v, size_t n, const char *k)
{
	return v && strlen(k) == n && !strncasecmp(v, k, n);
}

static const char *const DATE_KEYS[] = {"article:published_time",
					"og:article:published_time",
					"datepublished",
					"pubdate",
					"publishdate",
					"publish-date",
					"publish_date",
					"dc.date.issued",
					"dc.date",
					"date",
					"article.published",
					"parsely-pub-date",
					"sailthru.date",
					"dcterms.created",
					"created",
					NULL};

static void meta_tag(hmeta_t *m, const htree_t *t, uint32_t i)
{
	size_t kn = 0, cn = 0;
	const char *k = html_attr(t, i, HA_PROPERTY, &kn);
	if (!k)
		k = html_attr(t, i, HA_NAME, &kn);
	if (!k)
		k = html_attr(t, i, HA_ITEMPROP, &kn);
	const char *c = html_attr(t, i, HA_CONTENT, &cn);
	if (!k || !c || !cn)
		return;
	if (key_is(k, kn, "og:title") || (key_is(k, kn, "twitter:title") && !m->og_title))
		set_once(&m->og_title, c, cn);
	else if (key_is(k, kn, "og:site_name"))
		set_once(&m->site_name, c, cn);
	else if (key_is(k, kn, "og:url"))
		set_once(&m->og_url, c, cn);
	else if (key_is(k, kn, "application-name"))
		set_once(&m->app_name, c, cn);
	else if (key_is(k, kn, "og:locale") || key_is(k, kn, "language") ||
		 key_is(k, kn, "content-language"))
		set_once(&m->lang, c, cn);
	else if (key_is(k, kn, "author") || key_is(k, kn, "dc.creator") ||
		 (key_is(k, kn, "article:author") && strncmp(c, "http", 4))) {
		if (!m->meta_authors.n)
			push_name(&m->meta_authors, c, cn);
	} else {
		for (int d = 0; DATE_KEYS[d]; d++) {
			char iso[32];
			if (key_is(k, kn, DATE_KEYS[d]) && !m->meta_date &&
			    !html_date_iso(c, cn, iso)) {
				m->meta_date = strdup(iso);
				break;
			}
		}
	}
}

/* Read the metadata (see html_int.h). */
int html_meta_read(const htree_t *t, hmeta_t *m)
{
	hbuf_t b = {0};
	memset(m, 0, sizeof *m);
	for (uint32_t i = 1; i < t->nodes.n; i++) {
		const hnode_t *n = &t->nodes.v[i];
		size_t vn;
		const char *v;
		switch (n->tag) {
		case HT_HTML:
			if ((v = html_attr(t, i, HA_LANG, &vn)))
				set_once(&m->lang, v, vn);
			break;
		case HT_META:
			meta_tag(m, t, i);
			break;
		case HT_LINK:
			v = html_attr(t, i, HA_REL, &vn);
			if (v && key_is(v, vn, "canonical") && (v = html_attr(t, i, HA_HREF, &vn)))
				set_once(&m->canonical, v, vn);
			break;
		case HT_TITLE:
			if (!m->doc_title) {
				b.n = 0;
				if (html_node_text(t, i, &b, 4096))
					goto oom;
				set_once(&m->doc_title, b.p, b.n);
			}
			break;
		case HT_SCRIPT:
			v = html_attr(t, i, HA_TYPE, &vn);
			if (v && key_is(v, vn, "application/ld+json") && n->first &&
			    t->nodes.v[n->first].tag == HT_TEXT)
				ld_json(m, t->strs.p + t->nodes.v[n->first].text,
					t->nodes.v[n->first].text_len);
			break;
		default:
			break;
		}
	}
	free(b.p);
	return 0;
oom:
	free(b.p);
	return -1;
}

/* Free the metadata. */
void html_meta_free(hmeta_t *m)
{
	char **all[] = {&m->og_title,  &m->ld_headline,	 &m->doc_title, &m->meta_date,
			&m->ld_date,   &m->canonical,	 &m->og_url,	&m->ld_url,
			&m->site_name, &m->ld_publisher, &m->app_name,	&m->lang};
	for (size_t k = 0; k < sizeof all / sizeof *all; k++)
		free(*all[k]);
	for (size_t k = 0; k < m->ld_authors.n; k++)
		free(m->ld_authors.v[k]);
	for (size_t k = 0; k < m->meta_authors.n; k++)
		free(m->meta_authors.v[k]);
	free(m->ld_authors.v);
	free(m->meta_authors.v);
	memset(m, 0, sizeof *m);
}
