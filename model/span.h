/* Internal: spans and growable vectors shared by the model modules. */
#ifndef MEETINGD_SPAN_H
#define MEETINGD_SPAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Half-open byte range [start, end) into the normalised (NFC) text. */
typedef struct span {
	uint32_t start, end;
} span_t;

static inline span_t span_make(size_t s, size_t e)
{
	span_t sp = {(uint32_t)s, (uint32_t)e};
	return sp;
}

/* VEC(T): {T *v; size_t n, cap;}. vec_push returns a pointer to the new
 * zeroed slot or NULL when out of memory. Free with free(vec.v). */
#define VEC(T)                                                                                     \
	struct {                                                                                   \
		T *v;                                                                              \
		size_t n, cap;                                                                     \
	}

void *span_vec_grow(void **v, size_t *cap, size_t n, size_t elem);
#define vec_push(vec)                                                                              \
	((vec)->n < (vec)->cap ||                                                                  \
		 span_vec_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n, sizeof(*(vec)->v))       \
	     ? (memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)), &(vec)->v[(vec)->n++])          \
	     : NULL)

#endif
