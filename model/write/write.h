/* Assembly and output of a parse: what the writer needs computed once
 * (document groups), and the writer of the ParseResult. */
#ifndef MEETINGD_WRITE_WRITE_H
#define MEETINGD_WRITE_WRITE_H

#include "model/extract.h"
#include "model/model.h"
#include "model/write/jw.h"

/* One document: the citations grouped by same_as, with the fields taken
 * from the best citation (the first full one) and from any citation. */
typedef struct doc_group {
	int first;	      /* first citation (index into doc->docs) */
	int best;	      /* citation that gives type, number, symbol */
	int year, month, day; /* issued on: the first citation that has it */
	span_t issuer, subject;
	int last; /* last citation so far (while grouping) */
} doc_group_t;

typedef struct doc_groups {
	doc_group_t *v;
	size_t n;
	int *gid;  /* group of each citation */
	int *next; /* next citation of the same group, -1 at the end */
} doc_groups_t;

/* Group doc->docs in one pass; the arrays live in doc->arena. 0 or -1. */
int write_group_documents(doc_t *d, doc_groups_t *g);

/* Append the ParseResult of d to w (compact JSON and a final newline).
 * 0, or -1 when out of memory. */
int write_result(const doc_t *d, const struct model_options *opt, const doc_groups_t *groups,
		 jw_t *w);

#endif
