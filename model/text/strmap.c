#include "model/text/strmap.h"

#include <string.h>

#include "model/text/text.h"

static struct strmap_slot *find(const struct strmap_slot *v, size_t cap, const char *k, size_t n,
				uint32_t h)
{
	size_t i = h & (cap - 1);
	while (v[i].key && !(v[i].hash == h && v[i].len == n && !memcmp(v[i].key, k, n)))
		i = (i + 1) & (cap - 1);
	return (struct strmap_slot *)&v[i];
}

int *strmap_get(const strmap_t *m, const char *k, size_t n)
{
	if (!m->cap)
		return NULL;
	struct strmap_slot *s = find(m->v, m->cap, k, n, text_hash(k, n));
	return s->key ? &s->val : NULL;
}

int *strmap_put(strmap_t *m, const char *k, size_t n, int v, int *added)
{
	uint32_t h = text_hash(k, n);
	*added = 0;
	if ((m->n + 1) * 2 > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 64;
		struct strmap_slot *nv = arena_alloc(m->ar, nc * sizeof *nv);
		if (!nv)
			return NULL;
		for (size_t i = 0; i < m->cap; i++)
			if (m->v[i].key)
				*find(nv, nc, m->v[i].key, m->v[i].len, m->v[i].hash) = m->v[i];
		m->v = nv;
		m->cap = nc;
	}
	struct strmap_slot *s = find(m->v, m->cap, k, n, h);
	if (!s->key) {
		char *copy = arena_strndup(m->ar, k, n);
		if (!copy)
			return NULL;
		s->key = copy;
		s->len = (uint32_t)n;
		s->hash = h;
		s->val = v;
		m->n++;
		*added = 1;
	}
	return &s->val;
}
