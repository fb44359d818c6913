/* Soak load for meetingd: a bounded number of requests of a fixed mix,
 * valid and invalid, over keep-alive connections on loopback, each with
 * the status it must get. Prints the counts; exits 1 when any answer had
 * another status or a connection failed mid-request.
 *
 *   soak-client PORT REQUESTS [CONNECTIONS]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

struct kind {
	const char *name, *method, *path, *headers, *body;
	size_t len;
	int status;
	int weight;
};

#define ART                                                                                                      \
	"Sáng 5.4, đồng chí Lê Văn Hai, Chủ tịch UBND tỉnh chủ trì hội nghị bàn về Kế " \
	"hoạch số 12-KH/UBND ngày 2/3/2022 về chuyển đổi số.\n"
#define B(s) s, sizeof(s) - 1

/* Invented sentences in the genre; the weights keep the model busy on
 * about half of the requests. */
static const struct kind kinds[] = {
    {"parse text", "POST", "/v1/parse", "Content-Type: text/plain; charset=utf-8\r\n", B(ART), 200,
     4},
    {"parse json", "POST", "/v1/parse?offsets=utf16", "Content-Type: application/json\r\n",
     B("{\"text\":\"Chiều 14.3, HĐND huyện khai mạc kỳ họp thứ 7, khóa XX.\","
       "\"published_at\":\"2023-03-14\"}"),
     200, 2},
    {"batch", "POST", "/v1/parse/batch", "Content-Type: application/x-ndjson\r\n",
     B("{\"id\":1,\"text\":\"Sáng nay, hội nghị tỉnh họp.\"}\nnot json\n"
       "{\"id\":3,\"text\":42}\n"),
     200, 1},
    {"invalid utf-8", "POST", "/v1/parse", "Content-Type: text/plain\r\n",
     B("Hội nghị \xC0\xAF \xED\xA0\x80"), 400, 1},
    {"malformed json", "POST", "/v1/parse", "Content-Type: application/json\r\n",
     B("{\"text\": \"Sáng 5.4\""), 400, 1},
    {"text not a string", "POST", "/v1/parse", "Content-Type: application/json\r\n",
     B("{\"text\": [1, 2]}"), 400, 1},
    {"empty article", "POST", "/v1/parse", "Content-Type: text/plain\r\n", B(" \n\t "), 422, 1},
    {"wrong media type", "POST", "/v1/parse", "Content-Type: application/xml\r\n",
     B("<a>Sáng 5.4</a>"), 415, 1},
    {"bad query", "POST", "/v1/parse?offsets=foo", "Content-Type: text/plain\r\n", B(ART), 400, 1},
    {"health", "GET", "/healthz", "", NULL, 0, 200, 1},
    {"not found", "GET", "/v1/nothing", "", NULL, 0, 404, 1},
    {"method", "GET", "/v1/parse", "", NULL, 0, 405, 1},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static int port;
static long per_thread;
static atomic_long done, wrong[NKINDS], right[NKINDS], broken, retried;
static char reqs[NKINDS][2048];
static size_t lens[NKINDS];

struct conn {
	int fd;
	char buf[1 << 16];
	size_t len;
};

static int dial(struct conn *c)
{
	struct sockaddr_in a;
	struct timeval tv = {30, 0};
	int one = 1;

	c->len = 0;
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		return -1;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(c->fd, (struct sockaddr *)&a, sizeof a)) {
		close(c->fd);
		c->fd = -1;
		return -1;
	}
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	return 0;
}

static int fill(struct conn *c)
{
	ssize_t n;

	if (c->len == sizeof c->buf)
		return -1;
	do
		n = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	c->len += (size_t)n;
	return 0;
}

static void drop(struct conn *c, size_t n)
{
	memmove(c->buf, c->buf + n, c->len - n);
	c->len -= n;
}

/* Skip n body bytes. */
static int skip(struct conn *c, size_t n)
{
	while (n) {
		size_t k;
		if (!c->len && fill(c))
			return -1;
		k = c->len < n ? c->len : n;
		drop(c, k);
		n -= k;
	}
	return 0;
}

/* One CRLF line (without it) into out. */
static int line(struct conn *c, char *out, size_t cap)
{
	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		if (nl) {
			size_t n = (size_t)(nl - c->buf);
			if (n >= cap)
				return -1;
			memcpy(out, c->buf, n);
			out[n && out[n - 1] == '\r' ? n - 1 : n] = '\0';
			drop(c, n + 1);
			return 0;
		}
		if (fill(c))
			return -1;
	}
}

/* Status of one response, its body skipped; *close_after when the server
 * said so. -1 when the connection ended first. */
