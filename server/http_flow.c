/* One request's flow inside libmicrohttpd (0.9.75), called by the access
 * handler:
 *   1st call:     everything decidable from the head (auth, route, method,
 *                 length) - begin();
 *   middle calls: body accumulated, or drained when an error is decided -
 *                 consume();
 *   last call:    the handler runs (on the parse pool for heavy routes,
 *                 with the connection suspended) and the response is
 *                 queued - finish().
 * The gate has checked the framing and read the request whole before any of
 * this, so these calls follow one another at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server/http_int.h"
#include "server/pool.h"

/* ---- CORS and common headers ---- */

static void add_cors(struct request *req, struct MHD_Response *resp, int preflight)
{
	const struct config *cfg = req->cfg;
	/* not looked up when any origin is allowed: it is not needed then */
	const char *origin = cfg->cors_any ? NULL : http_header(req, "Origin");

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

static void decorate(struct request *req, struct http_reply *r, int preflight)
{
	MHD_add_response_header(r->resp, "X-Request-Id", req->id);
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	add_cors(req, r->resp, preflight);
	if (r->status == 503)
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
	if (http_draining())
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_CONNECTION, "close");
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
		r->problem = problem_slug(PROBLEM_INTERNAL);
		r->resp = MHD_create_response_from_buffer((size_t)n, body, MHD_RESPMEM_MUST_COPY);
		if (!r->resp)
			return MHD_NO;
		MHD_add_response_header(r->resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/problem+json");
	}
	decorate(req, r, preflight);
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
		req->problem = r->problem;
		if (strcmp(req->method, "HEAD"))
			atomic_fetch_add(&req->bytes_out, r->body_len);
	}
	return ok;
}

/* ---- the parse pool ---- */

struct offload {
	struct request *req;
	void (*fn)(void *);
	void *arg;
};

static void offload_main(void *arg)
{
	struct offload *o = arg;
	struct request *req = o->req;

	o->fn(o->arg);
	free(o);
	req->suspended = 0;
	MHD_resume_connection(req->conn);
	http_request_unref(req);
}

int http_offload(struct request *req, void (*fn)(void *arg), void *arg)
{
	struct offload *o;

	if (!req->conn || !(o = malloc(sizeof *o)))
		return -1;
	o->req = req;
	o->fn = fn;
	o->arg = arg;
	http_request_ref(req);
	/* suspended before the job can resume it */
	req->suspended = 1;
	MHD_suspend_connection(req->conn);
	if (pool_submit(offload_main, o)) {
		req->suspended = 0;
		MHD_resume_connection(req->conn);
		http_request_unref(req);
		free(o);
		return -1;
	}
	return 0;
}

static void run_handler(void *arg)
{
	struct request *req = arg;

	req->route->handler(req, &req->reply);
	atomic_store(&req->reply_ready, 1);
}

/* ---- small parses on the libmicrohttpd thread ----
 *
 * Handing a request to the pool and back costs two thread wake-ups and the
 * suspension's bookkeeping (the poll set, the inter-thread channel), more
 * than a small parse itself. But a libmicrohttpd thread also answers its
 * other connections, probes among them, and goes round all of its ready
 * connections before it reads a new one: a crowd of small hostile bodies
 * must not hold it. So each thread spends at most INLINE_BUDGET_NS of every
 * INLINE_WINDOW_NS (wall clock) in such parses; past that, parses go to the
 * pool until the window ends. A probe then waits about two budgets and two
 * parses at most, however many clients crowd in (measured with 512 clients
 * posting 8 KiB of distinct names: /healthz within 100 ms, as with every
 * parse on the pool, against 370 ms and growing without the budget); the
 * benchmark's articles stay within it: with three libmicrohttpd threads
 * per worker (config_http_threads()), each spends about a third of its time
 * in them, and the pool is all but idle under bench/http_bench.sh). */
#define INLINE_WINDOW_NS 20000000ull /* 20 ms */
#define INLINE_BUDGET_NS 10000000ull /* half of it */

static _Thread_local uint64_t inline_window, inline_used;

/* Whether req's handler may run here and now rather than on the pool. */
static int run_inline(const struct request *req)
{
	uint64_t now;

	if (req->body_len > req->route->inline_max || !req->route->inline_max)
		return 0;
	now = http_now_ns();
	if (now - inline_window >= INLINE_WINDOW_NS) {
		inline_window = now;
		inline_used = 0;
	}
	return inline_used < INLINE_BUDGET_NS;
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
		return HTTP_GET;
	if (!strcmp(m, "HEAD"))
		return HTTP_HEAD;
	if (!strcmp(m, "POST"))
		return HTTP_POST;
	return 0;
}

