/* libmicrohttpd glue behind the gate.
 *
 * The gate (server/gate.c) owns the sockets: it reads each request whole
 * and strictly, then hands it over a socket pair that lasts as long as its
 * client's connection. So here every request arrives complete and at once;
 * what remains is:
 *   on_connection()  the pair's channel to the gate is taken over;
 *   on_uri()         request line parsed: state allocated, the request's
 *                    link taken from the channel, clock and work bound set
 *                    from the gate's start of the request;
 *   http_flow_access() (http_flow.c) headers checked, body accumulated,
 *                    handler run (parses on the pool), response queued;
 *   on_completed()   the server's half of the access log line goes to the
 *                    link; the gate adds what reached the client.
 */
#include "server/http.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "server/gate.h"
#include "server/http_int.h"
#include "server/metrics.h"
#include "server/pool.h"

/* Per connection (one request): the head must fit. The gate refuses heads
 * over 16 KiB before they get here; libmicrohttpd needs room besides. Kept
 * at 32 KiB: libmicrohttpd zeroes the pool of every connection, and a larger
 * one is mapped and unmapped for each (page faults and TLB shootdowns that
 * halved the requests per second). */
#define MEMORY_LIMIT (32 * 1024)

/* A request this large leaves the allocator holding memory: give it back. */
#define TRIM_BYTES (256 * 1024)

static struct {
	const struct config *cfg;
	const struct http_route *routes;
	size_t nroutes;
	const char **labels;
	struct MHD_Daemon *daemon;
	atomic_int draining, trim;
} S;

uint64_t http_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void http_request_ref(struct request *req)
{
	atomic_fetch_add(&req->refs, 1);
}

void http_request_unref(struct request *req)
{
	if (atomic_fetch_sub(&req->refs, 1) == 1) {
		/* the last user of its cancel flag is gone */
		if (req->link)
			gate_link_release(req->link);
		free(req->body);
		if (req->reply.resp)
			MHD_destroy_response(req->reply.resp);
		free(req);
	}
}

const char *http_header(const struct request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

char *http_take_body(struct request *req, size_t *len)
{
	char *b = req->body;

	*len = req->body_len;
	req->body = NULL;
	req->body_len = req->body_cap = 0;
	return b;
}

const struct http_route *http_match_route(const char *path)
{
	size_t i;

	for (i = 0; i < S.nroutes; i++) {
		const struct http_route *r = &S.routes[i];
		if (r->prefix ? !strncmp(path, r->path, strlen(r->path)) : !strcmp(path, r->path))
			return r;
	}
	return NULL;
}

size_t http_route_index(const char *path)
{
	const struct http_route *r = http_match_route(path);

	return r ? (size_t)(r - S.routes) : S.nroutes;
}

void http_want_trim(void)
{
	atomic_store(&S.trim, 1);
}

void http_work_bound(const struct request *req, uint64_t *deadline_ns, const atomic_int **cancel)
{
	*deadline_ns = req->deadline_ns;
	*cancel = req->link ? gate_link_cancel(req->link) : &req->own_cancel;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct request *req = calloc(1, sizeof *req);
	const union MHD_ConnectionInfo *ci;
	size_t n;

	(void)cls;
	if (!req)
		return NULL;
	atomic_init(&req->refs, 1);
	req->cfg = S.cfg;
	req->conn = conn;
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	req->link = ci && ci->socket_context ? gate_chan_link(ci->socket_context) : NULL;
	/* the request began when its first byte reached the gate */
	req->start_ns = req->link ? gate_link_start_ns(req->link) : http_now_ns();
	req->deadline_ns = req->start_ns + (uint64_t)S.cfg->request_timeout_ms * 1000000u;
	n = strcspn(uri, "?");
	if (n >= sizeof req->path)
		n = sizeof req->path - 1;
	memcpy(req->path, uri, n);
	req->path[n] = '\0';
	req->route = http_match_route(req->path);
	if (req->link) {
		/* the gate read the same head and chose the id already (its
		 * own log lines use it too): no second lookup and choice */
		net_copy(req->id, gate_link_id(req->link), sizeof req->id);
		net_copy(req->remote, gate_link_remote(req->link), sizeof req->remote);
	} else {
		reqid_generate(req->id);
		ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		net_format_addr(ci ? ci->client_addr : NULL, req->remote);
	}
	strcpy(req->client, req->remote);
	metrics_in_flight_add(1);
	return req;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *req = *con_cls;
	struct accesslog_record r;
	int status;

	(void)cls;
	if (!req)
		return;
	*con_cls = NULL;
	status = req->status;
	if (!req->queued) {
		/* libmicrohttpd answered by itself */
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_HTTP_STATUS);
		if (ci && ci->http_status)
			status = (int)ci->http_status;
	}
	if (status == 0 || toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
		/* no complete answer: nginx's conventions */
		if (toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED)
			status = 408;
		else if (toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN)
			status = 503;
		else
			status = 499;
	}
	memset(&r, 0, sizeof r);
	memcpy(r.id, req->id, sizeof r.id);
	memcpy(r.remote, req->remote, sizeof r.remote);
	memcpy(r.client, req->client, sizeof r.client);
	memcpy(r.method, req->method, sizeof r.method);
	memcpy(r.path, req->path, sizeof r.path);
	r.status = status;
	r.bytes_in = req->bytes_in;
	r.bytes_out = atomic_load(&req->bytes_out);
	r.start_ns = req->start_ns;
	r.end_ns = http_now_ns();
	r.problem = req->problem;
	if (req->bytes_in >= TRIM_BYTES || r.bytes_out >= TRIM_BYTES)
		http_want_trim();
	metrics_in_flight_add(-1);
	if (req->link) {
		gate_link_complete(req->link, &r, http_route_index(req->path));
	} else {
		metrics_record(http_route_index(req->path), r.method[0] ? r.method : NULL, status,
			       (double)(r.end_ns - r.start_ns) / 1e9, r.bytes_in, r.bytes_out);
		if (S.cfg->access_log)
			accesslog_write(&r);
	}
	http_request_unref(req);
	/* after a large parse the allocator keeps its freed memory (hundreds
	 * of MB for some inputs) unless asked: give it back, also between the
	 * requests of a keep-alive connection */
	if (atomic_load_explicit(&S.trim, memory_order_relaxed) && atomic_exchange(&S.trim, 0))
		malloc_trim(0);
}

