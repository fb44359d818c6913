/* Bad and hostile input at the model entry point, table-driven: every kind
 * of invalid UTF-8 with its exact byte offset, NUL bytes, empty and blank
 * articles, a BOM, NFD, other line ends and spaces, and inputs built to
 * find quadratic scans or deep recursion (1 MiB of one sentence, 100,000
 * lines, 10,000 quotation marks or date-like tokens, 1,000 nested
 * parentheses). Each case asserts the exact error code and offset, or a
 * result whose every span slices the normalised text to its "text", that
 * serialises and reads back, and that came within a time bound. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "model/model.h"

TestSuite(badinput, .timeout = 600);

/* Invented facts in the genre of a district council report. */
static const char ARTICLE[] =
    "Hội đồng nhân dân huyện Sơn Hòa tổ chức kỳ họp chuyên đề\n"
    "\n"
    "THỨ NĂM, 17/08/2023 16:40:00\n"
    "\n"
    "Sáng 17.8, đồng chí Phạm Quốc Tuấn, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì "
    "kỳ họp chuyên đề lần thứ 6 của HĐND huyện khóa VII, nhiệm kỳ 2021 - 2026.\n"
    "\n"
    "Tại kỳ họp, các đại biểu đã thảo luận và biểu quyết thông qua Nghị quyết số "
    "25/NQ-HĐND về điều chỉnh kế hoạch đầu tư công năm 2023. Đồng chí Võ Thị Lan, Chủ tịch "
    "UBND huyện đề nghị các phòng, ban “khẩn trương triển khai, không để chậm trễ”.\n"
    "\n"
    "Phát biểu bế mạc, đồng chí Phạm Quốc Tuấn yêu cầu UBND huyện chỉ đạo Phòng Tài chính - "
    "Kế hoạch hoàn thành việc phân bổ vốn trước ngày 30/9/2023.\n"
    "\n"
    "HOÀNG NAM\n";

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- building inputs ---- */

struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		cr_assert_not_null(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	cr_assert(n >= 0 && (size_t)n < sizeof tmp);
	put(b, tmp, (size_t)n);
}

/* s replaced by with everywhere in ARTICLE */
static char *article_with(const char *s, const char *with, size_t *len)
{
	struct buf b = {0};
	const char *p = ARTICLE, *q;

	while ((q = strstr(p, s))) {
		put(&b, p, (size_t)(q - p));
		puts_(&b, with);
		p = q + strlen(s);
	}
	puts_(&b, p);
	*len = b.n;
	return b.p;
}

static char *mk_crlf(size_t *len)
{
	return article_with("\n", "\r\n", len);
}

static char *mk_cr(size_t *len)
{
	return article_with("\n", "\r", len);
}

static char *mk_tabs(size_t *len)
{
	return article_with(" ", "\t", len);
}

static char *mk_nbsp(size_t *len)
{
	return article_with(" ", "\xC2\xA0", len);
}

static char *mk_bom(size_t *len)
{
	struct buf b = {0};

	puts_(&b, "\xEF\xBB\xBF");
	puts_(&b, ARTICLE);
	*len = b.n;
	return b.p;
}

static char *nfd_of(const char *s, size_t *len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);

	cr_assert(n > 0);
	*len = (size_t)n;
	return (char *)out;
}

static char *mk_nfd(size_t *len)
{
	return nfd_of(ARTICLE, len);
}

/* every other paragraph decomposed: NFC and NFD in one text */
static char *mk_mixed_nfd(size_t *len)
{
	struct buf b = {0};
	const char *p = ARTICLE;
	int k = 0;

	while (*p) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) + 2 : strlen(p);
		char *part = strndup(p, n);
		if (k++ % 2) {
			size_t m;
			char *d = nfd_of(part, &m);
			put(&b, d, m);
			free(d);
		} else {
			put(&b, part, n);
		}
		free(part);
		p += n;
	}
	*len = b.n;
	return b.p;
}

/* about target bytes of whole copies of unit */
static char *repeat(const char *unit, size_t target, size_t *len)
{
	struct buf b = {0};
	size_t u = strlen(unit);

	while (b.n + u <= target)
		put(&b, unit, u);
	*len = b.n;
	return b.p;
}

