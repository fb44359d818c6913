/* People and their positions.
 *
 * A person is a capitalised name of 2-4 syllables introduced by a trigger:
 *   honorific or rank before it      "đồng chí Phạm Xuân Thăng", "ông Lê Văn Tám"
 *   position(s) before it            "Bí thư Tỉnh ủy Phạm Xuân Thăng"
 *   an apposition chain after it     "Phạm Xuân Thăng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"
 *   a group heading                  "các Phó Chủ tịch UBND tỉnh: A, B, C"
 * Without a trigger a surname-led capitalised run is not taken for a person
 * ("tư tưởng Hồ Chí Minh", "đường Nguyễn Viết Xuân"). Later mentions by full
 * name or by title alone ("đồng chí Bí thư Tỉnh ủy") link to the same Person. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "model/mem.h"
#include "model/people/people_internal.h"
#include "model/text/fold.h"

static char *canonical_name(const ctx_t *c, size_t a, size_t b)
{
	const doc_t *d = c->d;
	span_t sp = span_make(c->t->tok[a].start, c->t->tok[b - 1].end);
	int upper = 1;
	for (size_t i = a; i < b; i++)
		if (!(c->t->tok[i].flags & TF_UPPER))
			upper = 0;
	if (upper)
		return text_title_case(d->ar, d->text + sp.start, sp.end - sp.start);
	/* collapse runs of whitespace */
	char *s = doc_span_dup(d, sp);
	if (!s)
		return NULL;
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
		} else if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

/* Same position already held: same folded text, or same title with one body
 * name a prefix of the other ("Chủ tịch UBND thành phố" after "Chủ tịch
 * UBND TP Hà Nội"). */
#define FOLD_CAP 1024
/* more positions than this for one person is not a report but a list */
#define MAX_POSITIONS 32

/* Remember that person pi holds position *p, for title-only mentions
 * ("đồng chí Bí thư Tỉnh ủy"): the lowest person index wins, as a scan of
 * the people in order would find. */
static int index_title(ctx_t *c, const char *f, size_t n, int pi)
{
	/* f, n: the position folded, (size_t)-1 when too long */
	if (n == (size_t)-1)
		return 0;
	int added;
	int *v = strmap_put(&c->by_title, f, n, pi, &added);
	if (!v)
		return -1;
	if (pi < *v)
		*v = pi;
	return 0;
}

/* same_position with both folds given (la or lb (size_t)-1: too long) */
static int same_position_folded(const doc_t *d, const position_t *a, const char *fa, size_t la,
				const position_t *b, const char *fb, size_t lb)
{
	/* one a word prefix of the other: "Thủ tướng", "Thủ tướng Chính phủ" */
	if (la != (size_t)-1 && lb != (size_t)-1) {
		size_t ls = la < lb ? la : lb;
		const char *lg = la < lb ? fb : fa;
		if (!memcmp(fa, fb, ls) && (la == lb || lg[ls] == ' '))
			return 1;
	}
	if (a->title && b->title && !strcasecmp(a->title, b->title) && a->org_mention >= 0 &&
	    b->org_mention >= 0) {
		const char *ca = d->org_mentions.v[a->org_mention].canonical;
		const char *cb = d->org_mentions.v[b->org_mention].canonical;
		size_t na = strlen(ca), nb = strlen(cb);
		if (!strncasecmp(ca, cb, na < nb ? na : nb))
			return 1;
	}
	return 0;
}

static int same_position(const doc_t *d, const position_t *a, const position_t *b)
{
	char fa[FOLD_CAP], fb[FOLD_CAP];
	size_t la = text_fold(&d->tx, a->tok_start, a->tok_end, fa, sizeof fa);
	size_t lb = text_fold(&d->tx, b->tok_start, b->tok_end, fb, sizeof fb);
	return same_position_folded(d, a, fa, la, b, fb, lb);
}

