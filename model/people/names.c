/* Personal names: 2-4 capitalised words, led by a Vietnamese family name
 * unless a trigger vouches for the name, and the signs of a foreign name.
 *
 * A name word is a capitalised token with any glued "-part" after it: the
 * Vietnamese transliteration of Lao, Khmer, Russian or Thai names joins the
 * syllables of one word with hyphens ("Xổm-xạ-vạt", "Vla-đi-mia"), and
 * Korean names are often written so ("Moon Jae-in").
 *
 * A foreign name spelled in Latin letters is told by its words: they are
 * not Vietnamese syllables ("Pascal", "Guterres", "Akihiko"). A Vietnamese
 * syllable is an onset, a vowel group and a final from closed sets; any
 * other word is foreign (or an abbreviation, which is all capitals). */
#include <stdatomic.h>
#include <string.h>

#include "model/people/people_internal.h"

/* The letters of a word key (lower case, tone dropped) as one byte each:
 * the Vietnamese letters with marks become upper-case ASCII codes so the
 * syllable grammar below reads one byte per letter. 0 when the key holds a
 * letter that is not Vietnamese. */
static size_t key_letters(const char *k, size_t kl, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < kl && n + 1 < cap;) {
		unsigned char b = (unsigned char)k[i];
		if (b >= '0' && b <= '9') { /* the tone digit */
			i++;
			continue;
		}
		if (b < 0x80) {
			out[n++] = (char)b;
			i++;
			continue;
		}
		if (i + 1 >= kl)
			return 0;
		unsigned v = (unsigned)b << 8 | (unsigned char)k[i + 1];
		char m = 0;
		switch (v) {
		case 0xC483:
			m = 'A';
			break; /* ă */
		case 0xC3A2:
			m = 'B';
			break; /* â */
		case 0xC3AA:
			m = 'E';
			break; /* ê */
		case 0xC3B4:
			m = 'O';
			break; /* ô */
		case 0xC6A1:
			m = 'P';
			break; /* ơ */
		case 0xC6B0:
			m = 'U';
			break; /* ư */
		case 0xC491:
			m = 'D';
			break; /* đ */
		default:
			return 0;
		}
		out[n++] = m;
		i += 2;
	}
	out[n] = '\0';
	return n;
}

static int is_vowel(char ch)
{
	switch (ch) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y':
	case 'A':
	case 'B':
	case 'E':
	case 'O':
	case 'P':
	case 'U':
		return 1;
	default:
		return 0;
	}
}

/* a[0..n) == b[0..n) for the few letters of a syllable part (a library
 * call costs more than the compare) */
