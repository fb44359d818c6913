/* Inside the gate: what gate.c (the event loop), gate_conn.c (its
 * connections) and gate_link.c (the links shared with the HTTP layer)
 * share. Not for other modules. */
#ifndef MEETINGD_GATE_INT_H
#define MEETINGD_GATE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/socket.h>

#include "server/gate.h"
#include "server/gate_reply.h"
#include "server/wire.h"

struct gate_link {
	atomic_int refs;
	atomic_int cancel;
	atomic_int parts; /* halves in; at 2 the line is written */
	/* the gate's half, written by the gate thread before it counts */
	struct accesslog_record g;
	size_t route_g;
	int aborted;	     /* the client went before the whole answer reached it */
	int cut;	     /* the gate ended it itself (a deadline, the stop) */
	size_t relayed_body; /* answer body bytes that reached the client */
	uint64_t reserved;   /* body memory held for this request */
	int log;	     /* --access-log */
	/* the HTTP layer's half */
	struct accesslog_record h;
	size_t route_h;
	int has_h, h_done;
	struct gate_link *prev, *next; /* live list */
};

/* One per socket pair: the link of the request on its way to
 * libmicrohttpd. */
struct gate_chan {
	atomic_int refs; /* the gate's and libmicrohttpd's */
	_Atomic(struct gate_link *) next;
};

/* The fd-indexed slots and the live list. 0 or -1. */
int gate_links_init(void);
void gate_links_free(void);

/* A new link with two references: the caller's, and the one that
 * gate_chan_post() hands to the channel. */
struct gate_link *gate_link_new(void);

/* A new channel with two references: the caller's, and the slot of the
 * libmicrohttpd-side fd (taken by gate_chan_take()). Dropped with
 * gate_chan_release(). */
struct gate_chan *gate_chan_new(int fd);

/* Give l (its second reference) to ch for the request about to be sent. */
void gate_chan_post(struct gate_chan *ch, struct gate_link *l);

/* Drop a reference without counting a half. */
void gate_link_unref(struct gate_link *l);

/* Whether libmicrohttpd is done with l's request (its half is in). */
int gate_link_server_done(struct gate_link *l);

/* The gate's half is in (fields of l set by the caller). */
void gate_link_gate_half(struct gate_link *l);

/* Reserve n bytes of --max-body-memory (gate thread only): 0, or -1 when
 * full. gate_budget_give() returns them. */
int gate_budget_take(const struct config *cfg, uint64_t n);
void gate_budget_give(uint64_t n);

/* ---- the event loop (gate.c) and its connections (gate_conn.c) ---- */

#define TICK_MS 100
#define GRACE_NS 1000000000ull	   /* an answer may take this long past its deadline */
#define LINGER_NS 2000000000ull	   /* how long the rest of a refused request is read */
#define PAIR_IDLE_NS 1000000000ull /* an idle client's pair is closed after this */
#define OUT_CAP (16 * 1024)
#define RHEAD_CAP 4096
#define IP_BUCKETS 4096
#define SEC 1000000000ull

enum { ST_HEAD, ST_BODY, ST_FORWARD, ST_CLOSING, ST_LINGER };

struct gate_conn;

struct end {
	struct gate_conn *c; /* NULL: the listener (inner 0) or the wake-up (inner 1) */
	int inner;
};

struct ipnode {
	unsigned char key[17];
	int count;
	struct ipnode *next;
};

struct gate_conn {
	struct end ce, ie;
	int fd, inner;		/* inner: the socket pair's end, kept across requests */
	struct gate_chan *chan; /* of the pair, while inner is open */
	int worker;		/* the libmicrohttpd worker serving the pair */
	uint32_t cmask, imask;
	int state, busy, dead, client_eof;
	int inner_eof;	/* the whole answer is in (or libmicrohttpd stopped) */
	int inner_gone; /* libmicrohttpd's end closed, or the pair is not to be reused */
	struct sockaddr_storage addr;
	socklen_t addrlen;
	char peer[NET_ADDR_MAX];
	char rid[REQID_MAX], client[NET_ADDR_MAX]; /* of the current request, once known */
	int ids;
	struct ipnode *ip;
	uint64_t accepted_ns, head_ns, last_ns, linger_until;
	long served;
	char *in;
	size_t in_len, in_cap;
	struct wire_head head;
	struct wire_chunks chunks;
	size_t body_scanned, req_len, fwd_done, fwd_total;
	uint64_t reserved;
	char *out; /* OUT_CAP bytes, then RHEAD_CAP for the answer's head */
	size_t out_off, out_len, rhead_len, relayed;
	struct gate_reply_head rh;
	struct wire_chunks rchunks; /* of a chunked answer */
	uint64_t resp_seen, resp_left;
	struct gate_link *link;
	struct gate_link *last; /* the last answered request's, while the pair is open */
	struct gate_conn *prev, *next;
};

/* A pair's end the gate is done with, held open until libmicrohttpd has
 * finished the request it last answered there: libmicrohttpd notes a
 * request finished one round after its last byte left, and a hang-up seen
 * first ends it with an error (logged 499, though the answer reached the
 * client). */
struct gate_spent {
	int fd, worker;
	struct gate_chan *chan;
	struct gate_link *link;
	uint64_t since;
	struct gate_spent *next;
};

struct gate_state {
	const struct config *cfg;
	struct MHD_Daemon *daemon;
	size_t (*route_of)(const char *path);
	int lfd, ep, wake, spare, port;
	pthread_t thread;
	int running, listening;
	atomic_int draining, stop;
	atomic_long in_flight;
	struct gate_conn *head, *tail, *dead;
	struct gate_spent *spent;
	long nconns;
	struct ipnode *ips[IP_BUCKETS];
	/* socket pairs per libmicrohttpd worker thread: libmicrohttpd 0.9.75
	 * hands an added connection to worker fd % workers */
	long *pairs;
	int workers;
	struct end lend, wend;
	uint64_t now;
};

/* The gate's one state, owned by its thread (gate.c). */
extern struct gate_state gate_g;

/* Set fd's (inner: the socket pair's) epoll interest to mask (0: none). */
void gate_watch(struct gate_conn *c, int inner, uint32_t mask);

/* A new pair for c's requests, kept while the answers allow keep-alive:
 * one libmicrohttpd connection per client connection, not per request.
 * 0, or -1 (nothing to undo). */
int gate_pair_open(struct gate_conn *c);

/* Close the gate's end of c's socket pair: libmicrohttpd reads EOF and ends
 * its connection (a request already in its socket is still served, with
 * its cancel flag set, and logged when both halves are in). After a whole
 * answer, the end waits among the spent ones until libmicrohttpd has
 * finished that request. */
void gate_inner_close(struct gate_conn *c);

/* Close the spent pair ends whose request libmicrohttpd has finished (or
 * that waited past a second; all of them when all is set). */
void gate_spent_close(int all);

/* Close c and everything it holds; freed after the current round. */
void gate_close_conn(struct gate_conn *c);

/* A deadline passed: log 408 and close without an answer. */
void gate_cut(struct gate_conn *c);

/* End the gate's side of c's request at libmicrohttpd: status 0 when the
 * client went (logged 499), else the status to log. */
void gate_drop_link(struct gate_conn *c, int status);

/* Events on the client socket and on the socket pair. */
void gate_on_client(struct gate_conn *c, uint32_t ev);
void gate_on_inner(struct gate_conn *c, uint32_t ev);

/* One less connection from c's address (gate.c). */
void gate_ip_drop(struct gate_conn *c);

#endif
