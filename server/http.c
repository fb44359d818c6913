/* libmicrohttpd glue.
 *
 * Life of a request (libmicrohttpd 0.9.75):
 *   on_uri()       request line parsed: state allocated, clock and in-flight
 *                  count started, route matched on the raw path;
 *   on_request()   1st call: headers checked (auth, route, method, length);
 *                  middle calls: body accumulated, or drained when an error
 *                  is already decided; last call: handler runs, response
 *                  queued. Never queued on the first call except an early
 *                  413, because queueing there forces Connection: close;
 *   on_completed() metrics, access log, state released.
 * A reaper thread enforces --request-timeout, which MHD's inactivity
 * timeout cannot: a client trickling a byte every few seconds never idles.
 * It watches connections too (on_connection()), because MHD calls on_uri()
 * only once the whole request line is in: a client dripping "GET /he..."
 * would otherwise never be timed.
 */
#include "server/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "handlers/handlers.h"
#include "model/model.h"
#include "server/metrics.h"

enum {
	M_GET = 1 << 0,
	M_HEAD = 1 << 1,
	M_POST = 1 << 2,
};

struct route {
	const char *path; /* exact path, or a prefix when it ends in '/' and prefix is set */
	int prefix;
	int methods;
	const char *allow; /* Allow header */
	const char *label; /* metrics label */
	http_handler_fn handler;
};

#define GET_ALLOW "GET, HEAD, OPTIONS"
#define POST_ALLOW "POST, OPTIONS"

/* Every route the service answers, in one place. */
static const struct route routes[] = {
    {"/v1/parse", 0, M_POST, POST_ALLOW, "/v1/parse", handle_parse},
    {"/v1/parse/batch", 0, M_POST, POST_ALLOW, "/v1/parse/batch", handle_batch},
    {"/healthz", 0, M_GET | M_HEAD, GET_ALLOW, "/healthz", handle_healthz},
    {"/readyz", 0, M_GET | M_HEAD, GET_ALLOW, "/readyz", handle_readyz},
    {"/metrics", 0, M_GET | M_HEAD, GET_ALLOW, "/metrics", handle_metrics},
    {"/openapi.yaml", 0, M_GET | M_HEAD, GET_ALLOW, "/openapi.yaml", handle_openapi},
    {"/version", 0, M_GET | M_HEAD, GET_ALLOW, "/version", handle_version},
    {"/", 0, M_GET | M_HEAD, GET_ALLOW, "/", handle_index},
    {"/web/", 1, M_GET | M_HEAD, GET_ALLOW, "/web/*", handle_web},
};
#define NROUTES (sizeof routes / sizeof routes[0])
#define ROUTE_UNMATCHED NROUTES

static const char *route_labels[NROUTES + 1];

/* Per connection: the request line and headers must fit. When they do not,
 * libmicrohttpd 0.9.75 answers by itself with a bare HTML page, no
 * X-Request-Id and Connection: close: 414 when the request line alone
 * overflows (before on_uri(), so no access log line), 431 when the headers
 * do (after on_uri(), logged with method "-"). */
#define MEMORY_LIMIT (64 * 1024)

/* One per TCP connection, from accept to close. */
struct conn_state {
	int fd;
	int busy; /* a request is past its request line (its own deadline runs) */
	int killed;
	uint64_t since_ns; /* accepted, or its previous request completed */
	struct conn_state *prev, *next;
};

static struct {
	const struct config *cfg;
	struct MHD_Daemon *daemon;
	MHD_socket quiesced_fd;
	atomic_int draining;
	pthread_t reaper;
	int reaper_running;
	pthread_mutex_t lock; /* guards the in-flight and connection lists and stop */
	pthread_cond_t cond;
	int stopping;
	struct request *head;
	struct conn_state *conns;
	atomic_int connections; /* open, counted by on_connection() */
} S = {.lock = PTHREAD_MUTEX_INITIALIZER,
       .cond = PTHREAD_COND_INITIALIZER,
       .quiesced_fd = MHD_INVALID_SOCKET};

