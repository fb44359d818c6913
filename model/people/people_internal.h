/* Internal to the people recogniser (model/people/): the context of one
 * pass and the phrase grammar (names, titles, positions) its files share. */
#ifndef MEETINGD_PEOPLE_PEOPLE_H
#define MEETINGD_PEOPLE_PEOPLE_H

#include "model/extract.h"
#include "model/lexicon/lex.h"
#include "model/text/fold.h"
#include "model/text/strmap.h"

typedef struct ctx {
	doc_t *d;
	strmap_t by_name;  /* canonical name -> person */
	strmap_t by_title; /* folded position -> the first person holding it */
	const text_t *t;
	int *org_at; /* org mention starting at token, or -1 */
	int *org_in; /* org mention covering token, or -1 */
	int pos, hon, sur, loc, pl;
	unsigned char *foreign; /* per token: 0 not yet known, 1 Vietnamese, 2 foreign */
} ctx_t;

/* a capitalised word (inline: every name and position test asks it) */
static inline int people_is_cap(const tok_t *t)
{
	return t->kind == TK_WORD && (t->flags & (TF_CAP | TF_UPPER));
}

/* positions.c: tokens, titles and positions */
int people_is_punct(const ctx_t *c, size_t i, char ch);
int people_is_dash_sep(const ctx_t *c, size_t i);
int people_is_stop(const ctx_t *c, size_t i);
int people_title_start(const ctx_t *c, size_t i);
/* names.c: names and the signs of a foreign one */
size_t people_surname_at(const ctx_t *c, size_t i);
size_t people_name_at(const ctx_t *c, size_t i, int need_surname);
size_t people_word_end(const ctx_t *c, size_t j);
int people_foreign_word(const ctx_t *c, size_t i);
size_t people_foreign_name_at(const ctx_t *c, size_t i);
size_t people_name_in_body_tail(const ctx_t *c, size_t a, size_t b);
int people_ends_with_country(const ctx_t *c, size_t end);
size_t people_name_after(const ctx_t *c, size_t k, int has_hon, int had_pos);
size_t people_position_at(const ctx_t *c, size_t i, size_t lim, position_t *out, int before_name);
void people_free_positions(person_mention_t *pm);
int people_add_pos(arena_t *ar, person_mention_t *pm, position_t *p);
size_t people_chain_after(const ctx_t *c, size_t j, person_mention_t *pm);

#endif
