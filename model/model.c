/* The model entry point: bytes -> NFC text -> article structure -> tokens ->
 * recognisers -> assembly -> ParseResult JSON (openapi.yaml). */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "html/html.h"
#include "model/mem.h"
#include "model/text/nfc.h"
#include "model/write/write.h"

int model_init(void)
{
	/* the vocabulary and the character table are compiled in: nothing to
	 * load */
	return 0;
}

const char *model_errcode_name(enum model_errcode c)
{
	switch (c) {
	case MODEL_OK:
		return "ok";
	case MODEL_E_UTF8:
		return "invalid_utf8";
	case MODEL_E_EMPTY:
		return "empty_article";
	case MODEL_E_PUBLISHED:
		return "invalid_published_at";
	case MODEL_E_NOMEM:
		return "out_of_memory";
	case MODEL_E_INTERNAL:
		return "internal";
	case MODEL_E_DEADLINE:
		return "deadline";
	case MODEL_E_CANCELLED:
		return "cancelled";
	case MODEL_E_FORMAT:
		return "unsupported_format";
	}
	return "unknown";
}

char *model_dump(const json_t *result, size_t *len_out)
{
	char *s = json_dumps(result, JSON_COMPACT);
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *r = mem_realloc(s, n + 2);
	if (!r) {
		free(s);
		return NULL;
	}
	r[n] = '\n';
	r[n + 1] = '\0';
	*len_out = n + 1;
	return r;
}

static void seterr(struct model_error *err, enum model_errcode c, size_t off, const char *fmt,
		   const char *arg)
{
	err->code = c;
	err->offset = off;
	snprintf(err->message, sizeof err->message, fmt, arg);
}

/* published_at: a strict ISO 8601 date or date-time (dates_parse_published).
 * Returns 0 or -1. */
static int parse_published(doc_t *d, const char *s)
{
	dateline_t p;
	if (!dates_parse_published(s, &p))
		return -1;
	if (p.hour >= 0) {
		d->pub_hour = p.hour, d->pub_min = p.minute;
		d->pub_sec = p.second < 0 ? 0 : p.second;
		d->pub_has_time = 1;
		d->pub_tz = p.tz_minutes;
	}
	d->pub_year = p.year, d->pub_month = p.month, d->pub_day = p.day;
	return 0;
}

static void doc_free(doc_t *d)
{
	text_free(&d->tx);
	documents_list_free(&d->docs);
	arena_free(&d->arena); /* bodies, people, meetings and their lists */
}

/* ---- pipeline ----------------------------------------------------------- */

static int sentence_index(doc_t *d)
{
	size_t ti = 0;
	for (size_t i = 0; i < d->art.sentences.n; i++) {
		span_t s = d->art.sentences.v[i];
		/* the first token at or after the sentence's start, past the
		 * last one found: a search (galloping from the last answer)
		 * rather than a walk over every token */
		size_t k = text_tok_at(&d->tx, s.start);
		if (k > ti)
			ti = k;
		size_t *p = avec_push(d->ar, &d->sent_tok);
		if (!p)
			return -1;
		*p = ti;
		if (ti < d->tx.n)
			d->tx.tok[ti].flags |= TF_SENT;
	}
	return 0;
}

/* A stage failed: over the work bound, or out of memory. */
static void stage_error(doc_t *d, struct model_error *err)
{
	if (d->budget.stopped == MODEL_E_DEADLINE)
		seterr(err, MODEL_E_DEADLINE, 0, "%s", "the parse ran past its deadline");
	else if (d->budget.stopped == MODEL_E_CANCELLED)
		seterr(err, MODEL_E_CANCELLED, 0, "%s", "the parse was cancelled");
	else
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
}

/* ---- HTML input: the page's metadata over the text's --------------------
 * The title line is the title, published_at is the page's (converted to
 * +07:00), and the page's authors (JSON-LD, <meta name=author>) replace the
 * bylines the segmenter found; where the page names none, the segmenter's
 * stay (the byline line). Runs before the recognisers, so published_at
 * anchors relative dates. 0 or -1 (out of memory). */
