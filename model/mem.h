/* The model's allocations from the C library, behind one gate so that a
 * test can make any one of them fail (tests/unit/test_chaos.c). Memory from
 * these is released with free(). */
#ifndef MEETINGD_MEM_H
#define MEETINGD_MEM_H

#include <stddef.h>

void *mem_malloc(size_t n);
void *mem_calloc(size_t n, size_t size);
void *mem_realloc(void *p, size_t n);

/* For tests: the n-th allocation of this thread from now (0 = the next)
 * fails, and every other succeeds; -1 turns failures off. Returns the
 * number of allocations made on this thread since the last call. */
long mem_fail_at(long n);

/* Called at each allocation made to fail (a breakpoint for debuggers). */
void mem_failed(void);

#endif
