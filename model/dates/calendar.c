/* The calendar (valid dates, day arithmetic, the year of a date written
 * without one) and ordinals: Roman numerals, Vietnamese number words. */
#include "model/dates/grammar.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2)
		return (y == 0 || leap(y)) ? 29 : 28;
	return dm[m - 1];
}

/* Pure. Year 0 stands for "not written": 29/2 is then a possible date. */
int dates_valid(int year, int month, int day)
{
	if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1)
		return 0;
	return day <= days_in_month(year, month);
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = m > 2 ? m - 3 : m + 9;
	long doy = (153 * mp + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

/* Pure; the grammar's order and length checks of ranges. */
long dates_day_no(int y, int m, int d)
{
	return days_from_civil(y ? y : 2000, m, d);
}

/* Updates the caller's three ints in place; an invalid date is left
 * untouched. */
void dates_add_days(int *year, int *month, int *day, int n)
{
	if (!year || !month || !day || *year < 1 || !dates_valid(*year, *month, *day))
		return;
	civil_from_days(days_from_civil(*year, *month, *day) + n, year, month, day);
}

/* Pure. "Sáng 29.4" in an article published 21/3/2025 lies 39 days ahead, so
 * it is read as 2024; an unusable publication date returns pub_year as is. */
int dates_infer_year(int month, int day, int pub_year, int pub_month, int pub_day)
{
	if (pub_year < 1 || !dates_valid(pub_year, pub_month, pub_day) ||
	    !dates_valid(0, month, day))
		return pub_year;
	/* 29/2 in a common year: compare as 28/2, a day either way. */
	int d = day > days_in_month(pub_year, month) ? days_in_month(pub_year, month) : day;
	long pub = days_from_civil(pub_year, pub_month, pub_day);
	long cand = days_from_civil(pub_year, month, d);
	return cand - pub > 30 ? pub_year - 1 : pub_year;
}

/* ---- ordinals ---------------------------------------------------------- */

static int roman_digit(unsigned char c)
{
	switch (c | 0x20) {
	case 'i':
		return 1;
	case 'v':
		return 5;
	case 'x':
		return 10;
	case 'l':
		return 50;
	case 'c':
		return 100;
	case 'd':
		return 500;
	case 'm':
		return 1000;
	default:
		return 0;
	}
}

/* Pure; reads s[0..n). Canonical form only: "IIII" or "VX" are not
 * numerals. */
int dates_roman_value(const char *s, size_t n)
{
	static const struct {
		int v;
		const char *r;
	} tab[] = {
	    {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
	    {40, "xl"},	 {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"},
	};
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0 || n > 15)
		return 0;
	int v = 0;
	for (size_t k = 0; k < n; k++) {
		int a = roman_digit(u[k]);
		int b = k + 1 < n ? roman_digit(u[k + 1]) : 0;
		if (!a)
			return 0;
		v += a < b ? -a : a;
	}
	if (v < 1 || v > 3999)
		return 0;
	/* re-spell the value and compare */
	char buf[20];
	size_t bn = 0;
	int r = v;
	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
		while (r >= tab[k].v) {
			for (const char *q = tab[k].r; *q; q++)
				buf[bn++] = *q;
			r -= tab[k].v;
		}
	if (bn != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((u[k] | 0x20) != buf[k])
			return 0;
	return v;
}

/* Pure. */
int dates_unit_word(uint16_t kw)
{
	switch (kw) {
	case KW_mootj:
		return 1;
	case KW_hai:
		return 2;
	case KW_ba:
		return 3;
	case KW_tuw:
	case KW_boons:
		return 4;
	case KW_nawm:
		return 5;
	case KW_saus:
		return 6;
	case KW_bayr:
	case KW_baayr:
		return 7;
	case KW_tams:
		return 8;
	case KW_chins:
		return 9;
	default:
		return 0;
	}
}

/* Units after "mười"/"mươi", where "mốt" (1), "tư" (4) and "lăm" (5) also
 * occur: "mười lăm", "hai mươi mốt", "ba mươi tư". */
static int tail_unit(uint16_t kw)
{
	if (kw == KW_moots)
		return 1;
	if (kw == KW_lawm)
		return 5;
	return dates_unit_word(kw);
}

/* Reads the tokens [a, b) of tx only. */
int dates_parse_ordinal(const text_t *tx, size_t a, size_t b)
{
	if (!tx)
		return 0;
	if (b > tx->n)
		b = tx->n;
	if (a >= b)
		return 0;
	const tok_t *t = &tx->tok[a];
	if (t->kind == TK_NUM) /* digits only, at most nine */
		return b == a + 1 && t->ndig <= 9 ? (int)t->val : 0;
	if (b == a + 1 && t->kind == TK_WORD) {
		int r = dates_roman_value(tx->s + t->start, t->end - t->start);
		if (r)
			return r;
	}

	dview_t v;
	dv_init(&v, tx, a, b);
	size_t i = a;
	if (dt_kw(&v, a) == KW_thuws) /* "thứ Tám" passed whole */
		i++;
	uint16_t ws[4];
	int n = 0;
	for (;; i++) {
		const tok_t *w = dt_at(&v, i);
		if (w->kind == TK_END)
			break;
		if (w->kind != TK_WORD || n == 4)
			return 0;
		ws[n++] = w->kw;
	}
	if (n == 0)
		return 0;
	if (n == 1) {
		if (ws[0] == KW_nhaats)
			return 1;
		if (ws[0] == KW_muwowif)
			return 10;
		return dates_unit_word(ws[0]);
	}
	if (n == 2 && ws[0] == KW_muwowif) {
		int u = tail_unit(ws[1]);
		return u ? 10 + u : 0;
	}
	int tens = dates_unit_word(ws[0]);
	if (tens < 2 || ws[1] != KW_muwowi)
		return 0;
	if (n == 2)
		return tens * 10;
	if (n == 3 && tail_unit(ws[2]))
		return tens * 10 + tail_unit(ws[2]);
	return 0;
}