static char *mk_1mib(size_t *len)
{
	return repeat("Sáng 5.4, đồng chí Lê Văn Hai, Chủ tịch UBND tỉnh chủ trì hội nghị bàn về "
		      "Kế hoạch số 12-KH/UBND. ",
		      1024 * 1024, len);
}

static char *mk_100k_lines(size_t *len)
{
	struct buf b = {0};
	int i;

	for (i = 0; i < 100000; i++)
		putf(&b, "Dòng %d: xã họp bàn việc %d.\n", i, i % 97);
	*len = b.n;
	return b.p;
}

/* 100,000 short lines with lone CRs as line ends */
static char *mk_100k_cr(size_t *len)
{
	return repeat("Họp\r", 400000, len);
}

static char *mk_quotes_balanced(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Đồng chí Bí thư nhấn mạnh ");
	for (i = 0; i < 5000; i++) /* 10,000 marks */
		putf(&b, "“việc %d” ", i);
	*len = b.n;
	return b.p;
}

static char *mk_quotes_open(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Đồng chí Bí thư nhấn mạnh ");
	for (i = 0; i < 10000; i++)
		putf(&b, "“việc %d ", i);
	*len = b.n;
	return b.p;
}

static char *mk_quotes_ascii(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Ông nói ");
	for (i = 0; i < 10000; i++)
		puts_(&b, i % 7 ? "\"" : "\" có ");
	*len = b.n;
	return b.p;
}

static char *mk_dates_short(size_t *len)
{
	struct buf b = {0};
	int i;

	for (i = 0; i < 10000; i++)
		putf(&b, "%d/%d ", i % 31 + 1, i % 13 + 1);
	*len = b.n;
	return b.p;
}

static char *mk_dates_full(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Hội nghị diễn ra ");
	for (i = 0; i < 10000; i++)
		putf(&b, "sáng ngày %d.%d.%d, ", i % 31 + 1, i % 12 + 1, 1990 + i % 40);
	*len = b.n;
	return b.p;
}

static char *mk_parens(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Sáng 5.4, Ban Thường vụ Tỉnh ủy ");
	for (i = 0; i < 1000; i++)
		puts_(&b, "(");
	puts_(&b, "khóa XV");
	for (i = 0; i < 1000; i++)
		puts_(&b, ")");
	puts_(&b, " họp.");
	*len = b.n;
	return b.p;
}

static char *mk_parens_open(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Sáng 5.4, hội nghị của Tỉnh ủy ");
	for (i = 0; i < 1000; i++)
		puts_(&b, "(Ủy ban nhân dân ");
	*len = b.n;
	return b.p;
}

static char *mk_parens_close(size_t *len)
{
	struct buf b = {0};
	int i;

	for (i = 0; i < 1000; i++)
		puts_(&b, ") ");
	puts_(&b, "Sáng 5.4, hội nghị.");
	*len = b.n;
	return b.p;
}

/* numbers far past int range where dates, ordinals and symbols are read */
static char *mk_huge_numbers(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Sáng ngày ");
	for (i = 0; i < 3000; i++)
		puts_(&b, "9");
	puts_(&b, "/12/");
	for (i = 0; i < 3000; i++)
		puts_(&b, "7");
	puts_(&b, ", kỳ họp thứ 99999999999999999999 thông qua Nghị quyết số "
		  "18446744073709551617-NQ/TW ngày 4294967296/4294967297/2147483648 và "
		  "khóa MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM.");
	*len = b.n;
	return b.p;
}

static char *mk_combining(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Hội nghị a");
	for (i = 0; i < 10000; i++)
		puts_(&b, i % 2 ? "\xCC\x81" : "\xCC\xA3"); /* U+0301, U+0323 */
	puts_(&b, " kết thúc.");
	*len = b.n;
	return b.p;
}

static char *mk_long_word(size_t *len)
{
	return repeat("a", 200000, len);
}

