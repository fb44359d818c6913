/* Official document references: Party and State symbols and citations.
 *
 * The text is cut once into tokens (words, digit runs, single punctuation
 * marks) with a folded key per word, so every rule below is a bounded look
 * at neighbouring tokens and the whole scan stays linear. Keys fold case and
 * tone placement ("thỏa" = "thoả", "QUYẾT ĐỊNH" = "Quyết định"); offsets are
 * always those of the untouched input. */
#include "documents.h"
#include "normalize.h"

#include "lexicon.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define KEYMAX 24     /* folded syllable; longer words never match a phrase */
#define MAXSYL 4      /* "Chương trình hành động", "Nghị quyết liên tịch" */
#define MAXPHRASE 512 /* rows of doc_types.tsv */
#define NBUCKET 257
#define MAXTYPE 80
#define MAXCODE 96
#define SUBJ_CAP 400  /* bytes: a trích yếu longer than this has lost its end */
#define ISSUER_MAX 30 /* tokens */

/* ------------------------------------------------------------------ */
/* Folding                                                             */

static bool is_tone(int32_t cp)
{
	return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 || cp == 0x323 ||
	       cp == 0x340 || cp == 0x341;
}

/* Folded key of one word: case folded, decomposed, the tone mark moved to
 * the end so "hoà"/"hòa" and "uỷ"/"ủy" agree. Returns the key length, 0 when
 * it does not fit. */
static size_t fold_word(const uint8_t *s, size_t n, char *key, size_t cap)
{
	size_t k = 0, i = 0;
	int32_t tone = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (r <= 0)
			return 0;
		i += (size_t)r;
		utf8proc_int32_t buf[8];
		long m = fold_decompose(cp, buf, 8, 1);
		if (m < 0 || m > 8)
			return 0;
		for (long j = 0; j < m; j++) {
			int32_t c = buf[j];
			if (is_tone(c)) {
				tone = c;
				continue;
			}
			if (c == 0xF0) /* Ð (U+00D0) written for Đ */
				c = 0x111;
			uint8_t enc[4];
			utf8proc_ssize_t el = utf8proc_encode_char(c, enc);
			if (el <= 0 || k + (size_t)el + 2 > cap)
				return 0;
			memcpy(key + k, enc, (size_t)el);
			k += (size_t)el;
		}
	}
	if (tone) {
		if (k + 2 > cap)
			return 0;
		key[k++] = (char)(tone & 0x3f) | 0x40;
	}
	if (k == 0 || k >= cap)
		return 0;
	key[k] = '\0';
	return k;
}

/* ------------------------------------------------------------------ */
/* Lexicon tables                                                      */

enum pkind {
	P_TYPE,
	P_HEAD,
	P_IWORD,
	P_ISTOP,
	P_VERB,
	P_PREVERB,
	P_COUNT,
	P_ABBR,
	P_SSTOP,
};

enum { FAM_STATE = 1, FAM_PARTY = 2, FAM_BOTH = 3 };
enum { VERB_DIRECT = 0, VERB_TAI = 1, VERB_FAR = 2 };

typedef struct phrase {
	uint8_t kind, nsyl;
	uint8_t klen[MAXSYL];
	char key[MAXSYL][KEYMAX];
	int val;  /* P_TYPE: type index; P_VERB: mode */
	int next; /* bucket chain */
} phrase_t;

typedef struct code_row {
	char code[16];
	int family;
	int type;
} code_row_t;

static struct {
	phrase_t ph[MAXPHRASE];
	int nph;
	int bucket[NBUCKET];
	char *type_name[MAXTYPE];
	bool type_short[MAXTYPE];
	int ntype;
	code_row_t code[MAXCODE];
	int ncode;
} L;

static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static unsigned key_hash(const char *k, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)k[i]) * 16777619u;
	return h % NBUCKET;
}

/* Add "Nghị quyết liên tịch" as a phrase of the given kind. */
static void add_phrase(int kind, const char *form, int val)
{
	if (L.nph >= MAXPHRASE)
		return;
	phrase_t *p = &L.ph[L.nph];
	memset(p, 0, sizeof(*p));
	const char *s = form;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		if (p->nsyl >= MAXSYL)
			return;
		size_t k = fold_word((const uint8_t *)s, (size_t)(e - s), p->key[p->nsyl], KEYMAX);
		if (!k)
			return;
		p->klen[p->nsyl++] = (uint8_t)k;
		s = e;
	}
	if (!p->nsyl)
		return;
	p->kind = (uint8_t)kind;
	p->val = val;
	unsigned b = key_hash(p->key[0], p->klen[0]);
	p->next = L.bucket[b];
	L.bucket[b] = L.nph++;
}

static int type_index(const char *name, bool is_short)
{
	for (int i = 0; i < L.ntype; i++)
		if (strcmp(L.type_name[i], name) == 0) {
			L.type_short[i] = L.type_short[i] || is_short;
			return i;
		}
	if (L.ntype >= MAXTYPE)
		return -1;
	char *dup = strdup(name);
	if (!dup)
		return -1;
	L.type_name[L.ntype] = dup;
	L.type_short[L.ntype] = is_short;
	add_phrase(P_TYPE, name, L.ntype);
	return L.ntype++;
}

static void load_type_row(char **cols, int nc)
{
	if (nc < 4)
		return;
	bool is_short = nc >= 5 && cols[4][0] == '1';
	int ti = type_index(cols[1], is_short);
	if (ti < 0)
		return;
	int fam = strcmp(cols[3], "party") == 0	  ? FAM_PARTY
		  : strcmp(cols[3], "state") == 0 ? FAM_STATE
						  : FAM_BOTH;
	if (strcmp(cols[2], "-") != 0 && L.ncode < MAXCODE &&
	    strlen(cols[2]) < sizeof(L.code[0].code)) {
		code_row_t *r = &L.code[L.ncode++];
		strcpy(r->code, cols[2]);
		r->family = fam;
		r->type = ti;
	}
	if (nc >= 6) {
		char *a = cols[5];
		while (a && *a) {
			char *comma = strchr(a, ',');
			if (comma)
				*comma = '\0';
			while (*a == ' ')
				a++;
			if (*a)
				add_phrase(P_TYPE, a, ti);
			a = comma ? comma + 1 : NULL;
		}
	}
}

static void load_tables(void)
{
	for (int i = 0; i < NBUCKET; i++)
		L.bucket[i] = -1;
	const struct embedded_file *f = lexicon_file("doc_types");
	if (!f)
		return;
	size_t pos = 0;
	char line[512];
	char *cols[8];
	int nc;
	static const struct {
		const char *name;
		int kind;
	} kinds[] = {
	    {"head", P_HEAD}, {"issuer_word", P_IWORD},	 {"issuer_stop", P_ISTOP},
	    {"verb", P_VERB}, {"pre_verb", P_PREVERB},	 {"count_word", P_COUNT},
	    {"abbr", P_ABBR}, {"subject_stop", P_SSTOP},
	};
	while ((nc = lexicon_next_row(f, &pos, line, sizeof(line), cols, 8)) >= 0) {
		if (nc < 2)
			continue;
		if (strcmp(cols[0], "type") == 0) {
			load_type_row(cols, nc);
			continue;
		}
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (strcmp(cols[0], kinds[k].name) == 0) {
				int val = 0;
				if (kinds[k].kind == P_VERB && nc >= 3)
					val = strcmp(cols[2], "far") == 0   ? VERB_FAR
					      : strcmp(cols[2], "tai") == 0 ? VERB_TAI
									    : VERB_DIRECT;
				add_phrase(kinds[k].kind, cols[1], val);
			}
	}
}

