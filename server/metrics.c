/* Metric storage: counters[route][method][status] as flat atomic arrays,
 * one set per shard. Each thread that records takes a shard of its own
 * (round robin, so the gate and the libmicrohttpd workers each have one
 * while there are no more threads than shards): its additions stay in
 * cache lines no other core writes, instead of every request bouncing the
 * same lines between cores. /metrics sums the shards. */
#include "server/metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "server/accesslog.h"
#include "server/version.h"

enum { M_GET, M_HEAD, M_POST, M_OPTIONS, M_OTHER, NMETHODS };
static const char *const method_names[NMETHODS] = {"GET", "HEAD", "POST", "OPTIONS", "OTHER"};

#define NSTATUS 600 /* index = status code; 0 for "no response" */

static const double buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
				 0.1,	 0.25,	0.5,	1,     2.5,  5,	    10};
#define NBUCKETS (sizeof buckets / sizeof buckets[0])

struct route_metrics {
	atomic_ullong bucket[NBUCKETS + 1]; /* last: +Inf */
	atomic_ullong sum_us;
	atomic_ullong count;
	atomic_ullong bytes_in, bytes_out;
};

#define SHARDS 16

/* a gauge per shard, each in a cache line of its own */
struct gauge {
	atomic_long v;
	char pad[64 - sizeof(atomic_long)];
};

static const char *const *routes;
static size_t nroutes;
static atomic_ullong *requests;		/* [shard][route][method][status] */
static struct route_metrics *per_route; /* [shard][route] */
static struct gauge in_flight[SHARDS];
static atomic_int next_shard;
static _Thread_local int my_shard = -1;
static atomic_ullong events[METRICS_EVENT_COUNT];
static atomic_llong buffered;

int metrics_init(const char *const *route_names, size_t n)
{
	routes = route_names;
	nroutes = n;
	requests = calloc(SHARDS * n * NMETHODS * NSTATUS, sizeof *requests);
	per_route = calloc(SHARDS * n, sizeof *per_route);
	if (!requests || !per_route) {
		metrics_free();
		return -1;
	}
	return 0;
}

void metrics_free(void)
{
	free(requests);
	free(per_route);
	requests = NULL;
	per_route = NULL;
	nroutes = 0;
}

static int method_index(const char *m)
{
	int i;

	if (!m)
		return M_OTHER;
	for (i = 0; i < M_OTHER; i++)
		if (!strcmp(m, method_names[i]))
			return i;
	return M_OTHER;
}

/* The calling thread's shard. */
static size_t shard(void)
{
	if (my_shard < 0)
		my_shard = (int)((unsigned)atomic_fetch_add(&next_shard, 1) % SHARDS);
	return (size_t)my_shard;
}

void metrics_record(size_t route, const char *method, int status, double seconds, size_t bytes_in,
		    size_t bytes_out)
{
	struct route_metrics *r;
	size_t b, s;

	if (!requests || route >= nroutes)
		return;
	if (status < 0 || status >= NSTATUS)
		status = 0;
	s = shard();
	atomic_fetch_add_explicit(
	    &requests[((s * nroutes + route) * NMETHODS + (size_t)method_index(method)) * NSTATUS +
		      (size_t)status],
	    1, memory_order_relaxed);
	r = &per_route[s * nroutes + route];
	for (b = 0; b < NBUCKETS && seconds > buckets[b]; b++)
		;
	/* buckets are stored non-cumulative and summed when rendered */
	atomic_fetch_add_explicit(&r->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&r->sum_us, (unsigned long long)(seconds * 1e6),
				  memory_order_relaxed);
	atomic_fetch_add_explicit(&r->count, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&r->bytes_in, bytes_in, memory_order_relaxed);
	atomic_fetch_add_explicit(&r->bytes_out, bytes_out, memory_order_relaxed);
}

void metrics_in_flight_add(int delta)
{
	/* a request's two calls come from the same thread, so each shard's
	 * gauge, and their sum, never goes below zero */
	atomic_fetch_add_explicit(&in_flight[shard()].v, delta, memory_order_relaxed);
}

void metrics_count(enum metrics_event e)
{
	atomic_fetch_add_explicit(&events[e], 1, memory_order_relaxed);
}

void metrics_buffered_add(long long delta)
{
	atomic_fetch_add_explicit(&buffered, delta, memory_order_relaxed);
}

long metrics_in_flight(void)
{
	long sum = 0;
	int i;

	for (i = 0; i < SHARDS; i++)
		sum += atomic_load(&in_flight[i].v);
	return sum;
}

struct buf {
	char *p;
	size_t len, cap;
	int failed;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->failed)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->failed = 1;
			return;
		}
		if ((size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = b->cap * 2 + (size_t)n;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
}

static unsigned long long load(atomic_ullong *a)
{
	return atomic_load_explicit(a, memory_order_relaxed);
}

/* The sum over the shards of the counter at a in shard 0, the shards
 * being stride counters apart. */
static unsigned long long load_all(atomic_ullong *a, size_t stride)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < SHARDS; i++)
		v += load(a + i * stride);
	return v;
}

/* One route's figures summed over the shards. */
struct route_total {
	unsigned long long bucket[NBUCKETS + 1], sum_us, count, bytes_in, bytes_out;
};

static void route_sum(size_t r, struct route_total *out)
{
	size_t i, k;

	memset(out, 0, sizeof *out);
	for (i = 0; i < SHARDS; i++) {
		struct route_metrics *m = &per_route[i * nroutes + r];
		for (k = 0; k <= NBUCKETS; k++)
			out->bucket[k] += load(&m->bucket[k]);
		out->sum_us += load(&m->sum_us);
		out->count += load(&m->count);
		out->bytes_in += load(&m->bytes_in);
		out->bytes_out += load(&m->bytes_out);
	}
}

