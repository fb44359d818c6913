/* Dates as pages write them: machine dates in meta tags and JSON-LD (ISO
 * 8601 with or without an offset, and the dd/mm/yyyy HH:MM that Vietnamese
 * CMSs put there), the first date of a short text, and strict visible date
 * lines ("Thứ tư, 12/3/2025, 10:20 (GMT+7)"). Every result is in Vietnam
 * time (+07:00), as the article's own date line would be. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "model/html/html_int.h"
#include "model/lexicon/lex.h"

/* ---- dates ------------------------------------------------------------------ */

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int mdays(int y, int m)
{
	static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : D[m - 1];
}

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

typedef struct dt {
	int y, mo, d, h, mi, s, tz; /* h < 0: no time; tz in minutes, INT_MIN: none */
	int has_tz;
} dt_t;

/* Write *t as ISO 8601 in Vietnam time (+07:00). 0, or -1 when invalid. */
static int dt_format(dt_t t, char out[32])
{
	if (t.y < 1990 || t.y > 2100 || t.mo < 1 || t.mo > 12 || t.d < 1 || t.d > mdays(t.y, t.mo))
		return -1;
	char b[80];
	if (t.h < 0) {
		snprintf(b, sizeof b, "%04d-%02d-%02d", t.y, t.mo, t.d);
		memcpy(out, b, 11);
		return 0;
	}
	if (t.h > 23 || t.mi < 0 || t.mi > 59 || t.s < 0 || t.s > 60)
		return -1;
	if (t.has_tz && t.tz != 420) {
		long mins = days_from_civil(t.y, t.mo, t.d) * 1440 + t.h * 60 + t.mi + (420 - t.tz);
		long day = mins >= 0 ? mins / 1440 : (mins - 1439) / 1440;
		long rem = mins - day * 1440;
		civil_from_days(day, &t.y, &t.mo, &t.d);
		t.h = (int)(rem / 60);
		t.mi = (int)(rem % 60);
	}
	snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", t.y, t.mo, t.d, t.h, t.mi,
		 t.s > 59 ? 59 : t.s);
	memcpy(out, b, 26);
	return 0;
}

/* Read up to max digits at s[*i]; -1 when there are none. */
static int num(const char *s, size_t n, size_t *i, int max, int *len)
{
	int v = 0, k = 0;
	while (*i < n && k < max && isdigit((unsigned char)s[*i]))
		v = v * 10 + (s[(*i)++] - '0'), k++;
	if (len)
		*len = k;
	return k ? v : -1;
}

/* A time "HH:MM[:SS]" or "HHhMM" at s[*i]. 1 when read. */
static int read_time(const char *s, size_t n, size_t *i, dt_t *t)
{
	size_t j = *i;
	int l, h = num(s, n, &j, 2, &l);
	if (h < 0 || j >= n || !(s[j] == ':' || s[j] == 'h' || s[j] == 'H'))
		return 0;
	j++;
	int mi = num(s, n, &j, 2, &l);
	if (mi < 0 || l != 2)
		return 0;
	int se = 0;
	if (j + 1 < n && s[j] == ':' && isdigit((unsigned char)s[j + 1])) {
		j++;
		se = num(s, n, &j, 2, &l);
		if (j < n && s[j] == '.') /* fractions of a second */
			for (j++; j < n && isdigit((unsigned char)s[j]); j++)
				;
	}
	if (h > 23 || mi > 59 || se > 60)
		return 0;
	t->h = h, t->mi = mi, t->s = se;
	*i = j;
	return 1;
}

