/* Unit tests for model/dates/: terms, ordinals and the calendar helpers.
 * Every fixture is written for these tests; texts are tagged as
 * model_parse() does (textfix.h). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/dates/dates.h"
#include "tests/unit/datesfix.h"
#include "tests/unit/textfix.h"

/* ---- ordinals and calendar --------------------------------------------- */

struct ocase {
	const char *s;
	int v;
};

static struct ocase ocases[] = {
    {"XIII", 13},	{"XIX", 19},	   {"V", 5},	     {"xiv", 14},
    {"MMXXIV", 2024},	{"IX", 9},	   {"53", 53},	     {"8", 8},
    {" 12 ", 12},	{"nhất", 1},	   {"hai", 2},	     {"ba", 3},
    {"tư", 4},		{"bốn", 4},	   {"Năm", 5},	     {"sáu", 6},
    {"Bảy", 7},		{"bẩy", 7},	   {"Tám", 8},	     {"TÁM", 8},
    {"chín", 9},	{"mười", 10},	   {"mười một", 11}, {"mười hai", 12},
    {"mười lăm", 15},	{"mười chín", 19}, {"hai mươi", 20}, {"hai mươi mốt", 21},
    {"ba mươi tư", 34}, {"thứ Tám", 8},	   {"IIII", 0},	     {"VX", 0},
    {"abc", 0},		{"", 0},	   {"mười mười", 0}, {"hai mươi mươi", 0},
    {"12a", 0},
};

ParameterizedTestParameters(dates, ordinal)
{
	return INDEX_PARAMS(ocases);
}

ParameterizedTest(size_t *k, dates, ordinal)
{
	const struct ocase *c = &ocases[*k];
	textfix_t f;
	const text_t *tx = textfix_str(&f, c->s);
	int v = dates_parse_ordinal(tx, 0, tx->n);
	cr_expect_eq(v, c->v, "[%s] -> %d", c->s, v);
	textfix_close(&f);
}

Test(dates, valid)
{
	cr_expect(dates_valid(2024, 2, 29));
	cr_expect(!dates_valid(2023, 2, 29));
	cr_expect(dates_valid(0, 2, 29)); /* year not written */
	cr_expect(!dates_valid(2022, 4, 31));
	cr_expect(!dates_valid(2022, 13, 1));
	cr_expect(!dates_valid(2022, 0, 1));
	cr_expect(!dates_valid(2022, 1, 0));
	cr_expect(dates_valid(2022, 12, 31));
	cr_expect(!dates_valid(1900, 2, 29));
	cr_expect(dates_valid(2000, 2, 29));
}

Test(dates, add_days)
{
	int y = 2022, m = 1, d = 31;
	dates_add_days(&y, &m, &d, 1);
	cr_expect(y == 2022 && m == 2 && d == 1);
	y = 2024, m = 2, d = 28;
	dates_add_days(&y, &m, &d, 1);
	cr_expect(y == 2024 && m == 2 && d == 29);
	y = 2025, m = 1, d = 1;
	dates_add_days(&y, &m, &d, -1);
	cr_expect(y == 2024 && m == 12 && d == 31);
	y = 2022, m = 3, d = 1;
	dates_add_days(&y, &m, &d, -1);
	cr_expect(y == 2022 && m == 2 && d == 28);
	y = 2022, m = 1, d = 26;
	dates_add_days(&y, &m, &d, 365);
	cr_expect(y == 2023 && m == 1 && d == 26);
	y = 2022, m = 2, d = 30; /* invalid: untouched */
	dates_add_days(&y, &m, &d, 1);
	cr_expect(y == 2022 && m == 2 && d == 30);
}