/* A chair's positions come from the first mention that says the person
 * chairs: that mention's positions go first, in its spelling, and the
 * person's other positions follow unless they are the same ones written
 * otherwise ("Phó Chủ tịch UBND TP" chairs; "Phó Chủ tịch UBND TP Đà Nẵng"
 * later is the same position). Only the first chairing mention counts. */
int people_prefer_mention(doc_t *d, const person_mention_t *pm)
{
	if (pm->person < 0 || (size_t)pm->person >= d->people.n || !pm->positions.n)
		return 0;
	person_t *p = &d->people.v[pm->person];
	if (p->chair_first)
		return 0;
	p->chair_first = 1;
	size_t n = pm->positions.n + p->positions.n;
	position_t *v = arena_alloc(d->ar, n * sizeof *v);
	if (!v)
		return -1;
	size_t w = 0;
	for (size_t i = 0; i < pm->positions.n && w < MAX_POSITIONS; i++) {
		const position_t *q = &pm->positions.v[i];
		v[w] = *q;
		/* a bare title ("Bí thư Đinh La Thăng chủ trì") is written in
		 * full elsewhere: "Bí thư Thành ủy TP.HCM" */
		if (lex_is(&d->tx, LEX_POSITIONS, q->tok_start, q->tok_end - q->tok_start))
			for (size_t j = 0; j < p->positions.n; j++) {
				const position_t *o = &p->positions.v[j];
				if (o->tok_end - o->tok_start > v[w].tok_end - v[w].tok_start &&
				    same_position(d, q, o))
					v[w] = *o;
			}
		w++;
	}
	for (size_t j = 0; j < p->positions.n && w < MAX_POSITIONS; j++) {
		int dup = 0;
		for (size_t i = 0; i < pm->positions.n && !dup; i++)
			dup = same_position(d, &pm->positions.v[i], &p->positions.v[j]);
		if (!dup)
			v[w++] = p->positions.v[j];
	}
	p->positions.v = v;
	p->positions.n = w;
	p->positions.cap = n;
	return 0;
}

static int person_for(ctx_t *c, const char *name, size_t a, size_t b, const char *hon)
{
	doc_t *d = c->d;
	int added;
	int *slot = strmap_put(&c->by_name, name, strlen(name), (int)d->people.n, &added);
	if (!slot)
		return -1;
	if (!added)
		return *slot;
	person_t *p = avec_push(d->ar, &d->people);
	if (!p)
		return -1;
	p->name = doc_strdup(c->d, name);
	/* family name: the surname lexicon (compound ones too), else the first
	 * syllable; given name: the last syllable */
	size_t sn = people_surname_at(c, a);
	if (!sn || sn >= b - a)
		sn = 1;
	p->family = canonical_name(c, a, a + sn);
	p->given = canonical_name(c, b - 1, b);
	p->honorific = hon ? doc_strdup(c->d, hon) : NULL;
	p->rule = "person.trigger";
	return (int)(d->people.n - 1);
}

