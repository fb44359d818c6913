/* Access log writer: a byte ring filled by any thread under a short lock
 * (a copy, never I/O) and drained to stdout by one writer thread, which is
 * the only one that may block on a stalled reader. */
#include "server/accesslog.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
	pthread_mutex_t lock;
	pthread_cond_t more, drained;
	char *ring;
	size_t cap, head, tail; /* head: next write; tail: next byte to output; both grow */
	int running, stopping, writing;
	pthread_t thread;
	atomic_ullong dropped;
} L = {.lock = PTHREAD_MUTEX_INITIALIZER,
       .more = PTHREAD_COND_INITIALIZER,
       .drained = PTHREAD_COND_INITIALIZER};

static void *writer_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&L.lock);
	for (;;) {
		size_t from, n;
		ssize_t w;

		while (L.head == L.tail && !L.stopping)
			pthread_cond_wait(&L.more, &L.lock);
		if (L.head == L.tail)
			break;
		from = L.tail % L.cap;
		n = L.head - L.tail;
		if (n > L.cap - from)
			n = L.cap - from;
		/* the bytes [tail, tail+n) are the writer's until tail moves:
		 * producers only append past head, within cap of tail */
		L.writing = 1;
		pthread_mutex_unlock(&L.lock);
		do
			w = write(STDOUT_FILENO, L.ring + from, n);
		while (w < 0 && errno == EINTR);
		pthread_mutex_lock(&L.lock);
		L.writing = 0;
		if (w <= 0) {
			/* stdout closed or broken: nobody will read these */
			atomic_fetch_add(&L.dropped, 1);
			w = (ssize_t)n;
		}
		L.tail += (size_t)w;
		if (L.head == L.tail)
			pthread_cond_broadcast(&L.drained);
	}
	pthread_cond_broadcast(&L.drained);
	pthread_mutex_unlock(&L.lock);
	return NULL;
}

int accesslog_start(size_t cap)
{
	L.ring = malloc(cap);
	if (!L.ring)
		return -1;
	L.cap = cap;
	L.head = L.tail = 0;
	L.stopping = 0;
	if (pthread_create(&L.thread, NULL, writer_main, NULL)) {
		free(L.ring);
		L.ring = NULL;
		return -1;
	}
	L.running = 1;
	return 0;
}

static size_t json_escape(char *out, size_t cap, const char *s)
{
	size_t o = 0;

	for (; *s && o + 7 < cap; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			/* bytes, not code points: a log line must stay valid JSON
			 * whatever a client put in its request line */
			o += (size_t)snprintf(out + o, cap - o, "\\u%04x", c);
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return o;
}

void accesslog_write(const struct accesslog_record *r)
{
	char line[2400], path[1600], method[100], ts[40], problem[80] = "";
	struct timespec now;
	struct tm tm;
	int n;

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
	json_escape(path, sizeof path, r->path);
	json_escape(method, sizeof method, r->method[0] ? r->method : "-");
	if (r->problem)
		snprintf(problem, sizeof problem, ",\"problem\":\"%s\"", r->problem);
	n = snprintf(line, sizeof line,
		     "{\"ts\":\"%s.%03ldZ\",\"id\":\"%s\",\"remote\":\"%s\",\"client\":\"%s\","
		     "\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"bytes_in\":%zu,"
		     "\"bytes_out\":%zu,\"ms\":%.3f%s}\n",
		     ts, now.tv_nsec / 1000000, r->id, r->remote, r->client, method, path,
		     r->status, r->bytes_in, r->bytes_out, (double)(r->end_ns - r->start_ns) / 1e6,
		     problem);
	if (n < 0 || (size_t)n >= sizeof line)
		return;
	pthread_mutex_lock(&L.lock);
	if (!L.running || L.stopping || L.cap - (L.head - L.tail) < (size_t)n) {
		atomic_fetch_add(&L.dropped, 1);
	} else {
		size_t at = L.head % L.cap, first = L.cap - at < (size_t)n ? L.cap - at : (size_t)n;
		memcpy(L.ring + at, line, first);
		memcpy(L.ring, line + first, (size_t)n - first);
		L.head += (size_t)n;
		pthread_cond_signal(&L.more);
	}
	pthread_mutex_unlock(&L.lock);
}

void accesslog_stop(double timeout_s)
{
	struct timespec ts;
	int drained;

	if (!L.running)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)timeout_s;
	ts.tv_nsec += (long)((timeout_s - (double)(time_t)timeout_s) * 1e9);
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&L.lock);
	while (L.head != L.tail && pthread_cond_timedwait(&L.drained, &L.lock, &ts) == 0)
		;
	drained = L.head == L.tail;
	L.stopping = 1;
	L.running = 0;
	pthread_cond_signal(&L.more);
	pthread_mutex_unlock(&L.lock);
	if (drained) {
		pthread_join(L.thread, NULL);
		free(L.ring);
		L.ring = NULL;
	} else {
		/* blocked in write() on a reader that stopped reading: leave it
		 * (and its buffer) to the process exit, which comes next */
		pthread_detach(L.thread);
	}
}

unsigned long long accesslog_dropped(void)
{
	return atomic_load(&L.dropped);
}
