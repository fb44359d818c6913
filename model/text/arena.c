#include "model/text/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "model/mem.h"

struct arena_block {
	struct arena_block *next;
	size_t size;
	max_align_t data[];
};

#define ARENA_FIRST (64 * 1024)
#define ALIGN (sizeof(max_align_t))

static int arena_more(arena_t *a, size_t n)
{
	size_t size = a->head ? a->head->size * 2 : ARENA_FIRST;
	if (size > 8 * 1024 * 1024)
		size = 8 * 1024 * 1024;
	if (size < n)
		size = n;
	if (a->limit && a->total + size + sizeof(struct arena_block) > a->limit) {
		a->failed = 1;
		return -1;
	}
	struct arena_block *b = mem_malloc(sizeof *b + size);
	if (!b) {
		a->failed = 1;
		return -1;
	}
	b->next = a->head;
	b->size = size;
	a->head = b;
	a->cur = (char *)b->data;
	a->end = a->cur + size;
	a->total += sizeof *b + size;
	return 0;
}

void *arena_alloc_raw(arena_t *a, size_t n)
{
	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (!n)
		n = ALIGN;
	if ((size_t)(a->end - a->cur) < n && arena_more(a, n))
		return NULL;
	void *p = a->cur;
	a->cur += n;
	return p;
}

void *arena_alloc(arena_t *a, size_t n)
{
	void *p = arena_alloc_raw(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

char *arena_strndup(arena_t *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (p && n)
		memcpy(p, s, n);
	return p;
}

void *arena_grow(arena_t *a, void **v, size_t *cap, size_t need, size_t elem)
{
	size_t nc = *cap ? *cap * 2 : 8;
	while (nc < need)
		nc *= 2;
	if (nc > SIZE_MAX / elem) {
		a->failed = 1;
		return NULL;
	}
	void *p = arena_alloc(a, nc * elem);
	if (!p)
		return NULL;
	if (*cap)
		memcpy(p, *v, *cap * elem);
	*v = p;
	*cap = nc;
	return p;
}

void arena_free(arena_t *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *n = b->next;
		free(b);
		b = n;
	}
	size_t limit = a->limit;
	memset(a, 0, sizeof *a);
	a->limit = limit;
}