/* Grammar words the rules are built on; folded once. */
typedef struct fkey {
	size_t len;
	char k[KEYMAX];
} fkey_t;

static fkey_t K_SO, K_NGAY, K_THANG, K_NAM, K_CUA, K_VE, K_VA, K_TAI, K_KHOA, K_NHIEM, K_KY, K_LAN,
    K_THU, K_DUOC;

static void fold_const(fkey_t *k, const char *s)
{
	k->len = fold_word((const uint8_t *)s, strlen(s), k->k, KEYMAX);
}

static void init_once(void)
{
	fold_const(&K_SO, "số");
	fold_const(&K_NGAY, "ngày");
	fold_const(&K_THANG, "tháng");
	fold_const(&K_NAM, "năm");
	fold_const(&K_CUA, "của");
	fold_const(&K_VE, "về");
	fold_const(&K_VA, "và");
	fold_const(&K_TAI, "tại");
	fold_const(&K_KHOA, "khóa");
	fold_const(&K_NHIEM, "nhiệm");
	fold_const(&K_KY, "kỳ");
	fold_const(&K_LAN, "lần");
	fold_const(&K_THU, "thứ");
	fold_const(&K_DUOC, "được");
	load_tables();
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

enum { T_WORD, T_NUM, T_PUNCT };

typedef struct tok {
	uint32_t s, e;
	int32_t cp; /* first code point; -1 for an invalid byte */
	uint8_t kind;
	uint8_t sp; /* whitespace before */
	uint8_t nl; /* a line break before */
	uint8_t up; /* first letter upper case */
	uint8_t nup, nlow, ndig;
	uint8_t klen; /* 0: no key */
	char key[KEYMAX];
} tok_t;

typedef VEC(tok_t) tok_vec_t;

typedef struct ctx {
	const char *text;
	tok_t *t;
	size_t n;
} ctx_t;

static bool is_newline(int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static bool is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' || is_newline(cp) || cp == 0xFEFF ||
	    cp == 0x200B)
		return true;
	if (cp < 0x80)
		return false;
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

static bool is_wordch(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ND:
		return true;
	default:
		return false;
	}
}

static uint8_t sat_inc(uint8_t v)
{
	return v < 255 ? (uint8_t)(v + 1) : v;
}

static int tokenize(const char *text, size_t len, tok_vec_t *out)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t i = 0;
	bool sp = false, nl = false;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (r <= 0) {
			r = 1;
			cp = -1;
		}
		if (cp >= 0 && is_space(cp)) {
			sp = true;
			nl = nl || is_newline(cp);
			i += (size_t)r;
			continue;
		}
		tok_t *t = vec_push(out);
		if (!t)
			return -1;
		t->s = (uint32_t)i;
		t->cp = cp;
		t->sp = sp || i == 0;
		t->nl = nl;
		sp = nl = false;
		if (!is_wordch(cp)) {
			t->kind = T_PUNCT;
			i += (size_t)r;
			t->e = (uint32_t)i;
			continue;
		}
		bool all_digits = true, first = true;
		while (i < len) {
			utf8proc_int32_t c2;
			utf8proc_ssize_t r2 =
			    utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c2);
			if (r2 <= 0 || !is_wordch(c2))
				break;
			if (c2 >= '0' && c2 <= '9') {
				t->ndig = sat_inc(t->ndig);
			} else {
				all_digits = false;
				bool u = utf8proc_isupper(c2);
				if (u)
					t->nup = sat_inc(t->nup);
				else if (utf8proc_islower(c2))
					t->nlow = sat_inc(t->nlow);
				if (first && (u || utf8proc_islower(c2))) {
					t->up = u;
					first = false;
				}
			}
			i += (size_t)r2;
		}
		t->e = (uint32_t)i;
		t->kind = all_digits ? T_NUM : T_WORD;
		if (t->e - t->s < 40)
			t->klen = (uint8_t)fold_word(s + t->s, t->e - t->s, t->key, KEYMAX);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Token predicates                                                    */

static bool is_dash(int32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212;
}

static bool is_p(const ctx_t *c, size_t i, int32_t cp)
{
	return i < c->n && c->t[i].kind == T_PUNCT && c->t[i].cp == cp;
}

static bool is_dash_tok(const ctx_t *c, size_t i)
{
	return i < c->n && c->t[i].kind == T_PUNCT && is_dash(c->t[i].cp);
}

/* Token i follows on the same line, after a space. */
static bool sp_ok(const ctx_t *c, size_t i)
{
	return i < c->n && c->t[i].sp && !c->t[i].nl;
}

/* Token i is glued to the one before it. */
static bool glued(const ctx_t *c, size_t i)
{
	return i < c->n && i > 0 && !c->t[i].sp;
}

static bool key_eq(const tok_t *t, const char *k, size_t len)
{
	return t->klen == len && memcmp(t->key, k, len) == 0;
}

static bool word_eq(const ctx_t *c, size_t i, const fkey_t *k)
{
	return i < c->n && c->t[i].kind == T_WORD && k->len && key_eq(&c->t[i], k->k, k->len);
}

static size_t tok_len(const ctx_t *c, size_t i)
{
	return c->t[i].e - c->t[i].s;
}

static int num_value(const ctx_t *c, size_t i)
{
	int v = 0;
	for (uint32_t k = c->t[i].s; k < c->t[i].e && v < 100000; k++)
		v = v * 10 + (c->text[k] - '0');
	return v;
}

static bool is_year(const ctx_t *c, size_t i)
{
	if (i >= c->n || c->t[i].kind != T_NUM || tok_len(c, i) != 4)
		return false;
	int v = num_value(c, i);
	return v >= 1900 && v <= 2100;
}

/* A document number: "21", "05", "30a" (a letter suffix, "36a/NQ-CP"). */
static bool is_docnum(const ctx_t *c, size_t i)
{
	if (i >= c->n)
		return false;
	const tok_t *t = &c->t[i];
	size_t n = t->e - t->s;
	if (t->kind == T_NUM)
		return n <= 5;
	if (t->kind != T_WORD || t->ndig < 1 || t->ndig > 5 || n != (size_t)t->ndig + 1)
		return false;
	char last = c->text[t->e - 1];
	return last >= 'a' && last <= 'z';
}

