/* Slow and idle clients: the total per-request deadline (--request-timeout)
 * cuts a client trickling one byte a second in any part of its request while
 * everyone else is served; a thousand idle connections do not stop the
 * service; the connection limit answers at once instead of leaving a client
 * hanging in the listen backlog. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_slow, .timeout = 60);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A plain blocking loopback connection, or -1 (no assertion: the caller
 * decides whether a refusal is an error). */
static int dial(int port)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;

	if (fd < 0)
		return -1;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
		close(fd);
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

/* What the server did to fd within timeout_s: 1 closed it (EOF or reset),
 * 2 sent bytes, 0 nothing at all. */
static int watch(int fd, double timeout_s)
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

/* 1 while the peer has neither closed fd nor sent anything on it. */
static int still_open(int fd)
{
	char b;
	ssize_t n = recv(fd, &b, 1, MSG_DONTWAIT | MSG_PEEK);

	return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

/* Seconds a prompt answer may take: far more under a checker (make
 * valgrind runs the server some 50x slower). */
static double prompt(void)
{
	const char *w = getenv("MEETINGD_WRAP");

	return w && *w ? 10.0 : 1.0;
}

/* One /v1/parse on a new connection; asserts 200 and returns the seconds it
 * took. */
static double timed_parse(struct harness_server *s)
{
	struct harness_response r;
	double t = now_s();

	harness_request(s, "POST", "/v1/parse", "Content-Type: text/plain\r\n", harness_article,
			strlen(harness_article), &r);
	t = now_s() - t;
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	return t;
}

/* ---- trickling clients ---- */

struct trickler {
	const char *what;
	int fd;
	const char *head; /* sent at once */
	const char *drip; /* then one byte a second */
	size_t sent;
	double last, closed_at;
};

Test(http_slow, tricklers_are_cut_at_the_deadline_while_others_are_served)
{
	static const char *const args[] = {"--request-timeout", "2", "--connection-timeout", "5",
					   NULL};
	/* A byte a second never leaves a connection silent for 5 s, so only
	 * the 2 s request deadline can end these; each part of a request is
	 * covered: the request line, the headers, the body. */
	struct trickler t[] = {
	    {"request line", -1, "", "POST /v1/parse HTTP/1.1\r\nHost: x\r\n\r\n", 0, 0, 0},
	    {"headers", -1, "GET /healthz HTTP/1.1\r\n", "Host: x\r\nX-Slow: abcdefgh\r\n\r\n", 0,
	     0, 0},
	    {"body", -1,
	     "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
	     "Content-Length: 100\r\n\r\n",
	     "Sáng 5.4, hội nghị tỉnh họp bàn kế hoạch năm và nghe báo cáo của các sở ngành "
	     "liên quan.",
	     0, 0, 0},
	};
	const size_t nt = sizeof t / sizeof t[0];
	struct harness_server s;
	double start, worst = 0;
	size_t i, open_left = nt;
	int served = 0;
	char *log;

	harness_start(&s, args);
	start = now_s();
	for (i = 0; i < nt; i++) {
		t[i].fd = dial(s.port);
		cr_assert(t[i].fd >= 0, "connect: %s", strerror(errno));
		if (*t[i].head)
			cr_assert_eq(send(t[i].fd, t[i].head, strlen(t[i].head), MSG_NOSIGNAL),
				     (ssize_t)strlen(t[i].head));
		t[i].last = start - 1;
	}
	/* bounded: 7 s against a 2 s deadline */
	while (open_left && now_s() - start < 6.0 + prompt()) {
		double d = timed_parse(&s);
		served++;
		if (d > worst)
			worst = d;
		for (i = 0; i < nt; i++) {
			if (t[i].closed_at > 0)
				continue;
			if (watch(t[i].fd, 0) == 1) {
				t[i].closed_at = now_s();
				open_left--;
				continue;
			}
			if (now_s() - t[i].last >= 1.0 && t[i].drip[t[i].sent]) {
				if (send(t[i].fd, t[i].drip + t[i].sent, 1, MSG_NOSIGNAL) != 1) {
					t[i].closed_at = now_s();
					open_left--;
					continue;
				}
				t[i].sent++;
				t[i].last = now_s();
			}
		}
		usleep(50000);
	}
	for (i = 0; i < nt; i++) {
		cr_assert(t[i].closed_at > 0,
			  "the client trickling its %s (%zu bytes so far) was still connected "
			  "after %.1f s against a 2 s --request-timeout",
			  t[i].what, t[i].sent, now_s() - start);
		/* the reaper looks every 250 ms: cut between 2 and ~3 s */
		cr_assert(t[i].closed_at - start >= 1.8 && t[i].closed_at - start < 2.5 + prompt(),
			  "the client trickling its %s was cut after %.2f s", t[i].what,
			  t[i].closed_at - start);
		close(t[i].fd);
	}
	cr_assert(served >= (prompt() > 1 ? 3 : 10), "only %d requests served meanwhile", served);
	cr_assert(worst < prompt(), "a request took %.2f s while the tricklers were connected",
		  worst);
	/* the two that reached a request line are logged as timed out */
	log = harness_wait_file(s.out_path, "\"path\":\"/healthz\",\"status\":408", 3);
	cr_assert(log && strstr(log, "\"path\":\"/healthz\",\"status\":408") &&
		      strstr(log, "\"path\":\"/v1/parse\",\"status\":408"),
		  "access log: %s", log ? log : "");
	free(log);
	harness_stop_ok(&s);
}

/* ---- idle connections ---- */

#define IDLE 1000

/* Descriptors for IDLE connections plus the server's own in the child that
 * inherits this limit; skips when the hard limit forbids it. */
static void raise_nofile(void)
{
	struct rlimit rl;
	rlim_t want = 4096;

	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	if (rl.rlim_cur >= want)
		return;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < IDLE + 200)
		cr_skip_test("RLIMIT_NOFILE hard limit %llu is below %d",
			     (unsigned long long)rl.rlim_max, IDLE + 200);
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &rl), 0, "setrlimit: %s", strerror(errno));
}

