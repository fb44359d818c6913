/* Publication dates: the dateline of an article ("THỨ TƯ, 26/01/2022
 * 14:00:11") read from its tokens, and the published_at of a request, a
 * strict ISO 8601 date or date-time. */
#include "model/dates/grammar.h"

/* "Cập nhật:", "Cập nhật lúc", "Đăng lúc", "Ngày đăng:", "Thời gian:",
 * "Xuất bản:" before the stamp. */
static size_t dl_prefix(dview_t *v, size_t j)
{
	size_t k = j;
	uint16_t a = dt_kw(v, k), b = dt_kw(v, k + 1);
	if (a == KW_ngayf && (b == KW_ddawng || b == KW_caapj || b == KW_xuaats)) {
		k++;
		a = b;
		b = dt_kw(v, k + 1);
	}
	if (a == KW_caapj && b == KW_nhaatj)
		k += 2;
	else if (a == KW_ddawng)
		k++;
	else if ((a == KW_thowif && b == KW_gian) || (a == KW_xuaats && b == KW_banr))
		k += 2;
	else
		return j;
	if (dt_kw(v, k) == KW_lucs || dt_kw(v, k) == KW_vaof)
		k++;
	if (dt_punct(v, k, ':'))
		k++;
	return k;
}

static bool dl_sep(dview_t *v, size_t k)
{
	return dt_punct(v, k, ',') || dt_punct(v, k, '|') || dt_dash(v, k);
}

static bool dl_date(dview_t *v, size_t k, dateline_t *d, size_t *next)
{
	core_t c;
	memset(&c, 0, sizeof c);
	if (!dates_num_date(v, k, &c) || !c.y || !dates_valid(c.y, c.m, c.d))
		return false;
	d->year = c.y;
	d->month = c.m;
	d->day = c.d;
	*next = c.next;
	return true;
}

/* "14:00:11", "15:45", "8h30", then "AM"/"PM" or "SA"/"CH". */
static bool dl_time(dview_t *v, size_t k, dateline_t *d, size_t *next)
{
	const tok_t *a = dt_at(v, k), *b = dt_at(v, k + 1), *c = dt_at(v, k + 2);
	if (a->kind != TK_NUM || a->ndig > 2 || a->val > 23 || dt_sp(v, k + 1, b) ||
	    !dt_num_touch(v, k + 2, 2) || c->ndig != 2 || c->val > 59)
		return false;
	bool colon = tk_punct(b, ':');
	if (!colon && b->kw != KW_h)
		return false;
	int h = (int)a->val, s = -1;
	k += 3;
	const tok_t *s1 = dt_at(v, k), *s2 = dt_at(v, k + 1);
	if (colon && tk_punct(s1, ':') && !dt_sp(v, k, s1) && dt_num_touch(v, k + 1, 2) &&
	    s2->ndig == 2 && s2->val <= 59) {
		s = (int)s2->val;
		k += 2;
	}
	uint16_t ap = dt_kw(v, k);
	if ((ap == KW_pm || ap == KW_ch) && h >= 1 && h <= 12) {
		h = h == 12 ? 12 : h + 12;
		k++;
	} else if ((ap == KW_am || ap == KW_sa) && h >= 1 && h <= 12) {
		h = h == 12 ? 0 : h;
		k++;
	}
	d->hour = h;
	d->minute = (int)c->val;
	d->second = s;
	*next = k;
	return true;
}

/* "(GMT+7)", "(GMT+07:00)", "GMT+7", "(UTC+07)", "+07:00". */
static size_t dl_tz(dview_t *v, size_t k, dateline_t *d)
{
	size_t j = k;
	bool paren = dt_punct(v, j, '(');
	if (paren)
		j++;
	bool named = dt_kw(v, j) == KW_gmt || dt_kw(v, j) == KW_utc;
	if (named)
		j++;
	int sign = 0;
	if (dt_punct(v, j, '+'))
		sign = 1;
	else if (dt_dash(v, j))
		sign = -1;
	int mins = 0;
	if (sign) {
		const tok_t *h = dt_at(v, j + 1);
		if (!dt_num_touch(v, j + 1, 4))
			return k;
		if (h->ndig <= 2) {
			mins = (int)h->val * 60;
			j += 2;
			if (dt_punct(v, j, ':') && dt_num_touch(v, j + 1, 2) &&
			    dt_at(v, j + 1)->ndig == 2) {
				mins += (int)dt_at(v, j + 1)->val;
				j += 2;
			}
		} else if (h->ndig == 4) {
			mins = (int)(h->val / 100 * 60 + h->val % 100);
			j += 2;
		} else {
			return k;
		}
		if (mins > 14 * 60)
			return k;
	} else if (!named) {
		return k;
	}
	if (paren) {
		if (!dt_punct(v, j, ')'))
			return k;
		j++;
	}
	d->tz_minutes = sign * mins;
	return j;
}

