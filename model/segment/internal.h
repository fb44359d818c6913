/* Internal to model/segment: the state of one segmentation and the helpers
 * its files share.
 *
 * The segmenter reads the atoms of the shared text (model/text/text.h). What
 * it calls a "word token" (seg_wtok_t) is a run of glued atoms, i.e. what a
 * whitespace tokenizer would cut: "TP.HCM", "giả:", "Trí Anh/VOV.VN" is
 * two. Character checks decode one code point with the shared decoder and
 * look it up in the shared table (chars.h); vocabulary comes from
 * model/lexicon/segment.tsv through the tagged lexicon hits. */
#ifndef MEETINGD_SEGMENT_INTERNAL_H
#define MEETINGD_SEGMENT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "model/lexicon/lex.h"
#include "model/segment/segment.h"
#include "model/tag/classes.h"
#include "model/text/chars.h"
#include "model/text/text.h"

#define SEG_NONE UINT32_MAX

typedef struct seg_wtok {
	uint32_t start, end; /* bytes */
	uint32_t t0, t1;     /* atoms [t0, t1) */
} seg_wtok_t;

typedef struct seg_pair {
	uint32_t open, in, close, end; /* bytes: mark, content start, closing mark, after it */
	uint32_t topen, tclose;	       /* atoms of the two marks */
} seg_pair_t;

typedef struct seg_sent {
	uint32_t start, end; /* bytes */
	uint32_t tok;	     /* its first atom */
} seg_sent_t;

typedef struct seg_line {
	uint32_t start, end; /* bytes, trimmed */
	uint32_t t0, t1;     /* atoms */
} seg_line_t;

/* A paragraph or caption. Its sentences and quotation pairs are kept when
 * they were already computed for exactly its text (s0, p0 != SEG_NONE). */
typedef struct seg_block {
	span_t sp;
	int caption;
	uint32_t s0, s1; /* ctx.bsents */
	uint32_t p0, p1; /* ctx.bpairs, sorted by opening mark */
} seg_block_t;

typedef AVEC(seg_pair_t) seg_pair_vec;
typedef AVEC(seg_sent_t) seg_sent_vec;

typedef struct seg_ctx {
	const text_t *tx;
	const char *t;
	size_t len;
	arena_t *ar;
	article_t *a;
	AVEC(seg_line_t) lines;	  /* non-empty lines */
	AVEC(seg_block_t) blocks; /* paragraphs and captions in text order */
	AVEC(uint32_t) marks;	  /* atoms that are . ! ? … or a quotation mark */
	AVEC(uint32_t) credits;	  /* atoms spelled like the photo credit word */
	seg_pair_vec pairs, outer, cpairs, bpairs;
	seg_sent_vec sents, csents, bsents;
	AVEC(seg_wtok_t) toks;		  /* word tokens of the range being looked at */
	size_t tk_next, tk_start, tk_end; /* where segment_tokenize_more() continues */
	uint32_t *qtab;			  /* quote index + 1, open addressing */
	uint32_t *qhash;		  /* the hash of each quote */
	size_t qcap;
	int oom;
} seg_ctx_t;

/* ---- characters (one decode, one table lookup) ---- */

static inline unsigned seg_cls(int32_t c)
{
	struct char_info b;
	return c < 0 ? 0 : chars_info((uint32_t)c, &b)->cls;
}

static inline int seg_space(int32_t c)
{
	return (seg_cls(c) & CC_SPACE) != 0;
}

static inline int seg_upper(int32_t c)
{
	return (seg_cls(c) & CC_UPPER) != 0;
}

static inline int seg_lower(int32_t c)
{
	return (seg_cls(c) & CC_LOWER) != 0;
}

static inline int seg_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* Letters, and combining marks so that a decomposed "Hòa" stays one word. */
static inline int seg_alnum(int32_t c)
{
	return seg_digit(c) || (seg_cls(c) & CC_LETTER);
}

static inline int seg_term(int32_t c) /* sentence-final marks: . ! ? … */
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static inline int seg_qclose(int32_t c) /* closing quotes and brackets after a full stop */
{
	return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == ')' ||
	       c == ']';
}

/* The code point at t[i] (i < e), or -1; U+FFFD inside a code point (the
 * "second letter" tests read the byte after the first, so they only see a
 * capital after an ASCII one). */
static inline int32_t seg_cp_at(const seg_ctx_t *c, size_t i, size_t e)
{
	if (i >= e)
		return -1;
	if (((unsigned char)c->t[i] & 0xC0) == 0x80)
		return 0xFFFD;
	return (int32_t)chars_decode(c->t, e, &i);
}

/* Start of the code point that ends at i (s < i). */
static inline size_t seg_prev(const seg_ctx_t *c, size_t s, size_t i)
{
	size_t p = chars_prev(c->t, i);
	return p < s ? s : p;
}

static inline int32_t seg_cp_before(const seg_ctx_t *c, size_t s, size_t i)
{
	return i > s ? seg_cp_at(c, seg_prev(c, s, i), i) : -1;
}

/* Atom x follows the one before it without a space and starts before e. */
static inline int seg_glued(const seg_ctx_t *c, size_t x, size_t e)
{
	const tok_t *t = &c->tx->tok[x];
	return x < c->tx->n && !(t->flags & TF_SPACE) && t->start < e;
}

/* The first code point of atom x. */
static inline int32_t seg_first_cp(const seg_ctx_t *c, size_t x)
{
	const tok_t *t = &c->tx->tok[x];
	if (t->kind == TK_PUNCT)
		return (int32_t)t->val;
	size_t i = t->start;
	return (int32_t)chars_decode(c->t, t->end, &i);
}

/* ---- shared between the files of model/segment ---- */

