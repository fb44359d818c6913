/* Body and header limits, chunked bodies, Expect: 100-continue, deadlines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

static struct harness_server srv;

static void up(void)
{
	static const char *const args[] = {"--max-body", "2000", NULL};
	harness_start(&srv, args);
}

static void down(void)
{
	harness_stop_ok(&srv);
}

TestSuite(http_limits, .init = up, .fini = down, .timeout = 30);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void send_chunk(struct harness_conn *c, const char *data, size_t n)
{
	char size[32];

	snprintf(size, sizeof size, "%zx\r\n", n);
	harness_send(c, size, strlen(size));
	harness_send(c, data, n);
	harness_send(c, "\r\n", 2);
}

Test(http_limits, post_without_length_is_411)
{
	struct harness_response r;

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/plain\r\n", NULL, 0, &r);
	harness_assert_problem(&r, 411, "length-required");
	harness_response_free(&r);
}

Test(http_limits, content_length_over_limit_is_413_before_the_body)
{
	struct harness_conn c;
	struct harness_response r;
	static const char head[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\n"
				   "Content-Type: text/plain\r\nContent-Length: 5000\r\n\r\n";
	const char *detail;

	harness_connect(&srv, &c);
	harness_send(&c, head, strlen(head)); /* and no body at all */
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0,
		     "the 413 must come without waiting for the body");
	detail = harness_assert_problem(&r, 413, "body-too-large");
	cr_assert(strstr(detail, "5000") && strstr(detail, "2000"), "detail: %s", detail);
	cr_assert_str_eq(harness_header(&r, "Connection"), "close");
	harness_response_free(&r);
	harness_close(&c);
}

Test(http_limits, oversized_body_is_413_on_any_route)
{
	struct harness_conn c;
	struct harness_response r;
	static const char head[] =
	    "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\n";

	harness_connect(&srv, &c);
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/nowhere", &r), 0);
	harness_assert_problem(&r, 413, "body-too-large");
	harness_response_free(&r);
	harness_close(&c);
}

Test(http_limits, expect_100_continue)
{
	struct harness_conn c;
	struct harness_response r;
	char head[300];

	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		 "Expect: 100-continue\r\nContent-Length: %zu\r\n\r\n",
		 strlen("Sáng 5.4, hội nghị."));
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 100, "interim 100 Continue first, got %d", r.status);
	harness_response_free(&r);
	harness_send(&c, "Sáng 5.4, hội nghị.", strlen("Sáng 5.4, hội nghị."));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	harness_close(&c);

	/* too large: refused at once, no 100 Continue */
	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		 "Expect: 100-continue\r\nContent-Length: 999999\r\n\r\n");
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	harness_assert_problem(&r, 413, "body-too-large");
	harness_response_free(&r);
	harness_close(&c);
}

Test(http_limits, chunked_body_within_limit)
{
	struct harness_conn c;
	struct harness_response r;
	static const char head[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\n"
				   "Content-Type: text/plain; charset=utf-8\r\n"
				   "Transfer-Encoding: chunked\r\n\r\n";
	static const char a[] = "Sáng 5.4, đồng chí Lê Văn Hai ", b[] = "chủ trì hội nghị.";

	harness_connect(&srv, &c);
	harness_send(&c, head, strlen(head));
	send_chunk(&c, a, strlen(a));
	send_chunk(&c, b, strlen(b));
	harness_send(&c, "0\r\n\r\n", 5);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse?include=text", &r), 0);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	harness_close(&c);
}

Test(http_limits, chunked_body_over_limit_is_413)
{
	struct harness_conn c;
	struct harness_response r;
	static const char head[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\n"
				   "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
	char chunk[700];
	int i;

	memset(chunk, 'a', sizeof chunk);
	harness_connect(&srv, &c);
	harness_send(&c, head, strlen(head));
	for (i = 0; i < 5; i++) /* 3500 bytes against a 2000-byte limit */
		send_chunk(&c, chunk, sizeof chunk);
	harness_send(&c, "0\r\n\r\n", 5);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	harness_assert_problem(&r, 413, "body-too-large");
	harness_response_free(&r);
	harness_close(&c);
}

Test(http_limits, oversized_headers_are_431)
{
	struct harness_response r;
	size_t n = 70 * 1024;
	char *h = malloc(n + 32);

	strcpy(h, "X-Filler: ");
	memset(h + 10, 'b', n);
	strcpy(h + 10 + n, "\r\n");
	/* libmicrohttpd writes this answer itself: a bare HTML page, no
	 * problem+json and no X-Request-Id, so no contract check */
	harness_request_raw(&srv, "GET", "/healthz", h, NULL, 0, &r);
	cr_assert_eq(r.status, 431);
	harness_response_free(&r);
	free(h);
}

Test(http_limits, overlong_request_line_is_414)
{
	struct harness_response r;
	size_t n = 70 * 1024;
	char *path = malloc(n + 32);

	strcpy(path, "/healthz?");
	memset(path + 9, 'q', n);
	path[9 + n] = '\0';
	harness_request_raw(&srv, "GET", path, NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 414);
	harness_response_free(&r);
	free(path);
}

Test(http_limits, max_body_from_environment)
{
	struct harness_server e;
	static const char *const env[] = {"MEETINGD_MAX_BODY=10", NULL};
	struct harness_response r;

	harness_start_env(&e, NULL, env);
	harness_request(&e, "POST", "/v1/parse", "Content-Type: text/plain\r\n", harness_article,
			strlen(harness_article), &r);
	harness_assert_problem(&r, 413, "body-too-large");
	harness_response_free(&r);
	harness_stop_ok(&e);
}

Test(http_limits, trickling_client_hits_request_timeout)
{
	struct harness_server t;
	static const char *const args[] = {"--request-timeout", "1", "--connection-timeout", "5",
					   NULL};
	static const char head[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\n"
				   "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\n";
	struct harness_conn c;
	struct harness_response r;
	double start;
	char *log;
	int closed = 0, i;

	harness_start(&t, args);
	harness_connect(&t, &c);
	harness_send(&c, head, strlen(head));
	start = now_s();
	/* one byte every 200 ms never leaves the connection idle for 5 s, but
	 * the whole request may only take 1 s */
	for (i = 0; i < 25 && !closed; i++) {
		usleep(200000);
		if (send(c.fd, "a", 1, MSG_NOSIGNAL) != 1)
			closed = 1;
	}
	if (!closed)
		closed = harness_read_response(&c, "POST", "/v1/parse", &r) != 0;
	cr_assert(closed, "the connection outlived --request-timeout");
	cr_assert(now_s() - start < 4.0, "closed only after %.1f s", now_s() - start);
	harness_close(&c);
	log = harness_wait_file(t.out_path, "\"status\":408", 3);
	cr_assert(log && strstr(log, "\"status\":408"), "access log: %s", log ? log : "");
	free(log);
	harness_stop_ok(&t);
}
