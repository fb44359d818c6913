#include "model/mem.h"

#include <stdlib.h>

static _Thread_local long fail_at = -1, count;

/* Called when an allocation is made to fail: a place for a debugger's
 * breakpoint when a test finds a failure handled badly. */
__attribute__((noinline)) void mem_failed(void)
{
	__asm__ volatile("");
}

/* 1 when this allocation is the one a test asked to fail. */
static int failing(void)
{
	if (count++ != fail_at)
		return 0;
	mem_failed();
	return 1;
}

void *mem_malloc(size_t n)
{
	if (fail_at >= 0 && failing())
		return NULL;
	if (fail_at < 0)
		count++;
	return malloc(n);
}

void *mem_calloc(size_t n, size_t size)
{
	if (fail_at >= 0 && failing())
		return NULL;
	if (fail_at < 0)
		count++;
	return calloc(n, size);
}

void *mem_realloc(void *p, size_t n)
{
	if (fail_at >= 0 && failing())
		return NULL;
	if (fail_at < 0)
		count++;
	return realloc(p, n);
}

long mem_fail_at(long n)
{
	long made = count;
	count = 0;
	fail_at = n;
	return made;
}
