/* HTML extractor: a web page in, its article out, laid out as the plain-text
 * article the model reads (title line, date line, lead, paragraphs, photo
 * captions after an "[img]" placeholder line, byline last), with the page's
 * metadata and, for every line, the byte range of the HTML element it came
 * from. A pure library: no network, no files, no global state beyond
 * libxml2's one-time initialisation. Thread-safe.
 *
 * The pipeline: html_charset.c picks the charset and decodes, html_guard.c
 * turns the page into a canonical, bounded token stream (capped attributes,
 * capped nesting), html_parse.c runs libxml2's HTML parser over it into a
 * compact tree, html_meta.c and html_date.c read the metadata,
 * html_content.c finds the article body, html_layout.c writes its lines and
 * html.c chooses the metadata and assembles the text. */
#ifndef MEETINGD_HTML_H
#define MEETINGD_HTML_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

enum html_block_kind {
	HTML_BLOCK_TITLE = 0,
	HTML_BLOCK_DATE, /* the date line, written as dd/mm/yyyy HH:MM[:SS] */
	HTML_BLOCK_LEAD, /* the sapo */
	HTML_BLOCK_PARAGRAPH,
	HTML_BLOCK_HEADING,	/* a sub-heading of the body */
	HTML_BLOCK_PLACEHOLDER, /* "[img]" before a caption */
	HTML_BLOCK_CAPTION,
	HTML_BLOCK_BYLINE,
};

/* One line of the extracted text. */
struct html_block {
	size_t start, end;	     /* byte range in html_article.text */
	size_t html_start, html_end; /* byte range of the source element in the page */
	enum html_block_kind kind;
};

struct html_author {
	char *name;	   /* Title Case */
	size_t start, end; /* where the name is written in the text */
};

struct html_article {
	char *text; /* NFC UTF-8, NUL-terminated; len excludes the NUL */
	size_t len;
	struct html_block *blocks;
	size_t n_blocks;
	/* metadata, NULL when unknown */
	char *title;
	char *published_at; /* "YYYY-MM-DDTHH:MM:SS+07:00" or "YYYY-MM-DD" */
	char *canonical_url;
	char *site_name;
	char *language;	     /* primary language subtag, lower case: "vi" */
	const char *charset; /* the charset the page was read in (static) */
	struct html_author *authors;
	size_t n_authors;
	/* where each part came from, for ?explain=1 */
	char rule[200];
	unsigned warnings; /* HTML_W_* */
};

#define HTML_W_REPAIRED 1u	  /* bytes invalid in the charset were replaced by U+FFFD */
#define HTML_W_TRUNCATED 2u	  /* nesting or tag limits flattened or cut the page */
#define HTML_W_CHARSET_GUESSED 4u /* undeclared, not UTF-8: read as windows-1258 */

struct html_options {
	const char *charset;  /* the transport's charset (HTTP Content-Type), or NULL */
	const char *url;      /* the page's address, or NULL */
	uint64_t deadline_ns; /* CLOCK_MONOTONIC bound, 0: none */
	const atomic_int *cancel;
};

enum html_errcode {
	HTML_OK = 0,
	HTML_E_NOMEM,
	HTML_E_CHARSET,	  /* an unknown or unsupported charset */
	HTML_E_EMPTY,	  /* the page holds no article text */
	HTML_E_TOO_LARGE, /* over 1 GiB */
	HTML_E_DEADLINE,
	HTML_E_CANCELLED,
	HTML_E_INTERNAL,
};

struct html_error {
	enum html_errcode code;
	char message[200];
};

/* Extract the article of page[0..len) into *out (zeroed by the callee).
 * 0, or -1 with *err filled and *out empty. The caller frees *out with
 * html_article_free(). */
int html_extract(const char *page, size_t len, const struct html_options *opt,
		 struct html_article *out, struct html_error *err);

/* Free what html_extract() put in *a and zero it. */
void html_article_free(struct html_article *a);

/* The block whose line holds text offset off (a binary search), or NULL. */
const struct html_block *html_block_at(const struct html_article *a, size_t off);

/* 1 when the bytes start like an HTML page or fragment (after a byte order
 * mark and white space: a doctype, a comment, or a tag of HTML's own
 * vocabulary), else 0. Reads at most the first 1 KiB. */
int html_looks_like(const char *bytes, size_t len);

#endif
