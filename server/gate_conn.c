/* The gate's connections: reading each request whole and strictly,
 * answering what the gate refuses, handing the rest to libmicrohttpd and
 * relaying its answer (see gate.c for the states). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "server/gate_int.h"
#include "server/metrics.h"

#define G gate_g

/* ---- bookkeeping ---- */

static void set_busy(struct gate_conn *c, int b)
{
	if (c->busy != b) {
		c->busy = b;
		atomic_fetch_add(&G.in_flight, b ? 1 : -1);
	}
}

void gate_watch(struct gate_conn *c, int inner, uint32_t mask)
{
	struct epoll_event ev = {.events = mask};
	uint32_t *cur = inner ? &c->imask : &c->cmask;
	int fd = inner ? c->inner : c->fd;

	if (fd < 0 || *cur == mask)
		return;
	ev.data.ptr = inner ? &c->ie : &c->ce;
	epoll_ctl(G.ep, *cur ? (mask ? EPOLL_CTL_MOD : EPOLL_CTL_DEL) : EPOLL_CTL_ADD, fd, &ev);
	*cur = mask;
}

/* ---- logging what the gate decides alone ---- */

static void request_line_fields(struct gate_conn *c, struct accesslog_record *r)
{
	if (c->head.line_len) {
		size_t m = c->head.method_len < sizeof r->method - 1 ? c->head.method_len
								     : sizeof r->method - 1;
		size_t n = c->head.target_len, q;
		memcpy(r->method, c->in, m);
		r->method[m] = '\0';
		for (q = 0; q < n && c->in[c->head.target_off + q] != '?'; q++)
			;
		n = q < sizeof r->path - 1 ? q : sizeof r->path - 1;
		memcpy(r->path, c->in + c->head.target_off, n);
		r->path[n] = '\0';
	}
}

static void record_base(struct gate_conn *c, struct accesslog_record *r, int status)
{
	memset(r, 0, sizeof *r);
	if (!c->ids) {
		/* once per request, so the answer and its log line agree */
		gate_reply_ids(G.cfg, c->in, c->head.len ? &c->head : NULL, c->peer, c->rid,
			       c->client);
		c->ids = 1;
	}
	memcpy(r->id, c->rid, sizeof r->id);
	memcpy(r->client, c->client, sizeof r->client);
	net_copy(r->remote, c->peer, sizeof r->remote);
	request_line_fields(c, r);
	r->status = status;
	r->start_ns = c->head_ns ? c->head_ns : c->accepted_ns;
	r->end_ns = G.now;
	if (c->head.len && c->in_len > c->head.len)
		r->bytes_in = c->in_len - c->head.len;
}

/* A line for a request the gate ended itself (its request line known). */
static void log_alone(struct gate_conn *c, int status, size_t bytes_out, const char *problem)
{
	struct accesslog_record r;

	if (!c->head.line_len)
		return;
	record_base(c, &r, status);
	r.bytes_out = bytes_out;
	r.problem = problem;
	metrics_record(G.route_of(r.path), r.method, status, (double)(r.end_ns - r.start_ns) / 1e9,
		       r.bytes_in, r.bytes_out);
	if (G.cfg->access_log)
		accesslog_write(&r);
}

/* ---- closing ---- */

void gate_close_conn(struct gate_conn *c)
{
	if (c->dead)
		return;
	gate_watch(c, 0, 0);
	close(c->fd);
	gate_inner_close(c);
	gate_budget_give(c->reserved);
	c->reserved = 0;
	gate_ip_drop(c);
	set_busy(c, 0);
	if (c->prev)
		c->prev->next = c->next;
	else
		G.head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		G.tail = c->prev;
	G.nconns--;
	c->dead = 1;
	/* freed after this round of events, which may still name it */
	c->next = G.dead;
	G.dead = c;
}

/* The request at libmicrohttpd ends on the gate's side: status 0 when the
 * client went (499), else the status the gate logs it with. */