static int record(ctx_t *c, person_mention_t *pm, size_t na, size_t nb, const char *hon,
		  const char *rule)
{
	doc_t *d = c->d;
	char *name = canonical_name(c, na, nb);
	if (!name)
		return -1;
	int pi = person_for(c, name, na, nb, hon);
	if (pi < 0)
		return -1;
	person_t *p = &d->people.v[pi];
	if (!p->honorific && hon)
		p->honorific = doc_strdup(c->d, hon);
	if (rule && p->rule && !strcmp(p->rule, "person.trigger"))
		p->rule = rule;
	pm->person = pi;
	pm->span = span_make(c->t->tok[na].start, c->t->tok[nb - 1].end);
	pm->tok_start = na;
	pm->tok_end = nb;
	span_t *ms = avec_push(d->ar, &p->mentions);
	if (!ms)
		return -1;
	*ms = pm->span;
	for (size_t i = 0; i < pm->positions.n; i++) {
		int dup = 0;
		/* the new position folded once, not once per position held */
		const position_t *nw = &pm->positions.v[i];
		char fn[FOLD_CAP];
		size_t ln = text_fold(&d->tx, nw->tok_start, nw->tok_end, fn, sizeof fn);
		for (size_t j = 0; j < p->positions.n && !dup; j++) {
			position_t *old = &p->positions.v[j];
			char fo[FOLD_CAP];
			size_t lo = text_fold(&d->tx, old->tok_start, old->tok_end, fo, sizeof fo);
			dup = same_position_folded(d, old, fo, lo, nw, fn, ln);
			/* a fuller spelling of a position seen before replaces it:
			 * "Phó Thủ tướng Chính phủ" after "Phó Thủ tướng" */
			if (dup &&
			    nw->span.end - nw->span.start > old->span.end - old->span.start) {
				if (lo != (size_t)-1 && ln != (size_t)-1 && lo <= ln &&
				    !memcmp(fn, fo, lo)) {
					*old = *nw;
					old->title = doc_strdup(c->d, nw->title ? nw->title : "");
					if (index_title(c, fn, ln, pi))
						return -1;
				}
			}
		}
		if (dup || p->positions.n >= MAX_POSITIONS)
			continue;
		position_t *s = avec_push(d->ar, &p->positions);
		if (!s)
			return -1;
		*s = pm->positions.v[i];
		s->title =
		    doc_strdup(c->d, pm->positions.v[i].title ? pm->positions.v[i].title : "");
		if (index_title(c, fn, ln, pi))
			return -1;
	}
	person_mention_t *slot = avec_push(d->ar, &d->person_mentions);
	if (!slot)
		return -1;
	*slot = *pm;
	return 0;
}

/* honorific / rank at i; returns end and the folded kind */
static size_t honorific_found(const ctx_t *c, size_t i, char *hon, size_t hsz)
{
	size_t n = 0;
	const lex_entry_t *e = lex_at(c->t, c->hon, i, c->t->n, &n);
	if (!e)
		return i;
	size_t len = c->t->tok[i + n - 1].end - c->t->tok[i].start;
	if (len >= hsz)
		len = hsz - 1;
	memcpy(hon, c->d->text + c->t->tok[i].start, len);
	hon[len] = '\0';
	/* lower-case the honorific's first letter when it's a plain word
	 * ("Đồng chí" at sentence start is "đồng chí") */
	if (people_col_is(e, 1, "honorific"))
		text_append(hon, 0, hsz, e->form); /* the lexicon's lower-case form */
	size_t k = i + n;
	/* "đồng chí" may be followed by another honorific/rank: "Thượng tướng" */
	size_t n2 = 0;
	if (lex_at(c->t, c->hon, k, c->t->n, &n2))
		k += n2;
	return k;
}

/* honorific_found after the one-bit rejection most tokens get */
static inline size_t honorific_at(const ctx_t *c, size_t i, char *hon, size_t hsz)
{
	if (i >= c->t->n || !lex_starts(c->t, LEX_HONORIFICS, i))
		return i;
	return honorific_found(c, i, hon, hsz);
}

/* Group heading: "các [đồng chí] TITLE...: A, B; C" → each listed person
 * gets the heading's position first. Returns end token or i. */
