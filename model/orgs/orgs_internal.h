/* Internal to the organisation recogniser (model/orgs/): the body-name
 * grammar's pieces that read what follows a head noun. */
#ifndef MEETINGD_ORGS_ORGS_INTERNAL_H
#define MEETINGD_ORGS_ORGS_INTERNAL_H

#include "model/extract.h"
#include "model/lexicon/lex.h"
#include "model/tag/classes.h"

/* What a generic head's name may take besides a capitalised name
 * (bodies.tsv, column "tail"). */
enum orgs_tail {
	ORGS_TAIL_REMIT = 1,  /* "về" + remit */
	ORGS_TAIL_NUMBER = 2, /* a number as its name */
	ORGS_TAIL_DESCR = 4,  /* lower-case descriptors before the name */
	ORGS_TAIL_AT = 8,     /* "tại" + the place of a mission */
	ORGS_TAIL_OF = 16,    /* the bare head, when "của" + a body follow */
};

/* a capitalised or upper-case word: inline, as it is asked of most tokens */
static inline int orgs_is_cap(const tok_t *t)
{
	return t->kind == TK_WORD && (t->flags & (TF_CAP | TF_UPPER));
}
int orgs_plain_lower(const text_t *t, size_t j);
unsigned orgs_tail_of(const lex_entry_t *e);
int orgs_body_starts(const text_t *t, size_t j, size_t lim);
int orgs_person_name(const doc_t *d, size_t k, size_t lim);
size_t orgs_name_run(const doc_t *d, size_t k, size_t lim);
size_t orgs_descr_run(const doc_t *d, size_t k, size_t lim);
size_t orgs_remit_end(const doc_t *d, size_t k, size_t lim);
size_t orgs_bare_remit_end(const doc_t *d, size_t k, size_t lim);
size_t orgs_number_name(const doc_t *d, size_t k, size_t lim);
size_t orgs_mission_place(const doc_t *d, size_t k, size_t lim);
size_t orgs_inner_abbr(const doc_t *d, size_t k, size_t lim);
/* The end of "<country> - <country>" when tokens (k, j) end in a country,
 * a spaced dash is at j and a country follows it; 0 otherwise. */
size_t orgs_country_pair(const text_t *t, size_t k, size_t j, size_t lim);
size_t orgs_country_after(const doc_t *d, size_t k, size_t lim);

#endif