void gate_drop_link(struct gate_conn *c, int status)
{
	struct gate_link *l = c->link;

	if (!l)
		return;
	atomic_store(&l->cancel, 1);
	l->aborted = status == 0;
	l->cut = status != 0;
	l->g.status = status;
	l->relayed_body = c->relayed > c->rh.head_len ? c->relayed - c->rh.head_len : 0;
	l->g.end_ns = G.now;
	gate_link_gate_half(l);
	gate_link_unref(l);
	c->link = NULL;
}

/* The client went away (reset, or EOF before its request was whole). */
static void client_gone(struct gate_conn *c)
{
	if (c->state == ST_FORWARD)
		gate_drop_link(c, 0);
	else if (c->state == ST_HEAD || c->state == ST_BODY)
		log_alone(c, 499, 0, NULL);
	gate_close_conn(c);
}

/* A deadline passed: the connection is closed without an answer. */
void gate_cut(struct gate_conn *c)
{
	metrics_count(METRICS_CUT);
	if (c->state == ST_FORWARD)
		gate_drop_link(c, 408);
	else if (c->state == ST_HEAD || c->state == ST_BODY)
		log_alone(c, 408, 0, NULL);
	gate_close_conn(c);
}

static void linger(struct gate_conn *c)
{
	shutdown(c->fd, SHUT_WR);
	c->state = ST_LINGER;
	c->linger_until = G.now + LINGER_NS;
	set_busy(c, 0);
	gate_watch(c, 0, EPOLLIN | EPOLLRDHUP);
}

/* ---- writing to the client ---- */

static int out_alloc(struct gate_conn *c)
{
	if (!c->out)
		c->out = malloc(OUT_CAP + RHEAD_CAP);
	return c->out ? 0 : -1;
}

static void finish_response(struct gate_conn *c);

/* Send what is buffered; 0, or -1 when the connection was closed. */
static int flush_out(struct gate_conn *c)
{
	while (c->out_off < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
		if (n > 0) {
			c->out_off += (size_t)n;
			if (c->state == ST_FORWARD)
				c->relayed += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			gate_watch(c, 0, (c->cmask | EPOLLOUT));
			return 0;
		}
		client_gone(c);
		return -1;
	}
	c->out_off = c->out_len = 0;
	gate_watch(c, 0, c->cmask & ~(uint32_t)EPOLLOUT);
	if (c->state == ST_CLOSING)
		linger(c);
	else if (c->state == ST_FORWARD && c->inner_eof)
		finish_response(c);
	else if (c->state == ST_FORWARD)
		gate_watch(c, 1,
			   EPOLLIN | EPOLLRDHUP | (c->fwd_done < c->fwd_total ? EPOLLOUT : 0u));
	return 0;
}

/* The gate's own answer: a problem, then close. */
static void answer(struct gate_conn *c, enum problem_kind kind, const char *detail)
{
	struct accesslog_record r;
	size_t body = 0;
	int n;

	if (out_alloc(c)) {
		gate_close_conn(c);
		return;
	}
	record_base(c, &r, problem_status(kind));
	n = gate_reply_problem(G.cfg, c->out, OUT_CAP, kind, detail, r.id, c->in, &c->head, &body);
	if (n <= 0) {
		gate_close_conn(c);
		return;
	}
	log_alone(c, problem_status(kind), body, problem_slug(kind));
	gate_budget_give(c->reserved);
	c->reserved = 0;
	c->out_off = 0;
	c->out_len = (size_t)n;
	c->state = ST_CLOSING;
	set_busy(c, 1);
	gate_watch(c, 0, EPOLLOUT);
	flush_out(c);
}

/* ---- handing the request on ---- */

