/* A crowd of keep-alive clients: every request is answered, none waits for
 * long while the server has nothing else to do.
 *
 * 256 clients over 2 libmicrohttpd threads is 128 kept connections a
 * thread, the batch libmicrohttpd 0.9.75's epoll loop reads at once. That
 * loop, given a full batch, waits again with its full timeout (tens of
 * seconds) before it serves any of the batch: with every client waiting
 * for an answer, nothing else arrives to end the wait, and the whole
 * thread stops. Each client here sends the next request as soon as its
 * answer is in, as a load generator does, which fills a batch within a
 * second or two when the server is prone to it; an answer takes
 * milliseconds otherwise, so the bound below (seconds) holds on a loaded
 * machine, and a request the stall catches waits far longer. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_crowd, .timeout = 180);

#define CLIENTS 256
#define REQUESTS 40	 /* per client */
#define WAIT_BOUND_S 8.0 /* the longest any one request may go unanswered */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct client {
	int fd;
	int done;	/* answers received */
	double sent_at; /* of the request waiting for its answer */
	char buf[65536];
	size_t len;
};

static int dial(int port)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;

	cr_assert(fd >= 0, "socket: %s", strerror(errno));
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	cr_assert(connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect: %s",
		  strerror(errno));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

static void send_request(struct client *c, const char *req, size_t n)
{
	/* a request of a few KiB fits the socket buffer of an idle connection */
	ssize_t k = send(c->fd, req, n, MSG_NOSIGNAL);

	cr_assert(k == (ssize_t)n, "a request could not be sent whole (%zd of %zu): %s", k, n,
		  strerror(errno));
	c->sent_at = now_s();
}

/* One whole answer at the front of c->buf: its length, or 0 while more is
 * due. Fails the test on an answer other than 200 with a Content-Length. */
static size_t answer_len(const struct client *c)
{
	const char *end, *cl;
	size_t head;
	int status = 0;

	end = memmem(c->buf, c->len, "\r\n\r\n", 4);
	if (!end)
		return 0;
	head = (size_t)(end - c->buf) + 4;
	cr_assert(sscanf(c->buf, "HTTP/1.1 %d", &status) == 1 && status == 200,
		  "answer %d of a client: %.80s", c->done + 1, c->buf);
	cl = strcasestr(c->buf, "\r\nContent-Length:");
	cr_assert(cl && cl < end, "a parse answer without Content-Length: %.200s", c->buf);
	head += strtoul(cl + 17, NULL, 10);
	return c->len >= head ? head : 0;
}

/* 256 keep-alive clients post an article 40 times each, each the next as
 * soon as its answer is in: every answer is 200, and no request waits
 * longer than a few seconds for it. */
Test(http_crowd, keep_alive_crowd_is_served_without_a_stall)
{
	static const char *const args[] = {"--threads", "2", "--max-client-connections", "0", NULL};
	static struct client cl[CLIENTS];
	static struct pollfd pfd[CLIENTS];
	struct harness_server s;
	char req[8192];
	size_t n;
	long answered = 0;
	double worst = 0;
	int i, k;

	k = snprintf(req, sizeof req,
		     "POST /v1/parse HTTP/1.1\r\nHost: t\r\n"
		     "Content-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n\r\n%s",
		     strlen(harness_article), harness_article);
	cr_assert(k > 0 && (size_t)k < sizeof req);
	n = (size_t)k;
	harness_start(&s, args);
	for (i = 0; i < CLIENTS; i++) {
		cl[i].fd = dial(s.port);
		cl[i].done = 0;
		cl[i].len = 0;
		pfd[i].fd = cl[i].fd;
		pfd[i].events = POLLIN;
	}
	for (i = 0; i < CLIENTS; i++)
		send_request(&cl[i], req, n);
	while (answered < (long)CLIENTS * REQUESTS) {
		double t;
		int ready = poll(pfd, CLIENTS, 100);

		cr_assert(ready >= 0 || errno == EINTR, "poll: %s", strerror(errno));
		t = now_s();
		for (i = 0; i < CLIENTS; i++) {
			struct client *c = &cl[i];
			size_t len;
			ssize_t got;

			if (c->done == REQUESTS)
				continue;
			if (pfd[i].revents) {
				got = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len - 1, 0);
				cr_assert(got > 0 || (got < 0 && errno == EAGAIN),
					  "client %d: connection closed after %d answers", i,
					  c->done);
				if (got > 0) {
					c->len += (size_t)got;
					c->buf[c->len] = '\0';
				}
			}
			while ((len = answer_len(c))) {
				if (t - c->sent_at > worst)
					worst = t - c->sent_at;
				memmove(c->buf, c->buf + len, c->len - len);
				c->len -= len;
				c->buf[c->len] = '\0';
				answered++;
				if (++c->done == REQUESTS) {
					pfd[i].fd = -1; /* poll() skips it from now on */
					break;
				}
				send_request(c, req, n);
			}
			cr_assert(c->done == REQUESTS || t - c->sent_at < WAIT_BOUND_S,
				  "client %d waited %.1f s for answer %d (%ld of %d answered): "
				  "the server stalled",
				  i, t - c->sent_at, c->done + 1, answered, CLIENTS * REQUESTS);
		}
	}
	cr_log_info("%ld answers, the longest wait %.3f s", answered, worst);
	for (i = 0; i < CLIENTS; i++)
		close(cl[i].fd);
	harness_stop_ok(&s);
}