/* An offset "Z", "+07:00", "+0700", "+7", "GMT+7", "(GMT+7)", "UTC+07:00". */
static int read_tz(const char *s, size_t n, size_t *i, dt_t *t)
{
	size_t j = *i;
	while (j < n && (s[j] == ' ' || s[j] == '('))
		j++;
	if (j < n && (s[j] == 'Z' || s[j] == 'z') &&
	    (j + 1 == n || !isalpha((unsigned char)s[j + 1]))) {
		t->tz = 0, t->has_tz = 1;
		*i = j + 1;
		return 1;
	}
	if (j + 3 <= n && (!strncasecmp(s + j, "GMT", 3) || !strncasecmp(s + j, "UTC", 3)))
		j += 3;
	if (j >= n || (s[j] != '+' && s[j] != '-'))
		return 0;
	int sign = s[j] == '-' ? -1 : 1, l;
	j++;
	int hh = num(s, n, &j, 2, &l), mm = 0;
	if (hh < 0 || hh > 14)
		return 0;
	if (j < n && s[j] == ':')
		j++;
	if (j < n && isdigit((unsigned char)s[j]))
		mm = num(s, n, &j, 2, &l);
	if (j < n && s[j] == ')')
		j++;
	t->tz = sign * (hh * 60 + mm), t->has_tz = 1;
	*i = j;
	return 1;
}

/* A date at s[*i]: "YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "D-M-YYYY",
 * "D.M.YYYY". 1 when read. */
static int read_date(const char *s, size_t n, size_t *i, dt_t *t)
{
	size_t j = *i;
	int l1, l2, l3;
	int a = num(s, n, &j, 4, &l1);
	if (a < 0 || j >= n || !(s[j] == '-' || s[j] == '/' || s[j] == '.'))
		return 0;
	char sep = s[j++];
	int b = num(s, n, &j, 2, &l2);
	if (b < 0 || j >= n || s[j] != sep)
		return 0;
	j++;
	int c = num(s, n, &j, 4, &l3);
	if (c < 0)
		return 0;
	if (l1 == 4 && l3 <= 2)
		t->y = a, t->mo = b, t->d = c;
	else if (l1 <= 2 && l3 == 4)
		t->d = a, t->mo = b, t->y = c;
	else
		return 0;
	if (j < n && isdigit((unsigned char)s[j]))
		return 0;
	*i = j;
	return 1;
}

/* Machine dates (see html_int.h). */
int html_date_iso(const char *s, size_t n, char out[32])
{
	dt_t t = {0, 0, 0, -1, 0, 0, 420, 0};
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	size_t t0 = i;
	if (read_time(s, n, &i, &t)) { /* "10:20 12/03/2025" */
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
		if (!read_date(s, n, &i, &t))
			return -1;
	} else {
		i = t0;
		if (!read_date(s, n, &i, &t))
			return -1;
		if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
			size_t k = i + 1;
			while (k < n && s[k] == ' ')
				k++;
			if (read_time(s, n, &k, &t))
				i = k;
		}
		read_tz(s, n, &i, &t);
	}
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i != n)
		return -1;
	return dt_format(t, out);
}

/* The length of the date-to-time glue word s starts with ("lúc", an en
 * dash: html_dates.tsv), 0 when none. */
static size_t glue_at(const char *s)
{
	for (const char *const *p = lex_list_html_date_glue; *p; p++)
		if (!strncmp(s, *p, strlen(*p)))
			return strlen(*p);
	return 0;
}

/* The length of a word of list l that s[i..n) starts with, 0 when none. */
static size_t list_word_at(const char *s, size_t n, size_t i, const char *const *l)
{
	for (; *l; l++) {
		size_t k = strlen(*l);
		if (i + k <= n && !strncmp(s + i, *l, k))
			return k;
	}
	return 0;
}

/* The first date in a short text (see html_int.h). */
int html_date_find(const char *s, size_t n, char out[32])
{
	if (n > 400)
		n = 400;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]) || (i && isdigit((unsigned char)s[i - 1])))
			continue;
		dt_t t = {0, 0, 0, -1, 0, 0, 420, 0};
		size_t k = i;
		if (!read_date(s, n, &k, &t))
			continue;
		/* a time before ("10:20 12/03/2025") or after ("12/03/2025 - 10:20",
		 * "12/03/2025 lúc 10:20": html_dates.tsv "glue") */
		size_t a = k, g;
		while (a < n) {
			if (s[a] == ' ' || s[a] == ',' || s[a] == '-' || s[a] == '|')
				a++;
			else if ((g = glue_at(s + a)))
				a += g;
			else
				break;
		}
		if (!read_time(s, n, &a, &t)) {
			size_t b = i;
			while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '-' ||
					 s[b - 1] == '|'))
				b--;
			size_t st = b >= 8 ? b - 8 : 0;
			for (; st < b; st++) {
				size_t q = st;
				dt_t x = t;
				if (isdigit((unsigned char)s[st]) &&
				    (!st || !isdigit((unsigned char)s[st - 1])) &&
				    read_time(s, n, &q, &x) && q == b) {
					t = x;
					break;
				}
			}
		} else {
			read_tz(s, n, &a, &t);
		}
		return dt_format(t, out);
	}
	return -1;
}

