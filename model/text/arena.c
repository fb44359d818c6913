#include "model/text/arena.h"

#include "model/mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t size;
	max_align_t data[];
};

/* A large array: linked so that arena_free finds it, moved by realloc. */
struct arena_big {
	struct arena_big *prev, *next;
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
	/* every byte is written: not cleared first */
	char *p = arena_alloc_raw(a, n + 1);
	if (p) {
		if (n)
			memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void *big_grow(arena_t *a, void **v, size_t old_bytes, size_t bytes)
{
	struct arena_big *b = NULL, *prev = NULL, *next = a->big;
	size_t add = bytes - (old_bytes >= ARENA_BIG ? old_bytes : 0);
	if (a->limit && a->total + add > a->limit) {
		a->failed = 1;
		return NULL;
	}
	if (old_bytes >= ARENA_BIG) {
		struct arena_big *o =
		    (struct arena_big *)((char *)*v - offsetof(struct arena_big, data));
		prev = o->prev;
		next = o->next;
		b = mem_realloc(o, sizeof *b + bytes);
	} else {
		b = mem_malloc(sizeof *b + bytes);
		if (b && old_bytes)
			memcpy(b->data, *v, old_bytes);
	}
	if (!b) {
		a->failed = 1;
		return NULL; /* the old block stays linked where it was */
	}
	b->prev = prev;
	b->next = next;
	if (prev)
		prev->next = b;
	else
		a->big = b;
	if (next)
		next->prev = b;
	a->total += add;
	*v = b->data;
	return *v;
}

void *arena_grow(arena_t *a, void **v, size_t *cap, size_t need, size_t elem)
{
	size_t nc = *cap ? *cap * 2 : 8;
	while (nc < need)
		nc *= 2;
	if (nc > SIZE_MAX / elem - sizeof(struct arena_big)) {
		a->failed = 1;
		return NULL;
	}
	if (nc * elem >= ARENA_BIG) {
		if (!big_grow(a, v, *cap * elem, nc * elem))
			return NULL;
		*cap = nc;
		return *v;
	}
	void *p = arena_alloc_raw(a, nc * elem);
	if (!p)
		return NULL;
	if (*cap)
		memcpy(p, *v, *cap * elem);
	*v = p;
	*cap = nc;
	return p;
}

void arena_vec_free(arena_t *a, void **v, size_t *cap, size_t elem)
{
	size_t bytes = *cap * elem;
	if (*v && bytes >= ARENA_BIG) {
		struct arena_big *b =
		    (struct arena_big *)((char *)*v - offsetof(struct arena_big, data));
		if (b->prev)
			b->prev->next = b->next;
		else
			a->big = b->next;
		if (b->next)
			b->next->prev = b->prev;
		free(b);
		a->total -= bytes;
	}
	*v = NULL;
	*cap = 0;
}

void arena_free(arena_t *a)
{
	for (struct arena_big *g = a->big, *n; g; g = n) {
		n = g->next;
		free(g);
	}
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