/* Trim blanks around [*s, *e). */
void segment_trim(const seg_ctx_t *c, size_t *s, size_t *e);

/* Word tokens of [s, e) into c->toks, at most max; _more takes up to max in
 * all where the last call stopped. 0 or -1 (ENOMEM). */
int segment_tokenize(seg_ctx_t *c, size_t s, size_t e, size_t max);
int segment_tokenize_more(seg_ctx_t *c, size_t max);

/* The entry of lexicon lx that spans exactly atoms [i, j), or NULL. */
const lex_entry_t *segment_entry(const seg_ctx_t *c, int lx, size_t i, size_t j);

/* Column 3 of an entry ("" when the row has none). */
static inline const char *segment_detail(const lex_entry_t *e)
{
	return e->ncols >= 3 ? e->cols[2] : "";
}

/* Atoms [i, j) are written with the blanks and the punctuation of form;
 * strict: each blank is one ASCII space. */
int segment_form_fits(const seg_ctx_t *c, size_t i, size_t j, const char *form, int strict);

/* Atom i is spelled (bytes, case included) as entry e's form or as one of
 * the blank-separated spellings alts. */
int segment_spelled(const seg_ctx_t *c, size_t i, const lex_entry_t *e, const char *alts);

/* The word token is exactly an entry of lexicon lx, or NULL. */
const lex_entry_t *segment_wtok_is(const seg_ctx_t *c, const seg_wtok_t *w, int lx);

/* Bytes [s, e) are one atom that is a sentence starter as spelled in
 * segment.tsv ("Sáng", not "sáng"). */
int segment_starter(const seg_ctx_t *c, size_t s, size_t e);

/* ---- quotes.c ---- */

/* The first entry of ctx.marks at or after byte off. */
size_t segment_mark_at(const seg_ctx_t *c, size_t off);

/* Pair the quotation marks of [s, e) into *out (the arena's), sorted by
 * opening mark. 0 or -1 (ENOMEM). */
int segment_match_quotes(seg_ctx_t *c, size_t s, size_t e, seg_pair_vec *out);

/* Count the quoted phrases of pairs pv into the article's quotes. */
int segment_collect_quotes(seg_ctx_t *c, const seg_pair_t *pv, size_t pn);

/* ---- sentences.c ---- */

/* Split [s, e) (trimmed) into sentences appended to *out; pv are the
 * sorted pairs of exactly [s, e). 0 or -1 (ENOMEM). */
int segment_split(seg_ctx_t *c, size_t s, size_t e, const seg_pair_t *pv, size_t pn,
		  seg_sent_vec *out);

/* ---- names.c: names and authors ---- */

enum { SEG_NC_NONE = 0, SEG_NC_TITLE = 1, SEG_NC_CAPS = 2, SEG_NC_INITIAL = 3 };

typedef struct seg_names {
	int n;		     /* names found */
	int dash;	     /* separated by '-' or '–' */
	int caps;	     /* every name in capitals */
	size_t t0[4], t1[4]; /* word-token range of each name */
	size_t e[4];	     /* byte end of each name (a trailing comma dropped) */
	int cls[4];
} seg_names_t;

/* Case class (SEG_NC_*) of one name syllable [s, e). */
int segment_syllable_class(const seg_ctx_t *c, size_t s, size_t e);

/* Case class of a name token [s, e) ("Vũ-Trung", "T.Đảng"), syllables in *syl. */
int segment_name_token(const seg_ctx_t *c, size_t s, size_t e, int *syl);

/* The word token separates two names ("-", "–", "&", ",", "và"). */
int segment_is_sep(const seg_ctx_t *c, const seg_wtok_t *w);

/* [s, e) is a news agency or an organisation credit. */
int segment_is_agency(const seg_ctx_t *c, size_t s, size_t e);

/* Names in c->toks[a, b) into *nl; returns how many (0: not names). */
int segment_parse_names(seg_ctx_t *c, size_t a, size_t b, int partial, seg_names_t *nl,
			size_t *used);

/* Record the names as authors (names in the arena). 0 or -1 (ENOMEM). */
int segment_add_names(seg_ctx_t *c, const seg_names_t *nl);

/* ---- bylines.c ---- */

/* The word token [s, e) ends a sentence (not an initial "H."). */
int segment_ends_sentence(const seg_ctx_t *c, size_t s, size_t e);

/* Start of the word token that ends at e (at most 32 bytes back, not before s). */
size_t segment_token_start(const seg_ctx_t *c, size_t s, size_t e);

/* Line [s, e) is only a byline or a credit (authors recorded): 1, 0, or -1
 * (ENOMEM). */
int segment_byline_line(seg_ctx_t *c, size_t s, size_t e);

/* The end of paragraph [s, e) before a byline run into it (authors
 * recorded; c->oom on ENOMEM). */
size_t segment_trailing_byline(seg_ctx_t *c, size_t s, size_t e, int long_par);

/* The end of a byline opening sentence [s, e) of a run-together body, or 0
 * (authors recorded; c->oom on ENOMEM). */
size_t segment_mid_byline(seg_ctx_t *c, size_t s, size_t e);

/* ---- captions.c ---- */

/* Body line [s, e) into paragraph and caption blocks. 0 or -1 (ENOMEM). */
int segment_body_line(seg_ctx_t *c, size_t s, size_t e, int first, int after_img, int last);

/* ---- article.c ---- */

/* Add block [s, e) (trimmed) with its sentences and sorted pairs when they
 * are known for exactly that text (sv/pv NULL: not known); copied into the
 * arena. 0 or -1 (ENOMEM). */
int segment_push_block(seg_ctx_t *c, size_t s, size_t e, int caption, const seg_sent_t *sv,
		       size_t sn, const seg_pair_t *pv, size_t pn);

#endif