/* A symbol code: "KL", "QĐi", "CTr", "TTg", "UBTVQH13". Mostly capitals. */
static bool code_tok(const ctx_t *c, size_t i, bool digits)
{
	if (i >= c->n)
		return false;
	const tok_t *t = &c->t[i];
	if (t->kind != T_WORD || !t->up || t->nup < 1 || t->nup < t->nlow || t->e - t->s > 24)
		return false;
	if (!digits && t->ndig)
		return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Phrase matching                                                     */

static bool phrase_match(const ctx_t *c, size_t i, const phrase_t *p)
{
	if (i + p->nsyl > c->n)
		return false;
	for (size_t k = 0; k < p->nsyl; k++) {
		const tok_t *t = &c->t[i + k];
		if (t->kind == T_PUNCT || !key_eq(t, p->key[k], p->klen[k]))
			return false;
		if (k && !sp_ok(c, i + k))
			return false;
	}
	return true;
}

/* Longest phrase of a kind starting at token i; -1 when none. */
static int phrase_at(const ctx_t *c, size_t i, int kind, size_t *len)
{
	if (i >= c->n || c->t[i].kind == T_PUNCT || !c->t[i].klen)
		return -1;
	int best = -1;
	for (int pi = L.bucket[key_hash(c->t[i].key, c->t[i].klen)]; pi >= 0; pi = L.ph[pi].next) {
		const phrase_t *p = &L.ph[pi];
		if (p->kind != kind || (best >= 0 && p->nsyl <= L.ph[best].nsyl))
			continue;
		if (phrase_match(c, i, p))
			best = pi;
	}
	if (best >= 0 && len)
		*len = L.ph[best].nsyl;
	return best;
}

/* Longest phrase of a kind whose last token is e; -1 when none. */
static int phrase_ending_at(const ctx_t *c, size_t e, int kind, size_t *start)
{
	if (e >= c->n)
		return -1;
	for (size_t n = MAXSYL; n >= 1; n--) {
		if (n > e + 1)
			continue;
		size_t s = e + 1 - n;
		if (c->t[s].kind == T_PUNCT || !c->t[s].klen)
			continue;
		for (int pi = L.bucket[key_hash(c->t[s].key, c->t[s].klen)]; pi >= 0;
		     pi = L.ph[pi].next) {
			const phrase_t *p = &L.ph[pi];
			if (p->kind == kind && p->nsyl == n && phrase_match(c, s, p)) {
				*start = s;
				return pi;
			}
		}
	}
	return -1;
}

static bool kind_at(const ctx_t *c, size_t i, int kind)
{
	return phrase_at(c, i, kind, NULL) >= 0;
}

/* ------------------------------------------------------------------ */
/* Dates: "ngày 25.10.2021", "24/02/2017", "6-4-2016",
 * "11 tháng 01 năm 2017". Returns the token after the date (i when none);
 * y/m/d stay 0 unless day, month and year are all written. */
static size_t parse_date(const ctx_t *c, size_t i, int *y, int *m, int *d)
{
	*y = *m = *d = 0;
	if (i >= c->n || c->t[i].kind != T_NUM || tok_len(c, i) > 2)
		return i;
	int dd = num_value(c, i), mm = 0, yy = 0;
	size_t e = i;
	if (i + 2 < c->n && c->t[i + 1].kind == T_PUNCT && glued(c, i + 1) && glued(c, i + 2) &&
	    c->t[i + 2].kind == T_NUM && tok_len(c, i + 2) <= 2) {
		int32_t sep = c->t[i + 1].cp;
		if (sep != '/' && sep != '.' && !is_dash(sep))
			return i;
		mm = num_value(c, i + 2);
		e = i + 3;
		if (e + 1 < c->n && is_p(c, e, sep) && glued(c, e) && glued(c, e + 1) &&
		    is_year(c, e + 1)) {
			yy = num_value(c, e + 1);
			e += 2;
		}
	} else if (word_eq(c, i + 1, &K_THANG) && sp_ok(c, i + 1) && i + 2 < c->n &&
		   c->t[i + 2].kind == T_NUM && tok_len(c, i + 2) <= 2 && sp_ok(c, i + 2)) {
		mm = num_value(c, i + 2);
		e = i + 3;
		if (word_eq(c, e, &K_NAM) && sp_ok(c, e) && is_year(c, e + 1) && sp_ok(c, e + 1)) {
			yy = num_value(c, e + 1);
			e += 2;
		}
	} else {
		return i;
	}
	if (dd < 1 || dd > 31 || mm < 1 || mm > 12)
		return i;
	if (yy) {
		*y = yy;
		*m = mm;
		*d = dd;
	}
	return e;
}

/* ------------------------------------------------------------------ */
/* Issuer names: "Ban Chấp hành Trung ương Đảng khóa XIII",
 * "Ban thường vụ Thành ủy Hà Nội", "UBND tỉnh", "Bộ Kế hoạch và Đầu tư". */

static bool is_roman(const ctx_t *c, size_t i)
{
	if (i >= c->n || c->t[i].kind != T_WORD)
		return false;
	for (uint32_t k = c->t[i].s; k < c->t[i].e; k++)
		if (!strchr("IVXLCivxlc", c->text[k]))
			return false;
	return true;
}

/* "khóa XIII", "khoá XI", "nhiệm kỳ 2020 - 2025": the term that closes an
 * issuer name. Returns its token count, 0 when none. */
static size_t term_at(const ctx_t *c, size_t i)
{
	if (word_eq(c, i, &K_KHOA) && sp_ok(c, i + 1) &&
	    (is_roman(c, i + 1) || (c->t[i + 1].kind == T_NUM && tok_len(c, i + 1) <= 2)))
		return 2;
	if (word_eq(c, i, &K_NHIEM) && word_eq(c, i + 1, &K_KY) && sp_ok(c, i + 1) &&
	    is_year(c, i + 2) && sp_ok(c, i + 2)) {
		if (is_dash_tok(c, i + 3) && is_year(c, i + 4) && !c->t[i + 3].nl &&
		    !c->t[i + 4].nl)
			return 5;
		return 3;
	}
	return 0;
}

static bool is_type_start(const ctx_t *c, size_t i)
{
	return kind_at(c, i, P_TYPE);
}

enum { PV_NONE, PV_TITLE, PV_CAPS, PV_LOWER, PV_LISTED };

/* Returns the token after the issuer name starting at p (p when none). */
static size_t parse_issuer(const ctx_t *c, size_t p)
{
	size_t n = c->n, k = p, end = p, safe = p;
	int prev = PV_NONE, count = 0;
	bool pending = false;
	if (p >= n || c->t[p].kind != T_WORD || !c->t[p].up)
		return p;
	while (k < n && count++ < ISSUER_MAX) {
		const tok_t *t = &c->t[k];
		if (k > p && t->nl)
			break;
		if (t->kind == T_PUNCT) {
			/* joiners inside a name: "KH&ĐT", "TP.HCM", "T.Ư" */
			if (!t->sp && k > p && (t->cp == '&' || t->cp == '.' || is_dash(t->cp)) &&
			    k + 1 < n && !c->t[k + 1].sp && c->t[k + 1].kind != T_PUNCT) {
				k += 2;
				end = k;
				prev = c->t[k - 1].nlow && c->t[k - 1].up ? PV_TITLE : PV_CAPS;
				continue;
			}
			/* "UBND TP. Hồ Chí Minh" */
			if (t->cp == '.' && !t->sp && k > p && kind_at(c, k - 1, P_ABBR) &&
			    sp_ok(c, k + 1) && c->t[k + 1].kind == T_WORD && c->t[k + 1].up) {
				k++;
				prev = PV_NONE;
				continue;
			}
			/* "của Tỉnh ủy, HĐND, UBND tỉnh về ...": kept only when the
			 * list closes the clause (checked below) */
			if (t->cp == ',' && prev != PV_NONE && sp_ok(c, k + 1) &&
			    c->t[k + 1].kind == T_WORD && c->t[k + 1].up &&
			    !is_type_start(c, k + 1)) {
				if (!pending)
					safe = end;
				pending = true;
				k++;
				prev = PV_NONE;
				continue;
			}
			break;
		}
		if (k > p && !t->sp)
			break;
		if (t->kind == T_NUM) {
			/* "Hội nghị Trung ương 6", "Quận 9" */
			if (prev != PV_NONE && tok_len(c, k) <= 3 && !glued(c, k + 1) &&
			    (!kind_at(c, k + 1, P_COUNT) || term_at(c, k + 1))) {
				k++;
				end = k;
				prev = PV_CAPS;
				continue;
			}
			break;
		}
		size_t tl = term_at(c, k);
		if (tl && prev != PV_NONE) {
			k += tl;
			end = k;
			break;
		}
		/* "lần thứ sáu": "Hội nghị lần thứ sáu Ban Chấp hành ..." */
		if (prev != PV_NONE && word_eq(c, k, &K_LAN) && word_eq(c, k + 1, &K_THU) &&
		    sp_ok(c, k + 1) && sp_ok(c, k + 2) && c->t[k + 2].kind != T_PUNCT) {
			k += 3;
			end = k;
			prev = PV_CAPS;
			continue;
		}
		if (word_eq(c, k, &K_VA)) {
			if (prev != PV_NONE && sp_ok(c, k + 1) && c->t[k + 1].kind == T_WORD &&
			    c->t[k + 1].up && !is_type_start(c, k + 1)) {
				k++;
				prev = PV_NONE;
				continue;
			}
			break;
		}
		if (t->up) {
			k++;
			end = k;
			prev = t->nlow ? PV_TITLE : PV_CAPS;
			continue;
		}
		if (prev == PV_NONE)
			break;
		size_t len = 0;
		if (phrase_at(c, k, P_IWORD, &len) >= 0) {
			k += len;
			end = k;
			prev = PV_LISTED;
			continue;
		}
		if (kind_at(c, k, P_VERB) || kind_at(c, k, P_ISTOP))
			break;
		/* second syllable of a capitalised word: "Bộ Chính trị", "Ban Bí thư" */
		if (prev == PV_TITLE) {
			k++;
			end = k;
			prev = PV_LOWER;
			continue;
		}
		break;
	}
	if (pending && k < n && !c->t[k].nl && c->t[k].kind == T_WORD && !word_eq(c, k, &K_VE) &&
	    !word_eq(c, k, &K_NGAY) && end == k)
		end = safe;
	return end;
}

/* ------------------------------------------------------------------ */
/* Subject: "về đẩy mạnh ..." up to ';', '.', a closing bracket or a line
 * break. */

static bool is_open_quote(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == '\'' || cp == 0x2018 || cp == 0xAB;
}

static int32_t close_quote(int32_t cp)
{
	switch (cp) {
	case 0x201C:
		return 0x201D;
	case 0x2018:
		return 0x2019;
	case 0xAB:
		return 0xBB;
	default:
		return cp;
	}
}

/* A '.' followed by a space ends the subject unless it closes an abbreviation
 * ("TP. Hồ Chí Minh"); one glued to a letter or digit never does ("T.Ư",
 * "1.999"). */
static bool terminal_dot(const ctx_t *c, size_t k)
{
	if (k + 1 >= c->n)
		return true;
	const tok_t *nx = &c->t[k + 1];
	if (!nx->sp)
		return nx->kind == T_PUNCT;
	if (nx->nl)
		return true;
	if (k > 0 && !c->t[k].sp && kind_at(c, k - 1, P_ABBR) && nx->kind == T_WORD && nx->up)
		return false;
	return true;
}

static size_t parse_subject(const ctx_t *c, size_t p)
{
	size_t n = c->n, k = p + 1;
	if (k >= n || c->t[k].nl)
		return p;
	uint32_t start = c->t[p].s;
	if (c->t[k].kind == T_PUNCT && is_open_quote(c->t[k].cp)) {
		int32_t q = close_quote(c->t[k].cp);
		for (size_t j = k + 1; j < n && c->t[j].e - start <= SUBJ_CAP; j++) {
			if (c->t[j].nl)
				break;
			if (c->t[j].kind == T_PUNCT && c->t[j].cp == q)
				return j + 1;
		}
	}
	size_t end = p;
	int depth = 0;
	for (; k < n; k++) {
		const tok_t *t = &c->t[k];
		if (t->nl || t->e - start > SUBJ_CAP)
			break;
		/* "về phân cấp cán bộ và Quy định 98-QĐ/TW về ...": the next
		 * coordinated citation is not part of this subject */
		if (!depth && (is_p(c, k, ',') || word_eq(c, k, &K_VA)) && sp_ok(c, k + 1) &&
		    c->t[k + 1].up && is_type_start(c, k + 1))
			break;
		if (!depth && k > p + 1 && t->kind == T_WORD &&
		    (kind_at(c, k, P_SSTOP) ||
		     (word_eq(c, k, &K_DUOC) && sp_ok(c, k + 1) && c->t[k + 1].up)))
			break;
		if (t->kind == T_PUNCT) {
			int32_t cp = t->cp;
			if (cp == ';' || cp == '!' || cp == '?')
				break;
			if (cp == '(' || cp == '[') {
				depth++;
			} else if (cp == ')' || cp == ']') {
				if (!depth)
					break;
				depth--;
			} else if (cp == '.' && terminal_dot(c, k)) {
				break;
			} else if (cp == ',' || cp == ':') {
				/* a trailing comma is not part of the subject */
				if (k + 1 >= n || c->t[k + 1].nl)
					break;
				continue;
			}
		}
		end = k + 1;
	}
	return end > p + 1 ? end : p;
}

/* ------------------------------------------------------------------ */
/* Citations                                                           */

typedef struct cand {
	doc_cite_t d;
	size_t ts, te; /* token range of the whole citation */
	bool postposed_issuer;
} cand_t;

typedef VEC(cand_t) cand_vec_t;

static void cite_free(doc_cite_t *d)
{
	free(d->type);
	free(d->type_code);
	free(d->number);
	free(d->symbol);
	free(d->issuer_code);
	d->type = d->type_code = d->number = d->symbol = d->issuer_code = NULL;
}

/* Text of tokens [a, b) without the spaces between them, dashes as '-'. */
static char *join_tokens(const ctx_t *c, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += tok_len(c, i);
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	size_t k = 0;
	for (size_t i = a; i < b; i++) {
		if (c->t[i].kind == T_PUNCT && is_dash(c->t[i].cp)) {
			s[k++] = '-';
			continue;
		}
		memcpy(s + k, c->text + c->t[i].s, tok_len(c, i));
		k += tok_len(c, i);
	}
	s[k] = '\0';
	return s;
}

static char *dup_str(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Canonical type of a symbol code in a family: exact case first ("QĐi"),
 * then ignoring case. */
static bool same_ci(const char *a, const char *b);

static const char *type_of_code(const char *code, int family)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < L.ncode; i++) {
			const code_row_t *r = &L.code[i];
			if (!(r->family & family))
				continue;
			if (pass ? same_ci(r->code, code) : strcmp(r->code, code) == 0)
				return L.type_name[r->type];
		}
	return NULL;
}

