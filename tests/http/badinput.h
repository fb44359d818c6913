/* badinput.h — what the bad-input tests against the real server share
 * (test_http_badinput.c: input refused with a problem; test_http_oddinput.c:
 * odd input accepted): the server each test of the including file's suite
 * runs against (its TestSuite's .init and .fini are up() and down()), the
 * request media types, the problem check with each type's title, and the
 * check that the server still answers. Everything is static: each test file
 * gets its own copy. */
#ifndef MEETINGD_TESTS_HTTP_BADINPUT_H
#define MEETINGD_TESTS_HTTP_BADINPUT_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include "tests/http/harness.h"

static struct harness_server srv;

static void up(void)
{
	harness_start(&srv, NULL); /* defaults: 1 MiB body, 64 KiB of headers */
}

static void down(void)
{
	harness_stop_ok(&srv);
}

#define TEXT "Content-Type: text/plain; charset=utf-8\r\n"
#define JSON "Content-Type: application/json\r\n"
#define NDJSON "Content-Type: application/x-ndjson\r\n"

static inline double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Titles are part of each problem type: a change is a contract change. */
static inline const char *title_of(const char *slug)
{
	static const char *const t[][2] = {
	    {"malformed-json", "Malformed JSON"},
	    {"invalid-request", "Invalid request body"},
	    {"invalid-utf8", "Invalid UTF-8"},
	    {"invalid-published-at", "Invalid published_at"},
	    {"invalid-query", "Invalid query parameter"},
	    {"not-found", "Not found"},
	    {"method-not-allowed", "Method not allowed"},
	    {"length-required", "Length required"},
	    {"body-too-large", "Request body too large"},
	    {"batch-too-large", "Too many batch lines"},
	    {"unsupported-media-type", "Unsupported media type"},
	    {"empty-article", "Empty article"},
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i][0], slug))
			return t[i][1];
	cr_assert_fail("no title known for %s", slug);
	return NULL;
}

static inline void expect_problem(const char *name, const struct harness_response *r, int status,
				  const char *slug, const char *detail_has)
{
	const char *detail;

	cr_assert_eq(r->status, status, "%s: status %d, expected %d: %.500s", name, r->status,
		     status, r->body);
	detail = harness_assert_problem(r, status, slug);
	cr_assert_str_eq(json_string_value(json_object_get(r->json, "title")), title_of(slug),
			 "%s: title", name);
	if (detail_has)
		cr_assert(strstr(detail, detail_has), "%s: detail \"%s\" lacks \"%s\"", name,
			  detail, detail_has);
}

/* The server still answers: a probe and a real parse on new connections. */
static inline void alive(const char *after)
{
	struct harness_response r;

	harness_request(&srv, "GET", "/healthz", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200, "no healthy answer after %s", after);
	harness_response_free(&r);
	harness_request(&srv, "POST", "/v1/parse", TEXT, "Sáng 5.4, hội nghị tỉnh.",
			strlen("Sáng 5.4, hội nghị tỉnh."), &r);
	cr_assert_eq(r.status, 200, "no parse after %s: %s", after, r.body);
	harness_response_free(&r);
}

/* POST on a connection that waits up to 10 minutes for the answer: big
 * bodies under valgrind take far longer than the harness's 10 s. */
static inline void post_patient(const char *path, const char *headers, const char *body, size_t len,
				struct harness_response *r)
{
	struct harness_conn c;
	struct timeval tv = {600, 0};
	char head[400];

	harness_connect(&srv, &c);
	setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	snprintf(head, sizeof head, "POST %s HTTP/1.1\r\nHost: x\r\n%sContent-Length: %zu\r\n\r\n",
		 path, headers, len);
	harness_send(&c, head, strlen(head));
	harness_send(&c, body, len);
	cr_assert_eq(harness_read_response(&c, "POST", path, r), 0, "no answer to POST %s", path);
	harness_close(&c);
}

#endif