static void forward_more(struct gate_conn *c)
{
	const struct wire_head *h = &c->head;
	size_t a_end = h->expect_continue ? h->expect_off : c->req_len,
	       b_start = h->expect_continue ? h->expect_off + h->expect_len : c->req_len;

	while (c->fwd_done < c->fwd_total) {
		struct iovec iov[2];
		int k = 0;
		ssize_t n;

		if (c->fwd_done < a_end) {
			iov[k].iov_base = c->in + c->fwd_done;
			iov[k++].iov_len = a_end - c->fwd_done;
			iov[k].iov_base = c->in + b_start;
			iov[k++].iov_len = c->req_len - b_start;
		} else {
			iov[k].iov_base = c->in + b_start + (c->fwd_done - a_end);
			iov[k++].iov_len = c->fwd_total - c->fwd_done;
		}
		n = writev(c->inner, iov, k);
		if (n > 0) {
			c->fwd_done += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			gate_watch(c, 1, c->imask | EPOLLOUT);
			return;
		}
		/* it answered early and closed */
		c->fwd_done = c->fwd_total;
		c->inner_gone = 1;
	}
	gate_watch(c, 1, c->imask & ~(uint32_t)EPOLLOUT);
}

static void start_forward(struct gate_conn *c)
{
	struct gate_link *l;

	if (out_alloc(c)) {
		answer(c, PROBLEM_UNAVAILABLE,
		       "The server is out of resources for this request; try again.");
		return;
	}
	if (c->inner < 0 && gate_pair_open(c)) {
		answer(c, PROBLEM_UNAVAILABLE, "The server is out of resources; try again.");
		return;
	}
	l = gate_link_new();
	if (!l) {
		answer(c, PROBLEM_UNAVAILABLE, "The server is out of memory; try again.");
		return;
	}
	if (c->last) {
		gate_link_unref(c->last); /* the pair goes on: nothing to wait for */
		c->last = NULL;
	}
	record_base(c, &l->g, 0);
	l->route_g = G.route_of(l->g.path);
	l->log = G.cfg->access_log;
	l->reserved = c->reserved; /* released when the request is logged */
	c->reserved = 0;
	c->link = l;
	/* before the first byte: libmicrohttpd takes it with the request line */
	gate_chan_post(c->chan, l);
	c->inner_eof = c->inner_gone = 0;
	c->fwd_done = 0;
	c->fwd_total = c->req_len - (c->head.expect_continue ? c->head.expect_len : 0);
	c->out_off = c->out_len = c->rhead_len = c->relayed = 0;
	c->resp_seen = c->resp_left = 0;
	memset(&c->rh, 0, sizeof c->rh);
	memset(&c->rchunks, 0, sizeof c->rchunks);
	c->state = ST_FORWARD;
	/* the client's interest stays as it is: bytes it pipelines are left in
	 * the kernel (gate_on_client() stops watching them, the rare case) */
	forward_more(c);
}

/* ---- reading the request ---- */

static void process_input(struct gate_conn *c);

static void head_done(struct gate_conn *c)
{
	const struct wire_head *h = &c->head;
	const struct config *cfg = G.cfg;
	char detail[160];

	if (h->content_lengths && h->content_length > cfg->max_body) {
		/* refused before the body is read, whatever the route */
		snprintf(detail, sizeof detail, "The body is %llu bytes; the limit is %zu bytes.",
			 (unsigned long long)h->content_length, cfg->max_body);
		answer(c, PROBLEM_BODY_TOO_LARGE, detail);
		return;
	}
	if (h->content_lengths && h->content_length && gate_budget_take(cfg, h->content_length)) {
		metrics_count(METRICS_REFUSED_MEMORY);
		answer(c, PROBLEM_OVERLOADED,
		       "The server holds as many request bodies as its memory limit allows; "
		       "try again in a moment.");
		return;
	}
	if (h->content_lengths)
		c->reserved = h->content_length;
	if (h->expect_continue && (h->chunked || h->content_length) && c->in_len == h->len &&
	    !out_alloc(c)) {
		static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
		memcpy(c->out, cont, sizeof cont - 1);
		c->out_off = 0;
		c->out_len = sizeof cont - 1;
		flush_out(c);
		if (c->dead)
			return;
	}
	c->state = ST_BODY;
	c->body_scanned = 0;
}