uint64_t http_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- request ids ---- */

static _Thread_local uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;

	if (!x) {
		if (getrandom(&x, sizeof x, 0) != (ssize_t)sizeof x)
			x = http_now_ns() ^ (uint64_t)(uintptr_t)&rng_state;
		x |= 1;
	}
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static void generate_id(char *out)
{
	snprintf(out, 17, "%016llx", (unsigned long long)rng_next());
}

/* A client's X-Request-Id is kept so that its logs and ours line up, but
 * only when it cannot smuggle anything into a header or a log line. */
static int valid_request_id(const char *s)
{
	size_t n = 0;

	if (!s)
		return 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
		if (n >= 64)
			return 0;
	}
	return n >= 1;
}

/* ---- request state ---- */

void http_request_ref(struct request *req)
{
	atomic_fetch_add(&req->refs, 1);
}

void http_request_unref(struct request *req)
{
	if (atomic_fetch_sub(&req->refs, 1) == 1) {
		free(req->body);
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

static const struct route *match_route(const char *path)
{
	size_t i;

	for (i = 0; i < NROUTES; i++) {
		if (routes[i].prefix ? !strncmp(path, routes[i].path, strlen(routes[i].path))
				     : !strcmp(path, routes[i].path))
			return &routes[i];
	}
	return NULL;
}

static size_t route_index(const struct route *r)
{
	return r ? (size_t)(r - routes) : ROUTE_UNMATCHED;
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
	req->start_ns = http_now_ns();
	req->cfg = S.cfg;
	req->conn = conn;
	req->fd = -1;
	n = strcspn(uri, "?");
	if (n >= sizeof req->path)
		n = sizeof req->path - 1;
	memcpy(req->path, uri, n);
	req->path[n] = '\0';
	req->route = match_route(req->path);
	generate_id(req->id);
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	net_format_addr(ci ? ci->client_addr : NULL, req->remote);
	strcpy(req->client, req->remote);
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci)
		req->fd = ci->connect_fd;
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	req->cs = ci ? ci->socket_context : NULL;
	metrics_in_flight_add(1);
	pthread_mutex_lock(&S.lock);
	if (req->cs)
		req->cs->busy = 1;
	req->next = S.head;
	if (S.head)
		S.head->prev = req;
	S.head = req;
	pthread_mutex_unlock(&S.lock);
	return req;
}

/* ---- access log ---- */

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

static void access_log(const struct request *req, int status, size_t bytes_out, double secs)
{
	char line[2048], path[1600], method[100], ts[40];
	struct timespec now;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
	json_escape(path, sizeof path, req->path);
	json_escape(method, sizeof method, req->method[0] ? req->method : "-");
	snprintf(line, sizeof line,
		 "{\"ts\":\"%s.%03ldZ\",\"id\":\"%s\",\"remote\":\"%s\",\"client\":\"%s\","
		 "\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"bytes_in\":%zu,"
		 "\"bytes_out\":%zu,\"ms\":%.3f}\n",
		 ts, now.tv_nsec / 1000000, req->id, req->remote, req->client, method, path, status,
		 req->bytes_in, bytes_out, secs * 1e3);
	fputs(line, stdout); /* one call: stdio's lock keeps lines whole */
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *req = *con_cls;
	int status;
	double secs;
	size_t out;

	(void)cls;
	if (!req)
		return;
	*con_cls = NULL;
	status = req->status;
	if (!req->queued) {
		/* MHD answered by itself (431 headers too large, 400 ...) */
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_HTTP_STATUS);
		if (ci && ci->http_status)
			status = (int)ci->http_status;
	}
	if (status == 0 || toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
		/* no complete answer: say why, with nginx's conventions */
		if (req->killed || toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED)
			status = 408;
		else if (toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ||
			 toe == MHD_REQUEST_TERMINATED_READ_ERROR)
			status = status ? status : 499;
	}
	secs = (double)(http_now_ns() - req->start_ns) / 1e9;
	out = atomic_load(&req->bytes_out);
	metrics_record(route_index(req->route), req->method[0] ? req->method : NULL, status, secs,
		       req->bytes_in, out);
	pthread_mutex_lock(&S.lock);
	if (req->cs) {
		/* MHD reports a request complete before its connection closed */
		req->cs->busy = 0;
		req->cs->since_ns = http_now_ns();
		req->cs = NULL;
	}
	if (req->prev)
		req->prev->next = req->next;
	else
		S.head = req->next;
	if (req->next)
		req->next->prev = req->prev;
	pthread_mutex_unlock(&S.lock);
	metrics_in_flight_add(-1);
	/* last, so a log line proves the request is fully accounted for; a
	 * drain that sees zero in flight still waits for this thread in
	 * MHD_stop_daemon() */
	if (req->cfg->access_log)
		access_log(req, status, out, secs);
	http_request_unref(req);
}

