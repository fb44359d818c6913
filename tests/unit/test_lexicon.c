/* Checks the vocabulary files in model/lexicon (read from the checkout;
 * the binary holds the tables tools/lexgen.c compiles from them):
 * format (UTF-8, NFC, TAB columns, no empty fields), allowed enum values,
 * no duplicate entries, internal consistency (every canonical name is itself
 * listed, canonical names carry no abbreviations) and known facts. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lextable.h"

static const char *const owned_files[] = {
    "surnames",	    "places",	    "localities",   "abbreviations",
    "bodies",	    "bodies_party", "bodies_state", "bodies_agencies",
    "bodies_front", "bodies_armed", "bodies_media", "bodies_companies",
    "bodies_world", "positions",    "honorifics",   "meeting_kinds",
};

static char *casefold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
					      UTF8PROC_CASEFOLD);
	cr_assert(n >= 0, "utf8proc_map failed on '%s'", s);
	return (char *)out;
}

static bool is_tone_mark(utf8proc_int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

/* The duplicate key: case folded, and with the tone of "oa", "oe", "uy" on
 * the second vowel, so that "Tỉnh ủy"/"Tỉnh uỷ" and "hóa"/"hoá" (which the
 * matcher treats as one) count as the same entry. */
static char *dup_key(const char *s)
{
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfd,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
					      UTF8PROC_CASEFOLD);
	cr_assert(n >= 0);
	utf8proc_int32_t *cp = malloc(((size_t)n + 1) * sizeof *cp);
	cr_assert_not_null(cp);
	size_t k = 0;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_ssize_t step = utf8proc_iterate(nfd + i, n - i, &cp[k++]);
		cr_assert(step > 0);
		i += step;
	}
	free(nfd);
	for (size_t i = 0; i + 2 < k; i++) {
		bool first = cp[i] == 'o' || cp[i] == 'u';
		bool second =
		    cp[i] == 'o' ? (cp[i + 2] == 'a' || cp[i + 2] == 'e') : cp[i + 2] == 'y';
		if (first && is_tone_mark(cp[i + 1]) && second) {
			utf8proc_int32_t tone = cp[i + 1];
			cp[i + 1] = cp[i + 2];
			cp[i + 2] = tone;
		}
	}
	char *out = malloc(4 * k + 1);
	cr_assert_not_null(out);
	size_t len = 0;
	for (size_t i = 0; i < k; i++)
		len += (size_t)utf8proc_encode_char(cp[i], (utf8proc_uint8_t *)out + len);
	out[len] = '\0';
	free(cp);
	return out;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void assert_unique_first_column(const struct table *t)
{
	char **keys = malloc(t->n * sizeof *keys);
	cr_assert_not_null(keys);
	for (size_t i = 0; i < t->n; i++)
		keys[i] = dup_key(t->rows[i].col[0]);
	qsort(keys, t->n, sizeof *keys, cmp_str);
	for (size_t i = 1; i < t->n; i++)
		cr_expect(strcmp(keys[i - 1], keys[i]) != 0, "%s.tsv: '%s' is listed twice",
			  t->name, keys[i]);
	for (size_t i = 0; i < t->n; i++)
		free(keys[i]);
	free(keys);
}

/* The row whose first column equals form up to case and tone placement, as
 * the extractor matches, or NULL. */
static const struct row *find(const struct table *t, const char *form)
{
	char *want = dup_key(form);
	const struct row *hit = NULL;
	for (size_t i = 0; i < t->n && !hit; i++) {
		char *have = dup_key(t->rows[i].col[0]);
		if (strcmp(have, want) == 0)
			hit = &t->rows[i];
		free(have);
	}
	free(want);
	return hit;
}

static bool in_set(const char *v, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(v, *set) == 0)
			return true;
	return false;
}

