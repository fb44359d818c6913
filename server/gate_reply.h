/* What the gate writes and reads besides relaying: its own answers (a
 * problem, then close), the ids of a request, and the head of each answer
 * from libmicrohttpd (its status, whether the connection ends with it). */
#ifndef MEETINGD_GATE_REPLY_H
#define MEETINGD_GATE_REPLY_H

#include <stddef.h>
#include <stdint.h>

#include "server/config.h"
#include "server/problem.h"
#include "server/reqid.h"
#include "server/wire.h"

/* The request id (a valid X-Request-Id of the head, else a new one) and the
 * client address (X-Forwarded-For behind --trusted-proxies, else peer) of
 * the request whose head is in buf; head NULL when it is not complete. */
void gate_reply_ids(const struct config *cfg, const char *buf, const struct wire_head *head,
		    const char *peer, char id[REQID_MAX], char client[NET_ADDR_MAX]);

/* Write a whole answer into out (cap bytes): the problem kind with detail,
 * instance id, CORS headers as the service sends them, Connection: close;
 * no body for HEAD. Returns its length (0 when it does not fit); *body_len
 * gets the body's. head may be NULL. */
int gate_reply_problem(const struct config *cfg, char *out, size_t cap, enum problem_kind kind,
		       const char *detail, const char *id, const char *buf,
		       const struct wire_head *head, size_t *body_len);

/* The head of an answer, as its bytes pass, and how its body ends. */
struct gate_reply_head {
	int done;
	int status;
	int close; /* Connection: close, or a body delimited by the close */
	size_t head_len;
	enum { GATE_BODY_NONE, GATE_BODY_LENGTH, GATE_BODY_CHUNKED, GATE_BODY_CLOSE } body;
	uint64_t length;
};

/* Append data[0..n) to acc (acc_len bytes so far, cap at most) and parse the
 * head once its blank line is in; returns the new acc_len. is_head: the
 * request was HEAD (an answer without a body). */
size_t gate_reply_head_feed(struct gate_reply_head *rh, char *acc, size_t cap, size_t acc_len,
			    const char *data, size_t n, int is_head);

#endif
