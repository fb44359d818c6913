/* The gate: meetingd's listening socket and every client connection, in one
 * event-loop thread in front of libmicrohttpd.
 *
 * It reads each request whole (head and body) before libmicrohttpd sees a
 * byte of it, checking the framing strictly (server/wire.h), and enforces
 * what libmicrohttpd 0.9.75 cannot: a deadline for the head, the client's
 * EOF on a half-sent request, a limit per client address, the total of
 * buffered bodies, room for newcomers while a crowd trickles heads. A
 * complete request goes to libmicrohttpd over a socket pair
 * (MHD_add_connection()), and its answer is relayed back. The pair lasts as
 * long as the client's connection, one request at a time, unless an answer
 * ends it; keep-alive with the client is the gate's.
 *
 * Each request handed on carries a link (struct gate_link), shared with the
 * HTTP layer: the cancel flag and start time of its work bound, and the two
 * halves of its access log line (what the server answered, what reached
 * the client), written by whichever side finishes last.
 */
#ifndef MEETINGD_GATE_H
#define MEETINGD_GATE_H

#include <microhttpd.h>
#include <stdatomic.h>
#include <stdint.h>

#include "server/accesslog.h"
#include "server/config.h"

struct gate_link;

/* Listen on cfg's address and serve into daemon (started with
 * MHD_USE_NO_LISTEN_SOCKET). route_of maps a path to its metrics route.
 * cfg and daemon are borrowed until gate_stop(). 0, or -1 with err. */
int gate_start(const struct config *cfg, struct MHD_Daemon *daemon,
	       size_t (*route_of)(const char *path), char *err, size_t errlen);

/* The port bound (useful with --port 0), or -1. */
int gate_port(void);

/* Stop accepting (new connections are refused), close connections once
 * their current answer is out. */
void gate_begin_drain(void);

/* Requests the gate holds: being received, handed on or being answered. */
long gate_in_flight(void);

/* Set the cancel flag of every request handed on (the drain deadline). */
void gate_cancel_all(void);

/* Stop the thread and close every connection. */
void gate_stop(void);

/* Free what is left once libmicrohttpd is stopped too. */
void gate_free(void);

struct gate_chan;

/* The channel of the libmicrohttpd-side socket fd, taken over by the caller
 * (one reference, dropped with gate_chan_release()), or NULL. */
struct gate_chan *gate_chan_take(int fd);

/* The link of the request whose line just arrived on ch, taken over by the
 * caller (one reference, dropped with gate_link_release()), or NULL. */
struct gate_link *gate_chan_link(struct gate_chan *ch);

/* Drop a reference to ch; the last one releases a link never taken. */
void gate_chan_release(struct gate_chan *ch);

/* Drop the caller's reference; a request that never completed is logged
 * from what the gate knows. */
void gate_link_release(struct gate_link *l);

/* The request's cancel flag (set when its client goes, at its deadline or
 * at the drain deadline) and its start (first byte, CLOCK_MONOTONIC ns). */
const atomic_int *gate_link_cancel(const struct gate_link *l);
uint64_t gate_link_start_ns(const struct gate_link *l);

/* The request's id as the gate chose it from the same head: the client's
 * X-Request-Id when safe (reqid_choose()), else a new one. */
const char *gate_link_id(const struct gate_link *l);

/* The client's address as the gate saw it (the peer of its socket). */
const char *gate_link_remote(const struct gate_link *l);

/* The server's half of the access log line (copied); route is its metrics
 * route. */
void gate_link_complete(struct gate_link *l, const struct accesslog_record *r, size_t route);

#endif