static size_t group_at(ctx_t *c, size_t i)
{
	const text_t *t = c->t;
	if (!(tok_kw(t, i) == KW_cacs))
		return i;
	size_t k = i + 1;
	if ((tok_kw(t, k) == KW_ddoongf) && (tok_kw(t, k + 1) == KW_chis))
		k += 2;
	position_t gp = {0};
	size_t e = people_position_at(c, k, t->n, &gp, 0);
	int collective = 0;
	if (e == k && c->pt[k].org_at >= 0) {
		/* "các đồng chí Thường trực Tỉnh ủy: A, B": a collective organ
		 * heading; it is not a position of each person */
		e = c->d->org_mentions.v[c->pt[k].org_at].tok_end;
		collective = 1;
	}
	if (e == k || !people_is_punct(c, e, ':')) {
		return i;
	}
	/* only individual titles are distributed (not "Thường trực Tỉnh ủy") */
	size_t k2 = e + 1;
	int count = 0;
	while (k2 < t->n) {
		size_t ne = people_name_at(c, k2, 0);
		if (ne == k2)
			break;
		person_mention_t pm = {0};
		if (!collective) {
			position_t cp = gp;
			cp.title = doc_strdup(c->d, gp.title);
			people_add_pos(c->d->ar, &pm, &cp);
		}
		size_t ce = people_chain_after(c, ne, &pm);
		pm.ctx_start = k2;
		pm.ctx_end = ce > ne ? ce : ne;
		if (record(c, &pm, k2, ne, NULL, "person.group_heading")) {
			return t->n;
		}
		count++;
		k2 = ce;
		if (people_is_punct(c, k2, ',') || people_is_punct(c, k2, ';') ||
		    (tok_kw(t, k2) == KW_vaf)) {
			k2++;
			if ((tok_kw(t, k2) == KW_ddoongf) && (tok_kw(t, k2 + 1) == KW_chis))
				k2 += 2;
			continue;
		}
		break;
	}
	return count ? k2 : i;
}

/* The rest of a list after a plural form of address: "các đồng chí A, B
 * và C", "các đồng chí: A, Phó Bí thư Tỉnh ủy; B, ...": each name led by
 * a family name after ",", ";" or "và", with its apposition chain.
 * Returns the end of the list, or (size_t)-1 on error. */
static size_t plural_list(ctx_t *c, size_t k, const char *hon)
{
	const text_t *t = c->t;
	while (k + 1 < t->n) {
		size_t j = k;
		if (people_is_punct(c, j, ',') || people_is_punct(c, j, ';'))
			j++;
		if (tok_kw(t, j) == KW_vaf)
			j++;
		if (j == k || (t->tok[j].flags & TF_NL))
			break;
		size_t ne = people_name_at(c, j, 1);
		if (ne == j)
			break;
		person_mention_t pm = {0};
		size_t ce = people_chain_after(c, ne, &pm);
		pm.ctx_start = j;
		pm.ctx_end = ce > ne ? ce : ne;
		if (record(c, &pm, j, ne, hon, "person.honorific"))
			return (size_t)-1;
		k = pm.ctx_end;
	}
	return k;
}

/* "đồng chí Bí thư Tỉnh ủy" with no name after: link to the person who
 * holds that position. */
static void link_title_only(ctx_t *c, size_t a, size_t b)
{
	doc_t *d = c->d;
	char f[FOLD_CAP];
	size_t n = text_fold(c->t, a, b, f, sizeof f);
	int *v = n == (size_t)-1 ? NULL : strmap_get(&c->by_title, f, n);
	if (!v)
		return;
	int i = *v;
	person_t *p = &d->people.v[i];
	span_t *ms = avec_push(d->ar, &p->mentions);
	if (ms)
		*ms = span_make(c->t->tok[a].start, c->t->tok[b - 1].end);
	person_mention_t *pm = avec_push(d->ar, &d->person_mentions);
	if (pm) {
		pm->person = i;
		pm->span = span_make(c->t->tok[a].start, c->t->tok[b - 1].end);
		pm->tok_start = pm->ctx_start = a;
		pm->tok_end = pm->ctx_end = b;
		pm->is_title_only = 1;
	}
}

/* "Võ Công" and "Võ Công Trí" holding the same position are one person whose
 * name lost its last syllable to a typo or a line break: fold the shorter
 * into the longer. People are taken in order and each merges into the first
 * person still there whose name is its own plus one syllable; the longer
 * names are found through a map from a name without its last syllable, so
 * the pass is linear in the number of people. */
