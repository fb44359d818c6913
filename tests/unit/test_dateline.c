/* Unit tests for model/dates/: datelines (from the tokens of a line and
 * from its bytes) and published_at, a strict ISO 8601 date or date-time.
 * Every fixture is written for these tests. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/dates/dates.h"
#include "model/model.h"
#include "tests/unit/datesfix.h"
#include "tests/unit/textfix.h"

/* ---- datelines --------------------------------------------------------- */

struct lcase {
	const char *line;
	int ok;
	int y, m, d;
	const char *time; /* "HH:MM:SS", "HH:MM" or NULL */
	const char *wday;
	int tz;
};

static struct lcase lcases[] = {
    {"THỨ TƯ, 26/01/2022 14:00:11", 1, 2022, 1, 26, "14:00:11", "wed", 420},
    {"Thứ 6, 21/03/2025 | 15:45", 1, 2025, 3, 21, "15:45", "fri", 420},
    {"Thứ 4, 19/03/2025 | 20:17", 1, 2025, 3, 19, "20:17", "wed", 420},
    {"2025-04-22 15:17:00", 1, 2025, 4, 22, "15:17:00", NULL, 420},
    {"23/10/2013 02:25", 1, 2013, 10, 23, "02:25", NULL, 420},
    {"3/11/2013 11:01", 1, 2013, 11, 3, "11:01", NULL, 420},
    {"Thứ sáu, 6/8/2021, 01:08 (GMT+7)", 1, 2021, 8, 6, "01:08", "fri", 420},
    {"Cập nhật: 08:15 ngày 12/05/2024", 1, 2024, 5, 12, "08:15", NULL, 420},
    {"12/05/2024 - 08:15", 1, 2024, 5, 12, "08:15", NULL, 420},
    {"Thứ Hai, 12/5/2024 - 08:15 (GMT+07:00)", 1, 2024, 5, 12, "08:15", "mon", 420},
    {"  26/01/2022  ", 1, 2022, 1, 26, NULL, NULL, 420},
    {"Chủ nhật, 01/01/2023 07:00 (GMT+9)", 1, 2023, 1, 1, "07:00", "sun", 540},
    {"Thứ Bảy, 10/6/2023 02:15 PM", 1, 2023, 6, 10, "14:15", "sat", 420},
    {"Đăng lúc 14:30 ngày 1/2/2024", 1, 2024, 2, 1, "14:30", NULL, 420},
    {"26.01.2022 09:05 (UTC+0)", 1, 2022, 1, 26, "09:05", NULL, 0},
    {"Thứ ba, 4/7/2017 10:20 GMT+7\r", 1, 2017, 7, 4, "10:20", "tue", 420},
    {"Sáng 26/1, Ban Thường vụ Tỉnh ủy họp.", 0, 0, 0, 0, NULL, NULL, 0},
    {"26/01/2022 14:00:11 Hoàng Minh", 0, 0, 0, 0, NULL, NULL, 0},
    {"Hôm nay 26/01/2022", 0, 0, 0, 0, NULL, NULL, 0},
    {"31/02/2022 10:00", 0, 0, 0, 0, NULL, NULL, 0},
    {"26/01/22 14:00", 0, 0, 0, 0, NULL, NULL, 0},
    {"", 0, 0, 0, 0, NULL, NULL, 0},
    {"THỨ TƯ", 0, 0, 0, 0, NULL, NULL, 0},
    {"14:00", 0, 0, 0, 0, NULL, NULL, 0},
    {"26/01/2022 25:00", 0, 0, 0, 0, NULL, NULL, 0},
    {"Hội nghị lần thứ 53", 0, 0, 0, 0, NULL, NULL, 0},
};

ParameterizedTestParameters(dateline, parse)
{
	return INDEX_PARAMS(lcases);
}

