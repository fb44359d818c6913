/* The gate's answers and its reading of libmicrohttpd's answer heads. */
#include "server/gate_reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"

struct xff {
	char buf[1024];
	size_t len;
	int overflow;
};

static void add_xff(void *cls, const char *v, size_t n)
{
	struct xff *x = cls;

	if (x->len + n + 2 > sizeof x->buf) {
		x->overflow = 1;
		return;
	}
	if (x->len)
		x->buf[x->len++] = ',';
	memcpy(x->buf + x->len, v, n);
	x->len += n;
	x->buf[x->len] = '\0';
}

void gate_reply_ids(const struct config *cfg, const char *buf, const struct wire_head *head,
		    const char *peer, char id[REQID_MAX], char client[NET_ADDR_MAX])
{
	struct xff x = {.len = 0, .overflow = 0};

	if (head)
		reqid_choose(id, buf + head->rid_off, head->rid_len);
	else
		reqid_generate(id);
	x.buf[0] = '\0';
	if (head && cfg->proxies.n)
		wire_head_each(head, buf, "X-Forwarded-For", add_xff, &x);
	/* a list cut short has lost its right end, the only part our proxies
	 * wrote: believe none of it */
	net_client_addr(&cfg->proxies, peer, x.len && !x.overflow ? x.buf : NULL, client);
}

static const char *reason(int status)
{
	switch (status) {
	case 400:
		return "Bad Request";
	case 411:
		return "Length Required";
	case 413:
		return "Content Too Large";
	case 414:
		return "URI Too Long";
	case 431:
		return "Request Header Fields Too Large";
	case 503:
		return "Service Unavailable";
	default:
		return "Error";
	}
}

struct origin {
	char v[256];
	int set;
};

static void get_origin(void *cls, const char *v, size_t n)
{
	struct origin *o = cls;

	if (!o->set && n < sizeof o->v) {
		memcpy(o->v, v, n);
		o->v[n] = '\0';
		o->set = 1;
	}
}

int gate_reply_problem(const struct config *cfg, char *out, size_t cap, enum problem_kind kind,
		       const char *detail, const char *id, const char *buf,
		       const struct wire_head *head, size_t *body_len)
{
	json_t *p = problem_new(kind, id, "%s", detail);
	size_t blen = 0;
	char *body = p ? model_dump(p, &blen) : NULL, cors[400] = "";
	int status = problem_status(kind), n, is_head;
	struct origin o = {.set = 0};

	json_decref(p);
	if (!body)
		return 0;
	if (cfg->cors_any) {
		snprintf(cors, sizeof cors,
			 "Access-Control-Allow-Origin: *\r\n"
			 "Access-Control-Expose-Headers: X-Request-Id\r\n");
	} else {
		if (head)
			wire_head_each(head, buf, "Origin", get_origin, &o);
		if (o.set && config_origin_allowed(cfg, o.v))
			snprintf(cors, sizeof cors,
				 "Access-Control-Allow-Origin: %s\r\n"
				 "Access-Control-Expose-Headers: X-Request-Id\r\nVary: Origin\r\n",
				 o.v);
		else
			snprintf(cors, sizeof cors, "Vary: Origin\r\n");
	}
	is_head = head && head->method_len == 4 && !memcmp(buf, "HEAD", 4);
	n = snprintf(
	    out, cap,
	    "HTTP/1.1 %d %s\r\nContent-Type: application/problem+json\r\n"
	    "Content-Length: %zu\r\nX-Request-Id: %s\r\nX-Content-Type-Options: nosniff\r\n"
	    "%s%sConnection: close\r\n\r\n",
	    status, reason(status), blen, id, cors, status == 503 ? "Retry-After: 1\r\n" : "");
	if (n < 0 || (size_t)n + blen > cap) {
		free(body);
		return 0;
	}
	if (!is_head) {
		memcpy(out + n, body, blen);
		n += (int)blen;
	}
	*body_len = is_head ? 0 : blen;
	free(body);
	return n;
}

