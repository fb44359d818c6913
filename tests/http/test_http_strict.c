/* Strict HTTP and connection discipline, at the socket: what libmicrohttpd
 * 0.9.75 let through (a NUL cutting a value short, bare LF, obs-fold, no
 * Host, names with spaces, loose chunk framing, a chunk size of 2^64 it
 * waited for, two answers to one request) is refused at once with one
 * problem; a client that sends part of a request and closes is dropped at
 * once; heads have their own deadline; one address has a connection limit;
 * a crowd of slow heads and a flood of half-sent requests from other
 * addresses leave a well-behaved client served. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_strict, .timeout = 60);
TestSuite(http_conn, .timeout = 90);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds a prompt answer may take (far more under valgrind). */
static double prompt(void)
{
	const char *w = getenv("MEETINGD_WRAP");

	return w && *w ? 10.0 : 1.0;
}

/* A loopback connection from source address src (NULL: the kernel's
 * choice, 127.0.0.1), non-blocking when nonblock; -1 when refused. */
static int dial_from(int port, const char *src, int nonblock)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblock ? SOCK_NONBLOCK : 0), 0),
	    one = 1;

	if (fd < 0)
		return -1;
	if (src) {
		memset(&a, 0, sizeof a);
		a.sin_family = AF_INET;
		inet_pton(AF_INET, src, &a.sin_addr);
		if (bind(fd, (struct sockaddr *)&a, sizeof a)) {
			close(fd);
			return -1;
		}
	}
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) && errno != EINPROGRESS) {
		close(fd);
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

/* What the server did to fd within timeout_s: 1 closed it (EOF or reset)
 * with nothing to read, 2 sent bytes, 0 nothing at all. */
static int watch_fd(int fd, double timeout_s)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	char b[512];
	ssize_t n;

	if (poll(&p, 1, (int)(timeout_s * 1000)) <= 0)
		return 0;
	n = recv(fd, b, sizeof b, MSG_DONTWAIT | MSG_PEEK);
	if (n > 0)
		return 2;
	if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
		return 1;
	return 0;
}

/* Everything the server sends on a new connection for bytes[0..n), until
 * it closes (at most 5 s); malloc'ed, NUL-terminated. Not checked against
 * the contract: for answers the caller checks itself. */