static char *mk_controls(size_t *len)
{
	struct buf b = {0};
	int c;

	for (c = 1; c < 0x20; c++) {
		char s[2] = {(char)c, 0};
		puts_(&b, "Hội nghị");
		puts_(&b, s);
	}
	puts_(&b, "\x7F Sáng 5.4 họp.");
	*len = b.n;
	return b.p;
}

/* noncharacters, line/paragraph separators, bidi controls, zero widths,
 * astral letters: all valid UTF-8 */
static char *mk_odd_code_points(size_t *len)
{
	struct buf b = {0};

	puts_(&b, "\xEF\xBF\xBF\xEF\xBF\xBE Sáng 5.4\xE2\x80\xA8"
		  "đồng chí Lê\xE2\x80\x8BVăn Hai\xE2\x80\xA9"
		  "\xE2\x80\xAE chủ trì hội nghị \xE2\x80\xAC\xE2\x80\x8D 😀𝐀𝐁 "
		  "\xF4\x8F\xBF\xBF tại Hội trường Tỉnh ủy.");
	*len = b.n;
	return b.p;
}

static char *mk_many_documents(size_t *len)
{
	struct buf b = {0};
	int i;

	puts_(&b, "Hội nghị quán triệt ");
	for (i = 0; i < 10000; i++)
		putf(&b, "Nghị quyết số %d-NQ/TW ngày %d/%d/2021 của Bộ Chính trị; ", i % 700 + 1,
		     i % 28 + 1, i % 12 + 1);
	*len = b.n;
	return b.p;
}

static char *mk_many_people(size_t *len)
{
	static const char *given[] = {"An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Lan", "Mai"};
	struct buf b = {0};
	int i;

	puts_(&b, "Sáng 5.4, dự hội nghị có ");
	for (i = 0; i < 10000; i++)
		putf(&b, "đồng chí Nguyễn Văn %s, Phó Chủ tịch UBND tỉnh; ", given[i % 8]);
	*len = b.n;
	return b.p;
}

/* ---- checking results ---- */

/* Every object with "start"/"end" lies in the text; with "text" too, the
 * bytes there are that text. Offsets are bytes (MODEL_OFFSET_BYTE). */
static long check_spans(const json_t *v, const char *text, size_t len)
{
	long n = 0;

	if (json_is_object(v)) {
		json_t *t = json_object_get(v, "text"), *s = json_object_get(v, "start"),
		       *e = json_object_get(v, "end"), *x;
		const char *k;
		if (json_is_integer(s) && json_is_integer(e)) {
			json_int_t a = json_integer_value(s), z = json_integer_value(e);
			cr_assert(a >= 0 && a <= z && (size_t)z <= len,
				  "span %lld..%lld outside 0..%zu", (long long)a, (long long)z,
				  len);
			if (json_is_string(t)) {
				cr_assert_eq(json_string_length(t), (size_t)(z - a),
					     "span %lld..%lld holds %zu bytes of text",
					     (long long)a, (long long)z, json_string_length(t));
				cr_assert(!memcmp(text + a, json_string_value(t), (size_t)(z - a)),
					  "span %lld..%lld is not its text \"%s\"", (long long)a,
					  (long long)z, json_string_value(t));
			}
			n++;
		}
		json_object_foreach((json_t *)v, k, x) n += check_spans(x, text, len);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) n += check_spans(x, text, len);
	}
	return n;
}

static int has_warning(const json_t *r, const char *code)
{
	const json_t *w = json_object_get(r, "warnings");
	size_t i;

	for (i = 0; i < json_array_size(w); i++)
		if (!strcmp(json_string_value(json_object_get(json_array_get(w, i), "code")), code))
			return 1;
	return 0;
}

/* What the model understood, independent of offsets and of how spaces and
 * line ends were written: people, organisations, meetings, documents and
 * the number of quotes. The caller frees. */