static int html_apply(doc_t *d, const struct html_article *page)
{
	article_t *a = &d->art;
	if (page->title && page->n_blocks && page->blocks[0].kind == HTML_BLOCK_TITLE) {
		span_t t = span_make(page->blocks[0].start, page->blocks[0].end);
		a->title = t;
		a->has_title = 1;
		for (size_t i = 0; i < a->paragraphs.n; i++) /* the segmenter read it as body */
			if (a->paragraphs.v[i].start == t.start) {
				memmove(&a->paragraphs.v[i], &a->paragraphs.v[i + 1],
					(a->paragraphs.n - i - 1) * sizeof *a->paragraphs.v);
				a->paragraphs.n--;
				break;
			}
	}
	if (page->published_at)
		parse_published(d, page->published_at);
	if (page->n_authors) {
		a->authors.n = 0;
		for (size_t i = 0; i < page->n_authors; i++) {
			author_t *au = avec_push(d->ar, &a->authors);
			if (!au || !(au->name = arena_strndup(d->ar, page->authors[i].name,
							      strlen(page->authors[i].name))))
				return -1;
			au->span = span_make(page->authors[i].start, page->authors[i].end);
		}
	}
	static const struct {
		unsigned flag;
		const char *code, *msg;
	} W[] = {{HTML_W_REPAIRED, "encoding_repaired",
		  "bytes that are not valid in the page's charset were replaced by U+FFFD"},
		 {HTML_W_TRUNCATED, "html_truncated",
		  "the page nests deeper than the parser follows; the innermost elements were "
		  "flattened or cut"},
		 {HTML_W_CHARSET_GUESSED, "charset_guessed",
		  "the page declares no charset and is not UTF-8; it was read as windows-1258"}};
	for (size_t i = 0; i < sizeof W / sizeof *W; i++)
		if ((page->warnings & W[i].flag) &&
		    doc_warn(d, W[i].code, W[i].msg, span_make(0, 0), 0))
			return -1;
	return 0;
}

/* Run the pipeline on bytes into *d (zeroed here; the caller frees it with
 * doc_free even on failure). *nfc gets the normalised copy when one was
 * made (the caller frees it). 0, or -1 with *err filled-> */
static int parse_doc(const char *bytes, size_t len, const struct model_options *opt,
		     const struct html_article *page, doc_t *d, char **nfc_out,
		     struct model_error *err)
{
	memset(err, 0, sizeof *err);
	memset(d, 0, sizeof *d);
	d->ar = &d->arena;
	d->page = page;
	d->budget.deadline_ns = opt->deadline_ns;
	d->budget.cancel = opt->cancel;
	*nfc_out = NULL;
	if (!bytes)
		len = 0, bytes = "";
	model_init();
	int repaired = 0;
	size_t skipped = 0;
	/* a UTF-8 byte order mark is not part of the article */
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
		bytes += 3;
		len -= 3;
		repaired = 1;
		skipped = 3;
	}
	/* one pass checks the bytes and cuts the tokens; a text that NFC may
	 * change is normalised first and cut again */
	char *nfc = NULL;
	int was_nfd = 0, nul = 0;
	size_t bad = 0;
	d->text = bytes;
	d->len = len;
	int sc = tag_scan_input(&d->tx, bytes, len, &d->arena, &d->budget, &bad, &nul);
	if (sc == 1) {
		char b[64];
		snprintf(b, sizeof b, "%zu", bad + skipped);
		seterr(err, MODEL_E_UTF8, bad + skipped,
		       nul ? "text contains a NUL byte at byte offset %s"
			   : "text is not valid UTF-8 at byte offset %s",
		       b);
		return -1;
	}
	if (sc == 2) {
		/* the rest of the bytes is checked before normalising (the scan
		 * checked those before bad) */
		size_t at = bad + text_utf8_check(bytes + bad, len - bad, &nul);
		if (at < len) {
			char b[64];
			snprintf(b, sizeof b, "%zu", at + skipped);
			seterr(err, MODEL_E_UTF8, at + skipped,
			       nul ? "text contains a NUL byte at byte offset %s"
				   : "text is not valid UTF-8 at byte offset %s",
			       b);
			return -1;
		}
		text_free(&d->tx);
		size_t nl;
		nfc = text_nfc(bytes, len, &nl);
		*nfc_out = nfc;
		if (!nfc) {
			seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory while normalising");
			return -1;
		}
		was_nfd = nl != len || memcmp(nfc, bytes, len) != 0;
		d->text = nfc;
		d->len = nl;
		sc = tag_scan_input(&d->tx, nfc, nl, &d->arena, &d->budget, &bad, &nul);
		if (sc == 2) { /* NFC text: every code point may stay */
			text_free(&d->tx);
			sc = text_scan(&d->tx, nfc, nl, &d->arena, &d->budget);
		}
	}
	if (sc) {
		stage_error(d, err);
		return -1;
	}
	if (!d->tx.n) {
		seterr(err, MODEL_E_EMPTY, 0, "%s", "the article is empty or only whitespace");
		return -1;
	}
	d->pub_tz = 420;
	if (opt->published_at && parse_published(d, opt->published_at)) {
		seterr(err, MODEL_E_PUBLISHED, 0,
		       "published_at must be an ISO 8601 date or date-time, got \"%.60s\"",
		       opt->published_at);
		goto out;
	}
	if (opt->published_at)
		d->pub_from_request = 1;
	if (budget_poll(&d->budget) || tag_text(&d->tx) || segment_article(&d->tx, &d->art) ||
	    sentence_index(d)) {
		stage_error(d, err);
		goto out;
	}
	/* the article's own dateline wins over the request's published_at */
	if (d->art.has_dateline) {
		const dateline_t *dl = &d->art.dateline;
		d->pub_year = dl->year, d->pub_month = dl->month, d->pub_day = dl->day;
		d->pub_has_time = dl->hour >= 0;
		d->pub_hour = dl->hour, d->pub_min = dl->minute < 0 ? 0 : dl->minute;
		d->pub_sec = dl->second < 0 ? 0 : dl->second;
		d->pub_tz = dl->tz_minutes ? dl->tz_minutes : 420;
	}
	if (page && html_apply(d, page)) {
		stage_error(d, err);
		goto out;
	}
	if (repaired)
		doc_warn(d, "encoding_repaired", "a UTF-8 byte order mark was removed",
			 span_make(0, 0), 0);
	if (was_nfd)
		doc_warn(d, "normalized",
			 "the text was normalised to NFC; offsets index the normalised text",
			 span_make(0, 0), 0);
	if (budget_poll(&d->budget) || dates_find_cls(&d->tx, d->art.cls, &d->dates) ||
	    dates_find_terms_cls(&d->tx, d->art.cls, &d->terms) ||
	    documents_find_cls(&d->tx, d->art.cls, &d->dates, &d->terms, &d->docs) ||
	    budget_poll(&d->budget) || orgs_extract(d) || people_extract(d) ||
	    meetings_extract(d) || budget_poll(&d->budget) || d->arena.failed) {
		stage_error(d, err);
		goto out;
	}
	return 0;