static char *exchange_all(struct harness_server *s, const char *bytes, size_t n, size_t *len)
{
	int fd = dial_from(s->port, NULL, 0);
	size_t cap = 65536, got = 0;
	char *buf = malloc(cap);
	double end = now_s() + 5;

	cr_assert(fd >= 0 && buf);
	cr_assert_eq(send(fd, bytes, n, MSG_NOSIGNAL), (ssize_t)n);
	while (now_s() < end) {
		ssize_t k;
		if (watch_fd(fd, end - now_s()) == 0)
			break;
		k = recv(fd, buf + got, cap - got - 1, 0);
		if (k <= 0)
			break;
		got += (size_t)k;
		if (got + 1 == cap)
			break;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* One raw request to path: exactly one response (checked against the
 * contract), a problem with that status and type, then the close. */
static void expect_one(struct harness_server *s, const char *name, const char *bytes, size_t n,
		       int status, const char *slug)
{
	const char *path = strstr(bytes, "/v1/") ? "/v1/parse" : "/healthz";
	const char *method = !strncmp(bytes, "POST", 4) ? "POST" : "GET";
	struct harness_conn c;
	struct harness_response r;
	char rest[4096];
	size_t got = 0;
	ssize_t k;

	harness_connect(s, &c);
	harness_send(&c, bytes, n);
	cr_assert_eq(harness_read_response(&c, method, path, &r), 0, "%s: no response", name);
	cr_assert_eq(r.status, status, "%s: expected %d, got %d: %.300s", name, status, r.status,
		     r.body);
	harness_assert_problem(&r, status, slug);
	cr_assert_str_eq(harness_header(&r, "Connection"), "close", "%s", name);
	harness_response_free(&r);
	/* nothing after it but the close */
	memcpy(rest, c.buf, c.len);
	got = c.len;
	while (got < sizeof rest - 1 && (k = recv(c.fd, rest + got, sizeof rest - 1 - got, 0)) > 0)
		got += (size_t)k;
	rest[got] = '\0';
	cr_assert_eq(got, 0, "%s: more after the answer: %.300s", name, rest);
	harness_close(&c);
}

/* ---- strict HTTP ---- */

static struct harness_server srv;

static void up(void)
{
	static const char *const args[] = {"--auth-token", "s3cret", "--trusted-proxies",
					   "127.0.0.1", NULL};
	harness_start(&srv, args);
}

static void down(void)
{
	harness_stop_ok(&srv);
}

#define R(s) s, sizeof(s) - 1

Test(http_strict, nul_bytes_never_cut_a_value_short, .init = up, .fini = down)
{
	/* each of these was read up to the NUL: chunked, a length of 5, a
	 * client of 1.2.3.4, a valid token, the path /web/index.html */
	expect_one(&srv, "NUL in Transfer-Encoding",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		     "Transfer-Encoding: chunked\0gzip\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
		   400, "bad-request");
	expect_one(&srv, "NUL in Content-Length",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		     "Content-Length: 5\0 99\r\n\r\nhello"),
		   400, "bad-request");
	expect_one(
	    &srv, "NUL in X-Forwarded-For",
	    R("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\0, 5.6.7.8\r\n\r\n"),
	    400, "bad-request");
	expect_one(&srv, "NUL in Authorization",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		     "Authorization: Bearer s3cret\0junk\r\nContent-Length: 5\r\n\r\nhello"),
		   400, "bad-request");
	expect_one(&srv, "NUL in the request target",
		   R("GET /web/index.html\0.txt HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad-request");
}

Test(http_strict, line_ends_folding_and_control_bytes, .init = up, .fini = down)
{
	expect_one(&srv, "bare LF line ends", R("GET /healthz HTTP/1.1\nHost: x\n\n"), 400,
		   "bad-request");
	expect_one(&srv, "bare LF after a header",
		   R("GET /healthz HTTP/1.1\r\nHost: x\nX-A: b\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "bare CR in a value",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\rc\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "obs-fold",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\r\n  continued\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "DEL in a value",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\x7f\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "a tab in the request line",
		   R("GET\t/healthz HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "no version", R("GET /healthz\r\nHost: x\r\n\r\n"), 400, "bad-request");
}

Test(http_strict, host_and_header_names, .init = up, .fini = down)
{
	struct harness_response r;
	size_t len;
	char *all;

	expect_one(&srv, "HTTP/1.1 without Host", R("GET /healthz HTTP/1.1\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "two Host headers",
		   R("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "a space in a header name",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nX Bad: v\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "a space before the colon",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad : v\r\n\r\n"), 400, "bad-request");
	expect_one(&srv, "a header line without a colon",
		   R("GET /healthz HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n"), 400, "bad-request");
	/* HTTP/1.0 may go without Host */
	all = exchange_all(&srv, R("GET /healthz HTTP/1.0\r\n\r\n"), &len);
	cr_assert(!strncmp(all, "HTTP/1.1 200 ", 13), "HTTP/1.0 without Host: %.200s", all);
	free(all);
	/* and the server is fine */
	harness_request(&srv, "GET", "/healthz", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
}

Test(http_strict, chunk_framing, .init = up, .fini = down)
{
	double t;

#define CHUNKED                                                                                    \
	"POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"                       \
	"Authorization: Bearer s3cret\r\nTransfer-Encoding: chunked\r\n\r\n"
	expect_one(&srv, "bare LF after a chunk size", R(CHUNKED "5\nhello\r\n0\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "bare LF after chunk data", R(CHUNKED "5\r\nhello\n0\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "data longer than its size", R(CHUNKED "3\r\nhello\r\n0\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "a size that is not hex", R(CHUNKED "x5\r\nhello\r\n0\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "a control byte in a chunk extension",
		   R(CHUNKED "5;a=\x01\r\nhello\r\n0\r\n\r\n"), 400, "bad-request");
	/* a size past the limit: 413 at once, not a wait for 2^64 bytes */
	t = now_s();
	expect_one(&srv, "chunk size ffffffffffffffff", R(CHUNKED "ffffffffffffffff\r\n"), 413,
		   "body-too-large");
	cr_assert(now_s() - t < prompt(), "the 413 took %.2f s", now_s() - t);
	expect_one(&srv, "chunk size past the limit", R(CHUNKED "100001\r\n"), 413,
		   "body-too-large");
	expect_one(&srv, "seventeen hex digits", R(CHUNKED "00000000000000001\r\n"), 413,
		   "body-too-large");
	/* extensions and trailers as the grammar has them are fine */
	{
		size_t len;
		char *all = exchange_all(
		    &srv,
		    R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		      "Authorization: Bearer s3cret\r\nConnection: close\r\n"
		      "Transfer-Encoding: chunked\r\n\r\n"
		      "a;name=\"v\"\r\nSáng 5.4,\r\n0\r\nX-T: 1\r\n\r\n"),
		    &len);
		cr_assert(!strncmp(all, "HTTP/1.1 200 ", 13), "extension and trailer: %.300s", all);
		free(all);
	}
#undef CHUNKED
}

Test(http_strict, one_response_per_request, .init = up, .fini = down)
{
	/* libmicrohttpd 0.9.75 wrote this 400's header block twice */
	expect_one(&srv, "Content-Length: 5abc",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		     "Content-Length: 5abc\r\n\r\nhello"),
		   400, "bad-request");
	expect_one(&srv, "Content-Length: -1",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"), 400,
		   "bad-request");
	expect_one(&srv, "Content-Length: 5, 5",
		   R("POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello"),
		   400, "bad-request");
}

/* ---- connections ---- */

/* A client that sends part of a request, then closes its side: the server
 * closes at once, well before the 10 s --connection-timeout. */
Test(http_conn, half_sent_requests_are_closed_at_once)
{
	static const char *const parts[] = {
	    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Part",
	    "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
	    "Content-Length: 100\r\n\r\nSáng 5.4, hội",
	    "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
	    "Transfer-Encoding: chunked\r\n\r\n10\r\nSáng 5.4",
	};
	static const char *const what[] = {"headers", "fixed-length body", "chunked body"};
	struct harness_server s;
	size_t i;
	char *log;

	harness_start(&s, NULL);
	for (i = 0; i < 3; i++) {
		int fd = dial_from(s.port, NULL, 0);
		double t;
		cr_assert(fd >= 0);
		/* the part and the FIN together, as a client that sends and
		 * closes at once does */
		t = now_s();
		cr_assert_eq(send(fd, parts[i], strlen(parts[i]), MSG_NOSIGNAL),
			     (ssize_t)strlen(parts[i]));
		shutdown(fd, SHUT_WR);
		cr_assert_eq(watch_fd(fd, 3.0), 1,
			     "a client that closed its side after part of its %s was not closed",
			     what[i]);
		cr_assert(now_s() - t < prompt(), "closing took %.2f s", now_s() - t);
		close(fd);
	}
	/* logged as the client's doing; the three lines may be written in any
	 * order, so wait for the body's own, not for the first 499 */
	log = harness_wait_file(s.out_path, "\"path\":\"/v1/parse\",\"status\":499", 3);
	cr_assert(log && strstr(log, "\"path\":\"/v1/parse\",\"status\":499"), "log: %s",
		  log ? log : "");
	free(log);
	harness_stop_ok(&s);
}

/* The head has a deadline of its own, far below the request's. */
Test(http_conn, slow_heads_are_cut_at_the_header_deadline)
{
	static const char *const args[] = {
	    "--header-timeout", "1", "--request-timeout", "30", "--connection-timeout", "5", NULL};
	static const char drip[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmn";
	struct harness_server s;
	int fd, i, closed = 0;
	double t;

	harness_start(&s, args);
	fd = dial_from(s.port, NULL, 0);
	cr_assert(fd >= 0);
	t = now_s();
	/* a byte every 200 ms: never silent, never done */
	for (i = 0; drip[i] && !closed; i++) {
		if (send(fd, drip + i, 1, MSG_NOSIGNAL) != 1 || watch_fd(fd, 0.2) == 1)
			closed = 1;
	}
	cr_assert(closed, "the slow head outlived a 1 s --header-timeout (%.1f s)", now_s() - t);
	cr_assert(now_s() - t >= 0.9 && now_s() - t < 1.5 + prompt(), "cut after %.2f s",
		  now_s() - t);
	close(fd);
	/* and a silent connection too */
	fd = dial_from(s.port, NULL, 0);
	t = now_s();
	cr_assert_eq(watch_fd(fd, 5.0), 1, "a silent connection was not closed");
	cr_assert(now_s() - t < 1.5 + prompt(), "closed after %.2f s", now_s() - t);
	close(fd);
	harness_stop_ok(&s);
}

Test(http_conn, one_address_has_a_connection_limit)
{
	static const char *const args[] = {"--max-client-connections", "4", NULL};
	static const char ping[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
	struct harness_server s;
	int held[4], i, fd;

	harness_start(&s, args);
	for (i = 0; i < 4; i++) {
		held[i] = dial_from(s.port, "127.0.0.1", 0);
		cr_assert(held[i] >= 0);
	}
	usleep(100000);
	/* the fifth from the same address is closed at once */
	fd = dial_from(s.port, "127.0.0.1", 0);
	cr_assert(fd >= 0);
	send(fd, ping, strlen(ping), MSG_NOSIGNAL);
	cr_assert_eq(watch_fd(fd, 3.0), 1, "a fifth connection from one address was kept");
	close(fd);
	/* another address is served */
	fd = dial_from(s.port, "127.0.0.2", 0);
	cr_assert(fd >= 0, "cannot bind 127.0.0.2");
	cr_assert_eq(send(fd, ping, strlen(ping), MSG_NOSIGNAL), (ssize_t)strlen(ping));
	cr_assert_eq(watch_fd(fd, 3.0), 2, "a client from another address was not answered");
	close(fd);
	/* and the first address again once one of its connections is gone */
	close(held[0]);
	usleep(100000);
	fd = dial_from(s.port, "127.0.0.1", 0);
	send(fd, ping, strlen(ping), MSG_NOSIGNAL);
	cr_assert_eq(watch_fd(fd, 3.0), 2, "no room after a connection of the address closed");
	close(fd);
	for (i = 1; i < 4; i++)
		close(held[i]);
	harness_stop_ok(&s);
}

/* ---- a slow-header crowd and a flood of half-sent requests ---- */

#define CROWD 1100
#define SOURCES 200 /* 127.0.0.2 ... 127.0.0.201: 5 or 6 connections each */

static void raise_nofile(rlim_t want)
{
	struct rlimit rl;

	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	if (rl.rlim_cur >= want)
		return;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
		cr_skip_test("RLIMIT_NOFILE hard limit %llu is below %llu",
			     (unsigned long long)rl.rlim_max, (unsigned long long)want);
	rl.rlim_cur = want;
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &rl), 0, "setrlimit: %s", strerror(errno));
}

static void source_of(int i, char *out)
{
	sprintf(out, "127.0.0.%d", 2 + i % SOURCES);
}

struct flood {
	int port;
	atomic_int stop;
	long sent;
};

/* Connect from an attacker's address, send part of a request, close: as
 * fast as it can, holding no socket. */
static void *flood_main(void *arg)
{
	struct flood *f = arg;
	static const char part[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
				   "Content-Type: text/plain\r\n\r\nSáng";
	char src[32];
	int i = 0;

	while (!atomic_load(&f->stop)) {
		int fd;
		source_of(i++ * 7 + 3, src);
		fd = dial_from(f->port, src, 0);
		if (fd >= 0) {
			send(fd, part, sizeof part - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
			close(fd);
			f->sent++;
		}
		usleep(1000); /* about 800 a second, like the attack it models */
	}
	return NULL;
}

Test(http_conn, slowloris_crowd_and_half_sent_flood_leave_probes_answered)
{
	static const char line[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
	static const char probe[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	struct harness_server s;
	struct flood f = {.sent = 0};
	pthread_t flood;
	int *fd = calloc(CROWD, sizeof *fd), i, k, opened = 0;
	double worst = 0, start;
	char src[32];

	cr_assert_not_null(fd);
	raise_nofile(4096);
	/* the defaults: 1,024 connections, 128 per address, 5 s for a head */
	harness_start(&s, NULL);
	start = now_s();
	for (i = 0; i < CROWD; i++) {
		source_of(i, src);
		fd[i] = dial_from(s.port, src, 1);
		if (fd[i] < 0)
			cr_skip_test("cannot bind %s (is loopback a /8 here?)", src);
		opened++;
	}
	/* every attacker has its request line in, and then trickles */
	for (i = 0; i < CROWD; i++)
		send(fd[i], line, sizeof line - 1, MSG_NOSIGNAL);
	atomic_init(&f.stop, 0);
	f.port = s.port;
	cr_assert_eq(pthread_create(&flood, NULL, flood_main, &f), 0);
	/* ten probes in a row from 127.0.0.1, each answered within a second,
	 * while the crowd keeps sending a header line now and then */
	for (k = 0; k < 10; k++) {
		struct harness_conn c;
		struct harness_response r;
		double t = now_s();
		int p = dial_from(s.port, "127.0.0.1", 0);
		struct timeval tv = {2, 0};

		cr_assert(p >= 0, "probe %d: connect failed", k + 1);
		setsockopt(p, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		c.fd = p;
		c.len = 0;
		harness_send(&c, probe, sizeof probe - 1);
		cr_assert_eq(
		    harness_read_response(&c, "GET", "/healthz", &r), 0,
		    "probe %d got no answer beside %d slow heads and %ld half-sent requests", k + 1,
		    opened, f.sent);
		cr_assert_eq(r.status, 200);
		harness_response_free(&r);
		harness_close(&c);
		t = now_s() - t;
		if (t > worst)
			worst = t;
		cr_assert(t < prompt(), "probe %d took %.2f s", k + 1, t);
		for (i = k; i < CROWD; i += 10)
			if (fd[i] >= 0)
				send(fd[i], "X-Slow: 1\r\n", 11, MSG_NOSIGNAL | MSG_DONTWAIT);
		usleep(100000);
	}
	atomic_store(&f.stop, 1);
	pthread_join(flood, NULL);
	cr_log_info("%d slow heads, %ld half-sent requests in %.1f s; worst probe %.3f s", opened,
		    f.sent, now_s() - start, worst);
	cr_assert(f.sent > 100, "the flood sent only %ld requests", f.sent);
	for (i = 0; i < CROWD; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	free(fd);
	harness_stop(&s, 10);
}
