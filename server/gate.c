/* The gate's event loop: accept, read each request whole and strictly,
 * hand it to libmicrohttpd over a socket pair, relay the answer, keep the
 * client connection alive or close it. One thread, non-blocking sockets,
 * level-triggered epoll; every 100 ms a sweep applies the deadlines.
 *
 * A connection's states:
 *   HEAD     reading a request head (idle keep-alive: no byte yet)
 *   BODY     reading its body
 *   FORWARD  the request goes to libmicrohttpd and its answer comes back;
 *            nothing more is read from the client meanwhile (pipelined
 *            bytes wait in the kernel), only its EOF is watched
 *   CLOSING  the gate's own answer (an error) is being sent
 *   LINGER   answer sent, write side shut, the client's rest discarded for
 *            a moment so that a reset cannot destroy the answer
 */
#include "server/gate.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "server/gate_int.h"
#include "server/gate_reply.h"
#include "server/metrics.h"
#include "server/wire.h"

#define G gate_g

struct gate_state G = {.lfd = -1, .ep = -1, .wake = -1, .spare = -1};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * SEC + (uint64_t)ts.tv_nsec;
}

static uint64_t header_limit_ns(void)
{
	int ms = G.cfg->header_timeout_ms < G.cfg->request_timeout_ms ? G.cfg->header_timeout_ms
								      : G.cfg->request_timeout_ms;
	return (uint64_t)ms * (SEC / 1000);
}

/* The address a per-client limit counts: IPv4, or the /64 of IPv6. */
static void ip_key(const struct sockaddr_storage *ss, unsigned char key[17])
{
	memset(key, 0, 17);
	if (ss->ss_family == AF_INET) {
		key[0] = 4;
		memcpy(key + 1, &((const struct sockaddr_in *)ss)->sin_addr, 4);
	} else if (ss->ss_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)ss)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(a)) {
			key[0] = 4;
			memcpy(key + 1, a->s6_addr + 12, 4);
		} else {
			key[0] = 6;
			memcpy(key + 1, a->s6_addr, 8);
		}
	}
}

static struct ipnode **ip_find(const unsigned char key[17])
{
	unsigned h = 2166136261u;
	struct ipnode **p;
	int i;

	for (i = 0; i < 17; i++)
		h = (h ^ key[i]) * 16777619u;
	for (p = &G.ips[h % IP_BUCKETS]; *p; p = &(*p)->next)
		if (!memcmp((*p)->key, key, 17))
			break;
	return p;
}

void gate_ip_drop(struct gate_conn *c)
{
	struct ipnode **p;

	if (!c->ip)
		return;
	if (--c->ip->count == 0) {
		p = ip_find(c->ip->key);
		*p = c->ip->next;
		free(c->ip);
	}
	c->ip = NULL;
}

/* The oldest connection still sending its first request head: the one a
 * slow-header crowd is made of, and never a client being served. */
static struct gate_conn *victim(void)
{
	struct gate_conn *c;

	for (c = G.head; c; c = c->next)
		if (c->state == ST_HEAD && !c->served)
			return c;
	return NULL;
}