/* ---- reaper: the total per-request deadline ---- */

static void *reaper_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&S.lock);
	while (!S.stopping) {
		struct timespec ts;
		uint64_t now = http_now_ns(),
			 limit = (uint64_t)S.cfg->request_timeout * 1000000000u;
		struct request *r;
		struct conn_state *c;

		for (r = S.head; r; r = r->next) {
			/* The entry leaves the list in on_completed() under this lock
			 * before MHD closes the socket, so the fd is still ours. */
			if (!r->killed && r->fd >= 0 && now - r->start_ns > limit) {
				r->killed = 1;
				shutdown(r->fd, SHUT_RDWR);
			}
		}
		/* Between requests, or before the first request line is whole.
		 * An idle keep-alive meets --connection-timeout first unless
		 * that is set longer than this deadline. Same fd argument: a
		 * connection leaves the list before MHD closes its socket. */
		for (c = S.conns; c; c = c->next) {
			if (!c->busy && !c->killed && c->fd >= 0 && now - c->since_ns > limit) {
				c->killed = 1;
				shutdown(c->fd, SHUT_RDWR);
			}
		}
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 250000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&S.cond, &S.lock, &ts);
	}
	pthread_mutex_unlock(&S.lock);
	return NULL;
}

/* ---- CORS and common headers ---- */

static void add_cors(struct request *req, struct MHD_Response *resp, int preflight)
{
	const char *origin = http_header(req, "Origin");
	const struct config *cfg = req->cfg;

	if (cfg->cors_any) {
		/* never combined with Allow-Credentials: bearer tokens are sent
		 * as an explicit header, which needs no credentials mode */
		MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
	} else {
		if (origin && config_origin_allowed(cfg, origin))
			MHD_add_response_header(resp, "Access-Control-Allow-Origin", origin);
		else
			origin = NULL;
	}
	if (!cfg->cors_any || preflight)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	if (!cfg->cors_any && !origin)
		return;
	if (preflight) {
		MHD_add_response_header(resp, "Access-Control-Allow-Methods", req->route->allow);
		MHD_add_response_header(resp, "Access-Control-Allow-Headers",
					"Content-Type, Authorization, X-Request-Id");
		MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
	} else {
		MHD_add_response_header(resp, "Access-Control-Expose-Headers", "X-Request-Id");
	}
}

static void decorate(struct request *req, struct MHD_Response *resp, int preflight)
{
	MHD_add_response_header(resp, "X-Request-Id", req->id);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	add_cors(req, resp, preflight);
	if (atomic_load(&S.draining))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
}

static enum MHD_Result queue(struct request *req, struct http_reply *r, int preflight)
{
	enum MHD_Result ok;

