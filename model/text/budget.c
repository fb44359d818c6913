#include "model/text/budget.h"

#include <time.h>

#include "model/model.h"

int budget_poll(budget_t *b)
{
	if (b->stopped)
		return b->stopped;
	if (b->cancel && atomic_load_explicit(b->cancel, memory_order_relaxed)) {
		b->stopped = MODEL_E_CANCELLED;
	} else if (b->deadline_ns) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		if ((uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec >= b->deadline_ns)
			b->stopped = MODEL_E_DEADLINE;
	}
	return b->stopped;
}

int budget_due(budget_t *b)
{
	/* stopped: every later check lands here and says stop */
	b->left = budget_poll(b) ? 0 : 255;
	return b->stopped;
}