/* X-Forwarded-For may come as several header lines; a proxy appends, so
 * join them in order before walking from the right. */
struct xff_acc {
	char buf[1024];
	size_t len;
	int overflow;
};

/* Also checks that no key or value was cut by a NUL byte: the gate refuses
 * those, and libmicrohttpd would hand over the part before it. */
static enum MHD_Result scan_header(void *cls, enum MHD_ValueKind kind, const char *key,
				   size_t key_size, const char *value, size_t value_size)
{
	struct xff_acc *a = cls;

	(void)kind;
	if (strlen(key) != key_size || (value && strlen(value) != value_size)) {
		a->overflow = 2;
		return MHD_NO;
	}
	if (value && !strcasecmp(key, "X-Forwarded-For")) {
		int n = snprintf(a->buf + a->len, sizeof a->buf - a->len, "%s%s", a->len ? "," : "",
				 value);
		if (n < 0 || (size_t)n >= sizeof a->buf - a->len) {
			a->overflow = 1;
			return MHD_YES;
		}
		a->len += (size_t)n;
	}
	return MHD_YES;
}

/* First call: everything decidable from the request head. 0 to continue,
 * -1 to drop the connection. */
static int begin(struct request *req, const char *method)
{
	const char *rid = req->link ? NULL : http_header(req, "X-Request-Id"), *cl, *te;
	const struct config *cfg = req->cfg;
	struct xff_acc acc = {.len = 0, .overflow = 0};
	int bit;

	net_copy(req->method, method, sizeof req->method);
	if (rid && reqid_valid(rid, strlen(rid)))
		net_copy(req->id, rid, sizeof req->id);
	acc.buf[0] = '\0';
	MHD_get_connection_values_n(req->conn, MHD_HEADER_KIND, scan_header, &acc);
	if (acc.overflow == 2) {
		set_pending(req, PROBLEM_BAD_REQUEST, "A header holds a NUL byte.");
		return 0;
	}
	/* a list cut short has lost its right end, the only part our proxies
	 * wrote: believe none of it */
	if (cfg->proxies.n)
		net_client_addr(&cfg->proxies, req->remote,
				acc.len && !acc.overflow ? acc.buf : NULL, req->client);
	cl = http_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
	te = http_header(req, MHD_HTTP_HEADER_TRANSFER_ENCODING);
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
	if (!(req->route->methods & HTTP_POST)) {
		req->discard = 1; /* GET bodies have no meaning here */
		return 0;
	}
	if (cl) {
		/* the gate refused lengths over --max-body and reserved this one */
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
		/* the gate counts chunked bodies already; this is a backstop */
		set_pending(req, PROBLEM_BODY_TOO_LARGE, "The body exceeds the limit of %zu bytes.",
			    req->cfg->max_body);
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

	if (atomic_load(&req->reply_ready)) {
		/* back from the pool */
		r = req->reply;
		memset(&req->reply, 0, sizeof req->reply);
		return queue(req, &r, 0);
	}
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
	/* a parse may take long: never on a libmicrohttpd thread, which also
	 * answers probes and every other connection, unless it is small */
	if (req->route->offload && run_inline(req)) {
		uint64_t t = http_now_ns();
		req->route->handler(req, &r);
		inline_used += http_now_ns() - t;
		return queue(req, &r, 0);
	}
	if (req->route->offload && http_offload(req, run_handler, req) == 0)
		return MHD_YES;
	req->route->handler(req, &r);
	return queue(req, &r, 0);
}

enum MHD_Result http_flow_access(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version, const char *data,
				 size_t *size, void **con_cls)
{
	struct request *req = *con_cls;

	(void)cls;
	(void)conn;
	(void)url;
	(void)version;
	if (!req)
		return MHD_NO; /* on_uri() could not allocate: drop the connection */
	if (!req->started) {
		req->started = 1;
		return begin(req, method) < 0 ? MHD_NO : MHD_YES;
	}
	if (*size) {
		size_t n = *size;
		*size = 0;
		if (req->queued)
			return MHD_YES;
		return consume(req, data, n) ? MHD_NO : MHD_YES;
	}
	if (req->queued || req->suspended)
		return MHD_YES;
	return finish(req);
}