static void body_progress(struct gate_conn *c)
{
	const struct wire_head *h = &c->head;
	const struct config *cfg = G.cfg;
	char why[200];

	if (h->chunked) {
		size_t used = 0, avail = c->in_len - h->len - c->body_scanned;
		enum wire_status st =
		    wire_chunks_feed(&c->chunks, c->in + h->len + c->body_scanned, avail,
				     cfg->max_body, &used, why, sizeof why);
		c->body_scanned += used;
		if (st == WIRE_BAD) {
			answer(c, PROBLEM_BAD_REQUEST, why);
			return;
		}
		if (st == WIRE_TOO_LARGE || c->body_scanned > 2 * cfg->max_body + 4096) {
			char d[160];
			snprintf(d, sizeof d, "The body exceeds the limit of %zu bytes.",
				 cfg->max_body);
			answer(c, PROBLEM_BODY_TOO_LARGE, d);
			return;
		}
		/* the raw bytes are what memory holds */
		if (c->body_scanned > c->reserved) {
			if (gate_budget_take(cfg, c->body_scanned - c->reserved)) {
				metrics_count(METRICS_REFUSED_MEMORY);
				answer(c, PROBLEM_OVERLOADED,
				       "The server holds as many request bodies as its memory "
				       "limit allows; try again in a moment.");
				return;
			}
			c->reserved = c->body_scanned;
		}
		if (st == WIRE_MORE)
			return;
		c->req_len = h->len + c->body_scanned;
	} else {
		if (c->in_len - h->len < h->content_length)
			return;
		c->req_len = h->len + (size_t)h->content_length;
	}
	start_forward(c);
}

static void process_input(struct gate_conn *c)
{
	enum wire_status st;

	if (c->state == ST_HEAD) {
		if (!c->head.scanned) {
			/* RFC 9112: ignore empty lines before a request line */
			size_t k = 0;
			while (k + 1 < c->in_len && c->in[k] == '\r' && c->in[k + 1] == '\n')
				k += 2;
			if (k) {
				memmove(c->in, c->in + k, c->in_len - k);
				c->in_len -= k;
			}
		}
		if (!c->in_len)
			return;
		if (!c->busy) {
			set_busy(c, 1);
			if (c->served)
				c->head_ns = G.now;
		}
		st = wire_head_feed(&c->head, c->in, c->in_len);
		if (st == WIRE_MORE)
			return;
		if (st != WIRE_DONE) {
			static const enum problem_kind kinds[] = {
			    [WIRE_BAD] = PROBLEM_BAD_REQUEST,
			    [WIRE_LENGTH] = PROBLEM_LENGTH_REQUIRED,
			    [WIRE_TOO_LARGE] = PROBLEM_BODY_TOO_LARGE,
			    [WIRE_URI_TOO_LONG] = PROBLEM_URI_TOO_LONG,
			    [WIRE_HEAD_TOO_LARGE] = PROBLEM_HEADERS_TOO_LARGE,
			};
			answer(c, kinds[st], c->head.why);
			return;
		}
		head_done(c);
		if (c->dead || c->state != ST_BODY)
			return;
	}
	if (c->state == ST_BODY)
		body_progress(c);
}

/* Room for the next read: the head's limit, or what the body needs. */
static int grow_in(struct gate_conn *c)
{
	size_t want = c->in_cap ? c->in_cap * 2 : 4096, max = WIRE_MAX_HEAD + 4;

	if (c->state == ST_BODY) {
		max = c->head.len + (c->head.chunked ? 2 * G.cfg->max_body + 8192
						     : (size_t)c->head.content_length);
		if (!c->head.chunked)
			want = max;
	}
	if (want > max)
		want = max;
	if (want <= c->in_cap) {
		if (c->state != ST_BODY || c->head.chunked)
			return -1;
		return 0;
	}
	{
		char *p = realloc(c->in, want);
		if (!p)
			return -1;
		c->in = p;
		c->in_cap = want;
	}
	return 0;
}

