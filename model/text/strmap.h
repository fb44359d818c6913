/* A map from byte strings to ints, in the parse's arena: the joins of the
 * recognisers (a person by name, a body by canonical name) in O(1) each, so
 * no step is quadratic in the number of people or bodies. */
#ifndef MEETINGD_TEXT_STRMAP_H
#define MEETINGD_TEXT_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "model/text/arena.h"

struct strmap_slot {
	const char *key; /* NULL: empty */
	uint32_t len, hash;
	int val;
};

typedef struct strmap {
	struct strmap_slot *v;
	size_t cap, n;
	arena_t *ar;
} strmap_t;

/* The value slot of key k[0..n), or NULL when absent. */
int *strmap_get(const strmap_t *m, const char *k, size_t n);

/* The value slot of key k (a copy of k is kept in the arena); a new key
 * gets the value v and *added = 1. NULL when out of memory. */
int *strmap_put(strmap_t *m, const char *k, size_t n, int v, int *added);

#endif