/* Each connection is one client connection of the gate; the channel of
 * its requests' links comes with it. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? gate_chan_take(ci->connect_fd) : NULL;
		return;
	}
	if (*socket_context)
		gate_chan_release(*socket_context);
	*socket_context = NULL;
	/* after a large parse the allocator keeps its freed memory (hundreds
	 * of MB for some inputs) unless asked: give it back while idle */
	if (atomic_exchange(&S.trim, 0))
		malloc_trim(0);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	/* the gate's socket pairs are not TCP: libmicrohttpd's attempts at
	 * TCP options on them fail as expected, on every answer. Told apart
	 * by the format and its first argument, before anything is
	 * formatted: formatting them cost about 3,000 instructions a request. */
	if (strstr(fmt, "push the data from buffers"))
		return;
	if (!strncmp(fmt, "Setting %s option", 17)) {
		va_list cp;
		const char *opt;
		va_copy(cp, ap);
		opt = va_arg(cp, const char *);
		va_end(cp);
		if (opt && (!strcmp(opt, "TCP_NODELAY") || !strcmp(opt, "TCP_CORK")))
			return;
	}
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (strstr(msg, "TCP_NODELAY") || strstr(msg, "TCP_CORK"))
		return;
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	fprintf(stderr, "meetingd: http: %s\n", msg);
}

int http_start(const struct config *cfg, const struct http_route *routes, size_t nroutes, char *err,
	       size_t errlen)
{
	/* poll(), not epoll: libmicrohttpd 0.9.75's epoll loop reads events in
	 * batches of 128 and, after a full batch, waits again with its whole
	 * timeout (tens of seconds) before it serves any of them. With the
	 * gate's pairs kept across requests, a thread's 128 connections all
	 * ready at once is the usual case under load, every client then waits
	 * on that thread, and nothing wakes it: the thread stops until a new
	 * connection or a resumed parse comes (tests/http/test_http_crowd.c).
	 * poll() has no batch, and over the few hundred pairs a thread holds
	 * it costs no more than epoll did. */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
			 MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME;
	size_t i;

	S.cfg = cfg;
	S.routes = routes;
	S.nroutes = nroutes;
	atomic_store(&S.draining, 0);
	S.labels = calloc(nroutes + 1, sizeof *S.labels);
	if (!S.labels)
		goto nomem;
	for (i = 0; i < nroutes; i++)
		S.labels[i] = routes[i].label;
	S.labels[nroutes] = "unmatched";
	if (metrics_init(S.labels, nroutes + 1))
		goto nomem;
	if (pool_start(cfg->threads)) {
		snprintf(err, errlen, "cannot start the parse workers");
		goto fail;
	}
	/* the gate keeps time for the clients; libmicrohttpd's timeout only
	 * backs it up, past any deadline of the gate */
	S.daemon = MHD_start_daemon(
	    flags, 0, NULL, NULL, http_flow_access, NULL,
	    /* first, so that MHD's own start-up messages go through it too */
	    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL, MHD_OPTION_THREAD_POOL_SIZE,
	    (unsigned)config_http_threads(cfg), MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)(cfg->max_connections + config_http_threads(cfg) + 16),
	    MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)((cfg->request_timeout_ms + cfg->connection_timeout_ms) / 1000 + 5),
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT, MHD_OPTION_STRICT_FOR_CLIENT,
	    1, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_URI_LOG_CALLBACK, on_uri,
	    NULL, MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_END);
	if (!S.daemon) {
		snprintf(err, errlen, "cannot start libmicrohttpd (see the message above)");
		pool_stop(1);
		goto fail;
	}
	if (gate_start(cfg, S.daemon, http_route_index, err, errlen)) {
		MHD_stop_daemon(S.daemon);
		S.daemon = NULL;
		pool_stop(1);
		goto fail;
	}
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
fail:
	metrics_free();
	free(S.labels);
	S.labels = NULL;
	return -1;
}

int http_port(void)
{
	return gate_port();
}

void http_begin_drain(void)
{
	if (atomic_exchange(&S.draining, 1))
		return;
	gate_begin_drain();
}

int http_draining(void)
{
	return atomic_load(&S.draining);
}

long http_in_flight(void)
{
	long g = gate_in_flight(), m = metrics_in_flight();

	/* a request whose client left may still be parsing */
	return g > m ? g : m;
}

void http_cancel_all(void)
{
	gate_cancel_all();
}

int http_stop(double timeout_s)
{
	gate_stop();
	/* libmicrohttpd must not stop with a connection suspended, and a
	 * connection stays suspended while its parse runs */
	if (pool_stop(timeout_s) > 0)
		return -1;
	if (S.daemon) {
		MHD_stop_daemon(S.daemon);
		S.daemon = NULL;
	}
	gate_free();
	metrics_free();
	free(S.labels);
	S.labels = NULL;
	return 0;
}
