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
	int32_t left;		  /* calls before the next poll (a zeroed budget polls first) */
	int stopped;		  /* 0, or the model error code that stopped the parse */
} budget_t;

/* Read the clock and the flag now; returns b->stopped. */
int budget_poll(budget_t *b);

/* The slow half of budget_check: poll, then count again (or, once stopped,
 * come back here at every call). */
int budget_due(budget_t *b);

/* Nonzero once the parse must stop. Cheap, as one call is made per token
 * or per sentence of every stage: a countdown, the clock read once every
 * 256 calls. */
static inline int budget_check(budget_t *b)
{
	if (b && __builtin_expect(--b->left < 0, 0))
		return budget_due(b);
	return 0;
}

#endif
