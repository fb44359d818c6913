/* The HTTP layer: the libmicrohttpd daemon behind the gate (server/gate.h),
 * per-request state, body accumulation, request ids, CORS, the work bound
 * of each request and drain. The routes come from the caller
 * (cli/main.c composes them from handlers/); handlers see only struct
 * request and the http_reply_* helpers below and return the HTTP status.
 */
#ifndef MEETINGD_HTTP_H
#define MEETINGD_HTTP_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "server/config.h"
#include "server/net.h"
#include "server/problem.h"
#include "server/reqid.h"

/* Files compiled into the binary by tools/embed.sh (build/gen/embedded_files.c):
 * openapi.yaml and the web/ files, terminated by a {NULL, NULL, 0} entry. */
struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct embedded_file embedded_files[];

struct request;
struct gate_link;

/* What a handler produces: a status and a response it created (ownership
 * passes to the HTTP layer, which queues and destroys it). */
struct http_reply {
	int status;
	struct MHD_Response *resp;
	size_t body_len;
	const char *allow;   /* Allow header for 405 (static string) */
	const char *problem; /* the problem type's slug when it is one (static), for the log */
};

typedef int (*http_handler_fn)(struct request *req, struct http_reply *out);

/* Methods of a route. */
enum { HTTP_GET = 1 << 0, HTTP_HEAD = 1 << 1, HTTP_POST = 1 << 2 };

/* One route: an exact path, or a prefix when prefix is set. */
struct http_route {
	const char *path;
	int prefix;
	int methods;	   /* HTTP_* bits */
	const char *allow; /* Allow header */
	const char *label; /* metrics label */
	http_handler_fn handler;
	int offload; /* run on the parse pool, never on a libmicrohttpd thread */
	/* offload routes: a body of at most this many bytes (0: none) runs on
	 * the libmicrohttpd thread instead, while that thread's share of such
	 * work stays within its budget (http_flow.c) */
	size_t inline_max;
};

/* One request, from its request line to its completion callback. Freed when
 * the last reference goes (the completion callback holds one; a streamed
 * response or a pool job may hold another). */
struct request {
	atomic_int refs;
	const struct config *cfg;
	struct MHD_Connection *conn;
	const struct http_route *route;
	char method[16];
	char path[256]; /* raw path, query stripped, truncated */
	char id[REQID_MAX];
	char remote[NET_ADDR_MAX];
	char client[NET_ADDR_MAX];
	uint64_t start_ns;
	uint64_t deadline_ns; /* of the work: start + --request-timeout */
	struct gate_link *link;
	atomic_int own_cancel; /* when there is no link */

	/* body: owned buffer, or NULL once taken by http_take_body() */
	char *body;
	size_t body_len, body_cap;
	size_t bytes_in;
	atomic_size_t bytes_out;

	/* internal to the HTTP layer */
	int started, queued, discard, suspended;
	atomic_int reply_ready;
	struct http_reply reply; /* produced on the pool */
	int pending; /* a problem decided from the headers, sent once the body is drained */
	enum problem_kind pending_kind;
	char pending_detail[200];
	int status;
	const char *problem;
	struct request *prev, *next;
};

/* Start the daemon and the gate on cfg with the given routes (both borrowed
 * for the daemon's lifetime). 0 or -1 with a message in err. */
int http_start(const struct config *cfg, const struct http_route *routes, size_t nroutes, char *err,
	       size_t errlen);

/* The port actually bound (useful with --port 0). */
int http_port(void);

/* Enter drain: /readyz turns 503, new connections are refused, responses
 * carry Connection: close. */
void http_begin_drain(void);

/* 1 while draining. */
int http_draining(void);

/* Requests received in part or whole and not yet answered. */
long http_in_flight(void);

/* Cancel the work of every request (the drain deadline). */
void http_cancel_all(void);

/* Stop the daemon (closing whatever is left) and free everything. Returns
 * -1 without stopping libmicrohttpd when a parse is still running after
 * timeout_s (the process must then exit as it is), else 0. */
int http_stop(double timeout_s);

/* Metrics route index of a path (the unmatched label when none). */
size_t http_route_index(const char *path);

/* Value of a request header (borrowed, valid during the request) or NULL.
 * A value holding a NUL byte never gets here (the gate refuses it). */
const char *http_header(const struct request *req, const char *name);

/* Take ownership of the body (free() it); *len gets its length. */
char *http_take_body(struct request *req, size_t *len);

/* Hold / release a reference on req (for a streamed response). */
void http_request_ref(struct request *req);
void http_request_unref(struct request *req);

/* The request's work bound for the model: its deadline and cancel flag. */
void http_work_bound(const struct request *req, uint64_t *deadline_ns, const atomic_int **cancel);

/* Run fn(arg) on the parse pool with req's connection suspended, resumed
 * when fn returns. Only from a libmicrohttpd callback of req (a content
 * reader). 0, or -1 when there is no pool (the caller runs fn itself). */
int http_offload(struct request *req, void (*fn)(void *arg), void *arg);

/* Reply with a JSON value serialised by model_dump() (value borrowed). */
int http_reply_json(struct http_reply *out, int status, const json_t *value);

/* Reply with a ready problem object (borrowed) as application/problem+json;
 * the status is its "status" member. */
int http_reply_problem_object(struct http_reply *out, const json_t *problem);

/* Reply with bytes: data is copied when copy, else it must be static. */
int http_reply_bytes(struct http_reply *out, int status, const char *content_type, const void *data,
		     size_t len, int copy);

/* Reply with malloc'ed bytes that MHD frees. */
int http_reply_owned(struct http_reply *out, int status, const char *content_type, char *data,
		     size_t len);

/* Reply with an application/problem+json body of that kind; detail is
 * printf-style (sanitize client input with problem_sanitize()). */
int http_reply_problem(struct request *req, struct http_reply *out, enum problem_kind kind,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reply with a stream of unknown length (chunked): see
 * MHD_create_response_from_callback(); cls belongs to the response and is
 * released by free_cb. */
int http_reply_stream(struct http_reply *out, int status, const char *content_type,
		      MHD_ContentReaderCallback read_cb, void *cls,
		      MHD_ContentReaderFreeCallback free_cb);

/* Nanoseconds on the monotonic clock. */
uint64_t http_now_ns(void);

#endif