static bool is_state_type_code(const ctx_t *c, size_t i)
{
	char buf[32];
	size_t n = tok_len(c, i);
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, c->text + c->t[i].s, n);
	buf[n] = '\0';
	return type_of_code(buf, FAM_BOTH) != NULL;
}

/* Issuer codes glued by '-' or '&': "UBND", "CCHC&PC", "BTP-BNV". */
static size_t parse_codes(const ctx_t *c, size_t k)
{
	if (!code_tok(c, k, true))
		return 0;
	size_t e = k + 1;
	while (e + 1 < c->n && c->t[e].kind == T_PUNCT && glued(c, e) &&
	       (c->t[e].cp == '&' || is_dash(c->t[e].cp)) && glued(c, e + 1) &&
	       code_tok(c, e + 1, true))
		e += 2;
	return e;
}

/* "QH14", "UBTVQH13": the National Assembly and its term. */
static bool is_qh_code(const ctx_t *c, size_t i)
{
	if (!code_tok(c, i, true))
		return false;
	const char *s = c->text + c->t[i].s;
	size_t n = tok_len(c, i), d = n;
	while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	return d >= 2 && d < n && n - d <= 2 && s[d - 2] == 'Q' && s[d - 1] == 'H';
}

typedef struct sym {
	size_t end;	   /* token after the symbol */
	size_t tc;	   /* type code token, or SIZE_MAX */
	size_t ic_s, ic_e; /* issuer code tokens */
	size_t rest_s;	   /* công văn: the drafting unit after the issuer */
	int family;
	const char *rule;
} sym_t;