	if (!r->resp) {
		/* the handler could not even build its answer (no memory) */
		char body[256];
		int n = snprintf(body, sizeof body,
				 "{\"type\":\"" PROBLEM_BASE "internal\",\"title\":\"%s\","
				 "\"status\":500,\"detail\":\"The server could not build its "
				 "answer.\",\"instance\":\"%s\"}\n",
				 problem_title(PROBLEM_INTERNAL), req->id);
		r->status = 500;
		r->body_len = (size_t)n;
		r->resp = MHD_create_response_from_buffer((size_t)n, body, MHD_RESPMEM_MUST_COPY);
		if (!r->resp)
			return MHD_NO;
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/problem+json");
	}
	decorate(req, r->resp, preflight);
	if (r->allow)
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	if (r->status == 401)
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer realm=\"meetingd\"");
	ok = MHD_queue_response(req->conn, (unsigned)r->status, r->resp);
	MHD_destroy_response(r->resp);
	r->resp = NULL;
	if (ok == MHD_YES) {
		req->queued = 1;
		req->status = r->status;
		if (strcmp(req->method, "HEAD"))
			atomic_fetch_add(&req->bytes_out, r->body_len);
	}
	return ok;
}

/* ---- per-request flow ---- */

static void set_pending(struct request *req, enum problem_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_pending(struct request *req, enum problem_kind kind, const char *fmt, ...)
{
	va_list ap;

	req->pending = 1;
	req->pending_kind = kind;
	va_start(ap, fmt);
	vsnprintf(req->pending_detail, sizeof req->pending_detail, fmt, ap);
	va_end(ap);
	req->discard = 1;
	free(req->body);
	req->body = NULL;
	req->body_len = req->body_cap = 0;
}

/* Bearer token check in time independent of where the strings differ. */
static int token_ok(const char *header, const char *token)
{
	size_t i, n, m = strlen(token);
	unsigned char d;
	const char *p;

	if (!header || strncasecmp(header, "Bearer ", 7))
		return 0;
	p = header + 7;
	while (*p == ' ')
		p++;
	n = strlen(p);
	while (n && p[n - 1] == ' ')
		n--;
	d = (unsigned char)(n != m);
	for (i = 0; i < m; i++)
		d |= (unsigned char)(token[i] ^ (i < n ? p[i] : 0));
	return d == 0;
}

static int method_bit(const char *m)
{
	if (!strcmp(m, "GET"))
		return M_GET;
	if (!strcmp(m, "HEAD"))
		return M_HEAD;
	if (!strcmp(m, "POST"))
		return M_POST;
	return 0;
}

/* X-Forwarded-For may come as several header lines; a proxy appends, so
 * join them in order before walking from the right. */
struct xff_acc {
	char buf[1024];
	size_t len;
	int overflow;
};

static enum MHD_Result collect_xff(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	struct xff_acc *a = cls;

	(void)kind;
	if (value && !strcasecmp(key, "X-Forwarded-For")) {
		int n = snprintf(a->buf + a->len, sizeof a->buf - a->len, "%s%s", a->len ? "," : "",
				 value);
		if (n < 0 || (size_t)n >= sizeof a->buf - a->len) {
			a->overflow = 1;
			return MHD_NO;
		}
		a->len += (size_t)n;
	}
	return MHD_YES;
}

/* How a body is framed: libmicrohttpd 0.9.75 reads the first
 * Content-Length and ignores a second, prefers chunked over a
 * Content-Length without closing afterwards, and waits for the end of a
 * body in any other coding that it cannot delimit. */
struct framing {
	int cl, te;
};

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key,
				     const char *value)
{
	struct framing *f = cls;

	(void)kind;
	(void)value;
	if (!strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH))
		f->cl++;
	else if (!strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING))
		f->te++;
	return MHD_YES;
}

/* Answer now, from the first call: that closes the connection, which is
 * what a client about to send a body we will not read needs, and no 100
 * Continue goes out. Returns begin()'s 1, or -1. */
