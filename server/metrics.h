/* Prometheus metrics (text format 0.0.4), lock-free: relaxed atomic
 * counters in fixed arrays sized at start, so recording a request costs a
 * handful of atomic adds and no allocation. */
#ifndef MEETINGD_METRICS_H
#define MEETINGD_METRICS_H

#include <stddef.h>

/* Allocate the counters for nroutes route labels (borrowed; must outlive
 * the process's use of metrics). 0 or -1 (no memory). */
int metrics_init(const char *const *route_names, size_t nroutes);

/* Free the counters. */
void metrics_free(void);

/* Count one finished request. method may be NULL (request never parsed). */
void metrics_record(size_t route, const char *method, int status, double seconds, size_t bytes_in,
		    size_t bytes_out);

/* Adjust the in-flight gauge by delta. */
void metrics_in_flight_add(int delta);

/* Current in-flight requests. */
long metrics_in_flight(void);

/* Events counted besides requests. */
enum metrics_event {
	METRICS_REFUSED_LIMIT,	/* connection over --max-connections */
	METRICS_REFUSED_CLIENT, /* connection over --max-client-connections */
	METRICS_EVICTED, /* a connection still sending its first head, closed for a newcomer */
	METRICS_REFUSED_MEMORY, /* request refused: --max-body-memory full */
	METRICS_CUT,		/* request cut at its deadline */
	METRICS_EVENT_COUNT,
};

/* Count one event. */
void metrics_count(enum metrics_event e);

/* Adjust the gauge of request body bytes held in memory by delta. */
void metrics_buffered_add(long long delta);

/* Render the exposition text; returns malloc'ed memory (caller frees),
 * length in *len. NULL on allocation failure. */
char *metrics_render(size_t *len);

#endif