/* Whether v[0..n) holds token, in any case. */
static int has_token(const char *v, size_t n, const char *token, size_t k)
{
	size_t i;

	for (i = 0; i + k <= n; i++)
		if (!strncasecmp(v + i, token, k))
			return 1;
	return 0;
}

/* What the gate needs from an answer head h[0..n), in one pass over its
 * lines (it used to take four, and sscanf): Connection holding "close",
 * Transfer-Encoding holding "chunked", the first Content-Length (-1 when
 * none). */
struct head_facts {
	int close, chunked;
	long long length;
};

static void head_scan(const char *h, size_t n, struct head_facts *f)
{
	const char *p = h, *end = h + n;

	f->close = f->chunked = 0;
	f->length = -1;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
		if (len > 10 && p[10] == ':' && !strncasecmp(p, "Connection", 10)) {
			if (has_token(p + 11, len - 11, "close", 5))
				f->close = 1;
		} else if (len > 17 && p[17] == ':' && !strncasecmp(p, "Transfer-Encoding", 17)) {
			if (has_token(p + 18, len - 18, "chunked", 7))
				f->chunked = 1;
		} else if (len > 14 && p[14] == ':' && !strncasecmp(p, "Content-Length", 14)) {
			if (f->length < 0)
				f->length = strtoll(p + 15, NULL, 10);
		}
		p += len + 1;
	}
}

/* The status of "HTTP/1.x NNN ...", or 0. */
static int head_status(const char *h, size_t n)
{
	size_t i = 7;
	int st = 0, digits = 0;

	if (n < 8 || memcmp(h, "HTTP/1.", 7))
		return 0;
	while (i < n && h[i] >= '0' && h[i] <= '9')
		i++;
	if (i == 7)
		return 0;
	while (i < n && (h[i] == ' ' || h[i] == '\t'))
		i++;
	while (i < n && h[i] >= '0' && h[i] <= '9' && digits < 9) {
		st = st * 10 + (h[i++] - '0');
		digits++;
	}
	return digits ? st : 0;
}

/* The blank line ending a head in h[0..n), or NULL: a memchr() per line
 * (memmem() took ~1,200 instructions for a head of a few lines). */
static const char *head_end(const char *h, size_t n)
{
	const char *p = h, *end = h + n;

	while (end - p >= 4 && (p = memchr(p, '\r', (size_t)(end - p) - 3))) {
		if (p[1] == '\n' && p[2] == '\r' && p[3] == '\n')
			return p;
		p++;
	}
	return NULL;
}

size_t gate_reply_head_feed(struct gate_reply_head *rh, char *acc, size_t cap, size_t acc_len,
			    const char *data, size_t n, int is_head)
{
	size_t k = n < cap - acc_len ? n : cap - acc_len;
	const char *end;
	struct head_facts f;
	int st = 0;

	memcpy(acc + acc_len, data, k);
	acc_len += k;
	end = head_end(acc, acc_len);
	if (!end) {
		if (acc_len == cap) {
			/* a head this long is not libmicrohttpd's: end with it */
			rh->done = 1;
			rh->close = 1;
		}
		return acc_len;
	}
	rh->done = 1;
	rh->head_len = (size_t)(end - acc) + 4;
	st = head_status(acc, rh->head_len);
	if (st)
		rh->status = st;
	head_scan(acc, rh->head_len, &f);
	rh->close = f.close;
	if (is_head || st < 200 || st == 204 || st == 304) {
		rh->body = GATE_BODY_NONE;
	} else if (f.chunked) {
		rh->body = GATE_BODY_CHUNKED;
	} else if (f.length >= 0) {
		rh->body = GATE_BODY_LENGTH;
		rh->length = (uint64_t)f.length;
	} else {
		rh->body = GATE_BODY_CLOSE;
		rh->close = 1; /* the body ends with the connection */
	}
	return acc_len;
}