static int refuse_now(struct request *req, enum problem_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int refuse_now(struct request *req, enum problem_kind kind, const char *fmt, ...)
{
	struct http_reply r = {0};
	char detail[sizeof req->pending_detail];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	set_pending(req, kind, "%s", detail);
	http_reply_problem(req, &r, req->pending_kind, "%s", req->pending_detail);
	return queue(req, &r, 0) == MHD_YES ? 1 : -1;
}

/* First call: everything decidable from the request head. Returns 1 when a
 * response was queued already (early 413 or 411), 0 to continue, -1 to
 * drop. */
static int begin(struct request *req, const char *method)
{
	const char *rid = http_header(req, "X-Request-Id"), *cl, *te;
	const struct config *cfg = req->cfg;
	struct framing fr = {0, 0};
	char shown[40];
	int bit;

	snprintf(req->method, sizeof req->method, "%s", method);
	if (valid_request_id(rid))
		snprintf(req->id, sizeof req->id, "%s", rid);
	if (cfg->proxies.n) {
		struct xff_acc acc = {.len = 0, .overflow = 0};
		acc.buf[0] = '\0';
		MHD_get_connection_values(req->conn, MHD_HEADER_KIND, collect_xff, &acc);
		/* a list cut short has lost its right end, the only part our
		 * proxies wrote: believe none of it */
		net_client_addr(&cfg->proxies, req->remote,
				acc.len && !acc.overflow ? acc.buf : NULL, req->client);
	}

	cl = http_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
	te = http_header(req, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	/* A body two parties could delimit differently is how requests are
	 * smuggled past a proxy; one MHD cannot delimit would hang until
	 * the timeout. Neither has a defined length: 411, whatever the route. */
	MHD_get_connection_values(req->conn, MHD_HEADER_KIND, count_framing, &fr);
	if (fr.cl > 1)
		return refuse_now(req, PROBLEM_LENGTH_REQUIRED,
				  "The request has %d Content-Length headers; send exactly one.",
				  fr.cl);
	if (te && cl)
		return refuse_now(req, PROBLEM_LENGTH_REQUIRED,
				  "The request has both Content-Length and Transfer-Encoding; "
				  "send only one.");
	if (fr.te > 1 || (te && strcasecmp(te, "chunked")))
		return refuse_now(req, PROBLEM_LENGTH_REQUIRED,
				  "Transfer-Encoding '%s' is not supported; send the body with "
				  "Content-Length or Transfer-Encoding: chunked.",
				  fr.te > 1
				      ? "(several)"
				      : problem_sanitize(shown, sizeof shown, te, strlen(te)));
	if (cl) {
		char *end;
		unsigned long long n = strtoull(cl, &end, 10);
		/* Refuse before reading, whatever the route. */
		if (n > cfg->max_body)
			return refuse_now(req, PROBLEM_BODY_TOO_LARGE,
					  "The body is %llu bytes; the limit is %zu bytes.", n,
					  cfg->max_body);
	}
	if (!strcmp(method, "OPTIONS")) {
		if (!req->route)
			set_pending(req, PROBLEM_NOT_FOUND, "There is no resource at this path.");
		req->discard = 1;
		return 0;
	}
	bit = method_bit(method);
	if (cfg->auth_token[0] && !strncmp(req->path, "/v1/", 4) &&
	    !token_ok(http_header(req, MHD_HTTP_HEADER_AUTHORIZATION), cfg->auth_token)) {
		set_pending(req, PROBLEM_UNAUTHORIZED,
			    "This endpoint needs the header 'Authorization: Bearer <token>' with "
			    "the service's token.");
		return 0;
	}
	if (!req->route) {
		set_pending(req, PROBLEM_NOT_FOUND, "There is no resource at this path.");
		return 0;
	}
	if (!(req->route->methods & bit)) {
		char m[40];
		set_pending(
		    req, PROBLEM_METHOD_NOT_ALLOWED, "Method %s is not allowed here; use %s.",
		    problem_sanitize(m, sizeof m, method, strlen(method)), req->route->allow);
		return 0;
	}
	if (!(req->route->methods & M_POST)) {
		req->discard = 1; /* GET bodies have no meaning here */
		return 0;
	}
	if (cl) {
		unsigned long long n = strtoull(cl, NULL, 10);
		if (n) {
			req->body = malloc((size_t)n + 1);
			if (!req->body)
				return -1;
			req->body_cap = (size_t)n + 1;
		}
	} else if (!te) {
		set_pending(req, PROBLEM_LENGTH_REQUIRED,
			    "A POST needs a body sent with Content-Length or "
			    "Transfer-Encoding: chunked.");
	}
	return 0;
}

static int consume(struct request *req, const char *data, size_t n)
{
	size_t need;

	req->bytes_in += n;
	if (req->discard)
		return 0;
	need = req->body_len + n;
	if (need > req->cfg->max_body) {
		/* chunked (or lying Content-Length): the running count is the limit */
		set_pending(req, PROBLEM_BODY_TOO_LARGE, "The body exceeds the limit of %zu bytes.",
			    req->cfg->max_body);
		/* MHD 0.9.75 refuses a response queued mid-body, so the rest is
		 * drained unstored and the 413 goes out after the last chunk;
		 * --request-timeout bounds a client that never stops. */
		return 0;
	}
	if (need + 1 > req->body_cap) {
		size_t cap = req->body_cap ? req->body_cap : 4096;
		char *p;
		while (cap < need + 1)
			cap *= 2;
		if (cap > req->cfg->max_body + 1)
			cap = req->cfg->max_body + 1;
		p = realloc(req->body, cap);
		if (!p)
			return -1;
		req->body = p;
		req->body_cap = cap;
	}
	memcpy(req->body + req->body_len, data, n);
	req->body_len = need;
	req->body[need] = '\0';
	return 0;
}

static enum MHD_Result finish(struct request *req)
{
	struct http_reply r = {0};

	if (req->pending) {
		http_reply_problem(req, &r, req->pending_kind, "%s", req->pending_detail);
		if (req->pending_kind == PROBLEM_METHOD_NOT_ALLOWED)
			r.allow = req->route->allow;
		return queue(req, &r, 0);
	}
	if (!strcmp(req->method, "OPTIONS")) {
		http_reply_bytes(&r, 204, NULL, "", 0, 0);
		r.allow = req->route->allow;
		return queue(req, &r, 1);
	}
	req->route->handler(req, &r);
	return queue(req, &r, 0);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *data,
				  size_t *size, void **con_cls)
{
	struct request *req = *con_cls;

	(void)cls;
	(void)url;
	(void)version;
	if (!req)
		return MHD_NO; /* on_uri() could not allocate: drop the connection */
	if (!req->started) {
		int rc;
		req->started = 1;
		rc = begin(req, method);
		return rc < 0 ? MHD_NO : MHD_YES;
	}
	if (*size) {
		size_t n = *size;
		*size = 0;
		if (req->queued)
			return MHD_YES;
		return consume(req, data, n) ? MHD_NO : MHD_YES;
	}
	if (req->queued)
		return MHD_YES;
	return finish(req);
}

/* Connections are counted here, not by MHD: at its own limit MHD stops
 * accepting and newcomers wait in the listen backlog, a hang from the
 * client's side. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct conn_state *c;

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		atomic_fetch_add(&S.connections, 1);
		c = calloc(1, sizeof *c);
		*socket_context = c;
		if (!c)
			return; /* no memory: served, just not timed before its request line */
		c->fd = ci ? ci->connect_fd : -1;
		c->since_ns = http_now_ns();
		pthread_mutex_lock(&S.lock);
		c->next = S.conns;
		if (S.conns)
			S.conns->prev = c;
		S.conns = c;
		pthread_mutex_unlock(&S.lock);
		return;
	}
	atomic_fetch_sub(&S.connections, 1);
	c = *socket_context;
	*socket_context = NULL;
	if (!c)
		return;
	pthread_mutex_lock(&S.lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		S.conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&S.lock);
	free(c);
}