static void read_client(struct gate_conn *c)
{
	for (;;) {
		ssize_t n;

		if (c->in_len == c->in_cap && grow_in(c)) {
			if (c->in_len >= c->in_cap) {
				/* a head that outgrew its limit is answered by the
				 * scan; anything else here is out of memory */
				process_input(c);
				if (!c->dead && (c->state == ST_HEAD || c->state == ST_BODY))
					gate_close_conn(c);
				return;
			}
		}
		n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len, 0);
		if (n > 0) {
			c->in_len += (size_t)n;
			c->last_ns = G.now;
			process_input(c);
			if (c->dead || (c->state != ST_HEAD && c->state != ST_BODY))
				return;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n == 0 && c->state == ST_HEAD && !c->busy) {
			gate_close_conn(c); /* an idle keep-alive (or silent) client leaves */
			return;
		}
		/* EOF, or a reset, before the request was whole: close at once
		 * instead of holding a slot for a request that cannot come */
		client_gone(c);
		return;
	}
}

/* ---- the answer from libmicrohttpd ---- */

static void finish_response(struct gate_conn *c)
{
	struct gate_link *l = c->link;
	int close_after;

	if (l) {
		l->g.status = c->rh.status ? c->rh.status : 500;
		l->relayed_body = c->relayed > c->rh.head_len ? c->relayed - c->rh.head_len : 0;
		l->g.end_ns = G.now;
		gate_link_gate_half(l);
		/* kept while the pair is open: closing it waits for the
		 * server's half (struct gate_spent) */
		if (c->last)
			gate_link_unref(c->last);
		c->last = l;
		c->link = NULL;
	}
	c->served++;
	/* the answer's own Connection header decides, also in a drain: an
	 * answer that promised keep-alive (it left before the drain began)
	 * may have a next request already on its way, which is then served
	 * with Connection: close instead of lost */
	close_after = c->rh.close || !c->rh.status || c->head.conn_close ||
		      (c->head.minor == 0 && !c->head.conn_keep_alive) || c->client_eof;
	/* the pair serves the next request only after a whole final answer
	 * to a whole request, with libmicrohttpd keeping its end */
	if (close_after || c->inner_gone || c->rh.status < 200 || c->fwd_done < c->fwd_total)
		gate_inner_close(c);
	if (close_after) {
		linger(c);
		return;
	}
	/* keep-alive: what the client sent past this request is the next */
	memmove(c->in, c->in + c->req_len, c->in_len - c->req_len);
	c->in_len -= c->req_len;
	memset(&c->head, 0, sizeof c->head);
	memset(&c->chunks, 0, sizeof c->chunks);
	c->req_len = c->body_scanned = 0;
	c->ids = 0;
	/* the answer buffer stays for the next request (a 20 KiB malloc and
	 * free a request, and the consolidation of the heap's small chunks
	 * that such a malloc sets off, cost ~1,000 instructions); a client
	 * that keeps quiet gives it back with its pair (gate.c, sweep()) */
	c->state = ST_HEAD;
	c->head_ns = 0;
	c->last_ns = G.now;
	set_busy(c, 0);
	if (c->in_cap > 65536 && c->in_len < 4096) {
		char *p = realloc(c->in, 4096);
		if (p) {
			c->in = p;
			c->in_cap = 4096;
		}
	}
	gate_watch(c, 0, EPOLLIN | EPOLLRDHUP);
	process_input(c);
}

/* n answer bytes just read at p: 1 once the answer is complete (*keep
 * gets how many of them belong to it), else 0. */