/* 1 when s[0..n) is a word a visible date line may hold besides the date
 * and the time (html_dates.tsv "word", compared case-folded). */
static int date_word(const char *s, size_t n)
{
	char w[16];
	if (n >= sizeof w)
		return 0;
	utf8proc_uint8_t *low = NULL;
	memcpy(w, s, n);
	w[n] = '\0';
	if (utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &low,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
			     UTF8PROC_CASEFOLD) < 0)
		return 0;
	int ok = 0;
	for (int k = 0; lex_list_html_date_word[k] && !ok; k++)
		ok = !strcmp((const char *)low, lex_list_html_date_word[k]);
	free(low);
	return ok;
}

/* Visible date lines (see html_int.h). */
int html_date_line(const char *s, size_t n, char out[32])
{
	dt_t t = {0, 0, 0, -1, 0, 0, 420, 0};
	int dates = 0, times = 0, tzs = 0;
	size_t i = 0;
	if (n > 120)
		return 0;
	/* "ngày 12 tháng 3 năm 2025" */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c)) {
			size_t k = i;
			dt_t x = t;
			if (read_date(s, n, &k, &x)) {
				if (dates++)
					return 0;
				t.y = x.y, t.mo = x.mo, t.d = x.d;
				i = k;
				continue;
			}
			k = i;
			if (read_time(s, n, &k, &x)) {
				if (times++)
					return 0;
				t.h = x.h, t.mi = x.mi, t.s = x.s;
				i = k;
				continue;
			}
			k = i;
			int l, v = num(s, n, &k, 4, &l);
			/* "ngày 12 tháng 3 năm 2025": three numbers around the words */
			size_t w = k, mw, yw;
			while (w < n && s[w] == ' ')
				w++;
			if (v >= 1 && v <= 31 &&
			    (mw = list_word_at(s, n, w, lex_list_html_date_month))) {
				size_t q = w + mw;
				while (q < n && s[q] == ' ')
					q++;
				int mo = num(s, n, &q, 2, &l);
				while (q < n && (s[q] == ' ' || s[q] == ','))
					q++;
				if ((yw = list_word_at(s, n, q, lex_list_html_date_year)))
					q += yw;
				while (q < n && s[q] == ' ')
					q++;
				int y = num(s, n, &q, 4, &l);
				if (mo >= 1 && l == 4 && !dates++) {
					t.d = v, t.mo = mo, t.y = y;
					i = q;
					continue;
				}
				return 0;
			}
			if (l <= 1 && k - i == 1) { /* "Thứ 6" */
				i = k;
				continue;
			}
			return 0;
		}
		if (c == '+' || c == '(' ||
		    ((c == 'G' || c == 'U' || c == 'g' || c == 'u') && i + 3 < n &&
		     (s[i + 3] == '+' || s[i + 3] == '-'))) {
			size_t k = i;
			dt_t x = t;
			if (read_tz(s, n, &k, &x)) {
				if (tzs++)
					return 0;
				t.tz = x.tz, t.has_tz = 1;
				i = k;
				continue;
			}
		}
		if (isspace(c) || strchr("|-,/():.", c) || c == 0xC2) {
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) { /* – — */
			i += 3;
			continue;
		}
		size_t k = i;
		while (k < n && !isspace((unsigned char)s[k]) && !strchr("|-,/():.", s[k]) &&
		       !isdigit((unsigned char)s[k]))
			k++;
		if (!date_word(s + i, k - i))
			return 0;
		i = k;
	}
	if (dates != 1)
		return 0;
	return dt_format(t, out) == 0;
}
