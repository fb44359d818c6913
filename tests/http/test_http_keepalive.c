/* Keep-alive: the requests of one client connection share one connection
 * inside the server, yet each keeps its own answer, request id and access
 * log line, whatever the kinds that follow one another (a parse, a problem,
 * a HEAD, a preflight, a streamed batch), pipelined or not; a client that
 * half-closes after its last request still gets that answer, and one that
 * keeps quiet stops holding the connection inside. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_keepalive, .timeout = 60);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct step {
	const char *method, *path, *headers, *body;
	int status;
};

/* Every kind of answer, each with an id of its own (ka-<index>). */
static const struct step steps[] = {
    {"POST", "/v1/parse", "Content-Type: text/plain; charset=utf-8\r\n", NULL, 200},
    {"GET", "/nope", "", NULL, 404},
    {"HEAD", "/healthz", "", NULL, 200},
    {"OPTIONS", "/v1/parse", "Origin: https://example.org\r\n", NULL, 204},
    {"POST", "/v1/parse", "Content-Type: application/json\r\n", "{\"text\": ", 400},
    {"POST", "/v1/parse/batch", "Content-Type: application/x-ndjson\r\n",
     "{\"text\": \"Sáng 5/3, hội nghị.\"}\n{\"text\": \"Chiều 6/3, kỳ họp.\"}\n", 200},
    {"DELETE", "/v1/parse", "", NULL, 405},
    {"POST", "/v1/parse", "Content-Type: text/plain; charset=utf-8\r\n", "Sáng 5/3, hội nghị.",
     200},
    {"GET", "/version", "", NULL, 200},
};
#define NSTEPS (sizeof steps / sizeof steps[0])

/* The bytes of step i (the shared article when it has no body of its own). */
static void request_bytes(size_t i, char *out, size_t cap)
{
	const struct step *s = &steps[i];
	const char *body = s->body ? s->body : harness_article;
	int post = !strcmp(s->method, "POST");
	int n;

	n = snprintf(out, cap, "%s %s HTTP/1.1\r\nHost: x\r\nX-Request-Id: ka-%zu\r\n%s", s->method,
		     s->path, i, s->headers);
	if (post)
		n += snprintf(out + n, cap - (size_t)n, "Content-Length: %zu\r\n\r\n%s",
			      strlen(body), body);
	else
		n += snprintf(out + n, cap - (size_t)n, "\r\n");
	cr_assert(n > 0 && (size_t)n < cap);
}

static void expect_answer(struct harness_conn *c, size_t i)
{
	struct harness_response r;
	char id[32];

	snprintf(id, sizeof id, "ka-%zu", i);
	cr_assert_eq(harness_read_response(c, steps[i].method, steps[i].path, &r), 0,
		     "no answer to %s %s", steps[i].method, steps[i].path);
	cr_assert_eq(r.status, steps[i].status, "%s %s: %d %.200s", steps[i].method, steps[i].path,
		     r.status, r.body);
	cr_assert_str_eq(harness_header(&r, "X-Request-Id"), id, "%s %s answered with another id",
			 steps[i].method, steps[i].path);
	cr_assert_null(harness_header(&r, "Connection"), "%s %s closed the connection",
		       steps[i].method, steps[i].path);
	harness_response_free(&r);
}

/* The access log holds one line per step, in order, each with its own
 * method, path and status. */