static void assert_enum(const struct table *t, int col, const char *const *set)
{
	for (size_t i = 0; i < t->n; i++)
		cr_expect(in_set(t->rows[i].col[col], set), "%s.tsv: '%s' has bad value '%s'",
			  t->name, t->rows[i].col[0], t->rows[i].col[col]);
}

static size_t count_where(const struct table *t, int col, const char *value)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].col[col], value) == 0)
			n++;
	return n;
}

static void expect_row(const struct table *t, const char *form, int col, const char *want)
{
	const struct row *r = find(t, form);
	cr_assert_not_null(r, "%s.tsv lacks '%s'", t->name, form);
	cr_expect_str_eq(r->col[col], want, "%s.tsv: '%s' column %d", t->name, form, col + 1);
}

/* Every canonical value (column col) must itself be a listed form whose
 * remaining columns agree, so the full name is matchable and an alias never
 * says something its full form does not. */
static void assert_canonical_closure(const struct table *t, int col)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct row *r = &t->rows[i];
		const struct row *c = find(t, r->col[col]);
		cr_expect_not_null(c, "%s.tsv: canonical '%s' of '%s' is not a form", t->name,
				   r->col[col], r->col[0]);
		if (!c)
			continue;
		cr_expect_str_eq(c->col[col], r->col[col], "%s.tsv: '%s' is not its own canonical",
				 t->name, c->col[0]);
		for (int k = col + 1; k < r->ncol; k++)
			cr_expect_str_eq(c->col[k], r->col[k],
					 "%s.tsv: '%s' and its canonical '%s' differ", t->name,
					 r->col[0], c->col[0]);
	}
}

/* An abbreviation-like token: at least two upper-case letters and no
 * lower-case one ("UBND", "KH-ĐT", "T.Ư"), Roman numerals ("Tổng cục II")
 * excepted. */
static bool looks_abbreviated(const char *tok)
{
	int upper = 0, lower = 0;
	bool roman = true;
	for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)tok; *p;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t step = utf8proc_iterate(p, -1, &c);
		cr_assert(step > 0);
		p += step;
		utf8proc_category_t cat = utf8proc_category(c);
		if (cat == UTF8PROC_CATEGORY_LU)
			upper++;
		else if (cat == UTF8PROC_CATEGORY_LL)
			lower++;
		if (!strchr("IVXLCDM", c > 127 ? ' ' : (int)c))
			roman = false;
	}
	return upper >= 2 && lower == 0 && !roman;
}

/* Calls fn on each blank-separated token of s, stripped of outer punctuation. */
static void each_token(const char *s, void (*fn)(const char *tok, const char *whole, void *ctx),
		       void *ctx)
{
	char *copy = strdup(s);
	cr_assert_not_null(copy);
	for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(tok);
		while (len && strchr(",.;:()", tok[len - 1]))
			tok[--len] = '\0';
		while (*tok && strchr(",.;:()", *tok))
			tok++;
		if (*tok)
			fn(tok, s, ctx);
	}
	free(copy);
}

static void tok_not_abbreviation(const char *tok, const char *whole, void *ctx)
{
	const struct table *abbr = ctx;
	bool listed = false;
	for (size_t i = 0; i < abbr->n && !listed; i++)
		listed = strcmp(abbr->rows[i].col[0], tok) == 0;
	cr_expect(!listed && !looks_abbreviated(tok), "canonical '%s' keeps the abbreviation '%s'",
		  whole, tok);
}

static void tok_abbreviation_known(const char *tok, const char *whole, void *ctx)
{
	const struct table *abbr = ctx;
	if (!looks_abbreviated(tok))
		return;
	bool listed = false;
	for (size_t i = 0; i < abbr->n && !listed; i++)
		listed = strcmp(abbr->rows[i].col[0], tok) == 0;
	cr_expect(listed, "'%s' uses '%s', which abbreviations.tsv does not expand", whole, tok);
}