out:
	return -1;
}

/* The text pipeline and the writer; page is the web page the text was found
 * in (HTML input), or NULL. */
static int parse_text(const char *bytes, size_t len, const struct model_options *opt,
		      const struct html_article *page, struct model_buf *out,
		      struct model_error *err)
{
	doc_t d;
	char *nfc = NULL;
	int rc = parse_doc(bytes, len, opt, page, &d, &nfc, err);
	if (rc == 0) {
		doc_groups_t groups;
		jw_t w = {.buf = out->data, .len = out->len, .cap = out->cap};
		size_t start = out->len;
		if (write_group_documents(&d, &groups) || write_result(&d, opt, &groups, &w)) {
			seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
			rc = -1;
			w.len = start;
			if (w.buf)
				w.buf[start] = '\0';
		}
		out->data = w.buf;
		out->len = w.len;
		out->cap = w.cap;
	}
	doc_free(&d);
	free(nfc);
	return rc;
}

int model_looks_like_html(const char *bytes, size_t len)
{
	return bytes && html_looks_like(bytes, len);
}

/* For MODEL_INPUT_HTML, and for MODEL_INPUT_AUTO when the bytes start like
 * HTML, model/html finds the article and lays it out as the plain text the
 * pipeline reads; every offset then indexes that text (?include=text). */
int model_parse_into(const char *bytes, size_t len, const struct model_options *optin,
		     struct model_buf *out, struct model_error *err)
{
	struct model_options defopt = {0};
	const struct model_options *opt = optin ? optin : &defopt;
	if (!bytes)
		len = 0, bytes = "";
	if (opt->input == MODEL_INPUT_TEXT ||
	    (opt->input == MODEL_INPUT_AUTO && !model_looks_like_html(bytes, len)))
		return parse_text(bytes, len, opt, NULL, out, err);
	static const enum model_errcode CODE[] = {
	    [HTML_E_NOMEM] = MODEL_E_NOMEM,	  [HTML_E_CHARSET] = MODEL_E_FORMAT,
	    [HTML_E_EMPTY] = MODEL_E_EMPTY,	  [HTML_E_TOO_LARGE] = MODEL_E_FORMAT,
	    [HTML_E_DEADLINE] = MODEL_E_DEADLINE, [HTML_E_CANCELLED] = MODEL_E_CANCELLED,
	    [HTML_E_INTERNAL] = MODEL_E_INTERNAL};
	struct html_options ho = {.charset = opt->charset,
				  .url = opt->url,
				  .deadline_ns = opt->deadline_ns,
				  .cancel = opt->cancel};
	struct html_article page;
	struct html_error he;
	memset(err, 0, sizeof *err);
	if (html_extract(bytes, len, &ho, &page, &he)) {
		seterr(err,
		       he.code > 0 && he.code <= HTML_E_INTERNAL ? CODE[he.code] : MODEL_E_INTERNAL,
		       0, "%s", he.message);
		return -1;
	}
	int rc = parse_text(page.text, page.len, opt, &page, out, err);
	if (rc && err->code == MODEL_E_EMPTY)
		snprintf(err->message, sizeof err->message, "the page holds no article text");
	html_article_free(&page);
	return rc;
}

json_t *model_parse(const char *bytes, size_t len, const struct model_options *opt,
		    struct model_error *err)
{
	struct model_buf b = {0};
	if (model_parse_into(bytes, len, opt, &b, err))
		return NULL;
	json_error_t je;
	json_t *r = json_loadb(b.data, b.len, 0, &je);
	free(b.data);
	if (!r)
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
	return r;
}
