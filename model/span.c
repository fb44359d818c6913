#include "span.h"

#include "model/mem.h"
#include <stdint.h>

/* Grow a vector's storage to hold at least n + 1 elements. Returns the
 * (possibly moved) storage or NULL; on failure the old storage is kept. */
void *span_vec_grow(void **v, size_t *cap, size_t n, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	if (ncap <= n)
		ncap = n + 1;
	if (ncap > SIZE_MAX / elem)
		return NULL;
	void *p = mem_realloc(*v, ncap * elem);
	if (!p)
		return NULL;
	*v = p;
	*cap = ncap;
	return p;
}