static void assert_expanded(const struct table *t, int col, const struct table *abbr)
{
	for (size_t i = 0; i < t->n; i++)
		each_token(t->rows[i].col[col], tok_not_abbreviation, (void *)abbr);
}

static void assert_abbreviations_known(const struct table *t, const struct table *abbr)
{
	for (size_t i = 0; i < t->n; i++)
		each_token(t->rows[i].col[0], tok_abbreviation_known, (void *)abbr);
}

static bool is_valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							 (utf8proc_ssize_t)(n - i), &c);
		if (step <= 0)
			return false;
		i += (size_t)step;
	}
	return true;
}

Test(lexicon, files_are_well_formed)
{
	for (size_t k = 0; k < sizeof owned_files / sizeof owned_files[0]; k++) {
		const char *name = owned_files[k];
		const struct lexfile *f = must_file(name);
		const char *d = f->data;
		cr_assert(f->len > 0 && d[0] == '#', "%s.tsv must open with a comment block", name);
		cr_assert_eq(d[f->len - 1], '\n', "%s.tsv must end with a newline", name);
		cr_assert_eq(strlen(d), f->len, "%s.tsv contains a NUL byte", name);
		size_t lineno = 0;
		for (size_t pos = 0; pos < f->len;) {
			const char *s = d + pos;
			size_t n = (size_t)((const char *)memchr(s, '\n', f->len - pos) - s);
			pos += n + 1;
			lineno++;
			cr_assert(n > 0, "%s.tsv:%zu: empty line", name, lineno);
			cr_assert(n < LINEMAX, "%s.tsv:%zu: line too long", name, lineno);
			cr_assert(is_valid_utf8(s, n), "%s.tsv:%zu: invalid UTF-8", name, lineno);
			cr_assert(s[n - 1] != ' ' && s[n - 1] != '\t', "%s.tsv:%zu: trailing blank",
				  name, lineno);
			cr_assert(s[0] != ' ' && s[0] != '\t', "%s.tsv:%zu: leading blank", name,
				  lineno);
			for (size_t i = 0; i < n; i++)
				cr_assert((unsigned char)s[i] >= 0x20 || s[i] == '\t',
					  "%s.tsv:%zu: control character", name, lineno);
			if (s[0] == '#')
				continue;
			cr_assert_null(memmem(s, n, "\t\t", 2), "%s.tsv:%zu: empty field", name,
				       lineno);
			char line[LINEMAX];
			memcpy(line, s, n);
			line[n] = '\0';
			char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)line);
			cr_assert_not_null(nfc);
			cr_expect_str_eq(nfc, line, "%s.tsv:%zu: not NFC", name, lineno);
			free(nfc);
		}
	}
}

Test(lexicon, surnames)
{
	struct table t = load("surnames", 1);
	cr_expect_geq(t.n, 150);
	assert_unique_first_column(&t);
	for (size_t i = 0; i < t.n; i++) {
		/* Every word of a surname is capitalised: "Tôn Thất", "Niê Kđăm". */
		const char *s = t.rows[i].col[0];
		for (const char *w = s; w; w = strchr(w, ' ') ? strchr(w, ' ') + 1 : NULL) {
			utf8proc_int32_t c;
			cr_assert(utf8proc_iterate((const utf8proc_uint8_t *)w, -1, &c) > 0);
			cr_expect_eq(utf8proc_category(c), UTF8PROC_CATEGORY_LU,
				     "surname '%s' has a lower-case word", s);
		}
	}
	static const char *const known[] = {
	    "Nguyễn", "Trần", "Lê",   "Phạm",	 "Đặng",     "Giàng",	     "Vừ",	"Lò",
	    "Nông",   "Y",    "Ksor", "Rơ Châm", "Tôn Thất", "Nguyễn Phước", "Âu Dương"};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		cr_expect_not_null(find(&t, known[i]), "surnames.tsv lacks '%s'", known[i]);
	cr_expect_null(find(&t, "Văn Thị"), "a middle name is no surname");
	table_free(&t);
}