static void admit(int fd, const struct sockaddr_storage *ss, socklen_t sl)
{
	const struct config *cfg = G.cfg;
	struct gate_conn *c;
	unsigned char key[17];
	struct ipnode **slot = NULL;
	char peer[NET_ADDR_MAX];
	int one = 1, exempt;

	net_format_addr((const struct sockaddr *)ss, peer);
	exempt = !cfg->max_client_connections || net_cidr_list_contains(&cfg->proxies, peer);
	if (!exempt) {
		ip_key(ss, key);
		slot = ip_find(key);
		if (*slot && (*slot)->count >= cfg->max_client_connections) {
			metrics_count(METRICS_REFUSED_CLIENT);
			close(fd);
			return;
		}
	}
	if (G.nconns >= cfg->max_connections) {
		struct gate_conn *v = victim();
		if (!v) {
			metrics_count(METRICS_REFUSED_LIMIT);
			close(fd);
			return;
		}
		metrics_count(METRICS_EVICTED);
		gate_close_conn(v);
		if (slot)
			slot = ip_find(key); /* the victim may have freed a node */
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		close(fd);
		return;
	}
	if (slot) {
		if (!*slot) {
			*slot = calloc(1, sizeof **slot);
			if (!*slot) {
				free(c);
				close(fd);
				return;
			}
			memcpy((*slot)->key, key, 17);
		}
		(*slot)->count++;
		c->ip = *slot;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	c->fd = fd;
	c->inner = -1;
	c->ce.c = c->ie.c = c;
	c->ie.inner = 1;
	memcpy(&c->addr, ss, sl);
	c->addrlen = sl;
	memcpy(c->peer, peer, sizeof peer);
	c->accepted_ns = c->head_ns = c->last_ns = G.now;
	c->state = ST_HEAD;
	c->prev = G.tail;
	if (G.tail)
		G.tail->next = c;
	else
		G.head = c;
	G.tail = c;
	G.nconns++;
	gate_watch(c, 0, EPOLLIN | EPOLLRDHUP);
}

static void on_listen(void)
{
	int k;

	for (k = 0; k < 256; k++) {
		struct sockaddr_storage ss;
		socklen_t sl = sizeof ss;
		int fd = accept4(G.lfd, (struct sockaddr *)&ss, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd >= 0) {
			admit(fd, &ss, sl);
			continue;
		}
		if (errno == EINTR)
			continue;
		if ((errno == EMFILE || errno == ENFILE) && G.spare >= 0) {
			/* out of descriptors: refuse this one at once (a
			 * descriptor kept for the purpose) instead of leaving
			 * it in the backlog, where it would hang */
			close(G.spare);
			fd = accept4(G.lfd, NULL, NULL, SOCK_CLOEXEC);
			if (fd >= 0)
				close(fd);
			metrics_count(METRICS_REFUSED_LIMIT);
			G.spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
			continue;
		}
		if (errno != EAGAIN && errno != EWOULDBLOCK && G.listening) {
			/* shut for the drain */
			epoll_ctl(G.ep, EPOLL_CTL_DEL, G.lfd, NULL);
			G.listening = 0;
		}
		return;
	}
}

static void sweep(void)
{
	const struct config *cfg = G.cfg;
	uint64_t now = G.now, hl = header_limit_ns(),
		 rt = (uint64_t)cfg->request_timeout_ms * (SEC / 1000),
		 ct = (uint64_t)cfg->connection_timeout_ms * (SEC / 1000);
	struct gate_conn *c, *next;

	for (c = G.head; c; c = next) {
		next = c->next;
		switch (c->state) {
		case ST_HEAD:
			if (!c->busy && c->served) {
				if (now - c->last_ns > ct) {
					gate_close_conn(c); /* idle keep-alive */
				} else if (now - c->last_ns > PAIR_IDLE_NS) {
					/* libmicrohttpd holds 32 KiB per connection,
					 * the answer buffer 20 KiB: not for clients
					 * that keep quiet */
					if (c->inner >= 0)
						gate_inner_close(c);
					free(c->out);
					c->out = NULL;
				}
			} else if (now - c->head_ns > hl) {
				gate_cut(c);
			}
			break;
		case ST_BODY:
			if (now - c->head_ns > rt || now - c->last_ns > ct)
				gate_cut(c);
			break;
		case ST_FORWARD:
		case ST_CLOSING:
			/* the work stops at the deadline (the model checks it);
			 * an answer still not out a moment later is cut */
			if (now - c->head_ns > rt + GRACE_NS)
				gate_cut(c);
			break;
		case ST_LINGER:
			if (now > c->linger_until)
				gate_close_conn(c);
			break;
		}
	}
}

static void bury(void)
{
	while (G.dead) {
		struct gate_conn *c = G.dead;
		G.dead = c->next;
		free(c->in);
		free(c->out);
		free(c);
	}
}

static void *gate_main(void *arg)
{
	struct epoll_event evs[256];
	uint64_t last_sweep = 0;

	(void)arg;
	while (!atomic_load(&G.stop)) {
		int n = epoll_wait(G.ep, evs, 256, TICK_MS), i;

		G.now = now_ns();
		for (i = 0; i < n; i++) {
			struct end *e = evs[i].data.ptr;
			if (!e->c) {
				if (e->inner) {
					uint64_t v;
					if (read(G.wake, &v, sizeof v) < 0)
						continue;
				} else {
					on_listen();
				}
				continue;
			}
			if (e->c->dead)
				continue;
			if (e->inner)
				gate_on_inner(e->c, evs[i].events);
			else
				gate_on_client(e->c, evs[i].events);
		}
		if (G.now - last_sweep >= TICK_MS * 1000000ull) {
			sweep();
			last_sweep = G.now;
		}
		if (G.spent)
			gate_spent_close(0);
		if (atomic_load(&G.draining) && G.listening) {
			epoll_ctl(G.ep, EPOLL_CTL_DEL, G.lfd, NULL);
			G.listening = 0;
		}
		bury();
	}
	return NULL;
}

/* ---- life cycle ---- */

static int listen_on(const struct config *cfg, char *err, size_t errlen)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int one = 1;

	memset(&ss, 0, sizeof ss);
	if (strchr(cfg->bind, ':')) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET6, cfg->bind, &a->sin6_addr) != 1)
			goto bad;
		sl = sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET, cfg->bind, &a->sin_addr) != 1)
			goto bad;
		sl = sizeof *a;
	}
	G.lfd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (G.lfd < 0)
		goto sys;
	setsockopt(G.lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(G.lfd, (struct sockaddr *)&ss, sl) || listen(G.lfd, 1024))
		goto sys;
	sl = sizeof ss;
	getsockname(G.lfd, (struct sockaddr *)&ss, &sl);
	G.port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
						: ((struct sockaddr_in *)&ss)->sin_port);
	return 0;
