/* Graceful drain under load: 32 keep-alive clients post articles without
 * pause, SIGTERM arrives, and every request the server accepted is answered
 * 200; /readyz says 503 meanwhile; the process exits 0 within its drain
 * deadline. "Accepted" is what the server itself logged: the access log and
 * the clients must agree request for request, so a request the server took
 * and then dropped (or answered with an error) fails the test, while one
 * sent on a connection the server had already let go is not counted. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_load, .timeout = 300);

#define CLIENTS 32

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct loader {
	pthread_t tid;
	int port;
	const char *req; /* the whole request, sent as is */
	size_t req_len;
	atomic_int *term; /* set once SIGTERM is sent */
	double stop_at;	  /* hard bound on the thread's life */
	long ok, bad, lost_before_term, lost_after_term, refused_before_term;
	int bad_status;
};

static int dial(int port)
{
	struct sockaddr_in a;
	struct timeval tv = {5, 0};
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
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	return fd;
}

static int send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* One response with a Content-Length body (what /v1/parse sends). 0 with
 * *status and *close_after set, or -1 when the connection ended first. */
static int read_response(int fd, char *buf, size_t cap, int *status, int *close_after)
{
	size_t len = 0, need = 0;
	char *end = NULL;

	for (;;) {
		ssize_t k;
		if (end && len >= need)
			return 0;
		if (len == cap)
			return -1;
		k = recv(fd, buf + len, cap - len, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		len += (size_t)k;
		if (!end) {
			char *cl;
			end = memmem(buf, len, "\r\n\r\n", 4);
			if (!end)
				continue;
			*end = '\0';
			if (sscanf(buf, "HTTP/1.1 %d", status) != 1)
				return -1;
			cl = strcasestr(buf, "\r\nContent-Length:");
			*close_after = strcasestr(buf, "\r\nConnection: close") != NULL;
			need = (size_t)(end - buf) + 4 + (cl ? strtoul(cl + 17, NULL, 10) : 0);
		}
	}
}

static void *load_main(void *arg)
{
	struct loader *L = arg;
	char *buf = malloc(1 << 20);
	int fd = -1;

	while (buf && now_s() < L->stop_at) {
		int status = 0, close_after = 0, after;
		if (fd < 0) {
			after = atomic_load(L->term);
			fd = dial(L->port);
			if (fd < 0) {
				/* refused: the listener is closed for the drain */
				if (!after)
					L->refused_before_term++;
				break;
			}
		}
		after = atomic_load(L->term);
		if (send_all(fd, L->req, L->req_len) ||
		    read_response(fd, buf, 1 << 20, &status, &close_after)) {
			if (after)
				L->lost_after_term++;
			else
				L->lost_before_term++;
			close(fd);
			fd = -1;
			continue;
		}
		if (status == 200) {
			L->ok++;
		} else {
			L->bad++;
			L->bad_status = status;
		}
		if (close_after) {
			close(fd);
			fd = -1;
		}
	}
	if (fd >= 0)
		close(fd);
	free(buf);
	return NULL;
}

static long total(struct loader *L, size_t off)
{
	long n = 0;
	int i;

	for (i = 0; i < CLIENTS; i++)
		n += *(long *)(void *)((char *)&L[i] + off);
	return n;
}

Test(http_load, drain_under_load_loses_nothing_accepted)
{
	/* under a checker (make valgrind) everything is some 50x slower: the
	 * same properties, with room */
	const char *wrap = getenv("MEETINGD_WRAP");
	const int slow = wrap && *wrap, drain_s = slow ? 60 : 5;
	const long steady = slow ? 50 : 500;
	char drain_arg[16];
	const char *args[] = {"--drain-timeout",
			      drain_arg,
			      "--connection-timeout",
			      "2",
			      "--max-connections",
			      "256",
			      NULL};
	struct harness_server s;
	struct harness_conn probe, holder;
	struct harness_response r;
	struct loader *L = calloc(CLIENTS, sizeof *L);
	atomic_int term = 0;
	size_t alen = strlen(harness_article), half = alen / 2;
	char head[300], *req, *log, *line;
	long ok, log_ok = 0, log_other = 0;
	double t0, t_term, exit_s = -1;
	int i, status, rc = -1;

	cr_assert_not_null(L);
	snprintf(drain_arg, sizeof drain_arg, "%d", drain_s);
	harness_start(&s, args);
	/* a keep-alive connection to ask /readyz once the listener is shut */
	harness_connect(&s, &probe);
	harness_send(&probe, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 34);
	cr_assert_eq(harness_read_response(&probe, "GET", "/healthz", &r), 0);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	/* a slow request in flight keeps the drain open long enough to look */
	harness_connect(&s, &holder);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		 "Content-Length: %zu\r\n\r\n",
		 alen);
	harness_send(&holder, head, strlen(head));
	harness_send(&holder, harness_article, half);

	req = malloc(strlen(head) + alen + 1);
	cr_assert_not_null(req);
	snprintf(req, strlen(head) + alen + 1, "%s%s", head, harness_article);
	t0 = now_s();
	for (i = 0; i < CLIENTS; i++) {
		L[i].port = s.port;
		L[i].req = req;
		L[i].req_len = strlen(req);
		L[i].term = &term;
		L[i].stop_at = t0 + (slow ? 200 : 20);
		cr_assert_eq(pthread_create(&L[i].tid, NULL, load_main, &L[i]), 0);
	}
	/* steady load first, bounded in time */
	while (total(L, offsetof(struct loader, ok)) < steady && now_s() - t0 < drain_s)
		usleep(10000);
	ok = total(L, offsetof(struct loader, ok));
	cr_assert(ok >= steady, "only %ld requests answered in %d s of load", ok, drain_s);

	atomic_store(&term, 1);
	kill(s.pid, SIGTERM);
	t_term = now_s();
	log = harness_wait_file(s.err_path, "draining", 5);
	cr_assert(log && strstr(log, "draining"), "stderr: %s", log ? log : "");
	free(log);

	/* during the drain: not ready */
	harness_send(&probe, "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n", 33);
	cr_assert_eq(harness_read_response(&probe, "GET", "/readyz", &r), 0,
		     "no answer to /readyz during the drain");
	harness_assert_problem(&r, 503, "unavailable");
	harness_response_free(&r);
	harness_close(&probe);

	for (i = 0; i < CLIENTS; i++)
		pthread_join(L[i].tid, NULL);

	/* the request held in flight since before SIGTERM completes */
	harness_send(&holder, harness_article + half, alen - half);
	cr_assert_eq(harness_read_response(&holder, "POST", "/v1/parse", &r), 0,
		     "the in-flight request was dropped by the drain");
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	harness_close(&holder);

	while (now_s() - t_term < drain_s + 3) {
		if (waitpid(s.pid, &status, WNOHANG) == s.pid) {
			exit_s = now_s() - t_term;
			rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
			s.pid = -1;
			break;
		}
		usleep(5000);
	}
	cr_assert_eq(rc, 0, "exit status %d after SIGTERM (-1: still running after %d s)", rc,
		     drain_s + 3);
	cr_assert(exit_s < drain_s, "exited %.2f s after SIGTERM; the drain deadline is %d s",
		  exit_s, drain_s);

	ok = total(L, offsetof(struct loader, ok));
	cr_assert_eq(total(L, offsetof(struct loader, bad)), 0,
		     "%ld responses were not 200 (last status %d)",
		     total(L, offsetof(struct loader, bad)), L[0].bad_status);
	cr_assert_eq(total(L, offsetof(struct loader, lost_before_term)), 0,
		     "%ld requests lost before SIGTERM",
		     total(L, offsetof(struct loader, lost_before_term)));
	cr_assert_eq(total(L, offsetof(struct loader, refused_before_term)), 0);

	/* the server's own account: every /v1/parse it took was a 200 that
	 * reached a client */
	log = harness_read_file(s.out_path);
	cr_assert_not_null(log);
	for (line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
		json_t *j = json_loads(line, 0, NULL);
		cr_assert_not_null(j, "access log line is not JSON: %s", line);
		if (!strcmp(json_string_value(json_object_get(j, "path")), "/v1/parse")) {
			if (json_integer_value(json_object_get(j, "status")) == 200)
				log_ok++;
			else {
				cr_log_error("not a 200: %s", line);
				log_other++;
			}
		}
		json_decref(j);
	}
	free(log);
	cr_assert_eq(log_other, 0, "%ld accepted requests did not end in 200 (above)", log_other);
	cr_assert_eq(log_ok, ok + 1,
		     "the server logged %ld answered requests, the clients received %ld (+1 held)",
		     log_ok, ok);
	cr_log_info("drain under load: %ld answered, %ld sent after the drain began on "
		    "connections already let go, exit after %.2f s",
		    ok, total(L, offsetof(struct loader, lost_after_term)), exit_s);
	free(req);
	free(L);
	harness_stop(&s, 1);
}