Test(dates, infer_year)
{
	cr_expect_eq(dates_infer_year(1, 26, 2022, 1, 26), 2022);
	cr_expect_eq(dates_infer_year(12, 28, 2022, 1, 5), 2021);
	cr_expect_eq(dates_infer_year(2, 20, 2022, 1, 26), 2022); /* 25 days after */
	cr_expect_eq(dates_infer_year(2, 25, 2022, 1, 26), 2022); /* 30 days after */
	cr_expect_eq(dates_infer_year(2, 26, 2022, 1, 26), 2021); /* 31 days after */
	cr_expect_eq(dates_infer_year(4, 29, 2025, 3, 21), 2024);
	cr_expect_eq(dates_infer_year(3, 30, 2025, 3, 30), 2025);
	cr_expect_eq(dates_infer_year(2, 29, 2023, 2, 10), 2023);
}

Test(dates, ordinal_token_range)
{
	static const char text[] = "kỳ họp thứ mười lăm, khóa XIV, lần thứ 12a và Hội nghị 7";
	textfix_t f;
	const text_t *tx = textfix_str(&f, text);
	size_t muoi = text_tok_at(tx, strlen("kỳ họp thứ "));
	size_t roman = text_tok_at(tx, strlen("kỳ họp thứ mười lăm, khóa "));
	size_t twelve = text_tok_at(tx, strlen("kỳ họp thứ mười lăm, khóa XIV, lần thứ "));
	cr_expect_eq(dates_parse_ordinal(tx, muoi, muoi + 2), 15);
	cr_expect_eq(dates_parse_ordinal(tx, muoi - 1, muoi + 2), 15, "with \"thứ\"");
	cr_expect_eq(dates_parse_ordinal(tx, muoi, muoi + 1), 10);
	cr_expect_eq(dates_parse_ordinal(tx, muoi, muoi + 3), 0, "the comma is not a word");
	cr_expect_eq(dates_parse_ordinal(tx, roman, roman + 1), 14);
	cr_expect_eq(dates_parse_ordinal(tx, twelve, twelve + 1), 12);
	cr_expect_eq(dates_parse_ordinal(tx, twelve, twelve + 2), 0, "12a");
	cr_expect_eq(dates_parse_ordinal(tx, tx->n - 1, tx->n), 7);
	cr_expect_eq(dates_parse_ordinal(tx, tx->n - 1, tx->n + 3), 7, "clamped to the text");
	cr_expect_eq(dates_parse_ordinal(tx, 3, 3), 0);
	cr_expect_eq(dates_parse_ordinal(NULL, 0, 1), 0);
	textfix_close(&f);
}

/* The vocabulary: every row of dates.tsv names one of the grammar's
 * classes (a typo would make a lexicon the grammar never reads). */
/* ---- terms ------------------------------------------------------------- */

struct tcase {
	const char *text;
	const char *span; /* NULL: no term at all */
	int ord, from, to;
	const char *rule;
	int count;
};

