/* Internal to model/documents: the scan context, the tables built from
 * doc_types.tsv, and the token predicates every part shares.
 *
 * The shared tokens are atoms ("30a" is NUM 30 + glued WORD a, "UBTVQH13"
 * WORD UBTVQH + glued NUM 13). The grammar of citations was written for
 * words of letters and digits together, so it walks *units*: one
 * punctuation atom, or a run of glued letter and digit atoms (u_end). Every
 * index the rules hold is the first atom of a unit; most units are one
 * atom, and the helpers below only look further when an atom is glued to
 * the next. */
#ifndef MEETINGD_DOCUMENTS_INTERNAL_H
#define MEETINGD_DOCUMENTS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/documents/documents.h"
#include "model/lexicon/lex.h"
#include "model/tag/classes.h"
#include "model/text/text.h"

#define DOC_SUBJ_CAP 400  /* bytes: a trích yếu longer than this has lost its end */
#define DOC_ISSUER_MAX 30 /* units */
#define DOC_MAXTYPE 80
#define DOC_MAXCODE 96
#define DOC_MAXENTRY 160 /* rows of one doc lexicon */

enum { DOC_FAM_STATE = 1, DOC_FAM_PARTY = 2, DOC_FAM_BOTH = 3 };
enum { DOC_VERB_DIRECT = 0, DOC_VERB_TAI = 1, DOC_VERB_FAR = 2 };

/* A symbol code of a type row ("QĐi"): its bytes for the exact-case pass,
 * its token key for the case-insensitive one. */
typedef struct doc_code {
	const char *code;
	uint32_t hash;
	uint8_t len, klen;
	uint8_t family;
	int16_t type;
	char key[24]; /* a code of < 16 bytes has a key of <= 16 */
} doc_code_t;

/* Built once from the LEX_DOC_* lexicons (documents_tables_init). */
typedef struct doc_tables {
	int ok;
	int ntype;
	const char *type_name[DOC_MAXTYPE]; /* canonical, in file order */
	uint8_t type_short[DOC_MAXTYPE];    /* "TYPE 05" without "số" is a citation */
	int16_t entry_type[DOC_MAXENTRY];   /* LEX_DOC_TYPE entry -> type, -1 */
	uint8_t verb_mode[DOC_MAXENTRY];    /* LEX_DOC_VERB entry -> DOC_VERB_* */
	size_t maxtok;			    /* longest form of any doc lexicon */
	doc_code_t code[DOC_MAXCODE];
	int ncode;
} doc_tables_t;

extern doc_tables_t documents_tables;

typedef struct doc_ctx {
	const text_t *tx;
	const tok_t *t;
	size_t n;
	const char *s;
	const date_list_t *dates;
	const term_list_t *terms;
	arena_t *arena;
	uint8_t *used;	    /* atoms inside a full citation */
	const uint8_t *cls; /* the token classes (tag_classes) */
} doc_ctx_t;

/* A citation being built, with its token ranges. */
typedef struct doc_cand {
	doc_cite_t d;
	size_t ts, te; /* atoms of the whole citation */
	size_t ns, ne; /* atoms of the number ("30a": two) */
	size_t se;     /* end of the symbol (ne for a short form) */
	int ti;	       /* type index, -1 */
	bool postposed_issuer;
} doc_cand_t;

typedef AVEC(doc_cand_t) doc_cand_vec_t;

/* ---- atoms and units ---- */

static inline bool doc_is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212;
}

/* Whitespace before atom i (i <= n); the start of the text counts. */
static inline bool doc_sp(const doc_ctx_t *c, size_t i)
{
	return i == 0 || (c->t[i].flags & TF_SPACE);
}

static inline bool doc_nl(const doc_ctx_t *c, size_t i)
{
	return c->t[i].flags & TF_NL;
}

/* Atom i follows on the same line, after a space. */
static inline bool doc_sp_ok(const doc_ctx_t *c, size_t i)
{
	return i < c->n && doc_sp(c, i) && !doc_nl(c, i);
}

/* Atom i is glued to the one before it. */
static inline bool doc_glued(const doc_ctx_t *c, size_t i)
{
	return i < c->n && i > 0 && !(c->t[i].flags & TF_SPACE);
}

static inline bool doc_is_p(const doc_ctx_t *c, size_t i, uint32_t cp)
{
	return i < c->n && c->t[i].kind == TK_PUNCT && c->t[i].val == cp;
}

static inline bool doc_is_dash_tok(const doc_ctx_t *c, size_t i)
{
	return i < c->n && c->t[i].kind == TK_PUNCT && doc_is_dash(c->t[i].val);
}

/* Atom i (<= n) continues the letter/digit run of atom i - 1. */
static inline bool doc_joins(const doc_ctx_t *c, size_t i)
{
	return c->t[i].kind <= TK_NUM && !(c->t[i].flags & TF_SPACE) && i > 0 &&
	       c->t[i - 1].kind <= TK_NUM;
}

/* The atom after the unit starting at i (i < n). */
static inline size_t doc_u_end(const doc_ctx_t *c, size_t i)
{
	size_t j = i + 1;
	if (c->t[i].kind == TK_PUNCT)
		return j;
	while (doc_joins(c, j))
		j++;
	return j;
}

/* Start of the unit ending at atom i - 1 (0 < i). */
static inline size_t doc_u_prev(const doc_ctx_t *c, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && doc_joins(c, j))
		j--;
	return j;
}

