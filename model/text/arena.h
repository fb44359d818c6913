/* One arena per parse: bump allocation from a chain of blocks, all freed at
 * once by arena_free(). Nothing in the arena is freed on its own, except
 * the storage of a growing array (arena_grow): small arrays are copied in
 * the blocks, large ones live in blocks of their own that grow in place. */
#ifndef MEETINGD_TEXT_ARENA_H
#define MEETINGD_TEXT_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena_big;

typedef struct arena {
	struct arena_block *head;
	struct arena_big *big; /* the large arrays (arena_grow) */
	char *cur, *end;
	size_t total; /* bytes taken from malloc, blocks included */
	size_t limit; /* arena_alloc fails past this many bytes (0: none) */
	int failed;   /* an allocation failed: the parse answers MODEL_E_NOMEM */
} arena_t;

/* Zero-initialised storage for n bytes, aligned for any type, or NULL (and
 * a->failed set) when out of memory or over the limit. Owned by the arena. */
void *arena_alloc(arena_t *a, size_t n);

/* The same without zeroing, for a buffer the caller fills. */
void *arena_alloc_raw(arena_t *a, size_t n);

/* A copy of s[0..n) with a final NUL, in the arena; NULL when out of memory. */
char *arena_strndup(arena_t *a, const char *s, size_t n);

/* Grow the array *v of *cap elements of size elem so that it holds at least
 * need, doubling: below ARENA_BIG bytes a new copy in the arena (the old
 * one stays until arena_free), from there on a block of its own that is
 * reallocated, so a large array costs its size and not twice it. *v and
 * *cap must come from arena_grow alone (the size tells which kind *v is).
 * Returns *v, or NULL when out of memory (*v unchanged). */
#define ARENA_BIG 4096
void *arena_grow(arena_t *a, void **v, size_t *cap, size_t need, size_t elem);

/* Give back the storage of an array grown by arena_grow when it has a
 * block of its own (a small one stays until arena_free); *v = NULL,
 * *cap = 0. For a stage's scratch arrays, so that the next stage's peak
 * does not hold them. */
void arena_vec_free(arena_t *a, void **v, size_t *cap, size_t elem);

/* Free every block; the arena is empty and reusable afterwards. */
void arena_free(arena_t *a);

/* AVEC(T): {T *v; size_t n, cap;} in an arena. avec_push returns the new
 * zeroed slot or NULL when out of memory. */
#define AVEC(T)                                                                                    \
	struct {                                                                                   \
		T *v;                                                                              \
		size_t n, cap;                                                                     \
	}
#define avec_push(a, vec)                                                                          \
	((vec)->n < (vec)->cap ||                                                                  \
		 arena_grow((a), (void **)&(vec)->v, &(vec)->cap, (vec)->n + 1, sizeof(*(vec)->v)) \
	     ? (__builtin_memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)),                       \
		&(vec)->v[(vec)->n++])                                                             \
	     : NULL)

#define avec_free(a, vec)                                                                          \
	(arena_vec_free((a), (void **)&(vec)->v, &(vec)->cap, sizeof(*(vec)->v)), (vec)->n = 0)

#endif