static void expect_log(struct harness_server *s, size_t n)
{
	char last[32], *log, *line, *save = NULL;
	size_t next = 0;

	snprintf(last, sizeof last, "\"id\":\"ka-%zu\"", n - 1);
	log = harness_wait_file(s->out_path, last, 5);
	cr_assert(log && strstr(log, last), "access log: %s", log ? log : "");
	for (line = strtok_r(log, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *j = json_loads(line, 0, NULL);
		const char *id = j ? json_string_value(json_object_get(j, "id")) : NULL;
		char want[32];

		if (!id || strncmp(id, "ka-", 3)) {
			json_decref(j);
			continue;
		}
		snprintf(want, sizeof want, "ka-%zu", next);
		cr_assert(next < n, "a line too many: %s", line);
		cr_assert_str_eq(id, want, "log lines out of order or doubled: %s", line);
		cr_assert_str_eq(json_string_value(json_object_get(j, "method")),
				 steps[next].method, "%s", line);
		cr_assert_str_eq(json_string_value(json_object_get(j, "path")), steps[next].path,
				 "%s", line);
		cr_assert_eq(json_integer_value(json_object_get(j, "status")), steps[next].status,
			     "%s", line);
		json_decref(j);
		next++;
	}
	cr_assert_eq(next, n, "%zu of %zu requests logged", next, n);
	free(log);
}

Test(http_keepalive, mixed_requests_each_keep_their_answer_and_log_line)
{
	struct harness_server s;
	struct harness_conn c;
	char req[4096];
	size_t i;

	harness_start(&s, NULL);
	harness_connect(&s, &c);
	for (i = 0; i < NSTEPS; i++) {
		request_bytes(i, req, sizeof req);
		harness_send(&c, req, strlen(req));
		expect_answer(&c, i);
	}
	harness_close(&c);
	expect_log(&s, NSTEPS);
	harness_stop_ok(&s);
}

Test(http_keepalive, pipelined_requests_are_answered_in_order)
{
	struct harness_server s;
	struct harness_conn c;
	char *all = malloc(NSTEPS * 4096);
	size_t i, len = 0;

	cr_assert_not_null(all);
	harness_start(&s, NULL);
	harness_connect(&s, &c);
	/* all of them in one write: each waits for the answer before it */
	for (i = 0; i < NSTEPS; i++) {
		request_bytes(i, all + len, 4096);
		len += strlen(all + len);
	}
	harness_send(&c, all, len);
	for (i = 0; i < NSTEPS; i++)
		expect_answer(&c, i);
	harness_close(&c);
	expect_log(&s, NSTEPS);
	free(all);
	harness_stop_ok(&s);
}

Test(http_keepalive, half_close_after_the_last_request_still_gets_its_answer)
{
	struct harness_server s;
	struct harness_conn c;
	struct harness_response r;
	char req[4096], rest[64];

	harness_start(&s, NULL);
	harness_connect(&s, &c);
	request_bytes(0, req, sizeof req);
	harness_send(&c, req, strlen(req));
	expect_answer(&c, 0);
	/* the second request on the kept connection, then the client's FIN */
	request_bytes(7, req, sizeof req);
	harness_send(&c, req, strlen(req));
	shutdown(c.fd, SHUT_WR);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "X-Request-Id"), "ka-7");
	harness_response_free(&r);
	cr_assert_eq(c.len, 0, "more after the answer");
	cr_assert_eq(recv(c.fd, rest, sizeof rest, 0), 0, "the connection ends after the answer");
	harness_close(&c);
	harness_stop_ok(&s);
}

/* Descriptors the server process holds. */
static int server_fds(const struct harness_server *s)
{
	char path[64];
	struct dirent *e;
	DIR *d;
	int n = 0;

	snprintf(path, sizeof path, "/proc/%d/fd", (int)s->pid);
	d = opendir(path);
	cr_assert_not_null(d, "%s", path);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* A client that keeps quiet keeps its connection, but not the server's
 * connection inside for it (memory for every idle client), and its next
 * request is served as the first was. */
Test(http_keepalive, quiet_clients_keep_their_connection_but_not_its_inner_one)
{
	enum { QUIET = 20 };
	static struct harness_conn c[QUIET];
	struct harness_server s;
	char req[4096];
	int i, before, busy, idle = 0;
	double end;

	/* the descriptors are counted in /proc/PID/fd: under MEETINGD_WRAP the
	 * PID may be a wrapper's (podman for the image test), not the server's */
	const char *wrap = getenv("MEETINGD_WRAP");
	if (wrap && *wrap)
		cr_skip_test("counts the server's own descriptors; MEETINGD_WRAP is set");
	harness_start(&s, NULL);
	before = server_fds(&s);
	for (i = 0; i < QUIET; i++) {
		harness_connect(&s, &c[i]);
		request_bytes(0, req, sizeof req);
		harness_send(&c[i], req, strlen(req));
		expect_answer(&c[i], 0);
	}
	busy = server_fds(&s);
	cr_assert(busy >= before + 2 * QUIET, "%d descriptors before, %d with %d clients", before,
		  busy, QUIET);
	/* about a second of silence lets the inner connections go */
	for (end = now_s() + 5; now_s() < end; usleep(100000))
		if ((idle = server_fds(&s)) <= before + QUIET)
			break;
	cr_assert(idle <= before + QUIET,
		  "%d descriptors with %d quiet clients (%d before them, %d while busy)", idle,
		  QUIET, before, busy);
	for (i = 0; i < QUIET; i++) {
		request_bytes(7, req, sizeof req);
		harness_send(&c[i], req, strlen(req));
		expect_answer(&c[i], 7);
		harness_close(&c[i]);
	}
	harness_stop_ok(&s);
}