/* The unit at i is one atom. */
static inline bool doc_u_single(const doc_ctx_t *c, size_t i)
{
	return !doc_joins(c, i + 1);
}

/* A number alone ("2021"; "30a" is a word). */
static inline bool doc_u_num(const doc_ctx_t *c, size_t i)
{
	return i < c->n && c->t[i].kind == TK_NUM && doc_u_single(c, i);
}

/* A unit with a letter in it. */
static inline bool doc_u_word(const doc_ctx_t *c, size_t i)
{
	return i < c->n &&
	       (c->t[i].kind == TK_WORD || (c->t[i].kind == TK_NUM && !doc_u_single(c, i)));
}

/* The first cased letter of the unit is upper case. */
static inline bool doc_u_up(const doc_ctx_t *c, size_t i)
{
	if (i >= c->n)
		return false;
	size_t e = doc_u_end(c, i);
	for (size_t j = i; j < e; j++)
		if (c->t[j].kind == TK_WORD && (c->t[j].nup || c->t[j].nlow))
			return c->t[j].flags & TF_CAP;
	return false;
}

/* Lower-case letters of the unit. */
static inline unsigned doc_u_nlow(const doc_ctx_t *c, size_t i)
{
	unsigned k = 0;
	for (size_t j = i, e = doc_u_end(c, i); j < e; j++)
		k += c->t[j].kind == TK_WORD ? c->t[j].nlow : 0;
	return k;
}

static inline size_t doc_u_len(const doc_ctx_t *c, size_t i)
{
	return c->t[doc_u_end(c, i) - 1].end - c->t[i].start;
}

/* The unit at i is the grammar word kw alone. */
static inline bool doc_word(const doc_ctx_t *c, size_t i, uint16_t kw)
{
	return i < c->n && c->t[i].kind == TK_WORD && c->t[i].kw == kw && doc_u_single(c, i);
}

static inline bool doc_is_year(const doc_ctx_t *c, size_t i)
{
	return doc_u_num(c, i) && c->t[i].ndig == 4 && c->t[i].val >= 1900 && c->t[i].val <= 2100;
}

/* ---- symbol.c: tables, phrases, numbers and codes ---- */

/* Fill documents_tables from the lexicons (pthread_once). */
void documents_tables_init(void);

/* Longest entry of lexicon lx made of whole units from atom i, or NULL;
 * *len its atoms. */
const lex_entry_t *documents_phrase_at(const doc_ctx_t *c, int lx, size_t i, size_t *len);

/* Longest entry of lx ending with the unit at e, or NULL; *start its first
 * atom, *len its atoms. */
const lex_entry_t *documents_phrase_end(const doc_ctx_t *c, int lx, size_t e, size_t *start,
					size_t *len);

static inline bool doc_kind_at(const doc_ctx_t *c, int lx, size_t i)
{
	return documents_phrase_at(c, lx, i, NULL) != NULL;
}

/* Type index of a LEX_DOC_TYPE entry, -1. */
int documents_entry_type(const lex_entry_t *e);

/* "21", "05", "30a": a document number unit at i. */
bool documents_is_docnum(const doc_ctx_t *c, size_t i);

/* Type index of the code atom k in a family, -1. */
int documents_type_of_code(const doc_ctx_t *c, size_t k, int family);

/* The code atom k starts with a code of type ti ("KHLT" of Kế hoạch). */
bool documents_code_extends_type(const doc_ctx_t *c, size_t k, int ti);

/* Text of atoms [a, b) without the spaces, dashes as '-', in the arena. */
char *documents_join(const doc_ctx_t *c, size_t a, size_t b);

typedef struct doc_sym {
	size_t end;	   /* atom after the symbol */
	size_t tc;	   /* type code atom, or SIZE_MAX */
	size_t ic_s, ic_e; /* issuer code atoms */
	size_t rest_s;	   /* công văn: the drafting unit after the issuer */
	int family;
	const char *rule;
} doc_sym_t;

/* The symbol whose number unit starts at i; the atom after it, 0 when none. */
size_t documents_parse_symbol(const doc_ctx_t *c, size_t i, doc_sym_t *sy);

/* ---- tail.c: what follows a number ---- */

/* The issuer name starting at p: the atom after it (p when none). */
size_t documents_parse_issuer(const doc_ctx_t *c, size_t p);

/* Date, "của" issuer and "về" subject after the symbol or number ending
 * before atom t; returns the atom after the citation. */
size_t documents_parse_tail(const doc_ctx_t *c, size_t t, doc_cand_t *cd);

/* The date after "ngày" at p as the dates recogniser read it: the atom
 * after it, 0 when none. y/m/d stay 0 unless the year is written. */
size_t documents_ngay_date(const doc_ctx_t *c, size_t p, int *y, int *m, int *d);

/* ---- mention.c: full citations, agents, short mentions ---- */

/* Emit the citation of the symbol sy whose number starts at i. 0, -1 OOM. */
int documents_emit_symbol(const doc_ctx_t *c, size_t i, const doc_sym_t *sy, doc_cand_vec_t *out);

/* Append the short re-mentions ("Quyết định 935"). 0, -1 OOM. */
int documents_find_short(const doc_ctx_t *c, doc_cand_vec_t *out);

/* ---- group.c ---- */

/* Set same_as of the n candidates (text order); base is the index of the
 * first in the output list. 0, -1 OOM. */
int documents_link_same(const doc_ctx_t *c, doc_cand_t *v, size_t n, size_t base);

#endif