/* A dash that may carry spaces around it ("439 – QĐNS/TW", "42 -CT/TW"). */
static bool loose_dash(const ctx_t *c, size_t i)
{
	return is_dash_tok(c, i) && !c->t[i].nl && i + 1 < c->n && !c->t[i + 1].nl;
}

static size_t parse_symbol(const ctx_t *c, size_t i, sym_t *sy)
{
	size_t n = c->n, e;
	sy->tc = SIZE_MAX;
	/* Party: số-LOẠI/CƠQUAN, no year: "21-KL/TW", "04-CTr/BCĐCCTPTW" */
	if (loose_dash(c, i + 1) && code_tok(c, i + 2, false) && tok_len(c, i + 2) <= 12 &&
	    is_p(c, i + 3, '/') && glued(c, i + 3) && glued(c, i + 4) &&
	    (e = parse_codes(c, i + 4)) != 0) {
		sy->tc = i + 2;
		sy->ic_s = i + 4;
		sy->ic_e = e;
		sy->family = FAM_PARTY;
		sy->rule = "doc.party_symbol";
		sy->end = e;
		return e;
	}
	/* "19-2017/NQ-CP": number and year joined by a dash */
	if (is_dash_tok(c, i + 1) && glued(c, i + 1) && glued(c, i + 2) && is_year(c, i + 2) &&
	    is_p(c, i + 3, '/') && glued(c, i + 3) && glued(c, i + 4) &&
	    code_tok(c, i + 4, false) && loose_dash(c, i + 5) && (e = parse_codes(c, i + 6)) != 0) {
		sy->tc = i + 4;
		sy->ic_s = i + 6;
		sy->ic_e = e;
		sy->family = FAM_STATE;
		sy->rule = "doc.state_symbol";
		sy->end = e;
		return e;
	}
	if (!is_p(c, i + 1, '/') || !glued(c, i + 1) || !glued(c, i + 2))
		return 0;
	size_t k = i + 2;
	bool year = false;
	if (is_year(c, k) && is_p(c, k + 1, '/') && glued(c, k + 1) && glued(c, k + 2)) {
		year = true;
		k += 2;
	}
	if (k >= n)
		return 0;
	/* LOẠI-CƠQUAN; the dash is sometimes followed by a space ("NQ- CP") */
	if (code_tok(c, k, false) && tok_len(c, k) <= 8 && loose_dash(c, k + 1) &&
	    (glued(c, k + 1) || is_state_type_code(c, k)) && (e = parse_codes(c, k + 2)) != 0) {
		sy->family = FAM_STATE;
		sy->end = e;
		if (is_state_type_code(c, k) || year) {
			sy->tc = k;
			sy->ic_s = k + 2;
			sy->ic_e = e;
			sy->rule = "doc.state_symbol";
		} else {
			/* công văn: issuer and drafting unit, no type ("3311/BNN-TCTS") */
			if (!glued(c, k + 1) || !glued(c, k + 2))
				return 0;
			sy->ic_s = k;
			sy->ic_e = k + 1;
			sy->rest_s = k + 2;
			sy->rule = "doc.state_letter";
		}
		return e;
	}
	/* laws and resolutions of the National Assembly: "12/2017/QH14" */
	if (is_qh_code(c, k) && !(is_dash_tok(c, k + 1) && glued(c, k + 1))) {
		sy->family = FAM_STATE;
		sy->ic_s = k;
		sy->ic_e = k + 1;
		sy->end = k + 1;
		sy->rule = "doc.state_symbol";
		return k + 1;
	}
	return 0;
}

/* The number is not the tail of something else: "6000/31.328", "A12". */
static bool free_start(const ctx_t *c, size_t i)
{
	if (i == 0 || c->t[i].sp)
		return true;
	const tok_t *p = &c->t[i - 1];
	if (p->kind != T_PUNCT)
		return false;
	return !(p->cp == '/' || p->cp == '.' || p->cp == ',' || p->cp == '&' || is_dash(p->cp));
}

/* After a bare number: is it a quantity, a year, a date or part of a
 * symbol rather than a document number? */
static bool short_num_ok(const ctx_t *c, size_t j)
{
	if (is_year(c, j)) /* "Luật 2013", "Hiến pháp 2013" */
		return false;
	size_t k = j + 1;
	if (k < c->n && !c->t[k].sp) {
		const tok_t *t = &c->t[k];
		if (t->kind != T_PUNCT)
			return false;
		if (t->cp == '/' || t->cp == '%' || t->cp == '&' || is_dash(t->cp))
			return false;
		if ((t->cp == '.' || t->cp == ',') && k + 1 < c->n && !c->t[k + 1].sp &&
		    c->t[k + 1].kind == T_NUM)
			return false;
	}
	if (sp_ok(c, k) && kind_at(c, k, P_COUNT)) {
		/* "Quyết định 218 năm 2013" names the year and "Quy định số 01
		 * ngày 3/3/2016" the date; "Kế hoạch 5 năm" counts years */
		if (word_eq(c, k, &K_NAM) && is_year(c, k + 1))
			return true;
		int y, m, d;
		if (word_eq(c, k, &K_NGAY) && parse_date(c, k + 1, &y, &m, &d) > k + 1)
			return true;
		return false;
	}
	return true;
}

