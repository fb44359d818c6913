/* Request ids from a per-thread xorshift generator seeded by getrandom(). */
#include "server/reqid.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static _Thread_local uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;

	if (!x) {
		if (getrandom(&x, sizeof x, 0) != (ssize_t)sizeof x) {
			struct timespec ts;
			clock_gettime(CLOCK_MONOTONIC, &ts);
			x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
			    (uint64_t)(uintptr_t)&rng_state;
		}
		x |= 1;
	}
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

void reqid_generate(char out[REQID_MAX])
{
	/* by hand: snprintf's "%016llx" cost about as much as the rest of a
	 * request's bookkeeping */
	static const char hex[] = "0123456789abcdef";
	uint64_t x = rng_next();
	int i;

	for (i = 15; i >= 0; i--, x >>= 4)
		out[i] = hex[x & 15];
	out[16] = '\0';
}

int reqid_valid(const char *s, size_t n)
{
	size_t i;

	if (!s || n < 1 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

void reqid_choose(char out[REQID_MAX], const char *s, size_t n)
{
	if (reqid_valid(s, n)) {
		memcpy(out, s, n);
		out[n] = '\0';
	} else {
		reqid_generate(out);
	}
}
