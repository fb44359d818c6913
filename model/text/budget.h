/* The work bound of one parse: a deadline on the monotonic clock and a
 * cancel flag (model_options), polled at bounded intervals by every stage;
 * once either trips, every later check says stop and the stage unwinds. */
#ifndef MEETINGD_TEXT_BUDGET_H
#define MEETINGD_TEXT_BUDGET_H

#include <stdatomic.h>
#include <stdint.h>

typedef struct budget {
	uint64_t deadline_ns;	  /* CLOCK_MONOTONIC; 0: none */
	const atomic_int *cancel; /* stop when nonzero; NULL: never */
	uint32_t tick;
	int stopped; /* 0, or the model error code that stopped the parse */
} budget_t;

/* Read the clock and the flag now; returns b->stopped. */
int budget_poll(budget_t *b);

/* Nonzero once the parse must stop. Cheap: the clock is read once every
 * 256 calls, and one call is made per token or per sentence. */
static inline int budget_check(budget_t *b)
{
	if (!b)
		return 0;
	if (b->stopped)
		return b->stopped;
	if ((++b->tick & 255) == 0)
		return budget_poll(b);
	return 0;
}

#endif
