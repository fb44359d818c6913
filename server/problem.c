/* RFC 9457 problem+json builder: one table of the error kinds. */
#include "server/problem.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *slug;
	int status;
	const char *title;
} kinds[PROBLEM_KIND_COUNT] = {
    [PROBLEM_BAD_REQUEST] = {"bad-request", 400, "Bad request"},
    [PROBLEM_MALFORMED_JSON] = {"malformed-json", 400, "Malformed JSON"},
    [PROBLEM_INVALID_REQUEST] = {"invalid-request", 400, "Invalid request body"},
    [PROBLEM_INVALID_UTF8] = {"invalid-utf8", 400, "Invalid UTF-8"},
    [PROBLEM_INVALID_PUBLISHED_AT] = {"invalid-published-at", 400, "Invalid published_at"},
    [PROBLEM_INVALID_QUERY] = {"invalid-query", 400, "Invalid query parameter"},
    [PROBLEM_UNAUTHORIZED] = {"unauthorized", 401, "Unauthorized"},
    [PROBLEM_NOT_FOUND] = {"not-found", 404, "Not found"},
    [PROBLEM_METHOD_NOT_ALLOWED] = {"method-not-allowed", 405, "Method not allowed"},
    [PROBLEM_LENGTH_REQUIRED] = {"length-required", 411, "Length required"},
    [PROBLEM_BODY_TOO_LARGE] = {"body-too-large", 413, "Request body too large"},
    [PROBLEM_BATCH_TOO_LARGE] = {"batch-too-large", 413, "Too many batch lines"},
    [PROBLEM_URI_TOO_LONG] = {"uri-too-long", 414, "Request line too long"},
    [PROBLEM_UNSUPPORTED_MEDIA] = {"unsupported-media-type", 415, "Unsupported media type"},
    [PROBLEM_EMPTY_ARTICLE] = {"empty-article", 422, "Empty article"},
    [PROBLEM_HEADERS_TOO_LARGE] = {"headers-too-large", 431, "Request headers too large"},
    [PROBLEM_INTERNAL] = {"internal", 500, "Internal server error"},
    [PROBLEM_UNAVAILABLE] = {"unavailable", 503, "Service unavailable"},
    [PROBLEM_OVERLOADED] = {"overloaded", 503, "Server overloaded"},
    [PROBLEM_DEADLINE_EXCEEDED] = {"deadline-exceeded", 503, "Request deadline exceeded"},
};

int problem_status(enum problem_kind kind)
{
	return kinds[kind].status;
}

const char *problem_slug(enum problem_kind kind)
{
	return kinds[kind].slug;
}

const char *problem_title(enum problem_kind kind)
{
	return kinds[kind].title;
}

const char *problem_slug_of_type(const char *type)
{
	size_t i, n = strlen(PROBLEM_BASE);

	if (!type || strncmp(type, PROBLEM_BASE, n))
		return NULL;
	for (i = 0; i < PROBLEM_KIND_COUNT; i++)
		if (!strcmp(type + n, kinds[i].slug))
			return kinds[i].slug;
	return NULL;
}

json_t *problem_newv(enum problem_kind kind, const char *instance, const char *fmt, va_list ap)
{
	char type[128], detail[512];

	snprintf(type, sizeof type, "%s%s", PROBLEM_BASE, kinds[kind].slug);
	vsnprintf(detail, sizeof detail, fmt, ap);
	/* json_pack() refuses invalid UTF-8: every piece of client input in a
	 * detail goes through problem_sanitize() first, so it is ASCII. */
	return json_pack("{s:s, s:s, s:i, s:s, s:s?}", "type", type, "title", kinds[kind].title,
			 "status", kinds[kind].status, "detail", detail, "instance", instance);
}

json_t *problem_new(enum problem_kind kind, const char *instance, const char *fmt, ...)
{
	va_list ap;
	json_t *p;

	va_start(ap, fmt);
	p = problem_newv(kind, instance, fmt, ap);
	va_end(ap);
	return p;
}

char *problem_sanitize(char *buf, size_t cap, const char *s, size_t len)
{
	size_t i, n = len;
	int cut = 0;

	if (cap == 0)
		return buf;
	if (n > cap - 1) {
		n = cap > 4 ? cap - 4 : 0;
		cut = cap > 4;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (cut) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}