/* Date, "của" issuer and "về" subject after the symbol or number at t. */
static size_t parse_tail(const ctx_t *c, size_t t, cand_t *cd)
{
	doc_cite_t *d = &cd->d;
	size_t pos = t, p, e, len;
	bool have_date = false;
	int y, m, dd;

	p = pos;
	if (is_p(c, p, ','))
		p++;
	if (phrase_at(c, p, P_VERB, &len) >= 0 && word_eq(c, p + len, &K_NGAY))
		p += len; /* "ban hành ngày 5/3/2021" */
	if (word_eq(c, p, &K_NGAY) && !c->t[p].nl && sp_ok(c, p + 1)) {
		e = parse_date(c, p + 1, &y, &m, &dd);
		if (e > p + 1) {
			d->year = y;
			d->month = m;
			d->day = dd;
			have_date = true;
			pos = e;
		}
	} else if (p == t && is_p(c, p, '(') && !c->t[p].nl) {
		/* "Chỉ thị 05-CT/TW (ngày 15/5/2016)" */
		size_t q = p + 1;
		if (word_eq(c, q, &K_NGAY))
			q++;
		e = parse_date(c, q, &y, &m, &dd);
		if (e > q && is_p(c, e, ')') && y) {
			d->year = y;
			d->month = m;
			d->day = dd;
			have_date = true;
			pos = e + 1;
		}
	}
	/* "Quyết định 218 năm 2013 của Bộ Chính trị": the year alone is no
	 * issue date but the issuer still follows */
	if (pos == t && word_eq(c, pos, &K_NAM) && sp_ok(c, pos) && is_year(c, pos + 1) &&
	    sp_ok(c, pos + 1))
		pos += 2;
	p = pos;
	if (is_p(c, p, ','))
		p++;
	if (word_eq(c, p, &K_CUA) && !c->t[p].nl && sp_ok(c, p + 1)) {
		e = parse_issuer(c, p + 1);
		if (e > p + 1) {
			d->issuer_span = span_make(c->t[p + 1].s, c->t[e - 1].e);
			cd->postposed_issuer = true;
			pos = e;
			p = pos;
			if (is_p(c, p, ','))
				p++;
			if (!have_date && word_eq(c, p, &K_NGAY) && !c->t[p].nl &&
			    sp_ok(c, p + 1)) {
				e = parse_date(c, p + 1, &y, &m, &dd);
				if (e > p + 1) {
					d->year = y;
					d->month = m;
					d->day = dd;
					pos = e;
				}
			}
		}
	}
	/* "Kết luận số 21-KL/TW, ngày ... của ..., về ...": a comma before "về"
	 * only after a date or issuer; "Chỉ thị 05, về nội dung" is a list */
	p = pos;
	if (pos > t && is_p(c, p, ','))
		p++;
	if (word_eq(c, p, &K_VE) && !c->t[p].nl) {
		e = parse_subject(c, p);
		if (e > p) {
			d->subject_span = span_make(c->t[p].s, c->t[e - 1].e);
			pos = e;
		}
	}
	return pos;
}

static bool breaks_clause(const ctx_t *c, size_t k)
{
	const tok_t *t = &c->t[k];
	if (t->kind != T_PUNCT)
		return false;
	return t->cp == ';' || t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == ':' ||
	       t->cp == '(' || t->cp == ')';
}

/* The body that issued the document when it is the subject of the sentence:
 * "Ban Thường vụ Tỉnh ủy đã ban hành Nghị quyết số ...", "được Ủy ban Kiểm
 * tra Trung ương kết luận tại Thông báo số ...", "Thủ tướng Chính phủ phê
 * duyệt đề án ... tại Quyết định số ...". s is the first token of the
 * citation. A date written before the subject ("Ngày 17.2.2025, X đã ban
 * hành ...") is the date of issue. */
static void find_agent(const ctx_t *c, size_t s, cand_t *cd)
{
	size_t vs = SIZE_MAX, st;
	int pi;
	if (s < 2)
		return;
	if (word_eq(c, s - 1, &K_TAI)) {
		pi = phrase_ending_at(c, s - 2, P_VERB, &st);
		if (pi >= 0 && L.ph[pi].val != VERB_DIRECT) {
			vs = st;
		} else {
			for (size_t k = s - 1; k-- > 0 && s - k < 30;) {
				if (breaks_clause(c, k) || c->t[k + 1].nl)
					break;
				pi = phrase_ending_at(c, k, P_VERB, &st);
				if (pi >= 0 && L.ph[pi].val == VERB_FAR) {
					vs = st;
					break;
				}
			}
		}
	} else {
		pi = phrase_ending_at(c, s - 1, P_VERB, &st);
		if (pi >= 0 && L.ph[pi].val == VERB_DIRECT)
			vs = st;
	}
	if (vs == SIZE_MAX || vs == 0)
		return;
	size_t xe = vs;
	if (phrase_ending_at(c, vs - 1, P_PREVERB, &st) >= 0)
		xe = st;
	if (xe == 0)
		return;
	size_t lo = xe - 1;
	while (lo > 0 && xe - lo < 16 && !c->t[lo].nl) {
		const tok_t *pt = &c->t[lo - 1];
		if (pt->kind == T_PUNCT && (pt->sp || c->t[lo].sp))
			break;
		lo--;
	}
	for (size_t h = lo; h < xe; h++) {
		if (c->t[h].kind != T_WORD || !c->t[h].up || !kind_at(c, h, P_HEAD))
			continue;
		if (h > 0 && !c->t[h].sp)
			continue;
		if (parse_issuer(c, h) != xe)
			continue;
		cd->d.issuer_span = span_make(c->t[h].s, c->t[xe - 1].e);
		if (cd->d.year)
			return;
		size_t k = h;
		if (k > 0 && is_p(c, k - 1, ','))
			k--;
		for (size_t q = k; q-- > 0 && k - q <= 8;) {
			if (word_eq(c, q, &K_NGAY)) {
				int y, m, d;
				if (parse_date(c, q + 1, &y, &m, &d) == k && y) {
					cd->d.year = y;
					cd->d.month = m;
					cd->d.day = d;
				}
				break;
			}
		}
		return;
	}
}

/* Type written before a symbol: "Kết luận số 21-KL/TW", "Nghị quyết
 * 36a/NQ-CP", "Bộ luật Hình sự số 100/2015/QH13". Returns the type index
 * and sets *ts to its first token; -1 when none. */
static int type_before(const ctx_t *c, size_t i, size_t *ts, size_t *tlen)
{
	size_t j = i, st;
	bool so = false;
	if (!sp_ok(c, i))
		return -1;
	if (j >= 1 && word_eq(c, j - 1, &K_SO)) {
		if (j - 1 > 0 && !sp_ok(c, j - 1))
			return -1;
		so = true;
		j--;
	}
	if (j == 0)
		return -1;
	int pi = phrase_ending_at(c, j - 1, P_TYPE, &st);
	if (pi >= 0 && (!so || sp_ok(c, j))) {
		*ts = st;
		*tlen = L.ph[pi].nsyl;
		return L.ph[pi].val;
	}
	if (!so)
		return -1;
	/* a name between the type and "số": "Luật Đất đai số 45/2013/QH13",
	 * "Kế hoạch liên tịch số 12/KHLT-UBND" */
	for (size_t k = j - 1, w = 0; k > 0 && w < 6; k--, w++) {
		if (c->t[k].kind != T_WORD || !sp_ok(c, k))
			return -1;
		pi = phrase_ending_at(c, k - 1, P_TYPE, &st);
		if (pi >= 0 && (c->t[k].up || w < 3)) {
			*ts = st;
			*tlen = L.ph[pi].nsyl;
			return L.ph[pi].val;
		}
	}
	return -1;
}

static int push_cand(cand_vec_t *v, const cand_t *cd)
{
	cand_t *slot = vec_push(v);
	if (!slot)
		return -1;
	*slot = *cd;
	return 0;
}

/* Does the code token start with a code of type ti ("KHLT" of Kế hoạch)? */
static bool code_extends_type(const ctx_t *c, size_t k, int ti)
{
	const char *s = c->text + c->t[k].s;
	size_t n = tok_len(c, k);
	for (int i = 0; i < L.ncode; i++) {
		size_t cl = strlen(L.code[i].code);
		if (L.code[i].type == ti && cl < n && memcmp(s, L.code[i].code, cl) == 0)
			return true;
	}
	return false;
}

