/* meetingd model: Vietnamese meeting article -> meeting model (JSON).
 *
 * The only header that handlers, the CLI, tests and fuzz targets include.
 * The model is a pure library: it never prints, exits or reads the
 * environment. Thread-safe: model_init() once, then model_parse() from any
 * number of threads concurrently.
 */
#ifndef MEETINGD_MODEL_H
#define MEETINGD_MODEL_H

#include <jansson.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define MODEL_VERSION "1.0"

enum model_offset_unit {
	MODEL_OFFSET_CODEPOINT = 0, /* default */
	MODEL_OFFSET_UTF16,
	MODEL_OFFSET_BYTE,
};

/* What the bytes are: an article as plain text, a web page whose article
 * the model first finds, or either, told apart by the content
 * (model_looks_like_html()). For a page, model/html finds the article and
 * lays it out as a plain-text article (title line, date line, sapo,
 * paragraphs, "[img]" + caption lines, byline); every offset of the result
 * indexes that text, which ?include=text returns, article.source describes
 * the page and each paragraph carries "html", its element's byte range in
 * the page as given. */
enum model_input_format {
	MODEL_INPUT_TEXT = 0, /* default */
	MODEL_INPUT_HTML,
	MODEL_INPUT_AUTO,
};

struct model_options {
	/* ISO 8601 date or date-time ("2022-01-26", "2022-01-26T14:00:11+07:00")
	 * that anchors relative dates when the text has no dateline; NULL: none.
	 * Borrowed. */
	const char *published_at;
	enum model_offset_unit unit;
	int include_text; /* add "text": the normalised text the offsets index */
	int explain;	  /* add "rule" to every extracted object */
	enum model_input_format input;
	/* For HTML input: the charset named by the transport (the HTTP
	 * Content-Type), which wins over the page's own <meta charset>, and the
	 * page's URL; NULL when unknown. Borrowed. */
	const char *charset;
	const char *url;
	/* Raw JSON members written first inside the ParseResult object, without
	 * braces or a trailing comma (`"id":7`), or NULL. The batch endpoint and
	 * the archive mode of the command line put the line's id there. Borrowed;
	 * the caller vouches that it is valid JSON. */
	const char *lead_members;
	/* Work bound. The parse stops with MODEL_E_DEADLINE once CLOCK_MONOTONIC
	 * passes deadline_ns (0: no deadline), and with MODEL_E_CANCELLED once
	 * *cancel is nonzero (NULL: never). Both are checked at bounded
	 * intervals of work; whatever the parse allocated is freed. */
	uint64_t deadline_ns;
	const atomic_int *cancel;
};

enum model_errcode {
	MODEL_OK = 0,
	MODEL_E_UTF8,	   /* invalid UTF-8; offset = first bad byte */
	MODEL_E_EMPTY,	   /* empty or whitespace-only article */
	MODEL_E_PUBLISHED, /* published_at option is not an ISO date */
	MODEL_E_NOMEM,
	MODEL_E_INTERNAL,
	MODEL_E_DEADLINE,  /* options.deadline_ns passed */
	MODEL_E_CANCELLED, /* *options.cancel became nonzero */
	MODEL_E_FORMAT,	   /* the input format cannot be read (an unknown charset, a
			      UTF-16 page) */
};

struct model_error {
	enum model_errcode code;
	size_t offset; /* byte offset for MODEL_E_UTF8 */
	char message[200];
};

/* Load the compiled-in lexicons. Idempotent and thread-safe; model_parse()
 * calls it itself, servers call it at start to fail early. 0 or -1. */
int model_init(void);

/* Output of model_parse_into(): data is malloc'ed and grows as needed; the
 * caller frees it with free(). Start from all zeros. */
struct model_buf {
	char *data;
	size_t len, cap;
};

/* Parse an article (raw bytes, UTF-8) and append its ParseResult to *out as
 * compact JSON plus a final newline, exactly what every front-end sends.
 * Returns 0, or -1 with *err filled and out->len as it was. */
int model_parse_into(const char *bytes, size_t len, const struct model_options *opt,
		     struct model_buf *out, struct model_error *err);

/* The same ParseResult as a new json_t tree that the caller owns
 * (json_decref), or NULL with *err filled. For tests and tools. */
json_t *model_parse(const char *bytes, size_t len, const struct model_options *opt,
		    struct model_error *err);

/* Serialise a ParseResult (or any JSON value) exactly as every front-end
 * emits it: compact UTF-8 plus a final newline. Returns malloc'ed memory the
 * caller frees; *len_out gets the length. NULL on allocation failure. */
char *model_dump(const json_t *result, size_t *len_out);

/* 1 when the bytes start like an HTML page or fragment (after a byte order
 * mark and white space: a doctype, a comment, or a tag of HTML's own
 * vocabulary); what MODEL_INPUT_AUTO goes by. Reads at most 1 KiB. */
int model_looks_like_html(const char *bytes, size_t len);

/* Short name of an error code ("invalid_utf8", ...). Static storage. */
const char *model_errcode_name(enum model_errcode code);

#endif