char *metrics_render(size_t *len)
{
	struct buf b = {malloc(8192), 0, 8192, 0};
	struct route_total *tot = calloc(nroutes ? nroutes : 1, sizeof *tot);
	size_t r, m, s, k, stride = nroutes * NMETHODS * NSTATUS;

	if (!b.p || !tot) {
		free(b.p);
		free(tot);
		return NULL;
	}
	for (r = 0; r < nroutes; r++)
		route_sum(r, &tot[r]);
	put(&b, "# HELP meetingd_requests_total HTTP requests answered.\n"
		"# TYPE meetingd_requests_total counter\n");
	for (r = 0; r < nroutes; r++)
		for (m = 0; m < NMETHODS; m++)
			for (s = 0; s < NSTATUS; s++) {
				unsigned long long v =
				    load_all(&requests[(r * NMETHODS + m) * NSTATUS + s], stride);
				if (v)
					put(&b,
					    "meetingd_requests_total{route=\"%s\",method=\"%s\","
					    "status=\"%zu\"} %llu\n",
					    routes[r], method_names[m], s, v);
			}
	put(&b, "# HELP meetingd_request_duration_seconds Time from the request line to the last "
		"response byte.\n"
		"# TYPE meetingd_request_duration_seconds histogram\n");
	for (r = 0; r < nroutes; r++) {
		struct route_total *rm = &tot[r];
		unsigned long long cum = 0, count = rm->count;
		if (!count)
			continue;
		for (k = 0; k < NBUCKETS; k++) {
			cum += rm->bucket[k];
			put(&b,
			    "meetingd_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} "
			    "%llu\n",
			    routes[r], buckets[k], cum);
		}
		cum += rm->bucket[NBUCKETS];
		put(&b, "meetingd_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
		    routes[r], cum);
		put(&b, "meetingd_request_duration_seconds_sum{route=\"%s\"} %.6f\n", routes[r],
		    (double)rm->sum_us / 1e6);
		put(&b, "meetingd_request_duration_seconds_count{route=\"%s\"} %llu\n", routes[r],
		    cum);
	}
	put(&b, "# HELP meetingd_request_bytes_total Request body bytes received.\n"
		"# TYPE meetingd_request_bytes_total counter\n");
	for (r = 0; r < nroutes; r++)
		if (tot[r].count)
			put(&b, "meetingd_request_bytes_total{route=\"%s\"} %llu\n", routes[r],
			    tot[r].bytes_in);
	put(&b, "# HELP meetingd_response_bytes_total Response body bytes sent.\n"
		"# TYPE meetingd_response_bytes_total counter\n");
	for (r = 0; r < nroutes; r++)
		if (tot[r].count)
			put(&b, "meetingd_response_bytes_total{route=\"%s\"} %llu\n", routes[r],
			    tot[r].bytes_out);
	put(&b,
	    "# HELP meetingd_in_flight_requests Requests being received, processed or sent.\n"
	    "# TYPE meetingd_in_flight_requests gauge\n"
	    "meetingd_in_flight_requests %ld\n",
	    metrics_in_flight());
	put(&b,
	    "# HELP meetingd_connections_refused_total Connections closed at accept.\n"
	    "# TYPE meetingd_connections_refused_total counter\n"
	    "meetingd_connections_refused_total{reason=\"max-connections\"} %llu\n"
	    "meetingd_connections_refused_total{reason=\"max-client-connections\"} %llu\n"
	    "# HELP meetingd_connections_evicted_total Connections still sending their first "
	    "request head, closed to make room for a newcomer.\n"
	    "# TYPE meetingd_connections_evicted_total counter\n"
	    "meetingd_connections_evicted_total %llu\n"
	    "# HELP meetingd_body_memory_refused_total Requests answered 503 because "
	    "--max-body-memory was full.\n"
	    "# TYPE meetingd_body_memory_refused_total counter\n"
	    "meetingd_body_memory_refused_total %llu\n"
	    "# HELP meetingd_body_memory_bytes Request body bytes held in memory.\n"
	    "# TYPE meetingd_body_memory_bytes gauge\n"
	    "meetingd_body_memory_bytes %lld\n"
	    "# HELP meetingd_requests_cut_total Requests cut at their deadline.\n"
	    "# TYPE meetingd_requests_cut_total counter\n"
	    "meetingd_requests_cut_total %llu\n"
	    "# HELP meetingd_access_log_dropped_total Access log lines dropped because stdout "
	    "did not keep up.\n"
	    "# TYPE meetingd_access_log_dropped_total counter\n"
	    "meetingd_access_log_dropped_total %llu\n",
	    load(&events[METRICS_REFUSED_LIMIT]), load(&events[METRICS_REFUSED_CLIENT]),
	    load(&events[METRICS_EVICTED]), load(&events[METRICS_REFUSED_MEMORY]),
	    (long long)atomic_load(&buffered), load(&events[METRICS_CUT]), accesslog_dropped());
	put(&b,
	    "# HELP meetingd_build_info Build of the running binary.\n"
	    "# TYPE meetingd_build_info gauge\n"
	    "meetingd_build_info{version=\"%s\",model_version=\"%s\",revision=\"%s\"} 1\n",
	    version_string(), MODEL_VERSION, version_revision());
	free(tot);
	if (b.failed) {
		free(b.p);
		return NULL;
	}
	*len = b.len;
	return b.p;
}
