/* RFC 9457 problem details: the one shape every meetingd error takes.
 *
 * Each kind has a stable type URI (PROBLEM_BASE + slug), a status and a
 * title; the detail is per occurrence and the instance is the request id.
 */
#ifndef MEETINGD_PROBLEM_H
#define MEETINGD_PROBLEM_H

#include <jansson.h>
#include <stdarg.h>

#define PROBLEM_BASE "https://meetingd.dev/problems/"

enum problem_kind {
	PROBLEM_BAD_REQUEST,	      /* 400: not HTTP/1.1 (the request line, a header, chunking) */
	PROBLEM_MALFORMED_JSON,	      /* 400 */
	PROBLEM_INVALID_REQUEST,      /* 400: JSON well formed but not the request shape */
	PROBLEM_INVALID_UTF8,	      /* 400 */
	PROBLEM_INVALID_PUBLISHED_AT, /* 400 */
	PROBLEM_INVALID_QUERY,	      /* 400 */
	PROBLEM_UNAUTHORIZED,	      /* 401 */
	PROBLEM_NOT_FOUND,	      /* 404 */
	PROBLEM_METHOD_NOT_ALLOWED,   /* 405 */
	PROBLEM_LENGTH_REQUIRED,      /* 411 */
	PROBLEM_BODY_TOO_LARGE,	      /* 413 */
	PROBLEM_BATCH_TOO_LARGE,      /* 413 */
	PROBLEM_URI_TOO_LONG,	      /* 414 */
	PROBLEM_UNSUPPORTED_MEDIA,    /* 415 */
	PROBLEM_EMPTY_ARTICLE,	      /* 422 */
	PROBLEM_HEADERS_TOO_LARGE,    /* 431 */
	PROBLEM_INTERNAL,	      /* 500 */
	PROBLEM_UNAVAILABLE,	      /* 503: draining */
	PROBLEM_OVERLOADED,	      /* 503: --max-body-memory full */
	PROBLEM_DEADLINE_EXCEEDED,    /* 503: the work passed --request-timeout */
	PROBLEM_KIND_COUNT,
};

/* Status code of a kind. */
int problem_status(enum problem_kind kind);

/* Slug of a kind ("invalid-utf8"); static storage. */
const char *problem_slug(enum problem_kind kind);

/* Title of a kind; static storage. */
const char *problem_title(enum problem_kind kind);

/* The static slug of a problem type URI (PROBLEM_BASE + slug), or NULL. */
const char *problem_slug_of_type(const char *type);

/* New problem object {type,title,status,detail,instance}; the caller owns
 * it (json_decref). instance (borrowed) may be NULL; detail is printf-style
 * and may carry client input: it is JSON-escaped on output, never raw.
 * NULL on allocation failure. */
json_t *problem_new(enum problem_kind kind, const char *instance, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* va_list form of problem_new(); same ownership. */
json_t *problem_newv(enum problem_kind kind, const char *instance, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Copy at most cap-1 bytes of untrusted text s into buf for use in a detail
 * message: control bytes and non-ASCII become '?', longer text ends in
 * "...". Returns buf. */
char *problem_sanitize(char *buf, size_t cap, const char *s, size_t len);

#endif
