/* What the writer needs assembled once: the documents as groups of
 * citations, walked once instead of once per group. */
#include "model/write/write.h"

int write_group_documents(doc_t *d, doc_groups_t *g)
{
	size_t n = d->docs.n;
	g->n = 0;
	g->gid = arena_alloc(&d->arena, (n + 1) * sizeof *g->gid);
	g->next = arena_alloc(&d->arena, (n + 1) * sizeof *g->next);
	g->v = arena_alloc(&d->arena, (n + 1) * sizeof *g->v);
	if (!g->gid || !g->next || !g->v)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const doc_cite_t *c = &d->docs.v[i];
		size_t root = (size_t)c->same_as < n ? (size_t)c->same_as : i;
		doc_group_t *x;
		g->next[i] = -1;
		if (root >= i) { /* the group's first citation: its root */
			x = &g->v[g->n];
			x->first = x->best = x->last = (int)i;
			x->year = x->month = x->day = 0;
			x->issuer = x->subject = span_make(0, 0);
			g->gid[i] = (int)g->n++;
		} else {
			x = &g->v[g->gid[root]];
			g->gid[i] = g->gid[root];
			g->next[x->last] = (int)i;
			x->last = (int)i;
			if (d->docs.v[x->best].is_short && !c->is_short)
				x->best = (int)i;
		}
		if (!x->year && c->year)
			x->year = c->year, x->month = c->month, x->day = c->day;
		if (span_is_empty(x->issuer) && !span_is_empty(c->issuer_span))
			x->issuer = c->issuer_span;
		if (span_is_empty(x->subject) && !span_is_empty(c->subject_span))
			x->subject = c->subject_span;
	}
	return 0;
}
