/* Links: one per request handed to libmicrohttpd, shared by the gate (which
 * knows what reached the client) and the HTTP layer (which knows what it
 * answered). Each side fills its half of the access log line once; the
 * second one writes the line and the metrics.
 *
 * A link travels on a channel: one per socket pair, which lasts as long as
 * the client's keep-alive connection. libmicrohttpd takes the channel once,
 * when the connection starts (by its fd), and each request's link from it
 * when that request's line arrives; the gate posts the link before the
 * first byte of the request goes. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "server/gate_int.h"
#include "server/metrics.h"

static struct {
	_Atomic(struct gate_chan *) *slot; /* by libmicrohttpd-side fd */
	size_t nslots;
	pthread_mutex_t lock; /* the live list */
	struct gate_link *live;
	atomic_ullong budget; /* body bytes reserved */
} K = {.lock = PTHREAD_MUTEX_INITIALIZER};

int gate_links_init(void)
{
	struct rlimit rl;

	K.nslots = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
			   rl.rlim_cur < (1u << 22)
		       ? (size_t)rl.rlim_cur
		       : (1u << 16);
	K.slot = calloc(K.nslots, sizeof *K.slot);
	return K.slot ? 0 : -1;
}

void gate_links_free(void)
{
	size_t i;

	for (i = 0; K.slot && i < K.nslots; i++) {
		struct gate_chan *ch = atomic_exchange(&K.slot[i], NULL);
		if (ch)
			gate_chan_release(ch);
	}
	free(K.slot);
	K.slot = NULL;
}

int gate_budget_take(const struct config *cfg, uint64_t n)
{
	/* only the gate thread adds, so the check cannot be raced past */
	if (atomic_load(&K.budget) + n > cfg->max_body_memory)
		return -1;
	atomic_fetch_add(&K.budget, n);
	metrics_buffered_add((long long)n);
	return 0;
}

void gate_budget_give(uint64_t n)
{
	if (!n)
		return;
	atomic_fetch_sub(&K.budget, n);
	metrics_buffered_add(-(long long)n);
}

struct gate_link *gate_link_new(void)
{
	struct gate_link *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	atomic_init(&l->refs, 2); /* the gate's and the channel's */
	pthread_mutex_lock(&K.lock);
	l->next = K.live;
	if (K.live)
		K.live->prev = l;
	K.live = l;
	pthread_mutex_unlock(&K.lock);
	return l;
}

struct gate_chan *gate_chan_new(int fd)
{
	struct gate_chan *ch = calloc(1, sizeof *ch), *old;

	if (!ch)
		return NULL;
	atomic_init(&ch->refs, 2); /* the gate's and the slot's */
	atomic_init(&ch->next, NULL);
	if (fd >= 0 && (size_t)fd < K.nslots) {
		/* a channel libmicrohttpd never took (its connection failed
		 * before starting, the fd closed since) is replaced here */
		old = atomic_exchange(&K.slot[fd], ch);
		if (old)
			gate_chan_release(old);
	} else {
		atomic_fetch_sub(&ch->refs, 1);
	}
	return ch;
}

struct gate_chan *gate_chan_take(int fd)
{
	return fd >= 0 && (size_t)fd < K.nslots ? atomic_exchange(&K.slot[fd], NULL) : NULL;
}

void gate_chan_post(struct gate_chan *ch, struct gate_link *l)
{
	/* one request at a time: a link still here was never taken
	 * (libmicrohttpd answered that request before its line was read) */
	struct gate_link *old = atomic_exchange(&ch->next, l);

	if (old)
		gate_link_release(old);
}

struct gate_link *gate_chan_link(struct gate_chan *ch)
{
	return atomic_exchange(&ch->next, NULL);
}

void gate_chan_release(struct gate_chan *ch)
{
	struct gate_link *l;

	if (atomic_fetch_sub(&ch->refs, 1) != 1)
		return;
	l = atomic_exchange(&ch->next, NULL);
	if (l)
		gate_link_release(l);
	free(ch);
}

void gate_link_unref(struct gate_link *l)
{
	if (atomic_fetch_sub(&l->refs, 1) != 1)
		return;
	pthread_mutex_lock(&K.lock);
	if (l->prev)
		l->prev->next = l->next;
	else
		K.live = l->next;
	if (l->next)
		l->next->prev = l->prev;
	pthread_mutex_unlock(&K.lock);
	free(l);
}

int gate_link_server_done(struct gate_link *l)
{
	return atomic_load(&l->parts) >= 2;
}

/* Both halves are in: one line, one metrics record, the body memory back. */
static void finalize(struct gate_link *l)
{
	struct accesslog_record r = l->has_h ? l->h : l->g;
	size_t route = l->has_h ? l->route_h : l->route_g;

	if (!r.method[0]) {
		memcpy(r.method, l->g.method, sizeof r.method);
		memcpy(r.path, l->g.path, sizeof r.path);
	}
	r.start_ns = l->g.start_ns;
	r.end_ns = l->g.end_ns > r.end_ns ? l->g.end_ns : r.end_ns;
	if (l->cut) {
		/* cut by the gate at a deadline, or by the stop (a 503 relayed
		 * from the server keeps its problem) */
		r.status = l->g.status;
		r.problem = NULL;
	} else if (l->aborted) {
		/* nginx's "client closed the request": what reached it is the
		 * count, not what the server produced */
		r.status = 499;
		r.problem = NULL;
		if (l->relayed_body < r.bytes_out)
			r.bytes_out = l->relayed_body;
	} else if (!l->has_h) {
		r.status = l->g.status;
		r.bytes_out = l->relayed_body;
	}
	metrics_record(route, r.method[0] ? r.method : NULL, r.status,
		       (double)(r.end_ns - r.start_ns) / 1e9, r.bytes_in, r.bytes_out);
	if (l->log)
		accesslog_write(&r);
	gate_budget_give(l->reserved);
	l->reserved = 0;
}

static void half_in(struct gate_link *l)
{
	if (atomic_fetch_add(&l->parts, 1) == 1)
		finalize(l);
}

void gate_link_gate_half(struct gate_link *l)
{
	half_in(l);
}

void gate_link_complete(struct gate_link *l, const struct accesslog_record *r, size_t route)
{
	if (l->h_done)
		return;
	l->h = *r;
	l->route_h = route;
	l->has_h = 1;
	l->h_done = 1;
	half_in(l);
}

void gate_link_release(struct gate_link *l)
{
	if (!l->h_done) {
		l->h_done = 1;
		half_in(l);
	}
	gate_link_unref(l);
}

const atomic_int *gate_link_cancel(const struct gate_link *l)
{
	return &l->cancel;
}

uint64_t gate_link_start_ns(const struct gate_link *l)
{
	return l->g.start_ns;
}

const char *gate_link_id(const struct gate_link *l)
{
	return l->g.id;
}

const char *gate_link_remote(const struct gate_link *l)
{
	return l->g.remote;
}

void gate_cancel_all(void)
{
	struct gate_link *l;

	pthread_mutex_lock(&K.lock);
	for (l = K.live; l; l = l->next)
		atomic_store(&l->cancel, 1);
	pthread_mutex_unlock(&K.lock);
}