static char *summary(const json_t *r)
{
	static const char *const fields[][2] = {{"people", "name"},	 {"organizations", "name"},
						{"meetings", "kind"},	 {"meetings", "date"},
						{"meetings", "ordinal"}, {"documents", "symbol"}};
	json_t *s = json_array(), *list;
	size_t i, k;
	char *out;

	for (k = 0; k < sizeof fields / sizeof fields[0]; k++) {
		list = json_object_get(r, fields[k][0]);
		for (i = 0; i < json_array_size(list); i++)
			json_array_append(s,
					  json_object_get(json_array_get(list, i), fields[k][1]));
	}
	json_array_append_new(
	    s, json_integer((json_int_t)json_array_size(json_object_get(r, "quotes"))));
	out = json_dumps(s, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(s);
	return out;
}

static json_t *parse_ok(const char *s, size_t n, int unit)
{
	struct model_options o = {.unit = unit, .include_text = 1};
	struct model_error e;
	json_t *r = model_parse(s, n, &o, &e);

	cr_assert_not_null(r, "model_parse failed: %s", e.message);
	return r;
}

static json_t *reference(void)
{
	return parse_ok(ARTICLE, strlen(ARTICLE), MODEL_OFFSET_BYTE);
}

/* the same people, bodies, meetings, documents, quotes as ARTICLE */
static void same_as_article(const json_t *r)
{
	json_t *ref = reference();
	char *a = summary(ref), *b = summary(r);

	cr_assert_str_eq(b, a, "understood differently from the plain article");
	cr_assert(strstr(a, "Phạm Quốc Tuấn") && strstr(a, "25/NQ-HĐND"), "reference: %s", a);
	free(a);
	free(b);
	json_decref(ref);
}

static void check_bom(const json_t *r)
{
	cr_assert(has_warning(r, "encoding_repaired"), "no encoding_repaired warning");
	same_as_article(r);
}

/* the whole result, not just a summary: offsets index the NFC text */
static void check_nfc_equal(const json_t *r)
{
	json_t *ref = reference(), *a = json_deep_copy(r);

	cr_assert(has_warning(r, "normalized"), "no normalized warning");
	json_object_del(ref, "warnings");
	json_object_del(a, "warnings");
	cr_assert(json_equal(ref, a), "NFD input gives another result than NFC");
	json_decref(ref);
	json_decref(a);
}

static void check_people(const json_t *r)
{
	cr_assert_gt(json_array_size(json_object_get(r, "people")), 0, "nobody found");
}

static void check_documents(const json_t *r)
{
	cr_assert_gt(json_array_size(json_object_get(r, "documents")), 0, "no document found");
}

static void check_lines(const json_t *r)
{
	cr_assert_geq(json_array_size(json_object_get(json_object_get(r, "article"), "paragraphs")),
		      99999, "100,000 lines are not 100,000 paragraphs");
}

/* ---- the table ---- */

struct bcase {
	const char *name;
	const char *lit; /* literal input, or NULL to call make */
	size_t lit_len;
	char *(*make)(size_t *len);
	const char *published_at;
	enum model_errcode code;
	long offset;	     /* MODEL_E_UTF8: first bad byte */
	const char *msg_has; /* in err.message */
	void (*check)(const json_t *r);
	double max_s; /* wall-clock bound without a checker */
};

#define LIT(s) s, sizeof(s) - 1, NULL
#define GEN(f) NULL, 0, f
#define BAD(off) NULL, MODEL_E_UTF8, off, "valid UTF-8", NULL, 1
#define NUL(off) NULL, MODEL_E_UTF8, off, "NUL", NULL, 1
#define EMPTY NULL, MODEL_E_EMPTY, -1, "empty", NULL, 1
#define OK(check, secs) NULL, MODEL_OK, -1, NULL, check, secs

static const struct bcase utf8_cases[] = {
    {"lone continuation byte", LIT("Họp \x80 xong"), BAD(6)},
    {"continuation byte first", LIT("\xBFHọp"), BAD(0)},
    {"run of continuation bytes", LIT("ab\x80\x80\x80"), BAD(2)},
    {"overlong NUL (C0 80)", LIT("ab\xC0\x80"), BAD(2)},
    {"overlong 2-byte (C1 BF)", LIT("ab\xC1\xBF"), BAD(2)},
    {"overlong 3-byte (E0 80 AF)", LIT("Sáng\xE0\x80\xAF"), BAD(5)},
    {"overlong 3-byte (E0 9F BF)", LIT("a\xE0\x9F\xBF"), BAD(1)},
    {"overlong 4-byte (F0 8F BF BF)", LIT("a\xF0\x8F\xBF\xBF"), BAD(1)},
    {"high surrogate (ED A0 80)", LIT("Tỉnh\xED\xA0\x80"), BAD(6)},
    {"low surrogate (ED BF BF)", LIT("x\xED\xBF\xBFy"), BAD(1)},
    {"surrogate pair as CESU-8", LIT("x\xED\xA0\xBD\xED\xB8\x80"), BAD(1)},
    {"above U+10FFFF (F4 90 80 80)", LIT("x\xF4\x90\x80\x80"), BAD(1)},
    {"byte F5", LIT("x\xF5\x80\x80\x80"), BAD(1)},
    {"byte FE", LIT("x\xFE"), BAD(1)},
    {"byte FF", LIT("\xFFx"), BAD(0)},
    {"truncated 2-byte at the end", LIT("Hội nghị\xC3"), BAD(12)},
    {"truncated 3-byte at the end", LIT("Hội nghị\xE1\xBB"), BAD(12)},
    {"truncated 4-byte at the end", LIT("Hội nghị\xF0\x9F\x98"), BAD(12)},
    {"truncated 3-byte before ASCII", LIT("Hội\xE1\xBB nghị"), BAD(5)},
    {"invalid after a long valid prefix", LIT("Thủ tướng Chính phủ chủ trì\x80"), BAD(38)},
};

static const struct bcase nul_empty_cases[] = {
    {"NUL first", LIT("\0Sáng 5.4"), NUL(0)},
    {"NUL inside", LIT("Sáng\0 5.4"), NUL(5)},
    {"NUL last", LIT("Sáng 5.4\0"), NUL(9)},
    {"empty", LIT(""), EMPTY},
    {"ASCII whitespace only", LIT(" \t\r\n\f\v \n"), EMPTY},
    {"Unicode spaces only", LIT("\xC2\xA0\xE2\x80\x8B\xE3\x80\x80\xE2\x80\xAF\xE2\x80\x83"), EMPTY},
    {"BOM only", LIT("\xEF\xBB\xBF"), EMPTY},
    {"BOM and blank lines", LIT("\xEF\xBB\xBF\n\r\n  "), EMPTY},
    {"published_at not a date", LIT("Sáng nay, hội nghị."), "hôm qua", MODEL_E_PUBLISHED, -1,
     "published_at", NULL, 1},
    {"published_at on 30 February", LIT("Sáng nay, hội nghị."), "2022-02-30", MODEL_E_PUBLISHED, -1,
     "published_at", NULL, 1},
    {"published_at with hour 25", LIT("Sáng nay, hội nghị."), "2022-01-01T25:00:00+07:00",
     MODEL_E_PUBLISHED, -1, "published_at", NULL, 1},
};

static const struct bcase form_cases[] = {
    {"BOM before the article", GEN(mk_bom), OK(check_bom, 2)},
    {"NFD article", GEN(mk_nfd), OK(check_nfc_equal, 2)},
    {"NFC and NFD paragraphs mixed", GEN(mk_mixed_nfd), OK(check_nfc_equal, 2)},
    {"CRLF line ends", GEN(mk_crlf), OK(same_as_article, 2)},
    {"CR-only line ends", GEN(mk_cr), OK(same_as_article, 2)},
    {"tabs for spaces", GEN(mk_tabs), OK(same_as_article, 2)},
    {"no-break spaces for spaces", GEN(mk_nbsp), OK(same_as_article, 2)},
    {"control characters", GEN(mk_controls), OK(NULL, 2)},
    {"noncharacters, separators, bidi, astral", GEN(mk_odd_code_points), OK(NULL, 2)},
    {"10,000 combining marks on one letter", GEN(mk_combining), OK(NULL, 2)},
};

static const struct bcase big_cases[] = {
    {"1 MiB of one repeated sentence", GEN(mk_1mib), OK(check_people, 10)},
    {"100,000 lines", GEN(mk_100k_lines), OK(check_lines, 10)},
    {"100,000 CR-only lines", GEN(mk_100k_cr), OK(NULL, 10)},
    {"10,000 balanced quotation marks", GEN(mk_quotes_balanced), OK(NULL, 5)},
    {"10,000 unbalanced opening quotation marks", GEN(mk_quotes_open), OK(NULL, 5)},
    {"10,000 ASCII double quotes", GEN(mk_quotes_ascii), OK(NULL, 5)},
    {"10,000 day/month tokens", GEN(mk_dates_short), OK(NULL, 5)},
    {"10,000 full dates", GEN(mk_dates_full), OK(NULL, 5)},
    {"1,000 nested parentheses", GEN(mk_parens), OK(NULL, 5)},
    {"1,000 unclosed parentheses", GEN(mk_parens_open), OK(NULL, 5)},
    {"1,000 unopened parentheses", GEN(mk_parens_close), OK(NULL, 5)},
    {"numbers past every integer type", GEN(mk_huge_numbers), OK(NULL, 5)},
    {"one 200 KB word", GEN(mk_long_word), OK(NULL, 5)},
    {"10,000 document citations", GEN(mk_many_documents), OK(check_documents, 10)},
    {"10,000 people with positions", GEN(mk_many_people), OK(check_people, 10)},
};

static void run_case(const struct bcase *c)
{
	struct model_options o = {
	    .unit = MODEL_OFFSET_BYTE, .include_text = 1, .published_at = c->published_at};
	struct model_error e;
	size_t len = c->lit_len, dumped;
	char *owned = c->lit ? NULL : c->make(&len), *out;
	const char *in = c->lit ? c->lit : owned;
	const char *wrap = getenv("MEETINGD_WRAP");
	double t = now_s();
	json_t *r, *back;
	long spans;

	memset(&e, 0x5a, sizeof e);
	r = model_parse(in, len, &o, &e);
	t = now_s() - t;
	if (c->code != MODEL_OK) {
		cr_assert_null(r, "%s: parsed, expected error %s", c->name,
			       model_errcode_name(c->code));
		cr_assert_eq(e.code, c->code, "%s: error %s, expected %s (%s)", c->name,
			     model_errcode_name(e.code), model_errcode_name(c->code), e.message);
		if (c->offset >= 0)
			cr_assert_eq(e.offset, (size_t)c->offset, "%s: offset %zu, expected %ld",
				     c->name, e.offset, c->offset);
		cr_assert(memchr(e.message, '\0', sizeof e.message), "%s: message not terminated",
			  c->name);
		cr_assert(strstr(e.message, c->msg_has), "%s: message \"%s\" lacks \"%s\"", c->name,
			  e.message, c->msg_has);
		free(owned);
		return;
	}
	cr_assert_not_null(r, "%s: error %s: %s", c->name, model_errcode_name(e.code), e.message);
	spans = check_spans(r, json_string_value(json_object_get(r, "text")),
			    json_string_length(json_object_get(r, "text")));
	/* what the server sends must read back as the same JSON */
	out = model_dump(r, &dumped);
	cr_assert_not_null(out, "%s: model_dump failed", c->name);
	back = json_loadb(out, dumped, 0, NULL);
	cr_assert(back && json_equal(back, r), "%s: the dump does not read back", c->name);
	json_decref(back);
	free(out);
	if (c->check)
		c->check(r);
	cr_log_info("%-45s %8zu bytes  %6.3f s  %ld spans", c->name, len, t, spans);
	if (!wrap || !*wrap)
		cr_assert(t < c->max_s, "%s: %zu bytes took %.2f s (bound %.0f s)", c->name, len, t,
			  c->max_s);
	json_decref(r);
	free(owned);
}

#define RUN(table)                                                                                 \
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)                                \
	run_case(&table[i])

Test(badinput, invalid_utf8_kinds_at_their_offsets)
{
	RUN(utf8_cases);
}

Test(badinput, nul_empty_and_bad_options)
{
	RUN(nul_empty_cases);
}

Test(badinput, encodings_line_ends_and_spaces)
{
	RUN(form_cases);
}

Test(badinput, big_and_pathological_inputs)
{
	RUN(big_cases);
}