static int emit_symbol(const ctx_t *c, size_t i, const sym_t *sy0, cand_vec_t *out, bool *used)
{
	cand_t cd;
	memset(&cd, 0, sizeof(cd));
	size_t ts = i, tlen = 0;
	int ti = type_before(c, i, &ts, &tlen);
	sym_t syv = *sy0, *sy = &syv;
	/* "Kế hoạch liên tịch số 12/KHLT-UBND-MTTQ": a code unknown to the
	 * table that extends the written type's code is a type, not an issuer */
	if (sy->rest_s && ti >= 0 && code_extends_type(c, sy->ic_s, ti)) {
		sy->tc = sy->ic_s;
		sy->ic_s = sy->rest_s;
		sy->ic_e = sy->end;
		sy->rule = "doc.state_symbol";
	}
	doc_cite_t *d = &cd.d;
	d->number = join_tokens(c, i, i + 1);
	d->symbol = join_tokens(c, i, sy->end);
	if (sy->tc != SIZE_MAX)
		d->type_code = join_tokens(c, sy->tc, sy->tc + 1);
	d->issuer_code = join_tokens(c, sy->ic_s, sy->ic_e);
	if (ti >= 0) {
		d->type = dup_str(L.type_name[ti]);
		d->type_span = span_make(c->t[ts].s, c->t[ts + tlen - 1].e);
	} else if (d->type_code) {
		const char *tn = type_of_code(d->type_code, sy->family);
		d->type = dup_str(tn ? tn : type_of_code(d->type_code, FAM_BOTH));
	}
	d->symbol_span = span_make(c->t[i].s, c->t[sy->end - 1].e);
	d->rule = sy->rule;
	cd.ts = ts;
	size_t te = parse_tail(c, sy->end, &cd);
	cd.te = te;
	if (!d->issuer_span.end)
		find_agent(c, ts, &cd);
	d->span = span_make(c->t[ts].s, c->t[te - 1].e);
	if (!d->number || !d->symbol || !d->issuer_code || (sy->tc != SIZE_MAX && !d->type_code) ||
	    (ti >= 0 && !d->type) || push_cand(out, &cd) < 0) {
		cite_free(d);
		return -1;
	}
	for (size_t k = ts; k < sy->end; k++)
		used[k] = true;
	return 0;
}

static int emit_short(const ctx_t *c, size_t ts, size_t tlen, size_t j, int ti, const char *rule,
		      cand_vec_t *out, size_t *tail_end)
{
	cand_t cd;
	memset(&cd, 0, sizeof(cd));
	doc_cite_t *d = &cd.d;
	d->type = dup_str(L.type_name[ti]);
	d->number = join_tokens(c, j, j + 1);
	d->symbol = join_tokens(c, j, j + 1);
	if (tlen)
		d->type_span = span_make(c->t[ts].s, c->t[ts + tlen - 1].e);
	d->symbol_span = span_make(c->t[j].s, c->t[j].e);
	d->is_short = 1;
	d->rule = rule;
	cd.ts = tlen ? ts : j;
	size_t te = parse_tail(c, j + 1, &cd);
	cd.te = te;
	if (!d->issuer_span.end && tlen)
		find_agent(c, ts, &cd);
	d->span = span_make(c->t[cd.ts].s, c->t[te - 1].e);
	*tail_end = te;
	if (!d->type || !d->number || !d->symbol || push_cand(out, &cd) < 0) {
		cite_free(d);
		return -1;
	}
	return 0;
}

/* A bare number in a list ends the list item only before punctuation or a
 * function word: "Quyết định 935, 936 có ý nghĩa" but not "Chỉ thị 05, 120
 * cán bộ". */
static bool list_item_end(const ctx_t *c, size_t k)
{
	if (k >= c->n || c->t[k].nl || c->t[k].kind == T_PUNCT)
		return true;
	return c->t[k].kind == T_WORD && kind_at(c, k, P_ISTOP);
}

/* Short re-mentions: "Quyết định 935", "Chỉ thị số 05 của Bộ Chính trị",
 * "quyết định số 68 ngày 4/7/2007", and lists "Quyết định 935, 936". */
static int find_short(const ctx_t *c, const bool *used, cand_vec_t *out)
{
	for (size_t i = 0; i < c->n; i++) {
		if (used[i] || c->t[i].kind != T_WORD)
			continue;
		size_t len = 0;
		int pi = phrase_at(c, i, P_TYPE, &len);
		if (pi < 0)
			continue;
		int ti = L.ph[pi].val;
		size_t j = i + len;
		bool so = false;
		if (word_eq(c, j, &K_SO) && sp_ok(c, j)) {
			so = true;
			j++;
		}
		if (j >= c->n || used[j] || !is_docnum(c, j) || !sp_ok(c, j)) {
			i = j - 1;
			continue;
		}
		/* without "số" only a capitalised type word is a citation:
		 * "quyết định 5 vấn đề" is the verb */
		if ((!so && (!c->t[i].up || !L.type_short[ti])) || !short_num_ok(c, j)) {
			i = j;
			continue;
		}
		size_t te;
		if (emit_short(c, i, len, j, ti, "doc.short_mention", out, &te) < 0)
			return -1;
		/* "Quyết định 935, 936 của ...": more numbers sharing the type */
		size_t last = j;
		while (te == last + 1) {
			size_t k = last + 1;
			if (is_p(c, k, ','))
				k++;
			if (word_eq(c, k, &K_VA) && sp_ok(c, k))
				k++;
			if (k == last + 1 || !is_docnum(c, k) || !sp_ok(c, k) || used[k] ||
			    !short_num_ok(c, k))
				break;
			int dl = (int)c->t[k].ndig - (int)c->t[last].ndig;
			if (dl > 1 || dl < -1 || !list_item_end(c, k + 1))
				break;
			if (emit_short(c, i, 0, k, ti, "doc.short_list", out, &te) < 0)
				return -1;
			last = k;
		}
		/* the subject may cite further documents: scan on from the number */
		i = last;
	}
	return 0;
}

static int cand_cmp(const void *a, const void *b)
{
	const cand_t *x = a, *y = b;
	if (x->d.span.start != y->d.span.start)
		return x->d.span.start < y->d.span.start ? -1 : 1;
	return x->ts < y->ts ? -1 : x->ts > y->ts;
}

/* Number without leading zeros: "05" = "5". */
static const char *num_key(const char *s)
{
	while (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		s++;
	return s;
}

/* Lower-cased copy of a + b (b may be NULL); malloc'ed. */
static char *lower_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = b ? strlen(b) : 0;
	char *out = malloc((la + lb) * 4 + 2);
	if (!out)
		return NULL;
	size_t k = 0;
	for (int part = 0; part < 2; part++) {
		const char *s = part ? b : a;
		size_t n = part ? lb : la, i = 0;
		if (part && b)
			out[k++] = '\x1f';
		while (i < n) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t r = utf8proc_iterate((const uint8_t *)s + i,
							      (utf8proc_ssize_t)(n - i), &cp);
			if (r <= 0) {
				out[k++] = s[i++];
				continue;
			}
			i += (size_t)r;
			k += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (uint8_t *)out + k);
		}
	}
	out[k] = '\0';
	return out;
}

static bool same_ci(const char *a, const char *b)
{
	char *x = lower_join(a, NULL), *y = lower_join(b, NULL);
	bool eq = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return eq;
}