static struct tcase tcases[] = {
    {"thực hiện Kết luận của Ban Chấp hành Trung ương Đảng khóa XIII về xây dựng Đảng", "khóa XIII",
     13, 0, 0, "term.khoa_roman", 1},
    {"kỳ họp thứ sáu, HĐND tỉnh khoá XIV", "khoá XIV", 14, 0, 0, "term.khoa_roman", 1},
    {"Đại hội Đảng bộ huyện khóa 8 đã bầu Ban Chấp hành", "khóa 8", 8, 0, 0, "term.khoa_number", 1},
    {"Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng", "khóa XII", 12, 0, 0, NULL, 1},
    {"Quốc hội Khóa X đã thông qua luật", "Khóa X", 10, 0, 0, NULL, 1},
    {"BAN CHẤP HÀNH KHÓA XV", "KHÓA XV", 15, 0, 0, NULL, 1},
    {"Hội nghị Tỉnh ủy khóa IX lần thứ 3", "khóa IX", 9, 0, 0, NULL, 1},
    {"Hội nghị lần thứ 25 BCH Đảng bộ tỉnh khóa XIX", "khóa XIX", 19, 0, 0, NULL, 1},
    {"Thành đoàn khóa 14 họp phiên đầu tiên", "khóa 14", 14, 0, 0, NULL, 1},
    {"HĐND thành phố khóa XV, nhiệm kỳ 2021-2026 khai mạc", "khóa XV", 15, 0, 0, NULL, 2},
    {"HĐND thành phố khóa XV, nhiệm kỳ 2021-2026 khai mạc", "nhiệm kỳ 2021-2026", 0, 2021, 2026,
     "term.nhiem_ky", 2},
    {"Đại hội đại biểu nhiệm kỳ 2020 - 2025 thành công tốt đẹp", "nhiệm kỳ 2020 - 2025", 0, 2020,
     2025, NULL, 1},
    {"Hội Sinh viên khóa IV, nhiệm kỳ 2017- 2022 đã diễn ra", "nhiệm kỳ 2017- 2022", 0, 2017, 2022,
     NULL, 2},
    {"Quận ủy nhiệm kỳ 2015–2020 tổng kết", "nhiệm kỳ 2015–2020", 0, 2015, 2020, NULL, 1},
    {"kế hoạch giai đoạn 2021-2025 của tỉnh", "giai đoạn 2021-2025", 0, 2021, 2025,
     "term.giai_doan", 1},
    {"Giai đoạn: 2017 - 2030 từng bước hoàn thiện", "Giai đoạn: 2017 - 2030", 0, 2017, 2030, NULL,
     1},
    {"HĐND huyện nhiệm kì 2016 - 2021", "nhiệm kì 2016 - 2021", 0, 2016, 2021, NULL, 1},
    {"NHIỆM KỲ 2020-2025", "NHIỆM KỲ 2020-2025", 0, 2020, 2025, NULL, 1},
    {"Khoá 8 và khoá IX", "khoá IX", 9, 0, 0, NULL, 2},
    {"Sinh viên tham gia khóa học bồi dưỡng kỹ năng", NULL, 0, 0, 0, NULL, 0},
    {"Nhớ khóa cửa trước khi về", NULL, 0, 0, 0, NULL, 0},
    {"Trong nhiệm kỳ tới, tỉnh tập trung vào hạ tầng", NULL, 0, 0, 0, NULL, 0},
    {"nhiệm kỳ 2025 - 2020 là sai", NULL, 0, 0, 0, NULL, 0},
    {"giai đoạn 1 của dự án", NULL, 0, 0, 0, NULL, 0},
    {"khóa IIII không phải số La Mã", NULL, 0, 0, 0, NULL, 0},
    {"nhiệm kỳ 2000 - 2025 quá dài", NULL, 0, 0, 0, NULL, 0},
    {"khóa 2.0 trực tuyến", NULL, 0, 0, 0, NULL, 0},
};

ParameterizedTestParameters(terms, find)
{
	return INDEX_PARAMS(tcases);
}

ParameterizedTest(size_t *k, terms, find)
{
	const struct tcase *c = &tcases[*k];
	textfix_t f;
	const text_t *tx = textfix_str(&f, c->text);
	const char *b = tx->s;
	term_list_t l = {0};
	cr_assert_eq(dates_find_terms(tx, &l), 0);
	cr_expect_eq(l.n, (size_t)c->count, "%s: %zu terms", c->text, l.n);
	if (c->span) {
		const term_expr_t *t = NULL;
		size_t sl = strlen(c->span);
		for (size_t i = 0; i < l.n && !t; i++)
			if (l.v[i].span.end - l.v[i].span.start == sl &&
			    memcmp(b + l.v[i].span.start, c->span, sl) == 0)
				t = &l.v[i];
		cr_assert_not_null(t, "%s: no term [%s]", c->text, c->span);
		cr_expect_eq(t->ordinal, c->ord, "%s: ordinal %d", c->text, t->ordinal);
		cr_expect_eq(t->from_year, c->from, "%s: from %d", c->text, t->from_year);
		cr_expect_eq(t->to_year, c->to, "%s: to %d", c->text, t->to_year);
		cr_expect_not_null(t->rule);
		if (c->rule && t->rule)
			cr_expect_str_eq(t->rule, c->rule);
		cr_expect_eq(tx->tok[t->tok_start].start, t->span.start);
		cr_expect_eq(tx->tok[t->tok_end - 1].end, t->span.end);
	}
	textfix_close(&f);
}