static int answer_ends(struct gate_conn *c, const char *p, size_t n, size_t *keep)
{
	size_t off = 0, used = 0;
	char why[80];

	if (!c->rh.done) {
		c->rhead_len =
		    gate_reply_head_feed(&c->rh, c->out + OUT_CAP, RHEAD_CAP, c->rhead_len, p, n,
					 c->head.method_len == 4 && !memcmp(c->in, "HEAD", 4));
		if (!c->rh.done)
			return 0;
		off = c->rh.head_len > c->resp_seen ? (size_t)(c->rh.head_len - c->resp_seen) : 0;
		if (off > n)
			off = n;
		c->resp_left = c->rh.length;
	}
	*keep = n;
	switch (c->rh.body) {
	case GATE_BODY_NONE:
		*keep = off;
		return 1;
	case GATE_BODY_LENGTH:
		if (n - off < c->resp_left) {
			c->resp_left -= n - off;
			return 0;
		}
		*keep = off + (size_t)c->resp_left;
		c->resp_left = 0;
		return 1;
	case GATE_BODY_CHUNKED:
		switch (wire_chunks_feed(&c->rchunks, p + off, n - off, UINT64_MAX, &used, why,
					 sizeof why)) {
		case WIRE_MORE:
			return 0;
		case WIRE_DONE:
			break;
		default:
			c->inner_gone = 1; /* not chunked after all: end here */
			break;
		}
		*keep = off + used;
		return 1;
	default:
		return 0; /* until libmicrohttpd closes */
	}
}

static void relay_in(struct gate_conn *c)
{
	while (!c->inner_eof && c->out_len < OUT_CAP) {
		ssize_t n = read(c->inner, c->out + c->out_len, OUT_CAP - c->out_len);
		if (n > 0) {
			size_t keep = (size_t)n;
			int ends = answer_ends(c, c->out + c->out_len, (size_t)n, &keep);
			c->resp_seen += (size_t)n;
			c->out_len += keep;
			if (ends)
				c->inner_eof = 1; /* the whole answer is in */
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		c->inner_eof = c->inner_gone = 1; /* EOF or reset: libmicrohttpd is done */
	}
	/* a full buffer waits for the client: out of the epoll set meanwhile,
	 * since a hang-up is reported whatever the interest */
	if (c->out_len >= OUT_CAP && !c->inner_eof)
		gate_watch(c, 1, 0);
	flush_out(c);
}

/* ---- events ---- */

void gate_on_client(struct gate_conn *c, uint32_t ev)
{
	if (ev & EPOLLERR) {
		client_gone(c);
		return;
	}
	if ((ev & EPOLLOUT) && c->out_len && flush_out(c))
		return;
	if (c->dead)
		return;
	switch (c->state) {
	case ST_HEAD:
	case ST_BODY:
		if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP))
			read_client(c);
		break;
	case ST_FORWARD:
		if (ev & EPOLLHUP) {
			client_gone(c);
		} else if (ev & EPOLLRDHUP) {
			/* a half-close after a whole request: it still reads the
			 * answer, then the connection ends */
			c->client_eof = 1;
			gate_watch(c, 0, c->cmask & ~(uint32_t)(EPOLLRDHUP | EPOLLIN));
		} else if (ev & EPOLLIN) {
			/* a pipelined request: it waits in the kernel until this
			 * answer is out; only the client's EOF is watched */
			gate_watch(c, 0, c->cmask & ~(uint32_t)EPOLLIN);
		}
		break;
	case ST_CLOSING:
		if (ev & EPOLLHUP)
			gate_close_conn(c);
		break;
	case ST_LINGER: {
		char sink[4096];
		ssize_t n;
		while ((n = recv(c->fd, sink, sizeof sink, 0)) > 0)
			;
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
			gate_close_conn(c);
		break;
	}
	}
}

void gate_on_inner(struct gate_conn *c, uint32_t ev)
{
	if (c->state != ST_FORWARD || c->inner_eof) {
		/* nothing is due from libmicrohttpd: it closed its end (or
		 * spoke out of turn); the next request gets a new pair */
		gate_inner_close(c);
		return;
	}
	if ((ev & EPOLLOUT) && c->fwd_done < c->fwd_total)
		forward_more(c);
	if (!c->dead && (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
		relay_in(c);
}