/* The 63 province-level units before 1/7/2025, as named before Huế became a
 * centrally-run city on 1/1/2025. */
static const char *const provinces_pre2025[] = {
    "An Giang",	   "Bà Rịa - Vũng Tàu", "Bạc Liêu",  "Bắc Giang",      "Bắc Kạn",    "Bắc Ninh",
    "Bến Tre",	   "Bình Dương",	"Bình Định", "Bình Phước",     "Bình Thuận", "Cà Mau",
    "Cao Bằng",	   "Đắk Lắk",		"Đắk Nông",  "Điện Biên",      "Đồng Nai",   "Đồng Tháp",
    "Gia Lai",	   "Hà Giang",		"Hà Nam",    "Hà Tĩnh",	       "Hải Dương",  "Hậu Giang",
    "Hòa Bình",	   "Hưng Yên",		"Khánh Hòa", "Kiên Giang",     "Kon Tum",    "Lai Châu",
    "Lâm Đồng",	   "Lạng Sơn",		"Lào Cai",   "Long An",	       "Nam Định",   "Nghệ An",
    "Ninh Bình",   "Ninh Thuận",	"Phú Thọ",   "Phú Yên",	       "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi",  "Quảng Ninh",	"Quảng Trị", "Sóc Trăng",      "Sơn La",     "Tây Ninh",
    "Thái Bình",   "Thái Nguyên",	"Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long",		"Vĩnh Phúc", "Yên Bái",	       "Hà Nội",     "Hồ Chí Minh",
    "Hải Phòng",   "Đà Nẵng",		"Cần Thơ",
};

/* The 34 province-level units from 1/7/2025 (Nghị quyết 202/2025/QH15). */
static const char *const provinces_post2025[] = {
    "Hà Nội",	  "Huế",      "Lai Châu",  "Điện Biên", "Sơn La",      "Lạng Sơn",    "Quảng Ninh",
    "Thanh Hóa",  "Nghệ An",  "Hà Tĩnh",   "Cao Bằng",	"Tuyên Quang", "Lào Cai",     "Thái Nguyên",
    "Phú Thọ",	  "Bắc Ninh", "Hưng Yên",  "Hải Phòng", "Ninh Bình",   "Quảng Trị",   "Đà Nẵng",
    "Quảng Ngãi", "Gia Lai",  "Khánh Hòa", "Lâm Đồng",	"Đắk Lắk",     "Hồ Chí Minh", "Đồng Nai",
    "Tây Ninh",	  "Cần Thơ",  "Vĩnh Long", "Đồng Tháp", "Cà Mau",      "An Giang",
};