static int merge_prefix_names(ctx_t *c)
{
	doc_t *d = c->d;
	size_t np = d->people.n;
	if (np < 2)
		return 0;
	strmap_t heads = {.ar = d->ar};
	int *next = arena_alloc(d->ar, np * sizeof *next); /* next with the same head */
	int *into = arena_alloc(d->ar, np * sizeof *into); /* merged into, or -1 */
	if (!next || !into)
		return -1;
	/* heads, listed in person order: insert from the back */
	for (size_t b = np; b-- > 0;) {
		const char *nm = d->people.v[b].name;
		const char *sp = strrchr(nm, ' ');
		into[b] = -1;
		next[b] = -1;
		if (!sp || sp == nm)
			continue;
		int added;
		int *first = strmap_put(&heads, nm, (size_t)(sp - nm), (int)b, &added);
		if (!first)
			return -1;
		if (!added) {
			next[b] = *first;
			*first = (int)b;
		}
	}
	int merged = 0;
	for (size_t a = 0; a < np; a++) {
		person_t *pa = &d->people.v[a];
		const int *first = strmap_get(&heads, pa->name, strlen(pa->name));
		int target = -1;
		for (int b = first ? *first : -1; b >= 0 && target < 0; b = next[b]) {
			const person_t *pb = &d->people.v[b];
			if ((size_t)b == a || into[b] >= 0)
				continue;
			for (size_t i = 0; i < pa->positions.n && target < 0; i++)
				for (size_t j = 0; j < pb->positions.n && target < 0; j++)
					if (same_position(d, &pb->positions.v[j],
							  &pa->positions.v[i]))
						target = b;
		}
		if (target < 0)
			continue;
		person_t *pb = &d->people.v[target];
		for (size_t i = 0; i < pa->mentions.n; i++) {
			span_t *m = avec_push(d->ar, &pb->mentions);
			if (!m)
				return -1;
			*m = pa->mentions.v[i];
		}
		into[a] = target;
		merged = 1;
	}
	if (!merged)
		return 0;
	/* drop the merged people, renumbering the rest; a mention follows its
	 * person's merges (a into b, b into c) */
	int *renum = arena_alloc(d->ar, np * sizeof *renum);
	if (!renum)
		return -1;
	size_t w = 0;
	for (size_t a = 0; a < np; a++) {
		if (into[a] >= 0) {
			continue;
		}
		renum[a] = (int)w;
		d->people.v[w++] = d->people.v[a];
	}
	d->people.n = w;
	for (size_t i = 0; i < d->person_mentions.n; i++) {
		int p = d->person_mentions.v[i].person;
		while (p >= 0 && into[p] >= 0)
			p = into[p];
		d->person_mentions.v[i].person = p >= 0 ? renum[p] : p;
	}
	return 0;
}