/* Over --max-connections a newcomer is closed at once: a client (or the
 * proxy in front) sees a reset and can go elsewhere instead of hanging. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	(void)cls;
	(void)addr;
	(void)len;
	return atomic_load(&S.connections) >= S.cfg->max_connections ? MHD_NO : MHD_YES;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	fprintf(stderr, "meetingd: http: %s\n", msg);
}

/* ---- daemon ---- */

int http_start(const struct config *cfg, char *err, size_t errlen)
{
	struct sockaddr_storage ss;
	unsigned flags =
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	size_t i;

	memset(&ss, 0, sizeof ss);
	if (strchr(cfg->bind, ':')) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET6, cfg->bind, &a->sin6_addr) != 1)
			goto bad_bind;
		flags |= MHD_USE_IPv6;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET, cfg->bind, &a->sin_addr) != 1)
			goto bad_bind;
	}
	for (i = 0; i < NROUTES; i++)
		route_labels[i] = routes[i].label;
	route_labels[ROUTE_UNMATCHED] = "unmatched";
	if (metrics_init(route_labels, NROUTES + 1)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	S.cfg = cfg;
	S.stopping = 0;
	atomic_store(&S.draining, 0);
	atomic_store(&S.connections, 0);
	/* MHD's own limit sits above ours so that it never stops accepting
	 * (on_accept() refuses first): one slot per thread covers two threads
	 * passing on_accept() at once, and the limit MHD splits between its
	 * threads then always leaves one of them listening. */
	S.daemon = MHD_start_daemon(
	    flags, (uint16_t)cfg->port, on_accept, NULL, on_request, NULL,
	    /* first, so that MHD's own start-up messages go through it too */
	    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR,
	    (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)(cfg->max_connections + cfg->threads + 1),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->connection_timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT, MHD_OPTION_NOTIFY_COMPLETED,
	    on_completed, NULL, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_END);
	if (!S.daemon) {
		snprintf(err, errlen, "cannot listen on %s port %d (see the message above)",
			 cfg->bind, cfg->port);
		metrics_free();
		return -1;
	}
	if (pthread_create(&S.reaper, NULL, reaper_main, NULL) == 0)
		S.reaper_running = 1;
	return 0;
bad_bind:
	snprintf(err, errlen, "--bind: '%.60s' is not an IPv4 or IPv6 address", cfg->bind);
	return -1;
}