Test(http_slow, thousand_idle_connections_do_not_stop_the_service)
{
	/* one address for all of them, and silence kept up longer than the
	 * test: what is measured is that idleness costs others nothing */
	static const char *const args[] = {"--max-connections",
					   "1500",
					   "--max-client-connections",
					   "0",
					   "--header-timeout",
					   "60",
					   "--connection-timeout",
					   "30",
					   "--drain-timeout",
					   "40",
					   "--request-timeout",
					   "60",
					   NULL};
	static const char ping[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
	struct harness_server s;
	struct harness_response r;
	struct harness_conn *kept;
	int *fd = calloc(IDLE, sizeof *fd), i, nkept = 0;
	double worst = 0;

	cr_assert_not_null(fd);
	raise_nofile();
	harness_start(&s, args);
	kept = calloc(IDLE, sizeof *kept);
	cr_assert_not_null(kept);
	/* three kinds of idleness: silent since the handshake, stopped
	 * inside the request line, and keep-alive after a full exchange */
	for (i = 0; i < IDLE; i++) {
		fd[i] = dial(s.port);
		cr_assert(fd[i] >= 0, "connection %d: %s", i, strerror(errno));
		if (i % 3 == 1)
			cr_assert_eq(send(fd[i], "GET /heal", 9, MSG_NOSIGNAL), 9);
	}
	for (i = 2; i < IDLE; i += 3) {
		kept[nkept].fd = fd[i];
		kept[nkept].len = 0;
		harness_send(&kept[nkept], ping, strlen(ping));
		cr_assert_eq(harness_read_response(&kept[nkept], "GET", "/healthz", &r), 0,
			     "keep-alive connection %d got no answer", i);
		cr_assert_eq(r.status, 200);
		harness_response_free(&r);
		nkept++;
	}
	/* the service still answers newcomers, promptly */
	for (i = 0; i < 20; i++) {
		double d = timed_parse(&s);
		if (d > worst)
			worst = d;
	}
	cr_assert(worst < prompt(), "a request took %.2f s beside %d idle connections", worst,
		  IDLE);
	/* and the idle keep-alives themselves */
	for (i = 0; i < 5; i++) {
		harness_send(&kept[i * 50], ping, strlen(ping));
		cr_assert_eq(harness_read_response(&kept[i * 50], "GET", "/healthz", &r), 0);
		cr_assert_eq(r.status, 200);
		harness_response_free(&r);
	}
	/* nothing was dropped to make room */
	for (i = 0; i < IDLE; i++)
		cr_assert(still_open(fd[i]), "idle connection %d was closed by the server", i);
	for (i = 0; i < IDLE; i++)
		close(fd[i]);
	free(kept);
	free(fd);
	harness_stop_ok(&s);
}

/* ---- the connection limit ---- */

Test(http_slow, connection_limit_refuses_at_once_instead_of_hanging)
{
	static const char *const args[] = {"--max-connections", "8", NULL};
	static const char ping[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
	struct harness_server s;
	struct harness_conn held[8];
	struct harness_response r;
	int i, k, fd;

	harness_start(&s, args);
	/* fill the limit with keep-alive connections the server has seen */
	for (i = 0; i < 8; i++) {
		held[i].fd = dial(s.port);
		held[i].len = 0;
		cr_assert(held[i].fd >= 0);
		harness_send(&held[i], ping, strlen(ping));
		cr_assert_eq(harness_read_response(&held[i], "GET", "/healthz", &r), 0);
		cr_assert_eq(r.status, 200);
		harness_response_free(&r);
	}
	/* one more, several times: an answer or a close, within a second */
	for (k = 0; k < 5; k++) {
		double t = now_s();
		int what;

		fd = dial(s.port);
		if (fd < 0)
			continue; /* refused outright is an answer too */
		send(fd, ping, strlen(ping), MSG_NOSIGNAL);
		what = watch(fd, 3.0);
		cr_assert(what != 0,
			  "connection %d over the limit of 8 got neither an answer nor a close "
			  "in %.1f s: it hangs",
			  k + 1, now_s() - t);
		cr_assert(now_s() - t < prompt(), "the refusal took %.2f s", now_s() - t);
		if (what == 2) {
			char b[64] = {0};
			recv(fd, b, sizeof b - 1, 0);
			cr_assert(!strncmp(b, "HTTP/1.1 503", 12),
				  "over the limit, a response must be a 503: %s", b);
		}
		close(fd);
	}
	/* the connections inside the limit still work */
	harness_send(&held[0], ping, strlen(ping));
	cr_assert_eq(harness_read_response(&held[0], "GET", "/healthz", &r), 0);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	/* freed slots are usable again */
	for (i = 4; i < 8; i++)
		harness_close(&held[i]);
	for (k = 0; k < 50; k++) {
		fd = dial(s.port);
		if (fd >= 0) {
			send(fd, ping, strlen(ping), MSG_NOSIGNAL);
			if (watch(fd, 1.0) == 2) {
				char b[64] = {0};
				recv(fd, b, sizeof b - 1, 0);
				close(fd);
				if (!strncmp(b, "HTTP/1.1 200", 12))
					break;
			} else {
				close(fd);
			}
		}
		usleep(20000);
	}
	cr_assert(k < 50, "no request succeeded after 4 of the 8 connections closed");
	for (i = 0; i < 4; i++)
		harness_close(&held[i]);
	harness_stop_ok(&s);
}

/* Fewer descriptors than --max-connections: the server lowers its limit to
 * what fits and refuses the excess at once (libmicrohttpd, out of
 * descriptors, would stop accepting and leave newcomers hanging). The
 * server alone runs under a 64-descriptor limit, through prlimit. */
Test(http_slow, descriptor_limit_refuses_at_once_instead_of_hanging)
{
	static const char ping[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
	const char *outer = getenv("MEETINGD_WRAP");
	const double patience = prompt(); /* before MEETINGD_WRAP changes below */
	char wrap[600], *log;
	struct harness_server s;
	int fd[80], n = 0, k, what;

	if (access("/usr/bin/prlimit", X_OK))
		cr_skip_test("prlimit (util-linux) is not installed");
	raise_nofile();
	snprintf(wrap, sizeof wrap, "/usr/bin/prlimit --nofile=64:64 %s", outer ? outer : "");
	setenv("MEETINGD_WRAP", wrap, 1);
	harness_start(&s, NULL); /* default --max-connections 1024 */
	log = harness_read_file(s.err_path);
	cr_assert(log && strstr(log, "max-connections lowered from 1024 to"), "stderr: %s",
		  log ? log : "");
	free(log);
	/* open more connections than 64 descriptors can hold, each used once */
	for (k = 0; k < 80; k++) {
		fd[n] = dial(s.port);
		if (fd[n] < 0)
			break;
		send(fd[n], ping, strlen(ping), MSG_NOSIGNAL);
		what = watch(fd[n], patience + 2);
		cr_assert(what != 0, "connection %d got neither an answer nor a close: it hangs",
			  k + 1);
		if (what == 1) { /* refused: over the lowered limit */
			close(fd[n]);
			continue;
		}
		n++;
	}
	cr_assert(n >= 10 && n < 64, "%d connections held under 64 descriptors", n);
	cr_assert(k == 80, "connect failed after %d connections", k);
	/* room again once some close */
	for (k = 0; k < n / 2; k++)
		close(fd[k]);
	for (k = 0; k < 50; k++) {
		int f = dial(s.port);
		if (f >= 0) {
			send(f, ping, strlen(ping), MSG_NOSIGNAL);
			what = watch(f, patience);
			close(f);
			if (what == 2)
				break;
		}
		usleep(20000);
	}
	cr_assert(k < 50, "no answer after half the connections closed");
	for (k = n / 2; k < n; k++)
		close(fd[k]);
	harness_stop_ok(&s);
}
