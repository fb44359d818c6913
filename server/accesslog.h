/* The access log: one JSON line per request on stdout, written by a thread
 * of its own from a bounded buffer, so that no worker ever waits for the
 * reader of stdout. When the reader stalls and the buffer is full, lines
 * are dropped and counted (meetingd_access_log_dropped_total). */
#ifndef MEETINGD_ACCESSLOG_H
#define MEETINGD_ACCESSLOG_H

#include <stddef.h>
#include <stdint.h>

#include "server/net.h"
#include "server/reqid.h"

/* What one log line says about a request. */
struct accesslog_record {
	char id[REQID_MAX];
	char remote[NET_ADDR_MAX];
	char client[NET_ADDR_MAX];
	char method[16]; /* "" when the request line never arrived */
	char path[256];	 /* raw path, query stripped, truncated */
	int status;
	size_t bytes_in, bytes_out;
	uint64_t start_ns, end_ns; /* CLOCK_MONOTONIC */
	const char *problem;	   /* the problem type's slug, static, or NULL */
};

/* Start the writer on stdout with room for cap bytes of lines. 0 or -1. */
int accesslog_start(size_t cap);

/* Format r and queue the line; never blocks on I/O (drops when full). */
void accesslog_write(const struct accesslog_record *r);

/* Wait up to timeout_s for queued lines to be written, then stop the
 * writer (left running, detached, when stdout is stalled). */
void accesslog_stop(double timeout_s);

/* Lines dropped so far. */
unsigned long long accesslog_dropped(void);

#endif