int people_extract(doc_t *d)
{
	ctx_t c = {.d = d, .t = &d->tx};
	c.by_name.ar = c.by_title.ar = d->ar;
	c.pos = LEX_POSITIONS;
	c.hon = LEX_HONORIFICS;
	c.sur = LEX_SURNAMES;
	c.loc = LEX_LOCALITIES;
	c.pl = LEX_PLACES;
	size_t n = d->tx.n;
	const text_t *t = &d->tx;
	c.pt = arena_alloc_raw(d->ar, (n + 1) * sizeof *c.pt);
	/* the tokens a person may start at, in order: nothing below starts
	 * at a lower-case word other than an honorific, "các" (a group
	 * heading), "nguyên", "cựu", "quyền", "tân" (former, acting, new).
	 * Listed in the pass that fills pt, the three scans below visit
	 * these alone (about one token in six). */
	uint32_t *cand = arena_alloc_raw(d->ar, (n + 1) * sizeof *cand);
	if (!c.pt || !cand)
		return -1;
	size_t nc = 0;
	const tok_t *tk = t->tok;
	const uint64_t *lm = t->lexmask;
	for (size_t i = 0; i < n; i++) {
		c.pt[i] = (people_tok_t){.org_at = -1, .org_in = -1};
		cand[nc] = (uint32_t)i;
		nc += (tk[i].flags & (TF_CAP | TF_UPPER)) || ((lm[i] >> LEX_HONORIFICS) & 1) ||
		      people_start_kw(tk[i].kw);
	}
	c.pt[n] = (people_tok_t){.org_at = -1, .org_in = -1};
	for (size_t m = 0; m < d->org_mentions.n; m++) {
		const org_mention_t *om = &d->org_mentions.v[m];
		c.pt[om->tok_start].org_at = (int)m;
		for (size_t k = om->tok_start; k < om->tok_end; k++)
			c.pt[k].org_in = (int)m;
	}
	size_t i = 0, ci = 0;
	while (i < n) {
		/* the next token a person may start at: the work check is for
		 * these */
		while (ci < nc && cand[ci] < i)
			ci++;
		if (ci == nc)
			break;
		i = cand[ci];
		const tok_t *x = &t->tok[i];
		if (budget_check(t->budget))
			goto fail;
		size_t g = group_at(&c, i);
		if (g > i) {
			i = g;
			continue;
		}
		char hon[64];
		hon[0] = '\0';
		size_t k = honorific_at(&c, i, hon, sizeof hon);
		int has_hon = k > i;
		/* "các đồng chí: A, B": a plural form of address heads a list;
		 * each person takes the singular form */
		int plural = has_hon && x->kw == KW_cacs;
		if (plural) {
			honorific_at(&c, i + 1, hon, sizeof hon);
			if (people_is_punct(&c, k, ':'))
				k++;
		}
		person_mention_t pm = {0};
		/* positions before the name: "Bí thư Tỉnh ủy Phạm Xuân Thăng",
		 * "Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND TP
		 * Hà Nội Nguyễn Đức Chung" */
		size_t p0 = k;
		for (;;) {
			if (!people_may_title(&c, k))
				break; /* people_position_at would say k */
			position_t p = {0};
			size_t e = people_position_at(&c, k, n, &p, 1);
			if (e == k)
				break;
			people_add_pos(d->ar, &pm, &p);
			k = e;
			if ((people_is_punct(&c, k, ',') || people_is_dash_sep(&c, k)) &&
			    people_title_start(&c, k + 1)) {
				k++;
				continue;
			}
			/* "Bí thư Thứ nhất Trung ương Đoàn - Nguyễn Văn A" */
			if (people_is_dash_sep(&c, k) &&
			    people_name_after(&c, k + 1, has_hon, 1) > k + 1)
				k++;
			break;
		}
		/* "Thứ trưởng Bộ Quốc phòng, Thượng tướng Hoàng Xuân Chiến",
		 * "Phó Chủ tịch UBND tỉnh - ông A": the positions, then the
		 * rank or form of address, then the name */
		if (pm.positions.n && !has_hon &&
		    (people_is_punct(&c, k, ',') || people_is_dash_sep(&c, k))) {
			char hon2[64];
			hon2[0] = '\0';
			size_t h = honorific_at(&c, k + 1, hon2, sizeof hon2);
			if (h > k + 1 && tok_kw(t, k + 1) != KW_cacs &&
			    people_name_after(&c, h, 1, 1) > h) {
				memcpy(hon, hon2, sizeof hon);
				k = h;
				has_hon = 1;
			}
		}
		int had_pos = pm.positions.n > 0;
		size_t ne = people_name_after(&c, k, has_hon, had_pos);
		if (ne > k && (has_hon || had_pos)) {
			size_t ce = people_chain_after(&c, ne, &pm);
			pm.ctx_start = i;
			pm.ctx_end = ce > ne ? ce : ne;
			if (record(&c, &pm, k, ne, has_hon ? hon : NULL,
				   had_pos ? "person.title_before" : "person.honorific"))
				goto fail;
			i = ce > ne ? ce : ne;
			if (plural && !had_pos) {
				i = plural_list(&c, i, hon);
				if (i == (size_t)-1)
					goto fail;
			}
			continue;
		}
		if (had_pos && has_hon) {
			/* "đồng chí Bí thư Tỉnh ủy" alone */
			link_title_only(&c, p0, k);
		}
		people_free_positions(&pm);
		memset(&pm, 0, sizeof pm);
		/* a bare surname-led name followed by an apposition chain */
		ne = people_name_at(&c, i, 1);
		/* "Pascal Lamy, Tổng Giám đốc WTO" */
		if (ne == i)
			ne = people_foreign_name_at(&c, i);
		if (ne > i && !has_hon) {
			size_t ce = people_chain_after(&c, ne, &pm);
			if (pm.positions.n) {
				pm.ctx_start = i;
				pm.ctx_end = ce;
				if (record(&c, &pm, i, ne, NULL, "person.apposition"))
					goto fail;
				i = ce;
				continue;
			}
			people_free_positions(&pm);
		}
		i = had_pos ? k : i + 1;
	}
	/* given name after an honorific: "Theo đồng chí Hải, ...", when one
	 * person alone has that given name */
	strmap_t given = {.ar = d->ar};
	for (size_t p = 0; p < d->people.n; p++) {
		const char *g = d->people.v[p].given;
		int added;
		int *v = g ? strmap_put(&given, g, strlen(g), (int)p, &added) : NULL;
		if (g && !v)
			goto fail;
		if (v && !added)
			*v = -1; /* two people share it */
	}
	for (size_t ci2 = 0, q0 = 0; ci2 < nc && cand[ci2] + 1 < n; ci2++) {
		char hon2[64];
		size_t q = cand[ci2];
		if (q < q0 || !lex_starts(t, LEX_HONORIFICS, q))
			continue; /* one bit test: the work check is for the rest */
		if (budget_check(t->budget))
			goto fail;
		size_t k2 = honorific_at(&c, q, hon2, sizeof hon2);
		if (k2 == q || k2 >= n || !people_is_cap(&t->tok[k2]) ||
		    (k2 + 1 < n && people_is_cap(&t->tok[k2 + 1]) &&
		     !(t->tok[k2 + 1].flags & TF_NL)))
			continue;
		const int *v = strmap_get(&given, d->text + t->tok[k2].start,
					  t->tok[k2].end - t->tok[k2].start);
		if (!v || *v < 0 || c.pt[k2].org_in >= 0)
			continue;
		int found = *v;
		span_t *ms = avec_push(d->ar, &d->people.v[found].mentions);
		person_mention_t *pm = ms ? avec_push(d->ar, &d->person_mentions) : NULL;
		if (!pm)
			goto fail;
		*ms = span_make(t->tok[k2].start, t->tok[k2].end);
		pm->person = found;
		pm->span = *ms;
		pm->tok_start = k2;
		pm->tok_end = k2 + 1;
		pm->ctx_start = q;
		pm->ctx_end = k2 + 1;
		q0 = k2 + 1;
	}
	/* second pass: bare full-name re-mentions of known people */
	for (size_t m = 0; m < d->person_mentions.n; m++)
		for (size_t k = d->person_mentions.v[m].tok_start;
		     k < d->person_mentions.v[m].tok_end && k < n; k++)
			c.pt[k].covered = 1;
	for (size_t ci3 = 0, q0 = 0; ci3 < nc; ci3++) {
		size_t q = cand[ci3];
		if (q < q0 || !people_is_cap(&t->tok[q]) || c.pt[q].covered)
			continue; /* two tests: the work check is for the rest */
		if (budget_check(t->budget))
			goto fail;
		size_t ne = people_name_at(&c, q, 0);
		if (ne <= q)
			continue;
		char *nm = canonical_name(&c, q, ne);
		const int *v = nm ? strmap_get(&c.by_name, nm, strlen(nm)) : NULL;
		if (v) {
			span_t *ms = avec_push(d->ar, &d->people.v[*v].mentions);
			person_mention_t *pm = ms ? avec_push(d->ar, &d->person_mentions) : NULL;
			if (!pm)
				goto fail;
			*ms = span_make(t->tok[q].start, t->tok[ne - 1].end);
			pm->person = *v;
			pm->span = *ms;
			pm->tok_start = pm->ctx_start = q;
			pm->tok_end = pm->ctx_end = ne;
		}
		q0 = ne;
	}
	if (merge_prefix_names(&c))
		goto fail;
	return 0;
fail:
	return -1;
}