static int same_letters(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

typedef struct letters {
	const char *s;
	size_t n;
} letters_t;
#define L(x)                                                                                       \
	{                                                                                          \
		x, sizeof x - 1                                                                    \
	}

/* Vowel groups of Vietnamese rhymes (with the glides i, y, o, u written as
 * vowels), in the letter codes of key_letters. */
static const letters_t VOWEL_GROUPS[] = {
    L("a"),   L("A"),	L("B"),	  L("e"),   L("E"),   L("i"),	L("o"),	  L("O"),   L("P"),
    L("u"),   L("U"),	L("y"),	  L("ai"),  L("ao"),  L("au"),	L("ay"),  L("Bu"),  L("By"),
    L("eo"),  L("Eu"),	L("ia"),  L("iE"),  L("iu"),  L("oa"),	L("oA"),  L("oe"),  L("oi"),
    L("Oi"),  L("Pi"),	L("oo"),  L("ua"),  L("uB"),  L("uE"),	L("ui"),  L("uO"),  L("uP"),
    L("uy"),  L("Ua"),	L("Ui"),  L("UP"),  L("Uu"),  L("yE"),	L("iEu"), L("yEu"), L("oai"),
    L("oay"), L("oao"), L("oeo"), L("uBy"), L("uOi"), L("UPi"), L("UPu"), L("uyE"), L("uya"),
    L("uyu"), L("uay"), L("uao"), L("uoi"),
};

static const letters_t ONSETS[] = {
    L("ngh"), L("ng"), L("nh"), L("ch"), L("gh"), L("gi"), L("kh"), L("ph"), L("qu"), L("th"),
    L("tr"),  L("b"),  L("c"),	L("d"),	 L("D"),  L("g"),  L("h"),  L("k"),  L("l"),  L("m"),
    L("n"),   L("p"),  L("r"),	L("s"),	 L("t"),  L("v"),  L("x"),  L(""),
};

static const letters_t FINALS[] = {L(""),   L("c"),  L("ch"), L("m"), L("n"),
				   L("ng"), L("nh"), L("p"),  L("t")};
#undef L

static int in_set(const letters_t *set, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (set[i].n == len && same_letters(set[i].s, s, len))
			return 1;
	return 0;
}

/* 1 when the letters spell a Vietnamese syllable (leniently: the rhyme's
 * vowel group and final are checked each on its own). */
static int viet_syllable(const char *w, size_t n)
{
	for (size_t o = 0; o < sizeof ONSETS / sizeof *ONSETS; o++) {
		size_t ol = ONSETS[o].n;
		if (ol > n || !same_letters(w, ONSETS[o].s, ol))
			continue;
		size_t v = ol;
		while (v < n && is_vowel(w[v]))
			v++;
		/* "gi" and "qu" may keep their vowel for the rhyme ("gìn", "quốc") */
		if (v == ol)
			continue;
		if (!in_set(VOWEL_GROUPS, sizeof VOWEL_GROUPS / sizeof *VOWEL_GROUPS, w + ol,
			    v - ol))
			continue;
		if (in_set(FINALS, sizeof FINALS / sizeof *FINALS, w + v, n - v))
			return 1;
	}
	return 0;
}

/* 1 when the word key k[0..kl) cannot be a Vietnamese syllable. */
static int foreign_key(const char *k, size_t kl)
{
	char w[64];
	if (!kl)
		return 1; /* longer than any Vietnamese syllable */
	size_t n = key_letters(k, kl, w, sizeof w);
	return n == 0 || !viet_syllable(w, n);
}

/* The answer per keyword id, learnt on first use and kept for the process:
 * a word recurs all over a text (and over texts), and the syllable grammar
 * costs hundreds of instructions. Relaxed atomics: every thread that fills
 * a slot writes the same value. 0 not yet known, 1 Vietnamese, 2 foreign. */
static _Atomic unsigned char kw_foreign[KW_COUNT];

/* 1 when word token i cannot be a Vietnamese syllable (a foreign word in
 * Latin spelling); abbreviations in capitals are not counted. */
int people_foreign_word(const ctx_t *c, size_t i)
{
	const text_t *t = c->t;
	if (i >= t->n || t->tok[i].kind != TK_WORD || (t->tok[i].flags & TF_UPPER))
		return 0;
	uint16_t kw = t->tok[i].kw;
	if (kw && kw < KW_COUNT) {
		unsigned char v = atomic_load_explicit(&kw_foreign[kw], memory_order_relaxed);
		if (!v) {
			v = foreign_key(tok_key(t, i), t->tok[i].klen) ? 2 : 1;
			atomic_store_explicit(&kw_foreign[kw], v, memory_order_relaxed);
		}
		return v == 2;
	}
	if (c->pt[i].foreign)
		return c->pt[i].foreign == 2;
	int f = foreign_key(tok_key(t, i), t->tok[i].klen);
	/* each token is asked many times (every name and position test) */
	c->pt[i].foreign = f ? 2 : 1;
	return f;
}

/* End of the name word starting at token j: the token and its glued
 * "-part"s. Capitalised parts after a hyphen join only a foreign word
 * ("Jean-Claude"), so that "Rịa-Vũng Tàu" stays two words. */
size_t people_word_end_glued(const ctx_t *c, size_t j)
{
	const text_t *t = c->t;
	size_t e = j + 1;
	while (e + 1 < t->n && tok_punct(t, e, '-') && !(t->tok[e].flags & TF_SPACE) &&
	       t->tok[e + 1].kind == TK_WORD && !(t->tok[e + 1].flags & TF_SPACE) &&
	       (!(t->tok[e + 1].flags & (TF_CAP | TF_UPPER)) || people_foreign_word(c, j)))
		e += 2;
	return e;
}

/* End of an initial at j: one capital letter and a glued full stop before
 * another name word ("V.Putin", "Marc E. Knapper"), or j. */
static inline size_t initial_end(const text_t *t, size_t j)
{
	const tok_t *x = &t->tok[j];
	/* one capital letter: the test most words fail, first */
	if (!(x->flags & TF_UPPER) || x->end - x->start != 1 || j + 2 >= t->n ||
	    x->kind != TK_WORD || !tok_punct(t, j + 1, '.') || (t->tok[j + 1].flags & TF_SPACE) ||
	    !people_is_cap(&t->tok[j + 2]) || (t->tok[j + 2].flags & TF_NL))
		return j;
	return j + 2;
}

/* Words that never continue a name (people_words.tsv, name_stop). */
static int name_stop(const ctx_t *c, size_t j)
{
	return lex_starts(c->t, LEX_PWORD_NAME_STOP, j) && lex_is(c->t, LEX_PWORD_NAME_STOP, j, 1);
}

/* A name: 2-4 capitalised words; with need_surname the first is a family
 * name. Stops before bodies, places, titles and function words. Returns end
 * or i. */
static size_t name_run(const ctx_t *c, size_t i, int need_surname, int in_org)
{
	const text_t *t = c->t;
	if (i >= t->n || !people_is_cap(&t->tok[i]) || (!in_org && c->pt[i].org_in >= 0))
		return i;
	if (need_surname && !people_surname_at(c, i))
		return i;
	/* "Sơn La", "Hà Nội", "Hồ Chí Minh" start with a family name but are
	 * places */
	size_t pn = 0;
	if (lex_at(t, c->pl, i, t->n, &pn) && pn >= 2)
		return i;
	if (name_stop(c, i))
		return i;
	size_t j = i, words = 0;
	int glued = 0; /* after an initial the next word may be glued: "V.Putin" */
	while (j < t->n && words < 4) {
		const tok_t *x = &t->tok[j];
		/* "Ursula von der Leyen": particles between the words of a
		 * foreign name, a capitalised word after them */
		if (j > i && x->kind == TK_WORD && !people_is_cap(x) && !(x->flags & TF_NL) &&
		    lex_is(t, LEX_PWORD_NAME_LINK, j, 1) && people_foreign_word(c, i)) {
			size_t q = j;
			while (q < t->n && q < j + 2 && t->tok[q].kind == TK_WORD &&
			       !(t->tok[q].flags & TF_NL) && lex_is(t, LEX_PWORD_NAME_LINK, q, 1))
				q++;
			if (q > j && q < t->n && people_is_cap(&t->tok[q]) &&
			    !(t->tok[q].flags & TF_NL) && (t->tok[q].flags & TF_SPACE)) {
				j = q;
				continue;
			}
		}
		if (!people_is_cap(x) || (j > i && (x->flags & (TF_NL))) ||
		    (!in_org && c->pt[j].org_in >= 0))
			break;
		if (j > i && !(x->flags & TF_SPACE) && !glued)
			break;
		glued = 0;
		size_t ie = initial_end(t, j);
		if (ie > j && (j == i ? !need_surname : 1)) {
			j = ie;
			words++;
			glued = 1;
			continue;
		}
		if (j > i && people_title_start(c, j))
			break;
		if (j > i && name_stop(c, j))
			break;
		/* "Trần Thanh Nam Kết luận hội thảo" in a run-together caption;
		 * but a one-word verb as the third syllable is a given name
		 * ("Nguyễn Văn Được", "Lê Văn Tặng", "Trần Văn Tiếp") */
		size_t sn = 0;
		if (words >= 2 && people_is_stop(c, j) &&
		    (words >= 3 || (lex_at(t, LEX_CUE_PERSON_STOP, j, t->n, &sn) && sn >= 2)))
			break;
		size_t n = 0;
		if (j > i && lex_at(t, c->loc, j, j + 1, &n))
			break;
		j = people_word_end(c, j);
		words++;
	}
	if (words < 2)
		return i;
	/* a following capitalised token glued to the name means we stopped
	 * inside something longer (a place or a body): not a name */
	if (j < t->n && people_is_cap(&t->tok[j]) && !(t->tok[j].flags & TF_NL) && words == 4)
		return i;
	return j;
}

/* people_name_at when the token's answer is not known yet: work it out
 * and remember it. With a family name first and no initial the two asks
 * (need_surname or not) run the same words, so one answers the other. */
size_t people_name_run(const ctx_t *c, size_t i, int need_surname)
{
	people_tok_t *p = &c->pt[i];
	uint8_t other = p->name[!need_surname];
	size_t e;
	if (need_surname && !people_surname_at(c, i))
		e = i;
	else if (other && initial_end(c->t, i) == i && (need_surname || people_surname_at(c, i)))
		e = i + other - 1;
	else
		e = name_run(c, i, need_surname, 0);
	if (e - i < 255)
		p->name[need_surname] = (uint8_t)(e - i + 1);
	return e;
}

static size_t foreign_run(const ctx_t *c, size_t i, int in_org)
{
	const text_t *t = c->t;
	if (i + 1 >= t->n || !people_is_cap(&t->tok[i]))
		return i;
	/* "V.Putin", "J. Biden": an initial, then a foreign name word */
	size_t ie = initial_end(t, i);
	if (ie > i) {
		size_t e = foreign_run(c, ie, in_org);
		if (e == ie && people_foreign_word(c, ie) && c->pt[ie].org_in < 0)
			e = people_word_end(c, ie);
		return e > ie ? e : i;
	}
	if (t->tok[i].flags & TF_UPPER)
		return i;
	/* a name has a second word or a glued part: test that first, it is
	 * cheaper than the syllable test */
	const tok_t *nx = &t->tok[i + 1];
	if (!(people_is_cap(nx) && (nx->flags & TF_SPACE)) &&
	    !(tok_punct(t, i + 1, '-') && !(nx->flags & TF_SPACE)) &&
	    !(nx->kind == TK_WORD && lex_is(t, LEX_PWORD_NAME_LINK, i + 1, 1)))
		return i;
	if (!people_foreign_word(c, i) && people_word_end(c, i) == i + 1)
		return i;
	size_t e = name_run(c, i, 0, in_org);
	if (e == i)
		return i;
	for (size_t q = i; q < e; q++) {
		size_t n = 0;
		if (lex_at(t, c->pl, q, e, &n))
			return i;
	}
	return e;
}

/* A foreign name at i: a name whose first word is not a Vietnamese
 * syllable or is hyphenated ("Pascal Lamy", "Xổm-xạ-vạt Lềnh-xạ-vẳn"), with
 * no place in it ("Samsung Việt Nam" is a company). Returns end or i. */
size_t people_foreign_run_at(const ctx_t *c, size_t i)
{
	size_t e = foreign_run(c, i, 0);
	if (e - i < 255)
		c->pt[i].fname = (uint8_t)(e - i + 1);
	return e;
}

/* A recognised body [a, b) that ends with a person's name, as the title
 * before it reads: "Chủ tịch Viện Akihiko Tanaka" (the body "Viện"), "Giám
 * đốc Sở Nguyễn Văn A". Returns where the name starts, or b. */
size_t people_name_in_body_tail(const ctx_t *c, size_t a, size_t b)
{
	for (size_t q = a + 1; q + 1 < b; q++) {
		if (!people_is_cap(&c->t->tok[q]))
			continue;
		/* no name starts inside a place: "Hội đồng Châu Âu Charles Michel" */
		size_t pn = 0;
		if (lex_at(c->t, c->pl, q, b, &pn) && pn >= 2) {
			q += pn - 1;
			continue;
		}
		if (foreign_run(c, q, 1) == b ||
		    (people_surname_at(c, q) && name_run(c, q, 1, 1) == b))
			return q;
	}
	return b;
}

/* 1 when the tokens just before `end` name a country ("... Lào") */
int people_ends_with_country(const ctx_t *c, size_t end)
{
	for (size_t q = end; q > 0 && end - q < 3;) {
		q--;
		size_t cn = 0;
		const lex_entry_t *ce = lex_at(c->t, c->pl, q, end, &cn);
		if (ce && q + cn == end && people_col_is(ce, 1, "country"))
			return 1;
	}
	return 0;
}