ParameterizedTest(size_t *k, dateline, parse)
{
	const struct lcase *c = &lcases[*k];
	textfix_t f;
	const text_t *tx = textfix_str(&f, c->line);
	dateline_t d;
	memset(&d, 0x55, sizeof d);
	int ok = dates_parse_dateline(tx, 0, tx->n, &d);
	cr_assert_eq(ok, c->ok, "[%s] -> %d", c->line, ok);
	if (ok) {
		cr_expect(d.year == c->y && d.month == c->m && d.day == c->d, "[%s] %d-%d-%d",
			  c->line, d.year, d.month, d.day);
		char t[16];
		if (!c->time)
			cr_expect(d.hour == -1 && d.minute == -1 && d.second == -1, "[%s]",
				  c->line);
		else if (strlen(c->time) == 5) {
			snprintf(t, sizeof t, "%02d:%02d", d.hour, d.minute);
			cr_expect_str_eq(t, c->time, "[%s]", c->line);
			cr_expect_eq(d.second, -1);
		} else {
			snprintf(t, sizeof t, "%02d:%02d:%02d", d.hour, d.minute, d.second);
			cr_expect_str_eq(t, c->time, "[%s]", c->line);
		}
		cr_expect(streq_null(wday_name(d.weekday), c->wday), "[%s] weekday %d", c->line,
			  d.weekday);
		cr_expect_eq(d.tz_minutes, c->tz, "[%s] tz %d", c->line, d.tz_minutes);
	}
	textfix_close(&f);
}

/* The segmenter's call: the tokens of one line of a whole text, found with
 * text_tok_at() on both ends of the line. The word before the range ("lần",
 * which makes "thứ 2" an ordinal inside a sentence) is not looked at, and
 * nothing after the range is either. */
Test(dateline, token_range_of_a_line)
{
	static const char text[] = "Hội nghị lần\nThứ 2, 12/05/2024 08:15\nSáng 12/5, hội nghị.";
	textfix_t f;
	const text_t *tx = textfix_str(&f, text);
	size_t ls = strlen("Hội nghị lần\n"), le = ls + strlen("Thứ 2, 12/05/2024 08:15");
	size_t a = text_tok_at(tx, ls), b = text_tok_at(tx, le);
	dateline_t d;
	cr_assert_eq(dates_parse_dateline(tx, a, b, &d), 1);
	cr_expect(d.year == 2024 && d.month == 5 && d.day == 12 && d.hour == 8 && d.minute == 15);
	cr_expect_eq(d.weekday, 0);
	/* a token of the next line is not read: a line break ends the stamp */
	cr_expect_eq(dates_parse_dateline(tx, a, b + 1, &d), 1);
	cr_expect_eq(dates_parse_dateline(tx, a - 1, b, &d), 0, "\"lần\" is part of the range");
	cr_expect_eq(dates_parse_dateline(tx, a, a, &d), 0);
	cr_expect_eq(dates_parse_dateline(tx, b, a, &d), 0);
	cr_expect_eq(dates_parse_dateline(tx, tx->n, tx->n + 5, &d), 0);
	textfix_close(&f);
}

/* meetings passes one token (after "thứ"); a range inside a text reads only
 * its own tokens. */
/* ---- published_at (strict ISO 8601) ------------------------------------ */

struct pcase {
	const char *s;
	int ok;
	int y, m, d, hh, mm, ss; /* ss -1: not written; hh -1: no time */
	int tz;
};