bad:
	snprintf(err, errlen, "--bind: '%.60s' is not an IPv4 or IPv6 address", cfg->bind);
	return -1;
sys:
	snprintf(err, errlen, "cannot listen on %s port %d: %s", cfg->bind, cfg->port,
		 strerror(errno));
	if (G.lfd >= 0)
		close(G.lfd);
	G.lfd = -1;
	return -1;
}

int gate_start(const struct config *cfg, struct MHD_Daemon *daemon,
	       size_t (*route_of)(const char *path), char *err, size_t errlen)
{
	struct epoll_event ev = {.events = EPOLLIN};

	G.cfg = cfg;
	G.daemon = daemon;
	G.route_of = route_of;
	atomic_store(&G.stop, 0);
	atomic_store(&G.draining, 0);
	if (listen_on(cfg, err, errlen))
		return -1;
	G.workers = config_http_threads(cfg);
	G.pairs = calloc((size_t)G.workers, sizeof *G.pairs);
	if (!G.pairs || gate_links_init() || (G.ep = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
	    (G.wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0) {
		snprintf(err, errlen, "cannot start the connection thread: %s", strerror(errno));
		gate_stop();
		gate_free();
		return -1;
	}
	G.spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
	G.lend.inner = 0;
	G.wend.inner = 1;
	ev.data.ptr = &G.lend;
	epoll_ctl(G.ep, EPOLL_CTL_ADD, G.lfd, &ev);
	ev.data.ptr = &G.wend;
	epoll_ctl(G.ep, EPOLL_CTL_ADD, G.wake, &ev);
	G.listening = 1;
	if (pthread_create(&G.thread, NULL, gate_main, NULL)) {
		snprintf(err, errlen, "cannot start the connection thread");
		gate_stop();
		gate_free();
		return -1;
	}
	G.running = 1;
	return 0;
}

int gate_port(void)
{
	return G.lfd >= 0 ? G.port : -1;
}

void gate_begin_drain(void)
{
	if (atomic_exchange(&G.draining, 1))
		return;
	/* Linux refuses new connections at once on a shut listener, so a
	 * load balancer moves on instead of waiting in a backlog */
	if (G.lfd >= 0)
		shutdown(G.lfd, SHUT_RDWR);
}

long gate_in_flight(void)
{
	return atomic_load(&G.in_flight);
}

void gate_stop(void)
{
	uint64_t one = 1;

	if (G.running) {
		atomic_store(&G.stop, 1);
		if (write(G.wake, &one, sizeof one) < 0) {
			/* the loop wakes within a tick anyway */
		}
		pthread_join(G.thread, NULL);
		G.running = 0;
	}
	G.now = now_ns();
	while (G.head) {
		if (G.head->state == ST_FORWARD)
			gate_drop_link(G.head, 503);
		gate_close_conn(G.head);
	}
	gate_spent_close(1);
	bury();
	if (G.lfd >= 0)
		close(G.lfd);
	if (G.ep >= 0)
		close(G.ep);
	if (G.wake >= 0)
		close(G.wake);
	if (G.spare >= 0)
		close(G.spare);
	G.lfd = G.ep = G.wake = G.spare = -1;
}

void gate_free(void)
{
	gate_links_free();
	free(G.pairs);
	G.pairs = NULL;
}
