/* The page's metadata: <meta> tags, <link rel=canonical>, <title>, the
 * document language and JSON-LD (schema.org NewsArticle and kin); and the
 * date forms pages write, machine (ISO 8601 and the dd/mm/yyyy that
 * Vietnamese CMSs put in meta tags) and visible ("Thứ tư, 12/3/2025, 10:20
 * (GMT+7)"). Which value wins is decided in html_layout.c. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "model/html/html_int.h"

/* ---- small helpers ---------------------------------------------------------- */

static char *dup_trim(const char *s, size_t n)
{
	hbuf_t b = {0};
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
			ws = 1, i++;
		if (ws) {
			space = b.n > 0;
			continue;
		}
		if ((space && hbuf_putc(&b, ' ')) || hbuf_putc(&b, (char)c)) {
			free(b.p);
			return NULL;
		}
		space = 0;
	}
	if (!b.n) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

static void set_once(char **dst, const char *s, size_t n)
{
	if (!*dst && s && n)
		*dst = dup_trim(s, n);
}

static int push_name(hstrvec_t *v, const char *s, size_t n)
{
	/* "A, B" and "A; B" name two people */
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ',' && s[j] != ';')
			j++;
		char *d = dup_trim(s + i, j - i);
		if (d) {
			char **slot = hvec_push(v);
			if (!slot) {
				free(d);
				return -1;
			}
			*slot = d;
		}
		i = j + 1;
	}
	return 0;
}

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
	if (t.y < 1990 || t.y > 2100 || t.mo < 1 || t.mo > 12 || t.d < 1 ||
	    t.d > mdays(t.y, t.mo))
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
	if (j < n && (s[j] == 'Z' || s[j] == 'z') && (j + 1 == n || !isalpha((unsigned char)s[j + 1]))) {
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
		/* a time before ("10:20 12/03/2025") or after ("12/03/2025 - 10:20") */
		size_t a = k;
		while (a < n && (s[a] == ' ' || s[a] == ',' || s[a] == '-' || s[a] == '|' ||
				 !strncmp(s + a, "lúc", 4) || !strncmp(s + a, "\xe2\x80\x93", 3)))
			a += !strncmp(s + a, "lúc", 4) ? 4 : !strncmp(s + a, "\xe2\x80\x93", 3) ? 3 : 1;
		if (!read_time(s, n, &a, &t)) {
			size_t b = i;
			while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '-' ||
					 s[b - 1] == '|'))
				b--;
			size_t st = b >= 8 ? b - 8 : 0;
			for (; st < b; st++) {
				size_t q = st;
				dt_t x = t;
				if (isdigit((unsigned char)s[st]) && (!st || !isdigit((unsigned char)s[st - 1])) &&
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

/* Words a visible date line may hold besides the date and the time. */
static const char *const DATE_WORDS[] = {
    "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "tháng", "lúc",
    "cập", "đăng", "xuất", "bản", "thời", "gian", "giờ", "sáng", "chiều", "tối", "gmt", "utc",
    "ict", "published", "updated", "posted", "on", "at", "am", "pm", "t2", "t3", "t4", "t5", "t6",
    "t7", "2", "3", "4", "5", "6", "7", NULL};

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
	for (int k = 0; DATE_WORDS[k] && !ok; k++)
		ok = !strcmp((const char *)low, DATE_WORDS[k]);
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
			size_t w = k;
			while (w < n && s[w] == ' ')
				w++;
			if (v >= 1 && v <= 31 && w + 6 <= n && !strncmp(s + w, "tháng", 6)) {
				size_t q = w + 6;
				while (q < n && s[q] == ' ')
					q++;
				int mo = num(s, n, &q, 2, &l);
				while (q < n && (s[q] == ' ' || s[q] == ','))
					q++;
				if (q + 4 <= n && !strncmp(s + q, "năm", 4))
					q += 4;
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
		if (c == '+' || c == '(' || ((c == 'G' || c == 'U' || c == 'g' || c == 'u') && i + 3 < n &&
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

/* ---- names ------------------------------------------------------------------ */

/* Title Case for names written in capitals (see html_int.h). */
char *html_name_case(const char *s, size_t n)
{
	char *d = dup_trim(s, n);
	if (!d)
		return NULL;
	size_t len = strlen(d);
	int lower = 0;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)d + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			break;
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
			lower = 1;
		i += (size_t)k;
	}
	if (lower)
		return d;
	hbuf_t b = {0};
	int start = 1;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)d + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			break;
		i += (size_t)k;
		if (!start)
			cp = utf8proc_tolower(cp);
		start = cp == ' ' || cp == '-' || cp == '.';
		if (hbuf_put_cp(&b, (uint32_t)cp)) {
			free(b.p);
			free(d);
			return NULL;
		}
	}
	free(d);
	return b.p;
}

/* Casefolded NFC copy (caller frees), or NULL. */
static char *fold(const char *s)
{
	utf8proc_uint8_t *o = NULL;
	size_t n = strlen(s);
	if (n > 512) { /* names are short; bounds the fold's work */
		n = 512;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &o,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)o;
}

/* Organisation or site names in author fields (see html_int.h). */
int html_author_is_org(const char *s, const char *site_name)
{
	static const char *const ORG[] = {
	    "báo ",	 "tạp chí", "cổng thông tin", "cổng ttđt", "trang thông tin", "đài ",
	    "truyền hình", "thông tấn", "ttxvn",	  "vnexpress", "tuổi trẻ", "thanh niên",
	    "nhân dân", "online",   ".vn",	     ".com",	  "http",      "www",
	    "news",	 "ban biên tập", "tòa soạn", "toà soạn", "bbt",	     "admin",
	    "quản trị", "biên tập viên", "chính phủ", "quân đội", NULL};
	char *f = fold(s);
	if (!f)
		return 1;
	int org = 0;
	for (int k = 0; ORG[k] && !org; k++)
		org = strstr(f, ORG[k]) != NULL;
	if (!org && site_name) {
		char *g = fold(site_name);
		org = g && !strcmp(f, g);
		free(g);
	}
	if (!org && !strchr(f, ' ') && strlen(f) <= 8)
		org = 1; /* "ttxvn", "pv", "vov": agencies, not people */
	free(f);
	return org;
}

/* ---- JSON-LD ------------------------------------------------------------------ */

/* 2 for an article type, 1 for a web page (publisher and url only), 0. */
static int is_article_type(json_t *ty)
{
	static const char *const T[] = {"NewsArticle",	    "Article",		"ReportageNews",
					"AnalysisNewsArticle", "BackgroundNewsArticle",
					"OpinionNewsArticle", "BlogPosting", "LiveBlogPosting",
					"WebPage", NULL};
	if (json_is_array(ty)) {
		size_t i;
		json_t *x;
		int best = 0;
		json_array_foreach(ty, i, x)
		{
			int k = is_article_type(x);
			best = k > best ? k : best;
		}
		return best;
	}
	if (!json_is_string(ty))
		return 0;
	const char *v = json_string_value(ty);
	if (!strncmp(v, "http://schema.org/", 18))
		v += 18;
	else if (!strncmp(v, "https://schema.org/", 19))
		v += 19;
	for (int k = 0; T[k]; k++)
		if (!strcmp(v, T[k]))
			return 1 + (k < 8);
	return 0;
}

static void ld_authors(hmeta_t *m, json_t *a)
{
	if (json_is_string(a)) {
		push_name(&m->ld_authors, json_string_value(a), json_string_length(a));
	} else if (json_is_array(a)) {
		size_t i;
		json_t *x;
		json_array_foreach(a, i, x) ld_authors(m, x);
	} else if (json_is_object(a)) {
		json_t *ty = json_object_get(a, "@type"), *nm = json_object_get(a, "name");
		if (json_is_string(ty) && strcmp(json_string_value(ty), "Person"))
			return; /* an Organization credited as author is no byline */
		if (json_is_string(nm))
			push_name(&m->ld_authors, json_string_value(nm), json_string_length(nm));
	}
}

static void ld_object(hmeta_t *m, json_t *o, int depth)
{
	if (depth > 4)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *x;
		json_array_foreach(o, i, x) ld_object(m, x, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	json_t *g = json_object_get(o, "@graph");
	if (g)
		ld_object(m, g, depth + 1);
	int kind = is_article_type(json_object_get(o, "@type"));
	if (!kind)
		return;
	json_t *v;
	if (kind == 2) { /* an article, not merely a web page */
		if (json_is_string(v = json_object_get(o, "headline")))
			set_once(&m->ld_headline, json_string_value(v), json_string_length(v));
		if (json_is_string(v = json_object_get(o, "datePublished")))
			set_once(&m->ld_date, json_string_value(v), json_string_length(v));
		if (!m->ld_authors.n)
			ld_authors(m, json_object_get(o, "author"));
	}
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_object(pub) && json_is_string(v = json_object_get(pub, "name")))
		set_once(&m->ld_publisher, json_string_value(v), json_string_length(v));
	if (json_is_string(v = json_object_get(o, "url")))
		set_once(&m->ld_url, json_string_value(v), json_string_length(v));
	json_t *me = json_object_get(o, "mainEntityOfPage");
	if (json_is_object(me))
		me = json_object_get(me, "@id");
	if (json_is_string(me))
		set_once(&m->ld_url, json_string_value(me), json_string_length(me));
	if (json_is_string(v = json_object_get(o, "inLanguage")))
		set_once(&m->lang, json_string_value(v), json_string_length(v));
}

/* One <script type="application/ld+json"> body. Pages wrap it in comments
 * or CDATA and leave raw line breaks inside strings; both are tolerated. */
static void ld_json(hmeta_t *m, const char *s, size_t n)
{
	char *b = malloc(n + 1);
	if (!b)
		return;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		b[k++] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
	b[k] = '\0';
	char *p = b, *e = b + k;
	while (p < e && (isspace((unsigned char)*p)))
		p++;
	if (!strncmp(p, "<!--", 4))
		p += 4;
	if (!strncmp(p, "//<![CDATA[", 11))
		p += 11;
	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	if (e - p >= 3 && !strncmp(e - 3, "-->", 3))
		e -= 3;
	if (e - p >= 5 && !strncmp(e - 5, "//]]>", 5))
		e -= 5;
	json_t *j = json_loadb(p, (size_t)(e - p), JSON_DECODE_ANY, NULL);
	if (j)
		ld_object(m, j, 0);
	json_decref(j);
	free(b);
}

/* ---- the pass over the tree --------------------------------------------------- */

static int key_is(const char *v, size_t n, const char *k)
{
	return v && strlen(k) == n && !strncasecmp(v, k, n);
}

static const char *const DATE_KEYS[] = {"article:published_time", "og:article:published_time",
					"datepublished", "pubdate", "publishdate", "publish-date",
					"publish_date", "dc.date.issued", "dc.date", "date",
					"article.published", "parsely-pub-date", "sailthru.date",
					"dcterms.created", "created", NULL};

static void meta_tag(hmeta_t *m, const htree_t *t, uint32_t i)
{
	size_t kn = 0, cn = 0;
	const char *k = html_attr(t, i, HA_PROPERTY, &kn);
	if (!k)
		k = html_attr(t, i, HA_NAME, &kn);
	if (!k)
		k = html_attr(t, i, HA_ITEMPROP, &kn);
	const char *c = html_attr(t, i, HA_CONTENT, &cn);
	if (!k || !c || !cn)
		return;
	if (key_is(k, kn, "og:title") || (key_is(k, kn, "twitter:title") && !m->og_title))
		set_once(&m->og_title, c, cn);
	else if (key_is(k, kn, "og:site_name"))
		set_once(&m->site_name, c, cn);
	else if (key_is(k, kn, "og:url"))
		set_once(&m->og_url, c, cn);
	else if (key_is(k, kn, "application-name"))
		set_once(&m->app_name, c, cn);
	else if (key_is(k, kn, "og:locale") || key_is(k, kn, "language") ||
		 key_is(k, kn, "content-language"))
		set_once(&m->lang, c, cn);
	else if (key_is(k, kn, "author") || key_is(k, kn, "dc.creator") ||
		 (key_is(k, kn, "article:author") && strncmp(c, "http", 4))) {
		if (!m->meta_authors.n)
			push_name(&m->meta_authors, c, cn);
	} else {
		for (int d = 0; DATE_KEYS[d]; d++) {
			char iso[32];
			if (key_is(k, kn, DATE_KEYS[d]) && !m->meta_date && !html_date_iso(c, cn, iso)) {
				m->meta_date = strdup(iso);
				break;
			}
		}
	}
}

/* Read the metadata (see html_int.h). */
int html_meta_read(const htree_t *t, hmeta_t *m)
{
	hbuf_t b = {0};
	memset(m, 0, sizeof *m);
	for (uint32_t i = 1; i < t->nodes.n; i++) {
		const hnode_t *n = &t->nodes.v[i];
		size_t vn;
		const char *v;
		switch (n->tag) {
		case HT_HTML:
			if ((v = html_attr(t, i, HA_LANG, &vn)))
				set_once(&m->lang, v, vn);
			break;
		case HT_META:
			meta_tag(m, t, i);
			break;
		case HT_LINK:
			v = html_attr(t, i, HA_REL, &vn);
			if (v && key_is(v, vn, "canonical") && (v = html_attr(t, i, HA_HREF, &vn)))
				set_once(&m->canonical, v, vn);
			break;
		case HT_TITLE:
			if (!m->doc_title) {
				b.n = 0;
				if (html_node_text(t, i, &b, 4096))
					goto oom;
				set_once(&m->doc_title, b.p, b.n);
			}
			break;
		case HT_SCRIPT:
			v = html_attr(t, i, HA_TYPE, &vn);
			if (v && key_is(v, vn, "application/ld+json") && n->first &&
			    t->nodes.v[n->first].tag == HT_TEXT)
				ld_json(m, t->strs.p + t->nodes.v[n->first].text,
					t->nodes.v[n->first].text_len);
			break;
		default:
			break;
		}
	}
	free(b.p);
	return 0;
oom:
	free(b.p);
	return -1;
}

/* Free the metadata. */
void html_meta_free(hmeta_t *m)
{
	char **all[] = {&m->og_title,  &m->ld_headline, &m->doc_title, &m->meta_date,
			&m->ld_date,   &m->canonical,	&m->og_url,    &m->ld_url,
			&m->site_name, &m->ld_publisher, &m->app_name, &m->lang};
	for (size_t k = 0; k < sizeof all / sizeof *all; k++)
		free(*all[k]);
	for (size_t k = 0; k < m->ld_authors.n; k++)
		free(m->ld_authors.v[k]);
	for (size_t k = 0; k < m->meta_authors.n; k++)
		free(m->meta_authors.v[k]);
	free(m->ld_authors.v);
	free(m->meta_authors.v);
	memset(m, 0, sizeof *m);
}