static bool listed_in(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

Test(lexicon, places)
{
	static const char *const types[] = {"province", "city",	  "district", "town", "ward",
					    "commune",	"region", "country",  NULL};
	static const char *const eras[] = {"both", "pre2025", "post2025", NULL};
	struct table t = load("places", 3);
	struct table abbr = load("abbreviations", 2);
	assert_enum(&t, 1, types);
	assert_enum(&t, 2, eras);
	assert_unique_first_column(&t);
	assert_abbreviations_known(&t, &abbr);
	cr_expect_geq(t.n, 300);

	size_t npre = sizeof provinces_pre2025 / sizeof provinces_pre2025[0];
	size_t npost = sizeof provinces_post2025 / sizeof provinces_post2025[0];
	cr_assert_eq(npre, 63);
	cr_assert_eq(npost, 34);
	for (size_t i = 0; i < npre; i++) {
		const char *p = provinces_pre2025[i];
		const struct row *r = find(&t, p);
		cr_expect_not_null(r, "places.tsv lacks the province '%s'", p);
		if (!r)
			continue;
		cr_expect_str_eq(r->col[1], "province", "'%s' is a province", p);
		/* A unit of the 63 that is not among the 34 was merged away. */
		const char *want = listed_in(p, provinces_post2025, npost) ? "both" : "pre2025";
		cr_expect_str_eq(r->col[2], want, "era of '%s'", p);
	}
	for (size_t i = 0; i < npost; i++) {
		const struct row *r = find(&t, provinces_post2025[i]);
		cr_expect_not_null(r, "places.tsv lacks the province '%s'", provinces_post2025[i]);
		if (r)
			cr_expect_str_eq(r->col[2], "both", "era of '%s'", provinces_post2025[i]);
	}
	/* Every province-level row is one of the 63/34 or a variant of one. */
	size_t pre = 0, post = 0;
	for (size_t i = 0; i < t.n; i++) {
		if (strcmp(t.rows[i].col[1], "province") != 0)
			continue;
		pre += strcmp(t.rows[i].col[2], "post2025") != 0;
		post += strcmp(t.rows[i].col[2], "pre2025") != 0;
	}
	cr_expect_geq(pre, 63);
	cr_expect_geq(post, 34);

	expect_row(&t, "TP.HCM", 1, "province");
	expect_row(&t, "TPHCM", 2, "both");
	expect_row(&t, "Thừa Thiên - Huế", 2, "pre2025");
	expect_row(&t, "BR-VT", 2, "pre2025");
	expect_row(&t, "Đắc Lắc", 1, "province");
	expect_row(&t, "Vinh", 1, "city");
	expect_row(&t, "Củ Chi", 1, "district");
	expect_row(&t, "Tây Nam Bộ", 1, "region");
	expect_row(&t, "Đồng bằng sông Cửu Long", 1, "region");
	expect_row(&t, "Lào", 1, "country");
	expect_row(&t, "Hoa Kỳ", 1, "country");
	cr_expect_geq(count_where(&t, 1, "country"), 60);
	cr_expect_geq(count_where(&t, 1, "region"), 7);
	table_free(&abbr);
	table_free(&t);
}

Test(lexicon, localities)
{
	static const char *const levels[] = {"province", "district", "commune", NULL};
	struct table t = load("localities", 3);
	assert_enum(&t, 2, levels);
	assert_unique_first_column(&t);
	assert_canonical_closure(&t, 1);
	expect_row(&t, "tỉnh", 2, "province");
	expect_row(&t, "TP.", 1, "thành phố");
	expect_row(&t, "Tp", 1, "thành phố");
	expect_row(&t, "Q.", 1, "quận");
	expect_row(&t, "Q.", 2, "district");
	expect_row(&t, "thị xã", 2, "district");
	expect_row(&t, "TX", 1, "thị xã");
	expect_row(&t, "phường", 2, "commune");
	expect_row(&t, "đặc khu", 2, "commune");
	cr_expect_null(find(&t, "thôn"), "a village is not an administrative unit");
	table_free(&t);
}

Test(lexicon, abbreviations)
{
	struct table t = load("abbreviations", 2);
	assert_unique_first_column(&t);
	cr_expect_geq(t.n, 100);
	/* An expansion is written out in full. */
	assert_expanded(&t, 1, &t);
	expect_row(&t, "UBND", 1, "Ủy ban nhân dân");
	expect_row(&t, "HĐND", 1, "Hội đồng nhân dân");
	expect_row(&t, "T.Ư", 1, "Trung ương");
	expect_row(&t, "TW", 1, "Trung ương");
	expect_row(&t, "ĐBQH", 1, "đại biểu Quốc hội");
	expect_row(&t, "UBTVQH", 1, "Ủy ban Thường vụ Quốc hội");
	expect_row(&t, "NN&PTNT", 1, "Nông nghiệp và Phát triển nông thôn");
	expect_row(&t, "VH-TT&DL", 1, "Văn hóa, Thể thao và Du lịch");
	expect_row(&t, "LĐ-TB&XH", 1, "Lao động - Thương binh và Xã hội");
	expect_row(&t, "BCHQS", 1, "Bộ Chỉ huy Quân sự");
	cr_expect_null(find(&t, "BTC"), "BTC is ambiguous (Ban Tổ chức / Bộ Tài chính)");
	table_free(&t);
}

Test(lexicon, bodies)
{
	static const char *const cats[] = {"party",    "state", "front", "mass",
					   "military", "other", NULL};
	static const char *const levels[] = {"central", "province", "district",
					     "commune", "-",	    NULL};
	static const char *const roles[] = {"unit", "organ", "generic", NULL};
	struct table t = load("bodies", 6);
	struct table abbr = load("abbreviations", 2);
	assert_enum(&t, 2, cats);
	assert_enum(&t, 3, levels);
	assert_enum(&t, 4, roles);
	assert_unique_first_column(&t);
	assert_canonical_closure(&t, 1);
	assert_expanded(&t, 1, &abbr);
	assert_abbreviations_known(&t, &abbr);
	/* the tail column: "-" or a comma-separated list of the grammar's
	 * extensions, only on generic heads */
	static const char *const tails[] = {"remit", "number", "descr", "at", "of", NULL};
	for (size_t i = 0; i < t.n; i++) {
		const char *tail = t.rows[i].col[5];
		if (!strcmp(tail, "-"))
			continue;
		cr_expect(!strcmp(t.rows[i].col[4], "generic") || !strcmp(tail, "at"),
			  "bodies.tsv: '%s' has a tail but is not a generic head",
			  t.rows[i].col[0]);
		char *copy = strdup(tail);
		cr_assert_not_null(copy);
		for (char *save = NULL, *w = strtok_r(copy, ",", &save); w;
		     w = strtok_r(NULL, ",", &save)) {
			bool known = false;
			for (int k = 0; tails[k] && !known; k++)
				known = !strcmp(tails[k], w);
			cr_expect(known, "bodies.tsv: '%s' has the unknown tail '%s'",
				  t.rows[i].col[0], w);
		}
		free(copy);
	}
	cr_expect_geq(t.n, 600);
	cr_expect_geq(count_where(&t, 4, "organ"), 20);
	cr_expect_geq(count_where(&t, 4, "generic"), 30);

	expect_row(&t, "Tỉnh ủy", 2, "party");
	expect_row(&t, "Tỉnh ủy", 3, "province");
	expect_row(&t, "Tỉnh ủy", 4, "unit");
	expect_row(&t, "Thành ủy", 3, "-");
	expect_row(&t, "UBND", 1, "Ủy ban nhân dân");
	expect_row(&t, "UBND", 2, "state");
	expect_row(&t, "UBND", 3, "-");
	expect_row(&t, "Ban Thường vụ", 4, "organ");
	expect_row(&t, "BTV", 1, "Ban Thường vụ");
	expect_row(&t, "Ủy ban Kiểm tra Trung ương", 4, "unit");
	expect_row(&t, "Ủy ban Kiểm tra", 4, "organ");
	expect_row(&t, "Bộ KH-ĐT", 1, "Bộ Kế hoạch và Đầu tư");
	expect_row(&t, "Bộ NN&PTNT", 1, "Bộ Nông nghiệp và Phát triển nông thôn");
	expect_row(&t, "Bộ VH-TT&DL", 1, "Bộ Văn hóa, Thể thao và Du lịch");
	expect_row(&t, "Sở GDĐT", 1, "Sở Giáo dục và Đào tạo");
	expect_row(&t, "Ủy ban T.Ư MTTQ Việt Nam", 1,
		   "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam");
	expect_row(&t, "UBMTTQ", 2, "front");
	expect_row(&t, "Hội LHPN", 2, "mass");
	expect_row(&t, "Quân khu 7", 2, "military");
	expect_row(&t, "Bộ Công an", 2, "state");
	expect_row(&t, "Đảng ủy Công an Trung ương", 2, "party");
	expect_row(&t, "Ban Chỉ đạo Tây Nam Bộ", 3, "central");
	expect_row(&t, "Sở", 4, "generic");
	expect_row(&t, "Hội", 4, "generic");
	/* Both sides of the 2025 reorganisation are known. */
	cr_expect_not_null(find(&t, "Ban Tuyên giáo Trung ương"));
	cr_expect_not_null(find(&t, "Ban Tuyên giáo và Dân vận Trung ương"));
	cr_expect_not_null(find(&t, "Bộ Tài nguyên và Môi trường"));
	cr_expect_not_null(find(&t, "Bộ Nông nghiệp và Môi trường"));
	cr_expect_not_null(find(&t, "Ủy ban Tài chính - Ngân sách"));
	cr_expect_not_null(find(&t, "Ủy ban Kinh tế và Tài chính"));
	table_free(&abbr);
	table_free(&t);
}

Test(lexicon, positions)
{
	static const char *const flags[] = {"org", "standalone", "envoy", "modifier", NULL};
	struct table t = load("positions", 3);
	struct table abbr = load("abbreviations", 2);
	assert_enum(&t, 2, flags);
	assert_unique_first_column(&t);
	assert_canonical_closure(&t, 1);
	assert_expanded(&t, 1, &abbr);
	assert_abbreviations_known(&t, &abbr);
	cr_expect_geq(t.n, 80);

	expect_row(&t, "Tổng Bí thư", 2, "standalone");
	expect_row(&t, "Thủ tướng Chính phủ", 2, "standalone");
	expect_row(&t, "Ủy viên Bộ Chính trị", 2, "standalone");
	expect_row(&t, "Tỉnh ủy viên", 2, "standalone");
	expect_row(&t, "ĐBQH", 1, "Đại biểu Quốc hội");
	expect_row(&t, "UVTW", 1, "Ủy viên Trung ương Đảng");
	expect_row(&t, "Ủy viên T.Ư Đảng", 1, "Ủy viên Trung ương Đảng");
	expect_row(&t, "Bí thư", 2, "org");
	expect_row(&t, "Phó Bí thư Thường trực", 2, "org");
	expect_row(&t, "Phó Chủ tịch", 2, "org");
	expect_row(&t, "PCT", 1, "Phó Chủ tịch");
	expect_row(&t, "Trưởng Ban", 2, "org");
	expect_row(&t, "Trưởng Đoàn ĐBQH", 1, "Trưởng đoàn đại biểu Quốc hội");
	expect_row(&t, "Đại sứ", 2, "envoy");
	expect_row(&t, "Ngoại trưởng", 2, "standalone");
	expect_row(&t, "nguyên", 2, "modifier");
	expect_row(&t, "Q.", 1, "Quyền");
	/* "Bí thư Tỉnh ủy" is Bí thư + a body; ranks are not positions. */
	cr_expect_null(find(&t, "Bí thư Tỉnh ủy"));
	cr_expect_null(find(&t, "Thượng tướng"));
	table_free(&abbr);
	table_free(&t);
}

Test(lexicon, honorifics)
{
	static const char *const kinds[] = {"honorific", "rank", "academic", NULL};
	static const char *const ranks[] = {
	    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá",
	    "Thượng tá", "Trung tá",	 "Thiếu tá",	"Đại úy",      "Thượng úy",
	    "Trung úy",	 "Thiếu úy",	 "Đô đốc",	"Phó Đô đốc",  "Chuẩn Đô đốc",
	};
	struct table t = load("honorifics", 2);
	assert_enum(&t, 1, kinds);
	assert_unique_first_column(&t);
	for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		expect_row(&t, ranks[i], 1, "rank");
	expect_row(&t, "Đại uý", 1, "rank"); /* "Đại úy" with the other tone placement */
	expect_row(&t, "đồng chí", 1, "honorific");
	expect_row(&t, "Đ/c", 1, "honorific");
	expect_row(&t, "ông", 1, "honorific");
	expect_row(&t, "PGS.TS", 1, "academic");
	expect_row(&t, "GS.", 1, "academic");
	expect_row(&t, "ThS", 1, "academic");
	expect_row(&t, "Nhà giáo Nhân dân", 1, "academic");
	expect_row(&t, "Anh hùng Lực lượng vũ trang nhân dân", 1, "academic");
	expect_row(&t, "Hòa thượng", 1, "academic");
	table_free(&t);
}

Test(lexicon, meeting_kinds)
{
	static const char *const kinds[] = {"conference", "session",	     "sitting",
					    "congress",	  "working_session", "seminar",
					    "ceremony",	  "meeting",	     NULL};
	struct table t = load("meeting_kinds", 3);
	assert_enum(&t, 1, kinds);
	assert_unique_first_column(&t);
	cr_expect_geq(t.n, 60);
	for (size_t i = 0; kinds[i]; i++)
		cr_expect_gt(count_where(&t, 1, kinds[i]), 0, "no form of kind %s", kinds[i]);
	for (size_t i = 0; i < t.n; i++) {
		const char *form = t.rows[i].col[0];
		char *folded = casefold(form);
		cr_expect_str_eq(folded, form, "meeting kind '%s' is not lower case", form);
		free(folded);
		/* Every "lễ ..." is a ceremony, whatever its verb. */
		if (strncmp(form, "lễ ", strlen("lễ ")) == 0 || strcmp(form, "lễ") == 0)
			cr_expect_str_eq(t.rows[i].col[1], "ceremony", "'%s'", form);
	}
	/* A reported text is itself a form of the same kind. */
	for (size_t i = 0; i < t.n; i++) {
		const char *text = t.rows[i].col[2];
		if (!strcmp(text, "-"))
			continue;
		const struct row *r = find(&t, text);
		cr_expect_not_null(r, "meeting kind '%s' reports '%s', which is no form",
				   t.rows[i].col[0], text);
		if (r)
			cr_expect_str_eq(r->col[1], t.rows[i].col[1], "'%s'", t.rows[i].col[0]);
	}
	expect_row(&t, "họp phiên", 2, "phiên họp");
	expect_row(&t, "họp kỳ", 2, "kỳ họp");
	expect_row(&t, "hội nghị", 2, "-");
	expect_row(&t, "hội nghị", 1, "conference");
	expect_row(&t, "hội nghị giao ban", 1, "conference");
	expect_row(&t, "kỳ họp", 1, "session");
	expect_row(&t, "phiên họp toàn thể", 1, "sitting");
	expect_row(&t, "phiên chất vấn", 1, "sitting");
	expect_row(&t, "đại hội đồng cổ đông", 1, "congress");
	expect_row(&t, "cuộc làm việc", 1, "working_session");
	expect_row(&t, "tọa đàm", 1, "seminar");
	expect_row(&t, "lễ ký kết", 1, "ceremony");
	expect_row(&t, "mít tinh", 1, "ceremony");
	expect_row(&t, "cuộc họp", 1, "meeting");
	expect_row(&t, "buổi tiếp", 1, "meeting");
	/* Mode words and objects are not part of kind_text. */
	cr_expect_null(find(&t, "hội nghị trực tuyến"));
	cr_expect_null(find(&t, "lễ trao giải"));
	cr_expect_null(find(&t, "lễ hội"));
	table_free(&t);
}

Test(lexicon, duplicate_key_folds_tone_placement)
{
	/* The duplicate check itself: tone placement and case are one entry,
	 * different letters are not. */
	char *a = dup_key("Tỉnh ủy"), *b = dup_key("TỈNH UỶ");
	char *c = dup_key("hóa"), *d = dup_key("hoá");
	char *e = dup_key("Hà"), *f = dup_key("Hạ");
	cr_expect_str_eq(a, b);
	cr_expect_str_eq(c, d);
	cr_expect_str_neq(e, f);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
}