int http_port(void)
{
	const union MHD_DaemonInfo *di =
	    S.daemon ? MHD_get_daemon_info(S.daemon, MHD_DAEMON_INFO_BIND_PORT) : NULL;

	return di ? di->port : -1;
}

void http_begin_drain(void)
{
	if (atomic_exchange(&S.draining, 1))
		return;
	if (!S.daemon)
		return;
	S.quiesced_fd = MHD_quiesce_daemon(S.daemon);
	/* Quiesced, the socket still completes handshakes into a backlog that
	 * nobody accepts: clients would hang until the stop resets them. A
	 * shutdown() makes Linux refuse them at once (so a load balancer moves
	 * on) while the descriptor stays open until MHD_stop_daemon(), as MHD
	 * requires. */
	if (S.quiesced_fd != MHD_INVALID_SOCKET)
		shutdown(S.quiesced_fd, SHUT_RDWR);
}

int http_draining(void)
{
	return atomic_load(&S.draining);
}

long http_in_flight(void)
{
	return metrics_in_flight();
}

void http_stop(void)
{
	if (S.daemon) {
		MHD_stop_daemon(S.daemon);
		S.daemon = NULL;
	}
	/* MHD's threads may use the quiesced socket until they are stopped */
	if (S.quiesced_fd != MHD_INVALID_SOCKET) {
		close(S.quiesced_fd);
		S.quiesced_fd = MHD_INVALID_SOCKET;
	}
	if (S.reaper_running) {
		pthread_mutex_lock(&S.lock);
		S.stopping = 1;
		pthread_cond_signal(&S.cond);
		pthread_mutex_unlock(&S.lock);
		pthread_join(S.reaper, NULL);
		S.reaper_running = 0;
	}
	metrics_free();
}