static int response(struct conn *c, int *status, int *close_after)
{
	char l[4096];
	long cl = -1;
	int chunked = 0;

	if (line(c, l, sizeof l) || sscanf(l, "HTTP/1.1 %d", status) != 1)
		return -1;
	*close_after = 0;
	for (;;) {
		if (line(c, l, sizeof l))
			return -1;
		if (!l[0])
			break;
		if (!strncasecmp(l, "Content-Length:", 15))
			cl = strtol(l + 15, NULL, 10);
		else if (!strncasecmp(l, "Transfer-Encoding:", 18) && strcasestr(l, "chunked"))
			chunked = 1;
		else if (!strncasecmp(l, "Connection:", 11) && strcasestr(l, "close"))
			*close_after = 1;
	}
	if (chunked) {
		for (;;) {
			unsigned long n;
			if (line(c, l, sizeof l))
				return -1;
			n = strtoul(l, NULL, 16);
			if (!n)
				break;
			if (skip(c, n) || line(c, l, sizeof l))
				return -1;
		}
		do
			if (line(c, l, sizeof l))
				return -1;
		while (l[0]);
	} else if (cl > 0 && skip(c, (size_t)cl)) {
		return -1;
	}
	return 0;
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

static void *worker(void *arg)
{
	size_t wheel[64], nw = 0, k;
	long i, id = (long)(intptr_t)arg;
	struct conn *c = malloc(sizeof *c);

	if (!c)
		return NULL;
	for (k = 0; k < NKINDS; k++)
		for (int w = 0; w < kinds[k].weight && nw < 64; w++)
			wheel[nw++] = k;
	c->fd = -1;
	for (i = 0; i < per_thread; i++) {
		size_t kind = wheel[(size_t)(i + id) % nw];
		int status, close_after, tries;
		for (tries = 0; tries < 2; tries++) {
			if (c->fd < 0 && dial(c)) {
				atomic_fetch_add(&broken, 1);
				goto out;
			}
			if (!send_all(c->fd, reqs[kind], lens[kind]) &&
			    !response(c, &status, &close_after))
				break;
			/* an idle keep-alive the server closed just as we sent:
			 * once is normal, twice in a row is not */
			atomic_fetch_add(&retried, 1);
			close(c->fd);
			c->fd = -1;
		}
		if (tries == 2) {
			atomic_fetch_add(&broken, 1);
			continue;
		}
		if (status == kinds[kind].status)
			atomic_fetch_add(&right[kind], 1);
		else if (atomic_fetch_add(&wrong[kind], 1) < 3)
			fprintf(stderr, "soak-client: %s: status %d, expected %d\n",
				kinds[kind].name, status, kinds[kind].status);
		if (close_after) {
			close(c->fd);
			c->fd = -1;
		}
		atomic_fetch_add(&done, 1);
	}
out:
	if (c->fd >= 0)
		close(c->fd);
	free(c);
	return NULL;
}

int main(int argc, char **argv)
{
	long total, conns = 32, bad = 0;
	pthread_t *t;
	struct timespec a, b;
	double secs;
	size_t k;

	if (argc < 3) {
		fprintf(stderr, "usage: soak-client PORT REQUESTS [CONNECTIONS]\n");
		return 2;
	}
	port = atoi(argv[1]);
	total = atol(argv[2]);
	if (argc > 3)
		conns = atol(argv[3]);
	if (port <= 0 || total <= 0 || conns <= 0 || conns > 1024) {
		fprintf(stderr, "soak-client: bad arguments\n");
		return 2;
	}
	per_thread = (total + conns - 1) / conns;
	for (k = 0; k < NKINDS; k++) {
		int n = snprintf(reqs[k], sizeof reqs[k], "%s %s HTTP/1.1\r\nHost: soak\r\n%s",
				 kinds[k].method, kinds[k].path, kinds[k].headers);
		if (kinds[k].body)
			n += snprintf(reqs[k] + n, sizeof reqs[k] - (size_t)n,
				      "Content-Length: %zu\r\n", kinds[k].len);
		n += snprintf(reqs[k] + n, sizeof reqs[k] - (size_t)n, "\r\n");
		if (kinds[k].body) {
			memcpy(reqs[k] + n, kinds[k].body, kinds[k].len);
			n += (int)kinds[k].len;
		}
		lens[k] = (size_t)n;
	}
	t = calloc((size_t)conns, sizeof *t);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < conns; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i)) {
			fprintf(stderr, "soak-client: pthread_create failed\n");
			return 1;
		}
	for (long i = 0; i < conns; i++)
		pthread_join(t[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("soak-client: %ld requests in %.1f s (%.0f/s) over %ld connections\n",
	       atomic_load(&done), secs, (double)atomic_load(&done) / secs, conns);
	for (k = 0; k < NKINDS; k++) {
		printf("  %-20s %3d  %9ld ok  %6ld wrong\n", kinds[k].name, kinds[k].status,
		       atomic_load(&right[k]), atomic_load(&wrong[k]));
		bad += atomic_load(&wrong[k]);
	}
	printf("  requests resent after a closed keep-alive: %ld; failed twice: %ld\n",
	       atomic_load(&retried), atomic_load(&broken));
	free(t);
	return bad || atomic_load(&broken) ? 1 : 0;
}