static struct pcase pcases[] = {
    {"2024-03-05", 1, 2024, 3, 5, -1, -1, -1, 420},
    {"2024-03-05T10:15", 1, 2024, 3, 5, 10, 15, -1, 420},
    {"2024-03-05 10:15:30", 1, 2024, 3, 5, 10, 15, 30, 420},
    {"2024-03-05T10:15:30Z", 1, 2024, 3, 5, 10, 15, 30, 0},
    {"2024-03-05T10:15Z", 1, 2024, 3, 5, 10, 15, -1, 0},
    {"2024-03-05T10:15:30.123+07:00", 1, 2024, 3, 5, 10, 15, 30, 420},
    {"2024-03-05T10:15:30-05:30", 1, 2024, 3, 5, 10, 15, 30, -330},
    {"2024-03-05T10:15:30+0700", 1, 2024, 3, 5, 10, 15, 30, 420},
    {"2024-03-05T10:15-14:00", 1, 2024, 3, 5, 10, 15, -1, -840},
    {"2016-12-31T23:59:60Z", 1, 2016, 12, 31, 23, 59, 60, 0}, /* a leap second */
    {"2024-02-29", 1, 2024, 2, 29, -1, -1, -1, 420},
    {"0001-01-01", 1, 1, 1, 1, -1, -1, -1, 420},
    {"9999-12-31T00:00", 1, 9999, 12, 31, 0, 0, -1, 420},
    /* issue 11: a one-digit second was read as 05 ... */
    {.s = "2024-03-05T10:15:5Z"},
    /* ... and these read past the end of the string */
    {.s = "2024-03-05T10:15:5"},
    {.s = "2024-03-05T10:15+7:00"},
    {.s = "2024-03-05T10:15:30+7:00"},
    /* year 0000 */
    {.s = "0000-01-01"},
    /* %2d took a blank or a sign as part of a field */
    {.s = "2024- 3-05"},
    {.s = "2024-+3-05"},
    {.s = "2024-03-05T 9:15"},
    {.s = "2024-03-05T10:15:-5"},
    {.s = "2024-03-05T10:15:30+-7:00"},
    /* other shapes that are not ISO 8601 */
    {.s = "2024-03-05T10:15:30."},
    {.s = "2024-03-05T10:15:30.Z"},
    {.s = "2024-03-05T10:15:30+07"},
    {.s = "2024-03-05T10:15:30+07:"},
    {.s = "2024-03-05T10:15:30+07:0"},
    {.s = "2024-03-05T10:15:30+15:00"},
    {.s = "2024-03-05T10:15:30+07:60"},
    {.s = "2024-03-05T24:00"},
    {.s = "2024-03-05T23:60"},
    {.s = "2024-03-05T10:15:61"},
    {.s = "2024-03-05T10"},
    {.s = "2024-03-05T10:"},
    {.s = "2024-03-05T"},
    {.s = "2024-03-05Z"},
    {.s = "2024-03-05X"},
    {.s = "2024-03-05 "},
    {.s = "2024-03-05T10:15Z "},
    {.s = " 2024-03-05"},
    {.s = "2024-3-5"},
    {.s = "20240305"},
    {.s = "2024-03"},
    {.s = "2023-02-29"},
    {.s = "2024-13-01"},
    {.s = "2024-00-10"},
    {.s = "2024-04-31"},
    {.s = "12024-03-05"},
    {.s = ""},
};

ParameterizedTestParameters(published, parse)
{
	return INDEX_PARAMS(pcases);
}

/* Each string in a buffer of exactly its length plus the NUL: a read past
 * the NUL shows under the sanitizers. */
ParameterizedTest(size_t *k, published, parse)
{
	const struct pcase *c = &pcases[*k];
	size_t n = strlen(c->s) + 1;
	char *b = malloc(n);
	cr_assert_not_null(b);
	memcpy(b, c->s, n);
	dateline_t d;
	memset(&d, 0x55, sizeof d);
	int ok = dates_parse_published(b, &d);
	cr_assert_eq(ok, c->ok, "[%s] -> %d", c->s, ok);
	if (ok) {
		cr_expect(d.year == c->y && d.month == c->m && d.day == c->d, "[%s] %d-%d-%d", c->s,
			  d.year, d.month, d.day);
		cr_expect(d.hour == c->hh && d.minute == c->mm && d.second == c->ss,
			  "[%s] %d:%d:%d", c->s, d.hour, d.minute, d.second);
		cr_expect_eq(d.tz_minutes, c->tz, "[%s] tz %d", c->s, d.tz_minutes);
		cr_expect_eq(d.weekday, -1);
	} else {
		cr_expect_eq(d.year, 0x55555555, "[%s]: *out untouched", c->s);
	}
	free(b);
}

Test(published, null_arguments)
{
	dateline_t d;
	cr_expect_eq(dates_parse_published(NULL, &d), 0);
	cr_expect_eq(dates_parse_published("2024-03-05", NULL), 0);
}

/* The model refuses a bad published_at with an error that names the
 * option, and writes a good one back in full. */
Test(published, model_option)
{
	static const char text[] = "Sáng 5/3, Ban Thường vụ họp.";
	struct model_options o = {0};
	struct model_error e;
	o.published_at = "2024-03-05T10:15:5Z";
	json_t *r = model_parse(text, strlen(text), &o, &e);
	cr_expect_null(r);
	cr_expect_eq(e.code, MODEL_E_PUBLISHED);
	cr_expect(strncmp(e.message, "published_at ", 13) == 0, "message: %s", e.message);
	json_decref(r);

	o.published_at = "2024-03-05T10:15:05.5-02:00";
	r = model_parse(text, strlen(text), &o, &e);
	cr_assert_not_null(r, "%s", e.message);
	json_t *pub = json_object_get(json_object_get(r, "article"), "published_at");
	cr_expect_str_eq(json_string_value(pub), "2024-03-05T10:15:05-02:00");
	json_decref(r);
}
