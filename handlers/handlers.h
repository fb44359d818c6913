/* Endpoint handlers and the request decoding they share. Each handler
 * decodes the request, calls the model, fills *out and returns the status. */
#ifndef MEETINGD_HANDLERS_H
#define MEETINGD_HANDLERS_H

#include <jansson.h>

#include "model/model.h"
#include "server/http.h"

/* Every route of the service, for http_start(). */
extern const struct http_route handlers_routes[];
extern const size_t handlers_nroutes;

/* POST /v1/parse */
int handlers_parse(struct request *req, struct http_reply *out);
/* POST /v1/parse/batch */
int handlers_batch(struct request *req, struct http_reply *out);
/* GET /healthz, /readyz, /metrics, /openapi.yaml, /version, / and /web/ files */
int handlers_healthz(struct request *req, struct http_reply *out);
int handlers_readyz(struct request *req, struct http_reply *out);
int handlers_metrics(struct request *req, struct http_reply *out);
int handlers_openapi(struct request *req, struct http_reply *out);
int handlers_version(struct request *req, struct http_reply *out);
int handlers_index(struct request *req, struct http_reply *out);
int handlers_web(struct request *req, struct http_reply *out);

/* "codepoint" | "utf16" | "byte" -> *unit; 0, or -1 for anything else. */
int handlers_offset_unit(const char *s, enum model_offset_unit *unit);

/* Read include/offsets/explain from the query string into *opt (which is
 * zeroed first; published_at stays NULL). 0, or the status of the 400
 * problem written to *out. */
int handlers_query_options(struct request *req, struct model_options *opt, struct http_reply *out);

/* Match the request's Content-Type against accepted (NULL-terminated,
 * lower case media types); a charset parameter, when present, must be
 * utf-8 (for text/html any charset: the model reads it, and refuses one it
 * does not know). Returns the index of the match, or -1 with a 415 problem
 * written to *out; accepted_text names the accepted forms in the detail. */
int handlers_content_type(struct request *req, const char *const *accepted,
			  const char *accepted_text, struct http_reply *out);

/* Byte offset of the first invalid UTF-8 sequence in s[0..len), or -1 when
 * all of it is valid (overlongs, surrogates and > U+10FFFF are invalid). */
long handlers_utf8_invalid_at(const char *s, size_t len);

/* A problem object for a model error (new reference, caller decrefs);
 * *kind gets its kind. */
json_t *handlers_model_problem(const struct model_error *err, const char *instance,
			       enum problem_kind *kind);

/* The one-line message for a model error, shared by the CLI and the
 * problem detail; written into buf. Returns buf. */
char *handlers_model_error_message(const struct model_error *err, char *buf, size_t cap);

/* A decoded JSON request: the article ("text") or the page ("html"). */
struct handlers_request {
	const char *text; /* the "text" or "html" member */
	size_t len;
	int is_html;			/* it came as "html" */
	const char *published_at, *url; /* NULL when absent */
};

/* Decode one JSON request object {"text" | "html", "published_at"?, "url"?,
 * "id"?} from bytes (checked for UTF-8 first, duplicates rejected). Returns
 * 0 with *rq borrowing from *doc, or -1 with a new problem object in
 * *problem (kind in *kind). Either way *doc, when not NULL, is a new
 * reference the caller decrefs, and *id (NULL when absent, always NULL
 * unless allow_id) borrows from it, so a failed batch line keeps its id. */
int handlers_decode_json(const char *bytes, size_t len, const char *instance, int allow_id,
			 json_t **doc, struct handlers_request *rq, json_t **id, json_t **problem,
			 enum problem_kind *kind);

/* Options for a decoded request: an "html" member is a page (its JSON
 * string is Unicode, so the page's own <meta charset> is not read). */
void handlers_request_options(const struct handlers_request *rq, struct model_options *opt);

/* The charset parameter of the request's Content-Type, unquoted, in
 * buf[cap] (or "" when there is none). Returns buf. */
const char *handlers_content_charset(struct request *req, char *buf, size_t cap);

#endif