/* A small string -> int map (open addressing) so linking stays linear. */
typedef struct smap {
	const char **key;
	int *val;
	size_t cap;
} smap_t;

static int smap_init(smap_t *m, size_t n)
{
	m->cap = 16;
	while (m->cap < n * 2 + 1)
		m->cap *= 2;
	m->key = calloc(m->cap, sizeof(*m->key));
	m->val = calloc(m->cap, sizeof(*m->val));
	return m->key && m->val ? 0 : -1;
}

static void smap_free(smap_t *m)
{
	free(m->key);
	free(m->val);
}

static size_t smap_slot(const smap_t *m, const char *k)
{
	unsigned h = 2166136261u;
	for (const char *p = k; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	size_t i = h & (m->cap - 1);
	while (m->key[i] && strcmp(m->key[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static int smap_get(const smap_t *m, const char *k)
{
	size_t i = smap_slot(m, k);
	return m->key[i] ? m->val[i] : -1;
}

/* The value stored for k, or insert v and return -1. */
static int smap_get_or_put(smap_t *m, const char *k, int v)
{
	size_t i = smap_slot(m, k);
	if (m->key[i])
		return m->val[i];
	m->key[i] = k;
	m->val[i] = v;
	return -1;
}

/* Groups: a repeated full symbol joins its first citation ("4-KH/TW" after
 * "04-KH/TW" too); a short form ("Kết luận 21") joins the first full
 * citation of that type and number anywhere in the text, else the first
 * short form of it. same_as is then the group's first citation. */
static int link_same(cand_t *v, size_t n, size_t base)
{
	char **sk = calloc(n + 1, sizeof(char *)), **tk = calloc(n + 1, sizeof(char *));
	size_t *first = malloc((n + 1) * sizeof(size_t));
	smap_t ms = {0}, mt = {0}, mshort = {0};
	int rc = -1;
	if (!sk || !tk || !first || smap_init(&ms, n) || smap_init(&mt, n) || smap_init(&mshort, n))
		goto out;
	for (size_t i = 0; i < n; i++)
		first[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		doc_cite_t *d = &v[i].d;
		const char *num = num_key(d->number);
		d->same_as = (int)(base + i);
		if (!d->is_short && !(sk[i] = lower_join(num, d->symbol + strlen(d->number))))
			goto out;
		if (d->type && !(tk[i] = lower_join(d->type, num)))
			goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].d.is_short)
			continue;
		int f = smap_get_or_put(&ms, sk[i], (int)(base + i));
		if (f >= 0)
			v[i].d.same_as = f;
		if (tk[i])
			smap_get_or_put(&mt, tk[i], v[i].d.same_as);
	}
	for (size_t i = 0; i < n; i++) {
		if (!v[i].d.is_short || !tk[i])
			continue;
		int f = smap_get(&mt, tk[i]);
		if (f < 0)
			f = smap_get_or_put(&mshort, tk[i], (int)(base + i));
		if (f >= 0)
			v[i].d.same_as = f;
	}
	/* the group is now known; same_as names its first citation in text
	 * order, so "Kết luận 72 ... Kết luận số 72-KL/TW" points the full
	 * citation back at the short one (consumers group by a root that never
	 * comes after its members) */
	for (size_t i = 0; i < n; i++) {
		size_t r = (size_t)v[i].d.same_as - base;
		if (first[r] > i)
			first[r] = i;
	}
	for (size_t i = 0; i < n; i++)
		v[i].d.same_as = (int)(base + first[(size_t)v[i].d.same_as - base]);
	rc = 0;
out:
	for (size_t i = 0; sk && tk && i < n; i++) {
		free(sk[i]);
		free(tk[i]);
	}
	free(sk);
	free(tk);
	free(first);
	smap_free(&ms);
	smap_free(&mt);
	smap_free(&mshort);
	return rc;
}

/* Lists share what follows the last item: "Nghị quyết 19, Nghị quyết 35 của
 * Thủ tướng Chính phủ", "Nghị quyết số 916/... ngày ... và Nghị quyết số
 * 1096/... của Ủy ban Thường vụ Quốc hội". */
static void share_list_tails(const ctx_t *c, cand_t *v, size_t n)
{
	for (size_t k = n; k-- > 1;) {
		cand_t *a = &v[k - 1], *b = &v[k];
		if (a->d.issuer_span.end || !b->postposed_issuer || a->te > b->ts)
			continue;
		size_t g = a->te;
		if (is_p(c, g, ','))
			g++;
		if (word_eq(c, g, &K_VA))
			g++;
		if (g == a->te || g != b->ts)
			continue;
		a->d.issuer_span = b->d.issuer_span;
		a->postposed_issuer = true;
		if (!a->d.subject_span.end)
			a->d.subject_span = b->d.subject_span;
	}
}

/* Appends to *out; the strings of each appended citation belong to the list
 * (documents_list_free). On -1 nothing is appended. */
int documents_find(const char *text, size_t len, doc_list_t *out)
{
	pthread_once(&lex_once, init_once);
	if (!text || !out)
		return -1;
	if (len > UINT32_MAX - 1) /* spans are 32-bit */
		len = UINT32_MAX - 1;
	tok_vec_t toks = {0};
	cand_vec_t cands = {0};
	bool *used = NULL;
	int rc = -1;
	if (tokenize(text, len, &toks) < 0)
		goto done;
	ctx_t c = {text, toks.v, toks.n};
	used = calloc(c.n + 1, sizeof(bool));
	if (!used)
		goto done;
	for (size_t i = 0; i < c.n; i++) {
		if (!is_docnum(&c, i) || !free_start(&c, i))
			continue;
		sym_t sy;
		memset(&sy, 0, sizeof(sy));
		if (!parse_symbol(&c, i, &sy))
			continue;
		/* "21-KL/TW/..." or "1234/QĐ-UBND/x": not a symbol we know */
		if (is_p(&c, sy.end, '/') && glued(&c, sy.end) && glued(&c, sy.end + 1) &&
		    c.t[sy.end + 1].kind != T_PUNCT)
			continue;
		if (emit_symbol(&c, i, &sy, &cands, used) < 0)
			goto done;
		i = sy.end - 1;
	}
	if (find_short(&c, used, &cands) < 0)
		goto done;
	if (cands.n > 1)
		qsort(cands.v, cands.n, sizeof(cand_t), cand_cmp);
	share_list_tails(&c, cands.v, cands.n);
	if (link_same(cands.v, cands.n, out->n) < 0)
		goto done;
	/* reserve first so that a failure appends nothing (same_as indices
	 * refer to the whole batch) */
	if (out->cap < out->n + cands.n) {
		size_t need = out->n + cands.n;
		if (need > SIZE_MAX / sizeof(doc_cite_t))
			goto done;
		doc_cite_t *nv = realloc(out->v, need * sizeof(doc_cite_t));
		if (!nv)
			goto done;
		out->v = nv;
		out->cap = need;
	}
	for (size_t i = 0; i < cands.n; i++)
		out->v[out->n++] = cands.v[i].d;
	cands.n = 0;
	rc = 0;
done:
	for (size_t k = 0; k < cands.n; k++)
		cite_free(&cands.v[k].d);
	free(cands.v);
	free(toks.v);
	free(used);
	return rc;
}

/* Frees every citation's strings and the array; the list is left empty. */
void documents_list_free(doc_list_t *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->n; i++)
		cite_free(&list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = list->cap = 0;
}