/* Reads tokens [a, b) of tx only; fills *out on success. */
int dates_parse_dateline(const text_t *tx, size_t a, size_t b, dateline_t *out)
{
	dateline_t d = {0, 0, 0, -1, -1, -1, -1, 420};
	dview_t v;
	size_t j, k;
	int wd;

	if (!tx || !out || a >= b || a >= tx->n)
		return 0;
	dv_init(&v, tx, a, b);
	j = dl_prefix(&v, a);
	size_t wj = dates_weekday(&v, j, &wd);
	if (wj) {
		d.weekday = wd;
		j = wj;
		if (dl_sep(&v, j))
			j++;
	}
	if (dl_time(&v, j, &d, &k)) {
		j = k;
		if (dl_sep(&v, j))
			j++;
		if (dt_kw(&v, j) == KW_ngayf)
			j++;
		if (!dl_date(&v, j, &d, &k))
			return 0;
		j = k;
	} else {
		if (dt_kw(&v, j) == KW_ngayf)
			j++;
		if (!dl_date(&v, j, &d, &k))
			return 0;
		j = k;
		size_t t = j;
		if (dl_sep(&v, t))
			t++;
		if (dt_kw(&v, t) == KW_lucs)
			t++;
		if (dl_time(&v, t, &d, &k))
			j = k;
	}
	j = dl_tz(&v, j, &d);
	if (dt_at(&v, j)->kind != TK_END)
		return 0;
	*out = d;
	return 1;
}

/* ---- published_at ------------------------------------------------------ */

/* Exactly n ASCII digits at *p (advanced past them) as a number, or -1. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int k = 0; k < n; k++) {
		char c = (*p)[k];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	return v;
}

/* Reads the NUL-terminated s only; fills *out on success. Every field is
 * read with its exact digit count and the check of each character stops
 * at the first one that does not fit, so no byte past the NUL is read. */
int dates_parse_published(const char *s, dateline_t *out)
{
	dateline_t d = {0, 0, 0, -1, -1, -1, -1, 420};
	const char *p = s;
	if (!s || !out)
		return 0;
	d.year = digits(&p, 4);
	if (d.year < 1 || *p++ != '-' || (d.month = digits(&p, 2)) < 0 || *p++ != '-' ||
	    (d.day = digits(&p, 2)) < 0 || !dates_valid(d.year, d.month, d.day))
		return 0;
	if (*p == '\0') {
		*out = d;
		return 1;
	}
	if (*p != 'T' && *p != ' ')
		return 0;
	p++;
	if ((d.hour = digits(&p, 2)) < 0 || *p++ != ':' || (d.minute = digits(&p, 2)) < 0 ||
	    d.hour > 23 || d.minute > 59)
		return 0;
	if (*p == ':') {
		p++;
		if ((d.second = digits(&p, 2)) < 0 || d.second > 60) /* 60: a leap second */
			return 0;
		if (*p == '.') {
			p++;
			if (*p < '0' || *p > '9')
				return 0;
			while (*p >= '0' && *p <= '9')
				p++;
		}
	}
	if (*p == 'Z') {
		d.tz_minutes = 0;
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;
		int th = digits(&p, 2), tm;
		if (th < 0)
			return 0;
		if (*p == ':')
			p++;
		if ((tm = digits(&p, 2)) < 0 || th > 14 || tm > 59)
			return 0;
		d.tz_minutes = sign * (th * 60 + tm);
	}
	if (*p != '\0')
		return 0;
	*out = d;
	return 1;
}
